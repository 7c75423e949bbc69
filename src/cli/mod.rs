//! The command line: each subcommand as a function of its arguments.
//!
//! `main.rs` parses and maps the outcome to an exit code; what each command
//! does is here, one module a job: the clap types (`args`), clap's errors as
//! one line (`usage`), loading (`load`), output to stdout or a file
//! (`output`), `list`, progress bars, and opening the reader.

pub mod archive;
pub mod args;
pub mod error;
mod list;
mod load;
mod man;
pub mod output;
mod progress;
#[cfg(feature = "tui")]
mod reader;
mod spread;
pub mod usage;

use std::io::{self, IsTerminal};

use anyhow::Result;
use clap::CommandFactory;

use copycat::align;
use copycat::article::safe_line;
use copycat::comparison::Comparison;
use copycat::corpus;
use copycat::export;
use copycat::outfile;

use args::{Cli, Command, Format, RankFormat, color_wanted};
use error::UserError;
use load::{load, load_two};
use output::{write_out, write_report};

/// Carry out the command line.
pub fn run(cli: Cli) -> Result<()> {
    let (choice, no_color) = (cli.color, cli.no_color);
    let color = move |to_terminal| color_wanted(choice, no_color, to_terminal);
    let mut cli = cli;
    // The reader's `--common`, before a command, would be dropped unread
    // by any command but `find --read`: the others take their own.
    if !cli.common.is_empty() && !matches!(cli.command, None | Some(Command::Find(_))) {
        return Err(UserError(
            "--common: give it after the command (`copycat rank PATH… --common FILE`)".into(),
        )
        .into());
    }
    match cli.command.take() {
        Some(Command::List { paths, reading }) => list::list(&load(&paths, &reading.options())?),
        Some(Command::Index(a)) => archive::index(a),
        Some(Command::Find(a)) => {
            let color = color(io::stdout().is_terminal());
            archive::find_sources(a, |arts, query| read_found(color, &cli, arts, query))
        }
        Some(Command::Job { step }) => archive::job(step),
        Some(Command::Compare {
            a: pa,
            b: pb,
            format,
            output,
            common,
            ablate,
            reading,
        }) => {
            let evidence = match ablate.as_deref() {
                Some(list) => align::Evidence::without(list)
                    .map_err(|e| UserError(format!("--ablate: {e}")))?,
                None => align::Evidence::default(),
            };
            if common
                .iter()
                .any(|p| p.as_os_str() == copycat::article::load::STDIN)
            {
                return Err(UserError(
                    "--common: standard input is for A or B; name the common text's file"
                        .to_string(),
                )
                .into());
            }
            // Who the articles are, by device and inode, before anything is
            // read: standard input is a file when redirected (`< a.txt`), and
            // a report may replace none of them.
            let mut named: Vec<&std::path::Path> = vec![&pa, &pb];
            named.extend(common.iter().map(|p| p.as_path()));
            let inputs = outfile::input_ids(&named);
            if let Some(o) = &output {
                outfile::refuse_inputs(o, &inputs)
                    .map_err(|e| UserError(format!("{}: {e}", o.display())))?;
            }
            let format =
                format.unwrap_or_else(|| output.as_deref().map_or(Format::Text, Format::of_path));
            let (a, b) = load_two(&pa, &pb, &reading.options())?;
            let common = common
                .iter()
                .map(|p| load::load_one(p, &reading.options()))
                .collect::<Result<Vec<_>>>()?;
            load::doubts([&a, &b].into_iter().chain(&common));
            for art in [&a, &b].into_iter().chain(&common) {
                for w in &art.warnings {
                    eprintln!("copycat: {}: {}", safe_line(&art.path), safe_line(w));
                }
            }
            let opts = align::Options {
                evidence,
                common,
                ..align::Options::default()
            };
            let c = Comparison::of(&a, &b, align::align_with(&a, &b, &opts));
            let ansi = color(output.is_none() && io::stdout().is_terminal());
            // Streamed: each report is written as it is made, never held
            // whole (several megabytes for a 1 MB pair).
            write_report(output.as_deref(), &inputs, |w| match format {
                Format::Json => export::json::write(&a, &b, &c, w),
                Format::Html => export::html::write(&a, &b, &c, w),
                Format::Text => export::text::write(&a, &b, &c, ansi, w),
            })
        }
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "copycat", &mut out);
            write_out(&String::from_utf8_lossy(&out))
        }
        Some(Command::Config) => config_defaults(),
        Some(Command::Man) => {
            let mut out = Vec::new();
            man::render(&mut out)?;
            write_out(&String::from_utf8_lossy(&out))
        }
        Some(Command::Rank {
            paths,
            format,
            max_pairs,
            expand,
            common,
            reading,
        }) => {
            let bar = progress::Bar::new();
            bar.step("reading articles");
            let common = load::load_common(&common, &reading.options())?;
            let arts = load(&paths, &reading.options())?;
            for (first, copy) in corpus::duplicates(&arts) {
                eprintln!(
                    "copycat: {}: byte-identical to {} (a duplicate)",
                    safe_line(&arts[copy].path),
                    safe_line(&arts[first].path)
                );
            }
            bar.step("finding pairs that may share text");
            let opts = corpus::Options {
                max_pairs,
                align: align::Options {
                    common,
                    ..align::Options::default()
                },
                ..corpus::Options::default()
            };
            let ranking = corpus::rank_with(&arts, &opts, &bar);
            bar.finish();
            let common: Vec<String> = opts.align.common.iter().map(|c| c.path.clone()).collect();
            let opts = export::rank::Options {
                expand,
                common: &common,
            };
            let out = match format {
                RankFormat::Json => export::rank::json(&arts, &ranking, opts),
                RankFormat::Text => export::rank::text(&arts, &ranking, opts),
            };
            write_out(&out)
        }
        Some(Command::Spread {
            article,
            paths,
            format,
            output,
            common,
            reading,
        }) => spread::spread(
            &article,
            &paths,
            format,
            output.as_deref(),
            &common,
            &reading.options(),
        ),
        None => reader(color(io::stdout().is_terminal()), cli),
    }
}

#[cfg(feature = "tui")]
fn reader(color: bool, mut cli: Cli) -> Result<()> {
    let paths = std::mem::take(&mut cli.paths);
    reader::open(paths, reader_options(color, &cli))
}

/// `copycat find --read`: the reader on the articles found.
#[cfg(feature = "tui")]
fn read_found(
    color: bool,
    cli: &Cli,
    arts: Vec<copycat::article::Article>,
    query: usize,
) -> Result<()> {
    reader::open_read(arts, query, reader_options(color, cli))
}

/// The reader's options, as the command line sets them.
#[cfg(feature = "tui")]
fn reader_options(color: bool, cli: &Cli) -> reader::Options<'_> {
    reader::Options {
        color,
        mouse: !cli.no_mouse,
        all_pairs: cli.all_pairs,
        config: cli.config.as_deref(),
        theme: cli.theme,
        parse: cli.reading.options(),
        common: &cli.common,
    }
}

/// Built without the `tui` feature: say so.
#[cfg(not(feature = "tui"))]
fn read_found(
    _color: bool,
    _cli: &Cli,
    _arts: Vec<copycat::article::Article>,
    _query: usize,
) -> Result<()> {
    Err(UserError(
        "this copycat was built without the reader (the `tui` feature); \
         use `copycat find` without --read"
            .into(),
    )
    .into())
}

/// `copycat config`: the reader's defaults as a commented config file.
#[cfg(feature = "tui")]
fn config_defaults() -> Result<()> {
    write_out(&copycat::ui::config::defaults_file())
}

/// Built without the `tui` feature: say so.
#[cfg(not(feature = "tui"))]
fn config_defaults() -> Result<()> {
    Err(UserError("this copycat was built without the reader (the `tui` feature)".into()).into())
}

/// Built without the `tui` feature: say so.
#[cfg(not(feature = "tui"))]
fn reader(_color: bool, _cli: Cli) -> Result<()> {
    Err(UserError(
        "this copycat was built without the reader (the `tui` feature); \
         use `copycat list`, `copycat compare A B` or `copycat rank`"
            .into(),
    )
    .into())
}
