//! Hand-written `Serialize` and `Deserialize` impls for the envelope structs.
//!
//! The generated crate does not depend on serde_derive: a proc-macro and syn would
//! dominate its build time. These impls are what the derive would write for plain
//! structs, emitted from the description of each struct in [`crate::model::shapes`].

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::ident;
use crate::model::shapes::{Presence, Shape, Value};

/// Both impls for `shape`.
pub(super) fn expand(shape: &Shape) -> TokenStream {
    let serialize = expand_serialize(shape);
    let deserialize = expand_deserialize(shape);
    quote! { #serialize #deserialize }
}

fn expand_serialize(shape: &Shape) -> TokenStream {
    let name = ident(shape.name);
    let name_str = shape.name;
    let always = shape
        .fields
        .iter()
        .filter(|f| f.presence != Presence::Optional)
        .count();
    let always = Literal::usize_unsuffixed(always);
    let optional = shape
        .fields
        .iter()
        .filter(|f| f.presence == Presence::Optional)
        .map(|f| ident(f.rust));
    let writes = shape.fields.iter().map(|field| {
        let (rust, json) = (ident(field.rust), field.json);
        match field.presence {
            Presence::Optional => quote! {
                match &self.#rust {
                    Some(value) => state.serialize_field(#json, value)?,
                    None => state.skip_field(#json)?,
                }
            },
            _ => quote! { state.serialize_field(#json, &self.#rust)?; },
        }
    });
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeStruct as _;
                let len = #always #(+ usize::from(self.#optional.is_some()))*;
                let mut state = serializer.serialize_struct(#name_str, len)?;
                #(#writes)*
                state.end()
            }
        }
    }
}

fn expand_deserialize(shape: &Shape) -> TokenStream {
    let name = ident(shape.name);
    let name_str = shape.name;
    let expecting = shape.expecting;
    let keys = shape.fields.iter().map(|f| f.json);
    let slots = shape.fields.iter().map(|f| ident(f.rust));
    let arms = shape.fields.iter().enumerate().map(|(index, field)| {
        let index = Literal::usize_unsuffixed(index);
        let slot = ident(field.rust);
        match field.value {
            // A number, or the wire string older servers sent: read through the private
            // newtype that accepts both (`envelopes::expand_json_rpc_code`).
            Value::JsonRpcNumber => {
                quote! { Some(#index) => #slot = Some(map.next_value::<JsonRpcCode>()?.0), }
            }
            _ => quote! { Some(#index) => #slot = Some(map.next_value()?), },
        }
    });
    let inits = shape.fields.iter().map(|field| {
        let (slot, json) = (ident(field.rust), field.json);
        match field.presence {
            Presence::Required => quote! {
                #slot: #slot.ok_or_else(|| <A::Error as ::serde::de::Error>::missing_field(#json))?,
            },
            Presence::Optional => quote! { #slot: #slot.flatten(), },
            Presence::Defaulted => quote! { #slot: #slot.unwrap_or_default(), },
        }
    });
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                struct Fields;

                impl<'de> ::serde::de::Visitor<'de> for Fields {
                    type Value = #name;

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<#name, A::Error> {
                        #(let mut #slots = None;)*
                        while let Some(key) = map.next_key_seed(FieldIndex(KEYS))? {
                            match key {
                                #(#arms)*
                                _ => {
                                    map.next_value::<::serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        Ok(#name { #(#inits)* })
                    }
                }

                const KEYS: &[&str] = &[#(#keys),*];
                deserializer.deserialize_struct(#name_str, KEYS, Fields)
            }
        }
    }
}

/// The key finder every `Deserialize` impl above uses, as written in the template.
const FIELD_INDEX_RS: &str = include_str!("templates/field_index.rs");

/// The template, seen by rustfmt and editors; compiled only inside generated crates.
#[cfg(any())]
#[path = "templates/field_index.rs"]
mod field_index_template;

/// The key finder every `Deserialize` impl above uses.
pub(super) fn expand_field_index() -> TokenStream {
    super::template(FIELD_INDEX_RS)
}
