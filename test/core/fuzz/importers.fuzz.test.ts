import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewImport } from '../../../main/core/interop';
import { curlToRequest } from '../../../main/core/interop/curl';
import type { ImportFormat } from '../../../main/shared/interop';
import { expectOneLine, RUNS } from './fuzz';

/**
 * The importers (HAR, Insomnia, Postman, OpenAPI, a pasted curl command), fuzzed: any text either previews as requests
 * or is refused with one clear line (INVALID_FILE). Never a crash, never a hang.
 */

const anyValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('GET', 'POST', 'http://x.test/a?b=1', '{{base}}/p', 'not a url', '', '\u0000'),
);
const kv = fc.array(fc.record({ name: anyValue, value: anyValue, key: anyValue }, { requiredKeys: [] }), {
  maxLength: 3,
});

const har = fc
  .record(
    {
      log: fc.record(
        {
          version: anyValue,
          entries: fc.array(
            fc.record(
              {
                request: fc.record(
                  {
                    method: anyValue,
                    url: anyValue,
                    headers: kv,
                    cookies: kv,
                    queryString: kv,
                    postData: fc.record({ mimeType: anyValue, text: anyValue }, { requiredKeys: [] }),
                  },
                  { requiredKeys: [] },
                ),
                response: fc.record({ status: anyValue, headers: kv }, { requiredKeys: [] }),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  )
  .map((v) => JSON.stringify(v));

const insomnia = fc
  .record(
    {
      _type: fc.constantFrom('export', 'x', 1),
      __export_format: fc.constantFrom(4, 3, '4'),
      resources: fc.array(
        fc.record(
          {
            _id: fc.constantFrom('req_1', 'fld_1', 'wrk_1', 'env_1', ''),
            _type: fc.constantFrom('request', 'request_group', 'workspace', 'environment', 'cookie_jar', 'x'),
            parentId: fc.constantFrom('wrk_1', 'fld_1', null, 'nope'),
            name: anyValue,
            method: anyValue,
            url: anyValue,
            headers: kv,
            body: fc.record({ mimeType: anyValue, text: anyValue, params: kv }, { requiredKeys: [] }),
            authentication: fc.record(
              {
                type: fc.constantFrom('basic', 'bearer', 'x'),
                username: anyValue,
                password: anyValue,
                token: anyValue,
              },
              { requiredKeys: [] },
            ),
            data: fc.dictionary(fc.string({ maxLength: 4 }), anyValue, { maxKeys: 2 }),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
    },
    { requiredKeys: [] },
  )
  .map((v) => JSON.stringify(v));

const postman = fc
  .record(
    {
      info: fc.record(
        {
          name: anyValue,
          schema: fc.constantFrom(
            'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
            'x',
          ),
        },
        { requiredKeys: [] },
      ),
      item: fc.array(
        fc.record(
          {
            name: anyValue,
            item: fc.array(
              fc.record(
                {
                  name: anyValue,
                  request: fc.record({ method: anyValue, url: anyValue }, { requiredKeys: [] }),
                },
                { requiredKeys: [] },
              ),
              { maxLength: 2 },
            ),
            request: fc.oneof(
              anyValue,
              fc.record(
                {
                  method: anyValue,
                  url: fc.oneof(
                    anyValue,
                    fc.record(
                      { raw: anyValue, host: fc.array(anyValue, { maxLength: 2 }) },
                      { requiredKeys: [] },
                    ),
                  ),
                  header: kv,
                  body: fc.record(
                    {
                      mode: fc.constantFrom('raw', 'urlencoded', 'formdata', 'file', 'graphql', 'x'),
                      raw: anyValue,
                      urlencoded: kv,
                      formdata: kv,
                    },
                    { requiredKeys: [] },
                  ),
                  auth: fc.record(
                    { type: fc.constantFrom('basic', 'bearer', 'apikey', 'x'), basic: kv, bearer: kv },
                    { requiredKeys: [] },
                  ),
                },
                { requiredKeys: [] },
              ),
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      variable: kv,
    },
    { requiredKeys: [] },
  )
  .map((v) => JSON.stringify(v));

const openapi = fc
  .record(
    {
      openapi: fc.constantFrom('3.0.0', '3.1.0', '2.0', 'x', 3),
      swagger: fc.constantFrom('2.0', undefined),
      info: fc.record({ title: anyValue, version: anyValue }, { requiredKeys: [] }),
      servers: fc.array(fc.record({ url: anyValue }, { requiredKeys: [] }), { maxLength: 2 }),
      paths: fc.dictionary(
        fc.constantFrom('/a', '/b/{id}', 'c', '/d?x', ''),
        fc.dictionary(
          fc.constantFrom('get', 'post', 'put', 'parameters', 'x'),
          fc.oneof(
            anyValue,
            fc.record(
              {
                parameters: fc.array(
                  fc.record(
                    {
                      name: anyValue,
                      in: fc.constantFrom('query', 'path', 'header', 'cookie', 'x'),
                      schema: fc.record({ type: anyValue }, { requiredKeys: [] }),
                    },
                    { requiredKeys: [] },
                  ),
                  { maxLength: 2 },
                ),
                requestBody: anyValue,
              },
              { requiredKeys: [] },
            ),
          ),
          { maxKeys: 2 },
        ),
        { maxKeys: 3 },
      ),
    },
    { requiredKeys: [] },
  )
  .map((v) => JSON.stringify(v));

const junk = fc.oneof(fc.json({ maxDepth: 2 }), fc.string({ maxLength: 40 }), fc.constant('\uFEFF{}'));

const formats: Array<[ImportFormat, fc.Arbitrary<string>]> = [
  ['har', har],
  ['insomnia', insomnia],
  ['postman', postman],
  ['openapi', openapi],
];

describe('fuzz: importers', () => {
  for (const [format, doc] of formats) {
    it(`${format}: ${RUNS} random documents preview, or are refused with one line`, async () => {
      let previewed = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 4, arbitrary: doc }, { weight: 1, arbitrary: junk }),
          async (text) => {
            try {
              const p = await previewImport(format, text);
              expect(Array.isArray(p.requests)).toBe(true);
              previewed++;
            } catch (e) {
              expectOneLine(e, ['INVALID_FILE', 'INVALID_ARGUMENT', 'INVALID_URL']);
            }
          },
        ),
        { numRuns: RUNS },
      );
      expect(previewed).toBeGreaterThan(0);
    }, 300_000);
  }

  it(`curl: ${RUNS} random command lines convert, or are refused with one line`, async () => {
    const word = fc.oneof(
      fc.constantFrom(
        'curl',
        '-X',
        'POST',
        '-H',
        "'X-A: b'",
        '-d',
        "'a=1'",
        '--data-raw',
        '-b',
        'a=b',
        '-u',
        'u:p',
      ),
      fc.constantFrom(
        '--json',
        '{}',
        '-F',
        'f=@/etc/hostname',
        '-G',
        '--url',
        'http://x.test/p',
        "'",
        '"',
        '\\',
        '$x',
      ),
      fc.constantFrom('-k', '-L', '--compressed', '-o', 'out', '--cookie-jar', 'j.txt', '\n', '-', '--'),
      fc.string({ maxLength: 6 }),
    );
    let converted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 8 }), async (words) => {
        try {
          await curlToRequest(['curl', ...words].join(' '), '/nonexistent-cwd');
          converted++;
        } catch (e) {
          expectOneLine(e, [
            'INVALID_ARGUMENT',
            'INVALID_FILE',
            'INVALID_URL',
            'INVALID_HEADER',
            'INVALID_BODY',
          ]);
        }
      }),
      { numRuns: RUNS },
    );
    expect(converted).toBeGreaterThan(0);
  }, 300_000);
});
