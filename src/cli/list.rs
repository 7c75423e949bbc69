//! `copycat list`: what copycat read of each article.

use anyhow::Result;

use copycat::article::{Article, safe_line};

use super::output::write_out;

/// Each article's path, title, date, outlet and counts, and its warnings.
/// Every string from a file passes the sanitizer here, the one gate before
/// the terminal, whatever was done to it while reading.
pub fn list(arts: &[Article]) -> Result<()> {
    write_out(&render(arts))
}

/// The listing as text.
pub fn render(arts: &[Article]) -> String {
    let mut s = String::new();
    let or_dash = |v: &Option<String>| {
        v.as_deref()
            .map_or("-".into(), |v| safe_line(v).into_owned())
    };
    for a in arts {
        let (paras, sents) = a.body_counts();
        s.push_str(&format!(
            "{}\n  title: {}\n  date: {}  outlet: {}  words: {}  paragraphs: {}  sentences: {}\n",
            safe_line(&a.path),
            safe_line(&a.meta.title),
            or_dash(&a.meta.date),
            or_dash(&a.meta.outlet),
            a.body_words(),
            paras,
            sents,
        ));
        for w in &a.warnings {
            s.push_str(&format!("  warning: {}\n", safe_line(w)));
        }
        for n in a.extraction_notes() {
            s.push_str(&format!("  note: {}\n", safe_line(&n)));
        }
    }
    s
}
