// An application using the generated packages, type-checked by typescript.test.js with
// the strictest options an application may turn on (tsconfig.json beside this file). The
// packages are found the way `npm install ../generated/<crate>/ts` finds them: by name,
// through node_modules, their package.json `exports` and its `types` condition.
//
// Each `@ts-expect-error` is a check too: tsc fails if the line below it compiles.

import {
  CODES,
  FAMILIES,
  PROBLEM_JSON,
  codesInFamily,
  codesWithStatus,
  errorCodeOf,
  isErrorCode,
  isRetryable,
  retryDelay,
  type ErrorCode,
  type ErrorCodeInfo,
  type ErrorCodeTable,
  type Family,
  type FamilyInfo,
  type Problem,
  type RestBody,
  type TrpcBody,
  type TrpcResponse,
  type WireCode,
} from '@relay/errors';
import * as batch from 'batch-relay-errors';
import * as hostile from '@hostile/errors.js';

/** Exact type equality, as the TypeScript team's own tests write it. */
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): void {}

// CODES has the contract's type, and its documented interface has exactly the codes.
type Contract = { readonly [C in ErrorCode]: ErrorCodeInfo & { readonly code: C } };
export const asContract: Contract = CODES;
export const fromContract: ErrorCodeTable = asContract;
assertType<Equals<keyof ErrorCodeTable, ErrorCode>>();
assertType<Equals<keyof typeof FAMILIES, Family>>();
assertType<Equals<Parameters<typeof codesInFamily>[0], Family>>();

// Each entry's code is its own key, as a literal type.
const notFound = CODES.TICKET_NOT_FOUND;
export const literal: 'TICKET_NOT_FOUND' = notFound.code;
export const status: number = notFound.status;
// A non-empty tuple: the primary family needs no check even with noUncheckedIndexedAccess.
export const primary: Family = notFound.families[0];
// @ts-expect-error: the second family may not exist
export const second: Family = notFound.families[1];
export const trpcNumber: number = notFound.trpcCode;
export const family: FamilyInfo = FAMILIES.tickets;

// @ts-expect-error: a string that is no code is not an ErrorCode
export const typo: ErrorCode = 'TICKET_NOT_FOUN';
// @ts-expect-error: nor a key of CODES
CODES.TICKET_NOT_FOUN;
// @ts-expect-error: entries are read-only
notFound.status = 500;
// @ts-expect-error: lists are read-only
codesWithStatus(404).push('FORBIDDEN');
// @ts-expect-error: not a family id
codesInFamily('ticket');

// Optional facts are absent, never `undefined`, under exactOptionalPropertyTypes.
export const copy: ErrorCodeInfo = { ...notFound };
// @ts-expect-error: `actionUrl: undefined` is not an absent action
export const withUndefined: ErrorCodeInfo = { ...notFound, actionUrl: undefined };
export const action: string | undefined = notFound.actionUrl;
export const replacement: ErrorCode | undefined = CODES.INVALID_TOKEN.deprecated?.replacement;

/** An arbitrary string indexes CODES only once it is known to be a code. */
export function describe(input: string): string {
  // @ts-expect-error: a string is not a key of CODES
  CODES[input];
  return isErrorCode(input) ? CODES[input].description : 'unknown';
}

/** What a client does with any error it catches. */
export function handle(error: unknown): string {
  const code = errorCodeOf(error);
  if (code === undefined) return 'not an error of this API, or a newer code';
  const delay: number | undefined = retryDelay(code, 0, 0.5);
  // @ts-expect-error: a code that is not retryable has no delay
  const always: number = retryDelay(code, 0);
  return `${CODES[code].message} ${isRetryable(code)} ${delay} ${always}`;
}

// Envelope bodies: a body with a code a newer server added comes off the wire, its code
// an UnknownCode (details-relay.ts narrows such bodies); a code held as a string is a
// WireCode...
export const future = JSON.parse(
  '{"error": {"code": "ADDED_LATER", "message": "m", "details": {}}}',
) as RestBody;
export const held: WireCode = 'ADDED_LATER';
export function narrow(code: WireCode): ErrorCode | undefined {
  // @ts-expect-error: ...and becomes an ErrorCode only once checked.
  const unchecked: ErrorCode = code;
  return isErrorCode(code) ? code : unchecked;
}
export const stringCode: TrpcBody = {
  error: {
    message: 'm',
    // @ts-expect-error: tRPC's `error.code` is its JSON-RPC number; the catalog's code is `data.code`
    code: 'NOT_FOUND',
    data: { code: 'NOT_FOUND', httpStatus: 404, path: 'p' },
  },
};
export const success: TrpcResponse<{ id: string }> = { result: { data: { id: '1' } } };
export const problem: Problem = {
  type: 'https://docs.relay.dev/errors#bad_request',
  title: 'Invalid input parameters',
  status: 400,
  detail: 'Invalid input parameters. Check request body against schema.',
  code: 'BAD_REQUEST',
};
// @ts-expect-error: an absent `instance` is left out, not `undefined`
export const undefinedInstance: Problem = { ...problem, instance: undefined };
export const media: 'application/problem+json' = PROBLEM_JSON;
// @ts-expect-error: the Relay API has no linked envelope
export type NoLinked = import('@relay/errors').LinkedBody;

// The Batch Relay API: linked bodies, no tRPC.
export const linkedSuccess: batch.LinkedBody = { request_id: 'req_1' };
export const linkedError: batch.LinkedBody = {
  error: { code: 'api_key_revoked', message: 'm', docs_url: 'https://docs.batchrelay.com' },
  request_id: 'req_2',
};
// @ts-expect-error: `request_id` is always there
export const noRequestId: batch.LinkedBody = { error: linkedError.error! };
// @ts-expect-error: only catalogs with the tRPC envelope have trpcCode
batch.CODES.api_key_revoked.trpcCode;
// @ts-expect-error: each package has its own codes
export const foreign: batch.ErrorCode = 'TICKET_NOT_FOUND';

// Codes named like Object.prototype members, JavaScript keywords and paths are codes like
// any other, as keys and as literal types.
export const names: readonly hostile.ErrorCode[] = [
  hostile.CODES.constructor.code,
  hostile.CODES.toString.code,
  hostile.CODES.hasOwnProperty.code,
  hostile.CODES.valueOf.code,
  hostile.CODES.type.code,
  hostile.CODES.default.code,
  hostile.CODES['fmt/display'].code,
  hostile.CODES['v2.http.timeout'].code,
];
assertType<Equals<typeof hostile.CODES.constructor.code, 'constructor'>>();
assertType<Equals<hostile.Family, 'constructor' | 'prototype'>>();
// @ts-expect-error: a retired code is no longer a code
export const retired: hostile.ErrorCode = 'isPrototypeOf';
