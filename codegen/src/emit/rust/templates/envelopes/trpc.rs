// The tRPC envelope's types and constructors: the same for every catalog,
// so written as real Rust here; the serde impls are rendered from `model::shapes`
// beside it. (`//` comments are not emitted; `///` docs are.)

/// A tRPC error body: `{"error": {"message", "code", "data": {"code", "httpStatus", "path", "stack"}}}`.
///
/// As tRPC sends it: `error.code` is tRPC's JSON-RPC number for the status (the
/// only form tRPC's client accepts), and `error.data.code` is the catalog's wire
/// string, which is what clients branch on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrpcBody {
    /// What went wrong.
    pub error: TrpcError,
}

/// The `error` object of a [`TrpcBody`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrpcError {
    /// A human-readable explanation.
    pub message: String,
    /// tRPC's JSON-RPC number for the status, e.g. `-32004` for a 404; see
    /// [`ErrorCode::trpc_code`]. Read from a string too, as older servers sent the
    /// wire string here: it becomes that code's number (-32603 if unknown).
    pub code: i32,
    /// The catalog's code, the status and the procedure.
    pub data: TrpcData,
}

/// The `data` object of a [`TrpcError`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrpcData {
    /// The machine-readable code to branch on: the catalog's wire string.
    pub code: Code,
    /// The HTTP status (`httpStatus` in JSON).
    pub http_status: u16,
    /// The procedure that failed, e.g. `tickets.get`.
    pub path: String,
    /// The server's stack trace; only ever sent in development.
    pub stack: Option<String>,
}

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
