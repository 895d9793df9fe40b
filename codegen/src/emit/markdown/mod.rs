//! Stage 4: model -> `ERRORS.md`, the published reference of the API's errors.
//!
//! The page has the headings [`crate::outline`] lists, in that order: the title, a status
//! summary, one section per family with its table, and one heading per code, which is
//! where each code's docs_url lands, with its message template, its details and an
//! example body ([`details`]); last, the retired codes and the section on retrying
//! ([`retrying`]). All catalog text goes through [`crate::text`], so it shows literally
//! on GitHub and in mdBook.

mod changes;
mod details;
pub(super) mod retrying;

use std::fmt::Write;

use crate::emit::examples::{self, Occurrence};
use crate::emit::files::{OutputFile, Settings};
use crate::emit::Blocks;
use crate::http_status::reason_phrase;
use crate::model::{Catalog, Code, Envelope, Family, Retired};
use crate::outline::{self, Heading, Page};
use crate::text::{heading, inline, push_inline, push_link_or_url};
use crate::trpc;

/// `ERRORS.md`, the Markdown reference, written a section at a time, and `CHANGES.md`,
/// what each version changed.
///
/// The headings, and their order, are the outline's: the same list resolve gave the
/// anchors from, so every link lands on the heading it names.
pub(crate) fn files<'a>(catalog: &'a Catalog, settings: &Settings<'a>) -> Vec<OutputFile<'a>> {
    let header = settings.header;
    vec![
        OutputFile::new(catalog, "ERRORS.md", 450, move |out| {
            let mut page = Blocks::handed_to(out);
            build(catalog, header, &mut page);
            page.finish();
        }),
        OutputFile::small(catalog, "CHANGES.md", move || {
            changes::page(catalog, header)
        }),
    ]
}

fn build(catalog: &Catalog, header: &str, page: &mut Blocks<'_>) {
    let _ = write!(page, "<!-- {header} -->\n\n");
    let outline = Page {
        has_envelopes: !catalog.envelopes.is_empty(),
        families: catalog.families.len(),
        codes: catalog.codes.len(),
        retired: catalog.retired.len(),
    };
    for heading in outline::headings(outline) {
        if let Some(title) = heading.fixed_title() {
            let _ = writeln!(page, "## {title}\n");
        }
        match heading {
            Heading::Title => {
                push_intro(page, catalog);
                push_contents(page, catalog);
            }
            Heading::Responses => push_responses(page, catalog),
            Heading::StatusSummary => push_status_summary(page, catalog),
            Heading::Family(index) => push_family(page, catalog, index),
            Heading::Codes => {}
            Heading::Code(index) => push_code(page, catalog, &catalog.codes[index]),
            Heading::RetiredCodes => push_retired_table(page, catalog),
            Heading::Retired(index) => push_retired_code(page, &catalog.retired[index]),
            Heading::Retrying => retrying::push_retrying(page, catalog),
        }
        page.part_done();
    }
}

fn push_intro(page: &mut String, catalog: &Catalog) {
    let codes = catalog.codes.len();
    let families = catalog.families.len();
    let _ = writeln!(page, "# {}\n", inline(&outline::page_title(&catalog.api)));
    let _ = writeln!(
        page,
        "Every error code of the {}: {codes} {} in {families} {}. A code is the exact \
         string the API sends in `error.code`; branch on it rather than on the message.\n",
        inline(&catalog.api),
        if codes == 1 { "code" } else { "codes" },
        if families == 1 { "family" } else { "families" },
    );
    let _ = writeln!(
        page,
        "Rust services and clients get the same codes from the `{}` crate, version {}.\n",
        catalog.crate_name, catalog.version
    );
}

/// The page's contents: each section in page order, the families (with how many codes
/// each has) where their sections are. A list, not a heading, so that no anchor of the
/// page moves.
fn push_contents(page: &mut String, catalog: &Catalog) {
    page.push_str("**Contents:**\n\n");
    for (title, anchor) in &catalog.section_anchors {
        let _ = writeln!(page, "- [{title}](#{anchor})");
        if *title == outline::STATUS_SECTION && !catalog.families.is_empty() {
            page.push_str("- Families:\n");
            for family in &catalog.families {
                let count = family.codes.len();
                page.push_str("  - ");
                push_family_link(page, family);
                let _ = writeln!(
                    page,
                    ": {count} {}",
                    if count == 1 { "code" } else { "codes" }
                );
            }
        }
    }
    page.push('\n');
}

fn push_responses(page: &mut String, catalog: &Catalog) {
    let shape = if catalog.envelopes.len() == 1 {
        "this shape"
    } else {
        "one of these shapes"
    };
    let field = if catalog.envelopes.contains(&Envelope::Trpc) {
        "`code` (in tRPC bodies `data.code`)"
    } else {
        "`code`"
    };
    let _ = writeln!(
        page,
        "Every error response has a JSON body of {shape}; {field} is one of the codes \
         below, and a client should branch on it.\n"
    );
    // Show a code with a dashboard action and details where there is one (or with one
    // of them), so every field appears.
    let fields = |code: &Code| u8::from(code.action.is_some()) + u8::from(!code.details.is_empty());
    let most = catalog.codes.iter().map(fields).max().unwrap_or(0);
    let example = catalog
        .codes
        .iter()
        .find(|code| fields(code) == most)
        .unwrap_or(&catalog.codes[0]);
    let details = catalog.has_details();
    for envelope in &catalog.envelopes {
        let (label, note) = match envelope {
            Envelope::Linked => (
                "With links",
                "`request_id` is always present, also on success, when `error` is absent; \
                 `action_url` is absent when the code has no dashboard action.",
            ),
            Envelope::Rest => (
                "REST",
                "`details` holds facts about this occurrence; `{}` when there are none.",
            ),
            Envelope::Trpc => (
                "tRPC",
                "As tRPC sends it, `error.code` is tRPC's JSON-RPC number for the HTTP status \
                 (tRPC's client accepts no other), so clients branch on `error.data.code`, \
                 the code from this page. `stack` is sent only in development.",
            ),
            Envelope::Problem => (
                "Problem details (RFC 9457), served as `application/problem+json`",
                "`type` is the code's documentation link; `code` is an extension member.",
            ),
        };
        let details_note = match envelope {
            _ if !details => "",
            Envelope::Linked => " A code's details are not sent apart: its message says them.",
            Envelope::Rest => " Each code's section lists its details.",
            Envelope::Trpc => {
                " `data.details` holds the facts of this occurrence when the code has details, \
                 and is absent when it has none."
            }
            Envelope::Problem => " A code's details are extension members too, after `code`.",
        };
        let json = examples::body(*envelope, example, &Occurrence::DOCS).pretty();
        let _ = writeln!(
            page,
            "**{label}:**\n\n```json\n{json}```\n\n{note}{details_note}\n"
        );
    }
}

/// The table of statuses: each with its reason phrase, what it means in this API (when
/// the catalog says, in a column of its own so the standard phrase stays as it is),
/// tRPC's number for it, and its codes.
fn push_status_summary(page: &mut String, catalog: &Catalog) {
    // tRPC readers meet the status as a JSON-RPC number in `error.code`, so they get it too.
    let trpc = catalog.envelopes.contains(&Envelope::Trpc);
    let in_this_api = !catalog.statuses.is_empty();
    let mut columns = vec!["HTTP", "Meaning"];
    if in_this_api {
        columns.push("In this API");
    }
    if trpc {
        columns.push("tRPC `error.code`");
    }
    columns.push("Codes");
    let _ = writeln!(page, "| {} |", columns.join(" | "));
    let _ = writeln!(page, "|{}", "---|".repeat(columns.len()));
    for (status, codes) in catalog.codes_by_status() {
        let _ = write!(
            page,
            "| {status} | {} |",
            reason_phrase(status).unwrap_or("")
        );
        if in_this_api {
            match catalog.statuses.get(&status) {
                Some(meaning) => {
                    page.push(' ');
                    push_inline(page, meaning);
                    page.push_str(" |");
                }
                None => page.push_str(" |"),
            }
        }
        if trpc {
            let _ = write!(page, " {} |", trpc::number_for_status(status));
        }
        for (i, code) in codes.iter().enumerate() {
            page.push_str(if i == 0 { " " } else { ", " });
            push_code_link(page, code);
        }
        page.push_str(" |\n");
    }
    page.push('\n');
}

fn push_family(page: &mut String, catalog: &Catalog, index: usize) {
    let family = &catalog.families[index];
    let _ = writeln!(page, "## {}\n", heading(&family.title));
    if let Some(description) = &family.description {
        let _ = writeln!(page, "{}\n", inline(description));
    }
    page.push_str("| Code | HTTP | Description | Resolution |\n|---|---|---|---|\n");
    for code in catalog.codes_of(family) {
        page.push_str("| ");
        push_code_link(page, code);
        let _ = write!(page, " | {} | ", code.status);
        push_table_description(page, catalog, code, index);
        page.push_str(" | ");
        push_inline(page, &code.resolution);
        page.push_str(" |\n");
    }
    page.push('\n');
}

fn push_code(page: &mut String, catalog: &Catalog, code: &Code) {
    page.push_str("### `");
    page.push_str(&code.wire);
    page.push_str("`\n\n");
    push_inline(page, &code.description);
    page.push_str("\n\n");
    if let Some(line) = deprecation_line(catalog, code) {
        let _ = writeln!(page, "{line}\n");
    }
    let _ = write!(page, "- **HTTP status:** {}", code.status);
    if let Some(reason) = reason_phrase(code.status) {
        page.push(' ');
        page.push_str(reason);
    }
    page.push_str(if code.families.len() == 1 {
        "\n- **Family:** "
    } else {
        "\n- **Families:** "
    });
    for (i, &family) in code.families.iter().enumerate() {
        if i > 0 {
            page.push_str(", ");
        }
        push_family_link(page, &catalog.families[family]);
    }
    page.push_str("\n- **Resolution:** ");
    push_inline(page, &code.resolution);
    page.push('\n');
    if code.retryable {
        let _ = writeln!(
            page,
            "- **Retryable:** [yes](#{})",
            catalog.section_anchor(outline::RETRY_SECTION)
        );
    } else {
        page.push_str("- **Retryable:** no\n");
    }
    let _ = writeln!(page, "- **Since:** {}", code.since);
    if let Some(action) = &code.action {
        page.push_str("- **Action:** ");
        push_link_or_url(page, action.title.as_deref(), &action.url);
        page.push('\n');
    }
    if code.has_own_docs_url {
        let _ = writeln!(page, "- **More:** <{}>", code.docs_url);
    }
    for (&family, wording) in &code.family_descriptions {
        let _ = writeln!(
            page,
            "- **In {}:** {}",
            family_link(&catalog.families[family]),
            inline(wording)
        );
    }
    details::push_message(page, code);
    page.push('\n');
    details::push_details(page, code);
    details::push_examples(page, catalog, code);
}

/// A code's description in a family table, marked when the code is deprecated.
fn push_table_description(page: &mut String, catalog: &Catalog, code: &Code, family: usize) {
    if let Some(deprecation) = &code.deprecated {
        match deprecation.replacement {
            Some(index) => {
                page.push_str("**Deprecated**, use ");
                push_code_link(page, &catalog.codes[index]);
                page.push_str(". ");
            }
            None => page.push_str("**Deprecated**. "),
        }
    }
    push_inline(page, code.description_in(family));
}

/// The paragraph that says a code is deprecated, since when, and what to use instead.
fn deprecation_line(catalog: &Catalog, code: &Code) -> Option<String> {
    let deprecation = code.deprecated.as_ref()?;
    let mut line = format!("**Deprecated** since {}", deprecation.since);
    match deprecation.replacement {
        Some(index) => {
            let _ = write!(line, ": use {} instead.", code_link(&catalog.codes[index]));
        }
        None => line.push('.'),
    }
    if let Some(note) = &deprecation.note {
        let _ = write!(line, " {}", inline(note));
    }
    Some(line)
}

fn push_retired_table(page: &mut String, catalog: &Catalog) {
    page.push_str(
        "These codes are no longer returned. Their wire strings will never be used again, \
         so a client that still handles them does no harm.\n\n",
    );
    page.push_str("| Code | Retired in | Note |\n|---|---|---|\n");
    for retired in &catalog.retired {
        let note = retired.note.as_deref().map(inline).unwrap_or_default();
        let _ = writeln!(
            page,
            "| [`{}`](#{}) | {} | {note} |",
            retired.wire, retired.anchor, retired.since
        );
    }
    page.push('\n');
}

fn push_retired_code(page: &mut String, retired: &Retired) {
    let _ = writeln!(page, "### `{}`\n", retired.wire);
    let _ = write!(page, "Retired in {}.", retired.since);
    if let Some(note) = &retired.note {
        let _ = write!(page, " {}", inline(note));
    }
    page.push_str("\n\n");
}

fn code_link(code: &Code) -> String {
    let mut link = String::new();
    push_code_link(&mut link, code);
    link
}

fn push_code_link(page: &mut String, code: &Code) {
    page.push_str("[`");
    page.push_str(&code.wire);
    page.push_str("`](#");
    page.push_str(&code.anchor);
    page.push(')');
}

fn family_link(family: &Family) -> String {
    let mut link = String::new();
    push_family_link(&mut link, family);
    link
}

fn push_family_link(page: &mut String, family: &Family) {
    page.push('[');
    push_inline(page, &family.title);
    page.push_str("](#");
    page.push_str(&family.anchor);
    page.push(')');
}
