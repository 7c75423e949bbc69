//! The command line as clap types: what a user may type, and its help.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use copycat::corpus;

/// The exit codes, as `--help` lists them.
pub const EXIT_CODES: &str = "\
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
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Articles to open: files (`-` reads standard input), or folders
    /// searched for *.txt, *.md and *.html.
    /// Without any, the bundled articles open.
    pub paths: Vec<PathBuf>,

    /// When to use colour: `auto` on a terminal unless NO_COLOR is set.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Never use colour (the same as `--color never`).
    #[arg(long, global = true)]
    pub no_color: bool,

    /// Do not capture the mouse (keeps the terminal's own text selection).
    #[arg(long)]
    pub no_mouse: bool,

    /// In the reader, let ] and [ step through every pair, not only the
    /// pairs that share text (the * key switches the same).
    #[arg(long)]
    pub all_pairs: bool,

    /// The reader's palette: `auto` asks the terminal for its background
    /// (light or dark colours; the terminal's own named colours when it
    /// does not answer). Overrides the config file's `theme`.
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeArg>,

    /// The reader's config file (keys, colours, theme); else
    /// $COPYCAT_CONFIG, else $XDG_CONFIG_HOME/copycat/config.toml
    /// (~/.config/copycat/config.toml). `copycat config` prints the defaults.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// In the reader, a text every article may have drawn on (a press
    /// release, a wire story): in every pair, what both have from it is set
    /// apart, not linked or ranked. May be given more than once.
    #[arg(long, value_name = "FILE")]
    pub common: Vec<PathBuf>,

    #[command(flatten)]
    pub reading: Reading,
}

/// How saved web pages are read (`list`, `compare`, `rank` and the reader).
#[derive(clap::Args, Debug, Clone, Copy, Default)]
pub struct Reading {
    /// Read every visible text of a saved web page (menus, link lists and
    /// comments included; hidden text still left out), not only the story
    /// copycat picks from it: for when its choice is wrong or doubtful.
    #[arg(long)]
    pub whole_page: bool,
}

impl Reading {
    /// The article parser's options.
    pub fn options(self) -> copycat::article::ParseOptions {
        copycat::article::ParseOptions {
            whole_page: self.whole_page,
        }
    }
}

/// The reader's palette, as `--theme` names it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Ask the terminal for its background colour.
    Auto,
    /// Colours for a light background.
    Light,
    /// Colours for a dark background.
    Dark,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// List articles: title, date, outlet, words, paragraphs, sentences.
    List {
        /// Files or folders; the bundled articles when none.
        paths: Vec<PathBuf>,
        #[command(flatten)]
        reading: Reading,
    },
    /// Compare two articles: what B took from A.
    Compare {
        /// The earlier article (the possible source).
        a: PathBuf,
        /// The later article (the possible copy).
        b: PathBuf,
        /// Output format; by default the extension of `--output` decides
        /// (`.json`, `.html`/`.htm`), else text.
        #[arg(long, short, value_enum)]
        format: Option<Format>,
        /// Write the report to FILE instead of standard output (never over
        /// either article).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// A text both articles may have drawn on (a press release, a wire
        /// story, the question two answers answer): what both have from it is
        /// set apart with a note, not linked, as it shows nothing of one
        /// taking from the other. May be given more than once.
        #[arg(long, value_name = "FILE")]
        common: Vec<PathBuf>,
        /// Kinds of evidence switched off, comma-separated (synonyms, runs,
        /// letters, edges): for measuring what each earns
        /// (`scripts/devsets/ablation.sh`), not for readers.
        #[arg(long, hide = true, value_name = "LIST")]
        ablate: Option<String>,
        #[command(flatten)]
        reading: Reading,
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
    /// dropped, the rest left as they are.
    Index(super::archive::IndexArgs),
    /// Find what in an index an article took from (or shares text with),
    /// aligned and ranked as `rank` ranks pairs.
    Find(super::archive::FindArgs),
    /// The steps of the distributed corpus job that run copycat
    /// (scripts/distributed/).
    #[command(hide = true)]
    Job {
        #[command(subcommand)]
        step: super::archive::JobCommand,
    },
    /// Find the pairs of articles that share text, rank them by how much,
    /// and tell each article's likely sources.
    ///
    /// Reprints of one text (a byline, a dateline, a few words or a
    /// paragraph apart) are grouped into families first; a family is aligned
    /// once, through its most typical member, and listed with each member's
    /// differences. Up to 40 articles (a family counting once) every pair is
    /// aligned. Above that, a pair is aligned only when some sentence of one
    /// may come from the other (shared rare words, sentence by sentence, so
    /// that a reworded passage inside a long article counts as much as a
    /// near-copy); the first line of the output says how many pairs were
    /// proposed and aligned. Pairs that share text are listed (two links,
    /// or one holding a fifth of an article, or one naming the other's
    /// outlet), highest score (the larger share of either article found in
    /// the other) first, each with why it is oriented as it is: dates, an
    /// attribution, a selection of the source, or unknown.
    Rank {
        /// Files or folders; the bundled articles when none.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = RankFormat::Text)]
        format: RankFormat,
        /// Align at most this many pairs (the most promising first).
        #[arg(long, value_name = "N", default_value_t = corpus::DEFAULT_MAX_PAIRS)]
        max_pairs: usize,
        /// Also list every pair of articles the families stand for: members
        /// with their representative's figures, and the pairs inside each
        /// family (measured without aligning).
        #[arg(long)]
        expand: bool,
        /// A text every article may have drawn on (a press release, a wire
        /// story, an assignment's question): in every pair, what both have
        /// from it is set apart, not counted, as it shows nothing of one
        /// taking from the other. May be given more than once; each costs
        /// two more alignments per pair.
        #[arg(long, value_name = "FILE")]
        common: Vec<PathBuf>,
        #[command(flatten)]
        reading: Reading,
    },
    /// How one article travelled: its paragraphs and, beside each, the
    /// articles that took it (copied or reworded, with the share), a family
    /// of reprints counted once with its size.
    Spread {
        /// The article.
        article: PathBuf,
        /// Files or folders to look in.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format (`html`: a standalone heat map); by default the
        /// extension of `--output` decides, else text.
        #[arg(long, short, value_enum)]
        format: Option<Format>,
        /// Write to FILE instead of standard output (never over the
        /// article or a common text).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// A text the article and the others may all have drawn on (a press
        /// release, a wire story): what a taker has from it is set apart, not
        /// counted as taken from the article. May be given more than once.
        #[arg(long, value_name = "FILE")]
        common: Vec<PathBuf>,
        #[command(flatten)]
        reading: Reading,
    },
}

/// `--color`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always, even into a file or a pipe.
    Always,
    /// Never.
    Never,
}

/// `compare --format`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The JSON contract (docs/json.md).
    Json,
    /// A readable report, wdiff-style marks or colour.
    Text,
    /// A standalone side-by-side HTML page.
    Html,
}

impl Format {
    /// The format a report file's name asks for: `report.html` is HTML,
    /// `links.json` JSON; anything else text.
    pub fn of_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("html" | "htm") => Format::Html,
            Some("json") => Format::Json,
            _ => Format::Text,
        }
    }
}

/// `rank --format`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum RankFormat {
    /// Pairs, families and sources as JSON.
    Json,
    /// A readable list.
    Text,
}

/// Whether to colour output going to a terminal (`to_terminal`) or not.
pub fn color_wanted(choice: ColorChoice, no_color: bool, to_terminal: bool) -> bool {
    match (choice, no_color) {
        (_, true) | (ColorChoice::Never, _) => false,
        (ColorChoice::Always, _) => true,
        (ColorChoice::Auto, _) => {
            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_output_name_picks_the_format() {
        assert_eq!(Format::of_path(Path::new("r.HTML")), Format::Html);
        assert_eq!(Format::of_path(Path::new("r.htm")), Format::Html);
        assert_eq!(Format::of_path(Path::new("links.json")), Format::Json);
        assert_eq!(Format::of_path(Path::new("report.txt")), Format::Text);
        assert_eq!(Format::of_path(Path::new("report")), Format::Text);
    }

    #[test]
    fn the_clap_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
