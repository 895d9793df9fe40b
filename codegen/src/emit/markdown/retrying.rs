//! The page's last section, "Retrying": which codes are worth retrying, and the back-off
//! the generated crate and npm package implement, said once for the whole page. Each
//! retryable code's "Retryable: yes" links here.

use std::fmt::Write;

use crate::model::{Catalog, Code};
use crate::text::inline;

/// The ceiling of the first retry's wait, in seconds: `Backoff::DEFAULT.base` of the
/// crate's `retry.rs` and `RETRY_BASE_MS` of the npm package's runtime. Both are
/// templates, the same for every catalog, and tests hold them to this number.
pub(crate) const BASE_SECONDS: u64 = 1;

/// The largest ceiling, in seconds: `Backoff::DEFAULT.cap` and `RETRY_CAP_MS`.
pub(crate) const CAP_SECONDS: u64 = 30;

/// The section's text, after its heading.
pub(super) fn push_retrying(page: &mut String, catalog: &Catalog) {
    let retryable: Vec<&Code> = catalog.codes.iter().filter(|code| code.retryable).collect();
    if retryable.is_empty() {
        let _ = writeln!(
            page,
            "No code of the {} is worth retrying: a request that failed fails the same way \
             again until the request, the credentials or the account changes, so do not send \
             it again unchanged. The `{}` crate's `ErrorCode::retry_delay` returns `None` for \
             every code, and the `{}` npm package's `retryDelay` returns `undefined`.\n",
            inline(&catalog.api),
            catalog.crate_name,
            catalog.npm_name,
        );
        return;
    }
    push_which_codes(page, &retryable);
    push_schedule(page);
    push_implementations(page, catalog);
}

/// Which codes to retry, each linked to its heading.
fn push_which_codes(page: &mut String, retryable: &[&Code]) {
    if let [only] = retryable {
        page.push_str("Retry a failed request only when its code is ");
        super::push_code_link(page, only);
        page.push_str(", the one retryable code");
    } else {
        let _ = write!(
            page,
            "Retry a failed request only when its code is one of the {} retryable codes: ",
            retryable.len()
        );
        for (i, code) in retryable.iter().enumerate() {
            if i > 0 {
                page.push_str(", ");
            }
            super::push_code_link(page, code);
        }
    }
    page.push_str(
        ". Any other code fails the same way again until the request, the credentials or \
         the account changes.\n\n",
    );
}

/// The back-off, in words and as the ceilings it gives.
fn push_schedule(page: &mut String) {
    let ceilings: Vec<String> = (0..)
        .map(|attempt| BASE_SECONDS << attempt)
        .take_while(|&seconds| seconds < CAP_SECONDS)
        .map(|seconds| seconds.to_string())
        .collect();
    let _ = writeln!(
        page,
        "Wait before each retry, longer after each failure: exponential back-off with full \
         jitter. Before retry number `attempt` (0 for the first), wait a random time between \
         zero and `min({CAP_SECONDS} s, {BASE_SECONDS} s * 2^attempt)`. The ceiling starts at \
         {} and doubles with each retry ({} seconds) until it reaches {CAP_SECONDS} seconds, \
         where it stays. Drawing the wait at random, anywhere up to the ceiling, spreads out \
         the retries of clients that failed at the same moment, so they do not all arrive \
         together again. The base of {} and the cap of {CAP_SECONDS} seconds are the \
         generated packages' own, the same for every API; the catalog does not set them.\n",
        seconds(BASE_SECONDS),
        ceilings.join(", "),
        seconds(BASE_SECONDS),
    );
}

/// "1 second", "2 seconds".
fn seconds(count: u64) -> String {
    if count == 1 {
        "1 second".to_owned()
    } else {
        format!("{count} seconds")
    }
}

/// The functions that implement it, in the Rust crate and the npm package.
fn push_implementations(page: &mut String, catalog: &Catalog) {
    let _ = writeln!(
        page,
        "The generated packages implement it:\n\n\
         - Rust, the `{crate_name}` crate: `ErrorCode::is_retryable()` says whether a code is \
         worth retrying, and `ErrorCode::retry_delay(attempt, random)` gives the wait as a \
         `Duration` (`None` for a code that is not), with `random` a number from 0 to 1 drawn \
         from your own random source (the crate has none). Both follow \
         `retry::Backoff::DEFAULT`; a `retry::Backoff {{ base, cap }}` of your own gives \
         another schedule with its `delay(attempt, random)`.\n\
         - TypeScript, the `{npm_name}` npm package: `isRetryable(code)`, and \
         `retryDelay(code, attempt, random?)`, the wait in milliseconds (`undefined` for a \
         code that is not worth retrying; `random` defaults to `Math.random()`). \
         `retryCeiling(attempt)`, `RETRY_BASE_MS` ({base_ms}) and `RETRY_CAP_MS` ({cap_ms}) \
         give the schedule's numbers.\n",
        crate_name = catalog.crate_name,
        npm_name = catalog.npm_name,
        base_ms = BASE_SECONDS * 1000,
        cap_ms = CAP_SECONDS * 1000,
    );
}

#[cfg(test)]
mod tests {
    use super::{BASE_SECONDS, CAP_SECONDS};

    /// The npm package's runtime states the numbers this section does. (The Rust
    /// template's `Backoff::DEFAULT` is checked where it is compiled, in
    /// `emit::rust::retry`; the Node tests compare the two packages' delays.)
    #[test]
    fn the_npm_runtime_has_the_base_and_cap_the_section_states() {
        let js = include_str!("../typescript/runtime.js");
        let dts = include_str!("../typescript/runtime.d.ts");
        let (base, cap) = (BASE_SECONDS * 1000, CAP_SECONDS * 1000);
        assert!(js.contains(&format!("export const RETRY_BASE_MS = {base};\n")));
        assert!(js.contains(&format!("export const RETRY_CAP_MS = {cap};\n")));
        assert!(dts.contains(&format!("export declare const RETRY_BASE_MS: {base};\n")));
        assert!(dts.contains(&format!("export declare const RETRY_CAP_MS: {cap};\n")));
    }
}
