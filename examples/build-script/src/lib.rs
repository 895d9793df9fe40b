//! A crate that generates its error codes at build time: `build.rs` turns `errors.yaml`
//! into `$OUT_DIR/shop-errors/shop_errors.rs`, included here as the `errors` module.

/// The Shop API's error codes: `ErrorCode`, `Family`, the `docs_url` constants, the
/// retry helper and, with the `serde` feature the build script enables, the envelopes.
pub mod errors {
    include!(concat!(env!("OUT_DIR"), "/shop-errors/shop_errors.rs"));
}
