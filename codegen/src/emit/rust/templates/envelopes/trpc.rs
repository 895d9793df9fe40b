// The tRPC envelope's constructors: the same for every catalog,
// so written as real Rust here; the structs and their serde impls are
// rendered from `model::shapes` beside it. (`//` comments are not emitted; `///` docs are.)

impl TrpcBody {
    /// The body for `code` failing in procedure `path`, with the default message
    /// and no stack.
    pub fn new(code: ErrorCode, path: impl Into<String>) -> Self {
        TrpcBody {
            error: TrpcError {
                message: code.message().into(),
                code: code.trpc_code(),
                data: TrpcData {
                    code: Code::Known(code),
                    http_status: code.http_status(),
                    path: path.into(),
                    stack: None,
                    details: None,
                },
            },
        }
    }

    /// The body of `error` failing in procedure `path`: its message, and its details in
    /// `data.details` (absent when it has none).
    pub fn from_error(error: Error, path: impl Into<String>) -> Self {
        let mut body = TrpcBody::new(error.code(), path).with_message(error.to_string());
        let details = error.details();
        body.error.data.details = (!details.is_empty()).then_some(details);
        body
    }

    /// Replaces the default message.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.error.message = message.into();
        self
    }

    /// Adds the stack trace. Do this in development only: a stack tells an
    /// attacker about the server.
    pub fn with_stack(mut self, stack: impl Into<String>) -> Self {
        self.error.data.stack = Some(stack.into());
        self
    }

    /// The HTTP status to answer with: `data.httpStatus`.
    pub fn status(&self) -> u16 {
        self.error.data.http_status
    }
}

impl TryFrom<&TrpcBody> for Error {
    type Error = FromBodyError;

    /// The error the body reports, if its code is known and `data.details` holds the
    /// code's details.
    fn try_from(body: &TrpcBody) -> ::core::result::Result<Error, FromBodyError> {
        let none = ::serde_json::Map::new();
        let details = body.error.data.details.as_ref().unwrap_or(&none);
        Error::from_body(&body.error.data.code, details)
    }
}
