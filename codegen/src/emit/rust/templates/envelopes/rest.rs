// The REST envelope's constructors: the same for every catalog,
// so written as real Rust here; the structs and their serde impls are
// rendered from `model::shapes` beside it. (`//` comments are not emitted; `///` docs are.)

impl RestBody {
    /// The body for `code`, with its default message and no details.
    pub fn new(code: ErrorCode) -> Self {
        RestBody {
            error: RestError {
                code: Code::Known(code),
                message: code.message().into(),
                details: ::serde_json::Map::new(),
            },
        }
    }

    /// Replaces the default message.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.error.message = message.into();
        self
    }

    /// Sets the details object.
    pub fn with_details(mut self, details: ::serde_json::Map<String, ::serde_json::Value>) -> Self {
        self.error.details = details;
        self
    }

    /// The HTTP status to answer with: the code's.
    pub fn status(&self) -> u16 {
        self.error.code.http_status()
    }
}

impl From<ErrorCode> for RestBody {
    fn from(code: ErrorCode) -> Self {
        RestBody::new(code)
    }
}

impl From<Error> for RestBody {
    /// The body of `error`: its code, its message and its details.
    fn from(error: Error) -> Self {
        RestBody {
            error: RestError {
                code: Code::Known(error.code()),
                message: error.to_string(),
                details: error.details(),
            },
        }
    }
}

impl TryFrom<&RestBody> for Error {
    type Error = FromBodyError;

    /// The error the body reports, if its code is known and its details are the code's.
    fn try_from(body: &RestBody) -> ::core::result::Result<Error, FromBodyError> {
        Error::from_body(&body.error.code, &body.error.details)
    }
}
