//! A saved page read with doubt, for the tests that check every output
//! says so.

use copycat::article::Article;

/// A page (A) described as the extractor describes a long page whose story
/// kept a third of its prose, with another part nearly as large; and the
/// same page read without doubt (B).
pub fn doubtful_pair() -> (Article, Article) {
    let page = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/pages/split-sections.html"),
    )
    .expect("fixture");
    let mut a = Article::parse("split-sections.html", page.clone());
    let b = Article::parse("copy.html", page);
    let e = a.extraction.as_mut().expect("a page has its extraction");
    e.prose_chars = 9000;
    e.kept_chars = 3000;
    e.rivals = vec![2900];
    assert!(a.doubtful() && !b.doubtful());
    (a, b)
}
