// The Batch Relay API's details as a strict application reads them: linked bodies have no
// place for details (only their message carries them), problem details have them beside
// the members.

import {
  formatMessage,
  hasKnownCode,
  type DetailsOf,
  type KnownLinkedBody,
  type LinkedBody,
  type LinkedBodyOf,
  type Problem,
  type UnknownLinkedBody,
} from 'batch-relay-errors';

type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): void {}

assertType<Equals<DetailsOf<'scope_required'>, { readonly scope: string }>>();
assertType<Equals<DetailsOf<'invalid_request'>, { readonly fields: readonly string[] }>>();

/** Problem details narrowed on `code` read the code's extension members, typed. */
export function scopeOf(problem: Problem): string | undefined {
  if (problem.code === 'scope_required') {
    const scope: string = problem.scope;
    // @ts-expect-error: `scope` is a string
    const asNumber: number = problem.scope;
    return `${scope} ${asNumber}`;
  }
  if (problem.code === 'invalid_request') return problem.fields.join(', ');
  return undefined;
}
// @ts-expect-error: scope_required's problem needs its `scope`
export const noScope: Problem = {
  type: 'https://docs.batchrelay.com/errors#scope_required',
  title: 'The API key does not have the scope required to perform this action.',
  status: 403,
  detail: 'm',
  code: 'scope_required',
};

/** A linked body narrows on its code too, though it has no details to type. */
export function linked(body: LinkedBody): string {
  if (body.error?.code === 'scope_required') {
    const known: LinkedBodyOf<'scope_required'>['error'] = body.error;
    return known?.message ?? '';
  }
  if (hasKnownCode(body)) {
    const known: KnownLinkedBody = body;
    return known.request_id;
  }
  const unknown: UnknownLinkedBody = body;
  return unknown.request_id;
}
// @ts-expect-error: a linked error has no `details`
export const linkedDetails: LinkedBody = { error: { code: 'scope_required', message: 'm', docs_url: 'u', details: {} }, request_id: 'r' };

export const message: string = formatMessage('scope_required', { scope: 'messages:write' });
// @ts-expect-error: `fields` is a list of strings
formatMessage('invalid_request', { fields: 'recipient' });
