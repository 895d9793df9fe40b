// The switch lookup's one helper, emitted verbatim into the `tables.rs` of every crate
// whose `from_wire` switches on the length and a byte (`Lookup::Switch`). Plain `//`
// comments like this one are not emitted; the `///` docs are.

/// The code at `index` among `codes`, every one `N` bytes long, if `bytes` is its wire
/// string: the one comparison of [`ErrorCode::from_wire`], against a string of a length
/// known at compile time, which rustc inlines as a few word loads.
#[inline(always)]
pub(crate) fn one_of<const N: usize>(
    bytes: &[u8],
    codes: &[(&[u8; N], ErrorCode)],
    index: usize,
) -> Option<ErrorCode> {
    let (wire, code) = codes.get(index)?;
    if bytes == *wire {
        Some(*code)
    } else {
        None
    }
}
