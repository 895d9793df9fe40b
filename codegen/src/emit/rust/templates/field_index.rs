// The key finder of every generated `Deserialize` impl: the same for every catalog, so
// written as real Rust here. (`//` comments are not emitted; `///` docs are.)

/// Finds a JSON key among a struct's keys, without allocating; `None` for a key
/// the struct does not have, which is skipped (newer servers may add fields).
struct FieldIndex(&'static [&'static str]);

impl<'de> ::serde::de::DeserializeSeed<'de> for FieldIndex {
    type Value = Option<usize>;

    fn deserialize<D: ::serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> ::core::result::Result<Option<usize>, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl ::serde::de::Visitor<'_> for FieldIndex {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: ::serde::de::Error>(
        self,
        key: &str,
    ) -> ::core::result::Result<Option<usize>, E> {
        Ok(self.0.iter().position(|known| *known == key))
    }
}
