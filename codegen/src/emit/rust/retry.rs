//! `src/retry.rs` of the generated crate: how long to wait before retrying.
//!
//! The same for every catalog, so it is a real Rust file, `templates/retry.rs`, that
//! rustfmt, editors and this crate's tests see; it is generated rather than shared so the
//! crate keeps no dependencies.

use proc_macro2::TokenStream;

/// The whole of `retry.rs`.
pub(super) fn retry_rs() -> TokenStream {
    super::templates::tokens(super::templates::RETRY)
}

/// The template compiled, so its arithmetic is tested where it is written. (Its `pub`
/// items are the generated crate's API, unreachable from here.)
#[cfg(test)]
#[allow(unreachable_pub)]
#[path = "templates/retry.rs"]
mod template;

#[cfg(test)]
mod tests {
    use core::time::Duration;

    use super::template::Backoff;

    #[test]
    fn ceilings_double_up_to_the_cap() {
        let backoff = Backoff::DEFAULT;
        assert_eq!(backoff.ceiling(0), Duration::from_secs(1));
        assert_eq!(backoff.ceiling(3), Duration::from_secs(8));
        assert_eq!(backoff.ceiling(5), Duration::from_secs(30));
        assert_eq!(backoff.ceiling(u32::MAX), Duration::from_secs(30));
    }

    /// ERRORS.md's section on retrying states this schedule in words.
    #[test]
    fn the_reference_page_states_the_default_schedule() {
        use crate::emit::markdown::retrying::{BASE_SECONDS, CAP_SECONDS};
        assert_eq!(Backoff::DEFAULT.base, Duration::from_secs(BASE_SECONDS));
        assert_eq!(Backoff::DEFAULT.cap, Duration::from_secs(CAP_SECONDS));
    }

    #[test]
    fn delays_stay_between_zero_and_the_ceiling() {
        let backoff = Backoff::DEFAULT;
        assert_eq!(backoff.delay(2, 0.5), Duration::from_secs(2));
        assert_eq!(backoff.delay(2, 7.0), Duration::from_secs(4));
        assert_eq!(backoff.delay(2, -1.0), Duration::ZERO);
        assert_eq!(backoff.delay(2, f64::NAN), Duration::ZERO);
    }
}
