import { z } from 'zod';
import { keyValue, requestSpecSchema } from './schemas';

/**
 * Shapes shared by the importers/exporters (core), the contract, the CLI and the UI: what an
 * import will create, what it skips and why, and the code generators' names. Pure: zod only.
 */

export const importFormats = ['postman', 'insomnia', 'har', 'openapi'] as const;
export const importFormat = z.enum(importFormats);
export type ImportFormat = z.infer<typeof importFormat>;

export const exportFormats = ['postman', 'har'] as const;
export const exportFormat = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormat>;

export const codeTargets = ['curl', 'httpie', 'fetch', 'python'] as const;
export const codeTarget = z.enum(codeTargets);
export type CodeTarget = z.infer<typeof codeTarget>;

export const importedRequestSchema = z.object({
  name: z.string(),
  folder: z.string(),
  request: requestSpecSchema,
});

/** Something the importer could not take, and where it was in the file (a JSON path or a line). */
export const skippedItemSchema = z.object({ where: z.string(), reason: z.string() });
export type SkippedItem = z.infer<typeof skippedItemSchema>;

/** A cookie the source says the browser sent (HAR), for a profile's jar if the user asks. */
export const importedCookieSchema = z.object({
  name: z.string(),
  value: z.string(),
  domain: z.string(),
  path: z.string(),
});

export const importPreviewSchema = z.object({
  format: importFormat,
  /** The collection's name (from the file, or the one asked for). */
  name: z.string(),
  folders: z.array(z.string()),
  requests: z.array(importedRequestSchema),
  /** Collection variables ({{var}} references in the requests are kept as they are). */
  variables: z.array(keyValue),
  skipped: z.array(skippedItemSchema),
  cookies: z.array(importedCookieSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export interface ImportOutcome {
  preview: ImportPreview;
  collectionId: string;
  /** Cookies put into `cookiesProfile`'s jar (0 when none was chosen). */
  cookiesImported: number;
}

/** A curl command turned into a request, with what curl options had no effect. */
export interface CurlConversion {
  request: z.infer<typeof requestSpecSchema>;
  /** A name for the request: METHOD and path. */
  name: string;
  /** Options read but ignored (`--silent`, `-o`…), and what could not be kept. */
  notes: string[];
}

export interface CodeSnippet {
  target: CodeTarget;
  code: string;
  /** Names of the cookies from the profile's jar written into the code (its session leaves the app with it). */
  cookies: string[];
}

/** Labels for the code targets (CLI help, the "Copy as" menu). */
export const codeTargetLabels: Record<CodeTarget, string> = {
  curl: 'curl',
  httpie: 'HTTPie',
  fetch: 'JavaScript fetch',
  python: 'Python requests',
};

/** Guesses which tool wrote an import file from its first bytes and keys (the UI's default choice). */
export function detectImportFormat(text: string): ImportFormat | null {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (/^(openapi|swagger)\s*:/m.test(t.slice(0, 4000))) return 'openapi';
  if (!t.startsWith('{')) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(t);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as Record<string, unknown>;
  if (typeof o.openapi === 'string' || o.swagger === '2.0') return 'openapi';
  if (o._type === 'export' || Array.isArray(o.resources)) return 'insomnia';
  if (typeof o.log === 'object' && o.log !== null) return 'har';
  if (typeof o.info === 'object' && o.info !== null && Array.isArray(o.item)) return 'postman';
  return null;
}

export const importFormatLabels: Record<ImportFormat, string> = {
  postman: 'Postman collection (v2.1)',
  insomnia: 'Insomnia export (v4)',
  har: 'HAR (browser DevTools)',
  openapi: 'OpenAPI 3 / Swagger 2',
};
