//! `copycat spread ARTICLE FOLDER…`: one article's paragraphs and who took
//! each.

use std::path::{Path, PathBuf};

use anyhow::Result;

use copycat::article;
use copycat::corpus;
use copycat::export;
use copycat::outfile;

use super::args::Format;
use super::error::UserError;
use super::load::warn;
use super::output::write_report;
use super::progress;

/// Load ARTICLE and the folders, find its spread, write it.
pub fn spread(
    article_path: &Path,
    paths: &[PathBuf],
    format: Option<Format>,
    output: Option<&Path>,
    common: &[PathBuf],
    parse: &article::ParseOptions,
) -> Result<()> {
    let mut named = vec![article_path];
    named.extend(common.iter().map(|p| p.as_path()));
    let inputs = outfile::input_ids(&named);
    if let Some(o) = output {
        outfile::refuse_inputs(o, &inputs)
            .map_err(|e| UserError(format!("{}: {e}", o.display())))?;
    }
    let format = format.unwrap_or_else(|| output.map_or(Format::Text, Format::of_path));
    let common = super::load::load_common(common, parse)?;
    let bar = progress::Bar::new();
    bar.step("reading articles");
    let mut all = vec![article_path.to_path_buf()];
    all.extend(paths.iter().cloned());
    let loaded = article::load::load_paths_with(&all, parse).map_err(UserError::from)?;
    // ARTICLE is read first, so it is article 0; that a folder holds it too
    // is no news.
    let again = format!("the same file as {}, read once", article_path.display());
    let warnings: Vec<String> = loaded
        .warnings
        .into_iter()
        .filter(|w| !w.ends_with(&again))
        .collect();
    warn(&warnings);
    let arts = loaded.articles;
    bar.step("finding reprints and the pairs that may share text");
    let opts = corpus::Options {
        align: copycat::align::Options {
            common,
            ..Default::default()
        },
        ..corpus::Options::default()
    };
    let fams = corpus::families::families(&arts);
    let uptake = corpus::spread::spread_with(&arts, &fams, 0, &opts);
    bar.finish();
    write_report(output, &inputs, |w| {
        let out = match format {
            Format::Json => export::spread::json(&arts, &fams, &uptake),
            Format::Html => export::spread::html(&arts, &fams, &uptake),
            Format::Text => export::spread::text(&arts, &fams, &uptake),
        };
        w.write_all(out.as_bytes())
    })
}
