import { z } from 'zod';

/** Declares a channel: its result type (a phantom), then its argument schema. */
export function channel<R>() {
  return <A extends z.ZodType>(args: A): { args: A; result: R } => ({
    args,
    result: undefined as unknown as R,
  });
}

export const none = z.object({}).strict();
export const collectionId = z.string().min(1);
