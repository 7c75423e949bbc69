//! Where output goes: standard output (with care for a closed or full one)
//! or a report file, written whole and never over an article.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Result;

use copycat::outfile::{self, FileId, WriteError};

use super::error::UserError;

/// Write a report through `write` (which buffers) to `output`, never over
/// one of `inputs`, or to standard output when None, with the same care as
/// [`write_out`]: the report is written as it is made, not held whole.
pub fn write_report(
    output: Option<&Path>,
    inputs: &[FileId],
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match output {
        Some(o) => outfile::write_whole(o, inputs, write).map_err(|e| {
            let what = match &e {
                WriteError::IsInput => e.to_string(),
                _ => format!("cannot write: {e}"),
            };
            UserError(format!("{}: {what}", o.display())).into()
        }),
        None => {
            let mut out = stdout_file()?;
            write(&mut out).map_err(output_error)?;
            out.flush().map_err(output_error)
        }
    }
}

/// Write the output to standard output, or say in one line why it could not
/// be written (exit 2): a full disk, a closed or read-only descriptor. A
/// broken pipe stays an `io::Error`, which `main` treats as the reader of
/// the pipe having had enough.
pub fn write_out(s: &str) -> Result<()> {
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
pub fn output_error(e: io::Error) -> anyhow::Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return e.into();
    }
    let why = match e.raw_os_error() {
        Some(9) => "standard output is closed or not open for writing".to_string(),
        _ => outfile::os_text(&e),
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
