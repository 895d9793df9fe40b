// The details fixture (tests/fixtures/valid/details_of_every_type.yaml), whose details are
// of every type, under all four envelopes: narrowing each on its code types its details.

import {
  formatMessage,
  type Details,
  type DetailsOf,
  type LinkedBody,
  type NoDetails,
  type Problem,
  type RestBody,
  type TrpcBody,
} from 'parcel-errors';

type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): void {}

assertType<
  Equals<
    DetailsOf<'PARCEL_TOO_HEAVY'>,
    {
      readonly weight_kg: number;
      readonly max_kg: number;
      readonly service: 'ground' | 'air' | 'express-2day';
      readonly services: readonly ('ground' | 'freight')[];
      readonly fragile?: boolean;
    }
  >
>();
assertType<Equals<Details.ParcelTooHeavyService, 'ground' | 'air' | 'express-2day'>>();
assertType<
  Equals<
    Details.InvalidAddressProblems,
    {
      readonly line: number;
      readonly reason: string;
      readonly suggestions?: readonly string[];
      readonly position?: { readonly lat: number; readonly lon: number };
    }
  >
>();
assertType<Equals<DetailsOf<'invalid_address'>['retryAfter'], number | undefined>>();
assertType<Equals<DetailsOf<'RATE_LIMITED'>, NoDetails>>();

/** REST: lists of objects, nested optional objects, keys written as the catalog does. */
export function rest(body: RestBody): number {
  if (body.error.code === 'invalid_address') {
    const { problems, retryAfter } = body.error.details;
    const lat: number | undefined = problems[0]?.position?.lat;
    // @ts-expect-error: `position` is optional
    problems[0]?.position.lat;
    // @ts-expect-error: the key is `retryAfter`, as the catalog writes it, not re-cased
    body.error.details.retry_after;
    return (lat ?? 0) + (retryAfter ?? 0);
  }
  if (body.error.code === 'PARCEL_TOO_HEAVY') {
    const service: Details.ParcelTooHeavyService = body.error.details.service;
    // @ts-expect-error: 'freight' is no value of `service`
    const freight: typeof service = 'freight';
    return service.length + freight.length;
  }
  return 0;
}
// @ts-expect-error: a list item's `line` is a number
export const badLine: RestBody = { error: { code: 'invalid_address', message: 'm', details: { problems: [{ line: '2', reason: 'r' }] } } };

/** tRPC, problem and linked, each narrowed on its code. */
export function others(trpc: TrpcBody, problem: Problem, linked: LinkedBody): string {
  const parts: string[] = [];
  if (trpc.error.data.code === 'PARCEL_LOST') parts.push(trpc.error.data.details?.tracking ?? '');
  if (problem.code === 'PARCEL_TOO_HEAVY') {
    parts.push(problem.service, `${problem.weight_kg}`, `${problem.fragile ?? false}`);
    // @ts-expect-error: PARCEL_TOO_HEAVY's problem has no member `tracking`
    parts.push(problem.tracking);
  }
  if (linked.error?.code === 'PARCEL_LOST') parts.push(linked.error.docs_url);
  return parts.join(' ');
}

export const heavy: string = formatMessage('PARCEL_TOO_HEAVY', {
  weight_kg: 31.5,
  max_kg: 30,
  service: 'air',
  services: ['freight'],
});
// @ts-expect-error: `express` is no value of `service`
formatMessage('PARCEL_TOO_HEAVY', { weight_kg: 1, max_kg: 1, service: 'express', services: [] });
// @ts-expect-error: `max_kg` is missing
formatMessage('PARCEL_TOO_HEAVY', { weight_kg: 1, service: 'air', services: [] });
