//! The printers of the per-code lists, each in its one layout (see [`super`]).

use std::fmt::Write as _;

use super::INDENT;
use crate::emit::rust::code_meta::CODE_META;

/// How many numbers (or pairs of numbers) a line of a number table holds.
pub(super) const NUMBERS_PER_LINE: usize = 16;
use crate::emit::rust::switch::Node;
use crate::emit::rust::DOC_WIDTH;
use crate::emit::Blocks;
use crate::model::{Catalog, Code, Family};
use crate::text;

/// Calls `line` with each doc line of a code's variant: description, facts, resolution,
/// dashboard action, link. `buffer` is scratch space, so a caller with many codes allocates it once.
fn variant_doc_lines(
    catalog: &Catalog,
    code: &Code,
    buffer: &mut String,
    mut line: impl FnMut(&str),
) {
    buffer.clear();
    text::push_inline(buffer, &code.description);
    text::for_each_wrapped(buffer, DOC_WIDTH, &mut line);
    line("");
    buffer.clear();
    buffer.push('`');
    buffer.push_str(&code.wire);
    buffer.push_str("` · HTTP ");
    let _ = write!(buffer, "{}", code.status);
    buffer.push_str(" · ");
    for (i, &family) in code.families.iter().enumerate() {
        let family = &catalog.families[family];
        if i > 0 {
            buffer.push_str(", ");
        }
        buffer.push('[');
        text::push_inline(buffer, &family.title);
        buffer.push_str("](Family::");
        buffer.push_str(&family.variant);
        buffer.push(')');
    }
    buffer.push_str(" · since ");
    buffer.push_str(&code.since);
    line(buffer);
    line("");
    buffer.clear();
    buffer.push_str("Resolution: ");
    text::push_inline_words(buffer, &code.resolution);
    text::for_each_wrapped(buffer, DOC_WIDTH, &mut line);
    line("");
    if let Some(action) = &code.action {
        buffer.clear();
        buffer.push_str("Action: ");
        text::push_link_or_url(buffer, action.title.as_deref(), &action.url);
        text::for_each_wrapped(buffer, DOC_WIDTH, &mut line);
        line("");
    }
    buffer.clear();
    buffer.push_str("[Documentation](");
    text::push_link_destination(buffer, &code.docs_url);
    buffer.push(')');
    line(buffer);
}

/// `since` and `note` of a deprecated code's `#[deprecated]`; the note names the
/// replacement.
fn deprecation(catalog: &Catalog, code: &Code) -> Option<(String, String)> {
    let deprecation = code.deprecated.as_ref()?;
    let mut note = match deprecation.replacement {
        Some(index) => format!("use `{}` instead", catalog.codes[index].wire),
        None => "no longer returned".to_owned(),
    };
    if let Some(extra) = &deprecation.note {
        note = format!("{note}: {extra}");
    }
    Some((deprecation.since.clone(), note))
}

fn docs_url_doc(code: &Code) -> String {
    format!(
        "Documentation of [`{0}`](super::ErrorCode::{1}).",
        code.wire, code.variant
    )
}

// The printers. Each pushes whole lines, indentation first, and ends with a line break,
// except the element printers of `print_list`, which leave the comma to it.

pub(super) fn push_indent(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// `head[`, each item printed by `print` on lines of its own followed by a comma, and
/// `]tail`; `head[]tail` when there are none. No line break after `tail`.
pub(super) fn print_list<'o, T>(
    out: &mut Blocks<'o>,
    indent: usize,
    head: &str,
    items: impl IntoIterator<Item = T>,
    tail: &str,
    mut print: impl FnMut(&mut Blocks<'o>, usize, T),
) {
    push_indent(out, indent);
    out.push_str(head);
    out.push('[');
    let mut empty = true;
    for item in items {
        if empty {
            out.push('\n');
            empty = false;
        }
        print(out, indent + INDENT, item);
        out.push_str(",\n");
        out.part_done();
    }
    if !empty {
        push_indent(out, indent);
    }
    out.push(']');
    out.push_str(tail);
}

/// `ErrorCode::TicketNotFound`, indented: an element of a list of codes.
pub(super) fn code_path(out: &mut Blocks<'_>, indent: usize, code: &Code) {
    push_indent(out, indent);
    out.push_str("ErrorCode::");
    out.push_str(&code.variant);
}

/// `"WIRE" => Some(ErrorCode::Wire),`: an arm of `from_wire`'s `match`.
pub(super) fn print_wire_arm(out: &mut String, indent: usize, code: &Code) {
    push_indent(out, indent);
    push_literal(out, &code.wire);
    out.push_str(" => Some(ErrorCode::");
    out.push_str(&code.variant);
    out.push_str("),\n");
}

/// `head[`, the numbers [`NUMBERS_PER_LINE`] to a line, and `]tail`, with a line break.
pub(super) fn print_numbers<T: Copy>(
    out: &mut String,
    indent: usize,
    head: &str,
    values: &[T],
    tail: &str,
    push: impl Fn(&mut String, T),
) {
    push_indent(out, indent);
    out.push_str(head);
    out.push('[');
    for line in values.chunks(NUMBERS_PER_LINE) {
        out.push('\n');
        push_indent(out, indent + INDENT);
        for (i, &value) in line.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            push(out, value);
            out.push(',');
        }
    }
    if !values.is_empty() {
        out.push('\n');
        push_indent(out, indent);
    }
    out.push(']');
    out.push_str(tail);
    out.push('\n');
}

/// A string literal: `"`, `\` and every character `char::escape_debug` escapes (control
/// and invisible characters) escaped, `'` as is.
pub(in crate::emit::rust) fn push_literal(out: &mut String, value: &str) {
    out.push('"');
    let mut rest = value;
    // Runs of printable ASCII, most of any text, are copied whole.
    while let Some(at) = rest
        .bytes()
        .position(|b| !(b' '..=b'~').contains(&b) || b == b'"' || b == b'\\')
    {
        out.push_str(&rest[..at]);
        let mut chars = rest[at..].chars();
        match chars.next().expect("a character at a char boundary") {
            '\'' => out.push('\''),
            c => out.extend(c.escape_debug()),
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    out.push('"');
}

/// `Some(value)`, with `push` writing the value, or `None`.
pub(in crate::emit::rust) fn push_option<T>(
    out: &mut String,
    value: Option<T>,
    push: impl FnOnce(&mut String, T),
) {
    match value {
        Some(value) => {
            out.push_str("Some(");
            push(out, value);
            out.push(')');
        }
        None => out.push_str("None"),
    }
}

/// `/// line` (trailing spaces trimmed; no doc line the generator writes has a break).
pub(super) fn print_doc(out: &mut String, indent: usize, line: &str) {
    debug_assert!(!line.contains('\n'));
    push_indent(out, indent);
    out.push_str("///");
    if !line.is_empty() {
        out.push(' ');
        out.push_str(line.trim_end_matches(' '));
    }
    out.push('\n');
}

pub(super) fn print_variant(
    out: &mut String,
    indent: usize,
    catalog: &Catalog,
    code: &Code,
    buffer: &mut String,
) {
    variant_doc_lines(catalog, code, buffer, |line| print_doc(out, indent, line));
    if let Some((since, note)) = deprecation(catalog, code) {
        push_indent(out, indent);
        out.push_str("#[deprecated(since = ");
        push_literal(out, &since);
        out.push_str(", note = ");
        push_literal(out, &note);
        out.push_str(")]\n");
    }
    push_indent(out, indent);
    out.push_str(&code.variant);
    out.push_str(",\n");
}

/// `name: value,` on a line of its own, `push` writing the value.
fn print_field(out: &mut String, indent: usize, name: &str, push: impl FnOnce(&mut String)) {
    push_indent(out, indent);
    out.push_str(name);
    out.push_str(": ");
    push(out);
    out.push_str(",\n");
}

/// A row of `tables::CODES`: a `CodeMeta` literal with one field a line.
pub(super) fn print_code_row(out: &mut String, indent: usize, catalog: &Catalog, code: &Code) {
    push_indent(out, indent);
    out.push_str("CodeMeta {\n");
    for field in &CODE_META {
        print_field(out, indent + INDENT, field.name, |out| {
            (field.print)(out, catalog, code);
        });
    }
    push_indent(out, indent);
    out.push('}');
}

/// A row of `tables::FAMILIES`, its fields `FamilyMeta`'s.
pub(super) fn print_family_row(
    out: &mut Blocks<'_>,
    indent: usize,
    catalog: &Catalog,
    family: &Family,
) {
    let field = indent + INDENT;
    push_indent(out, indent);
    out.push_str("FamilyMeta {\n");
    print_field(out, field, "id", |out| push_literal(out, &family.id));
    print_field(out, field, "title", |out| push_literal(out, &family.title));
    print_field(out, field, "description", |out| {
        push_option(out, family.description.as_deref(), push_literal);
    });
    let codes = catalog.codes_of(family);
    print_list(out, field, "codes: &", codes, ",", code_path);
    out.push('\n');
    push_indent(out, indent);
    out.push('}');
}

/// One arm of the switch on the length: the one code of that length, or the `match`
/// on bytes that picks the code of that length the string can be.
pub(super) fn print_switch_arm(out: &mut String, indent: usize, len: usize, node: &Node) {
    push_indent(out, indent);
    if let Node::Key(_) = node {
        let _ = writeln!(out, "{len} => one_of(bytes, &tables::LENGTH_{len}, 0),");
        return;
    }
    let _ = writeln!(out, "{len} => {{");
    print_index(out, indent + INDENT, "let index = ", node, &mut 0, ";");
    push_indent(out, indent + INDENT);
    let _ = writeln!(out, "one_of(bytes, &tables::LENGTH_{len}, index)");
    push_indent(out, indent);
    out.push_str("}\n");
}

/// The `match` that gives a code's place in its length's table from the bytes `node`
/// switches on, as a line starting with `head` and ending with `tail`. The table lists
/// the codes in the tree's order, so a leaf's place is the number of leaves before it:
/// `next`, counted as the arms are printed in that order.
fn print_index(
    out: &mut String,
    indent: usize,
    head: &str,
    node: &Node,
    next: &mut usize,
    tail: &str,
) {
    let Node::Byte { position, branches } = node else {
        unreachable!("an index `match` is printed for a switch on a byte");
    };
    push_indent(out, indent);
    let _ = writeln!(out, "{head}match bytes[{position}] {{");
    let arm = indent + INDENT;
    for (i, (byte, branch)) in branches.iter().enumerate() {
        push_indent(out, arm);
        // The last branch takes every other byte too: a string with a byte no code has
        // there fails the comparison anyway, and a `match` without a miss arm compiles
        // to a table read instead of a jump.
        if i + 1 == branches.len() {
            out.push('_');
        } else {
            // Wire strings hold only letters, digits, `_`, `-`, `.` and `/`.
            debug_assert!(byte.is_ascii_graphic() && *byte != b'\'' && *byte != b'\\');
            let _ = write!(out, "b'{}'", char::from(*byte));
        }
        match branch {
            Node::Key(_) => {
                let _ = writeln!(out, " => {next},");
                *next += 1;
            }
            Node::Byte { .. } => {
                out.push_str(" => {\n");
                print_index(out, arm + INDENT, "", branch, next, "");
                push_indent(out, arm);
                out.push_str("}\n");
            }
        }
    }
    push_indent(out, indent);
    out.push('}');
    out.push_str(tail);
    out.push('\n');
}

/// One of the switch's tables: the codes `len` bytes long, in the order `from_wire`
/// picks them.
pub(super) fn print_length_table(
    out: &mut Blocks<'_>,
    indent: usize,
    catalog: &Catalog,
    len: usize,
    node: &Node,
) {
    let bytes = if len == 1 { "byte" } else { "bytes" };
    let doc = format!(
        "The codes whose wire string is {len} {bytes} long, in the order `from_wire` picks them."
    );
    print_doc(out, indent, &doc);
    let keys = node.keys();
    if keys
        .iter()
        .any(|&key| catalog.codes[key].deprecated.is_some())
    {
        push_indent(out, indent);
        out.push_str("#[allow(deprecated)]\n");
    }
    let head = format!(
        "pub(crate) const LENGTH_{len}: [(&[u8; {len}], ErrorCode); {}] = ",
        keys.len()
    );
    let codes = keys.iter().map(|&key| &catalog.codes[key]);
    print_list(out, indent, &head, codes, ";", |out, indent, code| {
        // Wire strings are printable ASCII, never `"` or `\`.
        push_indent(out, indent);
        let _ = write!(out, "(b\"{}\", ErrorCode::{})", code.wire, code.variant);
    });
    out.push('\n');
}

pub(super) fn print_docs_url(out: &mut String, indent: usize, code: &Code) {
    print_doc(out, indent, &docs_url_doc(code));
    push_indent(out, indent);
    out.push_str("pub const ");
    out.push_str(&code.constant);
    out.push_str(": &str = ");
    push_literal(out, &code.docs_url);
    out.push_str(";\n");
}
