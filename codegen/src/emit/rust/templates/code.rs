// The `Code` type's impls: the same for every catalog, so written as real Rust here. The
// enum itself, whose docs name the API, is emitted beside them. (`//` comments are not
// emitted; `///` docs are.)

impl Code {
    /// The wire string.
    pub fn as_str(&self) -> &str {
        match self {
            Code::Known(code) => code.as_str(),
            Code::Unknown(code) => code,
        }
    }

    /// The code, if this version of the crate knows it.
    pub fn known(&self) -> Option<ErrorCode> {
        match self {
            Code::Known(code) => Some(*code),
            Code::Unknown(_) => None,
        }
    }

    /// The code's HTTP status, or 500 for a code this version does not know.
    pub fn http_status(&self) -> u16 {
        self.known().map_or(500, ErrorCode::http_status)
    }
}

impl From<ErrorCode> for Code {
    fn from(code: ErrorCode) -> Self {
        Code::Known(code)
    }
}

impl From<&str> for Code {
    /// Looks the string up; keeps it as [`Code::Unknown`] if it is not a known code.
    fn from(code: &str) -> Self {
        match ErrorCode::from_wire(code) {
            Some(known) => Code::Known(known),
            None => Code::Unknown(code.into()),
        }
    }
}

impl PartialEq<ErrorCode> for Code {
    fn eq(&self, other: &ErrorCode) -> bool {
        self.known() == Some(*other)
    }
}

impl ::core::fmt::Display for Code {
    /// Writes the wire string.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.pad(self.as_str())
    }
}

impl ::serde::Serialize for Code {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::core::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> ::serde::Deserialize<'de> for Code {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        struct CodeVisitor;

        impl ::serde::de::Visitor<'_> for CodeVisitor {
            type Value = Code;

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("an error code string")
            }

            fn visit_str<E: ::serde::de::Error>(
                self,
                code: &str,
            ) -> ::core::result::Result<Code, E> {
                Ok(Code::from(code))
            }
        }

        deserializer.deserialize_str(CodeVisitor)
    }
}
