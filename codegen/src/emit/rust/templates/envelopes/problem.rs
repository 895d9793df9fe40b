// The problem details envelope's type and constructors: the same for every catalog,
// so written as real Rust here; the serde impls are rendered from `model::shapes`
// beside it. (`//` comments are not emitted; `///` docs are.)

/// The media type of [`Problem`] bodies.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// RFC 9457 problem details: `{"type", "title", "status", "detail", "instance", "code"}`.
///
/// `type` is the code's documentation link and `code` an extension member with the
/// wire string; served as [`PROBLEM_JSON`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The problem type: the code's documentation link (`type` in JSON).
    pub problem_type: String,
    /// A short summary of the problem type: the code's description.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// An explanation of this occurrence.
    pub detail: String,
    /// A URI reference to this occurrence, e.g. the request path.
    pub instance: Option<String>,
    /// The machine-readable code to branch on.
    pub code: Code,
}

impl Problem {
    /// The problem for `code`: its docs link, description, status and message.
    pub fn new(code: ErrorCode) -> Self {
        Problem {
            problem_type: code.docs_url().into(),
            title: code.description().into(),
            status: code.http_status(),
            detail: code.message().into(),
            instance: None,
            code: Code::Known(code),
        }
    }

    /// Replaces the default detail.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }

    /// Sets the instance, e.g. the request path.
    pub fn with_instance(mut self, instance: impl Into<String>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// The HTTP status to answer with, as every envelope has it.
    pub fn status(&self) -> u16 {
        self.status
    }
}

impl From<ErrorCode> for Problem {
    fn from(code: ErrorCode) -> Self {
        Problem::new(code)
    }
}
