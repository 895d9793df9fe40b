//! The envelope structs and their `Serialize` and `Deserialize` impls, emitted from the
//! description of each in [`crate::model::shapes`], so a field's name, type, optionality
//! and docs are written once for every output.
//!
//! The generated crate does not depend on serde_derive: a proc-macro and syn would
//! dominate its build time. These impls are what the derive would write for plain
//! structs.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{docs, ident, prose};
use crate::model::shapes::{Presence, Shape, Value};
use crate::model::Envelope;

/// Every struct of `envelope`, each with both impls.
pub(super) fn expand_envelope(envelope: Envelope) -> TokenStream {
    let shapes = envelope.shapes();
    shapes
        .iter()
        .map(|shape| {
            let definition = expand_struct(shape, shapes);
            let serialize = expand_serialize(shape);
            let deserialize = expand_deserialize(shape);
            quote! { #definition #serialize #deserialize }
        })
        .collect()
}

/// The struct of `shape`, its fields in JSON order, documented as the shape says.
fn expand_struct(shape: &Shape, envelope: &[&Shape]) -> TokenStream {
    let name = ident(shape.name);
    let struct_docs = docs(prose([linked(shape.doc, envelope)]));
    let eq = is_eq(shape, envelope).then(|| quote! { , Eq });
    let fields = shape.fields.iter().map(|field| {
        let doc = if field.rust == field.json {
            field.doc.to_owned()
        } else {
            let doc = field.doc.strip_suffix('.').unwrap_or(field.doc);
            format!("{doc} (`{}` in JSON).", field.json)
        };
        let field_docs = docs(prose([linked(&doc, envelope)]));
        let rust = ident(field.rust);
        let value = match field.value {
            Value::Text => quote! { String },
            Value::Status => quote! { u16 },
            Value::Code => quote! { Code },
            Value::JsonRpcNumber => quote! { i32 },
            Value::Details => quote! { ::serde_json::Map<String, ::serde_json::Value> },
            Value::Object(name) => {
                let name = ident(name);
                quote! { #name }
            }
        };
        let ty = match field.presence {
            Presence::Optional => quote! { Option<#value> },
            Presence::Required | Presence::Defaulted | Presence::Spread => value,
        };
        quote! { #field_docs pub #rust: #ty, }
    });
    quote! {
        #struct_docs
        #[derive(Clone, Debug, PartialEq #eq)]
        pub struct #name {
            #(#fields)*
        }
    }
}

/// `doc` with each shape of `envelope` it names in code spans (`` `RestBody` ``) made
/// an intra-doc link, as rustdoc readers expect.
fn linked(doc: &str, envelope: &[&Shape]) -> String {
    envelope.iter().fold(doc.to_owned(), |doc, shape| {
        doc.replace(&format!("`{}`", shape.name), &format!("[`{}`]", shape.name))
    })
}

/// Whether `shape` can derive `Eq`: a JSON object of any values cannot, nor can what
/// holds one.
fn is_eq(shape: &Shape, envelope: &[&Shape]) -> bool {
    shape.fields.iter().all(|field| match field.value {
        Value::Details => false,
        Value::Object(name) => envelope
            .iter()
            .find(|nested| nested.name == name)
            .is_some_and(|nested| is_eq(nested, envelope)),
        Value::Text | Value::Status | Value::Code | Value::JsonRpcNumber => true,
    })
}

fn expand_serialize(shape: &Shape) -> TokenStream {
    if has_spread(shape) {
        return expand_serialize_members(shape);
    }
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

/// Whether one of the shape's fields holds members that sit beside its own keys.
fn has_spread(shape: &Shape) -> bool {
    shape.fields.iter().any(|f| f.presence == Presence::Spread)
}

/// `Serialize` as a map, for a shape whose spread field adds members of its own names
/// (which a struct's `&'static str` keys cannot be); a member named like one of the
/// shape's keys is left out, so no key is written twice.
fn expand_serialize_members(shape: &Shape) -> TokenStream {
    let name = ident(shape.name);
    let keys = shape
        .fields
        .iter()
        .filter(|f| f.presence != Presence::Spread)
        .map(|f| f.json);
    let writes = shape.fields.iter().map(|field| {
        let (rust, json) = (ident(field.rust), field.json);
        match field.presence {
            Presence::Optional => quote! {
                if let Some(value) = &self.#rust {
                    state.serialize_entry(#json, value)?;
                }
            },
            Presence::Spread => quote! {
                for (key, value) in &self.#rust {
                    if !KEYS.contains(&key.as_str()) {
                        state.serialize_entry(key, value)?;
                    }
                }
            },
            Presence::Required | Presence::Defaulted => {
                quote! { state.serialize_entry(#json, &self.#rust)?; }
            }
        }
    });
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                const KEYS: &[&str] = &[#(#keys),*];
                let mut state = serializer.serialize_map(None)?;
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
    let keys = shape
        .fields
        .iter()
        .filter(|f| f.presence != Presence::Spread)
        .map(|f| f.json);
    let spread = has_spread(shape);
    let (found, finder) = if spread {
        (quote! { Ok }, quote! { MemberKey })
    } else {
        (quote! { Some }, quote! { FieldIndex })
    };
    let arms = shape.fields.iter().enumerate().map(|(index, field)| {
        let index = Literal::usize_unsuffixed(index);
        let slot = ident(field.rust);
        if field.presence == Presence::Spread {
            return quote! {
                Err(key) => {
                    #slot.insert(key, map.next_value()?);
                }
            };
        }
        match field.value {
            // A number, or the wire string older servers sent: read through the private
            // newtype that accepts both (`envelopes::expand_json_rpc_code`).
            Value::JsonRpcNumber => {
                quote! { #found(#index) => #slot = Some(map.next_value::<JsonRpcCode>()?.0), }
            }
            _ => quote! { #found(#index) => #slot = Some(map.next_value()?), },
        }
    });
    let slots = shape.fields.iter().map(|field| {
        let slot = ident(field.rust);
        if field.presence == Presence::Spread {
            quote! { let mut #slot = ::serde_json::Map::new(); }
        } else {
            quote! { let mut #slot = None; }
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
            Presence::Spread => quote! { #slot, },
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
                        #(#slots)*
                        while let Some(key) = map.next_key_seed(#finder(KEYS))? {
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

/// The key finders the `Deserialize` impls above use: `MemberKey` only where a shape
/// of `envelopes` keeps the keys it does not define.
pub(super) fn expand_field_index(envelopes: &[Envelope]) -> TokenStream {
    let field_index = super::templates::tokens(super::templates::FIELD_INDEX);
    let spreads = envelopes
        .iter()
        .any(|envelope| envelope.shapes().iter().any(|shape| has_spread(shape)));
    let member_key = spreads.then(|| super::templates::tokens(super::templates::MEMBER_KEY));
    quote! { #field_index #member_key }
}
