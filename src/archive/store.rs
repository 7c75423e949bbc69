//! The index's tables in redb, and reading them.
//!
//! | table | key | value |
//! |---|---|---|
//! | `meta` | `"info"` | [`Info`] as JSON: format, folder, counters |
//! | `docs` | article id | [`Doc`] as JSON: path, size, time, hash, metadata |
//! | `sets` | article id | its distinct sentences, sets of stem ids ([`codec::put_sets`]) |
//! | `stems` | stem key ([`fingerprint::stem_key`]) | stem id |
//! | `df` | stem id | distinct sentences holding the stem |
//! | `holders` | hash of a sentence's stem ids | articles holding that sentence |
//! | `postings` | (stem id, first article id) | article ids holding the stem, gap-coded |
//!
//! Stem ids are small dense numbers (a stem key is 8 bytes, an id in a set
//! about one and a half); article ids are never reused, so the postings of
//! a stem stay sorted when articles are appended.
//!
//! [`fingerprint::stem_key`]: super::fingerprint::stem_key

use std::path::{Path, PathBuf};

use redb::{ReadOnlyDatabase, ReadTransaction, ReadableDatabase, ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::Error;
use super::codec;

pub(super) const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
pub(super) const DOCS: TableDefinition<u32, &[u8]> = TableDefinition::new("docs");
pub(super) const SETS: TableDefinition<u32, &[u8]> = TableDefinition::new("sets");
pub(super) const STEMS: TableDefinition<u64, u32> = TableDefinition::new("stems");
pub(super) const DF: TableDefinition<u32, u32> = TableDefinition::new("df");
pub(super) const HOLDERS: TableDefinition<u64, u32> = TableDefinition::new("holders");
pub(super) const POSTINGS: TableDefinition<(u32, u32), &[u8]> = TableDefinition::new("postings");

/// The index format. Raised when what is stored, or how sentences are
/// fingerprinted, changes: an index of another format is rebuilt by
/// `copycat index` and refused by `find`.
pub const FORMAT: u32 = 1;

/// A posting chunk is closed at this many bytes and a new one started, so
/// adding articles rewrites a small value per stem, not the stem's whole
/// list.
pub(super) const CHUNK_BYTES: usize = 1024;

/// The index as a whole.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Info {
    /// [`FORMAT`] when written.
    pub format: u32,
    /// The folder indexed, absolute.
    pub root: PathBuf,
    /// The next article id.
    pub next_doc: u32,
    /// The next stem id.
    pub next_stem: u32,
    /// Articles indexed.
    pub docs: u64,
    /// Distinct sentences among them.
    pub distinct: u64,
}

/// One indexed article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Doc {
    /// Path inside the folder, `/`-separated.
    pub path: String,
    /// Size in bytes when indexed.
    pub size: u64,
    /// Modification time when indexed, nanoseconds since the epoch.
    pub mtime: i64,
    /// [`super::fingerprint::content_hash`] of the bytes, in hex.
    pub hash: String,
    /// The headline.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The outlet.
    pub outlet: Option<String>,
}

/// The hash of a sentence's sorted stem ids: its key in `holders`.
pub(super) fn set_key(set: &[u32]) -> u64 {
    let bytes: Vec<u8> = set.iter().flat_map(|x| x.to_le_bytes()).collect();
    xxh3_64(&bytes)
}

/// A content hash as stored.
pub fn hex(h: u128) -> String {
    format!("{h:032x}")
}

/// An index opened for reading (by `find`).
pub struct Index {
    path: PathBuf,
    info: Info,
    tx: ReadTransaction,
}

/// Whether a redb error says the file is not a redb database or a damaged one
/// rather than unreadable.
pub(super) fn open_error(index: &Path, e: redb::DatabaseError) -> Error {
    match e {
        redb::DatabaseError::RepairAborted => Error::Unfinished {
            index: index.to_path_buf(),
        },
        // Not found, not allowed: the path's fault. Anything else (a
        // wrong magic number, a short file) is the file's.
        redb::DatabaseError::Storage(redb::StorageError::Io(io))
            if matches!(
                io.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied
            ) =>
        {
            Error::Io {
                path: index.to_path_buf(),
                why: io.to_string(),
            }
        }
        redb::DatabaseError::DatabaseAlreadyOpen => Error::Io {
            path: index.to_path_buf(),
            why: "in use by another copycat (another `copycat index` is running)".into(),
        },
        other => Error::Corrupt {
            index: index.to_path_buf(),
            why: other.to_string(),
        },
    }
}

/// A failure while reading tables: a damaged file.
pub(super) fn corrupt(index: &Path, e: impl std::fmt::Display) -> Error {
    Error::Corrupt {
        index: index.to_path_buf(),
        why: e.to_string(),
    }
}

/// The stored [`Info`], `None` when the tables are not there yet.
pub(super) fn read_info(index: &Path, tx: &ReadTransaction) -> Result<Option<Info>, Error> {
    let meta = match tx.open_table(META) {
        Ok(t) => t,
        Err(redb::TableError::TableDoesNotExist(_)) => return Ok(None),
        Err(e) => return Err(corrupt(index, e)),
    };
    let Some(v) = meta.get("info").map_err(|e| corrupt(index, e))? else {
        return Ok(None);
    };
    serde_json::from_slice(v.value())
        .map(Some)
        .map_err(|e| corrupt(index, format!("bad info record: {e}")))
}

impl Index {
    /// Open the index at `path` for reading: it must exist, be a finished
    /// copycat index of this format.
    pub fn open(path: &Path) -> Result<Index, Error> {
        if !path.exists() {
            return Err(Error::Missing {
                index: path.to_path_buf(),
            });
        }
        if path.is_dir() {
            return Err(Error::Corrupt {
                index: path.to_path_buf(),
                why: "a folder, not an index file".into(),
            });
        }
        let db = ReadOnlyDatabase::open(path).map_err(|e| open_error(path, e))?;
        let tx = db.begin_read().map_err(|e| corrupt(path, e))?;
        let Some(info) = read_info(path, &tx)? else {
            return Err(Error::Corrupt {
                index: path.to_path_buf(),
                why: "no copycat tables in it".into(),
            });
        };
        if info.format != FORMAT {
            return Err(Error::Incompatible {
                index: path.to_path_buf(),
                root: info.root,
            });
        }
        Ok(Index {
            path: path.to_path_buf(),
            info,
            tx,
        })
    }

    /// The index file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder indexed.
    pub fn root(&self) -> &Path {
        &self.info.root
    }

    /// Articles indexed.
    pub fn len(&self) -> u64 {
        self.info.docs
    }

    /// Whether no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.info.docs == 0
    }

    /// Distinct sentences indexed.
    pub fn distinct(&self) -> u64 {
        self.info.distinct
    }

    fn corrupt(&self, e: impl std::fmt::Display) -> Error {
        corrupt(&self.path, e)
    }

    /// The article with id `id`.
    pub fn doc(&self, id: u32) -> Result<Doc, Error> {
        let t = self.tx.open_table(DOCS).map_err(|e| self.corrupt(e))?;
        let v = t
            .get(id)
            .map_err(|e| self.corrupt(e))?
            .ok_or_else(|| self.corrupt(format!("article {id} is missing")))?;
        serde_json::from_slice(v.value()).map_err(|e| self.corrupt(e))
    }

    /// Every indexed article with its id, in id order.
    pub fn docs(&self) -> Result<Vec<(u32, Doc)>, Error> {
        let t = self.tx.open_table(DOCS).map_err(|e| self.corrupt(e))?;
        let mut out = Vec::new();
        for r in t.iter().map_err(|e| self.corrupt(e))? {
            let (k, v) = r.map_err(|e| self.corrupt(e))?;
            let doc: Doc = serde_json::from_slice(v.value()).map_err(|e| self.corrupt(e))?;
            out.push((k.value(), doc));
        }
        Ok(out)
    }

    /// The distinct sentences of article `id`, as sorted stem ids.
    pub(super) fn sets(&self, id: u32) -> Result<Vec<Vec<u32>>, Error> {
        let t = self.tx.open_table(SETS).map_err(|e| self.corrupt(e))?;
        let v = t
            .get(id)
            .map_err(|e| self.corrupt(e))?
            .ok_or_else(|| self.corrupt(format!("sentences of article {id} are missing")))?;
        codec::get_sets(v.value())
            .ok_or_else(|| self.corrupt(format!("sentences of article {id} do not decode")))
    }

    /// The id of each stem key, `None` for stems the index has never seen.
    pub(super) fn stem_ids(&self, keys: &[u64]) -> Result<Vec<Option<u32>>, Error> {
        let t = self.tx.open_table(STEMS).map_err(|e| self.corrupt(e))?;
        keys.iter()
            .map(|&k| {
                t.get(k)
                    .map(|v| v.map(|v| v.value()))
                    .map_err(|e| self.corrupt(e))
            })
            .collect()
    }

    /// Distinct sentences holding each stem id.
    pub(super) fn df(&self, ids: &[u32]) -> Result<Vec<u32>, Error> {
        let t = self.tx.open_table(DF).map_err(|e| self.corrupt(e))?;
        ids.iter()
            .map(|&k| {
                t.get(k)
                    .map(|v| v.map_or(0, |v| v.value()))
                    .map_err(|e| self.corrupt(e))
            })
            .collect()
    }

    /// Articles holding the sentence with these stem ids.
    pub(super) fn holders(&self, set: &[u32]) -> Result<u32, Error> {
        let t = self.tx.open_table(HOLDERS).map_err(|e| self.corrupt(e))?;
        t.get(set_key(set))
            .map(|v| v.map_or(0, |v| v.value()))
            .map_err(|e| self.corrupt(e))
    }

    /// The articles holding stem `id`, ascending.
    pub(super) fn postings(&self, id: u32) -> Result<Vec<u32>, Error> {
        let t = self.tx.open_table(POSTINGS).map_err(|e| self.corrupt(e))?;
        let mut out = Vec::new();
        for r in t
            .range((id, 0)..=(id, u32::MAX))
            .map_err(|e| self.corrupt(e))?
        {
            let (k, v) = r.map_err(|e| self.corrupt(e))?;
            let ids = codec::get_sorted(v.value(), k.value().1)
                .ok_or_else(|| self.corrupt(format!("postings of stem {id} do not decode")))?;
            out.extend(ids);
        }
        Ok(out)
    }
}
