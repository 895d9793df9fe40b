//! The builder every caller configures the generator with: which catalogs, where the
//! output goes, which outputs, and the choices that shape them.

use std::path::{Path, PathBuf};

/// How the generated `ErrorCode::from_wire` finds the code of a wire string.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Lookup {
    /// [`Lookup::Switch`] up to [`Lookup::SWITCH_LIMIT`] codes, [`Lookup::PerfectHash`]
    /// above: each where it measured fastest.
    #[default]
    Auto,
    /// A string `match`, one arm per code: what strum's `EnumString` generates.
    Match,
    /// A `match` on the length, then on the byte (or two) that tells the codes of that
    /// length apart, chosen at generation time, then one comparison with the only code
    /// the string can be.
    Switch,
    /// A perfect hash chosen at generation time: one hash, two table reads, one
    /// comparison.
    PerfectHash,
}

impl Lookup {
    /// Up to this many codes, [`Lookup::Auto`] is a [`Lookup::Switch`]; above, a
    /// [`Lookup::PerfectHash`].
    ///
    /// Measured (BENCHMARKS.md, "Choosing the lookup"): the switch beats the hash at every
    /// size from the 66 Relay codes (3.5x) to 10,000 codes (1.8x), on codes and on near
    /// misses; it beats a string `match` from 128 codes on, and at 66 codes on misses
    /// (on hits it is within 10 % of it there). Up to 10,000 codes a crate with it
    /// builds as fast as one with the hash (7.0 s against 7.4 s, release). Above, rustc's time on its one large
    /// function grows faster than the catalog: at 30,000 codes the switch's crate took
    /// 52 s against the hash's 42 s.
    pub const SWITCH_LIMIT: usize = 10_000;

    /// The lookup a catalog of `codes` codes gets: never [`Lookup::Auto`].
    pub(crate) fn for_codes(self, codes: usize) -> Lookup {
        match self {
            Lookup::Auto if codes <= Lookup::SWITCH_LIMIT => Lookup::Switch,
            Lookup::Auto => Lookup::PerfectHash,
            chosen => chosen,
        }
    }
}

/// One kind of file the generator writes for each catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Output {
    /// The Rust crate: `<crate>/Cargo.toml`, `<crate>/rustfmt.toml` and `<crate>/src/`.
    Crate,
    /// The same Rust as one file, `<crate>/<crate_name>.rs` (the crate name in
    /// snake_case), made to be `include!`d into a module of another crate, as a
    /// `build.rs` that generates into `OUT_DIR` does.
    Module,
    /// The Markdown reference, `<crate>/ERRORS.md`.
    Markdown,
    /// The TypeScript package, `<crate>/ts/` (`package.json`, `index.js`, `index.d.ts`).
    TypeScript,
    /// `<crate>/openapi.json`: OpenAPI 3.1 components (the codes, the envelopes, one
    /// response per HTTP status) for an API's own OpenAPI document to reference.
    OpenApi,
}

impl Output {
    /// What [`Config::new`] writes: the crate, its reference, the TypeScript package and
    /// the OpenAPI components.
    pub const DEFAULT: &'static [Output] = &[
        Output::Crate,
        Output::Markdown,
        Output::TypeScript,
        Output::OpenApi,
    ];
}

/// A feature of the generated crate. [`Output::Crate`] puts each behind a Cargo feature
/// of the same name; [`Output::Module`] has no features of its own, so it is generated
/// with those [`Config::module_features`] names and without the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Feature {
    /// `Serialize`/`Deserialize` for `ErrorCode` and the `envelopes` module; the code
    /// then needs the `serde` (with `alloc`) and `serde_json` crates.
    Serde,
    /// `ErrorCode::status_code()`; needs the `http` crate.
    Http,
    /// `IntoResponse` for every envelope; needs `axum-core` and brings in the other two.
    Axum,
}

/// A crate the generated code uses under one [`Feature`], at the version it is built
/// and tested against.
#[derive(Debug, PartialEq, Eq)]
pub struct Dependency {
    /// The crate's name, as `[dependencies]` spells it.
    pub name: &'static str,
    /// The oldest version the generated code is tested with (a caret requirement).
    pub version: &'static str,
    /// Whether it is taken without default features, with `alloc` only, so a `no_std`
    /// crate stays `no_std`.
    pub alloc_only: bool,
    /// The feature that needs it.
    pub feature: Feature,
}

impl Dependency {
    /// The line that declares it under `[dependencies]`, with `extra` (such as
    /// `optional = true, `) after its version.
    pub(crate) fn declaration(&self, extra: &str) -> String {
        let features = if self.alloc_only {
            r#", default-features = false, features = ["alloc"]"#
        } else {
            ""
        };
        let (name, version) = (self.name, self.version);
        format!(r#"{name} = {{ version = "{version}"{extra}{features} }}"#)
    }

    /// The line a crate that includes an [`Output::Module`] adds under `[dependencies]`.
    pub fn line(&self) -> String {
        self.declaration("")
    }
}

/// Every crate generated code may use, sorted by name; the one home of their versions.
pub(crate) const DEPENDENCIES: [Dependency; 4] = [
    Dependency {
        name: "axum-core",
        version: "0.5.2",
        alloc_only: false,
        feature: Feature::Axum,
    },
    Dependency {
        name: "http",
        version: "1.3.1",
        alloc_only: false,
        feature: Feature::Http,
    },
    Dependency {
        name: "serde",
        version: "1.0.219",
        alloc_only: true,
        feature: Feature::Serde,
    },
    Dependency {
        name: "serde_json",
        version: "1.0.140",
        alloc_only: true,
        feature: Feature::Serde,
    },
];

impl Feature {
    /// The Cargo feature's name, as `cfg(feature = "...")` in generated code spells it.
    pub fn name(self) -> &'static str {
        match self {
            Feature::Serde => "serde",
            Feature::Http => "http",
            Feature::Axum => "axum",
        }
    }

    /// The crates code generated with this feature (and those it implies) needs; the
    /// generated crate ([`Output::Crate`]) lists them itself, the crate that includes an
    /// [`Output::Module`] must (each [`Dependency::line`]).
    pub fn dependencies(self) -> impl Iterator<Item = &'static Dependency> {
        self.with_implied()
            .iter()
            .flat_map(|feature| DEPENDENCIES.iter().filter(move |d| d.feature == *feature))
    }

    /// The features this one turns on, itself included.
    fn with_implied(self) -> &'static [Feature] {
        match self {
            Feature::Serde => &[Feature::Serde],
            Feature::Http => &[Feature::Http],
            Feature::Axum => &[Feature::Axum, Feature::Serde, Feature::Http],
        }
    }
}

/// Everything the generator needs to know besides the catalogs' contents.
///
/// Built like `prost_build::Config`: set what differs from the defaults, then call
/// [`Config::run`] (read, validate, write or check), [`Config::compile`] (the same from a
/// build script), or the pure [`Config::generate`] (one catalog in memory).
///
/// ```no_run
/// use errcat::{Config, Mode};
///
/// let summary = Config::new()
///     .catalog("catalog/errors.yaml")
///     .out_dir("generated")
///     .tool("cargo xtask gen")
///     .run(Mode::Write)?;
/// assert!(summary.is_up_to_date());
/// # Ok::<(), errcat::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Config {
    pub(crate) catalogs: Vec<PathBuf>,
    pub(crate) catalog_dirs: Vec<PathBuf>,
    pub(crate) out_dir: PathBuf,
    pub(crate) relative_to: Option<PathBuf>,
    pub(crate) tool: String,
    pub(crate) lookup: Lookup,
    pub(crate) outputs: Vec<Output>,
    pub(crate) module_features: Vec<Feature>,
    pub(crate) write_locks: bool,
    pub(crate) catalog_schema: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            catalogs: Vec::new(),
            catalog_dirs: Vec::new(),
            out_dir: PathBuf::from("generated"),
            relative_to: None,
            tool: "errcat".to_owned(),
            lookup: Lookup::Auto,
            outputs: Output::DEFAULT.to_vec(),
            module_features: Vec::new(),
            write_locks: true,
            catalog_schema: None,
        }
    }
}

impl Config {
    /// The defaults: no catalogs yet, output into `generated/`, every output of
    /// [`Output::DEFAULT`], locks kept beside the catalogs.
    pub fn new() -> Self {
        Config::default()
    }

    /// Adds a catalog file.
    pub fn catalog(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.catalogs.push(path.into());
        self
    }

    /// Adds every `*.yaml` file of `dir`, in name order, as listed when the generator runs.
    pub fn catalog_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.catalog_dirs.push(dir.into());
        self
    }

    /// The folder that receives one `<crate>/` folder per catalog; default `generated`.
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = dir.into();
        self
    }

    /// The folder catalog paths are shown relative to, in messages and in the generated
    /// files' headers (so output is the same on every machine); default: the current
    /// folder.
    pub fn relative_to(&mut self, root: impl Into<PathBuf>) -> &mut Self {
        self.relative_to = Some(root.into());
        self
    }

    /// The command the generated files' headers tell readers to run to regenerate them,
    /// e.g. `cargo xtask gen`; default `errcat`.
    pub fn tool(&mut self, command: impl Into<String>) -> &mut Self {
        self.tool = command.into();
        self
    }

    /// How `ErrorCode::from_wire` is generated; default [`Lookup::Auto`].
    pub fn lookup(&mut self, lookup: Lookup) -> &mut Self {
        self.lookup = lookup;
        self
    }

    /// Which files to write for each catalog; default [`Output::DEFAULT`].
    pub fn outputs(&mut self, outputs: impl IntoIterator<Item = Output>) -> &mut Self {
        let mut outputs: Vec<Output> = outputs.into_iter().collect();
        outputs.sort();
        outputs.dedup();
        self.outputs = outputs;
        self
    }

    /// Also writes the JSON Schema of the catalog format into `dir`, as
    /// `catalog.schema.json` (or checks it, in [`Mode::Check`](crate::Mode)), so editors
    /// can complete and check the catalogs there: a catalog whose first line is
    /// `# yaml-language-server: $schema=catalog.schema.json` gets it in VS Code, Zed,
    /// Neovim and any other editor with the YAML language server. The schema is the same
    /// for every catalog. Default: not written.
    pub fn catalog_schema_in(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.catalog_schema = Some(dir.into());
        self
    }

    /// The features [`Output::Module`] is generated with (and those they imply: `Axum`
    /// brings `Serde` and `Http`); default none, which needs no dependency.
    pub fn module_features(&mut self, features: impl IntoIterator<Item = Feature>) -> &mut Self {
        let mut enabled: Vec<Feature> = features
            .into_iter()
            .flat_map(|feature| feature.with_implied().iter().copied())
            .collect();
        enabled.sort();
        enabled.dedup();
        self.module_features = enabled;
        self
    }

    /// Whether [`Config::run`] writes each catalog's lock (`<name>.lock` beside it);
    /// default true. Either way an existing lock is read and checked, and check mode
    /// reports a lock that is out of date only when locks are written.
    pub fn write_locks(&mut self, write: bool) -> &mut Self {
        self.write_locks = write;
        self
    }

    /// The `@generated` line every generated file starts with (after its comment
    /// marker), for the catalog shown as `source_path`.
    ///
    /// The header goes into every output's comment syntax (`//!`, `#`, `<!-- -->`, a
    /// JSON string), so the two parts that come from outside are made safe for all of
    /// them at once: every character but letters, digits and a few harmless punctuation
    /// marks is percent-encoded, so no path can end a comment (a line break, `-->`) or
    /// hide text (a bidi control).
    pub(crate) fn header(&self, source_path: &str) -> String {
        format!(
            "@generated by `{}` from {}. Do not edit by hand.",
            percent_encoded(&self.tool, TOOL_PUNCTUATION),
            percent_encoded(source_path, PATH_PUNCTUATION)
        )
    }

    /// The first line of `catalog.schema.json`, which no one catalog generates.
    pub(crate) fn schema_header(&self) -> String {
        format!(
            "@generated by `{}` from the description of the catalog format in errcat. Do not edit by hand.",
            percent_encoded(&self.tool, TOOL_PUNCTUATION)
        )
    }

    /// `path` as messages and headers show it: relative to [`Config::relative_to`] (or
    /// the current folder), with `..` steps when outside it, and `/` separators.
    pub fn display_path(&self, path: &Path) -> String {
        let root = match &self.relative_to {
            Some(root) => Some(root.clone()),
            None => std::env::current_dir().ok(),
        };
        let relative = root.and_then(|root| match (resolved(&root), resolved(path)) {
            (Some(root), Some(path)) => relative_path(&root, &path),
            _ => None,
        });
        relative
            .unwrap_or_else(|| path.to_path_buf())
            .to_string_lossy()
            .replace('\\', "/")
    }
}

/// `path` made absolute with its symbolic links resolved, as far as it exists: a file
/// not yet written (an `--out ../out` about to be made) is its existing folder's real
/// path plus the rest, with `.` and `..` steps taken as written.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = std::fs::canonicalize(path) {
        return Some(real);
    }
    let mut lexical = PathBuf::new();
    for component in std::path::absolute(path).ok()?.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                lexical.pop();
            }
            other => lexical.push(other),
        }
    }
    let existing = lexical.ancestors().find(|folder| folder.exists())?;
    let rest = lexical.strip_prefix(existing).ok()?;
    Some(std::fs::canonicalize(existing).ok()?.join(rest))
}

/// `path` relative to the folder `root`, both absolute: below it as is, beside it with
/// `..` steps, so no header or message names a path of this machine alone. `None` when
/// the two share no prefix at all (another drive).
fn relative_path(root: &Path, path: &Path) -> Option<PathBuf> {
    let root: Vec<_> = root.components().collect();
    let path: Vec<_> = path.components().collect();
    let shared = root.iter().zip(&path).take_while(|(a, b)| a == b).count();
    if shared == 0 {
        return None;
    }
    let mut relative = PathBuf::new();
    for _ in shared..root.len() {
        relative.push("..");
    }
    relative.extend(&path[shared..]);
    Some(relative)
}

/// The punctuation a path keeps in headers; anything else but letters and digits is
/// percent-encoded by [`percent_encoded`].
const PATH_PUNCTUATION: &str = " ._-/+@~,=";

/// The punctuation a command keeps in headers: a path's, and what commands are written
/// with. `<`, `>` and `!` are not among them (they would start or end an HTML comment),
/// nor is a backquote (the command is shown between backquotes).
const TOOL_PUNCTUATION: &str = " ._-/+@~,=:'\"()[]{}#$&*?^|;";

/// `text` with every character that is neither alphanumeric nor in `keep` replaced by
/// the `%XX` escapes of its UTF-8 bytes.
fn percent_encoded(text: &str, keep: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() || keep.contains(c) {
            out.push(c);
        } else {
            for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_outside_the_root_is_shown_with_steps_up_not_whole() {
        let root = Path::new("/work/repo");
        let shown =
            |path: &str| relative_path(root, Path::new(path)).map(|p| p.display().to_string());
        assert_eq!(
            shown("/work/repo/catalog/a.yaml").as_deref(),
            Some("catalog/a.yaml")
        );
        assert_eq!(
            shown("/work/other/a.yaml").as_deref(),
            Some("../other/a.yaml")
        );
        assert_eq!(shown("/tmp/a.yaml").as_deref(), Some("../../tmp/a.yaml"));
    }

    #[test]
    fn a_path_not_yet_made_is_shown_without_its_dot_dot_steps() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("api")).unwrap();
        let mut config = Config::new();
        config.relative_to(root.path());
        let out = root.path().join("api/../out/crate/./ERRORS.md");
        assert_eq!(config.display_path(&out), "out/crate/ERRORS.md");
        let beside = root.path().join("api/../../elsewhere");
        assert_eq!(config.display_path(&beside), "../elsewhere");
    }
}
