// The problem details envelope's constructors: the same for every catalog,
// so written as real Rust here; the structs and their serde impls are
// rendered from `model::shapes` beside it. (`//` comments are not emitted; `///` docs are.)

/// The media type of [`Problem`] bodies.
pub const PROBLEM_JSON: &str = "application/problem+json";

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
            details: ::serde_json::Map::new(),
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

impl From<Error> for Problem {
    /// The problem of `error`: its code's links and status, its message as `detail`, and
    /// its details as extension members.
    fn from(error: Error) -> Self {
        let code = error.code();
        Problem {
            detail: error.to_string(),
            details: error.details(),
            ..Problem::new(code)
        }
    }
}

impl TryFrom<&Problem> for Error {
    type Error = FromBodyError;

    /// The error the problem reports, if its code is known and its extension members
    /// hold the code's details.
    fn try_from(problem: &Problem) -> ::core::result::Result<Error, FromBodyError> {
        Error::from_body(&problem.code, &problem.details)
    }
}
