//! The printers of `Error`'s per-code lists and of the `details` types (see [`super`]):
//! its variants with their typed fields, the arms of `code()`, `Display` and the JSON
//! conversions, and each object or enum type a detail declares.
//!
//! A detail is bound in the arms as its field with a `_` after it (`field_`): a field is
//! snake_case words, never ending in `_`, so no binding can shadow the arms' own names
//! (the formatter `f`, the map `details`) or another binding.

use std::fmt::Write as _;

use super::print::{print_doc, push_indent, push_literal};
use super::INDENT;
use crate::emit::rust::DOC_WIDTH;
use crate::emit::Blocks;
use crate::model::details::{named_types, Detail, DetailType, Piece};
use crate::model::{Catalog, Code};
use crate::text;

/// The Rust type of a detail's value; `path` leads to the `details` module.
fn rust_type(ty: &DetailType, path: &str) -> String {
    match ty {
        DetailType::String => "String".to_owned(),
        DetailType::Integer => "i64".to_owned(),
        DetailType::Number => "f64".to_owned(),
        DetailType::Boolean => "bool".to_owned(),
        DetailType::Enum(enum_type) => format!("{path}{}", enum_type.name),
        DetailType::Object(object) => format!("{path}{}", object.name),
        DetailType::List(item) => format!("Vec<{}>", rust_type(item, path)),
    }
}

/// A field's type, `Option` around it when the detail is optional.
fn field_type(detail: &Detail, path: &str) -> String {
    let ty = rust_type(&detail.ty, path);
    if detail.optional {
        format!("Option<{ty}>")
    } else {
        ty
    }
}

/// Doc lines of `text`, wrapped, each printed at `indent`.
fn print_docs(out: &mut String, indent: usize, text: &str) {
    let mut buffer = String::new();
    text::push_inline_words(&mut buffer, text);
    text::for_each_wrapped(&buffer, DOC_WIDTH, |line| print_doc(out, indent, line));
}

/// A detail's doc: its description, and its wire key when the field is named otherwise.
fn print_field_docs(out: &mut String, indent: usize, detail: &Detail) {
    let description = detail.description.as_deref().unwrap_or("");
    let wire = if detail.field.trim_start_matches("r#") == detail.key {
        String::new()
    } else {
        format!(" (`{}` on the wire)", detail.key)
    };
    let line = match (description.is_empty(), wire.is_empty()) {
        (true, true) => format!("The `{}` detail.", detail.key),
        (true, false) => format!("The `{}` detail.", detail.key),
        (false, true) => description.to_owned(),
        (false, false) => format!("{}{wire}.", description.trim_end_matches('.')),
    };
    print_docs(out, indent, &line);
}

/// A variant of `Error`: its docs, then `Name,` or `Name { fields },`.
pub(super) fn print_error_variant(out: &mut String, indent: usize, code: &Code) {
    print_docs(out, indent, &code.description);
    print_doc(out, indent, "");
    print_doc(
        out,
        indent,
        &format!(
            "The error of [`ErrorCode::{}`] (`{}`, HTTP {}).",
            code.variant, code.wire, code.status
        ),
    );
    push_indent(out, indent);
    out.push_str(&code.variant);
    if code.details.is_empty() {
        out.push_str(",\n");
        return;
    }
    out.push_str(" {\n");
    for detail in &code.details {
        print_field_docs(out, indent + INDENT, detail);
        push_indent(out, indent + INDENT);
        let _ = writeln!(
            out,
            "{}: {},",
            detail.field,
            field_type(detail, "details::")
        );
    }
    push_indent(out, indent);
    out.push_str("},\n");
}

/// `Error::Name { .. } => ErrorCode::Name,`: an arm of `Error::code`.
pub(super) fn print_code_arm(out: &mut String, indent: usize, code: &Code) {
    push_indent(out, indent);
    let rest = if code.details.is_empty() {
        ""
    } else {
        " { .. }"
    };
    let _ = writeln!(out, "Error::{0}{rest} => ErrorCode::{0},", code.variant);
}

/// The name a detail is bound to in an arm.
fn binding(detail: &Detail) -> String {
    format!("{}_", detail.field.trim_start_matches("r#"))
}

/// The pattern of `code`'s variant binding the details at `used`.
fn pattern(code: &Code, used: &[usize]) -> String {
    if code.details.is_empty() {
        return format!("Error::{}", code.variant);
    }
    if used.is_empty() {
        return format!("Error::{} {{ .. }}", code.variant);
    }
    let bindings: Vec<String> = used
        .iter()
        .map(|&i| format!("{}: {}", code.details[i].field, binding(&code.details[i])))
        .collect();
    let rest = if used.len() < code.details.len() {
        ", .."
    } else {
        ""
    };
    format!(
        "Error::{} {{ {}{rest} }}",
        code.variant,
        bindings.join(", ")
    )
}

/// An arm of `Display` for a code with a template: each piece written in turn.
pub(super) fn print_display_arm(out: &mut String, indent: usize, code: &Code) {
    let Some(template) = &code.template else {
        return;
    };
    let mut used: Vec<usize> = template
        .pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Detail(i) => Some(*i),
            Piece::Text(_) => None,
        })
        .collect();
    used.sort_unstable();
    used.dedup();
    push_indent(out, indent);
    let _ = writeln!(out, "{} => {{", pattern(code, &used));
    let inner = indent + INDENT;
    for piece in &template.pieces {
        match piece {
            Piece::Text(literal) => {
                push_indent(out, inner);
                out.push_str("f.write_str(");
                push_literal(out, literal);
                out.push_str(")?;\n");
            }
            Piece::Detail(i) => {
                let detail = &code.details[*i];
                print_value_write(out, inner, &detail.ty, &binding(detail));
            }
        }
    }
    push_indent(out, inner);
    out.push_str("Ok(())\n");
    push_indent(out, indent);
    out.push_str("}\n");
}

/// Writes the value `binding` (a reference) of type `ty` as a message shows it.
fn print_value_write(out: &mut String, indent: usize, ty: &DetailType, binding: &str) {
    push_indent(out, indent);
    match ty {
        DetailType::String => {
            let _ = writeln!(out, "f.write_str({binding})?;");
        }
        DetailType::Enum(_) => {
            let _ = writeln!(out, "f.write_str({binding}.as_str())?;");
        }
        DetailType::List(item) => {
            let _ = writeln!(out, "for (i, item) in {binding}.iter().enumerate() {{");
            push_indent(out, indent + INDENT);
            out.push_str("if i > 0 {\n");
            push_indent(out, indent + 2 * INDENT);
            out.push_str("f.write_str(\", \")?;\n");
            push_indent(out, indent + INDENT);
            out.push_str("}\n");
            print_value_write(out, indent + INDENT, item, "item");
            push_indent(out, indent);
            out.push_str("}\n");
        }
        // Integers, numbers and booleans through a fresh `{}`, so a width or precision
        // the caller gave the whole message does not reach the value.
        DetailType::Integer | DetailType::Number | DetailType::Boolean | DetailType::Object(_) => {
            let _ = writeln!(out, "write!(f, \"{{}}\", {binding})?;");
        }
    }
}

/// The object and enum types of `code`'s details, each with its docs and impls.
/// `first` is whether no type has been printed yet: types are a blank line apart.
pub(super) fn print_detail_types(
    out: &mut Blocks<'_>,
    indent: usize,
    code: &Code,
    first: &mut bool,
) {
    for ty in named_types(&code.details) {
        if !std::mem::take(first) {
            out.push('\n');
        }
        match ty {
            DetailType::Object(object) => {
                let doc = object.description.clone().unwrap_or_else(|| {
                    format!(
                        "An object of the details of [`Error::{}`](super::Error::{0}).",
                        code.variant
                    )
                });
                print_docs(out, indent, &doc);
                push_indent(out, indent);
                out.push_str("#[derive(Clone, Debug, PartialEq)]\n");
                push_indent(out, indent);
                let _ = writeln!(out, "pub struct {} {{", object.name);
                for field in &object.fields {
                    print_field_docs(out, indent + INDENT, field);
                    push_indent(out, indent + INDENT);
                    let _ = writeln!(out, "pub {}: {},", field.field, field_type(field, ""));
                }
                push_indent(out, indent);
                out.push_str("}\n");
            }
            DetailType::Enum(enum_type) => print_enum_type(out, indent, code, enum_type),
            _ => {}
        }
    }
}

fn print_enum_type(
    out: &mut String,
    indent: usize,
    code: &Code,
    enum_type: &crate::model::details::EnumType,
) {
    let doc = enum_type.description.clone().unwrap_or_else(|| {
        format!(
            "A value of the details of [`Error::{}`](super::Error::{0}).",
            code.variant
        )
    });
    let name = &enum_type.name;
    print_docs(out, indent, &doc);
    push_indent(out, indent);
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n");
    push_indent(out, indent);
    let _ = writeln!(out, "pub enum {name} {{");
    for value in &enum_type.values {
        print_doc(out, indent + INDENT, &format!("`{}`", value.wire));
        push_indent(out, indent + INDENT);
        let _ = writeln!(out, "{},", value.variant);
    }
    push_indent(out, indent);
    out.push_str("}\n\n");
    push_indent(out, indent);
    let _ = writeln!(out, "impl {name} {{");
    let inner = indent + INDENT;
    print_doc(out, inner, "The value as it is on the wire.");
    push_indent(out, inner);
    out.push_str("pub fn as_str(self) -> &'static str {\n");
    push_indent(out, inner + INDENT);
    out.push_str("match self {\n");
    for value in &enum_type.values {
        push_indent(out, inner + 2 * INDENT);
        let _ = write!(out, "{name}::{} => ", value.variant);
        push_literal(out, &value.wire);
        out.push_str(",\n");
    }
    push_indent(out, inner + INDENT);
    out.push_str("}\n");
    push_indent(out, inner);
    out.push_str("}\n\n");
    print_doc(out, inner, "The value of this wire string, if it is one.");
    push_indent(out, inner);
    out.push_str("pub fn from_wire(value: &str) -> Option<Self> {\n");
    push_indent(out, inner + INDENT);
    out.push_str("match value {\n");
    for value in &enum_type.values {
        push_indent(out, inner + 2 * INDENT);
        push_literal(out, &value.wire);
        let _ = writeln!(out, " => Some({name}::{}),", value.variant);
    }
    push_indent(out, inner + 2 * INDENT);
    out.push_str("_ => None,\n");
    push_indent(out, inner + INDENT);
    out.push_str("}\n");
    push_indent(out, inner);
    out.push_str("}\n");
    push_indent(out, indent);
    out.push_str("}\n\n");
    push_indent(out, indent);
    let _ = writeln!(out, "impl ::core::fmt::Display for {name} {{");
    print_doc(out, inner, "Writes the wire string.");
    push_indent(out, inner);
    out.push_str("fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {\n");
    push_indent(out, inner + INDENT);
    out.push_str("f.write_str(self.as_str())\n");
    push_indent(out, inner);
    out.push_str("}\n");
    push_indent(out, indent);
    out.push_str("}\n");
}

/// An arm of `Error::details` for a code with details: each detail put in the map.
pub(super) fn print_to_json_arm(out: &mut String, indent: usize, code: &Code) {
    if code.details.is_empty() {
        return;
    }
    let all: Vec<usize> = (0..code.details.len()).collect();
    push_indent(out, indent);
    let _ = writeln!(out, "{} => {{", pattern(code, &all));
    for detail in &code.details {
        print_insert(out, indent + INDENT, "details", detail, &binding(detail));
    }
    push_indent(out, indent);
    out.push_str("}\n");
}

/// `map.insert("key".into(), value.to_json());`, only when an optional value is there.
fn print_insert(out: &mut String, indent: usize, map: &str, detail: &Detail, value: &str) {
    push_indent(out, indent);
    if detail.optional {
        let _ = write!(out, "if let Some(value) = {value} {{ {map}.insert(");
        push_literal(out, &detail.key);
        out.push_str(".into(), value.to_json()); }\n");
    } else {
        let _ = write!(out, "{map}.insert(");
        push_literal(out, &detail.key);
        let _ = writeln!(out, ".into(), {value}.to_json());");
    }
}

/// An arm of `Error::from_details`: the code's variant with each detail read.
pub(super) fn print_from_json_arm(out: &mut String, indent: usize, code: &Code) {
    push_indent(out, indent);
    if code.details.is_empty() {
        let _ = writeln!(out, "ErrorCode::{0} => Error::{0},", code.variant);
        return;
    }
    let _ = writeln!(out, "ErrorCode::{0} => Error::{0} {{", code.variant);
    for detail in &code.details {
        push_indent(out, indent + INDENT);
        let reader = if detail.optional {
            "optional"
        } else {
            "required"
        };
        let _ = write!(out, "{}: {reader}(details, code, ", detail.field);
        push_literal(out, &detail.key);
        out.push_str(")?,\n");
    }
    push_indent(out, indent);
    out.push_str("},\n");
}

/// `ToJson` and `FromJson` of the object and enum types of `code`'s details.
pub(super) fn print_json_impls(out: &mut Blocks<'_>, indent: usize, code: &Code, first: &mut bool) {
    for ty in named_types(&code.details) {
        if !std::mem::take(first) {
            out.push('\n');
        }
        match ty {
            DetailType::Object(object) => {
                let name = &object.name;
                push_indent(out, indent);
                let _ = writeln!(out, "impl ToJson for details::{name} {{");
                push_indent(out, indent + INDENT);
                out.push_str("fn to_json(&self) -> ::serde_json::Value {\n");
                let inner = indent + 2 * INDENT;
                push_indent(out, inner);
                out.push_str("let mut object = ::serde_json::Map::new();\n");
                for field in &object.fields {
                    let value = if field.optional {
                        format!("&self.{}", field.field)
                    } else {
                        format!("self.{}", field.field)
                    };
                    print_insert(out, inner, "object", field, &value);
                }
                push_indent(out, inner);
                out.push_str("::serde_json::Value::Object(object)\n");
                push_indent(out, indent + INDENT);
                out.push_str("}\n");
                push_indent(out, indent);
                out.push_str("}\n\n");
                push_indent(out, indent);
                let _ = writeln!(out, "impl FromJson for details::{name} {{");
                push_indent(out, indent + INDENT);
                out.push_str("fn from_json(value: &::serde_json::Value) -> Option<Self> {\n");
                push_indent(out, inner);
                out.push_str("let object = value.as_object()?;\n");
                push_indent(out, inner);
                let _ = writeln!(out, "Some(details::{name} {{");
                for field in &object.fields {
                    push_indent(out, inner + INDENT);
                    let reader = if field.optional {
                        "optional_member"
                    } else {
                        "member"
                    };
                    let _ = write!(out, "{}: {reader}(object, ", field.field);
                    push_literal(out, &field.key);
                    out.push_str(")?,\n");
                }
                push_indent(out, inner);
                out.push_str("})\n");
                push_indent(out, indent + INDENT);
                out.push_str("}\n");
                push_indent(out, indent);
                out.push_str("}\n");
            }
            DetailType::Enum(enum_type) => {
                let name = &enum_type.name;
                push_indent(out, indent);
                let _ = writeln!(out, "impl ToJson for details::{name} {{");
                push_indent(out, indent + INDENT);
                out.push_str("fn to_json(&self) -> ::serde_json::Value {\n");
                push_indent(out, indent + 2 * INDENT);
                out.push_str("::serde_json::Value::String(self.as_str().into())\n");
                push_indent(out, indent + INDENT);
                out.push_str("}\n");
                push_indent(out, indent);
                out.push_str("}\n\n");
                push_indent(out, indent);
                let _ = writeln!(out, "impl FromJson for details::{name} {{");
                push_indent(out, indent + INDENT);
                out.push_str("fn from_json(value: &::serde_json::Value) -> Option<Self> {\n");
                push_indent(out, indent + 2 * INDENT);
                let _ = writeln!(out, "details::{name}::from_wire(value.as_str()?)");
                push_indent(out, indent + INDENT);
                out.push_str("}\n");
                push_indent(out, indent);
                out.push_str("}\n");
            }
            _ => {}
        }
    }
}

/// Whether any code has a template, so `Display` has arms of its own.
pub(in crate::emit::rust) fn has_templates(catalog: &Catalog) -> bool {
    catalog.codes.iter().any(|code| code.template.is_some())
}
