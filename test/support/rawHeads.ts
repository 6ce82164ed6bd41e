import net from 'node:net';

/**
 * A raw TCP "server" that answers each request with the bytes given for its path (latin1, sent
 * as written: bad header bytes included), or with `/fine`'s. For what no HTTP server would send.
 */
export async function startRawHeads(
  heads: Record<string, string>,
): Promise<{ base: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffered = '';
    socket.on('data', (d) => {
      buffered += d.toString('latin1');
      let end = buffered.indexOf('\r\n\r\n');
      while (end !== -1) {
        const path = buffered.slice(0, end).split(' ')[1] ?? '/';
        buffered = buffered.slice(end + 4);
        socket.write(Buffer.from(heads[path] ?? heads['/fine'], 'latin1'));
        end = buffered.indexOf('\r\n\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
