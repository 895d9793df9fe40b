// The Relay API's documented client code, run with the real @trpc/client against
// relay-demo, through httpLink and httpBatchLink: what a TypeScript client of the API gets,
// and what the generated package's `errorCodeOf` reads from it.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import {
  TRPCClientError,
  createTRPCClient,
  httpBatchLink,
  httpLink,
} from '@trpc/client';
import {
  HTTP_CODE_TO_JSONRPC2,
  TRPC_ERROR_CODES_BY_KEY,
} from '@trpc/server/unstable-core-do-not-import';

import { errorCodeOf, formatMessage } from '../../generated/relay-errors/ts/index.js';
import { ROOT, startDemo } from './demo.js';

const KNOWN_TICKET = '5b8e8a34-3f0c-4d6b-9a5e-2f1f0b6d7c11';
const UNKNOWN_TICKET = '00000000-0000-4000-8000-000000000000';
const TICKET = { id: KNOWN_TICKET, subject: 'Printer on fire', status: 'open' };

/** The seed's "Check Error Code First" example, as a function that says which branch ran. */
function handleError(error) {
  if (error.data?.code === 'NOT_FOUND') {
    return 'not found';
  } else if (error.data?.code === 'FORBIDDEN') {
    return 'forbidden';
  } else {
    return `unexpected: ${error.message}`;
  }
}

/** Runs `call`, which must fail, and returns its error. */
async function failure(call) {
  try {
    await call();
  } catch (error) {
    return error;
  }
  assert.fail('the call succeeded');
}

/** Asserts what a client reads from a failed call. */
function assertTrpcError(error, { code, httpStatus, path, message, details }) {
  assert.ok(error instanceof TRPCClientError, `not a TRPCClientError: ${error}`);
  assert.equal(error.data?.code, code);
  // The occurrence's typed details, as the catalog declares them; absent without any.
  assert.deepEqual(error.data?.details, details);
  // The package renders the server's message from the details, byte for byte.
  if (details) assert.equal(formatMessage(code, details), message);
  // The generated package reads the same code from the real client's error.
  assert.equal(errorCodeOf(error), code);
  assert.equal(error.data?.httpStatus, httpStatus);
  assert.equal(error.data?.path, path);
  assert.equal(error.message, message);
  // What tRPC's client requires: the JSON-RPC number of the status in `error.code`.
  const key = HTTP_CODE_TO_JSONRPC2[httpStatus] ?? 'INTERNAL_SERVER_ERROR';
  assert.equal(error.shape?.code, TRPC_ERROR_CODES_BY_KEY[key]);
  assert.equal(error.data?.stack, undefined);
}

/** What a client reads from `tickets.get` of the id `value`, which is not a UUID. */
function invalidUuid(value) {
  return {
    code: 'INVALID_UUID',
    httpStatus: 400,
    path: 'tickets.get',
    message: `Invalid UUID format: ${value}`,
    details: { value, field: 'id' },
  };
}

/** Each documented error case: the call, and what the client must read from it. */
const ERROR_CASES = [
  {
    name: 'an id that is not a UUID',
    call: (trpc) => trpc.tickets.get.query({ id: 'nope' }),
    expect: invalidUuid('nope'),
  },
  {
    name: 'an unknown ticket',
    call: (trpc) => trpc.tickets.get.query({ id: UNKNOWN_TICKET }),
    expect: {
      code: 'TICKET_NOT_FOUND',
      httpStatus: 404,
      path: 'tickets.get',
      message: "Ticket with specified ID doesn't exist. Verify the ticket ID exists.",
    },
  },
  {
    name: 'a missing input',
    call: (trpc) => trpc.tickets.get.query(),
    expect: {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      path: 'tickets.get',
      message: 'Expected input {"id": "<uuid>"}.',
    },
  },
  {
    name: 'an unknown procedure',
    call: (trpc) => trpc.tickets.archive.query({ id: KNOWN_TICKET }),
    expect: {
      code: 'NOT_FOUND',
      httpStatus: 404,
      path: 'tickets.archive',
      message: 'No procedure found on path "tickets.archive".',
    },
    branch: 'not found',
  },
  {
    name: 'a mutation the caller may not make',
    call: (trpc) => trpc.tickets.delete.mutate({ id: KNOWN_TICKET }),
    expect: {
      code: 'FORBIDDEN',
      httpStatus: 403,
      path: 'tickets.delete',
      message: `Only admins may delete ticket ${KNOWN_TICKET}.`,
    },
    branch: 'forbidden',
  },
  {
    name: 'a mutation with a bad value',
    call: (trpc) => trpc.tickets.setStatus.mutate({ id: KNOWN_TICKET, status: 'lost' }),
    expect: {
      code: 'INVALID_STATUS',
      httpStatus: 400,
      path: 'tickets.setStatus',
      message:
        'Invalid ticket status value: "lost" is not one of open, pending, solved, closed.',
    },
  },
  {
    name: 'a mutation without a required field',
    call: (trpc) => trpc.tickets.setStatus.mutate({ id: KNOWN_TICKET }),
    expect: {
      code: 'MISSING_FIELD',
      httpStatus: 400,
      path: 'tickets.setStatus',
      message: 'Required field status is missing',
      details: { field: 'status' },
    },
  },
  {
    name: 'a query sent as a mutation',
    call: (trpc) => trpc.tickets.get.mutate({ id: KNOWN_TICKET }),
    expect: {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      path: 'tickets.get',
      message: 'tickets.get is a query: call it with GET, not POST.',
    },
  },
];

let demo;
before(async () => {
  demo = await startDemo();
});
after(() => demo?.stop());

/** A client whose every request is recorded, so a test can see what went on the wire. */
function client(link) {
  const requests = [];
  const recordingFetch = async (url, init) => {
    const response = await fetch(url, init);
    requests.push({ url: String(url), method: init?.method ?? 'GET', status: response.status });
    return response;
  };
  const trpc = createTRPCClient({
    links: [link({ url: `${demo.base}/api/trpc`, fetch: recordingFetch })],
  });
  return { trpc, requests };
}

for (const [name, link] of [
  ['httpLink', httpLink],
  ['httpBatchLink', httpBatchLink],
]) {
  describe(`through ${name}`, () => {
    test('a query succeeds with its data', async () => {
      const { trpc } = client(link);
      assert.deepEqual(await trpc.tickets.get.query({ id: KNOWN_TICKET }), TICKET);
    });

    test('a mutation succeeds with its data', async () => {
      const { trpc } = client(link);
      const ticket = await trpc.tickets.setStatus.mutate({ id: KNOWN_TICKET, status: 'solved' });
      assert.deepEqual(ticket, { ...TICKET, status: 'solved' });
    });

    for (const { name: caseName, call, expect, branch } of ERROR_CASES) {
      test(`${caseName}: ${expect.code}`, async () => {
        const { trpc, requests } = client(link);
        const error = await failure(() => call(trpc));
        assertTrpcError(error, expect);
        assert.equal(handleError(error), branch ?? `unexpected: ${expect.message}`);
        assert.equal(requests.length, 1);
        assert.equal(requests[0].status, expect.httpStatus);
      });
    }
  });
}

describe('batches', () => {
  test('a batch mixing a success with two different errors answers each call', async () => {
    const { trpc, requests } = client(httpBatchLink);
    const [found, invalid, missing] = await Promise.allSettled([
      trpc.tickets.get.query({ id: KNOWN_TICKET }),
      trpc.tickets.get.query({ id: 'nope' }),
      trpc.tickets.get.query({ id: UNKNOWN_TICKET }),
    ]);
    assert.equal(requests.length, 1, 'the three calls went in one request');
    assert.match(requests[0].url, /\/api\/trpc\/tickets\.get,tickets\.get,tickets\.get\?batch=1&/);
    assert.equal(requests[0].status, 207, 'the calls have different statuses');
    assert.deepEqual(found, { status: 'fulfilled', value: TICKET });
    assertTrpcError(invalid.reason, ERROR_CASES[0].expect);
    assertTrpcError(missing.reason, ERROR_CASES[1].expect);
  });

  test('a batch of mutations goes in one POST', async () => {
    const { trpc, requests } = client(httpBatchLink);
    const [solved, lost] = await Promise.allSettled([
      trpc.tickets.setStatus.mutate({ id: KNOWN_TICKET, status: 'solved' }),
      trpc.tickets.setStatus.mutate({ id: KNOWN_TICKET, status: 'lost' }),
    ]);
    assert.equal(requests.length, 1);
    assert.equal(requests[0].method, 'POST');
    assert.equal(requests[0].status, 207);
    assert.deepEqual(solved, { status: 'fulfilled', value: { ...TICKET, status: 'solved' } });
    assertTrpcError(lost.reason, ERROR_CASES[5].expect);
  });

  test('a batch whose calls fail alike has their common status', async () => {
    const { trpc, requests } = client(httpBatchLink);
    const results = await Promise.allSettled([
      trpc.tickets.get.query({ id: 'nope' }),
      trpc.tickets.get.query({ id: 'nada' }),
    ]);
    assert.equal(requests[0].status, 400);
    assertTrpcError(results[0].reason, invalidUuid('nope'));
    assertTrpcError(results[1].reason, invalidUuid('nada'));
  });

  test('a batch over the limit fails every call with BAD_REQUEST', async () => {
    const { trpc, requests } = client(httpBatchLink);
    const calls = Array.from({ length: 33 }, () => trpc.tickets.get.query({ id: KNOWN_TICKET }));
    const results = await Promise.allSettled(calls);
    assert.equal(requests.length, 1);
    assert.equal(requests[0].status, 400);
    for (const result of results) {
      assert.equal(result.status, 'rejected');
      assert.equal(result.reason.data?.code, 'BAD_REQUEST');
      assert.equal(errorCodeOf(result.reason), 'BAD_REQUEST');
      assert.equal(result.reason.message, 'A batch may hold at most 32 calls; this one has 33.');
    }
  });
});

describe('development mode', () => {
  let dev;
  before(async () => {
    dev = await startDemo('--development');
  });
  after(() => dev?.stop());

  test('errors carry a stack', async () => {
    const trpc = createTRPCClient({ links: [httpLink({ url: `${dev.base}/api/trpc` })] });
    const error = await failure(() => trpc.tickets.get.query({ id: 'nope' }));
    assert.equal(error.data?.code, 'INVALID_UUID');
    assert.equal(error.data?.stack, 'TRPCError: INVALID_UUID\n    at tickets.get');
  });
});

describe("the generator's copy of tRPC's tables", () => {
  // codegen/src/trpc.rs copies two tables from @trpc/server; read its match arms back.
  const source = readFileSync(`${ROOT}/codegen/src/trpc.rs`, 'utf8');
  const arms = (pattern) => [...source.matchAll(pattern)].map((match) => [match[1], match[2]]);

  test('every status maps to the key @trpc/server gives it', () => {
    const ours = Object.fromEntries(arms(/^\s+(\d{3}) => "([A-Z_]+)",$/gm));
    assert.deepEqual(ours, HTTP_CODE_TO_JSONRPC2);
  });

  test('every key maps to the number @trpc/server gives it', () => {
    const ours = Object.fromEntries(
      arms(/^\s+"([A-Z_]+)" => (-\d+),$/gm).map(([key, number]) => [key, Number(number)]),
    );
    const fallback = Number(/FALLBACK_NUMBER: i32 = (-\d+);/.exec(source)?.[1]);
    assert.equal(fallback, TRPC_ERROR_CODES_BY_KEY.INTERNAL_SERVER_ERROR);
    for (const [key, number] of Object.entries(TRPC_ERROR_CODES_BY_KEY)) {
      assert.equal(ours[key] ?? fallback, number, key);
    }
  });
});
