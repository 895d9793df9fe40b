// The `ErrorCode` methods that do more than return a field of the code's table row (those
// are generated from `CODE_META`): the same for every catalog, so written here as real
// Rust that rustfmt and editors see, and emitted as an `impl ErrorCode` of their own.
// (`//` comments are not emitted; `///` docs are.)

impl ErrorCode {
    /// How long to wait before retry number `attempt` (0 for the first retry), or
    /// `None` if the code is not worth retrying.
    ///
    /// Uses [`Backoff::DEFAULT`](retry::Backoff::DEFAULT): exponential
    /// back-off with full jitter, as the API's documentation advises. `random` is a
    /// number in `[0, 1]` from the caller's random source.
    pub fn retry_delay(self, attempt: u32, random: f64) -> Option<::core::time::Duration> {
        if self.is_retryable() {
            Some(retry::Backoff::DEFAULT.delay(attempt, random))
        } else {
            None
        }
    }

    /// The code's primary family: the first it is listed under.
    #[inline]
    pub const fn family(self) -> Family {
        self.meta().families[0]
    }
}
