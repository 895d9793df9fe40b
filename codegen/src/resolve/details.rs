//! Validated details -> the model's, with the Rust names of their fields and types.

use crate::format::DetailKind;
use crate::model::details::{Detail, DetailType, EnumType, EnumValue, ObjectType, Piece, Template};
use crate::naming;
use crate::validate::{TemplatePiece, ValidatedDetail, ValidatedTemplate, ValidatedType};

/// The details of the code whose `ErrorCode` variant is `variant`.
pub(super) fn details(details: Vec<ValidatedDetail>, variant: &str) -> Vec<Detail> {
    details
        .into_iter()
        .map(|detail| resolve_detail(detail, variant))
        .collect()
}

/// A detail of the type (or variant) named `owner`: its types are named after both.
fn resolve_detail(detail: ValidatedDetail, owner: &str) -> Detail {
    let type_name = format!("{owner}{}", naming::variant_name(&detail.key));
    Detail {
        field: naming::field_name(&detail.key).unwrap_or_default(),
        ty: resolve_type(detail.ty, type_name, detail.description.as_deref()),
        key: detail.key,
        description: detail.description,
        optional: detail.optional,
        example: detail.example,
    }
}

fn resolve_type(ty: ValidatedType, name: String, description: Option<&str>) -> DetailType {
    match ty {
        ValidatedType::Scalar(DetailKind::Integer) => DetailType::Integer,
        ValidatedType::Scalar(DetailKind::Number) => DetailType::Number,
        ValidatedType::Scalar(DetailKind::Boolean) => DetailType::Boolean,
        ValidatedType::Scalar(_) => DetailType::String,
        ValidatedType::Enum(values) => DetailType::Enum(EnumType {
            name,
            description: description.map(str::to_owned),
            values: values
                .into_iter()
                .map(|wire| EnumValue {
                    variant: naming::variant_name(&wire),
                    wire,
                })
                .collect(),
        }),
        ValidatedType::List(item) => {
            DetailType::List(Box::new(resolve_type(*item, name, description)))
        }
        ValidatedType::Object(fields) => DetailType::Object(ObjectType {
            fields: fields
                .into_iter()
                .map(|field| resolve_detail(field, &name))
                .collect(),
            name,
            description: description.map(str::to_owned),
        }),
    }
}

/// The template in the model's pieces.
pub(super) fn template(template: ValidatedTemplate) -> Template {
    Template {
        text: template.text,
        pieces: template
            .pieces
            .into_iter()
            .map(|piece| match piece {
                TemplatePiece::Text(text) => Piece::Text(text),
                TemplatePiece::Detail(index) => Piece::Detail(index),
            })
            .collect(),
    }
}
