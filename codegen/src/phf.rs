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
//! free slots. The hash function below is emitted into the generated crate verbatim (see
//! [`crate::emit_rust`]); the tests of the generated crates check they agree.

/// The multiplier of the hash: the 64-bit golden ratio, an odd constant with well-mixed
/// bits.
pub(crate) const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Average keys per bucket: small buckets are easy to place.
const KEYS_PER_BUCKET: usize = 4;

/// The hash of `bytes` under `seed`: 8 bytes at a time, multiply and rotate; a short
/// tail is read as the last 8 bytes of the string (overlapping what came before) rather
/// than byte by byte.
pub(crate) fn hash(bytes: &[u8], seed: u64) -> u64 {
    let len = bytes.len();
    let mut hash = seed ^ (len as u64).wrapping_mul(MULTIPLIER);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = (hash ^ u64::from_le_bytes(word))
            .wrapping_mul(MULTIPLIER)
            .rotate_left(31);
    }
    if !chunks.remainder().is_empty() {
        let mut word = [0u8; 8];
        if len >= 8 {
            word.copy_from_slice(&bytes[len - 8..]);
        } else {
            word[..len].copy_from_slice(bytes);
        }
        hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(MULTIPLIER);
    }
    hash ^ (hash >> 29)
}

/// The three numbers a key's hash gives: its bucket and the two factors of its slot.
pub(crate) fn split(hash: u64, buckets: u32) -> (u32, u32, u32) {
    let bucket = (hash >> 32) as u32 % buckets;
    let f1 = hash as u32;
    let f2 = ((hash ^ (hash >> 17)).wrapping_mul(MULTIPLIER) >> 32) as u32;
    (bucket, f1, f2)
}

/// The slot of a key with factors `f1`, `f2` under displacement `(d1, d2)`.
pub(crate) fn slot(f1: u32, f2: u32, (d1, d2): (u32, u32), len: u32) -> u32 {
    d2.wrapping_add(f1.wrapping_mul(d1)).wrapping_add(f2) % len
}

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
        let buckets = self.displacements.len() as u32;
        let (bucket, f1, f2) = split(hash(key.as_bytes(), self.seed), buckets);
        let at = slot(
            f1,
            f2,
            self.displacements[bucket as usize],
            self.slots.len() as u32,
        );
        self.slots[at as usize] as usize
    }

    fn try_seed(keys: &[&str], seed: u64) -> Option<PerfectHash> {
        let len = keys.len().max(1);
        let buckets = len.div_ceil(KEYS_PER_BUCKET);
        let factors: Vec<(u32, u32, u32)> = keys
            .iter()
            .map(|key| split(hash(key.as_bytes(), seed), buckets as u32))
            .collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (key, &(bucket, _, _)) in factors.iter().enumerate() {
            members[bucket as usize].push(key);
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
                        let (_, f1, f2) = factors[key];
                        let at = slot(f1, f2, pair, len as u32) as usize;
                        let free = slots[at].is_none() && tried[at] != attempt;
                        tried[at] = attempt;
                        free
                    })
                })?;
            displacements[bucket] = placed;
            for &key in &members[bucket] {
                let (_, f1, f2) = factors[key];
                slots[slot(f1, f2, placed, len as u32) as usize] = Some(key as u32);
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
        assert_ne!(hash(b"ABCDEFGHI", 0), hash(b"ABCDEFGHJ", 0));
        assert_ne!(hash(b"ABCDEFGH", 0), hash(b"ABCDEFGH\0", 0));
        assert_ne!(hash(b"A", 0), hash(b"A", 1));
    }
}
