//! The hand-written alternative to a generated crate, for benchmarks: what a team would
//! write without the generator, an enum with strum and serde derives, `match` accessors,
//! and the envelopes with serde derives. `bench/` and `cargo xtask bench-compile`
//! measure the generated crates against it.

use std::fmt::Write;

use errcat::model::{Catalog, Code, Envelope};
use errcat::GeneratedFile;

/// How one `match` accessor spells a code's value.
type Accessor = fn(&Code) -> String;

/// The enum named `name` for `catalog`, with serde derives when `serde`.
pub fn strum_enum(catalog: &Catalog, name: &str, serde: bool) -> String {
    let derives = if serde {
        "Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr, serde::Serialize, serde::Deserialize"
    } else {
        "Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr"
    };
    let mut out = format!("/// The hand-written alternative: strum and serde derives.\n#[derive({derives})]\npub enum {name} {{\n");
    for code in &catalog.codes {
        let _ = writeln!(out, "    #[strum(serialize = {:?})]", code.wire);
        if serde {
            let _ = writeln!(out, "    #[serde(rename = {:?})]", code.wire);
        }
        let _ = writeln!(out, "    {},", code.variant);
    }
    let _ = write!(out, "}}\n\nimpl {name} {{\n    /// Every code, in catalog order.\n    pub const ALL: &'static [{name}] = &[\n");
    for code in &catalog.codes {
        let _ = writeln!(out, "        {name}::{},", code.variant);
    }
    out.push_str("    ];\n\n    /// The wire string, by strum.\n    pub fn as_str(self) -> &'static str {\n        self.into()\n    }\n");
    let accessors: [(&str, &str, Accessor); 4] = [
        ("http_status", "u16", |code| code.status.to_string()),
        ("description", "&'static str", |code| {
            format!("{:?}", code.description)
        }),
        ("resolution", "&'static str", |code| {
            format!("{:?}", code.resolution)
        }),
        ("docs_url", "&'static str", |code| {
            format!("{:?}", code.docs_url)
        }),
    ];
    for (method, ty, value) in accessors {
        let _ = write!(
            out,
            "\n    /// By `match`.\n    pub fn {method}(self) -> {ty} {{\n        match self {{\n"
        );
        for code in &catalog.codes {
            let _ = writeln!(
                out,
                "            {name}::{} => {},",
                code.variant,
                value(code)
            );
        }
        out.push_str("        }\n    }\n");
    }
    out.push_str("}\n");
    out
}

/// A whole crate: the enum as `ErrorCode` and the catalog's envelopes, by derive.
pub fn strum_crate(catalog: &Catalog, crate_name: &str) -> Vec<GeneratedFile> {
    let manifest = format!(
        "[package]\nname = \"{crate_name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\nstrum = {{ version = \"0.28\", features = [\"derive\"] }}\n"
    );
    let mut lib = String::from(
        "//! The hand-written alternative to a generated crate.\n#![allow(missing_docs)]\n\n",
    );
    lib.push_str(&strum_enum(catalog, "ErrorCode", true));
    for envelope in &catalog.envelopes {
        lib.push_str(match envelope {
            Envelope::Linked => LINKED,
            Envelope::Rest => REST,
            Envelope::Trpc => TRPC,
            Envelope::Problem => PROBLEM,
            other => unimplemented!("no hand-written {other:?} envelope"),
        });
    }
    vec![
        GeneratedFile {
            path: "Cargo.toml".into(),
            contents: manifest,
        },
        GeneratedFile {
            path: "src/lib.rs".into(),
            contents: lib,
        },
    ]
}

const LINKED: &str = r#"
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LinkedBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<LinkedError>,
    pub request_id: String,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LinkedError {
    pub code: ErrorCode,
    pub message: String,
    pub docs_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_url: Option<String>,
}
"#;

const REST: &str = r#"
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RestBody {
    pub error: RestError,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RestError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default)]
    pub details: serde_json::Map<String, serde_json::Value>,
}
"#;

const TRPC: &str = r#"
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TrpcBody {
    pub error: TrpcError,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TrpcError {
    pub message: String,
    pub code: ErrorCode,
    pub data: TrpcData,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrpcData {
    pub code: ErrorCode,
    pub http_status: u16,
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack: Option<String>,
}
"#;

const PROBLEM: &str = r#"
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    pub code: ErrorCode,
}
"#;
