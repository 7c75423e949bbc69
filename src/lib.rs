//! copycat: read two articles side by side and see what one copied, reworded,
//! moved, added or dropped from the other.
//!
//! The library is the engine: [`article`] turns a file's bytes into text,
//! paragraphs, sentences and words with a map back to the bytes as stored;
//! [`align`] links the passages of one article to their sources in another;
//! [`corpus`] ranks the pairs of many articles; [`export`] writes an alignment
//! as JSON, text or HTML; [`marks`] is the vocabulary all of them show. None
//! of these know about a terminal. With the default `tui` feature, `ui` is the
//! reader built on them (see `ARCHITECTURE.md`).
//!
//! ```
//! use copycat::align::{Kind, align};
//! use copycat::article::{Article, Sentences};
//!
//! let wire = Article::parse(
//!     "wire.txt",
//!     b"Talks resumed in Geneva on Tuesday. The minister met union leaders \
//!       for six hours to discuss the strike at the port of Antwerp."
//!         .to_vec(),
//! );
//! let rewrite = Article::parse(
//!     "rewrite.txt",
//!     b"The minister met union leaders for six hours to discuss the strike \
//!       at the port of Antwerp. Nobody expects a deal this week."
//!         .to_vec(),
//! );
//! let al = align(&wire, &rewrite);
//! // The second sentence of the wire story is the first of the rewrite.
//! assert_eq!(al.links.len(), 1);
//! let link = &al.links[0];
//! assert_eq!((link.a.start, link.b.start), (1, 0));
//! assert_eq!(link.kind, Kind::Copied);
//! // Offsets point into the files as stored.
//! let bytes = wire.file_bytes(link.a_span);
//! assert!(wire.bytes[bytes.range()].starts_with(b"The minister met"));
//! // The rewrite's second sentence is its own.
//! assert_eq!(al.b_unlinked, vec![Sentences::new(1, 2)]);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod align;
#[cfg(feature = "archive")]
pub mod archive;
pub mod article;
pub mod comparison;
pub mod corpus;
pub mod drift;
pub mod export;
pub mod marks;
pub mod outfile;
pub mod side;
#[cfg(feature = "tui")]
pub mod ui;
#[cfg(feature = "tui")]
pub(crate) mod view;

pub use side::{Side, Sides};

/// Test-only: with `COPYCAT_TEST_PANIC=ui` the reader's UI thread panics at
/// the first key, with `=worker` its worker at the first job, with `=rank` a
/// ranking worker at its first pair, so that the tests can watch a bug end
/// the right way (the terminal restored first, one line, exit 1). Compiled
/// into debug builds only (the tests run the debug binary): a release build
/// has no way to panic on purpose.
#[cfg(debug_assertions)]
#[track_caller]
pub(crate) fn test_panic(place: &str) {
    if std::env::var_os("COPYCAT_TEST_PANIC").is_some_and(|v| v == place) {
        panic!("COPYCAT_TEST_PANIC={place}: a deliberate panic for the tests");
    }
}

/// The reader's internals, for the project's own tests only: not a stable
/// interface.
#[cfg(feature = "tui")]
#[doc(hidden)]
#[allow(missing_docs)]
pub mod testing {
    pub use crate::side::{Side, Sides};
    pub use crate::ui::app::App;
    pub use crate::ui::clipboard::{base64, osc52, passage};
    pub use crate::ui::config::{Config, ThemeChoice, defaults_file, parse as parse_config};
    pub use crate::ui::help::lines as help_lines;
    pub use crate::ui::inspect::Inspect;
    pub use crate::ui::keymap::{Action, Binding, Ctx, Dir, Jump, Key, Keymap};
    pub use crate::ui::part::Target;
    pub use crate::ui::safe::{MAX_CHARS, is_safe_cell};
    pub use crate::ui::screen::Pane;
    pub use crate::ui::worker::{Job, compute};
    pub use crate::view::{Class, RowKind, Spread, Theme, Unit, display_width, wrap};

    /// Where everything goes on screen.
    pub mod geometry {
        pub use crate::ui::geometry::{
            FULL, GUTTER, Geometry, MAP, PaneGeometry, WIDE, pane, popup, screen,
        };
    }
}
