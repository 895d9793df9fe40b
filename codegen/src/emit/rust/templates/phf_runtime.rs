// The perfect hash's arithmetic, one source for both sides: the generator compiles this
// file (as `phf::runtime`) to build the tables, and emits its items verbatim into the
// `tables.rs` of every crate whose `from_wire` uses the perfect hash, so the two cannot
// disagree. Plain `//` comments like this one are not emitted; the `///` docs are.

/// The multiplier of [`wire_hash`]: the 64-bit golden ratio, an odd constant with
/// well-mixed bits.
pub(crate) const HASH_MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Hashes a wire string under `seed`, 8 bytes at a time (multiply and rotate); a short
/// tail is read as the last 8 bytes of the string, overlapping what came before, rather
/// than byte by byte.
#[inline]
pub(crate) fn wire_hash(bytes: &[u8], seed: u64) -> u64 {
    let len = bytes.len();
    let mut hash = seed ^ (len as u64).wrapping_mul(HASH_MULTIPLIER);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = (hash ^ u64::from_le_bytes(word))
            .wrapping_mul(HASH_MULTIPLIER)
            .rotate_left(31);
    }
    if !chunks.remainder().is_empty() {
        let mut word = [0u8; 8];
        if len >= 8 {
            word.copy_from_slice(&bytes[len - 8..]);
        } else {
            word[..len].copy_from_slice(bytes);
        }
        hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(HASH_MULTIPLIER);
    }
    hash ^ (hash >> 29)
}

/// The bucket of a wire string with this hash, among `buckets`.
#[inline]
pub(crate) fn wire_bucket(hash: u64, buckets: u32) -> u32 {
    (hash >> 32) as u32 % buckets
}

/// The slot of a wire string with this hash, among `slots`, under its bucket's
/// displacement pair `(d1, d2)`.
#[inline]
pub(crate) fn wire_slot(hash: u64, (d1, d2): (u32, u32), slots: u32) -> u32 {
    let f1 = hash as u32;
    let f2 = ((hash ^ (hash >> 17)).wrapping_mul(HASH_MULTIPLIER) >> 32) as u32;
    d2.wrapping_add(f1.wrapping_mul(d1)).wrapping_add(f2) % slots
}
