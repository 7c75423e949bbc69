//! What a failed run tells the user, and the exit code it ends with.

use std::io;

use copycat::article;

/// The exit codes (`--help` lists them: [`super::args::EXIT_CODES`]).
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// An internal error: a bug, a panic included.
    pub const BUG: u8 = 1;
    /// Bad usage or unusable input, or output that cannot be written.
    pub const USAGE: u8 = 2;
}

/// A failure caused by the user's input or environment rather than a bug:
/// one line, exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UserError(pub String);

impl From<article::LoadError> for UserError {
    fn from(e: article::LoadError) -> Self {
        UserError(e.to_string())
    }
}

/// Whether the run ended because the reader of a pipe closed it (`| head`):
/// not an error.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
