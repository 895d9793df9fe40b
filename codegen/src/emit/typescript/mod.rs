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
mod js;
mod package;

use crate::emit::{Blocks, TextOut};
use crate::model::Catalog;

/// Doc comment lines are wrapped to this many characters, as in the Rust crate.
const DOC_WIDTH: usize = 90;

/// One file of the TypeScript package.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TsFile {
    /// `package.json`.
    PackageJson,
    /// `index.js`.
    IndexJs,
    /// `index.d.ts`.
    IndexDts,
}

impl TsFile {
    /// Every file of the package, in a fixed order.
    pub(crate) const ALL: [TsFile; 3] = [TsFile::PackageJson, TsFile::IndexJs, TsFile::IndexDts];

    /// The file's name under `ts/`, e.g. `index.js`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            TsFile::PackageJson => "package.json",
            TsFile::IndexJs => "index.js",
            TsFile::IndexDts => "index.d.ts",
        }
    }

    /// The file's contents, under `header`.
    pub(crate) fn contents(self, catalog: &Catalog, header: &str) -> String {
        let capacity = match self {
            TsFile::PackageJson => 1024,
            TsFile::IndexJs => js::capacity(catalog),
            TsFile::IndexDts => dts::capacity(catalog),
        };
        let mut text = Blocks::whole(capacity);
        self.build(catalog, header, &mut text);
        text.finish()
    }

    /// [`TsFile::contents`], into `out` a code at a time.
    pub(crate) fn write(self, catalog: &Catalog, header: &str, out: &mut dyn TextOut) {
        let mut text = Blocks::handed_to(out);
        self.build(catalog, header, &mut text);
        text.finish();
    }

    fn build(self, catalog: &Catalog, header: &str, out: &mut Blocks<'_>) {
        match self {
            TsFile::PackageJson => out.push_str(&package::package_json(catalog, header)),
            TsFile::IndexJs => js::index_js(catalog, header, out),
            TsFile::IndexDts => dts::index_d_ts(catalog, header, out),
        }
    }
}

/// The bytes of catalog text a file repeats for each code, to size its `String` once.
fn text_len(catalog: &Catalog) -> usize {
    catalog
        .codes
        .iter()
        .map(|code| {
            code.wire.len()
                + code.description.len()
                + code.resolution.len()
                + code.docs_url.len()
                + code.action.as_ref().map_or(0, |action| action.url.len())
        })
        .sum()
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
