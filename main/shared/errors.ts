import type { PartialResponse } from './limits';
import type { ErrorCode, Result, TandemError } from './result';

/** A failure the user should read. Thrown inside core, turned into data at the edge (`attempt`). */
export class TandemFailure extends Error {
  readonly code: ErrorCode;
  /** INVALID_RESPONSE: what the response had shown before it broke. */
  readonly partial?: PartialResponse;
  constructor(code: ErrorCode, message: string, extra?: { partial?: PartialResponse }) {
    // User text quoted in a message (a URL, a header) may hold line breaks: shown escaped, so the
    // message stays one line and says everything.
    super(oneLine(String(message).replace(/\r/g, '\\r').replace(/\n/g, '\\n')));
    this.code = code;
    this.name = 'TandemFailure';
    if (extra?.partial) this.partial = extra.partial;
  }
  toError(): TandemError {
    return this.partial
      ? { code: this.code, message: this.message, partial: this.partial }
      : { code: this.code, message: this.message };
  }
}

export function fail(code: ErrorCode, message: string): never {
  throw new TandemFailure(code, message);
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message: oneLine(message) } };
}

/** Collapses any text to a single line; users never see stack traces. */
export function oneLine(message: string): string {
  const first = String(message).split('\n')[0]?.trim() ?? '';
  return first.length > 300 ? `${first.slice(0, 297)}...` : first || 'Unknown error';
}

/** Turns anything thrown into a TandemError. Unknown errors become INTERNAL with their first line. */
export function toTandemError(e: unknown): TandemError {
  if (e instanceof TandemFailure) return e.toError();
  if (e instanceof Error) return { code: 'INTERNAL', message: oneLine(e.message) };
  return { code: 'INTERNAL', message: oneLine(String(e)) };
}

/** Runs a core function and returns its outcome as data. */
export async function attempt<T>(fn: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, error: toTandemError(e) };
  }
}
