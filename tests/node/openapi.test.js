// Each generated openapi.json, for the shipped catalogs and every valid fixture: a valid
// OpenAPI 3.1 document (@seriousme/openapi-schema-validator, against the official 3.1
// schema, with its references resolved), whose Schema Objects are valid JSON Schema
// (ajv, draft 2020-12, strict), and whose responses accept, for every code, exactly the
// body the Rust crate serializes for it in each envelope, and refuse a code of another
// status. Every example is that body, byte for byte.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';

import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';

import { parse as parseYaml } from 'yaml';

import { ROOT } from './demo.js';
import { prepareCatalogs, rustBodies } from './openapi.js';

const catalogs = await prepareCatalogs();
const bodies = await rustBodies(catalogs);

/** The media type each envelope is served as. */
const MEDIA_TYPE = {
  linked: 'application/json',
  rest: 'application/json',
  trpc: 'application/json',
  problem: 'application/problem+json',
};

/** The name each envelope gives its responses and examples: `Error404Rest`. */
const KIND = { linked: 'Linked', rest: 'Rest', trpc: 'Trpc', problem: 'Problem' };

/** The outer object of each envelope, as `components.schemas` names it. */
const SHAPE = { linked: 'LinkedBody', rest: 'RestBody', trpc: 'TrpcBody', problem: 'Problem' };

/** `value` as a JSON Pointer token. */
const token = (value) => value.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * An ajv instance holding `document` under `id`, so that schemas can reference any place
 * in it. Strict: an unknown keyword in a Schema Object is an error. The document's own
 * top-level keys are declared as keywords that check nothing, since ajv sees the
 * document as the root of every schema in it.
 */
function ajvFor(document, id) {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
  ajv.addVocabulary(Object.keys(document));
  ajv.addSchema(document, id);
  return ajv;
}

for (const entry of catalogs) {
  const { crate, catalog, envelopes, openapi } = entry;
  const id = `urn:openapi:${crate}`;
  const ajv = ajvFor(openapi, id);
  const compiled = new Map();
  /** The validator of the schema at `pointer` in the document. */
  const schemaAt = (pointer) => {
    if (!compiled.has(pointer)) compiled.set(pointer, ajv.compile({ $ref: `${id}#${pointer}` }));
    return compiled.get(pointer);
  };
  const codesOf = (status) => catalog.codes.filter((code) => code.status === status);
  const statuses = [...new Set(catalog.codes.map((code) => code.status))].sort((a, b) => a - b);
  const jsonEnvelopes = envelopes.filter((envelope) => MEDIA_TYPE[envelope] === 'application/json');
  const { responses, schemas, examples } = openapi.components;

  describe(`${crate}: openapi.json`, () => {
    test('is a valid OpenAPI 3.1 document of components only', async () => {
      const validator = new Validator();
      const result = await validator.validate(structuredClone(openapi));
      assert.deepEqual(result.errors, undefined);
      assert.equal(result.valid, true);
      assert.equal(validator.version, '3.1');
      assert.deepEqual(openapi.paths, {});
      assert.equal(openapi.info.version, catalog.version);
      assert.equal(openapi.info.title, `${catalog.api.split(/\s+/).join(' ')} errors`);
    });

    test('every schema is valid JSON Schema, and every reference in it resolves', () => {
      for (const [name, schema] of Object.entries(schemas)) {
        assert.ok(ajv.validateSchema(schema), `${name}: ${JSON.stringify(ajv.errors)}`);
        assert.doesNotThrow(() => schemaAt(`/components/schemas/${name}`), name);
      }
    });

    test('ErrorCode has every live code, with its description, deprecated ones marked', () => {
      const { oneOf } = schemas.ErrorCode;
      assert.deepEqual(
        oneOf.map((option) => option.const),
        catalog.codes.map((code) => code.code),
      );
      for (const [index, code] of catalog.codes.entries()) {
        assert.equal(oneOf[index].deprecated, code.deprecated ? true : undefined, code.code);
        assert.match(oneOf[index].description, new RegExp(` HTTP ${code.status}\\. `), code.code);
      }
      const isCode = schemaAt('/components/schemas/ErrorCode');
      for (const code of catalog.codes) assert.ok(isCode(code.code), code.code);
      for (const retired of catalog.retired ?? []) assert.ok(!isCode(retired.code), retired.code);
      assert.ok(!isCode('NOT_A_CODE_OF_THIS_API'));
      assert.ok(schemaAt('/components/schemas/WireCode')('NOT_A_CODE_OF_THIS_API'));
    });

    test('one response per status, naming exactly its codes', () => {
      const perEnvelope = jsonEnvelopes.length > 1 ? jsonEnvelopes : [];
      const expected = statuses.flatMap((status) => [
        `Error${status}`,
        ...perEnvelope.map((envelope) => `Error${status}${KIND[envelope]}`),
      ]);
      assert.deepEqual(Object.keys(responses), expected);
      for (const status of statuses) {
        const { description } = responses[`Error${status}`];
        const listed = [...description.matchAll(/^- \[`([^`]+)`\]\(<([^>]+)>\)/gm)];
        assert.deepEqual(
          listed.map(([, code]) => code),
          codesOf(status).map((code) => code.code),
          `Error${status}`,
        );
      }
    });

    for (const envelope of envelopes) {
      const media = MEDIA_TYPE[envelope];
      const several = media === 'application/json' && jsonEnvelopes.length > 1;

      test(`${envelope}: each code's Rust body is its example and fits its status's responses`, () => {
        for (const code of catalog.codes) {
          const text = bodies[entry.ident][envelope][code.code];
          const body = JSON.parse(text);
          const names = [`Error${code.status}`];
          if (several) names.push(`Error${code.status}${KIND[envelope]}`);
          if (envelope === 'problem' && jsonEnvelopes.length > 1) {
            names.push(...jsonEnvelopes.filter((e) => e !== 'trpc').map((e) => `Error${code.status}${KIND[e]}`));
          }
          for (const name of names) {
            const pointer = `/components/responses/${name}/content/${token(media)}`;
            const fits = schemaAt(`${pointer}/schema`);
            assert.ok(fits(body), `${name} refuses ${text}: ${JSON.stringify(fits.errors)}`);
            const key = several && name === `Error${code.status}` ? `${code.code} (${envelope})` : code.code;
            const reference = responses[name].content[media].examples[key]?.$ref;
            assert.ok(reference, `${name} has no example ${key}`);
            const example = examples[reference.replace('#/components/examples/', '')];
            assert.equal(JSON.stringify(example.value), text, `${name} example ${key}`);
          }
          const shape = schemaAt(`/components/schemas/${SHAPE[envelope]}`);
          assert.ok(shape(body), `${SHAPE[envelope]} refuses ${text}`);
        }
      });

      test(`${envelope}: a body with a code of another status does not fit a status's response`, () => {
        for (const status of statuses) {
          const other = catalog.codes.find((code) => code.status !== status);
          if (!other) continue;
          const pointer = `/components/responses/Error${status}/content/${token(media)}/schema`;
          const text = bodies[entry.ident][envelope][other.code];
          assert.ok(!schemaAt(pointer)(JSON.parse(text)), `Error${status} accepts ${text}`);
        }
      });
    }

    test('a reader may get keys it does not know, as the Rust reader skips them', () => {
      for (const envelope of envelopes) {
        const code = catalog.codes[0];
        const body = { ...JSON.parse(bodies[entry.ident][envelope][code.code]), addedLater: 1 };
        const pointer = `/components/responses/Error${code.status}/content/${token(MEDIA_TYPE[envelope])}/schema`;
        assert.ok(schemaAt(pointer)(body), envelope);
      }
    });
  });
}

test("the README's OpenAPI example references components that exist", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const [, block] = /<!-- checked by tests\/node\/openapi\.test\.js -->\n```yaml\n([^]*?)```/.exec(readme);
  const [, path] = /^# (\S+)/.exec(block);
  const document = parseYaml(block);
  const references = [];
  const collect = (value) => {
    if (typeof value !== 'object' || value === null) return;
    if (typeof value.$ref === 'string') references.push(value.$ref);
    Object.values(value).forEach(collect);
  };
  collect(document);
  assert.ok(references.length > 0);
  for (const reference of references) {
    const [file, pointer] = reference.split('#');
    const target = JSON.parse(readFileSync(join(ROOT, dirname(path), file), 'utf8'));
    const found = pointer
      .split('/')
      .slice(1)
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((node, part) => node?.[part], target);
    assert.ok(found, reference);
  }
});
