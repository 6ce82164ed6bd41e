import { expect } from 'vitest';
import { TandemFailure } from '../../../main/shared/errors';

/** Cases per property (the issue asks for at least 10,000). FUZZ_RUNS may raise it. */
export const RUNS = Math.max(10_000, Number(process.env.FUZZ_RUNS ?? 0));

/** Cases run by every property in this process, by name: printed once for the report. */
export const counted = new Map<string, number>();
export function count(name: string): void {
  counted.set(name, (counted.get(name) ?? 0) + 1);
}

/** What a rejection must look like: a TandemFailure with one clear line (no stack, no newline). */
export function expectOneLine(e: unknown, codes: string[]): void {
  expect(e).toBeInstanceOf(TandemFailure);
  const f = e as TandemFailure;
  expect(codes).toContain(f.code);
  expect(f.message.length).toBeGreaterThan(0);
  expect(f.message).not.toMatch(/[\r\n]/);
  expect(f.message).not.toMatch(/\bat .*\.(ts|js):\d+/);
}
