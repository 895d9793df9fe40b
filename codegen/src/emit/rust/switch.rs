//! A decision tree over a catalog's wire strings, chosen at generation time, as gperf
//! chooses its key positions: `from_wire` switches on the string's length, then on the
//! byte (rarely two) that tells the codes of that length apart, and compares the string
//! with the one code it can then be.
//!
//! rustc compiles a string `match` into one comparison per arm, tried in order (each a
//! length check, then the bytes), so a lookup costs as many comparisons as the codes
//! before it; and strum's `EnumString` is that `match`. Here every lookup is two jump
//! tables and one comparison against a constant, which rustc inlines as a few word
//! loads. A length with codes that no single byte separates splits on the best byte and
//! then again inside each branch, so the tree always ends in single codes.

/// A switch over a set of wire strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Switch {
    /// For each length that some code has, in increasing order, the tree of the codes
    /// of that length.
    pub lengths: Vec<(usize, Node)>,
}

/// One step of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    /// The only key (by index) the string can be; it is compared in full.
    Key(usize),
    /// The byte at `position` decides, among `branches` (in increasing byte order).
    Byte {
        position: usize,
        branches: Vec<(u8, Node)>,
    },
}

impl Switch {
    /// The tree for `keys`, which must be distinct. Deterministic.
    pub(crate) fn new(keys: &[&str]) -> Switch {
        let mut by_length: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by_key(|&key| (keys[key].len(), key));
        for key in order {
            let len = keys[key].len();
            match by_length.last_mut() {
                Some((last, members)) if *last == len => members.push(key),
                _ => by_length.push((len, vec![key])),
            }
        }
        let lengths = by_length
            .into_iter()
            .map(|(len, members)| (len, node(keys, members, len)))
            .collect();
        Switch { lengths }
    }

    /// The deepest chain of byte switches under a length: 1 when one byte tells every
    /// code of each length apart.
    #[cfg(test)]
    pub(crate) fn depth(&self) -> usize {
        fn depth(node: &Node) -> usize {
            match node {
                Node::Key(_) => 0,
                Node::Byte { branches, .. } => {
                    1 + branches.iter().map(|(_, n)| depth(n)).max().unwrap_or(0)
                }
            }
        }
        self.lengths
            .iter()
            .map(|(_, n)| depth(n))
            .max()
            .unwrap_or(0)
    }

    /// The only key `candidate` can be, if any: what the generated `from_wire` computes
    /// before its one comparison, here to test the tree.
    #[cfg(test)]
    pub(crate) fn candidate(&self, candidate: &str) -> Option<usize> {
        let bytes = candidate.as_bytes();
        let mut node = &self.lengths.iter().find(|(len, _)| *len == bytes.len())?.1;
        loop {
            match node {
                Node::Key(key) => return Some(*key),
                Node::Byte { position, branches } => {
                    let byte = bytes[*position];
                    node = &branches.iter().find(|(b, _)| *b == byte)?.1;
                }
            }
        }
    }
}

impl Node {
    /// The keys under this node, in the tree's order (by byte, branch after branch).
    pub(crate) fn keys(&self) -> Vec<usize> {
        match self {
            Node::Key(key) => vec![*key],
            Node::Byte { branches, .. } => branches.iter().flat_map(|(_, n)| n.keys()).collect(),
        }
    }
}

/// The tree of `members`, keys of length `len` each.
fn node(keys: &[&str], members: Vec<usize>, len: usize) -> Node {
    if let [only] = members[..] {
        return Node::Key(only);
    }
    // The position whose byte takes the most values among the members; the first such,
    // so the tree is the same on every run.
    let position = (0..len)
        .max_by_key(|&position| {
            let mut seen = [false; 256];
            let distinct = members
                .iter()
                .filter(|&&key| {
                    let byte = usize::from(keys[key].as_bytes()[position]);
                    !std::mem::replace(&mut seen[byte], true)
                })
                .count();
            (distinct, std::cmp::Reverse(position))
        })
        .expect("distinct keys of one length are at least one byte long");
    let mut groups: Vec<(u8, Vec<usize>)> = Vec::new();
    for key in members {
        let byte = keys[key].as_bytes()[position];
        match groups.iter_mut().find(|(b, _)| *b == byte) {
            Some((_, group)) => group.push(key),
            None => groups.push((byte, vec![key])),
        }
    }
    groups.sort_by_key(|(byte, _)| *byte);
    Node::Byte {
        position,
        branches: groups
            .into_iter()
            .map(|(byte, group)| (byte, node(keys, group, len)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_its_own_candidate_and_others_have_at_most_one() {
        let relay = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog/relay.yaml"),
        )
        .unwrap();
        let relay: Vec<&str> = relay
            .lines()
            .filter_map(|line| line.trim().strip_prefix("- code: "))
            .collect();
        let made: Vec<String> = (0..2_000)
            .map(|i| format!("AREA_{}_RESOURCE_{i}_NOT_FOUND", i % 97))
            .collect();
        let made: Vec<&str> = made.iter().map(String::as_str).collect();
        for keys in [&relay[..], &made[..], &["A"], &["A", "B", "AB", "BA"]] {
            let switch = Switch::new(keys);
            for (index, key) in keys.iter().enumerate() {
                assert_eq!(switch.candidate(key), Some(index), "{key}");
            }
            assert_eq!(switch.candidate(""), None);
            assert_eq!(switch, Switch::new(keys), "deterministic");
        }
        assert!(
            Switch::new(&relay).depth() <= 2,
            "the Relay codes need at most two bytes"
        );
    }
}
