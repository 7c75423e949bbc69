//! Reports written to files: whole or not at all, and never over an article.
//!
//! Both the command line (`compare -o FILE`) and the reader (`e`) write
//! reports next to the articles they report on, so a report written over an
//! input would destroy the evidence. Paths are not enough to tell: a hard
//! link, a symbolic link or standard input redirected from the file (`< a.txt`)
//! all name one file with another path. Files are therefore compared by
//! device and inode, before anything is written, and a report is written into
//! a temporary file beside its target and renamed over it, so that the target
//! is either the old file or the whole new report. Renaming replaces a name,
//! never the contents of an inode: another hard link to the old file keeps
//! the old contents.

use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// One file as the system knows it: its device and inode. Two paths with the
/// same identity are the same file, whatever their names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    fn of(md: &fs::Metadata) -> FileId {
        FileId {
            dev: md.dev(),
            ino: md.ino(),
        }
    }
}

/// The file `path` names (symbolic links followed), if it exists.
pub fn file_id(path: &Path) -> Option<FileId> {
    fs::metadata(path).ok().map(|m| FileId::of(&m))
}

/// The file standard input reads, when it is a file on disk (`< a.txt`):
/// an article read from `-` is that file, and a report may not replace it.
pub fn stdin_id() -> Option<FileId> {
    use std::os::fd::AsFd;
    let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
    let md = File::from(fd).metadata().ok()?;
    md.is_file().then(|| FileId::of(&md))
}

/// The identities of the articles named by `inputs` (`-` is standard input).
pub fn input_ids(inputs: &[&Path]) -> Vec<FileId> {
    inputs
        .iter()
        .filter_map(|p| {
            if p.as_os_str() == crate::article::load::STDIN {
                stdin_id()
            } else {
                file_id(p)
            }
        })
        .collect()
}

/// Why a report was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The output is one of the articles compared.
    #[error("is one of the articles compared; write the report elsewhere")]
    IsInput,
    /// The folder cannot take a temporary file and the file has other names,
    /// so writing it in place would change them too.
    #[error(
        "cannot write a new file beside it and it has other links (hard links), \
         which writing in place would change too; write the report elsewhere"
    )]
    Linked,
    /// The system refused: a full disk, no permission…
    #[error("{}", os_text(.0))]
    Io(#[from] io::Error),
}

/// An OS error as a user reads it: the system's words in lower case, without
/// the "(os error 28)" that means nothing to them.
pub fn os_text(e: &io::Error) -> String {
    let s = e.to_string();
    let s = s.split(" (os error").next().unwrap_or(&s);
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => "unknown error".into(),
    }
}

/// Refuse an output that is one of `inputs` (by identity, not by name).
pub fn refuse_inputs(out: &Path, inputs: &[FileId]) -> Result<(), WriteError> {
    match file_id(out) {
        Some(id) if inputs.contains(&id) => Err(WriteError::IsInput),
        _ => Ok(()),
    }
}

/// Write a report through `write` to `path`, whole or not at all: into a
/// temporary file beside it, flushed to disk, then renamed over it, so that
/// a failure midway (a full disk, an error, a panic) leaves no partial
/// report and an earlier one as it was. An earlier report keeps its
/// permissions (a private one stays private); a new one gets 0666 less the
/// umask, as any new file. Symbolic links are followed (their target is
/// replaced).
///
/// Refused, before any byte is written: a path that is one of `inputs` by
/// device and inode. Written in place, where there is nothing to rename
/// over: a path that is not a regular file (`/dev/stdout`, a pipe); and a
/// file with no other link in a folder the user may not write to. A run
/// killed by a signal may leave the temporary file (`.NAME.copycat…`).
pub fn write_whole(
    path: &Path,
    inputs: &[FileId],
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    refuse_inputs(path, inputs)?;
    let target = resolve_links(path);
    let existing = fs::metadata(&target).ok();
    if let Some(md) = &existing
        && !md.is_file()
    {
        let mut f = File::create(&target)?;
        write(&mut f)?;
        return Ok(f.flush()?);
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".copycat")
        .permissions(Permissions::from_mode(0o666))
        .tempfile_in(dir);
    let mut tmp = match tmp {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            return match &existing {
                // Writing in place truncates the inode every link shares.
                Some(md) if md.nlink() > 1 => Err(WriteError::Linked),
                Some(_) => {
                    let mut f = File::create(&target)?;
                    write(&mut f)?;
                    f.flush()?;
                    Ok(f.sync_all()?)
                }
                None => Err(e.into()),
            };
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(md) = &existing {
        tmp.as_file().set_permissions(md.permissions())?;
    }
    write(tmp.as_file_mut())?;
    tmp.as_file_mut().flush()?;
    // On disk before the rename: after a power loss the name holds the old
    // report or the new one, never an empty file.
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// Create `dir/base.ext`, or `dir/base-2.ext`, `-3`… when it exists, with
/// `contents`, whole or not at all: written into a temporary file first and
/// then given the name only if no file has it (never over an existing file,
/// and a full disk leaves nothing behind).
pub fn write_new(dir: &Path, base: &str, ext: &str, contents: &[u8]) -> io::Result<PathBuf> {
    /// Suffixes tried before giving up (`-2` … `-999`).
    const MAX_SUFFIX: usize = 999;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{base}."))
        .suffix(".copycat")
        .permissions(Permissions::from_mode(0o666))
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.flush()?;
    tmp.as_file().sync_all()?;
    for n in 1..=MAX_SUFFIX {
        let name = if n == 1 {
            format!("{base}.{ext}")
        } else {
            format!("{base}-{n}.{ext}")
        };
        let path = dir.join(name);
        match tmp.persist_noclobber(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(e.error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{base}.{ext} and {MAX_SUFFIX} numbered copies exist"),
    ))
}

/// The file `path` names once its symbolic links are followed, also when
/// the last of them points at a file not there yet (as creating a file
/// through the link would).
fn resolve_links(path: &Path) -> PathBuf {
    if let Ok(t) = fs::canonicalize(path) {
        return t;
    }
    let mut p = path.to_path_buf();
    // As many links as the system follows itself (Linux's MAXSYMLINKS).
    for _ in 0..40 {
        match fs::read_link(&p) {
            Ok(t) => p = p.parent().unwrap_or(Path::new("")).join(t),
            Err(_) => break,
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn a_hard_link_to_an_input_is_refused_before_anything_is_written() {
        let d = dir();
        let a = d.path().join("a.txt");
        fs::write(&a, "the article").unwrap();
        let out = d.path().join("report.html");
        fs::hard_link(&a, &out).unwrap();
        let ids = input_ids(&[&a]);
        let err = write_whole(&out, &ids, |w| w.write_all(b"report")).unwrap_err();
        assert!(matches!(err, WriteError::IsInput), "{err}");
        assert_eq!(fs::read_to_string(&a).unwrap(), "the article");
    }

    #[test]
    fn a_symbolic_link_to_an_input_is_refused() {
        let d = dir();
        let a = d.path().join("a.txt");
        fs::write(&a, "the article").unwrap();
        let out = d.path().join("report.txt");
        std::os::unix::fs::symlink(&a, &out).unwrap();
        let err = write_whole(&out, &input_ids(&[&a]), |w| w.write_all(b"x")).unwrap_err();
        assert!(matches!(err, WriteError::IsInput));
        assert_eq!(fs::read_to_string(&a).unwrap(), "the article");
    }

    #[test]
    fn a_report_replaces_its_name_not_the_inode_other_links_share() {
        let d = dir();
        let old = d.path().join("old.html");
        fs::write(&old, "earlier report").unwrap();
        let out = d.path().join("report.html");
        fs::hard_link(&old, &out).unwrap();
        write_whole(&out, &[], |w| w.write_all(b"new report")).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "new report");
        assert_eq!(fs::read_to_string(&old).unwrap(), "earlier report");
    }

    #[test]
    fn a_failed_write_leaves_the_earlier_report_and_no_temporary_file() {
        let d = dir();
        let out = d.path().join("report.txt");
        fs::write(&out, "earlier").unwrap();
        let err = write_whole(&out, &[], |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(matches!(err, WriteError::Io(_)));
        assert_eq!(fs::read_to_string(&out).unwrap(), "earlier");
        let left: Vec<_> = fs::read_dir(d.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "{left:?}");
    }

    #[test]
    fn an_earlier_report_keeps_its_mode() {
        let d = dir();
        let out = d.path().join("private.txt");
        fs::write(&out, "x").unwrap();
        fs::set_permissions(&out, Permissions::from_mode(0o600)).unwrap();
        write_whole(&out, &[], |w| w.write_all(b"y")).unwrap();
        let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn new_files_never_replace_existing_ones() {
        let d = dir();
        let first = write_new(d.path(), "p", "html", b"1").unwrap();
        let second = write_new(d.path(), "p", "html", b"2").unwrap();
        let third = write_new(d.path(), "p", "html", b"3").unwrap();
        assert_eq!(first.file_name().unwrap(), "p.html");
        assert_eq!(second.file_name().unwrap(), "p-2.html");
        assert_eq!(third.file_name().unwrap(), "p-3.html");
        assert_eq!(fs::read(&first).unwrap(), b"1");
        // Nothing left over: three reports, no temporary file.
        assert_eq!(fs::read_dir(d.path()).unwrap().count(), 3);
    }

    #[test]
    fn os_errors_read_as_words() {
        let e = io::Error::from_raw_os_error(28);
        assert_eq!(os_text(&e), "no space left on device");
    }
}
