//! `ErrorCodeInfo`, one code's entry in `CODES`: each key once, with its type and docs
//! for `index.d.ts` and its value for `index.js`, so a per-code fact is one entry here.

use std::fmt::Write as _;

use super::escape::push_string;
use crate::model::{Catalog, Code, Envelope};
use crate::trpc;

/// One key of `ErrorCodeInfo`.
pub(super) struct InfoKey {
    /// The key.
    pub(super) name: &'static str,
    /// Its TypeScript type.
    pub(super) ty: &'static str,
    /// Whether a code may leave it out (`actionUrl?`).
    pub(super) optional: bool,
    /// Its doc comment, one line or several.
    pub(super) doc: &'static [&'static str],
    /// The envelope a catalog must list for the key to exist, if any.
    pub(super) needs: Option<Envelope>,
    /// Writes a code's value, or returns `false` to leave the key out.
    value: fn(&mut String, &Catalog, &Code) -> bool,
}

impl InfoKey {
    /// Whether `catalog`'s `ErrorCodeInfo` has the key.
    pub(super) fn in_catalog(&self, catalog: &Catalog) -> bool {
        self.needs
            .is_none_or(|envelope| catalog.envelopes.contains(&envelope))
    }

    /// Writes `code`'s value of the key; `false` when the code leaves it out.
    pub(super) fn value(&self, out: &mut String, catalog: &Catalog, code: &Code) -> bool {
        (self.value)(out, catalog, code)
    }
}

/// The keys, in the order of `ErrorCodeInfo` and of each entry of `CODES`.
pub(super) const INFO_KEYS: [InfoKey; 12] = [
    InfoKey {
        name: "code",
        ty: "ErrorCode",
        optional: false,
        doc: &["The wire string, exactly as sent."],
        needs: None,
        value: |out, _, code| text(out, &code.wire),
    },
    InfoKey {
        name: "status",
        ty: "number",
        optional: false,
        doc: &["The HTTP status the API answers with, e.g. 404."],
        needs: None,
        value: |out, _, code| {
            let _ = write!(out, "{}", code.status);
            true
        },
    },
    InfoKey {
        name: "families",
        ty: "readonly [Family, ...Family[]]",
        optional: false,
        doc: &["Every family the code is listed under, its primary family first."],
        needs: None,
        value: |out, catalog, code| {
            out.push('[');
            for (i, &family) in code.families.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_string(out, &catalog.families[family].id);
            }
            out.push(']');
            true
        },
    },
    InfoKey {
        name: "description",
        ty: "string",
        optional: false,
        doc: &["What went wrong."],
        needs: None,
        value: |out, _, code| text(out, &code.description),
    },
    InfoKey {
        name: "resolution",
        ty: "string",
        optional: false,
        doc: &["What the caller should do about it."],
        needs: None,
        value: |out, _, code| text(out, &code.resolution),
    },
    InfoKey {
        name: "message",
        ty: "string",
        optional: false,
        doc: &["The description, then the resolution: the message error bodies carry by default."],
        needs: None,
        value: |out, _, code| text(out, &code.message),
    },
    InfoKey {
        name: "docsUrl",
        ty: "string",
        optional: false,
        doc: &["The link to this code's entry in the API reference."],
        needs: None,
        value: |out, _, code| text(out, &code.docs_url),
    },
    InfoKey {
        name: "actionUrl",
        ty: "string",
        optional: true,
        doc: &["The dashboard page where the user can fix the cause, if there is one."],
        needs: None,
        value: |out, _, code| {
            code.action
                .as_ref()
                .is_some_and(|action| text(out, &action.url))
        },
    },
    InfoKey {
        name: "retryable",
        ty: "boolean",
        optional: false,
        doc: &["Whether sending the same request again, after a back-off, can succeed."],
        needs: None,
        value: |out, _, code| {
            out.push_str(if code.retryable { "true" } else { "false" });
            true
        },
    },
    InfoKey {
        name: "since",
        ty: "string",
        optional: false,
        doc: &["The catalog version that introduced the code, e.g. `\"0.1.0\"`."],
        needs: None,
        value: |out, _, code| text(out, &code.since),
    },
    InfoKey {
        name: "deprecated",
        ty: "Deprecation",
        optional: true,
        doc: &["Set when the code is deprecated: still returned, but on its way out."],
        needs: None,
        value: |out, catalog, code| {
            let Some(deprecation) = &code.deprecated else {
                return false;
            };
            out.push_str("{ since: ");
            push_string(out, &deprecation.since);
            if let Some(replacement) = deprecation.replacement {
                out.push_str(", replacement: ");
                push_string(out, &catalog.codes[replacement].wire);
            }
            if let Some(note) = &deprecation.note {
                out.push_str(", note: ");
                push_string(out, note);
            }
            out.push_str(" }");
            true
        },
    },
    InfoKey {
        name: "trpcCode",
        ty: "number",
        optional: false,
        doc: &[
            "The JSON-RPC number tRPC sends in `error.code` for this code, e.g. -32004 for",
            "a 404: tRPC's number for the code's HTTP status.",
        ],
        needs: Some(Envelope::Trpc),
        value: |out, _, code| {
            let _ = write!(out, "{}", trpc::number_for_status(code.status));
            true
        },
    },
];

/// A JSON string literal; always there.
fn text(out: &mut String, value: &str) -> bool {
    push_string(out, value);
    true
}
