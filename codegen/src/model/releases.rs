//! What changed in each catalog version, as the lock records it: what `CHANGES.md` lists.

/// The changes one catalog version made to the codes.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Release {
    /// The catalog version, e.g. `0.2.0`.
    pub version: String,
    /// Whether clients must expect breaking changes from the release before it: a new
    /// major version, or a new minor one below 1.0. The first release is not breaking.
    pub breaking: bool,
    /// The codes it introduced, by wire string, sorted.
    pub added: Vec<String>,
    /// The codes it deprecated, sorted, each with the code to use instead, if any.
    pub deprecated: Vec<(String, Option<String>)>,
    /// The codes it retired, sorted.
    pub retired: Vec<String>,
    /// What it changed about codes released before it, by code, then status before
    /// details, details by path.
    pub changed: Vec<Change>,
}

/// One change to a released code.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// The code's wire string.
    pub wire: String,
    /// What changed.
    pub kind: ChangeKind,
}

/// What changed about a released code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// Its HTTP status.
    Status {
        /// The status before.
        from: u16,
        /// The status after.
        to: u16,
    },
    /// One of its details (or a field of one): added, removed or retyped.
    Detail {
        /// The detail's path, `.` into an object's fields and `[]` into a list's items.
        path: String,
        /// The detail before; `None` when it was added.
        from: Option<DetailSignature>,
        /// The detail after; `None` when it was removed.
        to: Option<DetailSignature>,
    },
}

/// A detail's type as the lock writes it, e.g. `list<string>` or `enum(air,ground)`, and
/// whether an occurrence may leave it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailSignature {
    /// The type, e.g. `integer`.
    pub ty: String,
    /// Whether an occurrence may leave it out.
    pub optional: bool,
}
