/**
 * What largeBody.worker.ts does, as a plain function: holds one body's text and line index,
 * lays it out in slices and answers line requests. Also run in the page itself where there is
 * no Worker (tests); `post` sends the answers back. Pure apart from `fetch`.
 */

import type { FromWorker, ToWorker } from './largeBodyProtocol';
import { LineIndex, lineAt, looksLikeJsonText, plainIndexer, prettyJsonIndexer } from './lineIndex';

export function bodyEngine(post: (m: FromWorker) => void): (m: ToWorker) => Promise<void> {
  let text = '';
  let index = new LineIndex();
  let pretty = false;
  let generation = 0;

  async function layout(mode: 'pretty' | 'raw'): Promise<void> {
    const mine = ++generation;
    index = new LineIndex();
    pretty = mode === 'pretty' && looksLikeJsonText(text);
    const step = pretty ? prettyJsonIndexer(text, index) : plainIndexer(text, index);
    let told = 0;
    for (let slice = 0; ; slice++) {
      const done = step();
      if (mine !== generation) return; // a newer layout took over
      // The first lines at once; then news at most every 100 ms (each one re-renders the page).
      const now = performance.now();
      if (done || slice === 0 || now - told >= 100) {
        told = now;
        post({ type: 'progress', count: index.count, done, pretty, chars: text.length });
      }
      if (done) return;
      // Let line requests in between two slices of work.
      await new Promise((r) => setTimeout(r, 0));
      if (mine !== generation) return;
    }
  }

  return async (m: ToWorker): Promise<void> => {
    try {
      if (m.type === 'open') {
        if (m.text !== undefined) text = m.text;
        else {
          const res = await fetch(m.url as string, { headers: { authorization: `Bearer ${m.token ?? ''}` } });
          if (!res.ok) {
            const why = ((await res.json().catch(() => null)) as { error?: { message?: string } } | null)
              ?.error;
            throw new Error(why?.message ?? `The body could not be read (HTTP ${res.status})`);
          }
          text = await res.text();
        }
        await layout(m.mode);
      } else if (m.type === 'mode') {
        await layout(m.mode);
      } else if (m.type === 'lines') {
        const to = Math.min(m.to, index.count);
        const lines: string[] = [];
        for (let i = m.from; i < to; i++) lines.push(lineAt(text, index, i, pretty));
        post({ type: 'lines', from: m.from, lines });
      }
    } catch (err) {
      post({ type: 'error', message: (err as Error).message.split('\n')[0] ?? 'The body could not be read' });
    }
  };
}
