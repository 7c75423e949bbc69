//! Reading saved pages in tests: the text a page's markup shows.

/// `html` with its tags dropped (entities left as they are: each test
/// decodes the ones its pages use).
pub fn without_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
