import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels, contract, eventNames } from '../../main/contract';
import { createTandem } from '../../main/core/tandem';

const lifecycle = new Set(['events', 'dataDir', 'notices', 'close']);

describe('the contract and the core agree', () => {
  it('createTandem has exactly one function per channel: none missing, none extra', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-facade-'));
    const tandem = await createTandem({ dataDir: dir, host: 'web' });
    try {
      const keys = Object.keys(tandem).filter((k) => !lifecycle.has(k));
      const missing = channels.filter((c) => typeof (tandem as Record<string, unknown>)[c] !== 'function');
      const extra = keys.filter((k) => !Object.hasOwn(contract, k));
      expect(missing).toEqual([]);
      expect(extra).toEqual([]);
      expect(typeof tandem.close).toBe('function');
      expect(typeof tandem.events.on).toBe('function');
    } finally {
      await tandem.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('every channel name is <area>.<verb> and every event name too', () => {
    for (const c of channels) expect(c).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    for (const e of eventNames) expect(e).toMatch(/^[a-z]+\.[a-z]+$/);
  });
});
