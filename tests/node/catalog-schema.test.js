// catalog/catalog.schema.json, as an editor's YAML language server uses it: ajv (draft
// 2020-12) validates each catalog as the `yaml` package reads it. Every catalog the
// generator accepts passes; every fixture whose mistake is one a schema can see
// (a key unknown, missing or of the wrong type, a value of the wrong form) fails.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import Ajv2020 from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';

import { ROOT } from './demo.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'catalog/catalog.schema.json'), 'utf8'));
// Strict mode: a keyword ajv does not know in the schema is an error, not ignored. A
// `type` that lists several types (a detail's `example`, of whichever type the detail is)
// is standard JSON Schema, which ajv's strict mode wants allowed by name.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(schema);

/** The catalogs in `dir` relative to the repository, by file name. */
function catalogs(dir) {
  return readdirSync(join(ROOT, dir))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, path: join(ROOT, dir, name) }));
}

function errorsOf(path) {
  const catalog = parseYaml(readFileSync(path, 'utf8'));
  return validate(catalog) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`);
}

/** Invalid fixtures whose mistake the schema sees. */
const SCHEMA_REFUSES = [
  'bad_action_links.yaml', // an unknown key, no `url`, a blank or two-line `title`, a list
  'bad_deprecations.yaml', // a `since` that is not semver
  'bad_statuses.yaml', // keys that are no three-digit status, a blank or two-line text
  'byte_order_mark_and_unknown_key.yaml', // the BOM is read past; `titel` is unknown
  'crate_name_not_snake_case.yaml',
  'deep_nesting.yaml', // no `crate`, `version` or `docs_url`
  'details_keys_where_they_do_not_belong.yaml', // a type name alone that needs `fields` etc.
  'details_rust_name_clashes.yaml', // besides the clashes, keys that are no wire keys (`2fast`)
  'details_unknown_type.yaml',
  'empty.yaml',
  'empty_lists.yaml',
  'empty_text.yaml',
  'family_id_not_snake_case.yaml',
  'invalid_crate_name.yaml',
  'invalid_docs_urls.yaml',
  'invalid_npm_name.yaml',
  'invalid_version.yaml',
  'invalid_wire_strings.yaml',
  'misspelt_npm_key.yaml',
  'missing_keys.yaml',
  'status_out_of_range.yaml',
  'unknown_envelope.yaml',
  'unknown_key.yaml',
  'unknown_top_level_key.yaml',
  'wrong_types.yaml',
];

/** Invalid fixtures whose mistake is about meaning across entries, which no JSON Schema
 * says: they pass the schema, and only `cargo xtask gen` refuses them. */
const VALIDATION_ONLY = [
  'bidi_and_control_characters.yaml', // text the schema allows but no output can show as written
  'crate_name_npm_reserves.yaml', // a valid crate name that, without `npm`, names a package npm reserves
  'details_example_of_wrong_type.yaml', // the schema takes an example of any type
  'details_problem_member_clash.yaml', // a detail named like a member, in a catalog with `problem`
  'duplicate_code.yaml',
  'duplicate_family.yaml',
  'family_description_not_member.yaml',
  'keyword_variant.yaml', // a name that becomes a Rust keyword
  'message_placeholders.yaml', // placeholders checked against the code's details
  'not_utf8.yaml', // read here as UTF-8 with replacement characters
  'nul_byte.yaml', // the `yaml` package keeps the NUL inside the string
  'retired_code_in_use.yaml',
  'unknown_action.yaml',
  'unknown_family.yaml',
  'variant_collision.yaml',
  'windows_device_crate_name.yaml', // a valid name on every platform but Windows
];

/** Invalid fixtures that are not YAML an editor could check at all. */
const NOT_YAML = [
  'alias_bomb.yaml',
  'bad_indentation.yaml',
  'duplicate_key.yaml',
  'second_document.yaml',
  'tab_indentation.yaml',
  'text_after_document_end.yaml',
  'unquoted_colon.yaml',
  'unterminated_quote.yaml',
];

describe('catalog.schema.json', () => {
  test('is a valid draft 2020-12 schema that ajv compiles in strict mode', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.ok(ajv.validateSchema(schema), JSON.stringify(ajv.errors));
  });

  const accepted = [
    ...catalogs('catalog'),
    ...catalogs('tests/fixtures/valid'),
    ...catalogs('tests/fixtures/warnings'),
    ...catalogs('examples/custom-xtask/catalog'),
    { name: 'examples/build-script/errors.yaml', path: join(ROOT, 'examples/build-script/errors.yaml') },
  ];
  for (const { name, path } of accepted) {
    test(`accepts ${name}`, () => {
      assert.deepEqual(errorsOf(path), []);
    });
  }

  test('the shipped and example catalogs name it in their first line', () => {
    const modelines = [
      ['catalog/batch-relay.yaml', 'catalog.schema.json'],
      ['catalog/relay.yaml', 'catalog.schema.json'],
      ['examples/build-script/errors.yaml', '../../catalog/catalog.schema.json'],
      ['examples/custom-xtask/catalog/billing.yaml', '../../../catalog/catalog.schema.json'],
    ];
    for (const [path, schemaPath] of modelines) {
      const first = readFileSync(join(ROOT, path), 'utf8').split('\n')[0];
      assert.equal(first, `# yaml-language-server: $schema=${schemaPath}`, path);
    }
    assert.deepEqual(
      catalogs('catalog').map(({ name }) => `catalog/${name}`),
      modelines.slice(0, 2).map(([path]) => path),
      'a new catalog under catalog/ needs the modeline too',
    );
  });

  for (const { name, path } of catalogs('tests/fixtures/invalid')) {
    if (SCHEMA_REFUSES.includes(name)) {
      test(`refuses ${name}`, () => {
        assert.notDeepEqual(errorsOf(path), []);
      });
    } else if (VALIDATION_ONLY.includes(name)) {
      test(`accepts ${name}, whose mistake only the generator sees`, () => {
        assert.deepEqual(errorsOf(path), []);
      });
    } else {
      test(`${name} is not YAML`, () => {
        assert.ok(NOT_YAML.includes(name), `classify ${name} in ${import.meta.url}`);
        assert.throws(() => errorsOf(path));
      });
    }
  }

  test('the refusals point at the mistake', () => {
    const at = (name) => errorsOf(join(ROOT, 'tests/fixtures/invalid', name)).join('\n');
    assert.match(at('unknown_key.yaml'), /\/codes\/0 must NOT have additional properties/);
    assert.match(at('unknown_top_level_key.yaml'), /must NOT have additional properties/);
    assert.match(at('status_out_of_range.yaml'), /\/codes\/0\/status must be >= 400/);
    assert.match(at('status_out_of_range.yaml'), /\/codes\/1\/status must be <= 599/);
    assert.match(at('wrong_types.yaml'), /\/codes\/0\/status must be integer/);
    assert.match(at('wrong_types.yaml'), /\/codes\/1\/retryable must be boolean/);
    assert.match(at('missing_keys.yaml'), /must have required property 'crate'/);
    assert.match(at('missing_keys.yaml'), /\/families\/0 must have required property 'title'/);
    assert.match(at('bad_action_links.yaml'), /\/actions\/no_url must have required property 'url'/);
    assert.match(at('bad_action_links.yaml'), /\/actions\/misspelt must NOT have additional properties/);
    assert.match(at('bad_action_links.yaml'), /\/actions\/two_lines\/title must match pattern/);
    assert.match(at('bad_statuses.yaml'), /\/statuses property name must be valid/);
    assert.match(at('bad_statuses.yaml'), /\/statuses\/429 must match pattern/);
  });
});
