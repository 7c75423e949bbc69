//! The archive: the index agrees with `rank`, grows and shrinks with its
//! folder, says clearly when it is missing, stale or damaged, and survives a
//! run killed midway.

#[path = "../benches/support/news.rs"]
mod news;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use copycat::archive::{self, Error, Index, Quiet, find, fingerprint};
use copycat::article::{self, Article};
use copycat::corpus;

/// Write `n` generated articles into `dir`; the corpus and its truth.
fn write_corpus(dir: &Path, n: usize, seed: u64) -> news::Corpus {
    let c = news::corpus(n, seed);
    for a in &c.articles {
        std::fs::write(dir.join(&a.name), &a.text).unwrap();
    }
    c
}

fn load(dir: &Path) -> Vec<Article> {
    article::load_paths(&[dir.to_path_buf()]).unwrap().articles
}

/// What `find` reports for `query`: other article's file name → (score,
/// b_in_a, a_in_b, links, direction, query is A).
type Found = HashMap<String, (f64, f64, f64, usize, &'static str, bool)>;

fn file_name(p: &str) -> String {
    Path::new(p)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn found(index: &Index, query: &Path) -> Found {
    let art = article::load::read_article(query).unwrap();
    let opts = find::Options {
        exclude: Some(query.to_path_buf()),
        ..Default::default()
    };
    let f = find(index, art, &opts, &Quiet).unwrap();
    f.ranking
        .pairs
        .iter()
        .map(|p| {
            let other = if p.a == 0 { p.b } else { p.a };
            (
                file_name(&f.articles[other].path),
                (
                    p.score(),
                    p.b_in_a,
                    p.a_in_b,
                    p.links,
                    p.direction.as_str(),
                    p.a == 0,
                ),
            )
        })
        .collect()
}

/// Fingerprints are `corpus::candidates`'s sentences: the same count of
/// sentences and of distinct ones over a generated corpus.
#[test]
fn fingerprints_are_the_corpus_sentences() {
    let made = news::corpus(300, 5);
    let arts: Vec<Article> = made
        .articles
        .iter()
        .map(|m| Article::parse(m.name.clone(), m.text.as_bytes().to_vec()))
        .collect();
    let c = corpus::candidates::candidates(&arts);
    let mut total = 0;
    let mut distinct = HashSet::new();
    for a in &arts {
        for (_, s) in fingerprint::sentences(a) {
            total += 1;
            distinct.insert(s);
        }
    }
    assert_eq!(total, c.sentences);
    assert_eq!(distinct.len(), c.distinct);
}

/// `find` proposes, for each article of a folder, every pair `rank` lists
/// with it, with the same figures (one alignment, oriented alike).
#[test]
fn find_agrees_with_rank() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path(), 160, 21);
    let index_path = dir.path().join(".copycat-index");
    let up = archive::update(dir.path(), &index_path, &Quiet).unwrap();
    assert_eq!((up.added, up.docs), (160, 160));
    let arts = load(dir.path());
    // `find` aligns the query with each article found, reprints included:
    // rank without grouping reprints into families.
    let no_families = corpus::Options {
        families: false,
        ..corpus::Options::default()
    };
    let ranking = corpus::rank_with(&arts, &no_families, &corpus::Quiet);
    let index = Index::open(&index_path).unwrap();
    assert_eq!(index.len(), 160);
    // Rank's pairs by article.
    let mut by_article: HashMap<String, Vec<&corpus::Pair>> = HashMap::new();
    for p in &ranking.pairs {
        by_article
            .entry(file_name(&arts[p.a].path))
            .or_default()
            .push(p);
        by_article
            .entry(file_name(&arts[p.b].path))
            .or_default()
            .push(p);
    }
    let (mut expected, mut hit) = (0, 0);
    for (name, pairs) in &by_article {
        let got = found(&index, &dir.path().join(name));
        for p in pairs {
            let (x, y) = (file_name(&arts[p.a].path), file_name(&arts[p.b].path));
            let other = if &x == name { &y } else { &x };
            expected += 1;
            let Some(f) = got.get(other) else {
                continue;
            };
            hit += 1;
            // The same alignment, so the same figures: the share of the
            // query found in the other and the other way round; oriented
            // alike when the direction is known (when it is not, each puts
            // first the article it was given first).
            let of_query = |query_is_a: bool, b_in_a: f64, a_in_b: f64| {
                if query_is_a {
                    (a_in_b, b_in_a)
                } else {
                    (b_in_a, a_in_b)
                }
            };
            let (fq, fo) = of_query(f.5, f.1, f.2);
            let (rq, ro) = of_query(&x == name, p.b_in_a, p.a_in_b);
            assert!((f.0 - p.score()).abs() < 1e-12, "{name} {other}");
            assert!((fq - rq).abs() < 1e-12, "{name} {other}");
            assert!((fo - ro).abs() < 1e-12, "{name} {other}");
            assert_eq!(f.3, p.links, "{name} {other}");
            assert_eq!(f.4, p.direction.as_str(), "{name} {other}");
            if p.direction.known() {
                assert_eq!(f.5, &x == name, "{name} {other}");
            }
        }
    }
    assert!(expected > 100, "{expected} pairs");
    assert!(
        hit as f64 >= 0.99 * expected as f64,
        "find found {hit} of rank's {expected} pair ends"
    );
}

/// Adding, changing and deleting files, then updating, gives the index a
/// fresh build gives; an unchanged folder changes nothing.
#[test]
fn updates_match_a_fresh_build() {
    let dir = tempfile::tempdir().unwrap();
    let c = write_corpus(dir.path(), 120, 8);
    // Hold some back, to add later.
    let held_dir = tempfile::tempdir().unwrap();
    let held = held_dir.path();
    for a in &c.articles[100..] {
        std::fs::rename(dir.path().join(&a.name), held.join(&a.name)).unwrap();
    }
    let other = tempfile::tempdir().unwrap();
    let ix = other.path().join("index");
    let up = archive::update(dir.path(), &ix, &Quiet).unwrap();
    assert_eq!((up.added, up.docs), (100, 100));
    let again = archive::update(dir.path(), &ix, &Quiet).unwrap();
    assert_eq!(
        (again.added, again.changed, again.removed, again.unchanged),
        (0, 0, 0, 100)
    );
    // Twenty new files, one changed, two deleted, one touched only.
    for a in &c.articles[100..] {
        std::fs::rename(held.join(&a.name), dir.path().join(&a.name)).unwrap();
    }
    let changed = dir.path().join(&c.articles[3].name);
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\nA closing sentence about the harbour authority and its pilots.\n");
    std::fs::write(&changed, text).unwrap();
    std::fs::remove_file(dir.path().join(&c.articles[5].name)).unwrap();
    std::fs::remove_file(dir.path().join(&c.articles[6].name)).unwrap();
    let touched = dir.path().join(&c.articles[7].name);
    let same = std::fs::read(&touched).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&touched, same).unwrap();
    let up = archive::update(dir.path(), &ix, &Quiet).unwrap();
    assert_eq!(
        (up.added, up.changed, up.removed, up.touched, up.docs),
        (20, 1, 2, 1, 118)
    );
    // A fresh build of the folder as it is now.
    let fresh = other.path().join("fresh");
    archive::update(dir.path(), &fresh, &Quiet).unwrap();
    let (a, b) = (Index::open(&ix).unwrap(), Index::open(&fresh).unwrap());
    assert_eq!(a.len(), b.len());
    assert_eq!(a.distinct(), b.distinct());
    let docs = |i: &Index| -> Vec<(String, String)> {
        let mut v: Vec<_> = i
            .docs()
            .unwrap()
            .into_iter()
            .map(|(_, d)| (d.path, d.hash))
            .collect();
        v.sort();
        v
    };
    assert_eq!(docs(&a), docs(&b));
    for m in c.articles.iter().step_by(7) {
        let q = dir.path().join(&m.name);
        if !q.exists() {
            continue;
        }
        assert_eq!(found(&a, &q), found(&b, &q), "{}", m.name);
    }
}

/// A file changed after indexing is named, with what to run; so is a
/// file removed.
#[test]
fn a_stale_index_names_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let c = write_corpus(dir.path(), 80, 3);
    let ix = dir.path().join(".copycat-index");
    archive::update(dir.path(), &ix, &Quiet).unwrap();
    // An article with a planted source: its source is a candidate.
    let (copy, src) = c
        .articles
        .iter()
        .find_map(|a| {
            a.planted
                .map(|(s, _)| (a.name.clone(), c.articles[s].name.clone()))
        })
        .unwrap();
    let index = Index::open(&ix).unwrap();
    assert!(found(&index, &dir.path().join(&copy)).contains_key(&src));
    let src_path = dir.path().join(&src);
    let mut text = std::fs::read_to_string(&src_path).unwrap();
    text.push_str("\nCorrection: an earlier version misspelt a name.\n");
    std::fs::write(&src_path, &text).unwrap();
    let query = || article::load::read_article(&dir.path().join(&copy)).unwrap();
    let err = find(&index, query(), &Default::default(), &Quiet).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, Error::Stale { .. }), "{msg}");
    assert!(
        msg.contains(&src) && msg.contains("changed since it was indexed"),
        "{msg}"
    );
    assert!(msg.contains("copycat index"), "{msg}");
    std::fs::remove_file(&src_path).unwrap();
    let msg = find(&index, query(), &Default::default(), &Quiet)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("was removed since it was indexed"), "{msg}");
}

#[test]
fn missing_and_damaged_indexes_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here");
    let e = Index::open(&missing).err().unwrap();
    assert!(matches!(e, Error::Missing { .. }), "{e}");
    assert!(e.to_string().contains("no index there"), "{e}");
    let garbage = dir.path().join("garbage");
    std::fs::write(&garbage, vec![0x5a; 10_000]).unwrap();
    let e = Index::open(&garbage).err().unwrap();
    assert!(matches!(e, Error::Corrupt { .. }), "{e}");
    assert!(e.to_string().contains("not a copycat index"), "{e}");
    // `copycat index` refuses to write over it, too.
    let arts = dir.path().join("arts");
    std::fs::create_dir(&arts).unwrap();
    write_corpus(&arts, 5, 1);
    let e = archive::update(&arts, &garbage, &Quiet).unwrap_err();
    assert!(matches!(e, Error::Corrupt { .. }), "{e}");
    // An index of another folder.
    let ix = dir.path().join("ix");
    archive::update(&arts, &ix, &Quiet).unwrap();
    let e = archive::update(dir.path(), &ix, &Quiet).unwrap_err();
    assert!(matches!(e, Error::OtherFolder { .. }), "{e}");
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_copycat"))
}

/// A run killed midway (SIGKILL, between or inside commits) leaves an index
/// that opens, and a rerun completes it: the same index a run never
/// interrupted builds.
#[test]
fn a_killed_run_leaves_an_index_a_rerun_completes() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path(), 1500, 17);
    let other = tempfile::tempdir().unwrap();
    let ix = other.path().join("index");
    let index = |batch: &str| {
        Command::new(bin())
            .arg("index")
            .arg(dir.path())
            .arg("--index")
            .arg(&ix)
            .env("COPYCAT_TEST_INDEX_BATCH", batch)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    // Kill once a commit or two has grown the file; the moment varies, the
    // outcome must not.
    let mut killed = false;
    for _ in 0..3 {
        let _ = std::fs::remove_file(&ix);
        let mut child = index("50");
        let mut size = 0;
        while child.try_wait().unwrap().is_none() {
            size = std::fs::metadata(&ix).map_or(0, |m| m.len());
            if size > 2_000_000 {
                child.kill().unwrap();
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let status = child.wait().unwrap();
        if status.signal() == Some(9) {
            killed = true;
            assert!(size > 0);
            break;
        }
    }
    assert!(killed, "every run finished before it could be killed");
    // The reader says what to do, in one line, exit 2 — or reads the
    // commits made so far.
    let query = dir.path().join("n00000.txt");
    let find = Command::new(bin())
        .arg("find")
        .arg(&query)
        .arg("--index")
        .arg(&ix)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&find.stderr);
    match find.status.code() {
        Some(0) => {}
        Some(2) => {
            assert!(err.contains("interrupted `copycat index`"), "{err}");
            assert_eq!(err.lines().count(), 1, "{err}");
        }
        other => panic!("find exited {other:?}: {err}"),
    }
    // A rerun repairs and completes it.
    let out = index("50").wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fresh = other.path().join("fresh");
    archive::update(dir.path(), &fresh, &Quiet).unwrap();
    let (a, b) = (Index::open(&ix).unwrap(), Index::open(&fresh).unwrap());
    assert_eq!((a.len(), a.distinct()), (b.len(), b.distinct()));
    assert_eq!(a.len(), 1500);
    assert_eq!(found(&a, &query), found(&b, &query));
}

/// The command line: one line and exit 2 for a missing index; `find`'s JSON
/// is `rank`'s.
#[test]
fn the_command_line_reports_and_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let c = write_corpus(dir.path(), 60, 4);
    let run = |args: &[&std::ffi::OsStr]| Command::new(bin()).args(args).output().unwrap();
    let os = |s: &str| std::ffi::OsString::from(s);
    let missing = dir.path().join("no-index");
    let q = dir.path().join(&c.articles[0].name);
    let out = run(&[
        &os("find"),
        q.as_os_str(),
        &os("--index"),
        missing.as_os_str(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no index there"), "{err}");
    // Built at the default place, then searched.
    let out = run(&[&os("index"), dir.path().as_os_str()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("60 articles indexed (60 added"));
    let ix = dir.path().join(".copycat-index");
    let (copy, src) = c
        .articles
        .iter()
        .find_map(|a| {
            a.planted
                .map(|(s, _)| (a.name.clone(), c.articles[s].name.clone()))
        })
        .unwrap();
    let out = run(&[
        &os("find"),
        dir.path().join(&copy).as_os_str(),
        &os("--index"),
        ix.as_os_str(),
        &os("--format"),
        &os("json"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["version", "summary", "pairs", "articles"] {
        assert!(v.get(key).is_some(), "no {key} in {v}");
    }
    assert_eq!(v["summary"]["all_pairs"], 59);
    let pairs = v["pairs"].as_array().unwrap();
    assert!(
        pairs.iter().any(|p| [&p["a"], &p["b"]]
            .iter()
            .any(|x| x.as_str().unwrap().ends_with(&src))),
        "{v}"
    );
    for p in pairs {
        for f in [
            "score",
            "b_in_a",
            "a_in_b",
            "copied",
            "reworded",
            "links",
            "direction",
        ] {
            assert!(p.get(f).is_some(), "no {f} in {p}");
        }
    }
    // Text: the first line says what was searched.
    let out = run(&[
        &os("find"),
        dir.path().join(&copy).as_os_str(),
        &os("--index"),
        ix.as_os_str(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("against 60 indexed articles"),
        "{text}"
    );
    assert!(text.contains("score  b in a"), "{text}");
}
