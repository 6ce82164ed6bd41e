import { z } from 'zod';

/**
 * The domain's shapes, declared once as zod schemas. Types are inferred from them (`z.infer`, in
 * `./types.ts`); the contract, the core, the CLI and the renderer all import from here. Pure: zod
 * only. A field added here is a field of the type; a field the type needs is added here.
 */

export const profileName = z.string().min(1).max(64);

export const keyValue = z.object({
  name: z.string(),
  value: z.string(),
  /** Disabled rows are kept but not sent / not substituted. Defaults to true. */
  enabled: z.boolean().optional(),
});

export const sameSite = z.enum(['Strict', 'Lax', 'None']);

export const requestBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('text'), text: z.string(), contentType: z.string().optional() }),
  z.object({ type: z.literal('json'), text: z.string() }),
  z.object({ type: z.literal('form'), fields: z.array(keyValue) }),
  z.object({
    type: z.literal('multipart'),
    parts: z.array(
      z.discriminatedUnion('kind', [
        z.object({
          kind: z.literal('field'),
          name: z.string(),
          value: z.string(),
          enabled: z.boolean().optional(),
        }),
        z.object({
          kind: z.literal('file'),
          name: z.string(),
          path: z.string(),
          filename: z.string().optional(),
          contentType: z.string().optional(),
          enabled: z.boolean().optional(),
        }),
      ]),
    ),
  }),
  z.object({ type: z.literal('file'), path: z.string(), contentType: z.string().optional() }),
]);

export const requestAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('basic'), username: z.string(), password: z.string() }),
  z.object({ type: z.literal('bearer'), token: z.string() }),
]);

export const requestOptionsSchema = z.object({
  /** Overrides the profile's cookie-store switch for this request only. */
  cookieStore: z.boolean().optional(),
  /** Default true. */
  followRedirects: z.boolean().optional(),
  /** Default 10. */
  maxRedirects: z.number().int().min(0).max(100).optional(),
  /** Default 30000; 0 = none. */
  timeoutMs: z.number().int().min(0).max(3_600_000).optional(),
  /** Skip TLS certificate checks. */
  insecure: z.boolean().optional(),
  /** e.g. http://127.0.0.1:3128; falls back to settings, then HTTPS_PROXY/HTTP_PROXY (NO_PROXY honoured). */
  proxy: z.string().optional(),
});

export const requestSpecSchema = z.object({
  /** Any token: GET, POST, PROPFIND… */
  method: z.string().min(1).max(32),
  /** May contain {{variables}}. Query params live in the URL. */
  url: z.string().max(64 * 1024),
  /** Order kept; repeated names allowed. */
  headers: z.array(keyValue),
  body: requestBodySchema,
  auth: requestAuthSchema.optional(),
  /** Per-request cookies, merged over the jar's (these win on a name clash). */
  cookies: z.array(keyValue).optional(),
  options: requestOptionsSchema.optional(),
});

/** What the user types into the cookie editor or the CLI, and one item of a JSON cookie file. */
export const cookieInputSchema = z.object({
  name: z.string(),
  value: z.string(),
  /** Host name, e.g. 'localhost' or '.example.com' (leading dot = domain cookie). */
  domain: z.string(),
  path: z.string().optional(),
  expires: z.string().nullable().optional(),
  secure: z.boolean().optional(),
  httpOnly: z.boolean().optional(),
  sameSite: sameSite.nullable().optional(),
  hostOnly: z.boolean().optional(),
});

/** A cookie identity inside a jar. */
export const cookieKey = z.object({ domain: z.string(), path: z.string(), name: z.string() });

export const savedRequestInput = z.object({
  id: z.string().optional(),
  name: z.string().min(1).max(200),
  folder: z.string().max(500),
  request: requestSpecSchema,
});
