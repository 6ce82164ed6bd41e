import { describe, expect, it } from 'vitest';
import { coalesce } from '../../../renderer/src/features/cookies/coalesce';

describe('coalescing reloads', () => {
  it('a burst of change events during a reload costs one more reload, not one each', async () => {
    const runs: string[] = [];
    const gates: Array<() => void> = [];
    const reload = coalesce(async (key) => {
      runs.push(key);
      await new Promise<void>((resolve) => gates.push(resolve));
    });
    const first = reload('alice');
    for (let i = 0; i < 5; i++) void reload('alice');
    expect(runs).toEqual(['alice']);
    gates.shift()!();
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(runs).toEqual(['alice', 'alice']);
    gates.shift()!();
    await first;
    expect(runs).toHaveLength(2);

    const later = reload('alice');
    expect(runs).toHaveLength(3);
    gates.shift()!();
    await later;
  });

  it('a reload for another profile starts at once', async () => {
    const runs: string[] = [];
    const reload = coalesce(async (key) => {
      runs.push(key);
      await Promise.resolve();
    });
    const a = reload('alice');
    const b = reload('bob');
    await Promise.all([a, b]);
    expect(runs).toEqual(['alice', 'bob']);
  });
});
