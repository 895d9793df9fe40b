//! `ts/package.json`: an ES module package with its types beside it and no dependencies.

use super::escape::string;
use crate::model::Catalog;

/// The whole of `package.json`.
///
/// JSON has no comments, so the generated-file line is the value of a `"//"` key, which
/// npm keeps as it keeps any unknown key. `exports` lists `types` before `default`, as
/// TypeScript requires; `types` and `main` serve tools that predate `exports`.
pub(super) fn package_json(catalog: &Catalog, header: &str) -> String {
    let description = format!(
        "Error codes of the {}, generated from its error catalog.",
        catalog.api.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    format!(
        "{{\n\
         \x20 \"//\": {header},\n\
         \x20 \"name\": {name},\n\
         \x20 \"version\": {version},\n\
         \x20 \"description\": {description},\n\
         \x20 \"type\": \"module\",\n\
         \x20 \"exports\": {{\n\
         \x20   \".\": {{\n\
         \x20     \"types\": \"./index.d.ts\",\n\
         \x20     \"default\": \"./index.js\"\n\
         \x20   }}\n\
         \x20 }},\n\
         \x20 \"main\": \"./index.js\",\n\
         \x20 \"types\": \"./index.d.ts\",\n\
         \x20 \"files\": [\"index.js\", \"index.d.ts\"],\n\
         \x20 \"sideEffects\": false\n\
         }}\n",
        header = string(header),
        name = string(&catalog.npm_name),
        version = string(&catalog.version),
        description = string(&description),
    )
}
