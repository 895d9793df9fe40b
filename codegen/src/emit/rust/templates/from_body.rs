// Why a parsed body gives no `Error`: the same for every catalog, so written as real Rust
// here. (`//` comments are not emitted; `///` docs are.)

/// A details object that is not the one its code declares: a required detail is
/// missing, or a detail holds a value of another type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailsError {
    code: ErrorCode,
    key: &'static str,
}

impl DetailsError {
    /// The code whose details did not match.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The wire key of the detail that is missing or of another type.
    pub fn key(&self) -> &'static str {
        self.key
    }
}

impl ::core::fmt::Display for DetailsError {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        write!(
            f,
            "the details of `{}` have no `{}` of its declared type",
            self.code.as_str(),
            self.key
        )
    }
}

impl ::core::error::Error for DetailsError {}

/// Why a parsed body gives no [`Error`]: its code is one this version of the crate does
/// not know, its details are not its code's, or it reports no error at all. The body is
/// still readable as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FromBodyError {
    /// A code this version of the crate does not know, as received.
    UnknownCode(String),
    /// A known code whose details do not match its declaration.
    Details(DetailsError),
    /// A body without an error (a successful response).
    NoError,
}

impl ::core::fmt::Display for FromBodyError {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        match self {
            FromBodyError::UnknownCode(code) => write!(f, "unknown error code `{code}`"),
            FromBodyError::Details(error) => ::core::fmt::Display::fmt(error, f),
            FromBodyError::NoError => f.write_str("the body reports no error"),
        }
    }
}

impl ::core::error::Error for FromBodyError {}

impl Error {
    /// The error of `code` (a received one) with `details`, if the code is known and
    /// the details are its own.
    fn from_body(
        code: &Code,
        details: &::serde_json::Map<String, ::serde_json::Value>,
    ) -> ::core::result::Result<Error, FromBodyError> {
        match code {
            Code::Known(code) => Error::from_details(*code, details).map_err(FromBodyError::Details),
            Code::Unknown(code) => Err(FromBodyError::UnknownCode(code.clone())),
        }
    }
}
