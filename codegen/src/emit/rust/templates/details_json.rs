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
// Which of the readers a catalog uses depends on its details' kinds.
#[allow(dead_code)]
fn member<T: FromJson>(
    object: &::serde_json::Map<String, ::serde_json::Value>,
    key: &str,
) -> Option<T> {
    T::from_json(object.get(key)?)
}

/// The member `key` of a detail object, which may be missing (or `null`).
// Which of the readers a catalog uses depends on its details' kinds.
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
// Which of the readers a catalog uses depends on its details' kinds.
#[allow(dead_code)]
fn required<T: FromJson>(
    details: &::serde_json::Map<String, ::serde_json::Value>,
    code: ErrorCode,
    key: &'static str,
) -> ::core::result::Result<T, DetailsError> {
    member(details, key).ok_or(DetailsError { code, key })
}

/// The detail `key` of `code`, which may be missing (or `null`).
// Which of the readers a catalog uses depends on its details' kinds.
#[allow(dead_code)]
fn optional<T: FromJson>(
    details: &::serde_json::Map<String, ::serde_json::Value>,
    code: ErrorCode,
    key: &'static str,
) -> ::core::result::Result<Option<T>, DetailsError> {
    optional_member(details, key).ok_or(DetailsError { code, key })
}
