// The key finder of a `Deserialize` impl whose object keeps the keys it does not
// define (a problem's extension members): the same for every catalog, so written as
// real Rust here. (`//` comments are not emitted; `///` docs are.)

/// Finds a JSON key among a struct's keys: `Ok` with its index, or `Err` with the key
/// itself for one the struct does not define, which the struct keeps.
struct MemberKey(&'static [&'static str]);

impl<'de> ::serde::de::DeserializeSeed<'de> for MemberKey {
    type Value = ::core::result::Result<usize, String>;

    fn deserialize<D: ::serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> ::core::result::Result<::core::result::Result<usize, String>, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl ::serde::de::Visitor<'_> for MemberKey {
    type Value = ::core::result::Result<usize, String>;

    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: ::serde::de::Error>(
        self,
        key: &str,
    ) -> ::core::result::Result<::core::result::Result<usize, String>, E> {
        Ok(self.0.iter().position(|known| *known == key).ok_or_else(|| key.into()))
    }
}
