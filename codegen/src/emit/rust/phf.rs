//! A minimal perfect hash over a catalog's wire strings, chosen at generation time.
//!
//! The generated `ErrorCode::from_wire` hashes the string once, reads one displacement
//! pair and one slot from static arrays, and compares the string with the one code that
//! can match: a few loads and a single comparison whatever the catalog's size, with no
//! allocation and no runtime dependency. (A string `match` is what rustc would otherwise
//! build: a switch on length, then a chain of comparisons within each length, which is
//! linear at 10,000 codes and slow to compile.)
//!
//! The construction is "hash, displace and compress" as rust-phf's generator does it:
//! keys are grouped into buckets by one part of their hash; buckets are placed largest
//! first, each with the first displacement pair `(d1, d2)` that sends all its keys to
//! free slots. The arithmetic lives in one real source file, `runtime`, which the generator
//! compiles and the Rust emitter copies into each generated crate, so both sides agree.

/// The hash, bucket and slot functions, shared word for word with the generated crates.
#[path = "templates/phf_runtime.rs"]
pub(crate) mod runtime;

use runtime::{wire_bucket, wire_hash, wire_slot};

/// Average keys per bucket: small buckets are easy to place.
const KEYS_PER_BUCKET: usize = 4;

/// The tables of a perfect hash over `n` keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PerfectHash {
    /// The hash seed that made every bucket placeable.
    pub seed: u64,
    /// One displacement pair per bucket.
    pub displacements: Vec<(u32, u32)>,
    /// For each slot, the index of the key that lives there.
    pub slots: Vec<u32>,
}

/// How many displacement pairs the table of `keys` keys has.
pub(crate) fn bucket_count(keys: usize) -> usize {
    keys.max(1).div_ceil(KEYS_PER_BUCKET)
}

/// How many slots the table of `keys` keys has: one per key (it is minimal).
pub(crate) fn slot_count(keys: usize) -> usize {
    keys.max(1)
}

impl PerfectHash {
    /// Builds the tables for `keys`, which must be distinct. Deterministic: the same keys
    /// always give the same tables.
    pub(crate) fn new(keys: &[&str]) -> PerfectHash {
        // Each seed fails only with small probability, so this ends after a few tries.
        (0u64..)
            .find_map(|seed| Self::try_seed(keys, seed))
            .expect("some seed places every key")
    }

    /// The index of the only key that `key` can be: what the generated `from_wire`
    /// computes, here to test the table.
    #[cfg(test)]
    pub(crate) fn lookup(&self, key: &str) -> usize {
        let hash = wire_hash(key.as_bytes(), self.seed);
        let bucket = wire_bucket(hash, self.displacements.len() as u32);
        let at = wire_slot(
            hash,
            self.displacements[bucket as usize],
            self.slots.len() as u32,
        );
        self.slots[at as usize] as usize
    }

    fn try_seed(keys: &[&str], seed: u64) -> Option<PerfectHash> {
        let len = slot_count(keys.len());
        let buckets = bucket_count(keys.len());
        let hashes: Vec<u64> = keys
            .iter()
            .map(|key| wire_hash(key.as_bytes(), seed))
            .collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (key, &hash) in hashes.iter().enumerate() {
            members[wire_bucket(hash, buckets as u32) as usize].push(key);
        }
        let mut order: Vec<usize> = (0..buckets).collect();
        order.sort_by_key(|&b| std::cmp::Reverse(members[b].len()));

        let mut slots: Vec<Option<u32>> = vec![None; len];
        let mut displacements = vec![(0, 0); buckets];
        // `tried[slot] == attempt` marks slots taken by the bucket being placed.
        let mut tried = vec![0u64; len];
        let mut attempt = 0u64;
        for bucket in order.into_iter().filter(|&b| !members[b].is_empty()) {
            let placed = (0..len as u32)
                .flat_map(|d1| (0..len as u32).map(move |d2| (d1, d2)))
                .find(|&pair| {
                    attempt += 1;
                    members[bucket].iter().all(|&key| {
                        let at = wire_slot(hashes[key], pair, len as u32) as usize;
                        let free = slots[at].is_none() && tried[at] != attempt;
                        tried[at] = attempt;
                        free
                    })
                })?;
            displacements[bucket] = placed;
            for &key in &members[bucket] {
                slots[wire_slot(hashes[key], placed, len as u32) as usize] = Some(key as u32);
            }
        }
        Some(PerfectHash {
            seed,
            displacements,
            slots: slots.into_iter().map(|s| s.unwrap_or(0)).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| format!("AREA_{}_RESOURCE_{i}_NOT_FOUND", i % 97))
            .collect()
    }

    /// Every key finds itself with one lookup, so `from_wire` compares one string per
    /// call, at any size: the regression guard of the O(1) lookup.
    #[test]
    fn every_key_is_found_at_its_own_slot_with_one_comparison() {
        for n in [1, 2, 66, 1_000, 10_000] {
            let keys = keys(n);
            let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
            let table = PerfectHash::new(&refs);
            assert_eq!(table.slots.len(), n, "minimal: one slot per key");
            for (index, key) in refs.iter().enumerate() {
                assert_eq!(table.lookup(key), index, "{key} in {n}");
            }
        }
    }

    #[test]
    fn tables_are_deterministic_and_misses_land_on_some_key() {
        let keys = keys(500);
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let table = PerfectHash::new(&refs);
        assert_eq!(table, PerfectHash::new(&refs));
        // A miss lands on exactly one candidate, which the generated code then rejects
        // with its single comparison.
        assert!(table.lookup("NOT_A_CODE") < 500);
        assert!(table.lookup("") < 500);
    }

    #[test]
    fn the_hash_reads_every_byte() {
        assert_ne!(wire_hash(b"ABCDEFGHI", 0), wire_hash(b"ABCDEFGHJ", 0));
        assert_ne!(wire_hash(b"ABCDEFGH", 0), wire_hash(b"ABCDEFGH\0", 0));
        assert_ne!(wire_hash(b"A", 0), wire_hash(b"A", 1));
    }
}
