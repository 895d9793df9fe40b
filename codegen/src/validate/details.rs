//! A code's `details` and `message`: wire keys and the Rust names they become, types and
//! the keys each type needs, examples against their types, and the template's
//! placeholders against the details.

use crate::fast_hash::HashMap;

use super::{did_you_mean, Validator};
use crate::diagnostics::{Diagnostic, Span};
use crate::format::{detail_type_names, DetailKind, DetailValue, PROBLEM_MEMBERS};
use crate::load::{RawDetails, RawSpec, RawTemplate, RawValue, Spanned};
use crate::naming;

/// A detail that passed its checks.
pub(crate) struct ValidatedDetail {
    pub(crate) key: String,
    pub(crate) description: Option<String>,
    pub(crate) optional: bool,
    pub(crate) ty: ValidatedType,
    pub(crate) example: Option<DetailValue>,
}

/// A detail's type that passed its checks.
pub(crate) enum ValidatedType {
    /// `string`, `integer`, `number` or `boolean`.
    Scalar(DetailKind),
    /// `enum`, with its values.
    Enum(Vec<String>),
    /// `list`, with its items' type.
    List(Box<ValidatedType>),
    /// `object`, with its fields.
    Object(Vec<ValidatedDetail>),
}

impl ValidatedType {
    fn expected(&self) -> String {
        match self {
            ValidatedType::Scalar(DetailKind::String) => "text".to_owned(),
            ValidatedType::Scalar(DetailKind::Integer) => "an integer".to_owned(),
            ValidatedType::Scalar(DetailKind::Number) => "a number".to_owned(),
            ValidatedType::Scalar(_) => "`true` or `false`".to_owned(),
            ValidatedType::Enum(values) => format!("one of {}", backticked(values)),
            ValidatedType::List(_) => "a list".to_owned(),
            ValidatedType::Object(_) => "a mapping of the object's fields".to_owned(),
        }
    }

    fn is_printable(&self) -> bool {
        match self {
            ValidatedType::List(item) => {
                matches!(**item, ValidatedType::Scalar(_) | ValidatedType::Enum(_))
            }
            ValidatedType::Object(_) => false,
            ValidatedType::Scalar(_) | ValidatedType::Enum(_) => true,
        }
    }
}

/// A message template that passed its checks.
pub(crate) struct ValidatedTemplate {
    pub(crate) text: String,
    pub(crate) pieces: Vec<TemplatePiece>,
}

/// A piece of a [`ValidatedTemplate`].
pub(crate) enum TemplatePiece {
    /// Literal text, braces unescaped.
    Text(String),
    /// The detail at this index of the code's details.
    Detail(usize),
}

/// The names of the generated `details` types claimed so far, which must be unique in
/// the crate.
#[derive(Default)]
pub(crate) struct TypeNames {
    claimed: HashMap<String, Span>,
}

/// Where a detail's checks run: the code's `ErrorCode` variant, which names its types,
/// and whether the problem members are reserved.
pub(crate) struct DetailsContext<'n> {
    pub(crate) variant: String,
    pub(crate) has_problem: bool,
    pub(crate) names: &'n mut TypeNames,
}

impl Validator<'_> {
    /// A code's `details`; an empty list when it has none, `None` when any failed.
    pub(super) fn code_details(
        &mut self,
        raw: Option<&Spanned<RawDetails>>,
        context: &mut DetailsContext<'_>,
    ) -> Option<Vec<ValidatedDetail>> {
        let Some(raw) = raw else {
            return Some(Vec::new());
        };
        if raw.value.is_empty() {
            self.error(
                Diagnostic::warning("`details` is empty", raw.span)
                    .label("no details")
                    .help("remove `details`, or give the facts an occurrence carries"),
            );
        }
        let variant = context.variant.clone();
        self.detail_map(raw, &variant, true, context)
    }

    /// `details` or an object's `fields`: each key and its spec.
    fn detail_map(
        &mut self,
        raw: &Spanned<RawDetails>,
        owner: &str,
        top_level: bool,
        context: &mut DetailsContext<'_>,
    ) -> Option<Vec<ValidatedDetail>> {
        let mut fields: HashMap<String, &Spanned<String>> = HashMap::default();
        let mut all_passed = true;
        let mut details = Vec::with_capacity(raw.value.len());
        for (key, spec) in &raw.value {
            let key_passed = self.detail_key(key, &mut fields, top_level && context.has_problem);
            let ty_name = format!("{owner}{}", naming::variant_name(&key.value));
            let detail = self.detail(key, spec, ty_name, context);
            match detail {
                Some(detail) if key_passed => details.push(detail),
                _ => all_passed = false,
            }
        }
        all_passed.then_some(details)
    }

    /// A wire key: its form, its Rust field unique among its neighbours', and no
    /// problem member.
    fn detail_key<'r>(
        &mut self,
        key: &'r Spanned<String>,
        fields: &mut HashMap<String, &'r Spanned<String>>,
        reserve_problem_members: bool,
    ) -> bool {
        let well_formed = key.value.starts_with(|c: char| c.is_ascii_alphabetic())
            && key
                .value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !well_formed {
            self.error(
                Diagnostic::error(format!("invalid detail key {:?}", key.value), key.span)
                    .label("not a detail key")
                    .note("a detail key starts with an ASCII letter, then ASCII letters, digits or `_`"),
            );
            return false;
        }
        if reserve_problem_members && PROBLEM_MEMBERS.contains(&key.value.as_str()) {
            self.error(
                Diagnostic::error(
                    format!(
                        "detail `{}` clashes with the problem member `{}`",
                        key.value, key.value
                    ),
                    key.span,
                )
                .label("the `problem` envelope puts details beside its own members")
                .note(format!(
                    "a problem's own members are {}",
                    backticked(&PROBLEM_MEMBERS)
                ))
                .help("rename the detail"),
            );
            return false;
        }
        let Some(field) = naming::field_name(&key.value) else {
            self.error(
                Diagnostic::error(
                    format!("detail `{}` cannot be a Rust field", key.value),
                    key.span,
                )
                .label("becomes a Rust keyword no raw identifier can spell")
                .help("rename the detail"),
            );
            return false;
        };
        if let Some(first) = fields.get(&field) {
            self.error(
                Diagnostic::error(
                    format!(
                        "details `{}` and `{}` both become the Rust field `{field}`",
                        first.value, key.value
                    ),
                    key.span,
                )
                .label("collides with an earlier detail")
                .note_at("the earlier detail", first.span)
                .help("Rust names ignore case and separators; rename one of the two"),
            );
            return false;
        }
        fields.insert(field, key);
        true
    }

    /// One detail: its spec, then its description, `optional` and example.
    fn detail(
        &mut self,
        key: &Spanned<String>,
        spec: &RawSpec,
        ty_name: String,
        context: &mut DetailsContext<'_>,
    ) -> Option<ValidatedDetail> {
        let ty = self.spec(spec, ty_name, context);
        let description = spec
            .description
            .as_ref()
            .map(|d| self.text(Some(d), "description"));
        let example = match (&ty, &spec.example) {
            (Some(ty), Some(example)) => Some(self.example(example, ty, &key.value)),
            _ => None,
        };
        Some(ValidatedDetail {
            key: key.value.clone(),
            description: super::optional(description)?,
            optional: spec.optional.as_ref().is_some_and(|o| o.value),
            ty: ty?,
            example: super::optional(example)?,
        })
    }

    /// A type and the keys it needs: `items`, `fields` or `values`, each only where it
    /// belongs.
    fn spec(
        &mut self,
        spec: &RawSpec,
        ty_name: String,
        context: &mut DetailsContext<'_>,
    ) -> Option<ValidatedType> {
        let written = spec.ty.as_ref()?;
        let Some(kind) = DetailKind::named(&written.value) else {
            self.error(
                Diagnostic::error(
                    format!("unknown detail type `{}`", written.value),
                    written.span,
                )
                .label("not a detail type")
                .note(format!(
                    "the types are {}",
                    detail_type_names()
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .maybe_help(did_you_mean(&written.value, detail_type_names())),
            );
            return None;
        };
        let misplaced = |validator: &mut Self, key: &str, span: Option<Span>, owner: &str| {
            if let Some(span) = span {
                validator.error(
                    Diagnostic::error(
                        format!(
                            "`{key}` belongs to {} detail, not {} one",
                            a(owner),
                            a(&written.value)
                        ),
                        span,
                    )
                    .label(format!("this detail is a `{}`", written.value))
                    .help(format!("remove `{key}`, or make the type `{owner}`")),
                );
                false
            } else {
                true
            }
        };
        let fits = [
            (kind != DetailKind::List)
                .then(|| misplaced(self, "items", spec.items.as_ref().map(|i| i.span), "list")),
            (kind != DetailKind::Object).then(|| {
                misplaced(
                    self,
                    "fields",
                    spec.fields.as_ref().map(|f| f.span),
                    "object",
                )
            }),
            (kind != DetailKind::Enum)
                .then(|| misplaced(self, "values", spec.values.as_ref().map(|v| v.span), "enum")),
        ];
        if fits.contains(&Some(false)) {
            return None;
        }
        let needs = |validator: &mut Self, key: &str, example: &str| {
            validator.error(
                Diagnostic::error(
                    format!("{} detail needs `{key}`", a(&written.value)),
                    written.span,
                )
                .label(format!("no `{key}` for this `{}`", written.value))
                .help(format!("give it `{key}`, e.g. `{example}`")),
            );
            None
        };
        match kind {
            DetailKind::String | DetailKind::Integer | DetailKind::Number | DetailKind::Boolean => {
                Some(ValidatedType::Scalar(kind))
            }
            DetailKind::Enum => {
                let Some(values) = &spec.values else {
                    return needs(self, "values", "values: [ground, air]");
                };
                let values = self.enum_values(values)?;
                self.claim_type(ty_name, written.span, context)?;
                Some(ValidatedType::Enum(values))
            }
            DetailKind::List => {
                let Some(items) = &spec.items else {
                    return needs(self, "items", "items: string");
                };
                self.item_spec(items)?;
                let item = self.spec(items, ty_name, context)?;
                Some(ValidatedType::List(Box::new(item)))
            }
            DetailKind::Object => {
                let Some(fields) = &spec.fields else {
                    return needs(self, "fields", "fields: {field: string}");
                };
                if fields.value.is_empty() {
                    self.error(
                        Diagnostic::error("an object detail needs at least one field", fields.span)
                            .label("no fields"),
                    );
                    return None;
                }
                let claimed = self.claim_type(ty_name.clone(), written.span, context);
                let fields = self.detail_map(fields, &ty_name, false, context)?;
                claimed?;
                Some(ValidatedType::Object(fields))
            }
        }
    }

    /// An item spec says what each item is; being optional or having an example is the
    /// list's business.
    fn item_spec(&mut self, items: &RawSpec) -> Option<()> {
        let misplaced = [
            items.optional.as_ref().map(|o| ("optional", o.span)),
            items.example.as_ref().map(|e| ("example", e.span)),
        ];
        let mut passed = true;
        for (key, span) in misplaced.into_iter().flatten() {
            passed = false;
            self.error(
                Diagnostic::error(format!("`{key}` does not belong in `items`"), span)
                    .label("an item of a list")
                    .help(format!("give `{key}` on the list itself")),
            );
        }
        passed.then_some(())
    }

    /// An enum's values: each like a wire string, distinct, their Rust variants too.
    fn enum_values(&mut self, values: &Spanned<Vec<Spanned<String>>>) -> Option<Vec<String>> {
        if values.value.is_empty() {
            self.error(
                Diagnostic::error("an enum detail needs at least one value", values.span)
                    .label("no values"),
            );
            return None;
        }
        let mut variants: HashMap<String, &Spanned<String>> = HashMap::default();
        let mut passed = true;
        for value in &values.value {
            if super::codes::check_wire(&value.value).is_err() {
                self.error(
                    Diagnostic::error(format!("invalid enum value {:?}", value.value), value.span)
                        .label("not an enum value")
                        .note("an enum value starts with an ASCII letter, then ASCII letters, digits, `_`, `-`, `.` or `/`"),
                );
                passed = false;
                continue;
            }
            let variant = naming::variant_name(&value.value);
            if naming::is_keyword(&variant) {
                self.error(
                    Diagnostic::error(
                        format!(
                            "enum value {:?} becomes the Rust keyword `{variant}`",
                            value.value
                        ),
                        value.span,
                    )
                    .label("cannot be an enum variant")
                    .help("choose another value"),
                );
                passed = false;
            } else if let Some(first) = variants.get(&variant) {
                let message = if first.value == value.value {
                    format!("enum value {:?} is listed twice", value.value)
                } else {
                    format!(
                        "enum values {:?} and {:?} both become the variant `{variant}`",
                        first.value, value.value
                    )
                };
                self.error(
                    Diagnostic::error(message, value.span)
                        .label("collides with an earlier value")
                        .note_at("the earlier value", first.span)
                        .help("Rust names ignore case and separators; remove or rename one"),
                );
                passed = false;
            } else {
                variants.insert(variant, value);
            }
        }
        passed.then(|| values.value.iter().map(|v| v.value.clone()).collect())
    }

    /// Claims a generated type's name, which no other detail's may be.
    fn claim_type(
        &mut self,
        name: String,
        span: Span,
        context: &mut DetailsContext<'_>,
    ) -> Option<()> {
        if let Some(&first) = context.names.claimed.get(&name) {
            self.error(
                Diagnostic::error(format!("two details both become the type `details::{name}`"), span)
                    .label("names this type")
                    .note_at("so does this detail", first)
                    .help("a generated type is named by the code's variant and the detail's key; rename one of the two details"),
            );
            return None;
        }
        context.names.claimed.insert(name, span);
        Some(())
    }

    /// An example, typed by its detail's type.
    fn example(
        &mut self,
        value: &Spanned<RawValue>,
        ty: &ValidatedType,
        key: &str,
    ) -> Option<DetailValue> {
        let typed = match (ty, &value.value) {
            (ValidatedType::Scalar(kind), RawValue::Scalar { text, plain }) => {
                scalar_value(*kind, text, *plain)
            }
            (ValidatedType::Enum(values), RawValue::Scalar { text, .. }) => {
                if values.contains(text) {
                    Some(DetailValue::String(text.clone()))
                } else {
                    self.error(
                        Diagnostic::error(
                            format!("the example of `{key}` is not one of its values"),
                            value.span,
                        )
                        .label(format!("expected {}", ty.expected()))
                        .maybe_help(did_you_mean(text, values.iter().map(String::as_str))),
                    );
                    return None;
                }
            }
            (ValidatedType::List(item), RawValue::List(items)) => {
                let typed: Vec<Option<DetailValue>> =
                    items.iter().map(|i| self.example(i, item, key)).collect();
                return typed
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .map(DetailValue::List);
            }
            (ValidatedType::Object(fields), RawValue::Object(entries)) => {
                return self.object_example(value.span, fields, entries, key);
            }
            _ => None,
        };
        if typed.is_none() {
            self.error(
                Diagnostic::error(
                    format!(
                        "the example of `{key}` must be {}, found {}",
                        ty.expected(),
                        found(&value.value)
                    ),
                    value.span,
                )
                .label(format!("expected {}", ty.expected())),
            );
        }
        typed
    }

    fn object_example(
        &mut self,
        span: Span,
        fields: &[ValidatedDetail],
        entries: &[(Spanned<String>, Spanned<RawValue>)],
        key: &str,
    ) -> Option<DetailValue> {
        let mut passed = true;
        for (name, _) in entries {
            if !fields.iter().any(|f| f.key == name.value) {
                passed = false;
                self.error(
                    Diagnostic::error(
                        format!(
                            "the example of `{key}` has `{}`, which is not one of its fields",
                            name.value
                        ),
                        name.span,
                    )
                    .label("no such field")
                    .note(format!(
                        "the fields are {}",
                        backticked(&fields.iter().map(|f| f.key.as_str()).collect::<Vec<_>>())
                    ))
                    .maybe_help(did_you_mean(
                        &name.value,
                        fields.iter().map(|f| f.key.as_str()),
                    )),
                );
            }
        }
        let mut typed = Vec::with_capacity(fields.len());
        for field in fields {
            match entries.iter().find(|(name, _)| name.value == field.key) {
                Some((_, value)) => match self.example(value, &field.ty, &field.key) {
                    Some(value) => typed.push((field.key.clone(), value)),
                    None => passed = false,
                },
                None if field.optional => {}
                None => {
                    passed = false;
                    self.error(
                        Diagnostic::error(
                            format!("the example of `{key}` has no `{}`", field.key),
                            span,
                        )
                        .label(format!("`{}` is a required field", field.key)),
                    );
                }
            }
        }
        passed.then_some(DetailValue::Object(typed))
    }

    /// `message`: its text, each placeholder naming a required, printable detail.
    pub(super) fn template(
        &mut self,
        raw: &RawTemplate,
        details: Option<&[ValidatedDetail]>,
        code: &str,
    ) -> Option<ValidatedTemplate> {
        let text = self.text(Some(&raw.text), "message")?;
        let lead = raw.text.value.len() - raw.text.value.trim_start().len();
        let pieces = parse_template(&text).map_err(|(range, problem)| {
            let span = raw.span_of(range.start + lead..range.end + lead);
            let (message, label, help) = problem.words();
            self.error(Diagnostic::error(message, span).label(label).help(help));
        });
        let pieces = pieces.ok()?;
        // When the details failed, what the placeholders name is unknown.
        let details = details?;
        let mut passed = true;
        let mut checked = Vec::with_capacity(pieces.len());
        for (range, piece) in pieces {
            match piece {
                Parsed::Text(text) => checked.push(TemplatePiece::Text(text)),
                Parsed::Placeholder(name) => {
                    let span = raw.span_of(range.start + lead..range.end + lead);
                    match self.placeholder(&name, span, details, code) {
                        Some(index) => checked.push(TemplatePiece::Detail(index)),
                        None => passed = false,
                    }
                }
            }
        }
        passed.then_some(ValidatedTemplate {
            text,
            pieces: checked,
        })
    }

    fn placeholder(
        &mut self,
        name: &str,
        span: Span,
        details: &[ValidatedDetail],
        code: &str,
    ) -> Option<usize> {
        let Some(index) = details.iter().position(|d| d.key == name) else {
            let keys = details.iter().map(|d| d.key.as_str());
            let help = did_you_mean(name, keys.clone()).unwrap_or_else(|| {
                if details.is_empty() {
                    format!("give `{code}` a detail `{name}` under `details`")
                } else {
                    format!(
                        "the details of `{code}` are {}",
                        backticked(&keys.collect::<Vec<_>>())
                    )
                }
            });
            self.error(
                Diagnostic::error(format!("`{{{name}}}` names no detail of `{code}`"), span)
                    .label("no such detail")
                    .help(help),
            );
            return None;
        };
        let detail = &details[index];
        if detail.optional {
            self.error(
                Diagnostic::error(format!("`{{{name}}}` names an optional detail"), span)
                    .label("an occurrence may leave it out")
                    .help(format!(
                        "make `{name}` required, or leave it out of the message"
                    )),
            );
            return None;
        }
        if !detail.ty.is_printable() {
            self.error(
                Diagnostic::error(format!("`{{{name}}}` names a detail a message cannot show"), span)
                    .label("an object, or a list of them")
                    .help("a message inserts strings, numbers, booleans, enum values and lists of them; leave the object to the details"),
            );
            return None;
        }
        Some(index)
    }
}

/// A scalar example of `kind`, if `text` is one.
fn scalar_value(kind: DetailKind, text: &str, plain: bool) -> Option<DetailValue> {
    match kind {
        DetailKind::String => Some(DetailValue::String(text.to_owned())),
        DetailKind::Integer => {
            let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
            let is_integer =
                plain && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
            is_integer
                .then(|| text.parse().ok())
                .flatten()
                .map(DetailValue::Integer)
        }
        DetailKind::Number => {
            let looks_numeric = plain
                && text
                    .bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
            looks_numeric
                .then(|| text.parse::<f64>().ok())
                .flatten()
                .filter(|n| n.is_finite())
                .map(DetailValue::Number)
        }
        DetailKind::Boolean => match text {
            "true" if plain => Some(DetailValue::Boolean(true)),
            "false" if plain => Some(DetailValue::Boolean(false)),
            _ => None,
        },
        DetailKind::Enum | DetailKind::List | DetailKind::Object => None,
    }
}

/// A type's name with its article, e.g. "an `object`".
fn a(name: &str) -> String {
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} `{name}`")
}

fn found(value: &RawValue) -> String {
    match value {
        RawValue::Scalar { text, plain: true } => format!("`{text}`"),
        RawValue::Scalar { text, plain: false } => format!("the string {text:?}"),
        RawValue::List(_) => "a list".to_owned(),
        RawValue::Object(_) => "a mapping".to_owned(),
    }
}

fn backticked(names: &[impl AsRef<str>]) -> String {
    names
        .iter()
        .map(|n| format!("`{}`", n.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A piece of a template as parsed, before its placeholders are checked.
#[derive(Debug, PartialEq)]
enum Parsed {
    Text(String),
    Placeholder(String),
}

/// What is wrong with a template's braces.
#[derive(Debug, PartialEq)]
enum BraceProblem {
    Unclosed,
    Unopened,
    Empty,
}

impl BraceProblem {
    fn words(&self) -> (&'static str, &'static str, &'static str) {
        match self {
            BraceProblem::Unclosed => (
                "unclosed `{` in the message",
                "this `{` has no `}`",
                "close the placeholder, e.g. `{field}`, or write `{{` for a literal brace",
            ),
            BraceProblem::Unopened => (
                "a `}` in the message closes nothing",
                "no `{` before it",
                "write `}}` for a literal brace",
            ),
            BraceProblem::Empty => (
                "an empty placeholder in the message",
                "names no detail",
                "name a detail between the braces, e.g. `{field}`",
            ),
        }
    }
}

/// The pieces of `template` with their byte ranges, or the first brace problem.
fn parse_template(
    template: &str,
) -> Result<Vec<(std::ops::Range<usize>, Parsed)>, (std::ops::Range<usize>, BraceProblem)> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut text_start = 0;
    let bytes = template.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                text.push('{');
                i += 2;
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => {
                text.push('}');
                i += 2;
            }
            b'{' => {
                let Some(len) = template[i + 1..]
                    .find(['}', '{'])
                    .filter(|&len| bytes[i + 1 + len] == b'}')
                else {
                    return Err((i..i + 1, BraceProblem::Unclosed));
                };
                if len == 0 {
                    return Err((i..i + 2, BraceProblem::Empty));
                }
                if !text.is_empty() {
                    pieces.push((text_start..i, Parsed::Text(std::mem::take(&mut text))));
                }
                let end = i + 2 + len;
                pieces.push((
                    i..end,
                    Parsed::Placeholder(template[i + 1..end - 1].to_owned()),
                ));
                i = end;
                text_start = end;
            }
            b'}' => return Err((i..i + 1, BraceProblem::Unopened)),
            _ => {
                let len = template[i..].chars().next().map_or(1, char::len_utf8);
                text.push_str(&template[i..i + len]);
                i += len;
            }
        }
    }
    if !text.is_empty() {
        pieces.push((text_start..template.len(), Parsed::Text(text)));
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(template: &str) -> Vec<Parsed> {
        parse_template(template)
            .expect("parses")
            .into_iter()
            .map(|(_, piece)| piece)
            .collect()
    }

    #[test]
    fn templates_split_into_text_and_placeholders() {
        assert_eq!(
            pieces("Field {field} is {{required}}"),
            vec![
                Parsed::Text("Field ".into()),
                Parsed::Placeholder("field".into()),
                Parsed::Text(" is {required}".into()),
            ]
        );
        assert_eq!(
            pieces("{a}{b}"),
            vec![
                Parsed::Placeholder("a".into()),
                Parsed::Placeholder("b".into())
            ]
        );
        assert_eq!(
            pieces("é {a}"),
            vec![Parsed::Text("é ".into()), Parsed::Placeholder("a".into())]
        );
    }

    #[test]
    fn brace_mistakes_are_located() {
        assert_eq!(
            parse_template("a {b").unwrap_err(),
            (2..3, BraceProblem::Unclosed)
        );
        assert_eq!(
            parse_template("a {b {c}").unwrap_err(),
            (2..3, BraceProblem::Unclosed)
        );
        assert_eq!(
            parse_template("a } b").unwrap_err(),
            (2..3, BraceProblem::Unopened)
        );
        assert_eq!(
            parse_template("a {} b").unwrap_err(),
            (2..4, BraceProblem::Empty)
        );
    }

    #[test]
    fn numbers_and_integers_are_read_as_yaml_writes_them() {
        assert_eq!(
            scalar_value(DetailKind::Integer, "-42", true),
            Some(DetailValue::Integer(-42))
        );
        assert_eq!(scalar_value(DetailKind::Integer, "42", false), None);
        assert_eq!(scalar_value(DetailKind::Integer, "4.5", true), None);
        assert_eq!(
            scalar_value(DetailKind::Number, "4.5e3", true),
            Some(DetailValue::Number(4500.0))
        );
        assert_eq!(scalar_value(DetailKind::Number, "inf", true), None);
        assert_eq!(scalar_value(DetailKind::Number, "1e999", true), None);
        assert_eq!(scalar_value(DetailKind::Boolean, "true", false), None);
    }
}
