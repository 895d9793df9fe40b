//! What one occurrence of a code carries: its details, typed, with the Rust names they
//! become, and the template of its message.

pub use crate::format::DetailValue;

/// One fact an occurrence carries.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Detail {
    /// The wire key, never re-cased, e.g. `retry_after`.
    pub key: String,
    /// The Rust field, snake_case, a raw identifier for a keyword, e.g. `retry_after`.
    pub field: String,
    /// What the value means, plain text.
    pub description: Option<String>,
    /// Whether an occurrence may leave it out.
    pub optional: bool,
    /// Its type.
    pub ty: DetailType,
    /// The catalog's example value, of that type.
    pub example: Option<DetailValue>,
}

/// A detail's type.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DetailType {
    /// Text.
    String,
    /// A 64-bit signed integer.
    Integer,
    /// A 64-bit float.
    Number,
    /// `true` or `false`.
    Boolean,
    /// One of a fixed set of strings: a generated enum.
    Enum(EnumType),
    /// A list of values of one type.
    List(Box<DetailType>),
    /// An object of typed fields: a generated struct.
    Object(ObjectType),
}

impl DetailType {
    /// Whether a message may insert a value of this type: a scalar, or a list of them.
    pub fn is_printable(&self) -> bool {
        match self {
            DetailType::List(item) => item.is_scalar(),
            other => other.is_scalar(),
        }
    }

    /// Whether the value is one string, number or boolean.
    pub fn is_scalar(&self) -> bool {
        !matches!(self, DetailType::List(_) | DetailType::Object(_))
    }
}

/// The generated enum of an `enum` detail.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EnumType {
    /// Its name in the `details` module: the variant's and the detail's, e.g.
    /// `ParcelTooHeavyService`.
    pub name: String,
    /// What it is, plain text: the detail's description.
    pub description: Option<String>,
    /// Its values, in catalog order.
    pub values: Vec<EnumValue>,
}

/// One value of an [`EnumType`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EnumValue {
    /// The value on the wire, e.g. `express`.
    pub wire: String,
    /// The Rust variant, e.g. `Express`.
    pub variant: String,
}

/// The generated struct of an `object` detail.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ObjectType {
    /// Its name in the `details` module, e.g. `ValidationErrorViolations`.
    pub name: String,
    /// What it is, plain text: the detail's description.
    pub description: Option<String>,
    /// Its fields, in catalog order.
    pub fields: Vec<Detail>,
}

/// A code's message template, in pieces.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Template {
    /// As the catalog writes it, e.g. `Required field {field} is missing`.
    pub text: String,
    /// The literal text and the placeholders, in order; literal braces are unescaped.
    pub pieces: Vec<Piece>,
}

/// One piece of a [`Template`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Piece {
    /// Text written as it is.
    Text(String),
    /// The value of the code's detail at this index of [`crate::model::Code::details`].
    Detail(usize),
}

/// Every object and enum type of `details`, outermost first, in catalog order.
pub fn named_types(details: &[Detail]) -> Vec<&DetailType> {
    fn walk<'a>(ty: &'a DetailType, out: &mut Vec<&'a DetailType>) {
        match ty {
            DetailType::List(item) => walk(item, out),
            DetailType::Object(object) => {
                out.push(ty);
                for field in &object.fields {
                    walk(&field.ty, out);
                }
            }
            DetailType::Enum(_) => out.push(ty),
            DetailType::String | DetailType::Integer | DetailType::Number | DetailType::Boolean => {
            }
        }
    }
    let mut out = Vec::new();
    for detail in details {
        walk(&detail.ty, &mut out);
    }
    out
}
