//! Helpers of the benchmarks, the xtask and the tests, kept out of the generator library
//! (as prost keeps its `benchmarks/` crate apart): nothing here is part of the product.
//!
//! - [`synth`]: realistic synthetic catalogs of any size.
//! - [`baseline`]: the hand-written strum + serde-derive alternative to a generated crate.

pub mod baseline;
pub mod synth;
