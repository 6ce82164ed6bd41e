import { z } from 'zod';

/**
 * Declares a channel: its result type (a phantom), then a function that makes its argument
 * schema. The schema is made the first time `args` is read (the first call on that channel), so
 * loading the contract builds none of them: a CLI command, the preload and the web server pay
 * only for the channels they use.
 */
export function channel<R>() {
  return <A extends z.ZodType>(make: () => A): { readonly args: A; result: R } => {
    let made: A | undefined;
    return {
      get args() {
        made ??= make();
        return made;
      },
      result: undefined as unknown as R,
    };
  };
}

export const none = z.object({}).strict();
export const collectionId = z.string().min(1);
