//! A code's `details`: wire keys and the Rust names they become, types and the keys
//! each type needs. Examples are checked against their types in `examples`, the message
//! against the details in `template`.

use crate::fast_hash::HashMap;

use super::{did_you_mean, Validator};
use crate::diagnostics::{Diagnostic, Span};
use crate::format::{detail_type_names, DetailKind, DetailValue, PROBLEM_MEMBERS};
use crate::load::{RawDetails, RawSpec, Spanned};
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
    pub(super) fn expected(&self) -> String {
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

    pub(super) fn is_printable(&self) -> bool {
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

pub(super) fn backticked(names: &[impl AsRef<str>]) -> String {
    names
        .iter()
        .map(|n| format!("`{}`", n.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}
