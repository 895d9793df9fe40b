// The linked envelope's constructors: the same for every catalog,
// so written as real Rust here; the structs and their serde impls are
// rendered from `model::shapes` beside it. (`//` comments are not emitted; `///` docs are.)

impl LinkedBody {
    /// The body of a failed request: `code` with its message and links.
    pub fn error(code: ErrorCode, request_id: impl Into<String>) -> Self {
        LinkedBody {
            error: Some(LinkedError::from(code)),
            request_id: request_id.into(),
        }
    }

    /// The body of a failed request from `error`: its code's links and its message,
    /// which is where this envelope carries the details.
    pub fn from_error(error: Error, request_id: impl Into<String>) -> Self {
        let code = error.code();
        LinkedBody {
            error: Some(LinkedError::from(code).with_message(error.to_string())),
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

impl TryFrom<&LinkedBody> for Error {
    type Error = FromBodyError;

    /// The error the body reports, if its code is known and declares no details that
    /// are required: this envelope carries details only in its message.
    fn try_from(body: &LinkedBody) -> ::core::result::Result<Error, FromBodyError> {
        let error = body.error.as_ref().ok_or(FromBodyError::NoError)?;
        Error::from_body(&error.code, &::serde_json::Map::new())
    }
}
