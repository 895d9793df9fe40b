//! What check mode shows of a stale file: a short unified diff, for people.

use std::fs;
use std::io;
use std::path::Path;

use similar::TextDiff;

use super::{FileState, IoError};

/// The most diff lines shown for one stale file.
const MAX_DIFF_LINES: usize = 40;

/// The state of a file found to differ from `contents` in check mode, with its diff.
pub(crate) fn stale(path: &Path, contents: &str) -> Result<FileState, IoError> {
    let old = match fs::read(path) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(IoError::new(path, error)),
    };
    Ok(FileState::Stale {
        diff: short_diff(old.as_deref(), contents),
    })
}

/// A unified diff from `old` (or nothing, if the file is missing) to `new`, at most
/// [`MAX_DIFF_LINES`] lines long.
pub(crate) fn short_diff(old: Option<&str>, new: &str) -> String {
    let Some(old) = old else {
        return "    (the file does not exist)\n".to_owned();
    };
    let diff = TextDiff::from_lines(old, new);
    let full = diff
        .unified_diff()
        .context_radius(2)
        .header("on disk", "generated")
        .to_string();
    let lines: Vec<&str> = full.lines().collect();
    let mut out: String = lines
        .iter()
        .take(MAX_DIFF_LINES)
        .map(|line| format!("    {line}\n"))
        .collect();
    if lines.len() > MAX_DIFF_LINES {
        out.push_str(&format!(
            "    ... {} more diff lines\n",
            lines.len() - MAX_DIFF_LINES
        ));
    }
    out
}
