import { z } from 'zod';
import { fail } from './errors';
import { expectationSchema, jarModeSchema } from './sessions';
import type { Collection, MatrixExpectations } from './types';

/**
 * A saved access matrix, `<dataDir>/matrices/<name>.json` (or any file given to
 * `tandem matrix run FILE`): which collection (or folder), which profiles, the jar mode and each
 * cell's expectation — a verdict, a status or any check — keyed by the request's name
 * (`folder/name` inside a folder, or its id) so the file reads well and survives edits.
 */
export const matrixName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/, 'a matrix name: letters, digits, space _ . - (up to 64)');

export const matrixFileSchema = z.object({
  name: matrixName,
  /** The collection's name or id. */
  collection: z.string().min(1),
  /** Only the requests in this folder (and its subfolders). */
  folder: z.string().optional(),
  profiles: z.array(z.string().min(1).max(64)).min(1).max(50),
  jars: jarModeSchema.default('copy'),
  /** request (name, folder/name or id) → profile → expectation. */
  expect: z.record(z.string(), z.record(z.string(), expectationSchema)).default({}),
});
export type MatrixFile = z.infer<typeof matrixFileSchema>;

/** Finds a request of `c` by id, `folder/name` or name. */
export function findRequest(c: Collection, ref: string) {
  return (
    c.requests.find((r) => r.id === ref) ??
    c.requests.find((r) => (r.folder ? `${r.folder}/${r.name}` : r.name) === ref) ??
    c.requests.find((r) => r.name === ref)
  );
}

/** The file's expectations keyed by request id (NOT_FOUND names a request the collection lacks). */
export function expectationsById(file: MatrixFile, c: Collection): MatrixExpectations {
  const out: MatrixExpectations = {};
  for (const [ref, perProfile] of Object.entries(file.expect)) {
    const req = findRequest(c, ref);
    if (!req) fail('NOT_FOUND', `Matrix '${file.name}' names a request '${ref}' that is not in '${c.name}'`);
    out[req.id] = { ...(out[req.id] ?? {}), ...perProfile };
  }
  return out;
}

/** Expectations keyed by id → keyed by the readable `folder/name` (what the app saves). */
export function expectationsByName(expect: MatrixExpectations, c: Collection): MatrixFile['expect'] {
  const out: MatrixFile['expect'] = {};
  for (const [id, perProfile] of Object.entries(expect)) {
    const r = c.requests.find((x) => x.id === id);
    if (!r || Object.keys(perProfile).length === 0) continue;
    const name = r.folder ? `${r.folder}/${r.name}` : r.name;
    // Two requests with one name: the id keeps them apart.
    const clash = c.requests.filter((x) => (x.folder ? `${x.folder}/${x.name}` : x.name) === name).length > 1;
    out[clash ? id : name] = perProfile;
  }
  return out;
}
