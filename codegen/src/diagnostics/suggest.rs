//! "Did you mean" suggestions for misspelt keys and ids.

/// The candidate closest to `name`, if one is close enough to be the intended spelling.
///
/// Close enough means an edit distance (counting a swap of neighbours as one edit) of at most a third of the name's length (at least
/// one edit), which catches `staus` -> `status` and `ticket` -> `tickets` but does not
/// propose unrelated words.
pub(crate) fn closest<'c>(
    name: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|candidate| (strsim::osa_distance(name, candidate), candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_a_typo_and_ignores_unrelated_words() {
        let keys = ["code", "status", "family", "description"];
        assert_eq!(closest("staus", keys), Some("status"));
        assert_eq!(closest("familly", keys), Some("family"));
        assert_eq!(closest("colour", keys), None);
        assert_eq!(closest("rset", ["linked", "rest", "trpc"]), Some("rest"));
    }
}
