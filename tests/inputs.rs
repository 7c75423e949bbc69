//! Broken input, through the real binary: every case ends in a clear message,
//! exit code 2 where nothing can proceed, the rest of a folder still loaded
//! where it can be, and never a panic or a hang.
//!
//! Each case runs `copycat list` and, where it names a single file, `copycat
//! compare … --format json` (which reads its two files on its own path).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use copycat::article::load::{self, Loaded, MAX_FILE_BYTES};

const BIN: &str = env!("CARGO_BIN_EXE_copycat");

/// Far beyond anything these cases need. It is not a timing assertion: it
/// turns a hang (a FIFO opened for reading blocks forever) into a failure
/// instead of a stuck test suite.
const HANG: Duration = Duration::from_secs(300);

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

fn reader(mut r: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = r.read_to_end(&mut v);
        v
    })
}

/// Run `cmd` to completion (or fail the test if it hangs), reading its output
/// on threads so a full pipe cannot block it.
fn run_cmd(mut cmd: Command) -> Run {
    // A panic would print a backtrace with this set: the checks below look
    // for one, so make sure it would be there.
    cmd.env("RUST_BACKTRACE", "1")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the copycat binary runs");
    let out = reader(child.stdout.take().unwrap());
    let err = reader(child.stderr.take().unwrap());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait on copycat") {
            break status;
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("copycat hung: {cmd:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
    }
}

fn copycat<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut cmd = Command::new(BIN);
    cmd.args(args);
    run_cmd(cmd)
}

fn assert_no_panic(r: &Run) {
    for text in [&r.stdout, &r.stderr] {
        for bad in [
            "panicked",
            "stack backtrace",
            "RUST_BACKTRACE",
            "internal error",
        ] {
            assert!(!text.contains(bad), "{bad:?} in output:\n{text}");
        }
    }
}

/// Exit 2, nothing on stdout, one line on stderr starting `copycat: ` and
/// holding `needle`.
fn assert_refused(r: &Run, needle: &str) {
    assert_no_panic(r);
    assert_eq!(r.code, Some(2), "exit code; stderr:\n{}", r.stderr);
    assert!(r.stdout.is_empty(), "stdout:\n{}", r.stdout);
    let lines = r.stderr_lines();
    assert_eq!(lines.len(), 1, "one line on stderr:\n{}", r.stderr);
    assert!(lines[0].starts_with("copycat: "), "{}", lines[0]);
    assert!(
        lines[0].contains(needle),
        "{:?} should mention {needle:?}",
        lines[0]
    );
}

/// Exit 0, and no panic.
fn assert_ok(r: &Run) {
    assert_no_panic(r);
    assert_eq!(r.code, Some(0), "exit code; stderr:\n{}", r.stderr);
}

const GOOD: &str = "Plan Drew on Russian Paper\n\nThe U.S.-backed plan drew on a Russian paper, sources said. \
                    The paper was shared in October.\n\nOfficials did not comment.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

/// `list FILE`, `compare FILE GOOD` and `compare GOOD FILE` all refuse `file`.
fn assert_file_refused(file: &Path, needle: &str) {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let shown = file.display().to_string();
    let r = copycat(["list".as_ref(), file.as_os_str()]);
    assert_refused(&r, needle);
    assert!(r.stderr.contains(&shown), "names the file: {}", r.stderr);
    for (a, b) in [(file, good.as_path()), (good.as_path(), file)] {
        let r = copycat([
            "compare".as_ref(),
            a.as_os_str(),
            b.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ]);
        assert_refused(&r, needle);
    }
    // Without a subcommand (the reader), the file is refused before any
    // terminal is touched.
    assert_refused(&copycat([file]), needle);
}

/// A folder holding `good.txt` and `bad`: the folder loads with one warning
/// naming `bad`, and `good.txt` is listed.
fn assert_skipped_in_folder(bad_name: &str, make_bad: impl FnOnce(&Path), needle: &str) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD.as_bytes());
    make_bad(&dir.path().join(bad_name));
    let r = copycat(["list".as_ref(), dir.path().as_os_str()]);
    assert_ok(&r);
    assert!(r.stdout.contains("good.txt"), "{}", r.stdout);
    assert!(r.stdout.contains("title: Plan Drew on Russian Paper"));
    assert!(!r.stdout.contains(bad_name), "{}", r.stdout);
    let lines = r.stderr_lines();
    assert_eq!(lines.len(), 1, "one warning:\n{}", r.stderr);
    assert!(lines[0].starts_with("copycat: skipped "), "{}", lines[0]);
    assert!(
        lines[0].contains(bad_name) && lines[0].contains(needle),
        "{}",
        lines[0]
    );
}

#[test]
fn empty_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "empty.txt", b"");
    assert_file_refused(&f, "empty file");
    assert_skipped_in_folder("empty.txt", |p| fs::write(p, b"").unwrap(), "empty file");
}

#[test]
fn whitespace_only_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // Spaces, tabs, every line end, a no-break space and a BOM: no text.
    let f = write(
        dir.path(),
        "blank.txt",
        "\u{FEFF} \t\r\n\r \n\u{a0}\u{3000}\n".as_bytes(),
    );
    assert_file_refused(&f, "holds no text");
    // UTF-16 spaces are as empty.
    let f = write(dir.path(), "blank16.txt", &[0xFF, 0xFE, b' ', 0, b'\n', 0]);
    assert_file_refused(&f, "holds no text");
}

#[test]
fn binary_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0".to_vec();
    elf.extend((0..=255u8).cycle().take(4096));
    let f = write(dir.path(), "program.txt", &elf);
    assert_file_refused(&f, "binary file (contains NUL bytes)");
    assert_skipped_in_folder("blob.txt", |p| fs::write(p, &elf).unwrap(), "binary");
}

#[test]
fn utf16_without_a_bom_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = GOOD.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let f = write(dir.path(), "nobom.txt", &bytes);
    assert_file_refused(&f, "UTF-16 without a byte-order mark");
}

#[test]
fn invalid_utf8_loads_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = GOOD.as_bytes().to_vec();
    bytes.splice(30..30, [0xFF, 0xFE]);
    bytes.extend(b"Broken \xC3 and \xED\xA0\x80 bytes end here.\n");
    let f = write(dir.path(), "broken.txt", &bytes);
    let r = copycat(["list".as_ref(), f.as_os_str()]);
    assert_ok(&r);
    assert!(
        r.stdout
            // FF, FE; a lone C3; ED A0 80 (an encoded surrogate) is three.
            .contains("warning: 6 invalid UTF-8 sequences replaced with U+FFFD"),
        "{}",
        r.stdout
    );
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let r = copycat([
        "compare".as_ref(),
        good.as_os_str(),
        f.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_ok(&r);
    // The warning goes to stderr, once, naming the file.
    let lines = r.stderr_lines();
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    assert!(lines[0].starts_with("copycat: ") && lines[0].contains("broken.txt"));
    assert!(lines[0].contains("invalid UTF-8"));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON on stdout");
    assert_eq!(v["b"]["bytes"], bytes.len());
    assert_eq!(v["b"]["warnings"].as_array().map(Vec::len), Some(1));
    assert!(!v["links"].as_array().unwrap().is_empty(), "still compared");
}

#[test]
fn utf16_with_bom_loads() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = GOOD.replace('\n', "\r\n");
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(crlf.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(crlf.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let fle = write(dir.path(), "le.txt", &le);
    let fbe = write(dir.path(), "be.txt", &be);
    for f in [&fle, &fbe] {
        let r = copycat(["list".as_ref(), f.as_os_str()]);
        assert_ok(&r);
        assert!(r.stderr.is_empty(), "{}", r.stderr);
        assert!(
            r.stdout.contains("title: Plan Drew on Russian Paper"),
            "{}",
            r.stdout
        );
        assert!(r.stdout.contains("sentences: 3"), "{}", r.stdout);
    }
    // Offsets point into the UTF-16 files: between code units, and at the
    // same passage in both byte orders.
    let r = copycat([
        "compare".as_ref(),
        fle.as_os_str(),
        fbe.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_ok(&r);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let links = v["links"].as_array().unwrap();
    assert!(!links.is_empty());
    for l in links {
        let (s, e) = (
            l["a"]["start"].as_u64().unwrap(),
            l["a"]["end"].as_u64().unwrap(),
        );
        assert_eq!((s % 2, e % 2), (0, 0), "{l}");
        assert_eq!(l["a"]["start"], l["b"]["start"]);
        let units: Vec<u16> = le[s as usize..e as usize]
            .chunks(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        // The JSON text is normalized (LF line ends); the file has CRLF.
        let passage = String::from_utf16(&units).unwrap().replace("\r\n", "\n");
        assert_eq!(passage, l["a"]["text"].as_str().unwrap());
    }
}

#[test]
fn file_over_the_size_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // 50 MB, sparse: text at the start, then a hole the file system does not
    // store. The size alone refuses it, before a byte is read.
    let f = dir.path().join("huge.txt");
    fs::write(&f, GOOD).unwrap();
    fs::File::options()
        .write(true)
        .open(&f)
        .unwrap()
        .set_len(50 * 1000 * 1000)
        .unwrap();
    assert_file_refused(&f, "too large (48 MiB; the limit is 8 MiB)");
    // One byte over the limit is refused; in a folder the rest still loads.
    assert_skipped_in_folder(
        "big.txt",
        |p| {
            fs::write(p, GOOD).unwrap();
            let file = fs::File::options().write(true).open(p).unwrap();
            file.set_len(MAX_FILE_BYTES + 1).unwrap();
        },
        "too large",
    );
}

#[test]
fn file_at_the_size_limit_is_not_refused_for_size() {
    // Exactly at the limit: read, and then judged on its content (this one is
    // mostly a hole of NUL bytes, so it is binary, not too large).
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("limit.txt");
    fs::write(&f, GOOD).unwrap();
    let file = fs::File::options().write(true).open(&f).unwrap();
    file.set_len(MAX_FILE_BYTES).unwrap();
    let r = copycat(["list".as_ref(), f.as_os_str()]);
    assert_refused(&r, "binary file");
}

#[test]
fn folder_of_10000_small_files_loads() {
    let dir = tempfile::tempdir().unwrap();
    let n = 10_000;
    for i in 0..n {
        // Two levels, so the walk recurses too.
        let sub = dir.path().join(format!("d{:02}", i % 100));
        if i < 100 {
            fs::create_dir(&sub).unwrap();
        }
        let text = format!("Story number {i}\n\nItem {i} was filed today. It is short.\n");
        fs::write(sub.join(format!("f{i:05}.txt")), text).unwrap();
    }
    let started = Instant::now();
    let r = copycat(["list".as_ref(), dir.path().as_os_str()]);
    // Printed for whoever wonders how fast it is; not asserted, since the
    // machine running the tests may be slow or busy.
    eprintln!("copycat list on {n} files: {:?}", started.elapsed());
    assert_ok(&r);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let listed: Vec<&str> = r.stdout.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(listed.len(), n);
    // Sorted by path: d00/f00000, d00/f00100, …, d99/f09999.
    assert!(listed[0].ends_with("d00/f00000.txt"), "{}", listed[0]);
    assert!(listed[1].ends_with("d00/f00100.txt"), "{}", listed[1]);
    assert!(listed[n - 1].ends_with("d99/f09999.txt"));
    assert!(r.stdout.contains("title: Story number 4242\n"));
}

/// Whether this process can read a file whose mode forbids it (root, or
/// CAP_DAC_OVERRIDE).
fn privileged(f: &Path) -> bool {
    fs::File::open(f).is_ok()
}

/// Run copycat without the capabilities that let root read any file, so a
/// mode-000 file is unreadable to it. `None` when that cannot be arranged.
fn copycat_unprivileged(args: &[&std::ffi::OsStr]) -> Option<Run> {
    let mut cmd = Command::new("setpriv");
    cmd.args(["--bounding-set", "-dac_override,-dac_read_search", BIN])
        .args(args);
    let r = run_cmd(cmd);
    // setpriv missing (the spawn would have panicked first), or refused to
    // drop capabilities (no CAP_SETPCAP): its own message, exit 1 or 127.
    if r.stderr.starts_with("setpriv:") || r.code == Some(127) {
        eprintln!("setpriv could not drop capabilities: {}", r.stderr.trim());
        return None;
    }
    Some(r)
}

fn setpriv_available() -> bool {
    Command::new("setpriv")
        .arg("--help")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "secret.txt", GOOD.as_bytes());
    write(dir.path(), "good.txt", GOOD.as_bytes());
    fs::set_permissions(&f, fs::Permissions::from_mode(0o000)).unwrap();
    let (named, folder) = if !privileged(&f) {
        (
            copycat(["list".as_ref(), f.as_os_str()]),
            copycat(["list".as_ref(), dir.path().as_os_str()]),
        )
    } else if setpriv_available() {
        // Root reads a mode-000 file: run copycat as root without the
        // capabilities that allow it.
        let Some(named) = copycat_unprivileged(&["list".as_ref(), f.as_os_str()]) else {
            eprintln!(
                "SKIPPED unreadable_file_is_refused: running as root and cannot drop CAP_DAC_OVERRIDE"
            );
            return;
        };
        let folder = copycat_unprivileged(&["list".as_ref(), dir.path().as_os_str()]).unwrap();
        (named, folder)
    } else {
        eprintln!(
            "SKIPPED unreadable_file_is_refused: running as root (mode 000 does not stop root) and setpriv is not installed"
        );
        return;
    };
    assert_refused(&named, "secret.txt: permission denied");
    assert_ok(&folder);
    assert!(folder.stdout.contains("good.txt") && !folder.stdout.contains("secret.txt"));
    let lines = folder.stderr_lines();
    assert_eq!(lines.len(), 1, "{}", folder.stderr);
    assert!(lines[0].contains("skipped") && lines[0].contains("secret.txt: permission denied"));
}

/// A read that fails after the file opened (here /proc/self/mem, which
/// claims to be an empty regular file and fails with EIO at offset 0, even for
/// root): the OS's reason, on one line.
#[cfg(target_os = "linux")]
#[test]
fn read_error_is_reported() {
    let r = copycat(["list", "/proc/self/mem"]);
    assert_refused(&r, "/proc/self/mem: ");
    assert!(!r.stderr.contains("os error"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_walked_once_and_reported() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    fs::create_dir_all(root.join("sub")).unwrap();
    write(&root, "good.txt", GOOD.as_bytes());
    // A folder link back up the tree, a link to itself, and a two-link loop.
    symlink(&root, root.join("sub/up")).unwrap();
    symlink("self.txt", root.join("self.txt")).unwrap();
    symlink("pong.md", root.join("ping.md")).unwrap();
    symlink("ping.md", root.join("pong.md")).unwrap();
    let r = copycat(["list".as_ref(), root.as_os_str()]);
    assert_ok(&r);
    let listed: Vec<&str> = r.stdout.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(listed.len(), 1, "good.txt once:\n{}", r.stdout);
    assert!(listed[0].ends_with("good.txt"));
    let lines = r.stderr_lines();
    assert_eq!(lines.len(), 3, "{}", r.stderr);
    for (line, name) in lines.iter().zip(["ping.md", "pong.md", "self.txt"]) {
        assert!(line.starts_with("copycat: skipped "), "{line}");
        assert!(line.contains(name), "{line}");
        assert!(line.to_lowercase().contains("symbolic links"), "{line}");
    }
    // Named directly, a looping link is refused.
    assert_file_refused(&root.join("self.txt"), "symbolic links");
}

/// Make a FIFO with mkfifo(1) (the crate has no libc binding of its own).
#[cfg(unix)]
fn mkfifo(p: &Path) -> bool {
    Command::new("mkfifo")
        .arg(p)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn fifo_is_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    if !mkfifo(&fifo) {
        eprintln!("SKIPPED fifo_is_refused_without_hanging: mkfifo is not available");
        return;
    }
    // Opening a FIFO for reading blocks until a writer comes: were copycat
    // to open it, this would hang (and `run_cmd` fail the test).
    assert_file_refused(&fifo, "not a regular file");
    assert_skipped_in_folder("queue.txt", |p| assert!(mkfifo(p)), "not a regular file");
}

#[cfg(unix)]
#[test]
fn devices_are_refused() {
    for dev in ["/dev/null", "/dev/zero", "/dev/urandom"] {
        if Path::new(dev).exists() {
            assert_file_refused(Path::new(dev), "not a regular file");
        }
    }
}

#[test]
fn missing_path_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("nowhere.txt");
    assert_file_refused(&f, "nowhere.txt: no such file or folder");
    // In a list of paths, one missing path stops the run: the user named it.
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let r = copycat(["list".as_ref(), good.as_os_str(), f.as_os_str()]);
    assert_refused(&r, "no such file or folder");
}

#[test]
fn folder_named_for_compare_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let r = copycat([
        "compare".as_ref(),
        dir.path().as_os_str(),
        good.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_refused(&r, "is a folder, not a file");
}

#[test]
fn folder_with_no_articles_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("empty-sub")).unwrap();
    write(dir.path(), "photo.jpg", b"\xFF\xD8\xFF\xE0");
    write(dir.path(), "notes", b"not an article name");
    let r = copycat(["list".as_ref(), dir.path().as_os_str()]);
    assert_refused(&r, "no articles (*.txt, *.md or *.html) in this folder");
    let empty = tempfile::tempdir().unwrap();
    let r = copycat(["list".as_ref(), empty.path().as_os_str()]);
    assert_refused(&r, "no articles");
}

#[test]
fn folder_of_only_bad_files_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"");
    write(dir.path(), "b.txt", b"\0\0\0");
    let r = copycat(["list".as_ref(), dir.path().as_os_str()]);
    assert_no_panic(&r);
    assert_eq!(r.code, Some(2));
    assert!(r.stdout.is_empty());
    // One line: how many were skipped, and why the first was.
    let lines = r.stderr_lines();
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    assert!(
        lines[0].starts_with("copycat: no readable articles"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("2 files skipped"), "{}", lines[0]);
    assert!(lines[0].contains("a.txt: empty file"), "{}", lines[0]);
}

#[test]
fn folder_with_bad_files_loads_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-empty.txt", b"");
    write(dir.path(), "b-binary.md", b"PK\x03\x04\0\0");
    write(dir.path(), "c-good.txt", GOOD.as_bytes());
    write(dir.path(), "d-blank.txt", b"\n\n  \n");
    write(
        dir.path(),
        "e-broken.txt",
        b"Broken \xFF text. Still read.\n",
    );
    let r = copycat(["list".as_ref(), dir.path().as_os_str()]);
    assert_ok(&r);
    let listed: Vec<&str> = r.stdout.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(listed.len(), 2, "{}", r.stdout);
    assert!(listed[0].ends_with("c-good.txt") && listed[1].ends_with("e-broken.txt"));
    let lines = r.stderr_lines();
    assert_eq!(lines.len(), 3, "{}", r.stderr);
    for (line, name) in lines
        .iter()
        .zip(["a-empty.txt", "b-binary.md", "d-blank.txt"])
    {
        assert!(
            line.starts_with("copycat: skipped ") && line.contains(name),
            "{line}"
        );
    }
}

/// A file listed by the folder walk and gone before it is read costs that
/// file only. The binary cannot be paused between the two steps, so this
/// drives the loader's two steps directly, deleting a file in between.
#[test]
fn file_disappearing_between_listing_and_reading_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        write(dir.path(), name, GOOD.as_bytes());
    }
    let mut warnings = Vec::new();
    let files = load::list_folder(dir.path(), &mut warnings);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(files.len(), 3);
    fs::remove_file(dir.path().join("b.txt")).unwrap();
    // And one replaced by a folder of the same name.
    fs::remove_file(dir.path().join("c.txt")).unwrap();
    fs::create_dir(dir.path().join("c.txt")).unwrap();
    let mut out = Loaded::default();
    load::read_listed(&files, &mut out);
    assert_eq!(out.articles.len(), 1);
    assert!(out.articles[0].path.ends_with("a.txt"));
    assert_eq!(out.warnings.len(), 2, "{:?}", out.warnings);
    assert!(
        out.warnings[0].starts_with("skipped ")
            && out.warnings[0].ends_with("b.txt: no such file or folder")
    );
    assert!(out.warnings[1].ends_with("c.txt: is a folder, not a file"));
}

/// The same through `load_paths`, the binary's entry: one warning per bad
/// file, the rest loaded.
#[test]
fn load_paths_reports_each_skipped_file_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD.as_bytes());
    write(dir.path(), "nul.txt", b"a\0b");
    let loaded = load::load_paths(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.warnings.len(), 1);
    let err = load::load_paths(&[dir.path().join("nul.txt")]).unwrap_err();
    assert!(matches!(err, load::LoadError::NotText { .. }), "{err:?}");
    assert!(
        err.to_string()
            .ends_with("nul.txt: binary file (contains NUL bytes), not an article")
    );
}

/// Regression: `rank a a` paired the file with itself ("12% reuse a → a").
/// The same file named twice (directly or through a folder) is read once;
/// a byte-identical copy under another name is named as a duplicate on
/// stderr (and ranked, as the verbatim copy it is).
#[test]
fn rank_never_pairs_a_file_with_itself_or_its_exact_copy() {
    let dir = tempfile::tempdir().unwrap();
    let arts = copycat::article::bundled();
    // Two articles that share text, so that their pair is ranked.
    let find = |k: &str| &arts.iter().find(|a| a.path.contains(k)).unwrap().bytes;
    let a = write(dir.path(), "a.txt", find("reuters"));
    let b = write(dir.path(), "b.txt", find("undated-rewrite"));
    let copy = write(dir.path(), "copy-of-a.txt", find("reuters"));

    let r = copycat(["rank".as_ref(), a.as_os_str(), a.as_os_str()]);
    assert_no_panic(&r);
    assert!(
        r.stderr.contains("a.txt: the same file as") && r.stderr.contains("read once"),
        "{}",
        r.stderr
    );
    // One article: no pair at all.
    assert!(r.stdout.starts_with("1 article, 0 pairs"), "{}", r.stdout);
    assert!(!r.stdout.contains("a.txt → a.txt"), "{}", r.stdout);

    let r = copycat([
        "rank".as_ref(),
        a.as_os_str(),
        copy.as_os_str(),
        b.as_os_str(),
        dir.path().as_os_str(),
    ]);
    assert_ok(&r);
    assert!(
        r.stderr.contains("copy-of-a.txt: byte-identical to") && r.stderr.contains("a duplicate"),
        "{}",
        r.stderr
    );
    // Each file once although the folder names them again; the exact copy
    // is a reprint of the original (one family), never paired with itself.
    assert_eq!(
        r.stdout.lines().next().unwrap_or(""),
        "3 articles (2 in 1 reprint family, aligned once each), 3 pairs: every pair of \
         distinct texts aligned (1); 1 pair shares text; with the reprints in families, \
         3 pairs of articles do",
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("a.txt → a.txt"), "{}", r.stdout);
}

/// Run copycat with its standard output set up by `stdout`, reading stderr.
fn copycat_with_stdout(args: &[&str], stdout: Stdio) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("the copycat binary runs");
    let err = reader(child.stderr.take().unwrap());
    let status = child.wait().expect("wait on copycat");
    Run {
        code: status.code(),
        stdout: String::new(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
    }
}

/// Regression: a full disk exited 1 ("a bug") with "(os error 28)", and a
/// closed standard output exited 0 with the output lost. Each output error
/// is now one line saying what happened, exit 2; a broken pipe (`| head`)
/// stays quiet.
#[cfg(target_os = "linux")]
#[test]
fn output_errors_are_one_clean_line_and_exit_2() {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let r = copycat_with_stdout(&["list"], full.into());
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert_eq!(
        r.stderr_lines(),
        ["copycat: cannot write the output: no space left on device"]
    );
    // Open for reading only: every write fails with EBADF.
    let read_only = fs::File::open("/dev/null").unwrap();
    let r = copycat_with_stdout(&["list"], read_only.into());
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert_eq!(
        r.stderr_lines(),
        ["copycat: cannot write the output: standard output is closed or not open for writing"]
    );
    // Closed (the shell's `>&-`).
    let r = run_cmd({
        let mut c = Command::new("sh");
        c.args(["-c", &format!("exec '{BIN}' list >&-")]);
        c
    });
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("standard output is closed"),
        "{}",
        r.stderr
    );
    // `>/dev/null` is not closed: the output is thrown away as asked.
    let null = fs::OpenOptions::new()
        .write(true)
        .open("/dev/null")
        .unwrap();
    let r = copycat_with_stdout(&["list"], null.into());
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // A pipe closed early is not an error.
    let r = run_cmd({
        let mut c = Command::new("sh");
        c.args([
            "-c",
            &format!("'{BIN}' rank | head -c 1 >/dev/null; exit 0"),
        ]);
        c
    });
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

/// Regression: a named folder that could not be read said "no articles".
#[cfg(unix)]
#[test]
fn unreadable_folder_is_named_as_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    write(&locked, "good.txt", GOOD.as_bytes());
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let args = ["list".as_ref(), locked.as_os_str()];
    let r = if fs::read_dir(&locked).is_err() {
        copycat(args)
    } else if let Some(r) = setpriv_available()
        .then(|| copycat_unprivileged(&args))
        .flatten()
    {
        r
    } else {
        eprintln!(
            "SKIPPED unreadable_folder_is_named_as_permission_denied: cannot drop root's rights"
        );
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        return;
    };
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert_refused(&r, "locked: permission denied");
    assert!(!r.stderr.contains("no articles"), "{}", r.stderr);
}

#[test]
fn utf32_with_a_bom_loads_in_both_byte_orders() {
    let dir = tempfile::tempdir().unwrap();
    for (name, le) in [("le.txt", true), ("be.txt", false)] {
        let mut bytes: Vec<u8> = if le {
            vec![0xFF, 0xFE, 0, 0]
        } else {
            vec![0, 0, 0xFE, 0xFF]
        };
        for c in GOOD.chars() {
            let v = c as u32;
            bytes.extend(if le { v.to_le_bytes() } else { v.to_be_bytes() });
        }
        let f = write(dir.path(), name, &bytes);
        let r = copycat(["list".as_ref(), f.as_os_str()]);
        assert_ok(&r);
        assert!(
            r.stdout.contains("title: Plan Drew on Russian Paper"),
            "{name}: {}",
            r.stdout
        );
        assert!(r.stderr.is_empty(), "{name}: {}", r.stderr);
    }
}
