//! `statuses`: what each HTTP status means in this API, for the docs' status summary.

use std::collections::BTreeMap;

use crate::fast_hash::HashSet;

use super::Validator;
use crate::diagnostics::Diagnostic;
use crate::format::HTTP_STATUSES;
use crate::load::{RawCode, Spanned};

/// How to write an entry of `statuses`, for messages.
const STATUS_KEY_HELP: &str = "each key of `statuses` is an HTTP status from 100 to 599, written as its three digits, e.g. `404: Resource doesn't exist`";

impl Validator<'_> {
    /// Each entry's status and text, by status; an entry whose status or text failed
    /// its check is left out.
    pub(super) fn statuses(
        &mut self,
        raw: &[(Spanned<String>, Spanned<String>)],
    ) -> BTreeMap<u16, String> {
        let mut statuses = BTreeMap::new();
        for (key, text) in raw {
            let status = match http_status(&key.value) {
                Ok(status) => Some(status),
                Err(problem) => {
                    self.error(
                        Diagnostic::error(
                            format!("`statuses` key {:?} is not an HTTP status", key.value),
                            key.span,
                        )
                        .label(problem)
                        .help(STATUS_KEY_HELP),
                    );
                    None
                }
            };
            let text = self.line(text, &format!("the meaning of status {}", key.value));
            if let (Some(status), Some(text)) = (status, text) {
                statuses.insert(status, text);
            }
        }
        statuses
    }

    /// A warning for each status of `statuses` that no code has: the status summary has
    /// a row only for the statuses codes use, so its text would be shown nowhere.
    pub(super) fn warn_about_unused_statuses(
        &mut self,
        raw: &[(Spanned<String>, Spanned<String>)],
        codes: Option<&Spanned<Vec<RawCode>>>,
    ) {
        let used: HashSet<i64> = codes
            .iter()
            .flat_map(|codes| &codes.value)
            .filter_map(|code| code.status.as_ref())
            .map(|status| status.value)
            .collect();
        for (key, _) in raw {
            let Ok(status) = http_status(&key.value) else {
                continue;
            };
            if !used.contains(&i64::from(status)) {
                self.error(
                    Diagnostic::warning(
                        format!("status {status} is described in `statuses`, but no code has it"),
                        key.span,
                    )
                    .label("no code is answered with this status")
                    .help("the status summary in ERRORS.md has a row only for the statuses of codes, so this text is shown nowhere: correct the status, or remove the entry"),
                );
            }
        }
    }
}

/// The HTTP status a key of `statuses` names, or why it names none.
fn http_status(key: &str) -> Result<u16, String> {
    let (low, high) = HTTP_STATUSES;
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
        return Err("not an integer".to_owned());
    }
    match key.parse::<u16>() {
        Ok(status) if (low..=high).contains(&status) => {
            if key.len() == 3 {
                Ok(status)
            } else {
                Err(format!("written with a leading zero; write `{status}`"))
            }
        }
        _ => Err(format!("outside {low}..={high}")),
    }
}

#[cfg(test)]
mod tests {
    use super::http_status;

    #[test]
    fn keys_are_three_digit_statuses_from_100_to_599() {
        for (key, status) in [("100", 100), ("404", 404), ("599", 599)] {
            assert_eq!(http_status(key), Ok(status));
        }
        for (key, problem) in [
            ("099", "outside 100..=599"),
            ("99", "outside 100..=599"),
            ("600", "outside 100..=599"),
            ("99999999", "outside 100..=599"),
            ("0404", "written with a leading zero; write `404`"),
            ("4o4", "not an integer"),
            ("404.0", "not an integer"),
            ("-404", "not an integer"),
            ("", "not an integer"),
            ("NOT_FOUND", "not an integer"),
        ] {
            assert_eq!(http_status(key), Err(problem.to_owned()), "{key:?}");
        }
    }
}
