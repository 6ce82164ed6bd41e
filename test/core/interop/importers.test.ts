import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localBridge } from '../../../main/contract/local';
import { previewImport } from '../../../main/core/interop';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { TandemFailure } from '../../../main/shared/errors';
import type { ImportPreview } from '../../../main/shared/interop';
import type { Collection } from '../../../main/shared/types';

/**
 * The importers on files as the tools write them (test/core/interop/fixtures: Postman v2.1,
 * Insomnia v4, a Chrome DevTools HAR, OpenAPI 3 YAML with $refs, Swagger 2), then through a real
 * core: one collection, its variables, the HAR's cookies in a profile's jar, Postman round trip.
 */

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const byName = (p: ImportPreview, name: string) => {
  const found = p.requests.find((r) => r.name === name);
  if (!found) throw new Error(`no request ${name}`);
  return found;
};

describe('Postman v2.1 (postman-collection SDK)', () => {
  it('folders, urlencoded and form-data with files and disabled rows, auth, variables, disabled headers', async () => {
    const p = await previewImport('postman', fixture('postman-forms.postman_collection.json'));
    expect(p.name).toBe('Shop API');
    expect(p.folders).toEqual(['Auth', 'Products', 'Products/Images']);
    expect(p.variables).toEqual([
      { name: 'baseUrl', value: 'http://127.0.0.1:8787' },
      { name: 'user', value: 'alice' },
      { name: 'password', value: 'alice-pw' },
      { name: 'token', value: '' },
    ]);
    const login = byName(p, 'Login');
    expect(login.folder).toBe('Auth');
    expect(login.request).toEqual({
      method: 'POST',
      url: '{{baseUrl}}/login',
      headers: [
        { name: 'X-Debug', value: '1', enabled: false },
        { name: 'Accept', value: 'application/json' },
      ],
      body: {
        type: 'form',
        fields: [
          { name: 'username', value: '{{user}}' },
          { name: 'password', value: '{{password}}' },
          { name: 'remember', value: 'yes', enabled: false },
        ],
      },
    });
    expect(byName(p, 'Who am I (basic)').request.auth).toEqual({
      type: 'basic',
      username: '{{user}}',
      password: '{{password}}',
    });
    const upload = byName(p, 'Upload image');
    expect(upload.folder).toBe('Products/Images');
    expect(upload.request.url).toBe('{{baseUrl}}/products/42/images?size=large');
    expect(upload.request.auth).toEqual({ type: 'bearer', token: '{{token}}' }); // inherited from the collection
    expect(upload.request.body).toEqual({
      type: 'multipart',
      parts: [
        { kind: 'field', name: 'title', value: 'Red shoe' },
        { kind: 'field', name: 'draft', value: 'true', enabled: false },
        { kind: 'file', name: 'image', path: '/home/me/shoe.png', contentType: 'image/png' },
        { kind: 'file', name: 'thumb', path: '/home/me/thumb.png', enabled: false },
      ],
    });
    expect(byName(p, 'Create product').request.body).toEqual({
      type: 'json',
      text: '{\n  "name": "Red shoe",\n  "price": 49.5\n}',
    });
    expect(p.skipped).toEqual([
      { where: 'item[0].item[0].event', reason: "scripts of 'Login' are not run by Tandem" },
      {
        where: 'item[1].item[0].item[0].request.url.query[1]',
        reason:
          "'Upload image': disabled query parameter 'debug' is not kept (Tandem's URL holds only sent parameters)",
      },
      {
        where: 'item[1].item[2].request.auth',
        reason:
          "'Signed export': awsv4 auth is not supported (basic and bearer are); the request is imported without it",
      },
    ]);
  });

  it("Postman's Basic Collection: 14 requests, raw bodies typed by language, GraphQL as JSON", async () => {
    const p = await previewImport('postman', fixture('postman-basicCollection.json'));
    expect(p.requests).toHaveLength(14);
    expect(p.requests.map((r) => r.request.method)).toEqual([
      ...Array(4).fill('GET'),
      ...Array(7).fill('POST'),
      'PUT',
      'PATCH',
      'DELETE',
    ]);
    expect(byName(p, 'Request Headers with disabled headers').request.headers).toContainEqual({
      name: 'disabled header',
      value: 'DISABLED',
      enabled: false,
    });
    const graphql = JSON.parse(
      (byName(p, 'POST graphql body(json) with raw').request.body as { text: string }).text,
    );
    expect(graphql.variables).toEqual({ variable_key: 'variable_value' });
    expect(byName(p, 'POST urlencoded data').request.body).toMatchObject({ type: 'form' });
  });

  it('refuses a v1 collection and a file that is not one, in one line', async () => {
    await expect(previewImport('postman', '{"id":"x","name":"old","requests":[]}')).rejects.toThrow(
      'This is a Postman v1 collection: export it from Postman as Collection v2.1',
    );
    await expect(previewImport('postman', '{"a":1}')).rejects.toThrow(
      'Not a Postman collection: expected "info" and "item" at the top level',
    );
    await expect(
      previewImport('postman', fixture('../../environments/fixtures/qa.postman_environment.json')),
    ).rejects.toThrow(
      'This is a Postman environment, not a collection: import it with Environments (⋯), Import Postman environment…',
    );
    await expect(previewImport('postman', '{oops')).rejects.toThrow(
      /^Not a Postman collection: invalid JSON/,
    );
  });
});

describe('Insomnia v4 export', () => {
  it('folders, base environment as variables, templates, auth, multipart, disabled rows', async () => {
    const p = await previewImport('insomnia', fixture('insomnia-v4.json'));
    expect(p.name).toBe('Team API');
    expect(p.folders).toEqual(['Users']);
    expect(p.variables).toEqual([
      { name: 'base_url', value: 'http://127.0.0.1:8787' },
      { name: 'token', value: 't0k3n' },
      { name: 'admin_password', value: 'pw' },
    ]);
    expect(byName(p, 'List users').request).toEqual({
      method: 'GET',
      url: '{{base_url}}/users?page=2',
      headers: [
        { name: 'Accept', value: 'application/json' },
        { name: 'X-Trace', value: 'on', enabled: false },
      ],
      body: { type: 'none' },
      auth: { type: 'bearer', token: '{{token}}' },
    });
    expect(byName(p, 'Create user').request.auth).toEqual({
      type: 'basic',
      username: 'admin',
      password: '{{admin_password}}',
    });
    const avatar = byName(p, 'Upload avatar').request;
    expect(avatar.headers).toEqual([]); // its multipart Content-Type had no boundary
    expect(avatar.body).toEqual({
      type: 'multipart',
      parts: [
        { kind: 'field', name: 'user', value: '7' },
        { kind: 'file', name: 'file', path: '/Users/ada/avatar.png' },
        { kind: 'field', name: 'note', value: 'x', enabled: false },
      ],
    });
    expect(p.skipped.map((s) => s.where)).toEqual([
      'resources[0].parameters[1]',
      'resources[4].authentication',
      'resources[5].body',
      'resources[6].data.nested',
      'resources[7]',
    ]);
  });
});

describe('HAR 1.2 from DevTools', () => {
  it('requests, postData params, cookies set aside for a jar, non-http entries skipped', async () => {
    const p = await previewImport('har', fixture('chrome-devtools.har'));
    expect(p.requests.map((r) => r.name)).toEqual(['POST /login', 'GET /profile', 'POST /upload']);
    const login = byName(p, 'POST /login').request;
    expect(login.body).toEqual({
      type: 'form',
      fields: [
        { name: 'username', value: 'alice' },
        { name: 'password', value: 'alice-pw' },
      ],
    });
    // Host, Connection, Content-Length, Accept-Encoding, Cookie and HTTP/2 pseudo-headers are the browser's.
    expect(login.headers.map((h) => h.name)).toEqual(['Accept', 'Content-Type', 'Origin', 'User-Agent']);
    expect(byName(p, 'GET /profile').request.headers.map((h) => h.name)).toEqual([
      'accept',
      'x-requested-with',
    ]);
    expect(byName(p, 'POST /upload').request.body).toEqual({
      type: 'multipart',
      parts: [
        { kind: 'field', name: 'title', value: 'holiday' },
        { kind: 'file', name: 'photo', path: '', filename: 'beach.jpg', contentType: 'image/jpeg' },
      ],
    });
    expect(p.cookies).toEqual([
      { name: 'theme', value: 'dark', domain: '127.0.0.1', path: '/' },
      { name: 'csrftoken', value: 'abc123', domain: '127.0.0.1', path: '/' },
      { name: 'session', value: 's1', domain: '127.0.0.1', path: '/' },
    ]);
    expect(p.skipped.map((s) => s.where)).toEqual([
      'log.entries[0].request.cookies',
      'log.entries[1].request.cookies',
      'log.entries[2].request.postData.params[1]',
      'log.entries[3].request.url',
    ]);
  });

  it('property: random JSON and text never crash the HAR importer; errors are one INVALID_FILE line (10,000 cases)', async () => {
    const harLike = fc.record({
      log: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({
          entries: fc.array(
            fc.record({
              request: fc.oneof(
                fc.jsonValue({ maxDepth: 2 }),
                fc.record({
                  method: fc.oneof(fc.string(), fc.constant('GET')),
                  url: fc.oneof(
                    fc.string(),
                    fc.string().map((s) => `http://h/${s}`),
                    fc.constant('http://h/p?q=1'),
                  ),
                  headers: fc.array(fc.record({ name: fc.string(), value: fc.string() }), { maxLength: 3 }),
                  cookies: fc.array(fc.record({ name: fc.string(), value: fc.string() }), { maxLength: 3 }),
                  postData: fc.option(
                    fc.record({
                      mimeType: fc.constantFrom(
                        'application/x-www-form-urlencoded',
                        'multipart/form-data',
                        'text/plain',
                        '',
                      ),
                      text: fc.option(fc.string(), { nil: undefined }),
                      params: fc.option(
                        fc.array(
                          fc.record({
                            name: fc.string(),
                            value: fc.option(fc.string(), { nil: undefined }),
                            fileName: fc.option(fc.string(), { nil: undefined }),
                          }),
                          { maxLength: 3 },
                        ),
                        { nil: undefined },
                      ),
                    }),
                    { nil: undefined },
                  ),
                }),
              ),
            }),
            { maxLength: 4 },
          ),
        }),
      ),
    });
    const input = fc.oneof(
      fc.string(),
      fc.json({ maxDepth: 3 }),
      harLike.map((h) => JSON.stringify(h)),
    );
    await fc.assert(
      fc.asyncProperty(input, async (text) => {
        try {
          const p = await previewImport('har', text);
          expect(Array.isArray(p.requests)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(TandemFailure);
          expect((e as TandemFailure).code).toBe('INVALID_FILE');
          expect((e as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('OpenAPI 3 and Swagger 2 (swagger-parser, local $refs)', () => {
  it('OpenAPI 3 YAML: one request per operation, $refs resolved, path/query/header params, bodies, security', async () => {
    const p = await previewImport('openapi', fixture('petstore-openapi3.yaml'));
    expect(p.name).toBe('Petstore');
    expect(p.folders).toEqual(['pets', 'store']);
    expect(p.requests.map((r) => `${r.request.method} ${r.request.url}`)).toEqual([
      'GET {{baseUrl}}/pets?limit=20&status=available',
      'POST {{baseUrl}}/pets',
      'GET {{baseUrl}}/pets/{{petId}}',
      'DELETE {{baseUrl}}/pets/{{petId}}',
      'POST {{baseUrl}}/store/orders',
      'POST {{baseUrl}}/pets/{{petId}}/photo',
    ]);
    expect(p.variables).toEqual([
      { name: 'baseUrl', value: 'http://127.0.0.1:8787/api/v1' },
      { name: 'token', value: '' },
      { name: 'petId', value: '7' },
    ]);
    expect(byName(p, 'List pets').request.headers).toEqual([{ name: 'X-Request-Id', value: 'req-1' }]);
    expect(byName(p, 'List pets').request.auth).toEqual({ type: 'bearer', token: '{{token}}' });
    expect(byName(p, 'Delete a pet').request.auth).toBeUndefined(); // security: []
    // requestBody and schema both came through $ref; the owner's pets do not recurse forever.
    expect(JSON.parse((byName(p, 'Create a pet').request.body as { text: string }).text)).toEqual({
      name: 'Rex',
      tag: 'string',
      owner: { email: 'user@example.com', pets: [{ id: 0 }] },
    });
    expect(JSON.parse((byName(p, 'Place an order').request.body as { text: string }).text)).toEqual({
      petId: 7,
      quantity: 2,
    });
    expect(byName(p, 'Upload a photo').request.body).toEqual({
      type: 'multipart',
      parts: [
        { kind: 'field', name: 'caption', value: 'On the beach' },
        { kind: 'file', name: 'file', path: '' },
      ],
    });
    expect(p.skipped).toEqual([
      {
        where: 'paths./pets/{petId}/photo.post',
        reason: 'a file part has no file yet: choose it before sending',
      },
    ]);
  });

  it('Swagger 2: host + basePath, body $ref, formData, basic security', async () => {
    const p = await previewImport('openapi', fixture('swagger2.json'));
    expect(p.variables[0]).toEqual({ name: 'baseUrl', value: 'http://127.0.0.1:8787/v2' });
    expect(byName(p, 'getUser').request.url).toBe('{{baseUrl}}/users/{{id}}?fields=name%2Cemail');
    expect(byName(p, 'getUser').request.auth).toEqual({
      type: 'basic',
      username: '{{username}}',
      password: '{{password}}',
    });
    expect(JSON.parse((byName(p, 'Replace a user').request.body as { text: string }).text)).toEqual({
      name: 'Ada',
      email: 'user@example.com',
      address: { city: 'Paris' },
    });
    expect(byName(p, 'Upload avatar').request.body).toEqual({
      type: 'multipart',
      parts: [
        { kind: 'file', name: 'file', path: '' },
        { kind: 'field', name: 'alt', value: 'me' },
      ],
    });
  });

  it('refuses what is not OpenAPI, and an external $ref, in one line', async () => {
    await expect(previewImport('openapi', 'just: yaml')).rejects.toThrow(
      'Not an OpenAPI document: expected "openapi: 3.x" or "swagger: \'2.0\'" at the top level',
    );
    const external = JSON.stringify({
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { responses: { 200: { $ref: 'http://127.0.0.1:9/x.yaml#/R' } } } } },
    });
    const p = await previewImport('openapi', external).catch((e: Error) => e);
    if (p instanceof Error) expect(p.message).not.toContain('\n');
    else expect(p.requests).toHaveLength(1); // the external ref is left unread, never fetched
  });
});

describe('through the core: one collection, variables, cookies, round trip', () => {
  let core: Tandem;
  let dataDir: string;
  const call = async <T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-interop-'));
    core = await createTandem({ dataDir, host: 'cli' });
    await call(core['profiles.create']({ name: 'alice' }));
  });
  afterAll(async () => {
    await core.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('a HAR import makes one collection; the cookies go into the chosen jar', async () => {
    const bridge = localBridge(core);
    const out = await bridge.invoke('interop.import', {
      format: 'har',
      text: fixture('chrome-devtools.har'),
      name: 'From Chrome',
      cookiesProfile: 'alice',
    });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.cookiesImported).toBe(3);
    const collections = await call(core['collections.list']({}));
    const created = collections.filter((c) => c.name === 'From Chrome');
    expect(created).toHaveLength(1);
    expect(created[0]?.requests).toHaveLength(3);
    const jar = await call(core['cookies.list']({ profile: 'alice' }));
    expect(jar.map((c) => `${c.name}=${c.value}`).sort()).toEqual([
      'csrftoken=abc123',
      'session=s1',
      'theme=dark',
    ]);
  });

  it('a file with nothing importable creates nothing and says why', async () => {
    const before = (await call(core['collections.list']({}))).length;
    const r = await core['interop.import']({ format: 'har', text: '{"log":{"entries":[]}}' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INVALID_FILE',
        message: 'Nothing to import: the file has no request Tandem can take (0 skipped)',
      },
    });
    expect((await call(core['collections.list']({}))).length).toBe(before);
  });

  it('Tandem → Postman → Tandem keeps folders, requests and variables equal', async () => {
    const imported = await call(
      core['interop.import']({ format: 'postman', text: fixture('postman-forms.postman_collection.json') }),
    );
    const original = (await call(core['collections.list']({}))).find(
      (c) => c.id === imported.collectionId,
    ) as Collection;
    // Add what the Postman file lacks: text bodies of two types, a file body, a bearer token on the request.
    await call(
      core['collections.saveRequest']({
        collectionId: original.id,
        request: {
          name: 'Notes',
          folder: 'Products',
          request: {
            method: 'PUT',
            url: '{{baseUrl}}/notes?lang=fr',
            headers: [{ name: 'X-A', value: 'b', enabled: false }],
            body: { type: 'text', text: '<note/>', contentType: 'application/xml' },
            auth: { type: 'bearer', token: 'abc' },
          },
        },
      }),
    );
    await call(
      core['collections.saveRequest']({
        collectionId: original.id,
        request: {
          name: 'Raw file',
          folder: '',
          request: {
            method: 'POST',
            url: '{{baseUrl}}/raw',
            headers: [],
            body: { type: 'file', path: '/tmp/x.bin' },
          },
        },
      }),
    );
    const before = (await call(core['collections.list']({}))).find((c) => c.id === original.id) as Collection;
    const exported = await call(core['interop.export']({ format: 'postman', collectionId: before.id }));
    const again = await call(
      core['interop.import']({ format: 'postman', text: exported.text, name: 'Round trip' }),
    );
    const after = (await call(core['collections.list']({}))).find(
      (c) => c.id === again.collectionId,
    ) as Collection;
    const shape = (c: Collection) => ({
      folders: [...c.folders].sort(),
      variables: c.variables,
      requests: c.requests.map((r) => ({ name: r.name, folder: r.folder, request: r.request })),
    });
    expect(again.preview.skipped).toEqual([]);
    expect(shape(after)).toEqual(shape(before));
  });
});
