//! The generated crate's `CodeMeta`, a code's row in `tables::CODES`, field by field: the
//! one list the struct, its accessors and every row are emitted from.

use std::fmt::Write as _;

use super::rows::{push_literal, push_option};
use crate::model::{Catalog, Code};

/// One field of the generated crate's `CodeMeta`, the row of a code in `tables::CODES`.
pub(super) struct MetaField {
    /// The field's name.
    pub(super) name: &'static str,
    /// Its Rust type.
    pub(super) ty: &'static str,
    /// The `ErrorCode` method that returns it, if one does as it is.
    pub(super) accessor: Option<Accessor>,
    /// Prints a code's value of it.
    pub(super) print: fn(&mut String, &Catalog, &Code),
}

/// A `pub const fn name(self) -> Type { self.meta().field }` of `ErrorCode`.
pub(super) struct Accessor {
    /// The method's name.
    pub(super) name: &'static str,
    /// Its doc comment, paragraph by paragraph.
    pub(super) doc: &'static [&'static str],
}

/// `CodeMeta`'s fields, in order: `tables_rs` declares the struct from this list,
/// `lib_rs` the accessors that return a field as it is, and `rows` prints
/// each row from it, so a per-code fact of the Rust crate is one entry here.
pub(super) const CODE_META: [MetaField; 13] = [
    MetaField {
        name: "variant",
        ty: "&'static str",
        accessor: None,
        print: |out, _, code| push_literal(out, &code.variant),
    },
    MetaField {
        name: "code",
        ty: "&'static str",
        accessor: Some(Accessor {
            name: "as_str",
            doc: &["The wire string, exactly as it appears in `error.code`."],
        }),
        print: |out, _, code| push_literal(out, &code.wire),
    },
    MetaField {
        name: "status",
        ty: "u16",
        accessor: Some(Accessor {
            name: "http_status",
            doc: &["The HTTP status the API answers with, e.g. `404`."],
        }),
        print: |out, _, code| {
            let _ = write!(out, "{}", code.status);
        },
    },
    MetaField {
        name: "description",
        ty: "&'static str",
        accessor: Some(Accessor {
            name: "description",
            doc: &["What went wrong, as the API reference says it."],
        }),
        print: |out, _, code| push_literal(out, &code.description),
    },
    MetaField {
        name: "resolution",
        ty: "&'static str",
        accessor: Some(Accessor {
            name: "resolution",
            doc: &["What the caller should do about it."],
        }),
        print: |out, _, code| push_literal(out, &code.resolution),
    },
    MetaField {
        name: "message",
        ty: "&'static str",
        accessor: Some(Accessor {
            name: "message",
            doc: &[
                "A message that stands on its own: the description, then the resolution.",
                "This is the `message` the envelopes carry unless the service gives its own.",
            ],
        }),
        print: |out, _, code| push_literal(out, &code.message),
    },
    MetaField {
        name: "docs_url",
        ty: "&'static str",
        accessor: Some(Accessor {
            name: "docs_url",
            doc: &["The link to this code's entry in the API reference."],
        }),
        print: |out, _, code| {
            out.push_str("docs_url::");
            out.push_str(&code.constant);
        },
    },
    MetaField {
        name: "action_url",
        ty: "Option<&'static str>",
        accessor: Some(Accessor {
            name: "action_url",
            doc: &["The dashboard page where the user can fix the cause, if there is one."],
        }),
        print: |out, _, code| {
            let url = code.action.as_ref().map(|action| action.url.as_str());
            push_option(out, url, push_literal);
        },
    },
    MetaField {
        name: "retryable",
        ty: "bool",
        accessor: Some(Accessor {
            name: "is_retryable",
            doc: &["Whether sending the same request again, after a back-off, can succeed."],
        }),
        print: |out, _, code| push_bool(out, code.retryable),
    },
    MetaField {
        name: "deprecated",
        ty: "bool",
        accessor: Some(Accessor {
            name: "is_deprecated",
            doc: &["Whether the code is deprecated: still returned, but on its way out."],
        }),
        print: |out, _, code| push_bool(out, code.deprecated.is_some()),
    },
    MetaField {
        name: "replacement",
        ty: "Option<ErrorCode>",
        accessor: Some(Accessor {
            name: "replacement",
            doc: &["The code to use instead of this deprecated one, if the catalog names one."],
        }),
        print: |out, catalog, code| {
            push_option(out, replacement(catalog, code), |out, replacement| {
                out.push_str("ErrorCode::");
                out.push_str(&replacement.variant);
            });
        },
    },
    MetaField {
        name: "since",
        ty: "&'static str",
        accessor: Some(Accessor {
            name: "since",
            doc: &["The catalog version that introduced the code, e.g. `\"0.1.0\"`."],
        }),
        print: |out, _, code| push_literal(out, &code.since),
    },
    MetaField {
        name: "families",
        ty: "&'static [Family]",
        accessor: Some(Accessor {
            name: "families",
            doc: &["Every family the code is listed under, primary first."],
        }),
        print: |out, catalog, code| {
            out.push_str("&[");
            for (i, &family) in code.families.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str("Family::");
                out.push_str(&catalog.families[family].variant);
            }
            out.push(']');
        },
    },
];

fn push_bool(out: &mut String, value: bool) {
    out.push_str(if value { "true" } else { "false" });
}

/// The code that replaces deprecated `code`, if the catalog names one.
fn replacement<'a>(catalog: &'a Catalog, code: &Code) -> Option<&'a Code> {
    let index = code.deprecated.as_ref()?.replacement?;
    Some(&catalog.codes[index])
}
