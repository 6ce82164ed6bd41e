import { describe, expect, it } from 'vitest';
import { gather, urgently, WriteQueue } from '../../../main/core/store/queue';

describe('the write queue', () => {
  it('runs tasks one after another in the order they were queued, and a failure stops only its own', async () => {
    const q = new WriteQueue();
    const order: string[] = [];
    const a = q.run(async () => {
      await new Promise((r) => setImmediate(r));
      order.push('a');
    });
    const b = q.run(() => {
      throw new Error('b failed');
    });
    const c = q.run(() => order.push('c'));
    await a;
    await expect(b).rejects.toThrow('b failed');
    await c;
    expect(order).toEqual(['a', 'c']);
    expect(q.size).toBe(0);
  });

  it('a write-behind task gathering more work is cut short by whoever waits for the disk', async () => {
    const q = new WriteQueue();
    let gathered = 0;
    const gatherThenCount = () =>
      q.run(async () => {
        await gather();
        gathered++;
      });
    gatherThenCount();
    await Promise.resolve();
    expect(gathered).toBe(0);
    // the first task is gathering; the second has not started yet: both end without their wait
    let flushed = false;
    const flushing = urgently(async () => {
      gatherThenCount();
      await q.run(() => undefined);
      flushed = true;
    });
    await flushing;
    expect(flushed).toBe(true);
    expect(gathered).toBe(2);
  });

  it('drain waits for tasks queued meanwhile', async () => {
    const q = new WriteQueue();
    const done: number[] = [];
    q.run(async () => {
      await gather();
      done.push(1);
      q.run(async () => {
        await gather();
        done.push(2);
      });
    });
    await q.drain();
    expect(done).toEqual([1, 2]);
  });
});
