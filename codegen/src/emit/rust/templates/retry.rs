//! Retry guidance: exponential back-off with full jitter.
//!
//! Retry only codes whose [`is_retryable`](super::ErrorCode::is_retryable) is true.
//! Before retry number `attempt` (0 for the first), wait a random time between zero
//! and `min(cap, base * 2^attempt)`: the "full jitter" schedule, which spreads the
//! retries of many clients so they do not arrive together. The random number comes
//! from the caller, so this crate needs no random number generator.

use ::core::time::Duration;

/// An exponential back-off schedule with full jitter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Backoff {
    /// The ceiling of the first wait; each later attempt doubles it.
    pub base: Duration,
    /// The largest ceiling, however many attempts have been made.
    pub cap: Duration,
}

impl Backoff {
    /// One second doubling up to thirty: transient errors usually clear within a
    /// few seconds.
    pub const DEFAULT: Backoff = Backoff {
        base: Duration::from_secs(1),
        cap: Duration::from_secs(30),
    };

    /// The ceiling of the wait before retry number `attempt`:
    /// `min(cap, base * 2^attempt)`.
    pub fn ceiling(&self, attempt: u32) -> Duration {
        let factor = 2u32.checked_pow(attempt).unwrap_or(u32::MAX);
        self.base.saturating_mul(factor).min(self.cap)
    }

    /// The wait before retry number `attempt`: `random` (in `[0, 1]`, from the
    /// caller's random source) times the [`ceiling`](Backoff::ceiling).
    ///
    /// `random` outside `[0, 1]` is clamped, and NaN counts as 0, so the wait
    /// never exceeds the ceiling.
    pub fn delay(&self, attempt: u32, random: f64) -> Duration {
        let fraction = if random.is_nan() {
            0.0
        } else {
            random.clamp(0.0, 1.0)
        };
        self.ceiling(attempt).mul_f64(fraction)
    }
}

impl ::core::default::Default for Backoff {
    fn default() -> Self {
        Backoff::DEFAULT
    }
}
