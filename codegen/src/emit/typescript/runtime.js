// What follows is the same for every catalog: the lookups, built once from the two
// lists above. Everything exported is frozen.

const hasOwn = Object.prototype.hasOwnProperty;

/** An empty list, for a status or family without codes. */
const NONE = Object.freeze([]);

/**
 * A frozen object with one property per entry, keyed by `entry[key]`, in list order.
 * It has no prototype, so every key is an own property, `__proto__` included, and no
 * inherited name such as `toString` can be looked up as if it were an entry.
 */
function table(entries, key) {
  const result = Object.create(null);
  for (const entry of entries) result[entry[key]] = entry;
  return Object.freeze(result);
}

function freezeInfo(info) {
  Object.freeze(info.families);
  if (info.deprecated !== undefined) Object.freeze(info.deprecated);
  return Object.freeze(info);
}

export const CODES = table(CODE_LIST.map(freezeInfo), 'code');

const CODES_BY_FAMILY = new Map(FAMILY_LIST.map((family) => [family.id, []]));
for (const { code, families } of CODE_LIST) {
  for (const family of families) CODES_BY_FAMILY.get(family).push(code);
}

export const FAMILIES = table(
  FAMILY_LIST.map((family) =>
    Object.freeze({ ...family, codes: Object.freeze(CODES_BY_FAMILY.get(family.id)) }),
  ),
  'id',
);

const CODES_BY_STATUS = new Map();
for (const { code, status } of CODE_LIST) {
  const codes = CODES_BY_STATUS.get(status);
  if (codes === undefined) CODES_BY_STATUS.set(status, [code]);
  else codes.push(code);
}
for (const codes of CODES_BY_STATUS.values()) Object.freeze(codes);

export function isErrorCode(value) {
  return typeof value === 'string' && hasOwn.call(CODES, value);
}

export function isFamily(value) {
  return typeof value === 'string' && hasOwn.call(FAMILIES, value);
}

export function codesWithStatus(status) {
  return CODES_BY_STATUS.get(status) ?? NONE;
}

export function codesInFamily(family) {
  return isFamily(family) ? FAMILIES[family].codes : NONE;
}

export function errorCodeOf(error) {
  try {
    const code = carriedCode(error);
    return isErrorCode(code) ? code : undefined;
  } catch {
    // A getter or a proxy trap threw: whatever this is, it carries no code we can read.
    return undefined;
  }
}

/**
 * The string where an error or a parsed body carries its code, looking in the most
 * specific place first, reading each property once: `data.code` (a TRPCClientError, or
 * the `error` object of a tRPC body), `error.data.code` (a whole tRPC body),
 * `error.code` (a REST or linked body; a number there is tRPC's, not ours), then `code`
 * (problem details). The first string found is the answer, known or not.
 */
function carriedCode(value) {
  if (!isObject(value)) return undefined;
  const data = value.data;
  const dataCode = isObject(data) ? data.code : undefined;
  if (typeof dataCode === 'string') return dataCode;
  const inner = value.error;
  if (isObject(inner)) {
    const innerData = inner.data;
    const innerDataCode = isObject(innerData) ? innerData.code : undefined;
    if (typeof innerDataCode === 'string') return innerDataCode;
    const innerCode = inner.code;
    if (typeof innerCode === 'string') return innerCode;
  }
  const code = value.code;
  return typeof code === 'string' ? code : undefined;
}

function isObject(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

export const RETRY_BASE_MS = 1000;
export const RETRY_CAP_MS = 30000;

export function isRetryable(code) {
  return isErrorCode(code) && CODES[code].retryable;
}

export function retryCeiling(attempt) {
  // `attempt >= 0` is false for NaN and negatives, which count as the first retry.
  const whole = attempt >= 0 ? Math.floor(attempt) : 0;
  return Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** whole);
}

export function retryDelay(code, attempt, random = Math.random()) {
  if (!isRetryable(code)) return undefined;
  // Clamped to [0, 1], NaN counting as 0, as the Rust crate does.
  const fraction = random >= 0 ? Math.min(random, 1) : 0;
  return retryCeiling(attempt) * fraction;
}
