import type { Handlers } from '../../contract';
import { attempt, fail } from '../../shared/errors';
import type {
  CurlConversion,
  ExportFormat,
  ImportFormat,
  ImportOutcome,
  ImportPreview,
} from '../../shared/interop';
import type { Workspace } from '../workspace';
import { addCookiesToJar } from './cookies';
import { curlToRequest } from './curl';
import { historyToHar, importHar, parseHarText } from './har';
import { importInsomnia } from './insomnia';

// Postman, OpenAPI and code generation bring large libraries (postman-collection with faker,
// swagger-parser, httpsnippet: megabytes of JavaScript). They load when one of those channels
// is first used, so opening a workspace (every CLI command, the app's start) does not pay for them.
const postman = () => import('./postman');
const openapi = () => import('./openapi');
const code = () => import('./code');

/** What an import file would become; nothing is written. Throws INVALID_FILE with one line. */
export async function previewImport(
  format: ImportFormat,
  text: string,
  name?: string,
): Promise<ImportPreview> {
  if (text.trim() === '') fail('INVALID_FILE', 'The file is empty');
  switch (format) {
    case 'postman':
      return (await postman()).importPostman(parseJson(text, 'Postman collection'), name);
    case 'insomnia':
      return importInsomnia(parseJson(text, 'Insomnia export'), name);
    case 'har':
      return importHar(parseHarText(text), name);
    case 'openapi': {
      const { importOpenApi, parseSpecText } = await openapi();
      return importOpenApi(parseSpecText(text), name);
    }
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    fail('INVALID_FILE', `Not a ${what}: invalid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

/** Creates ONE collection with everything the preview lists; cookies go to `cookiesProfile`'s jar if given. */
export async function runImport(
  ws: Workspace,
  args: { format: ImportFormat; text: string; name?: string; cookiesProfile?: string },
): Promise<ImportOutcome> {
  const preview = await previewImport(args.format, args.text, args.name);
  if (preview.requests.length === 0)
    fail(
      'INVALID_FILE',
      `Nothing to import: the file has no request Tandem can take (${preview.skipped.length} skipped)`,
    );
  if (args.cookiesProfile) await ws.profiles.get(args.cookiesProfile);
  const collection = await ws.collections.create(preview.name, {
    folders: preview.folders,
    requests: preview.requests,
    variables: preview.variables,
  });
  let cookiesImported = 0;
  if (args.cookiesProfile && preview.cookies.length)
    cookiesImported = await addCookiesToJar(ws, args.cookiesProfile, preview.cookies);
  return { preview, collectionId: collection.id, cookiesImported };
}

export async function runExport(
  ws: Workspace,
  args: { format: ExportFormat; collectionId?: string; profile?: string },
  version: string,
): Promise<{ text: string; name: string }> {
  if (args.format === 'postman') {
    if (!args.collectionId) fail('INVALID_ARGUMENT', 'Export to Postman needs a collection');
    const c = await ws.collections.get(args.collectionId);
    return {
      text: `${JSON.stringify((await postman()).exportPostman(c), null, 2)}\n`,
      name: `${c.name}.postman_collection.json`,
    };
  }
  if (args.profile) await ws.profiles.get(args.profile);
  // Runs hold several profiles' steps: read everything, keep the profile's exchanges.
  const entries = await ws.history.list({ limit: 10_000 });
  const har = historyToHar([...entries].reverse(), version, args.profile);
  return { text: `${JSON.stringify(har, null, 2)}\n`, name: `${args.profile ?? 'history'}.har` };
}

/** A curl command as a request; with `cookiesTo`, its -b cookies go into that profile's jar instead. */
export async function convertCurl(
  ws: Workspace,
  args: { command: string; cwd?: string; cookiesTo?: string },
): Promise<CurlConversion & { cookiesImported: number }> {
  const out = await curlToRequest(args.command, args.cwd ?? process.cwd());
  let cookiesImported = 0;
  if (args.cookiesTo && out.request.cookies?.length) {
    await ws.profiles.get(args.cookiesTo);
    const host = URL.parse(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(out.request.url) ? out.request.url : `http://${out.request.url}`,
    );
    if (!host) fail('INVALID_URL', `Invalid URL "${out.request.url}"`);
    cookiesImported = await addCookiesToJar(
      ws,
      args.cookiesTo,
      out.request.cookies.map((c) => ({ name: c.name, value: c.value, domain: host.hostname, path: '/' })),
    );
    delete out.request.cookies;
  }
  return { ...out, cookiesImported };
}

type InteropChannels =
  | 'interop.curl'
  | 'interop.code'
  | 'interop.previewImport'
  | 'interop.import'
  | 'interop.export';

export function interopHandlers(ws: Workspace, version: string): Pick<Handlers, InteropChannels> {
  return {
    'interop.curl': (a) => attempt(() => convertCurl(ws, a)),
    'interop.code': (a) =>
      attempt(async () => (await code()).requestAsCode(ws, a.profile, a.request, a.target)),
    'interop.previewImport': (a) => attempt(() => previewImport(a.format, a.text, a.name)),
    'interop.import': (a) =>
      attempt(async () => {
        const out = await runImport(ws, a);
        ws.events.emit('collections.changed', { id: out.collectionId });
        return out;
      }),
    'interop.export': (a) => attempt(() => runExport(ws, a, version)),
  };
}
