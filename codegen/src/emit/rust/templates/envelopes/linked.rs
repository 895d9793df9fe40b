// The linked envelope's types and constructors: the same for every catalog,
// so written as real Rust here; the serde impls are rendered from `model::shapes`
// beside it. (`//` comments are not emitted; `///` docs are.)

/// A response body with links: `{"error": {"code", "message", "docs_url", "action_url"}, "request_id"}`.
///
/// `request_id` is always present, on success too; `error` only on failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkedBody {
    /// What went wrong; `None` on success.
    pub error: Option<LinkedError>,
    /// The request's unique id: log it, and quote it to support.
    pub request_id: String,
}

/// The `error` object of a [`LinkedBody`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkedError {
    /// The machine-readable code to branch on.
    pub code: Code,
    /// What went wrong and, where possible, what to do next.
    pub message: String,
    /// The documentation of this code.
    pub docs_url: String,
    /// The dashboard page where the user can act; absent when there is none.
    pub action_url: Option<String>,
}

impl LinkedBody {
    /// The body of a failed request: `code` with its message and links.
    pub fn error(code: ErrorCode, request_id: impl Into<String>) -> Self {
        LinkedBody {
            error: Some(LinkedError::from(code)),
            request_id: request_id.into(),
        }
    }

    /// The body of a successful request: only its id.
    pub fn success(request_id: impl Into<String>) -> Self {
        LinkedBody {
            error: None,
            request_id: request_id.into(),
        }
    }

    /// The HTTP status to answer with: the code's, or 200 without an error.
    pub fn status(&self) -> u16 {
        self.error
            .as_ref()
            .map_or(200, |error| error.code.http_status())
    }
}

impl LinkedError {
    /// Replaces the default message, e.g. with the fields that failed validation.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }
}

impl From<ErrorCode> for LinkedError {
    fn from(code: ErrorCode) -> Self {
        LinkedError {
            code: Code::Known(code),
            message: code.message().into(),
            docs_url: code.docs_url().into(),
            action_url: code.action_url().map(String::from),
        }
    }
}
