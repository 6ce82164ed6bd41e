import { z } from 'zod';

/**
 * The domain's shapes, declared once as zod schemas. Types are inferred from them (`z.infer`);
 * the contract, the core, the CLI and the renderer all import from here. Pure: zod only.
 */

export const profileName = z.string().min(1).max(64);
export const keyValue = z.object({ name: z.string(), value: z.string(), enabled: z.boolean().optional() });
export const sameSite = z.enum(['Strict', 'Lax', 'None']);

export const requestSpecSchema = z.object({
  method: z.string().min(1).max(32),
  url: z.string().max(64 * 1024),
  headers: z.array(keyValue),
  body: z.discriminatedUnion('type', [
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
  ]),
  auth: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('none') }),
      z.object({ type: z.literal('basic'), username: z.string(), password: z.string() }),
      z.object({ type: z.literal('bearer'), token: z.string() }),
    ])
    .optional(),
  cookies: z.array(keyValue).optional(),
  options: z
    .object({
      cookieStore: z.boolean().optional(),
      followRedirects: z.boolean().optional(),
      maxRedirects: z.number().int().min(0).max(100).optional(),
      timeoutMs: z.number().int().min(0).max(3_600_000).optional(),
      insecure: z.boolean().optional(),
      proxy: z.string().optional(),
    })
    .optional(),
});

export const cookieInputSchema = z.object({
  name: z.string(),
  value: z.string(),
  domain: z.string(),
  path: z.string().optional(),
  expires: z.string().nullable().optional(),
  secure: z.boolean().optional(),
  httpOnly: z.boolean().optional(),
  sameSite: sameSite.nullable().optional(),
  hostOnly: z.boolean().optional(),
});

export const cookieKey = z.object({ domain: z.string(), path: z.string(), name: z.string() });

export const savedRequestInput = z.object({
  id: z.string().optional(),
  name: z.string().min(1).max(200),
  folder: z.string().max(500),
  request: requestSpecSchema,
});
