//! Opening the reader: the config first, then the articles (a large folder
//! opens before it is read), then the terminal.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use copycat::article::load::{Pending, placeholder, read_article_with, read_pending_with};
use copycat::article::{self, Article, ParseOptions};
use copycat::ui::ThemeChoice;

use super::args::ThemeArg;
use super::error::UserError;
use super::load::{doubts, warn};

/// Folders with more files than this open before they are read.
const READ_LATER: usize = 64;

/// How the reader is to look and behave, from the command line.
pub struct Options<'a> {
    pub color: bool,
    pub mouse: bool,
    pub all_pairs: bool,
    pub config: Option<&'a Path>,
    pub theme: Option<ThemeArg>,
    /// How saved pages are read (`--whole-page`).
    pub parse: ParseOptions,
    /// Texts every article may have drawn on (`--common`).
    pub common: &'a [PathBuf],
}

/// Open the reader on the articles at `paths` (the bundled ones when none).
/// Two files typed keep their order: the first is A, on the left.
pub fn open(paths: Vec<PathBuf>, o: Options) -> Result<()> {
    // The config file first: a mistake in it is said before anything else.
    let (config, theme) = looks(&o)?;
    let common = super::load::load_common(o.common, &o.parse)?;
    let mut skipped = Vec::new();
    let (arts, loader) = if paths.is_empty() {
        (article::bundled(), None)
    } else {
        let (pending, warnings) =
            article::load::list_paths_with(&paths, &o.parse).map_err(UserError::from)?;
        warn(&warnings);
        skipped = warnings;
        let unread = pending
            .iter()
            .filter(|p| matches!(p, Pending::File(_)))
            .count();
        if unread <= READ_LATER {
            let (arts, more) = read_now(pending, &o.parse)?;
            skipped.extend(more);
            (arts, None)
        } else {
            read_later(pending, o.parse)
        }
    };
    // Two files typed keep their order: the first is A, on the left.
    let keep_order = paths.len() == 2 && arts.len() == 2 && paths.iter().all(|p| p.is_file());
    show(
        arts,
        loader,
        (keep_order, None),
        &o,
        (config, theme),
        (skipped, common),
    )
}

/// Open the reader on articles already read, the first two as A and B
/// (`copycat find --read`: the article beside its best source), `]` and
/// `[` walking the pairs of article `pivot` only.
pub fn open_read(arts: Vec<Article>, pivot: usize, o: Options) -> Result<()> {
    let looks = looks(&o)?;
    show(
        arts,
        None,
        (true, Some(pivot)),
        &o,
        looks,
        Default::default(),
    )
}

/// The config file and the theme it and `--theme` choose.
fn looks(o: &Options) -> Result<(copycat::ui::Config, ThemeChoice)> {
    let config = copycat::ui::config::load(o.config).map_err(UserError)?;
    let theme = match o.theme {
        Some(ThemeArg::Auto) => ThemeChoice::Auto,
        Some(ThemeArg::Light) => ThemeChoice::Light,
        Some(ThemeArg::Dark) => ThemeChoice::Dark,
        None => config.theme,
    };
    Ok((config, theme))
}

fn show(
    arts: Vec<Article>,
    loader: Option<copycat::ui::Loader>,
    (keep_order, pivot): (bool, Option<usize>),
    o: &Options,
    (config, theme): (copycat::ui::Config, ThemeChoice),
    (skipped, common): (Vec<String>, Vec<Article>),
) -> Result<()> {
    // The reader draws on a terminal and reads keys from one (the
    // controlling terminal, as `less` does: standard input may be an
    // article, `cat a.txt | copycat - b.txt`); in a pipe or a script, say
    // what works there instead of failing obscurely.
    let tty = std::fs::OpenOptions::new().read(true).open("/dev/tty");
    if !io::stdout().is_terminal() || tty.is_err() {
        return Err(UserError(
            "the reader needs a terminal; in scripts use `copycat list`, \
             `copycat compare A B` or `copycat rank`"
                .into(),
        )
        .into());
    }
    let settings = copycat::ui::Settings {
        color: o.color,
        mouse: o.mouse,
        keep_order,
        all_pairs: o.all_pairs,
        html: Some(copycat::export::html::render),
        config,
        theme,
        skipped,
        pivot,
        common,
    };
    copycat::ui::run_loading(arts, loader, settings).context("the terminal interface failed")
}

/// A small load, read now: what listing read already (standard input, files
/// named directly) is kept, never read a second time (standard input has
/// nothing left the second time), and the folders' files are read on
/// rayon's pool; files that cannot be read are skipped with a warning,
/// handed back for the reader to count.
fn read_now(pending: Vec<Pending>, opts: &ParseOptions) -> Result<(Vec<Article>, Vec<String>)> {
    use rayon::prelude::*;
    let read: Vec<Result<Article, article::LoadError>> = pending
        .into_par_iter()
        .map(|p| match p {
            Pending::Read(a) => Ok(*a),
            Pending::File(f) => read_article_with(&f, opts),
        })
        .collect();
    let mut arts = Vec::with_capacity(read.len());
    let mut skipped = Vec::new();
    for r in read {
        match r {
            Ok(a) => arts.push(a),
            Err(e) => skipped.push(format!("skipped {e}")),
        }
    }
    warn(&skipped);
    doubts(&arts);
    if arts.is_empty() {
        let first = skipped
            .first()
            .map_or("", |w| w.trim_start_matches("skipped "));
        return Err(UserError(format!(
            "no readable articles: {} file{} skipped (the first: {first})",
            skipped.len(),
            if skipped.len() == 1 { "" } else { "s" }
        ))
        .into());
    }
    Ok((arts, skipped))
}

/// A large load: the first pair is read now, the rest on a thread while the
/// reader shows it; placeholders stand in until then.
fn read_later(
    pending: Vec<Pending>,
    opts: ParseOptions,
) -> (Vec<Article>, Option<copycat::ui::Loader>) {
    let mut arts = Vec::with_capacity(pending.len());
    let mut read = 0;
    for p in &pending {
        arts.push(match p {
            Pending::Read(a) => (**a).clone(),
            Pending::File(f) if read < 2 => match read_article_with(f, &opts) {
                Ok(a) => {
                    read += 1;
                    a
                }
                Err(_) => placeholder(f),
            },
            Pending::File(f) => placeholder(f),
        });
    }
    let loader: copycat::ui::Loader = Box::new(move || read_pending_with(pending, &opts));
    (arts, Some(loader))
}
