// `ErrorCode`'s accessors: the same for every catalog, so they are written here as real
// Rust that rustfmt and editors see, and emitted as an `impl ErrorCode` of their own
// beside the one with the items that depend on the catalog. (`//` comments are not
// emitted; `///` docs are.)

impl ErrorCode {
    /// The wire string, exactly as it appears in `error.code`.
    #[inline]
    pub const fn as_str(self) -> &'static str {
        self.meta().code
    }

    /// The HTTP status the API answers with, e.g. `404`.
    #[inline]
    pub const fn http_status(self) -> u16 {
        self.meta().status
    }

    /// What went wrong, as the API reference says it.
    #[inline]
    pub const fn description(self) -> &'static str {
        self.meta().description
    }

    /// What the caller should do about it.
    #[inline]
    pub const fn resolution(self) -> &'static str {
        self.meta().resolution
    }

    /// A message that stands on its own: the description, then the resolution.
    ///
    /// This is the `message` the envelopes carry unless the service gives its own.
    #[inline]
    pub const fn message(self) -> &'static str {
        self.meta().message
    }

    /// The link to this code's entry in the API reference.
    #[inline]
    pub const fn docs_url(self) -> &'static str {
        self.meta().docs_url
    }

    /// The dashboard page where the user can fix the cause, if there is one.
    #[inline]
    pub const fn action_url(self) -> Option<&'static str> {
        self.meta().action_url
    }

    /// Whether sending the same request again, after a back-off, can succeed.
    #[inline]
    pub const fn is_retryable(self) -> bool {
        self.meta().retryable
    }

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

    /// Every family the code is listed under, primary first.
    #[inline]
    pub const fn families(self) -> &'static [Family] {
        self.meta().families
    }

    /// Whether the code is deprecated: still returned, but on its way out.
    #[inline]
    pub const fn is_deprecated(self) -> bool {
        self.meta().deprecated
    }

    /// The code to use instead of this deprecated one, if the catalog names one.
    #[inline]
    pub const fn replacement(self) -> Option<ErrorCode> {
        self.meta().replacement
    }
}
