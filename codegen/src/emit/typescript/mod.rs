//! Stage 4: model -> the TypeScript package under `ts/`: `package.json`, `index.js` and
//! `index.d.ts`.
//!
//! `index.js` is plain ES module JavaScript, so consumers need no build step, and
//! `index.d.ts` holds its types and each code's documentation. Both are built by pushing
//! strings into one pre-sized `String`: there is no formatter to feed, and a catalog of
//! 10,000 codes is a few megabytes of text. Catalog text only ever appears as JSON string
//! literals or escaped comment text ([`escape`]). The code that is the same for every
//! catalog is a real file beside this one (`runtime.js`, `runtime.d.ts`), appended as is.

mod dts;
pub(crate) mod escape;
mod info;
mod js;
mod package;

use std::path::Path;

use crate::emit::files::{OutputFile, Settings};
use crate::emit::Blocks;
use crate::model::Catalog;

/// Doc comment lines are wrapped to this many characters, as in the Rust crate.
const DOC_WIDTH: usize = 90;

/// The package: `package.json`, `index.js` and `index.d.ts` under `ts/`, the last two
/// written a code at a time.
pub(crate) fn files<'a>(catalog: &'a Catalog, settings: &Settings<'a>) -> Vec<OutputFile<'a>> {
    let header = settings.header;
    let streamed = |name: &str, build: fn(&Catalog, &str, &mut Blocks<'_>)| {
        OutputFile::new(catalog, Path::new("ts").join(name), 420, move |out| {
            let mut text = Blocks::handed_to(out);
            build(catalog, header, &mut text);
            text.finish();
        })
    };
    vec![
        OutputFile::small(catalog, "ts/package.json", move || {
            package::package_json(catalog, header)
        }),
        streamed("index.js", js::index_js),
        streamed("index.d.ts", dts::index_d_ts),
    ]
}

/// Appends a JSDoc comment of `lines`, indented by `indent`; blank lines stay blank, and
/// a single line that fits is written on one line.
fn push_doc<S: AsRef<str>>(out: &mut String, indent: &str, lines: &[S]) {
    if let [line] = lines {
        let line = line.as_ref();
        if indent.len() + line.len() <= DOC_WIDTH {
            out.push_str(indent);
            out.push_str("/** ");
            out.push_str(line);
            out.push_str(" */\n");
            return;
        }
    }
    out.push_str(indent);
    out.push_str("/**\n");
    for line in lines {
        let line = line.as_ref();
        out.push_str(indent);
        out.push_str(if line.is_empty() { " *" } else { " * " });
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(indent);
    out.push_str(" */\n");
}

/// Docs the generator wrote itself (already Markdown, never catalog text), wrapped at
/// word boundaries.
fn prose(text: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let line = lines.last_mut().expect("starts with one line");
        if !line.is_empty() && line.len() + 1 + word.len() > DOC_WIDTH {
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}
