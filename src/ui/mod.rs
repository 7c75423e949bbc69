//! The terminal interface (being built).

use crate::article::Article;

pub struct Settings {
    pub color: bool,
    pub mouse: bool,
}

pub fn run(_arts: Vec<Article>, _s: Settings) -> anyhow::Result<()> {
    anyhow::bail!("the terminal interface is not built yet")
}
