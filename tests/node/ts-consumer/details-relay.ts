// The Relay API's details as a strict application reads them: narrowing a body on its
// code types its details; a wrong type, a missing key or a key the code does not declare
// is refused (each `@ts-expect-error` fails tsc if the line below it compiles).

import {
  formatMessage,
  hasKnownCode,
  isErrorCode,
  type Details,
  type DetailsOf,
  type ErrorCode,
  type KnownRestError,
  type NoDetails,
  type Problem,
  type RestBody,
  type RestBodyOf,
  type RestError,
  type TrpcBody,
  type UnknownCode,
  type UnknownRestError,
} from '@relay/errors';

type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): void {}

// Each code's details, exactly as the catalog declares them.
assertType<Equals<DetailsOf<'MISSING_FIELD'>, { readonly field: string }>>();
assertType<Equals<DetailsOf<'NOT_FOUND'>, NoDetails>>();
assertType<Equals<DetailsOf<'INVALID_ATTACHMENT_TYPE'>['allowed'], readonly string[]>>();
assertType<Equals<Details.TooManyRequestsCategory, 'read' | 'write' | 'search' | 'ai' | 'bulk' | 'webhooks'>>();
assertType<
  Equals<Details.ValidationErrorViolations, { readonly field: string; readonly reason: string }>
>();
// An optional detail is optional, and absent rather than `undefined`.
export const withoutCategory: DetailsOf<'TOO_MANY_REQUESTS'> = { limit: 100, remaining: 0, reset: 1 };
// @ts-expect-error: `category: undefined` is not an absent category
export const undefinedCategory: DetailsOf<'TOO_MANY_REQUESTS'> = { ...withoutCategory, category: undefined };
// @ts-expect-error: not one of the category's values
export const badCategory: DetailsOf<'TOO_MANY_REQUESTS'> = { ...withoutCategory, category: 'writes' };
// @ts-expect-error: a code without details takes no key
export const noDetails: DetailsOf<'NOT_FOUND'> = { id: 'x' };
export const empty: DetailsOf<'NOT_FOUND'> = {};

/** A REST body narrowed on a code with details reads them typed. */
export function restField(body: RestBody): string | undefined {
  if (body.error.code === 'MISSING_FIELD') {
    const field: string = body.error.details.field;
    // @ts-expect-error: MISSING_FIELD has no detail `value`
    body.error.details.value;
    return field;
  }
  if (body.error.code === 'VALIDATION_ERROR') {
    const violations: readonly Details.ValidationErrorViolations[] = body.error.details.violations;
    // @ts-expect-error: the violations are read-only
    body.error.details.violations.push({ field: 'f', reason: 'r' });
    return violations[0]?.reason;
  }
  switch (body.error.code) {
    case 'TOO_MANY_REQUESTS': {
      // @ts-expect-error: `limit` is a number, not a string
      const limit: string = body.error.details.limit;
      return limit;
    }
    case 'NOT_FOUND':
      // @ts-expect-error: NOT_FOUND has no details to read
      return body.error.details.field;
    default:
      return undefined;
  }
}

/** `hasKnownCode` tells a known code's error from an unknown one's. */
export function known(error: RestError): string {
  if (hasKnownCode(error)) {
    const typed: KnownRestError = error;
    return formatMessage(typed.code, typed.details);
  }
  const unknown: UnknownRestError = error;
  const code: UnknownCode = unknown.code;
  // An unknown code's details are any JSON object, each value `unknown`.
  const anything: unknown = unknown.details['whatever'];
  return `${String(code)} ${String(anything)}`;
}

/** `isErrorCode` on the code narrows the code, but no union is narrowed on a guard of a property. */
export function codeOnly(error: RestError): ErrorCode | UnknownCode {
  if (isErrorCode(error.code)) {
    const code: ErrorCode = error.code;
    // @ts-expect-error: the error may still be an unknown code's, for all TypeScript knows
    const typed: KnownRestError = error;
    return typed.code ?? code;
  }
  const unknown: UnknownCode = error.code;
  return unknown;
}

// A body from a newer server, with a code this version does not know, comes off the
// wire, never from a literal: a literal with a code that is not one is a typo.
export const future = JSON.parse(
  '{"error": {"code": "ADDED_LATER", "message": "m", "details": {"x": 1}}}',
) as RestBody;
// @ts-expect-error: 'ADDED_LATER' is not a code of this version
export const typo: RestBody = { error: { code: 'ADDED_LATER', message: 'm', details: {} } };
// @ts-expect-error: an unknown code is not a string as far as TypeScript knows
export const asString: string = future.error.code;

// Writing a body: the details must be the code's, exactly.
export const missingField: RestBodyOf<'MISSING_FIELD'> = {
  error: { code: 'MISSING_FIELD', message: 'Required field title is missing', details: { field: 'title' } },
};
export const asBody: RestBody = missingField;
// @ts-expect-error: MISSING_FIELD's details need `field`
export const noField: RestBody = { error: { code: 'MISSING_FIELD', message: 'm', details: {} } };
// @ts-expect-error: `field` is a string
export const numberField: RestBody = { error: { code: 'MISSING_FIELD', message: 'm', details: { field: 1 } } };

/** tRPC: narrowing on `error.data.code` types `error.data.details`, absent for codes without. */
export function trpcAllowed(body: TrpcBody): readonly string[] {
  const { data } = body.error;
  if (data.code === 'INVALID_ATTACHMENT_TYPE') {
    const allowed: readonly string[] | undefined = data.details?.allowed;
    // @ts-expect-error: the details may be absent (a code without details has none)
    data.details.allowed;
    return allowed ?? [];
  }
  if (data.code === 'HEARTBEAT_TOO_FREQUENT' && data.details !== undefined) {
    const elapsed: number = data.details.elapsed_seconds;
    // @ts-expect-error: `retry_after` is a number
    const wait: string = data.details.retry_after;
    return [`${elapsed}`, wait];
  }
  return [];
}

/** Problem details: narrowing on `code` types the details beside the members. */
export function problemQuota(problem: Problem): number | undefined {
  if (problem.code === 'QUOTA_EXCEEDED') {
    const used: number = problem.used;
    const resets: string | undefined = problem.resets_at;
    // @ts-expect-error: QUOTA_EXCEEDED has no detail `remaining`
    problem.remaining;
    return used + (resets === undefined ? 0 : 1);
  }
  return undefined;
}
export const problem: Problem = {
  type: 'https://docs.relay.dev/errors#missing_field',
  title: 'Required field is missing',
  status: 400,
  detail: 'Required field title is missing',
  code: 'MISSING_FIELD',
  field: 'title',
};
// @ts-expect-error: MISSING_FIELD's `field` member is missing
export const problemWithoutField: Problem = { ...problem, field: undefined };
// @ts-expect-error: a code without details has no extension members
export const problemExtra: Problem = { ...problem, code: 'NOT_FOUND', field: 'title' };

// formatMessage takes exactly the code's details.
export const message: string = formatMessage('MISSING_FIELD', { field: 'title' });
export const defaultMessage: string = formatMessage('NOT_FOUND', {});
// @ts-expect-error: MISSING_FIELD needs `field`
formatMessage('MISSING_FIELD', {});
// @ts-expect-error: `size_bytes` is a number
formatMessage('ATTACHMENT_TOO_LARGE', { size_bytes: '3', max_bytes: 2 });
// @ts-expect-error: not a code
formatMessage('MISSING_FIELDS', { field: 'title' });
export function anyCode(code: ErrorCode, details: DetailsOf<ErrorCode>): string {
  return formatMessage(code, details);
}
