// What follows is the same for every catalog: the lookups, each built once from the
// lists above by a call marked pure, so that a bundler drops a lookup nothing reads, and
// with it the lists only it reads. Everything exported is frozen.

const hasOwn = Object.prototype.hasOwnProperty;

/** An empty list, for a status or family without codes. */
const NONE = Object.freeze([]);

/** Every wire string: all that `isErrorCode`, and so `errorCodeOf`, read. */
const KNOWN = /* @__PURE__ */ new Set(CODE_LIST);

/** Every family id. */
const FAMILY_IDS = /* @__PURE__ */ familyIds(FAMILY_LIST);

/** The codes worth retrying. */
const RETRYABLE = /* @__PURE__ */ codesAt(CODE_LIST, RETRYABLE_LIST);

export const CODES = /* @__PURE__ */ codeTable(CODE_LIST, STATUS_LIST, INFO_LIST);

export const FAMILIES = /* @__PURE__ */ familyTable(FAMILY_LIST, CODE_LIST, INFO_LIST);

const CODES_BY_STATUS = /* @__PURE__ */ statusTable(CODE_LIST, STATUS_LIST);

function familyIds(families) {
  return new Set(families.map((family) => family.id));
}

function codesAt(codes, positions) {
  return new Set(positions.map((position) => codes[position]));
}

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

/** `CODES`: each code's entry, its wire string and status first, as `ErrorCodeInfo`. */
function codeTable(codes, statuses, infos) {
  return table(
    infos.map((info, i) => {
      Object.freeze(info.families);
      if (info.deprecated !== undefined) Object.freeze(info.deprecated);
      return Object.freeze({ code: codes[i], status: statuses[i], ...info });
    }),
    'code',
  );
}

function familyTable(families, codes, infos) {
  const members = new Map(families.map((family) => [family.id, []]));
  infos.forEach((info, i) => {
    for (const family of info.families) members.get(family).push(codes[i]);
  });
  return table(
    families.map((family) =>
      Object.freeze({ ...family, codes: Object.freeze(members.get(family.id)) }),
    ),
    'id',
  );
}

function statusTable(codes, statuses) {
  const byStatus = new Map();
  codes.forEach((code, i) => {
    const list = byStatus.get(statuses[i]);
    if (list === undefined) byStatus.set(statuses[i], [code]);
    else list.push(code);
  });
  for (const list of byStatus.values()) Object.freeze(list);
  return byStatus;
}

export function isErrorCode(value) {
  return typeof value === 'string' && KNOWN.has(value);
}

export function isFamily(value) {
  return typeof value === 'string' && FAMILY_IDS.has(value);
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

export function hasKnownCode(value) {
  return errorCodeOf(value) !== undefined;
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
  return typeof code === 'string' && RETRYABLE.has(code);
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

export function formatMessage(code, details) {
  if (!isErrorCode(code)) {
    throw new TypeError(`formatMessage: ${describe(code)} is not a code of this API`);
  }
  // Only formatMessage reads TEMPLATES, so a bundler drops them with it.
  const template = hasOwn.call(TEMPLATES, code) ? TEMPLATES[code] : undefined;
  if (template === undefined) return CODES[code].message;
  // Literal text at even indices, the keys of the details inserted between at odd ones.
  let message = template[0];
  for (let i = 1; i < template.length; i += 2) {
    const key = template[i];
    const value = isObject(details) && hasOwn.call(details, key) ? details[key] : undefined;
    if (value === undefined) {
      throw new TypeError(`formatMessage: the details of ${code} have no ${key}`);
    }
    message += Array.isArray(value) ? value.map(formatValue).join(', ') : formatValue(value);
    message += template[i + 1];
  }
  return message;
}

/** A value as the Rust crate's Display writes it: numbers as Rust prints an f64 or i64. */
function formatValue(value) {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

/**
 * `x` as Rust's Display prints an f64: the shortest digits that read back as `x`, and of
 * two such digit strings equally close to `x` the larger (JavaScript takes the even one),
 * in positional notation, never in exponent form (which JavaScript uses from 1e21 up and
 * below 1e-6); `inf`, `-inf` and `-0` as Rust spells them.
 */
function formatNumber(x) {
  if (Number.isNaN(x)) return 'NaN';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const magnitude = Math.abs(x);
  if (magnitude === Infinity) return `${sign}inf`;
  if (magnitude === 0) return `${sign}0`;
  // The shortest digits, `d.ddde±n`: the value is 0.dddd × 10^point.
  const [mantissa, exponent] = magnitude.toExponential().split('e');
  let digits = mantissa.replace('.', '');
  const point = Number(exponent) + 1;
  const last = digits.charCodeAt(digits.length - 1) - 48;
  if (last < 9 && isMidpointAbove(magnitude, digits, point - digits.length)) {
    digits = digits.slice(0, -1) + String(last + 1);
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Whether the positive `value` is exactly halfway between `digits` × 10^`exponent` and the
 * next number of as many digits, where Rust rounds up. Rare, so the exact test (with
 * BigInts) only runs when `toExponential`, which rounds the exact value, shows a 5 there.
 */
function isMidpointAbove(value, digits, exponent) {
  const [rounded] = value.toExponential(digits.length).split('e');
  if (rounded.replace('.', '') !== `${digits}5`) return false;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const biased = high >>> 20;
  let significand = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased > 0) significand |= 1n << 52n;
  // value = significand × 2^power; halfway is (2 × digits + 1) × 10^exponent / 2.
  const power = (biased > 0 ? biased : 1) - 1075 + 1;
  let left = significand;
  let right = 2n * BigInt(digits) + 1n;
  if (power >= 0) left <<= BigInt(power);
  else right <<= BigInt(-power);
  if (exponent >= 0) right *= 10n ** BigInt(exponent);
  else left *= 10n ** BigInt(-exponent);
  return left === right;
}

/** A value for an error message, whatever it is. */
function describe(value) {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}
