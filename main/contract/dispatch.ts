import { toTandemError } from '../shared/errors';
import type { Result } from '../shared/types';
import { type Channel, contract, type Handlers, parseArgs } from './index';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/**
 * The one way a call crosses a boundary (IPC, HTTP, in-process): check the channel,
 * validate the arguments against the contract, call the handler, return a Result.
 * Never throws.
 */
export async function dispatch(handlers: Handlers, channel: unknown, raw: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: `Unknown channel "${String(channel)}"` },
    };
  }
  const parsed = parseArgs(channel, raw);
  if (!parsed.ok) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: parsed.message } };
  try {
    const handler = handlers[channel] as (args: unknown) => Promise<Result<unknown>>;
    return await handler(parsed.args);
  } catch (e) {
    return { ok: false, error: toTandemError(e) };
  }
}
