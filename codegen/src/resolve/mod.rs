//! Stage 3: the checked catalog -> the [`crate::model::Catalog`]: Rust names, the page's
//! headings and anchors, resolved docs links.

pub(crate) mod ident;
pub(crate) mod outline;
