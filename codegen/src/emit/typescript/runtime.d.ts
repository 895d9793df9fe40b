// What follows is the same for every catalog: the lookups and helpers of index.js.

/** Why, and since when, a code is deprecated. */
export interface Deprecation {
  /** The catalog version that deprecated the code. */
  readonly since: string;
  /** The code to use instead: one that is not deprecated itself. */
  readonly replacement?: ErrorCode;
  /** Why, in a sentence. */
  readonly note?: string;
}

/** A family of codes: one section of the API's error reference. */
export interface FamilyInfo {
  /** The family's id. */
  readonly id: Family;
  /** The section's title. */
  readonly title: string;
  /** A sentence about the family. */
  readonly description?: string;
  /** The family's codes, in catalog order. */
  readonly codes: readonly ErrorCode[];
}

/**
 * Every code's facts, one frozen entry per code, in catalog order, with the same values
 * the Rust crate returns. The object has no prototype, so only codes are keys.
 */
export declare const CODES: ErrorCodeTable;

/** Every family, one frozen entry per family, in docs order. */
export declare const FAMILIES: { readonly [F in Family]: FamilyInfo & { readonly id: F } };

/**
 * Whether `value` is one of this catalog's codes. Only own keys of `CODES` count, so
 * `isErrorCode("toString")` is false unless `toString` is a code.
 */
export declare function isErrorCode(value: unknown): value is ErrorCode;

/** Whether `value` is one of this catalog's family ids. */
export declare function isFamily(value: unknown): value is Family;

/**
 * The catalog code carried by `error`, or `undefined` if it carries none this version
 * knows. Reads a tRPC client error (`error.data.code`, as `TRPCClientError` has it), a
 * parsed tRPC error body (`error.data.code` of the body), a parsed REST or linked body
 * (`error.code`), or problem details (`code`). Never throws, whatever it is given.
 *
 * @example
 * switch (errorCodeOf(error)) {
 *   case undefined: // not an error of this API, or a code newer than this package
 *     throw error;
 *   // ...one case per code you handle
 * }
 */
export declare function errorCodeOf(error: unknown): ErrorCode | undefined;

/**
 * The message of one occurrence of `code` with `details`: the code's message template with
 * each `{name}` replaced by the value of the detail `name`, or, for a code without a
 * template, its default message (`CODES[code].message`). Byte for byte what the Rust
 * crate's `Error` displays: strings and enum values as they are, booleans as `true` or
 * `false`, numbers in decimal with the fewest digits that read back as the same number and
 * never an exponent (`1e21` as `1000000000000000000000`, `-0` as `-0`, and `NaN`, `inf` and
 * `-inf` as Rust writes them), a list as its items so written, joined by `, `.
 *
 * @example
 * // A REST error's message in the words of this version of the catalog:
 * const { error } = body;
 * const message = isErrorCode(error.code) ? formatMessage(error.code, error.details) : error.message;
 *
 * @throws {TypeError} if `code` is not a code of this API, or `details` lacks a detail the
 * template inserts (neither can happen when the call type-checks).
 */
export declare function formatMessage<C extends ErrorCode>(code: C, details: DetailsOf<C>): string;

/** Every code the API answers with HTTP `status`, in catalog order; empty if none. */
export declare function codesWithStatus(status: number): readonly ErrorCode[];

/** The codes of `family`, in catalog order. */
export declare function codesInFamily(family: Family): readonly ErrorCode[];

/** The ceiling of the first retry's wait, in milliseconds; each later retry doubles it. */
export declare const RETRY_BASE_MS: 1000;

/** The largest ceiling of a retry's wait, in milliseconds, however many retries came before. */
export declare const RETRY_CAP_MS: 30000;

/** Whether sending the same request again, after a back-off, can succeed. */
export declare function isRetryable(code: ErrorCode): boolean;

/**
 * The ceiling of the wait before retry number `attempt` (0 for the first), in
 * milliseconds: `min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** attempt)`. A fractional
 * `attempt` is rounded down; a negative one or NaN counts as 0.
 */
export declare function retryCeiling(attempt: number): number;

/**
 * How long to wait before retry number `attempt` (0 for the first), in milliseconds, or
 * `undefined` if `code` is not worth retrying: exponential back-off with full jitter, a
 * random wait between zero and `retryCeiling(attempt)`, the schedule the Rust crate's
 * `retry_delay` follows. `random` is a number in [0, 1] (default `Math.random()`);
 * outside it is clamped, and NaN counts as 0.
 */
export declare function retryDelay(
  code: ErrorCode,
  attempt: number,
  random?: number,
): number | undefined;
