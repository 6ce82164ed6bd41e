import { z } from 'zod';
import { checkSchema } from './checks';
import { keyValue, requestSpecSchema } from './schemas';
import { extractRuleSchema, matrixExpectationsSchema } from './sessions';

/**
 * Collections, declared once: the file `collections/<id>.json` is read with `collectionSchema`
 * and the `Collection` type is inferred from it, so a field added to one is in the other.
 */

export const savedRequestSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Folder path inside the collection, '' for the top level; '/'-separated. */
  folder: z.string(),
  request: requestSpecSchema,
  /** Values to take from the response into the sending profile's variables. */
  extract: z.array(extractRuleSchema).optional(),
  /** Declarative checks judged against each response (shared/checks.ts). */
  checks: z.array(checkSchema).max(100).optional(),
});

export const collectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  folders: z.array(z.string()),
  requests: z.array(savedRequestSchema),
  /** Saved access-matrix expectations: requestId → profile → expected verdict or status. */
  expect: matrixExpectationsSchema.optional(),
  /** Collection variables (imported from Postman/Insomnia/OpenAPI); `{{name}}` references stay in the requests. */
  variables: z.array(keyValue).optional(),
});
