//! Quote and fact drift on the bundled articles: what the Palakshi rewrite
//! changed of the Reuters story it was lifted from, and nothing for spelling.

use copycat::align::align;
use copycat::article::{Article, bundled};
use copycat::comparison::Comparison;
use copycat::drift::{Flag, FlagKind, flags};
use copycat::export::{html, json, text};

fn pair(a: &str, b: &str) -> (Article, Article) {
    let arts = bundled();
    let find = |k: &str| arts.iter().find(|x| x.path.contains(k)).unwrap().clone();
    (find(a), find(b))
}

fn reuters_palakshi() -> (Article, Article, Vec<Flag>) {
    let (a, b) = pair("reuters", "palakshi");
    let al = align(&a, &b);
    let f = flags(&a, &b, &al);
    (a, b, f)
}

#[test]
fn the_altered_trump_quote_is_flagged_with_what_was_dropped() {
    let (a, b, f) = reuters_palakshi();
    let q: Vec<&Flag> = f
        .iter()
        .filter(|f| f.kind == FlagKind::AlteredQuote)
        .collect();
    assert_eq!(q.len(), 1, "{f:#?}");
    let q = q[0];
    assert!(
        a.text_at(q.a)
            .starts_with("“In the hopes of finalizing this Peace Plan")
    );
    assert!(
        b.text_at(q.b)
            .starts_with("\"In the hopes of finalising this Peace Plan")
    );
    assert_eq!(
        q.detail,
        "Trump’s words: B drops “with”, “at the same time”"
    );
    assert!(q.link.is_some());
}

#[test]
fn changed_names_and_numbers_are_flagged() {
    let (_, _, f) = reuters_palakshi();
    let details: Vec<(FlagKind, &str)> = f.iter().map(|f| (f.kind, f.detail.as_str())).collect();
    assert!(
        details.contains(&(
            FlagKind::Name,
            "“Sergei” → “Sergey” (in “Russian Foreign Minister Sergey Lavrov”)"
        )),
        "{details:#?}"
    );
    assert!(
        details.contains(&(FlagKind::Number, "“three” → “multiple”")),
        "{details:#?}"
    );
    assert!(
        details
            .iter()
            .any(|(k, d)| *k == FlagKind::Name && d.starts_with("“Zelenskiy” → “Zelensky”"))
    );
}

#[test]
fn spelling_variants_and_demonyms_are_not_changes() {
    for (x, y) in [
        ("reuters", "palakshi"),
        ("reuters", "undated-rewrite"),
        ("palakshi", "undated-rewrite"),
    ] {
        let (a, b) = pair(x, y);
        let f = flags(&a, &b, &align(&a, &b));
        for flag in &f {
            // What became what, without the name it sits in.
            let d = flag.detail.split(" (in ").next().unwrap().to_lowercase();
            for word in [
                "finaliz",
                "finalis",
                "skeptic",
                "sceptic",
                "russian”",
                "european",
                "ukrainians",
            ] {
                assert!(!d.contains(&format!("“{word}")), "{x}/{y}: {}", flag.detail);
            }
            assert!(
                !(flag.kind == FlagKind::Name && d.contains("“russia")),
                "{x}/{y}: {}",
                flag.detail
            );
        }
    }
}

#[test]
fn pairs_without_reuse_have_no_flags() {
    for (x, y) in [
        ("wsj", "reuters"),
        ("wsj", "palakshi"),
        ("undated-rewrite", "insider"),
    ] {
        let (a, b) = pair(x, y);
        let al = align(&a, &b);
        assert!(flags(&a, &b, &al).is_empty(), "{x}/{y}");
    }
}

#[test]
fn every_export_shows_the_flags() {
    let (a, b) = pair("reuters", "palakshi");
    let al = align(&a, &b);
    let v = json::to_value(&a, &b, &Comparison::of(&a, &b, al.clone()));
    let fl = v["flags"].as_array().unwrap();
    assert!(fl.len() >= 4);
    for f in fl {
        let (s, e) = (
            f["a"]["start"].as_u64().unwrap() as usize,
            f["a"]["end"].as_u64().unwrap() as usize,
        );
        assert!(s < e && e <= a.bytes.len());
        let kind = f["kind"].as_str().unwrap();
        assert!(["altered_quote", "reported_quote", "number", "name"].contains(&kind));
    }
    let quote = fl.iter().find(|f| f["kind"] == "altered_quote").unwrap();
    let (s, e) = (
        quote["a"]["start"].as_u64().unwrap() as usize,
        quote["a"]["end"].as_u64().unwrap() as usize,
    );
    assert!(
        std::str::from_utf8(&a.bytes[s..e])
            .unwrap()
            .contains("meet with President Putin")
    );
    let t = text::render(&a, &b, &Comparison::of(&a, &b, al.clone()), false);
    assert!(
        t.contains("⚑ altered quote: Trump’s words: B drops “with”, “at the same time”"),
        "{t}"
    );
    assert!(t.contains("1 altered quote · 1 number · 3 names"));
    let h = html::render(&a, &b, &Comparison::of(&a, &b, al.clone()));
    assert!(h.contains("Changed quotations and facts"));
    assert!(h.contains("<span class=\"flag\"><span class=\"fl\">⚑</span> name</span>"));
}

/// Issue 23: a link between two versions of a mathematical text flagged
/// `number “13” → “2^{n}}\sum_{x\in…”`; notation is not a fact. A number
/// changed in the prose around it still is.
#[test]
fn mathematics_code_and_tables_are_not_fact_changes() {
    let a = Article::parse(
        "a.txt",
        "Influence in networks\n\n\
         Now we are interested in summing the probability over 13 random walks that pass through an influential edge of the graph. \
         The walk length is bounded by 40 steps in every experiment we ran on the network.\n"
            .as_bytes()
            .to_vec(),
    );
    let b = Article::parse(
        "b.txt",
        "Influence in networks\n\n\
         Now we are interested in summing the probability over $2^{n}}\\sum_{x\\in S}$ random walks that pass through an influential edge of the graph. \
         The walk length is bounded by 60 steps in every experiment we ran on the network.\n"
            .as_bytes()
            .to_vec(),
    );
    let al = align(&a, &b);
    assert_eq!(al.links.len(), 3, "{:?}", al.links);
    let f = flags(&a, &b, &al);
    let numbers: Vec<&str> = f
        .iter()
        .filter(|f| f.kind == FlagKind::Number)
        .map(|f| f.detail.as_str())
        .collect();
    assert_eq!(numbers, ["“40” → “60”"], "{f:#?}");
}
