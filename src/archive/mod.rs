//! The archive: a persistent, incremental index of a folder of articles, and
//! "what in the archive did this article take from?" against it; and the
//! files of the corpus job on a distributed engine ([`job`]).
//!
//! **The index** ([`update`]) is one [redb] file: an embedded, transactional
//! key-value store of copy-on-write B-trees. It holds, for every article of
//! one folder, its path, size, modification time, content hash and metadata,
//! and its distinct body sentences as sets of stem ids (the fingerprints of
//! `corpus::candidates`, see [`fingerprint`]); an inverted index from each
//! stem to the articles holding it, in chunks of gap-coded ids; each stem's
//! document frequency over distinct sentences; and how many articles hold
//! each distinct sentence. Running [`update`] again lists the folder,
//! re-reads only files whose size or modification time changed (and keeps
//! those whose content hash did not), removes deleted ones, and adds new
//! ones: article ids only grow, so new postings are appended to the last
//! chunk of each stem. Work is committed in batches: an interrupted run
//! leaves the index as of its last commit, which a rerun completes.
//!
//! **A query** ([`find`]) fingerprints one article and scores its sentences
//! against the index the way `corpus::candidates` scores a corpus (weighted
//! Dice or containment over shared stems, weights from the index's
//! frequencies with the query counted in, popular sentences discounted), so
//! that the articles proposed are those `rank` would propose for the pair;
//! each is then read from disk (its hash checked: a changed file is an
//! error that names it), aligned, and oriented as `rank` does.
//!
//! [redb]: https://docs.rs/redb

mod codec;
pub mod find;
pub mod fingerprint;
pub mod job;
mod store;
pub mod update;

use std::fmt;
use std::path::{Path, PathBuf};

pub use find::{Found, find};
pub use store::{Doc, Index};
pub use update::{Updated, update};

/// What went wrong with an index, as the one line a user sees. All of these
/// are the user's to fix (a path, a stale or damaged index, a full disk),
/// never a bug.
#[derive(Debug)]
pub enum Error {
    /// No index at the path.
    Missing {
        /// Where one was looked for.
        index: PathBuf,
    },
    /// The file is not a copycat index, or is damaged.
    Corrupt {
        /// The index.
        index: PathBuf,
        /// What the store said.
        why: String,
    },
    /// An interrupted `copycat index` left it to be repaired, which a
    /// reader cannot do.
    Unfinished {
        /// The index.
        index: PathBuf,
    },
    /// Written by a copycat with another index format.
    Incompatible {
        /// The index.
        index: PathBuf,
        /// The folder it indexes.
        root: PathBuf,
    },
    /// The index belongs to another folder.
    OtherFolder {
        /// The index.
        index: PathBuf,
        /// The folder it indexes.
        root: PathBuf,
        /// The folder named now.
        dir: PathBuf,
    },
    /// An indexed article changed (or went) since it was indexed.
    Stale {
        /// The index.
        index: PathBuf,
        /// The folder it indexes.
        root: PathBuf,
        /// The article.
        article: PathBuf,
        /// `changed` or `was removed`.
        what: &'static str,
    },
    /// A file or folder could not be read or written.
    Io {
        /// Which.
        path: PathBuf,
        /// Why.
        why: String,
    },
}

impl Error {
    fn storage(index: &Path, e: impl fmt::Display) -> Error {
        Error::Io {
            path: index.to_path_buf(),
            why: e.to_string(),
        }
    }
}

/// `copycat index ROOT --index INDEX`, as a user would type it.
fn rerun(root: &Path, index: &Path) -> String {
    format!(
        "`copycat index {} --index {}`",
        root.display(),
        index.display()
    )
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Missing { index } => write!(
                f,
                "{}: no index there; build one with `copycat index DIR --index {}`",
                index.display(),
                index.display()
            ),
            Error::Corrupt { index, why } => write!(
                f,
                "{}: not a copycat index, or a damaged one ({why}); remove it and run \
                 `copycat index DIR --index {}`",
                index.display(),
                index.display()
            ),
            Error::Unfinished { index } => write!(
                f,
                "{}: left unfinished by an interrupted `copycat index`; run `copycat index` \
                 on its folder again to repair and complete it",
                index.display()
            ),
            Error::Incompatible { index, root } => write!(
                f,
                "{}: made by a copycat with another index format; run {} to rebuild it",
                index.display(),
                rerun(root, index)
            ),
            Error::OtherFolder { index, root, dir } => write!(
                f,
                "{}: indexes {}, not {}; give another --index for this folder",
                index.display(),
                root.display(),
                dir.display()
            ),
            Error::Stale {
                index,
                root,
                article,
                what,
            } => write!(
                f,
                "{}: {what} since it was indexed; run {} to bring the index up to date",
                article.display(),
                rerun(root, index)
            ),
            Error::Io { path, why } => write!(f, "{}: {why}", path.display()),
        }
    }
}

impl std::error::Error for Error {}

/// What an index run or a query reports while it works. Called from worker
/// threads.
pub trait Progress: Sync {
    /// A new step: what it does, and how many items it has when that is
    /// known.
    fn step(&self, _what: &str, _total: Option<u64>) {}
    /// `n` more items of the step done.
    fn advance(&self, _n: u64) {}
}

/// No one is watching.
pub struct Quiet;

impl Progress for Quiet {}

/// The default index of a folder: a file inside it, which folder listings
/// skip (it is not named like an article).
pub fn default_index(dir: &Path) -> PathBuf {
    dir.join(".copycat-index")
}
