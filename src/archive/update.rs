//! Building and bringing up to date the index of a folder.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rayon::prelude::*;
use redb::{Database, ReadableDatabase, ReadableTable, Table, WriteTransaction};

use super::fingerprint::{self, content_hash};
use super::store::{
    self, CHUNK_BYTES, DF, DOCS, Doc, FORMAT, HOLDERS, Info, META, POSTINGS, SETS, STEMS, hex,
    set_key,
};
use super::{Error, Progress, codec};
use crate::article::load;

/// Files read, fingerprinted and written in one transaction. A run cut
/// short loses at most the batch it was in; a batch's fingerprints are held
/// in memory until written (about 5 KB an article).
pub const BATCH: usize = 4000;

/// A run that changed at least one article in this many packs the index's
/// pages full at the end; smaller ones only give back the free space.
const COMPACT_SHARE: u64 = 5;

/// [`BATCH`]; debug builds (the tests) take another size from
/// `COPYCAT_TEST_INDEX_BATCH`, so that a test can interrupt a run between
/// commits of a small folder.
fn batch_size() -> usize {
    #[cfg(debug_assertions)]
    if let Some(n) = std::env::var("COPYCAT_TEST_INDEX_BATCH")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &usize| n > 0)
    {
        return n;
    }
    BATCH
}

/// What a run of [`update`] did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Updated {
    /// New files indexed.
    pub added: usize,
    /// Files whose content changed, indexed again.
    pub changed: usize,
    /// Files gone from the folder (or no longer readable), dropped.
    pub removed: usize,
    /// Files whose size or time changed but not their content.
    pub touched: usize,
    /// Files as they were.
    pub unchanged: usize,
    /// Articles in the index now.
    pub docs: u64,
    /// Whether an index of another format was found and rebuilt.
    pub rebuilt: bool,
    /// Files skipped, one line each (unreadable, binary, empty).
    pub warnings: Vec<String>,
}

/// A file's size and modification time: what tells, without reading it,
/// that it may have changed.
fn stamp(md: &std::fs::Metadata) -> (u64, i64) {
    let mtime = md
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    (md.len(), mtime)
}

/// `dir`'s file `f` as stored in the index: relative, `/`-separated; `None`
/// when its name is not UTF-8 (it could not be named back).
fn relative(dir: &Path, f: &Path) -> Option<String> {
    let rel = f.strip_prefix(dir).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

/// One file read and fingerprinted.
struct Read {
    rel: String,
    doc: Doc,
    sets: Vec<Vec<u64>>,
}

fn read_one(root: &Path, rel: &str) -> Result<Read, String> {
    let path = root.join(rel);
    let md = std::fs::metadata(&path).map_err(|e| format!("skipped {}: {e}", path.display()))?;
    let art = load::read_article(&path).map_err(|e| format!("skipped {e}"))?;
    let (size, mtime) = stamp(&md);
    let mut sets: Vec<Vec<u64>> = fingerprint::sentences(&art)
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    sets.sort_unstable();
    sets.dedup();
    Ok(Read {
        rel: rel.to_string(),
        doc: Doc {
            path: rel.to_string(),
            size,
            mtime,
            hash: hex(content_hash(&art.bytes)),
            title: art.meta.title.clone(),
            date: art.meta.date.clone(),
            outlet: art.meta.outlet.clone(),
        },
        sets,
    })
}

/// Build the index of `dir` at `index`, or bring an existing one up to date:
/// new and changed files are indexed, deleted ones dropped, the rest left
/// as they are. Committed in batches of [`BATCH`] files: a run cut short
/// leaves the index as of its last commit (redb's transactions), and the
/// next run carries on from there.
pub fn update(dir: &Path, index: &Path, progress: &dyn Progress) -> Result<Updated, Error> {
    let io = |p: &Path, e: std::io::Error| Error::Io {
        path: p.to_path_buf(),
        why: e.to_string(),
    };
    let md = std::fs::metadata(dir).map_err(|e| io(dir, e))?;
    if !md.is_dir() {
        return Err(Error::Io {
            path: dir.to_path_buf(),
            why: "not a folder (copycat index takes a folder of articles)".into(),
        });
    }
    let root = std::fs::canonicalize(dir).map_err(|e| io(dir, e))?;
    if index.is_dir() {
        return Err(Error::Io {
            path: index.to_path_buf(),
            why: "a folder; --index names the index file".into(),
        });
    }
    let existed = index.exists();
    let db = Database::builder()
        .create(index)
        .map_err(|e| store::open_error(index, e))?;
    let mut out = Updated::default();
    let stored = {
        let tx = db.begin_read().map_err(|e| store::corrupt(index, e))?;
        store::read_info(index, &tx)?
    };
    let mut info = match stored {
        Some(i) if i.root != root => {
            return Err(Error::OtherFolder {
                index: index.to_path_buf(),
                root: i.root,
                dir: dir.to_path_buf(),
            });
        }
        Some(i) if i.format != FORMAT => {
            out.rebuilt = true;
            clear(&db, index)?;
            fresh(&root)
        }
        Some(i) => i,
        None if existed && has_tables(&db, index)? => {
            return Err(Error::Corrupt {
                index: index.to_path_buf(),
                why: "a database without copycat's tables".into(),
            });
        }
        None => fresh(&root),
    };

    // What is there now, and what the index holds.
    progress.step("listing the folder", None);
    let files = load::list_folder(&root, &mut out.warnings);
    let known: HashMap<String, (u32, Doc)> = {
        let tx = db.begin_read().map_err(|e| store::corrupt(index, e))?;
        match tx.open_table(DOCS) {
            Ok(t) => {
                let mut m = HashMap::new();
                for r in t.iter().map_err(|e| store::corrupt(index, e))? {
                    let (k, v) = r.map_err(|e| store::corrupt(index, e))?;
                    let d: Doc =
                        serde_json::from_slice(v.value()).map_err(|e| store::corrupt(index, e))?;
                    m.insert(d.path.clone(), (k.value(), d));
                }
                m
            }
            Err(redb::TableError::TableDoesNotExist(_)) => HashMap::new(),
            Err(e) => return Err(store::corrupt(index, e)),
        }
    };
    progress.step("checking files", Some(files.len() as u64));
    let mut listed: Vec<String> = Vec::with_capacity(files.len());
    for f in &files {
        match relative(&root, f) {
            Some(r) => listed.push(r),
            None => out
                .warnings
                .push(format!("skipped {}: the name is not UTF-8", f.display())),
        }
    }
    // Stat in parallel: on a cold cache or a network folder that is most of
    // an unchanged run's time.
    let todo: Vec<(String, Option<u32>)> = listed
        .par_iter()
        .filter_map(|rel| {
            progress.advance(1);
            let old = known.get(rel);
            let same = old.is_some_and(|(_, d)| {
                std::fs::metadata(root.join(rel)).is_ok_and(|m| stamp(&m) == (d.size, d.mtime))
            });
            (!same).then(|| (rel.clone(), old.map(|(id, _)| *id)))
        })
        .collect();
    let listed_set: std::collections::HashSet<&str> = listed.iter().map(String::as_str).collect();
    let mut gone: Vec<u32> = known
        .iter()
        .filter(|(p, _)| !listed_set.contains(p.as_str()))
        .map(|(_, (id, _))| *id)
        .collect();
    gone.sort_unstable();
    out.unchanged = listed.len() - todo.len();

    let mut w = Writer::new(&db, index, info.clone())?;
    if !gone.is_empty() {
        progress.step("dropping deleted files", Some(gone.len() as u64));
        for &id in &gone {
            w.remove(id)?;
            progress.advance(1);
        }
        out.removed += gone.len();
        info = w.commit()?;
        w = Writer::new(&db, index, info.clone())?;
    }
    if !todo.is_empty() {
        progress.step("indexing", Some(todo.len() as u64));
    }
    for batch in todo.chunks(batch_size()) {
        let read: Vec<(Result<Read, String>, Option<u32>)> = batch
            .par_iter()
            .map(|(rel, old)| {
                let r = read_one(&root, rel);
                progress.advance(1);
                (r, *old)
            })
            .collect();
        for (r, old) in read {
            match (r, old) {
                (Ok(r), Some(id)) if known[&r.rel].1.hash == r.doc.hash => {
                    // Touched, not changed: the new size and time only.
                    w.put_doc(id, &r.doc)?;
                    out.touched += 1;
                }
                (Ok(r), Some(id)) => {
                    w.remove(id)?;
                    w.add(&r)?;
                    out.changed += 1;
                }
                (Ok(r), None) => {
                    w.add(&r)?;
                    out.added += 1;
                }
                (Err(why), old) => {
                    out.warnings.push(why);
                    if let Some(id) = old {
                        w.remove(id)?;
                        out.removed += 1;
                    }
                }
            }
        }
        info = w.commit()?;
        w = Writer::new(&db, index, info.clone())?;
    }
    // The info of a new, empty or unchanged index is written too: the file
    // is then an index whatever happened.
    info = w.commit()?;
    out.docs = info.docs;
    // Copy-on-write leaves the pages of earlier versions free but in the
    // file. After a large change (a first build) they are given back and
    // the pages packed, which roughly halves a new index; after a small one
    // the pages at the end are moved into the holes and the file cut short,
    // or every later update would grow it by the pages it rewrote.
    let changes = out.added + out.changed + out.removed;
    if changes > 0 {
        let mode = if changes as u64 * COMPACT_SHARE >= info.docs {
            redb::CompactionMode::Maximum
        } else {
            redb::CompactionMode::Balanced
        };
        progress.step("compacting the index", None);
        let mut db = db;
        db.compact(mode).map_err(|e| Error::storage(index, e))?;
    }
    Ok(out)
}

fn fresh(root: &Path) -> Info {
    Info {
        format: FORMAT,
        root: root.to_path_buf(),
        next_doc: 0,
        next_stem: 0,
        docs: 0,
        distinct: 0,
    }
}

fn has_tables(db: &Database, index: &Path) -> Result<bool, Error> {
    let tx = db.begin_read().map_err(|e| store::corrupt(index, e))?;
    let mut tables = tx.list_tables().map_err(|e| store::corrupt(index, e))?;
    Ok(tables.next().is_some())
}

/// Drop every table (an index of another format), in one transaction.
fn clear(db: &Database, index: &Path) -> Result<(), Error> {
    let tx = db.begin_write().map_err(|e| Error::storage(index, e))?;
    let tables: Vec<redb::UntypedTableHandle> = tx
        .list_tables()
        .map_err(|e| store::corrupt(index, e))?
        .collect();
    for t in tables {
        tx.delete_table(t).map_err(|e| store::corrupt(index, e))?;
    }
    tx.commit().map_err(|e| Error::storage(index, e))
}

/// One write transaction, and the postings of the articles added in it,
/// written at commit.
struct Writer<'db> {
    index: &'db Path,
    info: Info,
    tx: WriteTransaction,
    /// Stem id → articles added in this transaction (ascending).
    pending: BTreeMap<u32, Vec<u32>>,
}

/// A table of the transaction (created when not there yet).
fn open<'t, K: redb::Key + 'static, V: redb::Value + 'static>(
    tx: &'t WriteTransaction,
    index: &Path,
    def: redb::TableDefinition<K, V>,
) -> Result<Table<'t, K, V>, Error> {
    tx.open_table(def).map_err(|e| Error::storage(index, e))
}

impl<'db> Writer<'db> {
    fn new(db: &'db Database, index: &'db Path, info: Info) -> Result<Writer<'db>, Error> {
        let tx = db.begin_write().map_err(|e| Error::storage(index, e))?;
        Ok(Writer {
            index,
            info,
            tx,
            pending: BTreeMap::new(),
        })
    }

    fn put_doc(&self, id: u32, doc: &Doc) -> Result<(), Error> {
        let ix = self.index;
        let err = |e: redb::StorageError| Error::storage(ix, e);
        let json = serde_json::to_vec(doc).map_err(|e| Error::storage(ix, e))?;
        open(&self.tx, ix, DOCS)?
            .insert(id, json.as_slice())
            .map_err(err)?;
        Ok(())
    }

    /// Index one article under a new id.
    fn add(&mut self, r: &Read) -> Result<(), Error> {
        let ix = self.index;
        let err = |e: redb::StorageError| Error::storage(ix, e);
        let id = self.info.next_doc;
        self.info.next_doc = id
            .checked_add(1)
            .ok_or_else(|| Error::storage(ix, "more than 4 billion articles indexed over time"))?;
        // Stem keys → ids, new stems numbered on.
        let mut sets: Vec<Vec<u32>> = Vec::with_capacity(r.sets.len());
        {
            let mut stems = open(&self.tx, ix, STEMS)?;
            let mut ids: HashMap<u64, u32> = HashMap::new();
            for set in &r.sets {
                let mut s = Vec::with_capacity(set.len());
                for &k in set {
                    let id = match ids.get(&k) {
                        Some(&id) => id,
                        None => {
                            let found = stems.get(k).map_err(err)?.map(|v| v.value());
                            let id = match found {
                                Some(id) => id,
                                None => {
                                    let id = self.info.next_stem;
                                    self.info.next_stem += 1;
                                    stems.insert(k, id).map_err(err)?;
                                    id
                                }
                            };
                            ids.insert(k, id);
                            id
                        }
                    };
                    s.push(id);
                }
                s.sort_unstable();
                sets.push(s);
            }
        }
        sets.sort_unstable();
        sets.dedup();
        {
            let mut holders = open(&self.tx, ix, HOLDERS)?;
            let mut df = open(&self.tx, ix, DF)?;
            for set in &sets {
                let key = set_key(set);
                let n = holders.get(key).map_err(err)?.map_or(0, |v| v.value());
                holders.insert(key, n + 1).map_err(err)?;
                if n == 0 {
                    self.info.distinct += 1;
                    for &s in set {
                        let d = df.get(s).map_err(err)?.map_or(0, |v| v.value());
                        df.insert(s, d + 1).map_err(err)?;
                    }
                }
            }
        }
        let mut stems: Vec<u32> = sets.iter().flatten().copied().collect();
        stems.sort_unstable();
        stems.dedup();
        for s in stems {
            self.pending.entry(s).or_default().push(id);
        }
        open(&self.tx, ix, SETS)?
            .insert(id, codec::put_sets(&sets).as_slice())
            .map_err(err)?;
        self.put_doc(id, &r.doc)?;
        self.info.docs += 1;
        Ok(())
    }

    /// Drop article `id` from every table.
    fn remove(&mut self, id: u32) -> Result<(), Error> {
        let ix = self.index;
        let err = |e: redb::StorageError| Error::storage(ix, e);
        let sets = {
            let t = open(&self.tx, ix, SETS)?;
            let v = t.get(id).map_err(err)?;
            match v {
                Some(v) => codec::get_sets(v.value())
                    .ok_or_else(|| store::corrupt(ix, format!("sentences of article {id}")))?,
                None => Vec::new(),
            }
        };
        {
            let mut holders = open(&self.tx, ix, HOLDERS)?;
            let mut df = open(&self.tx, ix, DF)?;
            for set in &sets {
                let key = set_key(set);
                let n = holders.get(key).map_err(err)?.map_or(0, |v| v.value());
                if n > 1 {
                    holders.insert(key, n - 1).map_err(err)?;
                    continue;
                }
                holders.remove(key).map_err(err)?;
                self.info.distinct = self.info.distinct.saturating_sub(1);
                for &s in set {
                    let d = df.get(s).map_err(err)?.map_or(0, |v| v.value());
                    if d > 1 {
                        df.insert(s, d - 1).map_err(err)?;
                    } else {
                        df.remove(s).map_err(err)?;
                    }
                }
            }
        }
        let mut stems: Vec<u32> = sets.iter().flatten().copied().collect();
        stems.sort_unstable();
        stems.dedup();
        // An article added earlier in this same transaction has its
        // postings still pending.
        for s in &stems {
            if let Some(p) = self.pending.get_mut(s) {
                p.retain(|&d| d != id);
            }
        }
        {
            let mut post = open(&self.tx, ix, POSTINGS)?;
            for s in stems {
                let found = {
                    let mut r = post.range((s, 0)..=(s, id)).map_err(err)?;
                    match r.next_back() {
                        Some(kv) => {
                            let (k, v) = kv.map_err(err)?;
                            let first = k.value().1;
                            let ids = codec::get_sorted(v.value(), first).ok_or_else(|| {
                                store::corrupt(ix, format!("postings of stem {s}"))
                            })?;
                            Some((first, ids))
                        }
                        None => None,
                    }
                };
                let Some((first, mut ids)) = found else {
                    continue;
                };
                ids.retain(|&d| d != id);
                if ids.is_empty() {
                    post.remove((s, first)).map_err(err)?;
                } else {
                    let mut bytes = Vec::new();
                    codec::put_sorted(&mut bytes, first, &ids);
                    post.insert((s, first), bytes.as_slice()).map_err(err)?;
                }
            }
        }
        open(&self.tx, ix, SETS)?.remove(id).map_err(err)?;
        if open(&self.tx, ix, DOCS)?.remove(id).map_err(err)?.is_some() {
            self.info.docs = self.info.docs.saturating_sub(1);
        }
        Ok(())
    }

    /// Append the pending postings to each stem's last chunk (new chunks
    /// once it is full).
    fn flush_postings(&mut self) -> Result<(), Error> {
        let ix = self.index;
        let err = |e: redb::StorageError| Error::storage(ix, e);
        let pending = std::mem::take(&mut self.pending);
        let mut post = open(&self.tx, ix, POSTINGS)?;
        for (s, docs) in pending {
            if docs.is_empty() {
                continue;
            }
            let last = {
                let mut r = post.range((s, 0)..=(s, u32::MAX)).map_err(err)?;
                match r.next_back() {
                    Some(kv) => {
                        let (k, v) = kv.map_err(err)?;
                        Some((k.value().1, v.value().to_vec()))
                    }
                    None => None,
                }
            };
            let mut rest: &[u32] = &docs;
            if let Some((first, bytes)) = last
                && bytes.len() < CHUNK_BYTES
            {
                let ids = codec::get_sorted(&bytes, first)
                    .ok_or_else(|| store::corrupt(ix, format!("postings of stem {s}")))?;
                let mut prev = ids.last().copied().unwrap_or(first);
                let mut out = bytes;
                while let Some((&d, tail)) = rest.split_first() {
                    if out.len() >= CHUNK_BYTES {
                        break;
                    }
                    codec::put(&mut out, u64::from(d - prev));
                    prev = d;
                    rest = tail;
                }
                post.insert((s, first), out.as_slice()).map_err(err)?;
            }
            while let Some(&first) = rest.first() {
                let mut out = Vec::new();
                let mut prev = first;
                while let Some((&d, tail)) = rest.split_first() {
                    if out.len() >= CHUNK_BYTES {
                        break;
                    }
                    codec::put(&mut out, u64::from(d - prev));
                    prev = d;
                    rest = tail;
                }
                post.insert((s, first), out.as_slice()).map_err(err)?;
            }
        }
        Ok(())
    }

    /// Write the pending postings and the info, and commit: durable once
    /// this returns.
    fn commit(mut self) -> Result<Info, Error> {
        let ix = self.index;
        self.flush_postings()?;
        let json = serde_json::to_vec(&self.info).map_err(|e| Error::storage(ix, e))?;
        open(&self.tx, ix, META)?
            .insert("info", json.as_slice())
            .map_err(|e| Error::storage(ix, e))?;
        self.tx.commit().map_err(|e| Error::storage(ix, e))?;
        Ok(self.info)
    }
}
