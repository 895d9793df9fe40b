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
