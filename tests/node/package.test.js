// The generated TypeScript packages at run time: their values against the catalog (read
// here with the `yaml` package, not the generator's loader) and against what the Rust
// crate generated beside each returns, and their helpers on every kind of input.

import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';

import { TRPCClientError } from '@trpc/client';

import { importPackage, preparePackages, rustValues, tempDir } from './packages.js';

const packages = await preparePackages();
const rust = await rustValues(packages);
const modules = await Promise.all(packages.map(importPackage));
const [relay, batch, hostile] = modules;

/** A code's families as the catalog lists them: one id or a list. */
const familyIds = (entry) => (Array.isArray(entry.family) ? entry.family : [entry.family]);

/** Catalog text as the generator keeps it: trimmed. */
const text = (value) => value?.trim();

/** An action's URL: the entry itself, or the `url` of its long form. */
const actionUrl = (action) => (typeof action === 'string' ? action : action.url);

for (const [index, pkg] of packages.entries()) {
  const mod = modules[index];
  const { catalog } = pkg;
  const values = rust.catalogs[pkg.crate];

  describe(`${pkg.crate}: the package says what the catalog says`, () => {
    test('package.json names the package and its version', () => {
      assert.equal(pkg.packageJson.name, catalog.npm ?? catalog.crate);
      assert.equal(pkg.packageJson.version, catalog.version);
      assert.equal(pkg.packageJson.type, 'module');
      assert.deepEqual(pkg.packageJson.exports, {
        '.': { types: './index.d.ts', default: './index.js' },
      });
      assert.equal(pkg.packageJson.sideEffects, false);
      assert.equal(pkg.packageJson.dependencies, undefined);
    });

    test('CODES has every code, in catalog order, with its facts', () => {
      assert.deepEqual(
        Object.keys(mod.CODES),
        catalog.codes.map((entry) => entry.code),
      );
      for (const entry of catalog.codes) {
        const info = mod.CODES[entry.code];
        assert.equal(info.code, entry.code);
        assert.equal(info.status, entry.status, entry.code);
        assert.deepEqual(info.families, familyIds(entry), entry.code);
        assert.equal(info.description, text(entry.description), entry.code);
        assert.equal(info.resolution, text(entry.resolution), entry.code);
        assert.equal(info.retryable, entry.retryable ?? false, entry.code);
        assert.equal(info.actionUrl, entry.action && actionUrl(catalog.actions[entry.action]), entry.code);
        assert.equal('actionUrl' in info, entry.action !== undefined, entry.code);
        assert.deepEqual(info.deprecated, deprecation(entry.deprecated), entry.code);
      }
    });

    test('FAMILIES has every family, in docs order', () => {
      assert.deepEqual(
        Object.values(mod.FAMILIES).map(({ id, title, description }) => ({ id, title, description })),
        catalog.families.map(({ id, title, description }) => ({
          id,
          title: text(title),
          description: text(description),
        })),
      );
    });

    test('retired codes are not codes', () => {
      for (const { code } of catalog.retired ?? []) {
        assert.equal(mod.isErrorCode(code), false, code);
        assert.equal(mod.CODES[code], undefined, code);
      }
    });
  });

  describe(`${pkg.crate}: the package returns what the Rust crate returns`, () => {
    test('every code, with every fact', () => {
      assert.deepEqual(
        Object.keys(mod.CODES),
        values.codes.map((code) => code.code),
      );
      for (const code of values.codes) {
        const info = mod.CODES[code.code];
        const expected = {
          code: code.code,
          status: code.status,
          families: code.families,
          description: code.description,
          resolution: code.resolution,
          message: code.message,
          docsUrl: code.docsUrl,
          ...(code.actionUrl === null ? {} : { actionUrl: code.actionUrl }),
          retryable: code.retryable,
          since: code.since,
          ...(code.trpcCode === null ? {} : { trpcCode: code.trpcCode }),
        };
        const { deprecated, ...rest } = info;
        assert.deepEqual(rest, expected, code.code);
        assert.equal(deprecated !== undefined, code.deprecated, code.code);
        assert.equal(deprecated?.replacement ?? null, code.replacement, code.code);
        assert.equal(mod.isErrorCode(code.code), true, code.code);
        assert.equal(mod.isRetryable(code.code), code.retryable, code.code);
      }
    });

    test('the retry delay of every code, to the nanosecond', () => {
      for (const code of values.codes) {
        rust.retryCases.forEach(([attempt, random], i) => {
          const ours = mod.retryDelay(code.code, attempt, random);
          const theirs = code.retryDelays[i];
          const what = `${code.code} retryDelay(${attempt}, ${random})`;
          if (theirs === null) {
            assert.equal(ours, undefined, what);
          } else {
            // The crate's Duration counts whole nanoseconds: 1e-6 ms.
            assert.ok(Math.abs(ours - theirs) <= 1e-6, `${what}: ${ours} != ${theirs}`);
          }
        });
      }
    });

    test('the codes of every status and every family', () => {
      for (let status = 0; status < 1000; status += 1) {
        assert.deepEqual(mod.codesWithStatus(status), values.withStatus[status] ?? [], `${status}`);
      }
      assert.deepEqual(Object.keys(mod.FAMILIES), values.families.map((family) => family.id));
      for (const family of values.families) {
        const info = mod.FAMILIES[family.id];
        assert.equal(info.title, family.title);
        assert.equal(info.description, family.description ?? undefined);
        assert.equal('description' in info, family.description !== null);
        assert.deepEqual(info.codes, family.codes);
        assert.deepEqual(mod.codesInFamily(family.id), family.codes);
      }
    });
  });

  describe(`${pkg.crate}: the files are safe to embed`, () => {
    test('no raw line separator, `</` or `<!` in index.js or package.json', async () => {
      // So the file can be inlined in an HTML <script>: `</script>` would end it early,
      // and `<!--` could keep the real `</script>` from ending it.
      for (const name of ['index.js', 'package.json']) {
        const source = await readFile(join(pkg.tsDir, name), 'utf8');
        assert.doesNotMatch(source, /[\u2028\u2029]/, name);
        assert.doesNotMatch(source, /<[/!]/, name);
      }
    });
  });
}

/** A catalog `deprecated` mapping as the package has it, without absent keys. */
function deprecation(raw) {
  if (raw === undefined) return undefined;
  return {
    since: raw.since,
    ...(raw.replacement === undefined ? {} : { replacement: raw.replacement }),
    ...(raw.note === undefined ? {} : { note: text(raw.note) }),
  };
}

describe('everything exported is frozen, deeply', () => {
  for (const [index, mod] of modules.entries()) {
    test(packages[index].crate, () => {
      const frozen = (value, what) => assert.ok(Object.isFrozen(value), what);
      frozen(mod.CODES, 'CODES');
      frozen(mod.FAMILIES, 'FAMILIES');
      for (const info of Object.values(mod.CODES)) {
        frozen(info, info.code);
        frozen(info.families, `${info.code}.families`);
        if (info.deprecated) frozen(info.deprecated, `${info.code}.deprecated`);
        frozen(mod.codesWithStatus(info.status), `codesWithStatus(${info.status})`);
      }
      for (const family of Object.values(mod.FAMILIES)) {
        frozen(family, family.id);
        frozen(family.codes, `${family.id}.codes`);
      }
      frozen(mod.codesWithStatus(999), 'codesWithStatus(999)');
      // Modules are strict code, so writing to a frozen object throws.
      const first = Object.keys(mod.CODES)[0];
      assert.throws(() => {
        mod.CODES[first].status = 200;
      }, TypeError);
      assert.throws(() => {
        mod.codesWithStatus(999).push(first);
      }, TypeError);
    });
  }
});

describe('codes are keys like any other, whatever they are named', () => {
  test('names of Object.prototype members are codes only where the catalog has them', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__']) {
      assert.equal(relay.isErrorCode(name), false, name);
      assert.equal(relay.CODES[name], undefined, name);
    }
    assert.equal(Object.getPrototypeOf(relay.CODES), null);
    for (const name of ['toString', 'constructor', 'hasOwnProperty', 'valueOf', 'type', 'default']) {
      assert.equal(hostile.isErrorCode(name), true, name);
      assert.equal(hostile.CODES[name].code, name);
    }
    assert.equal(hostile.isErrorCode('isPrototypeOf'), false, 'retired');
    assert.equal(hostile.isErrorCode('__proto__'), false);
    assert.equal(hostile.CODES['fmt/display'].code, 'fmt/display');
    assert.equal(hostile.CODES['v2.http.timeout'].status, 504);
  });

  test('families named like Object.prototype members work as well', () => {
    assert.equal(hostile.isFamily('constructor'), true);
    assert.equal(hostile.isFamily('toString'), false);
    assert.equal(relay.isFamily('constructor'), false);
    assert.deepEqual(relay.codesInFamily('constructor'), []);
    assert.deepEqual(hostile.codesInFamily('prototype'), [
      'default',
      'constructor',
      'valueOf',
      'fmt/display',
      'v2.http.timeout',
    ]);
  });

  test('`__proto__` would be an own key, were the format ever to allow it', async () => {
    // Wire strings must start with a letter, so no catalog has `__proto__`; the lookups
    // must not depend on that. Rename a code in a copy of the hostile package.
    const source = await readFile(join(packages[2].tsDir, 'index.js'), 'utf8');
    const renamed = source.replaceAll('"constructor"', '"__proto__"');
    const dir = await tempDir('proto-');
    await writeFile(join(dir, 'index.js'), renamed);
    const mod = await import(pathToFileURL(join(dir, 'index.js')).href);
    assert.ok(Object.hasOwn(mod.CODES, '__proto__'));
    assert.equal(mod.CODES.__proto__.status, 409);
    assert.equal(mod.isErrorCode('__proto__'), true);
    assert.equal(Object.getPrototypeOf(mod.CODES), null);
    assert.ok(Object.hasOwn(mod.FAMILIES, '__proto__'));
    assert.deepEqual(mod.codesInFamily('__proto__'), ['type', 'default', 'toString', 'hasOwnProperty']);
  });

  test('isErrorCode takes only strings', () => {
    for (const value of [undefined, null, 0, 404, true, {}, [], ['FORBIDDEN'], new String('FORBIDDEN'), Symbol('FORBIDDEN')]) {
      assert.equal(relay.isErrorCode(value), false, String(value?.toString?.()));
    }
    assert.equal(relay.isErrorCode('FORBIDDEN'), true);
    assert.equal(relay.isErrorCode('forbidden'), false, 'wire strings are never re-cased');
    assert.equal(relay.isErrorCode(' FORBIDDEN'), false);
  });
});

describe('errorCodeOf', () => {
  const trpcBody = (code) => ({
    error: {
      message: 'Ticket with specified ID does not exist.',
      code: -32004,
      data: { code, httpStatus: 404, path: 'tickets.get' },
    },
  });

  test('reads a TRPCClientError, as @trpc/client makes it', () => {
    const error = TRPCClientError.from(trpcBody('TICKET_NOT_FOUND'));
    assert.ok(error instanceof TRPCClientError);
    assert.equal(error.data.code, 'TICKET_NOT_FOUND');
    assert.equal(relay.errorCodeOf(error), 'TICKET_NOT_FOUND');
    assert.equal(relay.errorCodeOf(TRPCClientError.from(trpcBody('ADDED_LATER'))), undefined);
  });

  test('reads every body the catalogs define', () => {
    assert.equal(relay.errorCodeOf(trpcBody('TICKET_NOT_FOUND')), 'TICKET_NOT_FOUND');
    assert.equal(relay.errorCodeOf(trpcBody('TICKET_NOT_FOUND').error), 'TICKET_NOT_FOUND');
    const rest = { error: { code: 'INVALID_UUID', message: 'Invalid UUID format.', details: {} } };
    assert.equal(relay.errorCodeOf(rest), 'INVALID_UUID');
    const problem = {
      type: 'https://docs.relay.dev/errors#too_many_requests',
      title: 'Rate limit exceeded',
      status: 429,
      detail: 'Rate limit exceeded. Wait and retry with exponential backoff.',
      code: 'TOO_MANY_REQUESTS',
    };
    assert.equal(relay.errorCodeOf(problem), 'TOO_MANY_REQUESTS');
    const linked = {
      error: { code: 'api_key_revoked', message: 'Revoked.', docs_url: 'https://x.dev' },
      request_id: 'req_1',
    };
    assert.equal(batch.errorCodeOf(linked), 'api_key_revoked');
    assert.equal(batch.errorCodeOf({ request_id: 'req_2' }), undefined, 'a success');
    assert.equal(hostile.errorCodeOf({ error: { code: 'toString' } }), 'toString');
    assert.equal(hostile.errorCodeOf({ code: 'fmt/display' }), 'fmt/display');
  });

  test("is undefined for another catalog's code, or an unknown one", () => {
    assert.equal(batch.errorCodeOf(trpcBody('TICKET_NOT_FOUND')), undefined);
    assert.equal(relay.errorCodeOf({ error: { code: 'api_key_revoked' } }), undefined);
    assert.equal(relay.errorCodeOf({ code: 'toString' }), undefined);
    assert.equal(relay.errorCodeOf({ code: '__proto__' }), undefined);
    const nodeError = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    assert.equal(relay.errorCodeOf(nodeError), undefined);
  });

  test('the most specific place decides, even when its code is unknown', () => {
    // A tRPC body's `error.code` is tRPC's number, never the catalog's code.
    assert.equal(relay.errorCodeOf({ error: { code: -32004, data: { code: 'FORBIDDEN' } } }), 'FORBIDDEN');
    assert.equal(relay.errorCodeOf({ data: { code: 'ADDED_LATER' }, code: 'FORBIDDEN' }), undefined);
    assert.equal(relay.errorCodeOf({ data: { code: 403 }, error: { code: 'FORBIDDEN' } }), 'FORBIDDEN');
    assert.equal(relay.errorCodeOf({ data: null, code: 'FORBIDDEN' }), 'FORBIDDEN');
  });

  test('anything else is undefined', () => {
    const values = [undefined, null, 0, NaN, '', 'FORBIDDEN', true, Symbol('x'), 10n, [], {}, () => {}];
    for (const value of values) assert.equal(relay.errorCodeOf(value), undefined);
    assert.equal(relay.errorCodeOf({ error: 'FORBIDDEN' }), undefined);
    assert.equal(relay.errorCodeOf({ code: new String('FORBIDDEN') }), undefined);
  });

  test('never throws, and reads each property once', () => {
    const throwing = {
      get data() {
        throw new Error('getter');
      },
    };
    const trap = new Proxy({}, {
      get() {
        throw new Error('trap');
      },
    });
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const value of [throwing, trap, revoked, { error: throwing }, { data: trap }]) {
      assert.equal(relay.errorCodeOf(value), undefined);
    }
    let reads = 0;
    const changing = {
      get code() {
        reads += 1;
        return reads === 1 ? 'FORBIDDEN' : 'NOT A CODE';
      },
    };
    assert.equal(relay.errorCodeOf(changing), 'FORBIDDEN');
    assert.equal(reads, 1);
    const inherited = Object.create({ code: 'FORBIDDEN' });
    assert.equal(relay.errorCodeOf(inherited), 'FORBIDDEN');
  });
});

describe('retry', () => {
  test('full jitter between zero and the ceiling, capped at 30 s', () => {
    assert.equal(relay.RETRY_BASE_MS, 1000);
    assert.equal(relay.RETRY_CAP_MS, 30000);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 100].map(relay.retryCeiling), [
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    assert.equal(relay.retryCeiling(2.9), 4000, 'a fraction is rounded down');
    assert.equal(relay.retryCeiling(-1), 1000);
    assert.equal(relay.retryCeiling(NaN), 1000);
    assert.equal(relay.retryCeiling(Infinity), 30000);
    assert.equal(relay.retryDelay('TOO_MANY_REQUESTS', 2, 0.5), 2000);
    assert.equal(relay.retryDelay('TICKET_NOT_FOUND', 2, 0.5), undefined);
    assert.equal(relay.retryDelay('not a code', 2, 0.5), undefined);
    assert.equal(relay.isRetryable('not a code'), false);
  });

  test('random defaults to Math.random() and stays within the ceiling', () => {
    for (let i = 0; i < 200; i += 1) {
      const delay = relay.retryDelay('TOO_MANY_REQUESTS', 3);
      assert.ok(delay >= 0 && delay <= 8000, `${delay}`);
    }
  });
});
