// formatMessage of the generated packages: each code's message against the strings the
// catalog's templates give, numbers against Rust's own `Display` of an f64 and an i64,
// and random occurrences of every code with a template against the Rust crates' `Error`,
// byte for byte.

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { ROOT } from './demo.js';
import {
  describePackage,
  fixturePackage,
  importPackage,
  runRustProgram,
  tempDir,
} from './packages.js';

const relayPackage = await describePackage(join(ROOT, 'catalog/relay.yaml'), join(ROOT, 'generated'));
const parcelPackage = await fixturePackage('details_of_every_type.yaml');
const batchPackage = await describePackage(
  join(ROOT, 'catalog/batch-relay.yaml'),
  join(ROOT, 'generated'),
);
const [relay, parcel, batch] = await Promise.all(
  [relayPackage, parcelPackage, batchPackage].map(importPackage),
);

/** `PARCEL_TOO_HEAVY`'s message with `weight_kg` and `max_kg` written as given. */
const heavy = (weight, max, services = 'ground, freight') =>
  `Parcel of ${weight} kg is over the ${max} kg limit of air (allowed: ${services}); {kg} is kilograms`;

/** `PARCEL_TOO_HEAVY`'s details with `weight_kg` and `max_kg`. */
const heavyDetails = (weight, max, services = ['ground', 'freight']) => ({
  weight_kg: weight,
  max_kg: max,
  service: 'air',
  services,
});

describe('formatMessage', () => {
  test("inserts each detail into the code's template, `{{` and `}}` as braces", () => {
    assert.equal(parcel.formatMessage('PARCEL_TOO_HEAVY', heavyDetails(31.5, 30)), heavy(31.5, 30));
    assert.equal(
      parcel.formatMessage('PARCEL_TOO_HEAVY', { ...heavyDetails(31.5, 30), fragile: true }),
      heavy(31.5, 30),
      'a detail the template does not insert changes nothing',
    );
    assert.equal(
      parcel.formatMessage('PARCEL_TOO_HEAVY', heavyDetails(1, 2, ['freight'])),
      heavy(1, 2, 'freight'),
    );
    assert.equal(
      parcel.formatMessage('PARCEL_TOO_HEAVY', heavyDetails(1, 2, [])),
      heavy(1, 2, ''),
      'an empty list is nothing',
    );
    assert.equal(
      parcel.formatMessage('PARCEL_LOST', { tracking: '1Z999AA10123456784' }),
      'Parcel 1Z999AA10123456784 is lost; <b>&amp;</b> "quoted" `ticked` {braces} é',
    );
    assert.equal(
      parcel.formatMessage('PARCEL_LOST', { tracking: '{tracking} {{x}} $& $1' }),
      'Parcel {tracking} {{x}} $& $1 is lost; <b>&amp;</b> "quoted" `ticked` {braces} é',
      'a value is inserted as it is, never read as a template or a replacement pattern',
    );
    assert.equal(parcel.formatMessage('RATE_LIMITED', {}), 'Too many requests');
  });

  test('a code without a template has its default message', () => {
    assert.equal(
      parcel.formatMessage('invalid_address', { problems: [{ line: 1, reason: 'r' }] }),
      'The address is not deliverable. Correct the address.',
    );
    assert.equal(parcel.formatMessage('invalid_address', { problems: [] }), parcel.CODES.invalid_address.message);
    for (const code of ['NOT_FOUND', 'VALIDATION_ERROR', 'UNAUTHORIZED']) {
      assert.equal(relay.formatMessage(code, {}), relay.CODES[code].message, code);
    }
    assert.equal(relay.formatMessage('NOT_FOUND', {}), 'Resource not found. Verify the resource ID exists.');
  });

  test("the Relay API's templates", () => {
    const cases = [
      ['MISSING_FIELD', { field: 'customer.email' }, 'Required field customer.email is missing'],
      ['INVALID_UUID', { value: 'ticket-42', field: 'ticketId' }, 'Invalid UUID format: ticket-42'],
      [
        'TOO_MANY_REQUESTS',
        { limit: 100, remaining: 0, reset: 1705312800, category: 'write' },
        'Rate limit of 100 requests exceeded; the window resets at 1705312800',
      ],
      [
        'ATTACHMENT_TOO_LARGE',
        { size_bytes: 31457280, max_bytes: 26214400 },
        'File of 31457280 bytes exceeds the 26214400-byte limit',
      ],
      [
        'INVALID_ATTACHMENT_TYPE',
        { content_type: 'application/x-msdownload', allowed: ['image/png', 'image/jpeg'] },
        'File type application/x-msdownload is not allowed; allowed types: image/png, image/jpeg',
      ],
      [
        'HEARTBEAT_TOO_FREQUENT',
        { elapsed_seconds: 12.5, retry_after: 18 },
        'Heartbeat sent 12.5s after the last one; wait 18 more seconds',
      ],
    ];
    for (const [code, details, message] of cases) {
      assert.equal(relay.formatMessage(code, details), message, code);
    }
    assert.equal(
      batch.formatMessage('invalid_request', { fields: ['recipient', 'send_at'] }),
      'One or more required fields are missing or contain invalid values: recipient, send_at.',
    );
  });

  test('numbers as Rust writes an f64: shortest round-trip digits, never an exponent', () => {
    const cases = [
      [1e21, '1000000000000000000000'],
      [1.5e-7, '0.00000015'],
      [1e-7, '0.0000001'],
      [-1e-7, '-0.0000001'],
      [1e-6, '0.000001'],
      [30, '30'],
      [-0, '-0'],
      [0, '0'],
      [NaN, 'NaN'],
      [Infinity, 'inf'],
      [-Infinity, '-inf'],
      [0.1 + 0.2, '0.30000000000000004'],
      [123456789.125, '123456789.125'],
      [2 ** 60, '1152921504606847000'],
      [-1.7976931348623157e308, `-17976931348623157${'0'.repeat(292)}`],
      [5e-324, `0.${'0'.repeat(323)}5`],
      [1.2345e-10, '0.00000000012345'],
      // Halfway between two shortest forms: Rust takes the larger, JavaScript the even one.
      [1356540990527719.25, '1356540990527719.3'],
      [-1356540990527719.25, '-1356540990527719.3'],
      [0.5, '0.5'],
    ];
    for (const [value, written] of cases) {
      assert.equal(parcel.formatMessage('PARCEL_TOO_HEAVY', heavyDetails(value, 1)), heavy(written, 1), `${value}`);
    }
    // Integers too, and booleans as Rust writes them.
    assert.equal(
      parcel.formatMessage('PARCEL_TOO_HEAVY', heavyDetails(0, -(2 ** 53 - 1))),
      heavy(0, '-9007199254740991'),
    );
    assert.equal(
      parcel.formatMessage('PARCEL_TOO_HEAVY', heavyDetails(true, false, [true, 1e21, 'a'])),
      heavy('true', 'false', 'true, 1000000000000000000000, a'),
    );
  });

  test('refuses what no typed call passes: an unknown code, a missing detail', () => {
    assert.throws(() => relay.formatMessage('NO_SUCH_CODE', {}), {
      name: 'TypeError',
      message: 'formatMessage: "NO_SUCH_CODE" is not a code of this API',
    });
    assert.throws(() => relay.formatMessage('toString', {}), TypeError);
    assert.throws(() => relay.formatMessage(undefined, {}), TypeError);
    assert.throws(() => relay.formatMessage('MISSING_FIELD', {}), {
      name: 'TypeError',
      message: 'formatMessage: the details of MISSING_FIELD have no field',
    });
    assert.throws(() => relay.formatMessage('MISSING_FIELD', null), TypeError);
    assert.throws(() => relay.formatMessage('MISSING_FIELD', { field: undefined }), TypeError);
    assert.throws(
      () => relay.formatMessage('MISSING_FIELD', Object.create({ field: 'inherited' })),
      TypeError,
      'only own keys are details, as only own keys are in JSON',
    );
    // A code without a template needs no details at all.
    assert.equal(relay.formatMessage('NOT_FOUND'), relay.CODES.NOT_FOUND.message);
  });

  test('the templates are data formatMessage alone reads, not exports', () => {
    for (const mod of [relay, parcel, batch]) {
      assert.equal('TEMPLATES' in mod, false);
      assert.equal(typeof mod.formatMessage, 'function');
    }
  });

  for (const [pkg, mod] of [
    [relayPackage, relay],
    [parcelPackage, parcel],
    [batchPackage, batch],
  ]) {
    test(`${pkg.crate}: every template renders as the catalog writes it`, () => {
      let templates = 0;
      for (const entry of pkg.catalog.codes) {
        const details = exampleDetails(entry);
        const expected =
          entry.message === undefined
            ? mod.CODES[entry.code].message
            : entry.message.replace(/\{\{|\}\}|\{(\w+)\}/g, (match, key) =>
                key === undefined ? match[0] : [details[key]].flat().map(String).join(', '),
              );
        if (entry.message !== undefined) templates += 1;
        assert.equal(mod.formatMessage(entry.code, details), expected, entry.code);
      }
      assert.ok(templates > 0, 'the catalog has templates');
    });
  }
});

/** A detail's spec in its long form, whichever form the catalog writes. */
const specOf = (raw) => (typeof raw === 'string' ? { type: raw } : raw);

/**
 * Details for `entry` from the catalog's examples, with a value of the detail's type where
 * there is none; numbers are ones whose String() is Rust's `{}` too.
 */
function exampleDetails(entry) {
  const plain = { string: 'text', integer: 7, number: 2.5, boolean: false };
  const valueOf = (spec) => {
    if (spec.example !== undefined) return spec.example;
    if (spec.type === 'enum') return spec.values[0];
    if (spec.type === 'list') return [valueOf(specOf(spec.items))];
    if (spec.type === 'object') return detailsOf(spec.fields);
    return plain[spec.type];
  };
  const detailsOf = (fields) =>
    Object.fromEntries(Object.entries(fields ?? {}).map(([key, raw]) => [key, valueOf(specOf(raw))]));
  return detailsOf(entry.details);
}

// ---------------------------------------------------------------------------------------
// Against Rust. Random values come from a seeded generator, so a failure names a case that
// comes back on the next run.

/** Mulberry32: 32 bits of state, uniform numbers in [0, 1). */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const pick = (rng, list) => list[Math.floor(rng() * list.length)];

/** Numbers where formatting goes wrong if it can: exponent forms, signs, extremes. */
const SPECIAL_NUMBERS = [
  1e21, 1e-7, -0, 0.1 + 0.2, 123456789.125, 1.5e-7, 30, 0, 1e-6, 9.999999999999999e20, 1e22,
  1e16, 2 ** 53, -(2 ** 53), 2 ** 60, 0.5, 1 / 3, -2 / 3, 12.5, 1e300, 1.5e-300, 5e-324,
  Number.MIN_VALUE * 3, Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON, 100, 1e-5,
  0.000001234, 1234567890123456789012, 4.35, 0.3, 2.675, 1e23, 8.41e21, 5e-7,
];

/** Any finite f64 from random bits, or a special one, or one of a random magnitude. */
function randomNumber(rng) {
  const kind = rng();
  if (kind < 0.25) return pick(rng, SPECIAL_NUMBERS);
  if (kind < 0.55) {
    const view = new DataView(new ArrayBuffer(8));
    for (;;) {
      view.setUint32(0, Math.floor(rng() * 2 ** 32));
      view.setUint32(4, Math.floor(rng() * 2 ** 32));
      const value = view.getFloat64(0);
      if (Number.isFinite(value)) return value;
    }
  }
  if (kind < 0.7) return (rng() - 0.5) * 10 ** Math.floor(rng() * 60 - 30);
  if (kind < 0.85) {
    // A few binary digits after the point at 16 or 17 decimal digits: where two shortest
    // forms can be equally close, and Rust and JavaScript break the tie apart.
    const whole = Math.floor(rng() * 2 ** 53);
    return (whole * 2 ** -Math.floor(rng() * 6)) * (rng() < 0.5 ? -1 : 1);
  }
  return Math.round((rng() - 0.5) * 1e6) / 100;
}

const SPECIAL_INTEGERS = [0, 1, -1, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 31, -(2 ** 31), 1e15, 30];

/** An integer within ±(2^53 - 1), which JavaScript holds exactly. */
function randomInteger(rng) {
  if (rng() < 0.3) return pick(rng, SPECIAL_INTEGERS);
  const magnitude = 2 ** Math.floor(rng() * 54);
  // `+ 0` makes -0 a plain 0: an i64 has no negative zero.
  return Math.trunc((rng() * 2 - 1) * Math.min(magnitude, 2 ** 53 - 1)) + 0;
}

/** Text with what a renderer could trip on: braces, quotes, escapes, any script. */
const STRING_PIECES = [
  'a', 'Z', '0', ' ', '{', '}', '{{', '}}', '{field}', '{0}', '"', "'", '\\', '\n', '\t', '$&',
  'é', 'e\u0301', 'ß', '中文', '😀', '👍🏽', '\u2028', '\u202e', '\u0000', '</script>', 'null',
];

function randomString(rng) {
  let text = '';
  const length = Math.floor(rng() * 8);
  for (let i = 0; i < length; i += 1) text += pick(rng, STRING_PIECES);
  return text;
}

/** A random value of the detail type `spec`. */
function randomValue(rng, spec) {
  switch (spec.type) {
    case 'string':
      return randomString(rng);
    case 'integer':
      return randomInteger(rng);
    case 'number':
      return randomNumber(rng);
    case 'boolean':
      return rng() < 0.5;
    case 'enum':
      return pick(rng, spec.values);
    case 'list':
      return Array.from({ length: Math.floor(rng() * 5) }, () => randomValue(rng, specOf(spec.items)));
    case 'object':
      return randomDetails(rng, spec.fields);
    default:
      throw new Error(`no such detail type: ${spec.type}`);
  }
}

/** Random details for `fields`, each optional one left out now and then. */
function randomDetails(rng, fields) {
  const details = {};
  for (const [key, raw] of Object.entries(fields ?? {})) {
    const spec = specOf(raw);
    if (spec.optional && rng() < 0.3) continue;
    details[key] = randomValue(rng, spec);
  }
  return details;
}

/** JSON that keeps -0 (JSON.stringify writes it `0`): as `-0.0`, which Rust reads as -0. */
function toJson(value) {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0.0' : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value).map(([key, v]) => `${JSON.stringify(key)}:${toJson(v)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether the generated crate in `crateDir` has the `Error` enum (a crate of `ErrorCode`s only does not). */
async function hasError(crateDir) {
  const dir = join(crateDir, 'src');
  for (const name of await readdir(dir)) {
    if (name.endsWith('.rs') && /\bpub enum Error\b/.test(await readFile(join(dir, name), 'utf8'))) {
      return true;
    }
  }
  return false;
}

const hasErrorEnum = (await hasError(relayPackage.crateDir)) && (await hasError(parcelPackage.crateDir));

describe("formatMessage against Rust's rendering", () => {
  test("numbers and integers as Rust's Display writes an f64 and an i64", async () => {
    const rng = random(0x5eed);
    const numbers = [...SPECIAL_NUMBERS, NaN, Infinity, -Infinity];
    const integers = [...SPECIAL_INTEGERS];
    for (let i = 0; i < 2000; i += 1) numbers.push(randomNumber(rng));
    for (let i = 0; i < 200; i += 1) integers.push(randomInteger(rng));
    const input = [
      // String(-0) is `0`: the sign is written by hand.
      ...numbers.map((x) => `f ${Object.is(x, -0) ? '-0' : String(x)}\n`),
      ...integers.map((n) => `i ${String(n)}\n`),
    ].join('');
    const stdout = await runRustProgram('rust-numbers', await tempDir('rust-numbers-'), [], {}, input);
    const written = stdout.split('\n').slice(0, -1);
    assert.equal(written.length, numbers.length + integers.length);
    numbers.forEach((x, i) => {
      assert.equal(
        parcel.formatMessage('PARCEL_TOO_HEAVY', heavyDetails(x, 1)),
        heavy(written[i], 1),
        `the f64 ${x}`,
      );
    });
    integers.forEach((n, i) => {
      assert.equal(
        parcel.formatMessage('PARCEL_TOO_HEAVY', heavyDetails(1, n)),
        heavy(1, written[numbers.length + i]),
        `the i64 ${n}`,
      );
    });
  });

  test(
    "random occurrences of every code with a template: the Rust crates' Error, byte for byte",
    { skip: !hasErrorEnum && 'the generated crates have no `Error` enum yet' },
    async () => {
      const rng = random(0xde7a11);
      const codes = [
        ...withTemplates(relayPackage).map((entry) => ['relay-errors', relay, entry]),
        ...withTemplates(parcelPackage).map((entry) => ['parcel-errors', parcel, entry]),
      ];
      const cases = [];
      for (let i = 0; i < 400; i += 1) {
        const [krate, mod, entry] = codes[i % codes.length];
        cases.push({ krate, mod, code: entry.code, details: randomDetails(rng, entry.details) });
      }
      const input = cases
        .map(({ krate, code, details }) => `{"crate":${JSON.stringify(krate)},"code":${JSON.stringify(code)},"details":${toJson(details)}}\n`)
        .join('');
      const dependencies = [
        'serde_json = { version = "1", features = ["float_roundtrip"] }',
        `relay-errors = { path = ${JSON.stringify(relayPackage.crateDir)}, features = ["serde"] }`,
        `parcel-errors = { path = ${JSON.stringify(parcelPackage.crateDir)}, features = ["serde"] }`,
      ];
      const stdout = await runRustProgram(
        'rust-messages',
        await tempDir('rust-messages-'),
        dependencies,
        {},
        input,
      );
      const messages = stdout.split('\n').slice(0, -1).map((line) => JSON.parse(line));
      assert.equal(messages.length, cases.length);
      cases.forEach(({ mod, code, details }, i) => {
        assert.equal(mod.formatMessage(code, details), messages[i], `${code} ${toJson(details)}`);
      });
    },
  );
});

/** The codes of `pkg`'s catalog that have a message template. */
function withTemplates(pkg) {
  const codes = pkg.catalog.codes.filter((entry) => entry.message !== undefined);
  assert.ok(codes.length > 0, `${pkg.crate} has templates`);
  return codes;
}
