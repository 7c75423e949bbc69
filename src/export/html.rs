//! Standalone HTML report (being built).
use crate::align::Alignment;
use crate::article::Article;
pub fn render(a: &Article, b: &Article, al: &Alignment) -> String {
    crate::export::text::render(a, b, al, false)
}
