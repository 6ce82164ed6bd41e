import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channel } from '../../main/contract/channel';
import { dispatch } from '../../main/contract/dispatch';
import { contract } from '../../main/contract/index';

/** A channel's argument schema is built on its first use, once, and still validates every call. */

describe('channel()', () => {
  it('builds the schema when args is first read, and only once', () => {
    let made = 0;
    const c = channel<number>()(() => {
      made++;
      return z.object({ n: z.number() });
    });
    expect(made).toBe(0);
    const first = c.args;
    expect(c.args).toBe(first);
    expect(made).toBe(1);
    expect(first.safeParse({ n: 1 }).success).toBe(true);
  });

  it('the contract validates through its lazy schemas: a bad call is one line, a good one reaches the handler', async () => {
    const seen: unknown[] = [];
    const handlers = new Proxy(
      {},
      {
        get: () => async (args: unknown) => {
          seen.push(args);
          return { ok: true, value: null };
        },
      },
    ) as Parameters<typeof dispatch>[0];
    const bad = await dispatch(handlers, 'profiles.rename', { from: 'alice' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(!bad.ok && bad.error.message.includes('\n')).toBe(false);
    expect(await dispatch(handlers, 'profiles.rename', { from: 'alice', to: 'alice2' })).toEqual({
      ok: true,
      value: null,
    });
    expect(seen).toEqual([{ from: 'alice', to: 'alice2' }]);
    expect(contract['profiles.rename'].args).toBe(contract['profiles.rename'].args);
  });
});
