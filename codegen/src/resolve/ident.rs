//! Wire strings and family ids -> Rust identifiers, in one place.
//!
//! Names follow the contract: the UpperCamelCase and SCREAMING_SNAKE_CASE of the words
//! heck finds. Rust keywords that survive the casing are reported, not mangled, so the
//! generated names are always exactly the ones the contract promises.

use heck::{ToShoutySnakeCase, ToUpperCamelCase};

/// The `ErrorCode` (or `Family`) variant for a wire string (or family id).
pub(crate) fn variant_name(name: &str) -> String {
    name.to_upper_camel_case()
}

/// The `docs_url` constant for a wire string.
pub(crate) fn constant_name(wire: &str) -> String {
    wire.to_shouty_snake_case()
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

    #[test]
    fn self_is_the_keyword_camel_case_can_produce() {
        assert!(is_keyword(&variant_name("self")));
        assert!(is_keyword(&variant_name("SELF")));
        assert!(!is_keyword(&variant_name("type")));
        assert!(!is_keyword(&variant_name("crate")));
    }
}
