import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../main/cli/format';
import { runCli } from '../../main/cli/run';
import type { CliIO } from '../../main/cli/session';

/** runCli in this process, for usage errors that never reach the workspace (no data dir is opened). */
async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    isTTY: false,
    env: { TANDEM_HOME: '/nonexistent/tandem-test-home' },
    cwd: '/nonexistent',
    untilStopped: () => Promise.resolve(),
    onInterrupt: () => () => {},
    openUrl: () => {},
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('runCli: usage errors are one line and exit 2; help is exit 0', () => {
  it('a group without its command names the commands it has', async () => {
    expect(await cli('cookies')).toEqual({
      code: 2,
      out: '',
      err: "tandem: 'tandem cookies' needs a command: list, set, delete, clear, import, export\n",
    });
  });

  it('commander errors (missing argument, missing option, bad choice, unknown command) are one line', async () => {
    const cases: Array<[string[], string]> = [
      // the URL is optional to commander since --curl FILE can stand for it; send itself asks for one
      [['send'], "tandem: 'tandem send' needs a URL, or --curl FILE\n"],
      [['cookies', 'set', 'a=1'], "tandem: required option '--domain <domain>' not specified\n"],
      [
        ['cookies', 'export', '--format', 'xml'],
        "tandem: option '--format <format>' argument 'xml' is invalid.",
      ],
      [['frobnicate'], "tandem: unknown command 'frobnicate'\n"],
      [['send', '--timeout', 'soon', 'http://h'], "tandem: Invalid --timeout 'soon'"],
    ];
    for (const [argv, line] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.startsWith(line), `${argv.join(' ')}: ${r.err}`).toBe(true);
      expect(r.err.split('\n')).toHaveLength(2);
    }
  });

  it('--help and --version print to stdout and exit 0; no arguments shows the help', async () => {
    const help = await cli('send', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: tandem send [options] [url]');
    expect(help.out).toContain('--no-cookie-store');
    expect(help.err).toBe('');
    expect(await cli('--version')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^\d+\.\d+\.\d+\n$/),
    });
    expect((await cli()).out).toContain('Commands:');
    expect(await cli('help', 'cookies')).toMatchObject({
      code: 0,
      err: '',
      out: expect.stringContaining('import'),
    });
  });

  it('colours only on a terminal, and never with NO_COLOR', () => {
    expect(colorEnabled(true, {})).toBe(true);
    expect(colorEnabled(false, {})).toBe(false);
    expect(colorEnabled(true, { NO_COLOR: '1' })).toBe(false);
  });
});
