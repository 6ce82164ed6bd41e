import { z } from 'zod';
import {
  type CodeSnippet,
  type CurlConversion,
  codeTarget,
  exportFormat,
  type ImportOutcome,
  type ImportPreview,
  importFormat,
} from '../shared/interop';
import { profileName, requestSpecSchema } from '../shared/schemas';
import { channel, collectionId } from './channel';

const importText = z.string().max(50 * 1024 * 1024);

/** Bringing requests in (curl, Postman, Insomnia, HAR, OpenAPI) and taking them out (code, Postman, HAR). */
export const interopChannels = {
  /** A curl command → a request. With `cookiesTo`, its -b cookies go into that profile's jar instead. */
  'interop.curl': channel<CurlConversion & { cookiesImported: number }>()(() =>
    z.object({
      command: z
        .string()
        .min(1)
        .max(1024 * 1024),
      /** Folder that `@file` paths are read from (default: the core's working folder). */
      cwd: z.string().optional(),
      cookiesTo: profileName.optional(),
    }),
  ),
  /** The request as code for `profile`, with its variables, headers and jar cookies. */
  'interop.code': channel<CodeSnippet>()(() =>
    z.object({ profile: profileName, request: requestSpecSchema, target: codeTarget }),
  ),
  /** What importing the text would create, and what it cannot take; writes nothing. */
  'interop.previewImport': channel<ImportPreview>()(() =>
    z.object({ format: importFormat, text: importText, name: z.string().max(200).optional() }),
  ),
  /** Creates one collection from the text; `cookiesProfile` takes the cookies a HAR recorded. */
  'interop.import': channel<ImportOutcome>()(() =>
    z.object({
      format: importFormat,
      text: importText,
      name: z.string().max(200).optional(),
      cookiesProfile: profileName.optional(),
    }),
  ),
  /** A collection as Postman v2.1, or history (one profile's, or everyone's) as HAR 1.2. */
  'interop.export': channel<{ text: string; name: string }>()(() =>
    z.object({
      format: exportFormat,
      collectionId: collectionId.optional(),
      profile: profileName.optional(),
    }),
  ),
};
