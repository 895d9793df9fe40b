// Each generated openapi.json, for the shipped catalogs and every valid fixture: a valid
// OpenAPI 3.1 document (@seriousme/openapi-schema-validator, against the official 3.1
// schema, with its references resolved), whose Schema Objects are valid JSON Schema
// (ajv, draft 2020-12, strict), and whose responses accept, for every code, exactly the
// body the Rust crate serializes for it in each envelope, and refuse a code of another
// status. Every example of a code without details or message template is that body,
// byte for byte.
//
// A code with details: its example carries the catalog's example details, where the
// envelope puts them, and fits its responses and the code's details schema; details
// typed otherwise do not fit. The Rust crate builds each body from the code's `Error`,
// made from the details of the code's examples (`Error::from_details`), so the examples
// with details and rendered messages are held to the crate's bodies too (compared as
// parsed JSON, since serde_json writes a whole number of a float detail as `30.0`).

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

/** The members of a problem that are its own, not a detail. */
const PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance', 'code'];

/**
 * The details each code's examples show, `{ [ident]: { [code]: details } }`, read from
 * the first envelope that carries them: what `rust-bodies` builds each code's `Error` of.
 */
function exampleDetails() {
  const out = {};
  for (const { ident, catalog, envelopes, openapi } of catalogs) {
    const carrier = ['rest', 'trpc', 'problem'].find((envelope) => envelopes.includes(envelope));
    if (!carrier) continue;
    const media = carrier === 'problem' ? 'application/problem+json' : 'application/json';
    const { responses, examples } = openapi.components;
    out[ident] = {};
    for (const code of catalog.codes) {
      const listed = responses[`Error${code.status}`].content[media].examples;
      const entry = listed[`${code.code} (${carrier})`] ?? listed[code.code];
      const body = examples[entry.$ref.replace('#/components/examples/', '')].value;
      const details =
        carrier === 'rest'
          ? body.error.details
          : carrier === 'trpc'
            ? (body.error.data.details ?? {})
            : Object.fromEntries(Object.entries(body).filter(([key]) => !PROBLEM_MEMBERS.includes(key)));
      out[ident][code.code] = details;
    }
  }
  return out;
}

const bodies = await rustBodies(catalogs, exampleDetails());

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

/** Whether the catalog gives `code` details. */
const hasDetails = (code) => Object.keys(code.details ?? {}).length > 0;


/**
 * The details object of `code` in `body`: REST's `error.details`, tRPC's
 * `error.data.details`, or for problem details the body itself (its members after `code`).
 */
function detailsIn(envelope, body, code) {
  switch (envelope) {
    case 'rest':
      return body.error.details;
    case 'trpc':
      return body.error.data.details;
    case 'problem':
      return body;
    default:
      throw new Error(`${envelope} carries no details (${code.code})`);
  }
}

/** The details object of `body`, first made empty where tRPC sent none (an occurrence whose
 * details are all optional and absent), so that a test can put a detail in. */
function detailsFor(envelope, body, code) {
  if (envelope === 'trpc') body.error.data.details ??= {};
  return detailsIn(envelope, body, code);
}

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
  // The formats of OpenAPI's format registry the details use.
  ajv.addFormat('int64', { type: 'number', validate: Number.isInteger });
  ajv.addFormat('double', { type: 'number', validate: (n) => Number.isFinite(n) });
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
  const several = (envelope) => MEDIA_TYPE[envelope] === 'application/json' && jsonEnvelopes.length > 1;
  /** The name of `code`'s example in `envelope`, as its status's response references it. */
  const exampleName = (envelope, code) => {
    const key = several(envelope) ? `${code.code} (${envelope})` : code.code;
    const { $ref } = responses[`Error${code.status}`].content[MEDIA_TYPE[envelope]].examples[key];
    return $ref.replace('#/components/examples/', '');
  };
  const exampleOf = (envelope, code) => examples[exampleName(envelope, code)].value;
  /** The Rust variant of `code`: what its examples are named by, `Rest.TooManyRequests`. */
  const variantOf = (code) => exampleName(envelopes[0], code).split('.').slice(1).join('.');
  /** The body of `code` in `envelope` the Rust crate serializes, as JSON text. */
  const bodyText = (envelope, code) => {
    const rust = bodies[entry.ident][envelope][code.code];
    assert.ok(rust !== null, `the crate refuses the details of ${code.code}'s example`);
    return JSON.stringify(JSON.parse(rust));
  };

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
      // A catalog of one code gives it as an `allOf` of one (a `oneOf` of one is a lint warning).
      const oneOf = schemas.ErrorCode.oneOf ?? schemas.ErrorCode.allOf;
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
        // Each line links the code to its docs: a bare destination, `\` escaping what
        // CommonMark would otherwise read as syntax or as a character reference.
        const listed = [...description.matchAll(/^- \[`([^`]+)`\]\(((?:\\.|[^\\()\s])+)\): /gm)];
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
          const text = bodyText(envelope, code);
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
          const text = bodyText(envelope, other);
          assert.ok(!schemaAt(pointer)(JSON.parse(text)), `Error${status} accepts ${text}`);
        }
      });

      if (envelope === 'linked') continue;

      test(`${envelope}: each code's example carries its example details, typed by the code`, () => {
        for (const code of catalog.codes.filter(hasDetails)) {
          const body = exampleOf(envelope, code);
          // tRPC sends no details object for an occurrence that carries none.
          const details = detailsIn(envelope, body, code) ?? {};
          if (envelope === 'trpc') {
            const none = Object.keys(details).length === 0;
            assert.equal(body.error.data.details === undefined, none, code.code);
          }
          const name = `Details.${variantOf(code)}`;
          assert.ok(schemas[name], `${name} for ${code.code}`);
          assert.ok(schemaAt(`/components/schemas/${name}`)(details), `${name} refuses ${JSON.stringify(details)}`);
          for (const [key, spec] of Object.entries(code.details)) {
            const example = typeof spec === 'object' ? spec.example : undefined;
            if (example !== undefined) assert.deepEqual(details[key], example, `${code.code}.${key}`);
            else if (spec.optional) assert.equal(details[key], undefined, `${code.code}.${key}`);
            else assert.notEqual(details[key], undefined, `${code.code}.${key} has a stand-in`);
          }
          const pointer = `/components/responses/Error${code.status}/content/${token(media)}/schema`;
          const fits = schemaAt(pointer);
          assert.ok(fits(body), `${code.code}: ${JSON.stringify(fits.errors)}`);
          // A detail of the wrong type, or a required one missing, does not fit.
          for (const [key, spec] of Object.entries(code.details)) {
            const type = typeof spec === 'string' ? spec : spec.type;
            const wrong = structuredClone(body);
            detailsFor(envelope, wrong, code)[key] = type === 'object' ? 'not an object' : { not: 'this type' };
            assert.ok(!fits(wrong), `${code.code} accepts ${JSON.stringify(wrong)}`);
            if (typeof spec === 'object' && spec.optional) continue;
            const missing = structuredClone(body);
            delete detailsFor(envelope, missing, code)[key];
            assert.ok(!fits(missing), `${code.code} accepts ${JSON.stringify(missing)}`);
          }
        }
      });
    }

    test('a reader may get keys it does not know, as the Rust reader skips them', () => {
      for (const envelope of envelopes) {
        const code = catalog.codes[0];
        const body = { ...JSON.parse(bodyText(envelope, code)), addedLater: 1 };
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
