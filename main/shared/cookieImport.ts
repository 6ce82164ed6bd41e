import { z } from 'zod';

/**
 * What a cookie file holds before it is imported: how many cookies would go in, how many were
 * left out because they had already expired, and every line (cookies.txt) or item (JSON) that
 * was rejected, with its number and the reason. Both the UI preview and the CLI's
 * `--skip-invalid` report speak this shape.
 */
export const cookieRejectionSchema = z.object({
  /** 1-based line (cookies.txt) or item (JSON array) number. */
  line: z.number().int().min(1),
  /** "line 3" or "item 3": how to name it to a person. */
  where: z.string(),
  /** One sentence, no location prefix: `expiry must be whole seconds since 1970, not "x"`. */
  reason: z.string(),
});
export type CookieRejection = z.infer<typeof cookieRejectionSchema>;

export const cookieImportPreviewSchema = z.object({
  format: z.enum(['netscape', 'json']),
  valid: z.number().int().min(0),
  expired: z.number().int().min(0),
  rejected: z.array(cookieRejectionSchema),
});
export type CookieImportPreview = z.infer<typeof cookieImportPreviewSchema>;

export const cookieImportResultSchema = z.object({
  imported: z.number().int().min(0),
  /** Only filled when the import was asked to skip invalid lines. */
  rejected: z.array(cookieRejectionSchema),
});
export type CookieImportResult = z.infer<typeof cookieImportResultSchema>;

/** "3 valid, 2 rejected" (and "1 expired" when some were). */
export function describePreview(p: Pick<CookieImportPreview, 'valid' | 'expired' | 'rejected'>): string {
  const parts = [`${p.valid} valid`, `${p.rejected.length} rejected`];
  if (p.expired > 0) parts.push(`${p.expired} expired`);
  return parts.join(', ');
}

/** "line 3: expected 7 tab-separated fields, found 2" */
export const describeRejection = (r: CookieRejection): string => `${r.where}: ${r.reason}`;
