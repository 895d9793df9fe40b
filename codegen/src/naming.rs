//! Wire strings and family ids -> Rust identifiers, in one place.
//!
//! A leaf module: validation refuses the names that cannot be, resolve puts them in the
//! model, and the emitters that need a name the model does not hold derive it the same
//! way.
//!
//! Names follow the contract: the UpperCamelCase and SCREAMING_SNAKE_CASE of the words
//! heck finds. Rust keywords that survive the casing are reported, not mangled, so the
//! generated names are always exactly the ones the contract promises.
//!
//! Wire strings and family ids are ASCII, and for ASCII the words are found here with
//! heck's own rules, without its per-character formatting (which was a tenth of the
//! generator's time on a large catalog); a test holds the two to the same names. Any
//! other text goes to heck itself.

use heck::{ToShoutySnakeCase, ToUpperCamelCase};

/// The `ErrorCode` (or `Family`) variant for a wire string (or family id).
pub(crate) fn variant_name(name: &str) -> String {
    if !name.is_ascii() {
        return name.to_upper_camel_case();
    }
    let mut out = String::with_capacity(name.len());
    for word in ascii_words(name) {
        let (first, rest) = word.split_at(1);
        out.push_str(&first.to_ascii_uppercase());
        out.extend(rest.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}

/// The `docs_url` constant for a wire string.
pub(crate) fn constant_name(wire: &str) -> String {
    if !wire.is_ascii() {
        return wire.to_shouty_snake_case();
    }
    let mut out = String::with_capacity(wire.len() + 4);
    for word in ascii_words(wire) {
        if !out.is_empty() {
            out.push('_');
        }
        out.extend(word.chars().map(|c| c.to_ascii_uppercase()));
    }
    out
}

/// The Rust field of a detail's wire key: the snake_case of its words, as a raw
/// identifier (`r#type`) when that is a keyword; `None` for the keywords no raw
/// identifier can be (`self`, `super`, `crate`) and for a key with no letter or digit.
pub(crate) fn field_name(key: &str) -> Option<String> {
    let mut out = String::with_capacity(key.len() + 2);
    for word in ascii_words(key) {
        if !out.is_empty() {
            out.push('_');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    match out.as_str() {
        "" | "self" | "super" | "crate" => None,
        _ if out.starts_with(|c: char| c.is_ascii_digit()) => None,
        word if is_keyword(word) => Some(format!("r#{out}")),
        _ => Some(out),
    }
}

/// The words of ASCII `text` as heck splits them: at every character that is not a
/// letter or digit, between a lower-case letter (or a digit after one) and an upper-case
/// one, and before the last of several upper-case letters that a lower-case one follows
/// (`HTTPError` is `HTTP`, `Error`).
fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Boundary,
        Lower,
        Upper,
    }
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .flat_map(|part| {
            let bytes = part.as_bytes();
            let mut words = Vec::new();
            let mut start = 0;
            let mut mode = Mode::Boundary;
            for i in 0..bytes.len() {
                let c = bytes[i];
                let Some(&next) = bytes.get(i + 1) else {
                    words.push(&part[start..]);
                    break;
                };
                let next_mode = if c.is_ascii_lowercase() {
                    Mode::Lower
                } else if c.is_ascii_uppercase() {
                    Mode::Upper
                } else {
                    mode
                };
                if next_mode == Mode::Lower && next.is_ascii_uppercase() {
                    words.push(&part[start..=i]);
                    start = i + 1;
                    mode = Mode::Boundary;
                } else if mode == Mode::Upper && c.is_ascii_uppercase() && next.is_ascii_lowercase()
                {
                    words.push(&part[start..i]);
                    start = i;
                    mode = Mode::Boundary;
                } else {
                    mode = next_mode;
                }
            }
            words
        })
        .filter(|word| !word.is_empty())
}

/// Whether `ident` is a Rust keyword in any edition, strict or reserved.
///
/// Most keywords are lower case and cannot come out of the casings above; the check
/// covers them all anyway so that it stays right if the casing rules change.
pub(crate) fn is_keyword(ident: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
        "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
        "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv",
        "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true", "try",
        "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
    ];
    KEYWORDS.contains(&ident)
}

#[cfg(test)]
mod tests {
    use super::*;
    use heck::{ToShoutySnakeCase, ToUpperCamelCase};

    #[test]
    fn names_follow_the_contract_examples() {
        assert_eq!(variant_name("API_KEY_REQUIRED"), "ApiKeyRequired");
        assert_eq!(variant_name("api_key_required"), "ApiKeyRequired");
        assert_eq!(variant_name("NoSuchBucket"), "NoSuchBucket");
        assert_eq!(variant_name("auth/invalid-email"), "AuthInvalidEmail");
        assert_eq!(constant_name("auth/invalid-email"), "AUTH_INVALID_EMAIL");
        assert_eq!(constant_name("NoSuchBucket"), "NO_SUCH_BUCKET");
        assert_eq!(variant_name("v1.timeout"), "V1Timeout");
    }

    #[test]
    fn variants_collide_exactly_when_constants_do() {
        let wires = [
            "TICKET_NOT_FOUND",
            "ticket-not-found",
            "TicketNotFound",
            "ticket.not/found",
            "aB",
            "a_b",
            "AB",
            "ab",
            "a1b",
            "a_1_b",
            "A1B",
            "v1.timeout",
            "V1Timeout",
            "HTTPError",
            "http_error",
            "HttpError",
            "x__y",
            "x_y",
            "XY",
        ];
        for a in wires {
            for b in wires {
                assert_eq!(
                    variant_name(a) == variant_name(b),
                    constant_name(a) == constant_name(b),
                    "{a} / {b}"
                );
            }
        }
    }

    /// The fast ASCII names are heck's, for names of every shape.
    #[test]
    fn ascii_names_are_hecks() {
        const PIECES: &[&str] = &[
            "a", "B", "1", "_", "-", ".", "/", "ab", "AB", "Ab", "aB", "HTTP", "Error", "x9", "9x",
            "__", "ID", "s", "V2", "API", "key",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut name = String::new();
            for _ in 0..1 + state % 6 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                name.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            assert_eq!(variant_name(&name), name.to_upper_camel_case(), "{name:?}");
            assert_eq!(
                constant_name(&name),
                name.to_shouty_snake_case(),
                "{name:?}"
            );
        }
    }

    #[test]
    fn fields_are_snake_case_and_keywords_raw() {
        assert_eq!(field_name("retry_after").as_deref(), Some("retry_after"));
        assert_eq!(field_name("retryAfter").as_deref(), Some("retry_after"));
        assert_eq!(field_name("HTTPStatus").as_deref(), Some("http_status"));
        assert_eq!(field_name("type").as_deref(), Some("r#type"));
        assert_eq!(field_name("self"), None);
        assert_eq!(field_name("Crate"), None);
    }

    #[test]
    fn self_is_the_keyword_camel_case_can_produce() {
        assert!(is_keyword(&variant_name("self")));
        assert!(is_keyword(&variant_name("SELF")));
        assert!(!is_keyword(&variant_name("type")));
        assert!(!is_keyword(&variant_name("crate")));
    }
}
