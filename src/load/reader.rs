//! The one way the loader reads the plan folder: the plan is its folder. A symbolic
//! link is followed only when it leads to a place inside the plan; only regular files
//! are read (a FIFO, device or socket is refused before anything can block on it);
//! the size limit applies to the bytes actually read.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Why a path of the plan folder was not read.
#[derive(Debug)]
pub enum Unreadable {
    /// A symbolic link to a place outside the plan folder (or to nothing).
    Outside {
        target: Option<PathBuf>,
    },
    /// Not a regular file: a FIFO, device, socket.
    Special(&'static str),
    /// More bytes than the limit (`max`); `len` is the size the file gives.
    TooLarge {
        max: u64,
        len: u64,
    },
    Io(io::Error),
}

impl From<io::Error> for Unreadable {
    fn from(e: io::Error) -> Self {
        Unreadable::Io(e)
    }
}

impl Unreadable {
    /// What the diagnostic says after the path it names.
    pub fn message(&self) -> String {
        match self {
            Unreadable::Outside {
                target: Some(t), ..
            } => format!(
                "a symbolic link to {}, outside the plan folder: it is not read; \
                 copy what it points to into the plan instead",
                t.display()
            ),
            Unreadable::Outside { target: None, .. } => {
                "a symbolic link that leads nowhere: it is not read; remove it".to_string()
            }
            Unreadable::Special(kind) => format!(
                "{kind}, not a regular file: it is not read; remove it from the plan folder"
            ),
            Unreadable::TooLarge { max, len } => format!(
                "the file is {} MiB; plan files may be at most {} MiB: split it into several files",
                (*len).max(max + 1) >> 20,
                max >> 20
            ),
            Unreadable::Io(e) => format!("cannot read the file: {e}"),
        }
    }
}

/// Whether an open failed because the path is a symbolic link (`O_NOFOLLOW`).
fn is_link_refusal(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        true
    }
}

/// The plan folder, resolved once, against which every link is judged.
#[derive(Clone, Debug)]
pub struct PlanRoot {
    root: PathBuf,
}

impl PlanRoot {
    pub fn new(dir: &Path) -> io::Result<PlanRoot> {
        Ok(PlanRoot {
            root: fs::canonicalize(dir)?,
        })
    }

    /// The real path of `path` when it is a link that stays inside the plan; `path`
    /// itself when it is no link.
    pub fn resolve(&self, path: &Path) -> Result<PathBuf, Unreadable> {
        let meta = fs::symlink_metadata(path)?;
        if !meta.file_type().is_symlink() {
            return Ok(path.to_path_buf());
        }
        let outside = |target| Unreadable::Outside { target };
        let target = fs::canonicalize(path).map_err(|_| outside(None))?;
        if target.starts_with(&self.root) && target != self.root {
            Ok(target)
        } else {
            Err(outside(Some(target)))
        }
    }

    /// Whether an entry found while walking a folder of the plan (`t` its own type,
    /// links not followed) may be read: a regular file, or a link to one inside the
    /// plan. Links to folders are followed only at the top of the plan.
    pub fn judge(&self, path: &Path, t: fs::FileType) -> Result<(), Unreadable> {
        if t.is_file() {
            return Ok(());
        }
        if !t.is_symlink() {
            return Err(Unreadable::Special(crate::files::kind_of(&t)));
        }
        let target = fs::metadata(self.resolve(path)?)?;
        if target.is_file() {
            Ok(())
        } else if target.is_dir() {
            Err(Unreadable::Special(
                "a symbolic link to a folder (links to folders are followed only at the top of the plan)",
            ))
        } else {
            Err(Unreadable::Special(crate::files::kind_of(
                &target.file_type(),
            )))
        }
    }

    /// Whether `path` (a link or not) is a folder inside the plan.
    pub fn is_dir(&self, path: &Path) -> Result<bool, Unreadable> {
        let real = self.resolve(path)?;
        Ok(fs::metadata(real)?.is_dir())
    }

    /// The regular file at `path`, opened for reading, and its metadata.
    pub fn open(&self, path: &Path) -> Result<(fs::File, fs::Metadata), Unreadable> {
        // Most files are no link: opened as they are (a link is refused by the open,
        // then judged and, when it stays inside the plan, its target opened).
        let file = match crate::files::open_no_follow(path) {
            Ok(f) => f,
            Err(e) if is_link_refusal(&e) => crate::files::open_no_follow(&self.resolve(path)?)?,
            Err(e) => return Err(e.into()),
        };
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(Unreadable::Special(crate::files::kind_of(
                &meta.file_type(),
            )));
        }
        Ok((file, meta))
    }

    /// The bytes of the regular file at `path`, at most `max` of them. A file is
    /// read up to the size it had when opened, without a read more to find its end
    /// (one system call less for each of a plan's thousands of files); one that
    /// gives no size is read to its end.
    pub fn read(&self, path: &Path, max: u64) -> Result<Vec<u8>, Unreadable> {
        let (file, meta) = self.open(path)?;
        let len = meta.len();
        let limit = match len {
            0 => max.saturating_add(1),
            _ if len > max => return Err(Unreadable::TooLarge { max, len }),
            _ => len,
        };
        let mut bytes = Vec::with_capacity(usize::try_from(limit.min(max)).unwrap_or(0));
        file.take(limit).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > max {
            return Err(Unreadable::TooLarge { max, len });
        }
        Ok(bytes)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_outside_special_files_and_size() {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = dir.path().join("plan");
        fs::create_dir_all(plan.join("a")).expect("dir");
        fs::write(plan.join("a/x.md"), "hello").expect("write");
        fs::write(dir.path().join("secret"), "outside").expect("write");
        std::os::unix::fs::symlink(plan.join("a/x.md"), plan.join("inside")).expect("link");
        std::os::unix::fs::symlink(dir.path().join("secret"), plan.join("out")).expect("link");
        std::os::unix::fs::symlink("/dev/zero", plan.join("zero")).expect("link");
        std::os::unix::fs::symlink("nowhere", plan.join("dangling")).expect("link");
        let fifo =
            std::ffi::CString::new(plan.join("fifo").to_string_lossy().as_bytes()).expect("path");
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        let root = PlanRoot::new(&plan).expect("root");
        let read = |name: &str, max| root.read(&plan.join(name), max);
        assert_eq!(read("a/x.md", 10).expect("reads"), b"hello");
        assert_eq!(read("inside", 10).expect("reads"), b"hello");
        assert!(matches!(read("out", 10), Err(Unreadable::Outside { .. })));
        assert!(matches!(read("zero", 10), Err(Unreadable::Outside { .. })));
        assert!(matches!(
            read("dangling", 10),
            Err(Unreadable::Outside { target: None, .. })
        ));
        assert!(matches!(read("fifo", 10), Err(Unreadable::Special(_))));
        assert!(matches!(
            read("a/x.md", 4),
            Err(Unreadable::TooLarge { max: 4, len: 5 })
        ));
        assert!(
            read("out", 10)
                .unwrap_err()
                .message()
                .contains("outside the plan")
        );
    }
}
