//! The `copycat` binary: parse arguments, run, print errors once.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use copycat::align;
use copycat::article::{self, Article, safe_line};
use copycat::corpus;
use copycat::export;

mod archive_cli;

/// At most two malloc arenas (glibc). By default glibc gives threads that
/// allocate at once arenas of their own, up to eight a core, and memory freed
/// in one is not used for another: the aligner's threads, the reader's
/// worker and its layout thread each kept their own peak resident (the
/// reader on `scripts/memory.sh`'s re-translation pair, two 7 MB files, in
/// one measurement: 454 MiB with the default, 350 MiB with two arenas; the
/// README's "Memory" gives the figures it now holds to). Two keep the two threads of a pair's work from waiting on one lock.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn cap_malloc_arenas() {
    // SAFETY: mallopt only sets a parameter of the allocator; it is called
    // before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn cap_malloc_arenas() {}

/// Exit codes, as `--help` lists them.
mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// An internal error: a bug, a panic included.
    pub const BUG: u8 = 1;
    /// Bad usage or unusable input.
    pub const USAGE: u8 = 2;
}

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  an internal error (a bug: please report it)
  2  bad usage or unusable input (missing file, binary file, no articles),
     or output that cannot be written (a full disk, a closed stdout)
  128+N  the reader ended by signal N (INT 130, TERM 143, HUP 129 and so on),
     after giving the terminal back";

/// Read news articles side by side and see, passage by passage, what one
/// copied, reworded, moved, added or dropped from another.
#[derive(Parser, Debug)]
#[command(name = "copycat", version, about, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Articles to open: files (`-` reads standard input), or folders
    /// searched for *.txt, *.md and *.html.
    /// Without any, the bundled articles open.
    paths: Vec<PathBuf>,

    /// When to use colour: `auto` on a terminal unless NO_COLOR is set.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,

    /// Never use colour (the same as `--color never`).
    #[arg(long, global = true)]
    no_color: bool,

    /// Do not capture the mouse (keeps the terminal's own text selection).
    #[arg(long, global = true)]
    no_mouse: bool,

    /// In the reader, let ] and [ step through every pair, not only the
    /// pairs that share text (the * key switches the same).
    #[arg(long)]
    all_pairs: bool,

    /// The reader's palette: `auto` asks the terminal for its background
    /// (light or dark colours; the terminal's own named colours when it
    /// does not answer). Overrides the config file's `theme`.
    #[arg(long, value_enum, value_name = "THEME")]
    theme: Option<ThemeArg>,

    /// The reader's config file (keys, colours, theme); else
    /// $COPYCAT_CONFIG, else $XDG_CONFIG_HOME/copycat/config.toml
    /// (~/.config/copycat/config.toml). `copycat config` prints the defaults.
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ThemeArg {
    /// Ask the terminal for its background colour.
    Auto,
    /// Colours for a light background.
    Light,
    /// Colours for a dark background.
    Dark,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List articles: title, date, outlet, words, paragraphs, sentences.
    List {
        /// Files or folders; the bundled articles when none.
        paths: Vec<PathBuf>,
    },
    /// Compare two articles: what B took from A.
    Compare {
        /// The earlier article (the possible source).
        a: PathBuf,
        /// The later article (the possible copy).
        b: PathBuf,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Write the report to FILE instead of standard output (never over
        /// either article).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a shell completion script (e.g. `copycat completions bash`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `copycat man | man -l -`.
    Man,
    /// Print the reader's default config file (keys, colours, theme), with
    /// comments, to start your own from:
    /// `copycat config > ~/.config/copycat/config.toml`.
    Config,
    /// Build or bring up to date the index of a folder of articles, for
    /// `copycat find`: new and changed files are indexed, deleted ones
    /// dropped.
    Index(archive_cli::IndexArgs),
    /// Find what in an index an article took from (or shares text with),
    /// aligned and ranked as `rank` ranks pairs.
    Find(archive_cli::FindArgs),
    /// The steps of the distributed corpus job that run copycat
    /// (scripts/distributed/).
    #[command(hide = true)]
    Job {
        #[command(subcommand)]
        step: archive_cli::JobCommand,
    },
    /// Find the pairs of articles that share text, rank them by how much,
    /// and tell each article's likely sources.
    ///
    /// Up to 40 articles every pair is aligned. Above that, a pair is
    /// aligned only when some sentence of one may come from the other
    /// (shared rare words, sentence by sentence, so that a reworded passage
    /// inside a long article counts as much as a near-copy); the first line
    /// of the output says how many pairs were proposed and aligned. Pairs are
    /// listed when the alignment links at least one passage, highest score
    /// (the larger share of either article found in the other) first.
    Rank {
        /// Files or folders; the bundled articles when none.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = RankFormat::Text)]
        format: RankFormat,
        /// Align at most this many pairs (the most promising first).
        #[arg(long, value_name = "N", default_value_t = corpus::DEFAULT_MAX_PAIRS)]
        max_pairs: usize,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always, even into a file or a pipe.
    Always,
    /// Never.
    Never,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Text,
    Html,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum RankFormat {
    Json,
    Text,
}

/// A failure caused by the user's input rather than a bug: exit code 2.
#[derive(Debug)]
struct UserError(String);

impl std::fmt::Display for UserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UserError {}

impl From<article::LoadError> for UserError {
    fn from(e: article::LoadError) -> Self {
        UserError(e.0)
    }
}

fn main() -> ExitCode {
    cap_malloc_arenas();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version are not errors.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::from(exit::OK);
        }
        // A usage mistake: one line of our own, exit 2. Not clap's message,
        // which echoes the argument raw (a shell glob that picks up a file
        // named with escape sequences would clear the screen or set the
        // window title) and runs to five or seven lines.
        Err(e) => {
            eprintln!("copycat: {}", usage_error(&e));
            return ExitCode::from(exit::USAGE);
        }
    };
    // A panic is a bug: one line saying so, and exit 1 (the reader installs
    // its own hook, which restores the terminal first). Only the first panic
    // is told: workers running the same code may all hit it.
    static TOLD: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    std::panic::set_hook(Box::new(|info| {
        if TOLD.swap(true, std::sync::atomic::Ordering::SeqCst) {
            return;
        }
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "copycat: internal error (a bug: please report it): {}{at}",
            safe_line(&what)
        );
    }));
    let outcome = std::panic::catch_unwind(|| run(cli));
    match outcome {
        Ok(Ok(())) => ExitCode::from(exit::OK),
        // The hook has said what happened.
        Err(_) => ExitCode::from(exit::BUG),
        Ok(Err(e)) => {
            if is_broken_pipe(&e) {
                // `copycat … | head` closing early is not an error.
                return ExitCode::from(exit::OK);
            }
            if let Some(u) = e.downcast_ref::<UserError>() {
                eprintln!("copycat: {}", safe_line(&u.to_string()));
                return ExitCode::from(exit::USAGE);
            }
            eprintln!("copycat: {}", safe_line(&format!("{e:#}")));
            ExitCode::from(exit::BUG)
        }
    }
}

/// Longest argument quoted back in a usage error, in characters.
const QUOTED_MAX: usize = 60;

/// A clap error as one safe line: what was wrong, the argument concerned
/// through the sanitizer (and cut short), and where to look.
fn usage_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let quote = |s: String| {
        let safe = safe_line(&s);
        let mut q: String = safe.chars().take(QUOTED_MAX).collect();
        if safe.chars().count() > QUOTED_MAX {
            q.push('…');
        }
        format!("“{q}”")
    };
    let arg = get(ContextKind::InvalidArg);
    let what = match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = get(ContextKind::InvalidValue).map_or_else(String::new, quote);
            let valid = get(ContextKind::ValidValue)
                .map(|v| format!(" (one of: {})", safe_line(&v)))
                .unwrap_or_default();
            let arg = arg
                .map(|a| format!(" for {}", quote(a)))
                .unwrap_or_default();
            format!("invalid value {value}{arg}{valid}")
        }
        ErrorKind::UnknownArgument => format!(
            "unexpected argument {}",
            arg.map_or_else(String::new, quote)
        ),
        ErrorKind::InvalidSubcommand => format!(
            "no such command {}",
            get(ContextKind::InvalidSubcommand).map_or_else(String::new, quote)
        ),
        ErrorKind::MissingRequiredArgument => format!(
            "missing {}",
            arg.map_or_else(|| "an argument".into(), |a| safe_line(&a).into_owned())
        ),
        ErrorKind::ArgumentConflict => format!(
            "{} cannot be used with {}",
            arg.map_or_else(|| "an argument".into(), quote),
            get(ContextKind::PriorArg).map_or_else(|| "another".into(), quote)
        ),
        ErrorKind::InvalidUtf8 => "an argument is not valid UTF-8".into(),
        // Anything else: clap's own first line, made safe.
        _ => {
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("bad usage");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            safe_line(first).chars().take(200).collect()
        }
    };
    format!("{what}; see `copycat --help`")
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Whether to colour output going to a terminal (`to_terminal`) or not.
fn color_wanted(choice: ColorChoice, no_color: bool, to_terminal: bool) -> bool {
    match (choice, no_color) {
        (_, true) | (ColorChoice::Never, _) => false,
        (ColorChoice::Always, _) => true,
        (ColorChoice::Auto, _) => {
            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn load(paths: &[PathBuf]) -> Result<Vec<Article>> {
    if paths.is_empty() {
        return Ok(article::bundled());
    }
    let loaded = article::load_paths(paths).map_err(UserError::from)?;
    for w in &loaded.warnings {
        eprintln!("copycat: {}", safe_line(w));
    }
    Ok(loaded.articles)
}

fn load_one(path: &std::path::Path) -> Result<Article> {
    Ok(article::load::read_article(path).map_err(UserError::from)?)
}

/// Load two articles, the second on another thread while the first loads
/// here (parsing is a third of the work on a large pair). Errors are told as
/// if loaded one after the other: A's first. Standard input is read by one
/// thread only, in order.
fn load_two(pa: &std::path::Path, pb: &std::path::Path) -> Result<(Article, Article)> {
    let stdin = |p: &std::path::Path| p.as_os_str() == article::load::STDIN;
    if stdin(pa) || stdin(pb) {
        return Ok((load_one(pa)?, load_one(pb)?));
    }
    let (a, b) = std::thread::scope(|s| {
        let b = std::thread::Builder::new()
            .spawn_scoped(s, || article::load::read_article(pb))
            .ok();
        let a = article::load::read_article(pa);
        let b = match b {
            Some(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            // No thread to be had: load it here.
            None => article::load::read_article(pb),
        };
        (a, b)
    });
    let a = a.map_err(UserError::from)?;
    let b = b.map_err(UserError::from)?;
    Ok((a, b))
}

fn run(cli: Cli) -> Result<()> {
    let color = |to_terminal| color_wanted(cli.color, cli.no_color, to_terminal);
    match cli.command {
        Some(Command::List { paths }) => list(&load(&paths)?),
        Some(Command::Index(a)) => archive_cli::index(a),
        Some(Command::Find(a)) => archive_cli::find_sources(a),
        Some(Command::Job { step }) => archive_cli::job(step),
        Some(Command::Compare {
            a: pa,
            b: pb,
            format,
            output,
        }) => {
            if let Some(o) = &output {
                refuse_to_overwrite(o, &[&pa, &pb])?;
            }
            let (a, b) = load_two(&pa, &pb)?;
            for art in [&a, &b] {
                for w in &art.warnings {
                    eprintln!("copycat: {}: {w}", safe_line(&art.path));
                }
            }
            let al = align::align(&a, &b);
            let out = match format {
                // Streamed: the report is written as it is serialized, never
                // held whole (several megabytes for a 1 MB pair).
                Format::Json => {
                    return write_report(output.as_deref(), |w| {
                        export::json::write(&a, &b, &al, w)
                    });
                }
                Format::Html => export::html::render(&a, &b, &al),
                Format::Text => {
                    let ansi = color(output.is_none() && io::stdout().is_terminal());
                    export::text::render(&a, &b, &al, ansi)
                }
            };
            match output {
                Some(o) => write_report(Some(&o), |w| w.write_all(out.as_bytes())),
                None => write_out(&out),
            }
        }
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "copycat", &mut out);
            write_out(&String::from_utf8_lossy(&out))
        }
        Some(Command::Config) => config_defaults(),
        Some(Command::Man) => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            write_out(&String::from_utf8_lossy(&out))
        }
        Some(Command::Rank {
            paths,
            format,
            max_pairs,
        }) => {
            let bar = progress::Bar::new();
            bar.step("reading articles");
            let arts = load(&paths)?;
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
                ..corpus::Options::default()
            };
            let ranking = corpus::rank_with(&arts, &opts, &bar);
            bar.finish();
            let out = match format {
                RankFormat::Json => export::json::ranking(&arts, &ranking),
                RankFormat::Text => export::text::ranking(&arts, &ranking),
            };
            write_out(&out)
        }
        None => reader(
            cli.paths,
            color(io::stdout().is_terminal()),
            !cli.no_mouse,
            cli.all_pairs,
            (cli.config.as_deref(), cli.theme),
        ),
    }
}

/// Progress of `rank` on stderr, drawn only when stderr is a terminal.
mod progress {
    use std::io::IsTerminal;
    use std::time::Duration;

    use copycat::corpus::{Pair, Progress};
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

    pub struct Bar(ProgressBar);

    impl Bar {
        /// A spinner on stderr, or nothing when stderr is not a terminal.
        pub fn new() -> Bar {
            let pb = if std::io::stderr().is_terminal() {
                let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                pb.enable_steady_tick(Duration::from_millis(120));
                pb
            } else {
                ProgressBar::hidden()
            };
            Bar(pb)
        }

        /// A step without a count.
        pub fn step(&self, what: &'static str) {
            self.0.set_message(what);
        }

        /// Clear the bar before the output.
        pub fn finish(&self) {
            self.0.finish_and_clear();
        }
    }

    impl Progress for Bar {
        fn candidates(&self, candidates: usize, to_align: usize) {
            self.0.set_length(to_align as u64);
            self.0.set_position(0);
            self.0.set_style(
                ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} pairs ({eta} left)")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            self.0.set_message(if candidates > to_align {
                format!("aligning the first {to_align} of {candidates} proposed pairs")
            } else {
                format!("aligning {to_align} proposed pairs")
            });
        }

        fn aligned(&self, _done: usize, _total: usize, _pair: Option<&Pair>) {
            self.0.inc(1);
        }
    }
}

/// Open the reader on the articles at `paths` (the bundled ones when none).
/// Two files typed keep their order: the first is A, on the left.
#[cfg(feature = "tui")]
fn reader(
    paths: Vec<PathBuf>,
    color: bool,
    mouse: bool,
    all_pairs: bool,
    (config, theme): (Option<&Path>, Option<ThemeArg>),
) -> Result<()> {
    use anyhow::Context as _;
    use article::load::{Pending, placeholder, read_article, read_pending};
    use copycat::ui::ThemeChoice;
    // The config file first: a mistake in it is said before anything else.
    let config = copycat::ui::config::load(config).map_err(UserError)?;
    let theme = match theme {
        Some(ThemeArg::Auto) => ThemeChoice::Auto,
        Some(ThemeArg::Light) => ThemeChoice::Light,
        Some(ThemeArg::Dark) => ThemeChoice::Dark,
        None => config.theme,
    };
    /// Folders with more files than this open before they are read.
    const READ_LATER: usize = 64;
    let (mut arts, loader) = if paths.is_empty() {
        (article::bundled(), None)
    } else {
        let (pending, warnings) = article::load::list_paths(&paths).map_err(UserError::from)?;
        for w in &warnings {
            eprintln!("copycat: {}", safe_line(w));
        }
        let unread = pending
            .iter()
            .filter(|p| matches!(p, Pending::File(_)))
            .count();
        if unread <= READ_LATER {
            // Read again, in order and with the usual warnings: the articles
            // read while listing go first, or the reader held every file
            // parsed twice at once (two 7 MB files of one-letter lines: 440 MB
            // of the 443 MB at its peak).
            drop(pending);
            (load(&paths)?, None)
        } else {
            // The first pair is read now, the rest on a thread while the
            // reader shows it: placeholders stand in until then.
            let mut arts = Vec::with_capacity(pending.len());
            let mut read = 0;
            for p in &pending {
                arts.push(match p {
                    Pending::Read(a) => (**a).clone(),
                    Pending::File(f) if read < 2 => match read_article(f) {
                        Ok(a) => {
                            read += 1;
                            a
                        }
                        Err(_) => placeholder(f),
                    },
                    Pending::File(f) => placeholder(f),
                });
            }
            let loader: copycat::ui::Loader = Box::new(move || read_pending(pending));
            (arts, Some(loader))
        }
    };
    // The reader draws on a terminal and reads keys from one; in a pipe or a
    // script, say what works there instead of failing obscurely.
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(UserError(
            "the reader needs a terminal; in scripts use `copycat list`, \
             `copycat compare A B` or `copycat rank`"
                .into(),
        )
        .into());
    }
    if arts.is_empty() {
        arts = load(&paths)?;
    }
    // Two files typed keep their order: the first is A, on the left.
    let keep_order = paths.len() == 2 && arts.len() == 2 && paths.iter().all(|p| p.is_file());
    let settings = copycat::ui::Settings {
        color,
        mouse,
        keep_order,
        all_pairs,
        html: Some(export::html::render),
        config,
        theme,
    };
    copycat::ui::run_loading(arts, loader, settings).context("the terminal interface failed")
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
fn reader(
    _paths: Vec<PathBuf>,
    _color: bool,
    _mouse: bool,
    _all_pairs: bool,
    _config: (Option<&Path>, Option<ThemeArg>),
) -> Result<()> {
    Err(UserError(
        "this copycat was built without the reader (the `tui` feature); \
         use `copycat list`, `copycat compare A B` or `copycat rank`"
            .into(),
    )
    .into())
}

/// Refuse an output path that is one of the inputs: a report written over
/// the article it reports on would destroy the evidence.
fn refuse_to_overwrite(out: &std::path::Path, inputs: &[&std::path::Path]) -> Result<()> {
    let Ok(o) = std::fs::canonicalize(out) else {
        // It does not exist yet, so it is none of the inputs.
        return Ok(());
    };
    for i in inputs {
        if std::fs::canonicalize(i).is_ok_and(|i| i == o) {
            return Err(UserError(format!(
                "{}: is one of the articles compared; write the report elsewhere",
                out.display()
            ))
            .into());
        }
    }
    Ok(())
}

/// Write a report through `write` (which buffers) to `output`, or to
/// standard output when None with the same care as [`write_out`]: the
/// report is written as it is made, not held whole.
fn write_report(
    output: Option<&std::path::Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match output {
        Some(o) => write_whole(o, write)
            .map_err(|e| UserError(format!("{}: cannot write: {e}", o.display())).into()),
        None => {
            let mut out = stdout_file()?;
            write(&mut out).map_err(output_error)
        }
    }
}

/// Write a file whole or not at all: into a temporary file beside it, renamed
/// over it at the end, so that a failure midway (a full disk, an error) leaves
/// no partial report and an earlier one as it was. An earlier report keeps its
/// permissions (a private one stays private); a new one gets 0666 less the
/// umask, as any new file. Symbolic links are followed (their target is
/// replaced). Written directly, as before: a path that is not a regular file
/// (`/dev/stdout`, a pipe), where there is nothing to rename over, and a file
/// the user may write in a folder they may not. A run killed by a signal may
/// leave the temporary file (`.NAME.copycat-PID-N`) beside the report.
fn write_whole(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = resolve_links(path);
    let existing = std::fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        return write(&mut std::fs::File::create(&target)?);
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    // Created only if no file has the name: another run writing beside the
    // same report gets its own.
    let mut n = 0;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".{name}.copycat-{}-{n}", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break (Removed(Some(tmp)), f),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied && existing.is_some() => {
                return write(&mut std::fs::File::create(&target)?);
            }
            Err(e) => return Err(e),
        }
    };
    if let Some(m) = &existing {
        file.set_permissions(m.permissions())?;
    }
    write(&mut file)?;
    drop(file);
    tmp.rename_to(&target)
}

/// A temporary file removed when dropped unless renamed: on an error or a
/// panic while the report is written (a signal skips it).
struct Removed(Option<PathBuf>);

impl Removed {
    fn rename_to(mut self, target: &Path) -> io::Result<()> {
        let tmp = self.0.take().unwrap_or_default();
        std::fs::rename(&tmp, target).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }
}

impl Drop for Removed {
    fn drop(&mut self) {
        if let Some(p) = &self.0 {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// The file `path` names once its symbolic links are followed, also when
/// the last of them points at a file not there yet (as creating a file
/// through the link would).
fn resolve_links(path: &Path) -> PathBuf {
    if let Ok(t) = std::fs::canonicalize(path) {
        return t;
    }
    let mut p = path.to_path_buf();
    // As many links as the system follows itself (Linux's MAXSYMLINKS).
    for _ in 0..40 {
        match std::fs::read_link(&p) {
            Ok(t) => p = p.parent().unwrap_or(Path::new("")).join(t),
            Err(_) => break,
        }
    }
    p
}

/// Write the output to standard output, or say in one line why it could not
/// be written (exit 2): a full disk, a closed or read-only descriptor. A
/// broken pipe stays an `io::Error`, which `main` treats as the reader of
/// the pipe having had enough.
fn write_out(s: &str) -> Result<()> {
    let mut out = stdout_file()?;
    out.write_all(s.as_bytes()).map_err(output_error)?;
    out.flush().map_err(output_error)?;
    Ok(())
}

/// Standard output as a file of its own: a duplicate of descriptor 1, not
/// `io::stdout()`, as the standard library treats EBADF on standard output
/// as success, so a closed stdout (`copycat list >&-`) would exit 0 with the
/// output lost.
fn stdout_file() -> Result<std::fs::File> {
    use std::os::fd::AsFd;
    if stdout_was_closed() {
        return Err(output_error(io::Error::from_raw_os_error(9)));
    }
    let fd = io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .map_err(output_error)?;
    Ok(std::fs::File::from(fd))
}

/// A failure to write the output, as the one line a user sees (a broken
/// pipe stays an `io::Error`: see [`write_out`]).
fn output_error(e: io::Error) -> anyhow::Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return e.into();
    }
    let why = match e.raw_os_error() {
        Some(9) => "standard output is closed or not open for writing".to_string(),
        _ => {
            let s = e.to_string();
            let s = s.split(" (os error").next().unwrap_or(&s).to_string();
            let mut c = s.chars();
            c.next()
                .map_or(s.clone(), |f| f.to_lowercase().chain(c).collect())
        }
    };
    UserError(format!("cannot write the output: {why}")).into()
}

/// Whether standard output was closed when copycat started. The Rust
/// runtime opens /dev/null read-write in place of a closed standard
/// descriptor, so writes "succeed"; a shell redirection (`>/dev/null`)
/// opens it write-only, which tells the two apart. Linux only (/proc).
fn stdout_was_closed() -> bool {
    if !cfg!(target_os = "linux") {
        return false;
    }
    let null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"));
    let read_write = || {
        std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("flags:"))
                .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
                .is_some_and(|flags| flags & 0o3 == 0o2)
        })
    };
    null && read_write()
}

fn list(arts: &[Article]) -> Result<()> {
    let mut s = String::new();
    for a in arts {
        let (paras, sents) = a.body_counts();
        s.push_str(&format!(
            "{}\n  title: {}\n  date: {}  outlet: {}  words: {}  paragraphs: {}  sentences: {}\n",
            safe_line(&a.path),
            a.meta.title,
            a.meta.date.as_deref().unwrap_or("-"),
            a.meta.outlet.as_deref().unwrap_or("-"),
            a.body_words(),
            paras,
            sents,
        ));
        for w in &a.warnings {
            s.push_str(&format!("  warning: {w}\n"));
        }
    }
    write_out(&s)
}
