//! Hash maps and sets for the generator's own lookups (names, ids, anchors): foldhash
//! with a fixed seed, which hashes short strings several times faster than the standard
//! library's SipHash (a few percent of the generator's time on a large catalog). The
//! keys come from the catalog its own author feeds the generator, so SipHash's defence
//! against crafted collisions buys nothing here, and the fixed seed keeps every run the
//! same.

/// A `HashMap` with the fast, fixed hasher.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// A `HashSet` with the fast, fixed hasher.
pub(crate) type HashSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;
