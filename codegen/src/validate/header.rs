//! The catalog's header keys: `api`, `crate`, `version`, `npm`, `docs_url`, `envelopes`,
//! `actions` (`statuses` has a file of its own).

use crate::fast_hash::HashMap;

use super::urls::check_url;
use super::{did_you_mean, Link, Validator};
use crate::diagnostics::{Diagnostic, Span};
use crate::format::Envelope;
use crate::load::{RawAction, Spanned};
use crate::naming;

impl Validator<'_> {
    pub(super) fn crate_name(&mut self, value: Option<&Spanned<String>>) -> Option<String> {
        let value = value?;
        let name = value.value.as_str();
        let well_formed = name.len() <= MAX_CRATE_NAME_LEN
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if well_formed && !is_snake_case(name) {
            self.error(
                Diagnostic::error(format!("invalid crate name {name:?}"), value.span)
                    .label("not snake case: rustc would warn that the crate should have a snake case name")
                    .help(format!("use lower-case words joined by single `-` or `_`, e.g. `{}`", snake_case(name))),
            );
            return None;
        }
        let as_ident = name.replace('-', "_");
        let reserved = ["core", "std", "alloc", "proc_macro", "test"].contains(&as_ident.as_str());
        if !well_formed || naming::is_keyword(&as_ident) || reserved {
            self.error(
                Diagnostic::error(format!("invalid crate name {name:?}"), value.span)
                    .label("not a usable Cargo package name")
                    .help("use lower-case words of ASCII letters and digits joined by single `-` or `_`, starting with a letter, at most 64 characters, and not a Rust keyword or a standard library crate name, e.g. `relay-errors`"),
            );
            return None;
        }
        if is_windows_device_name(name) {
            self.error(
                Diagnostic::error(format!("invalid crate name {name:?}"), value.span)
                    .label("a reserved file name on Windows")
                    .help(format!("the crate's folder is named after it, and Windows cannot create a folder called `{name}` (nor can Cargo publish such a package); add a word, e.g. `{name}-errors`")),
            );
            return None;
        }
        Some(name.to_owned())
    }

    /// The TypeScript package's name: `npm` if given, else the crate name. A crate name that already failed its own check is not
    /// reported twice.
    pub(super) fn npm_name(
        &mut self,
        npm: Option<&Spanned<String>>,
        crate_name: Option<&Spanned<String>>,
        crate_name_ok: bool,
    ) -> Option<String> {
        if let Some(npm) = npm {
            return match check_npm_name(&npm.value) {
                Ok(()) => Some(npm.value.clone()),
                Err(problem) => {
                    self.error(
                        Diagnostic::error(
                            format!("invalid npm package name {:?}", npm.value),
                            npm.span,
                        )
                        .label(problem)
                        .help(npm_name_help(&npm.value)),
                    );
                    None
                }
            };
        }
        // A valid crate name is lower case, so only npm's reserved names (`http`,
        // `node_modules`) can keep it from being the package's name too.
        let crate_name = crate_name.filter(|_| crate_name_ok)?;
        if let Err(problem) = check_npm_name(&crate_name.value) {
            self.error(
                Diagnostic::error(
                    format!("crate name {:?} cannot name the npm package", crate_name.value),
                    crate_name.span,
                )
                .label(problem)
                .help(format!(
                    "without `npm:` the TypeScript package takes the crate's name; give it one of its own, e.g. `npm: \"@your-org/{}\"`",
                    crate_name.value
                )),
            );
            return None;
        }
        Some(crate_name.value.clone())
    }

    pub(super) fn version(&mut self, value: Option<&Spanned<String>>) -> Option<String> {
        let value = value?;
        match semver::Version::parse(&value.value) {
            Ok(_) => Some(value.value.clone()),
            Err(error) => {
                self.error(
                    Diagnostic::error(
                        format!("`version` {:?} is not a semver version", value.value),
                        value.span,
                    )
                    .label(error.to_string())
                    .help("write MAJOR.MINOR.PATCH, e.g. `0.1.0`"),
                );
                None
            }
        }
    }

    /// An absolute http(s) URL that may use the `{code}` and `{anchor}` placeholders.
    pub(super) fn url_template(
        &mut self,
        value: Option<&Spanned<String>>,
        key: &str,
    ) -> Option<String> {
        let value = value?;
        match check_url(&value.value, true) {
            Ok(()) => Some(value.value.clone()),
            Err((problem, help)) => {
                self.error(
                    Diagnostic::error(format!("invalid `{key}` {:?}", value.value), value.span)
                        .label(problem)
                        .help(help),
                );
                None
            }
        }
    }

    pub(super) fn envelopes(
        &mut self,
        value: Option<&Spanned<Vec<Spanned<String>>>>,
    ) -> Vec<Envelope> {
        let Some(value) = value else {
            return vec![Envelope::Rest];
        };
        let mut seen: HashMap<Envelope, Span> = HashMap::default();
        let mut kinds = Vec::new();
        for item in &value.value {
            let known = Envelope::ALL.iter().find(|(_, name)| *name == item.value);
            let Some(&(kind, _)) = known else {
                let names = Envelope::ALL.map(|(_, name)| name);
                self.error(
                    Diagnostic::error(format!("unknown envelope {:?}", item.value), item.span)
                        .label("not an envelope kind")
                        .note(format!("the kinds are: {}", names.join(", ")))
                        .maybe_help(did_you_mean(&item.value, names)),
                );
                continue;
            };
            if let Some(&first) = seen.get(&kind) {
                self.error(
                    Diagnostic::error(
                        format!("envelope {:?} is listed twice", item.value),
                        item.span,
                    )
                    .label("listed again here")
                    .note_at("first listed here", first),
                );
                continue;
            }
            seen.insert(kind, item.span);
            kinds.push(kind);
        }
        kinds
    }

    /// Each action's URL and title, by name. An action whose URL or title failed its
    /// check is still known by its name, so the codes that name it are not reported
    /// too; the catalog is refused anyway.
    pub(super) fn actions(&mut self, raw: &[RawAction]) -> HashMap<String, Link> {
        let mut actions = HashMap::default();
        for action in raw {
            let name = &action.name.value;
            if let Some(url) = &action.url {
                if let Err((problem, help)) = check_url(&url.value, false) {
                    self.error(
                        Diagnostic::error(format!("invalid URL for action `{name}`"), url.span)
                            .label(problem)
                            .help(help),
                    );
                }
            }
            let title = action
                .title
                .as_ref()
                .and_then(|title| self.line(title, &format!("the `title` of action `{name}`")));
            let link = Link {
                url: action
                    .url
                    .as_ref()
                    .map(|url| url.value.clone())
                    .unwrap_or_default(),
                title,
            };
            actions.insert(name.clone(), link);
        }
        actions
    }
}

/// How to write an npm package name, for messages.
const NPM_NAME_HELP: &str = "an npm name is lower-case ASCII letters, digits, `-`, `.` and `_`, not starting with `.` or `_`, optionally after a `@scope/`, at most 214 characters, e.g. `@relay/errors`";

/// How to fix `name`: its lower-case spelling when that is valid, else the rules.
/// Whether `name` is one of the device names Windows reserves in every folder (`con`,
/// `nul`, `com1`, ...), in any case, as Cargo refuses them.
/// Whether rustc's `non_snake_case` lint accepts `name` as a crate name (with `-` read
/// as `_`): no upper-case letter and no two separators in a row. A trailing separator
/// rustc would accept is refused too, so that every name is words joined by separators.
fn is_snake_case(name: &str) -> bool {
    let bytes = name.as_bytes();
    !bytes.iter().any(u8::is_ascii_uppercase)
        && !bytes.ends_with(b"-")
        && !bytes.ends_with(b"_")
        && !bytes
            .windows(2)
            .any(|pair| pair.iter().all(|&b| b == b'-' || b == b'_'))
}

/// `name` in lower case with each run of separators cut to its first and none at the end.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let separator = c == '-' || c == '_';
        if !(separator && out.ends_with(['-', '_'])) {
            out.push(c.to_ascii_lowercase());
        }
    }
    out.trim_end_matches(['-', '_']).to_owned()
}

fn is_windows_device_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let numbered = |prefix: &str| {
        name.strip_prefix(prefix)
            .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
    };
    matches!(name.as_str(), "con" | "prn" | "aux" | "nul") || numbered("com") || numbered("lpt")
}

fn npm_name_help(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if lower != name && check_npm_name(&lower).is_ok() {
        format!("npm names are lower case: write `{lower}`")
    } else {
        NPM_NAME_HELP.to_owned()
    }
}

/// The longest npm package name the registry accepts.
const MAX_NPM_NAME_LEN: usize = 214;

/// crates.io's limit.
const MAX_CRATE_NAME_LEN: usize = 64;

/// Node.js's built-in modules, whose names npm refuses for new packages.
const NODE_BUILTINS: &[&str] = &[
    "assert",
    "async_hooks",
    "buffer",
    "child_process",
    "cluster",
    "console",
    "constants",
    "crypto",
    "dgram",
    "diagnostics_channel",
    "dns",
    "domain",
    "events",
    "fs",
    "http",
    "http2",
    "https",
    "inspector",
    "module",
    "net",
    "os",
    "path",
    "perf_hooks",
    "process",
    "punycode",
    "querystring",
    "readline",
    "repl",
    "stream",
    "string_decoder",
    "sys",
    "timers",
    "tls",
    "trace_events",
    "tty",
    "url",
    "util",
    "v8",
    "vm",
    "wasi",
    "worker_threads",
    "zlib",
];

/// Why `name` is not a name npm accepts for a new package, if it is not: npm's own rules
/// (validate-npm-package-name), with the characters npm would have to percent-encode
/// refused outright.
fn check_npm_name(name: &str) -> Result<(), String> {
    if name.len() > MAX_NPM_NAME_LEN {
        return Err(format!(
            "{} characters long; npm allows {MAX_NPM_NAME_LEN}",
            name.chars().count()
        ));
    }
    if ["node_modules", "favicon.ico"].contains(&name) || NODE_BUILTINS.contains(&name) {
        return Err(format!("`{name}` is a name npm reserves"));
    }
    let (scope, package) = match name.strip_prefix('@') {
        Some(scoped) => match scoped.split_once('/') {
            Some((scope, package)) => (Some(scope), package),
            None => return Err("a scoped name needs a `/` between scope and name".to_owned()),
        },
        None => (None, name),
    };
    for part in scope.into_iter().chain([package]) {
        check_npm_name_part(part)?;
    }
    Ok(())
}

/// Checks the scope or the name after it.
fn check_npm_name_part(part: &str) -> Result<(), String> {
    if part.is_empty() {
        return Err("an empty scope or name".to_owned());
    }
    if let Some(c) = part.chars().find(|c| c.is_ascii_uppercase()) {
        return Err(format!(
            "contains the upper-case letter {c:?}; npm names are lower case"
        ));
    }
    if let Some(c) = part
        .chars()
        .find(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_')))
    {
        return Err(format!("contains {c:?}"));
    }
    if part.starts_with(['.', '_']) {
        return Err(format!("starts with {:?}", &part[..1]));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{check_npm_name, is_snake_case, snake_case};

    #[test]
    fn crate_names_are_snake_case_as_rustc_reads_them() {
        for good in ["relay-errors", "relay_errors", "a", "v1-2_x"] {
            assert!(is_snake_case(good), "{good}");
        }
        for (bad, suggested) in [
            ("Relay_Errors", "relay_errors"),
            ("v-1--od--", "v-1-od"),
            ("a_-b", "a_b"),
            ("a-", "a"),
        ] {
            assert!(!is_snake_case(bad), "{bad}");
            assert_eq!(snake_case(bad), suggested);
            assert!(is_snake_case(suggested), "{suggested}");
        }
    }

    #[test]
    pub(super) fn npm_names_follow_npms_rules() {
        for good in [
            "relay-errors",
            "@relay/errors",
            "a",
            "x.y_z-1",
            "@a-b/c.d",
            "relay_errors",
        ] {
            assert_eq!(check_npm_name(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "Relay-Errors",
            "@Relay/errors",
            "@relay",
            "@/errors",
            "@relay/",
            "@relay/a/b",
            ".hidden",
            "_private",
            "@relay/_x",
            "a b",
            "a~b",
            "a*b",
            "(x)",
            "é",
            "http",
            "node_modules",
            "favicon.ico",
        ] {
            assert!(check_npm_name(bad).is_err(), "{bad:?}");
        }
        assert!(check_npm_name(&"a".repeat(214)).is_ok());
        assert!(check_npm_name(&"a".repeat(215)).is_err());
    }
}
