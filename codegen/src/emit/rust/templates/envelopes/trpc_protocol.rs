// The rest of tRPC's HTTP protocol, the same for every catalog: the reader of
// `error.code` (a number, or the string older servers sent), one call's answer and a
// batch's. (`//` comments are not emitted; `///` docs are.)

/// `error.code` of a tRPC body as read: a JSON-RPC number, or a wire string from
/// an older server, which becomes that code's number.
struct JsonRpcCode(i32);

impl<'de> ::serde::Deserialize<'de> for JsonRpcCode {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        struct JsonRpcCodeVisitor;

        impl ::serde::de::Visitor<'_> for JsonRpcCodeVisitor {
            type Value = JsonRpcCode;

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("a JSON-RPC error number or an error code string")
            }

            fn visit_i64<E: ::serde::de::Error>(
                self,
                number: i64,
            ) -> ::core::result::Result<JsonRpcCode, E> {
                i32::try_from(number)
                    .map(JsonRpcCode)
                    .map_err(|_| E::invalid_value(::serde::de::Unexpected::Signed(number), &self))
            }

            fn visit_u64<E: ::serde::de::Error>(
                self,
                number: u64,
            ) -> ::core::result::Result<JsonRpcCode, E> {
                i32::try_from(number)
                    .map(JsonRpcCode)
                    .map_err(|_| E::invalid_value(::serde::de::Unexpected::Unsigned(number), &self))
            }

            fn visit_str<E: ::serde::de::Error>(
                self,
                code: &str,
            ) -> ::core::result::Result<JsonRpcCode, E> {
                let number = ErrorCode::from_wire(code)
                    .map_or(TRPC_INTERNAL_SERVER_ERROR, ErrorCode::trpc_code);
                Ok(JsonRpcCode(number))
            }
        }

        deserializer.deserialize_any(JsonRpcCodeVisitor)
    }
}

/// tRPC's number for an error it knows nothing better about: `INTERNAL_SERVER_ERROR`.
pub const TRPC_INTERNAL_SERVER_ERROR: i32 = -32603;

/// One call's answer in tRPC's HTTP protocol: `{"result": {"data": …}}` on
/// success, a [`TrpcBody`] on failure.
#[derive(Clone, Debug, PartialEq)]
pub enum TrpcResponse {
    /// The procedure's result, sent as `{"result": {"data": …}}`.
    Data(::serde_json::Value),
    /// The procedure's error.
    Error(TrpcBody),
}

impl TrpcResponse {
    /// The HTTP status of this answer on its own: 200, or the error's.
    pub fn status(&self) -> u16 {
        match self {
            TrpcResponse::Data(_) => 200,
            TrpcResponse::Error(body) => body.status(),
        }
    }

    /// The result, or the error.
    // The body is what the caller reads next, once; boxing it would only move it.
    #[allow(clippy::result_large_err)]
    pub fn into_result(self) -> ::core::result::Result<::serde_json::Value, TrpcBody> {
        match self {
            TrpcResponse::Data(data) => Ok(data),
            TrpcResponse::Error(body) => Err(body),
        }
    }
}

impl From<TrpcBody> for TrpcResponse {
    fn from(body: TrpcBody) -> Self {
        TrpcResponse::Error(body)
    }
}

impl From<::core::result::Result<::serde_json::Value, TrpcBody>> for TrpcResponse {
    fn from(result: ::core::result::Result<::serde_json::Value, TrpcBody>) -> Self {
        match result {
            Ok(data) => TrpcResponse::Data(data),
            Err(body) => TrpcResponse::Error(body),
        }
    }
}

/// `{"data": …}`, the `result` object of a successful [`TrpcResponse`].
struct TrpcResult<'a>(&'a ::serde_json::Value);

impl ::serde::Serialize for TrpcResult<'_> {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::core::result::Result<S::Ok, S::Error> {
        use ::serde::ser::SerializeStruct as _;
        let mut state = serializer.serialize_struct("TrpcResult", 1)?;
        state.serialize_field("data", self.0)?;
        state.end()
    }
}

impl ::serde::Serialize for TrpcResponse {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::core::result::Result<S::Ok, S::Error> {
        use ::serde::ser::SerializeStruct as _;
        match self {
            TrpcResponse::Data(data) => {
                let mut state = serializer.serialize_struct("TrpcResponse", 1)?;
                state.serialize_field("result", &TrpcResult(data))?;
                state.end()
            }
            TrpcResponse::Error(body) => body.serialize(serializer),
        }
    }
}

impl<'de> ::serde::Deserialize<'de> for TrpcResponse {
    /// An object with `error` is an error; one with `result` a success, whose
    /// missing `data` (a procedure that returned nothing) reads as `null`.
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        use ::serde::de::Error as _;
        let mut object = ::serde_json::Map::deserialize(deserializer)?;
        if object.contains_key("error") {
            let body = ::serde_json::Value::Object(object);
            return TrpcBody::deserialize(body)
                .map(TrpcResponse::Error)
                .map_err(D::Error::custom);
        }
        match object.remove("result") {
            Some(::serde_json::Value::Object(mut result)) => Ok(TrpcResponse::Data(
                result.remove("data").unwrap_or(::serde_json::Value::Null),
            )),
            _ => Err(D::Error::custom(
                "a tRPC response needs `result` or `error`",
            )),
        }
    }
}

/// The answer to a batched call (`?batch=1`): one [`TrpcResponse`] per call, in
/// call order, sent as a JSON array.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrpcBatch(pub alloc::vec::Vec<TrpcResponse>);

impl TrpcBatch {
    /// The HTTP status of the whole batch, as tRPC sets it: the calls' common
    /// status, or 207 (Multi-Status) when they differ; 200 for no calls.
    pub fn status(&self) -> u16 {
        let mut statuses = self.0.iter().map(TrpcResponse::status);
        let first = statuses.next().unwrap_or(200);
        if statuses.all(|status| status == first) {
            first
        } else {
            207
        }
    }
}

impl ::serde::Serialize for TrpcBatch {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::core::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(&self.0)
    }
}

impl<'de> ::serde::Deserialize<'de> for TrpcBatch {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        alloc::vec::Vec::deserialize(deserializer).map(TrpcBatch)
    }
}
