// Details between `Error` and the JSON objects the envelopes carry them in: the same for
// every catalog, so written as real Rust here; the per-code arms and the impls of the
// `details` types are generated beside it. (`//` comments are not emitted; `///` docs are.)

/// A detail's value as JSON.
trait ToJson {
    fn to_json(&self) -> ::serde_json::Value;
}

/// A detail's value read from JSON; `None` when the JSON is not of its type.
trait FromJson: Sized {
    fn from_json(value: &::serde_json::Value) -> Option<Self>;
}

impl ToJson for String {
    fn to_json(&self) -> ::serde_json::Value {
        ::serde_json::Value::String(self.clone())
    }
}

impl FromJson for String {
    fn from_json(value: &::serde_json::Value) -> Option<Self> {
        value.as_str().map(String::from)
    }
}

impl ToJson for i64 {
    fn to_json(&self) -> ::serde_json::Value {
        ::serde_json::Value::from(*self)
    }
}

impl FromJson for i64 {
    fn from_json(value: &::serde_json::Value) -> Option<Self> {
        value.as_i64()
    }
}

impl ToJson for f64 {
    /// A finite number; JSON has no NaN or infinity, so those become `null`.
    fn to_json(&self) -> ::serde_json::Value {
        ::serde_json::Value::from(*self)
    }
}

impl FromJson for f64 {
    fn from_json(value: &::serde_json::Value) -> Option<Self> {
        value.as_f64()
    }
}

impl ToJson for bool {
    fn to_json(&self) -> ::serde_json::Value {
        ::serde_json::Value::Bool(*self)
    }
}

impl FromJson for bool {
    fn from_json(value: &::serde_json::Value) -> Option<Self> {
        value.as_bool()
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> ::serde_json::Value {
        ::serde_json::Value::Array(self.iter().map(ToJson::to_json).collect())
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &::serde_json::Value) -> Option<Self> {
        value.as_array()?.iter().map(T::from_json).collect()
    }
}

/// The member `key` of a detail object, which must be there.
#[allow(dead_code)]
fn member<T: FromJson>(
    object: &::serde_json::Map<String, ::serde_json::Value>,
    key: &str,
) -> Option<T> {
    T::from_json(object.get(key)?)
}

/// The member `key` of a detail object, which may be missing (or `null`).
#[allow(dead_code)]
fn optional_member<T: FromJson>(
    object: &::serde_json::Map<String, ::serde_json::Value>,
    key: &str,
) -> Option<Option<T>> {
    match object.get(key) {
        None | Some(::serde_json::Value::Null) => Some(None),
        Some(value) => T::from_json(value).map(Some),
    }
}

/// The detail `key` of `code`, which must be there.
#[allow(dead_code)]
fn required<T: FromJson>(
    details: &::serde_json::Map<String, ::serde_json::Value>,
    code: ErrorCode,
    key: &'static str,
) -> ::core::result::Result<T, DetailsError> {
    member(details, key).ok_or(DetailsError { code, key })
}

/// The detail `key` of `code`, which may be missing (or `null`).
#[allow(dead_code)]
fn optional<T: FromJson>(
    details: &::serde_json::Map<String, ::serde_json::Value>,
    code: ErrorCode,
    key: &'static str,
) -> ::core::result::Result<Option<T>, DetailsError> {
    optional_member(details, key).ok_or(DetailsError { code, key })
}

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
