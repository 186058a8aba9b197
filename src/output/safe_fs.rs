//! File-system steps that cannot be led outside a folder: paths from a manifest are
//! checked before use, every folder on the way must be a real folder (not a link),
//! files are opened without following links and without blocking, and folders are
//! swapped atomically where the system allows.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Whether `path` (from a manifest) names a file inside the site: relative, `/`
/// separated, no empty, `.` or `..` part, no backslash, colon or control character.
pub fn is_site_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 4096
        && !path.starts_with('/')
        && !path
            .chars()
            .any(|c| c.is_control() || c == '\\' || c == ':')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// `base/path`, when every folder between is a real folder (no link) and the last
/// part is a regular file (when `file`) or absent; None otherwise.
pub fn inside(base: &Path, path: &str, must_exist: bool) -> Option<PathBuf> {
    walk(base, path, must_exist).map(|(at, _)| at)
}

/// Whether `base/path` is a real folder, and every folder between too (no link).
pub fn real_folder(base: &Path, path: &str) -> bool {
    if !is_site_path(path) {
        return false;
    }
    let mut at = base.to_path_buf();
    path.split('/').all(|part| {
        at.push(part);
        fs::symlink_metadata(&at).is_ok_and(|m| m.is_dir())
    })
}

/// [`inside`], with the file's metadata when it exists.
fn walk(base: &Path, path: &str, must_exist: bool) -> Option<(PathBuf, Option<fs::Metadata>)> {
    if !is_site_path(path) {
        return None;
    }
    let mut at = base.to_path_buf();
    let mut parts = path.split('/').peekable();
    while let Some(part) = parts.next() {
        at.push(part);
        let meta = fs::symlink_metadata(&at);
        let last = parts.peek().is_none();
        match meta {
            Ok(m) if last => return m.is_file().then_some((at, Some(m))),
            Ok(m) if m.is_dir() => {}
            Ok(_) => return None,
            Err(e) if e.kind() == io::ErrorKind::NotFound && !must_exist => {
                // The rest does not exist yet: it will be created as real folders.
                at.extend(parts);
                return Some((at, None));
            }
            Err(_) => return None,
        }
    }
    None
}

/// When the file's inode last changed (its content, mode, links or name), in
/// nanoseconds since 1970: a time no one can set back, unlike the modification
/// time. None where the system keeps no such time.
pub fn changed_at(meta: &fs::Metadata) -> Option<i128> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// Opens a regular file without following a final link and without blocking.
pub fn open_regular(path: &Path) -> io::Result<fs::File> {
    let file = crate::files::open_no_follow(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    Ok(file)
}

/// The bytes of a regular file, when it has exactly `len` of them.
pub fn read_exact_len(path: &Path, len: u64) -> io::Result<Option<Vec<u8>>> {
    let file = open_regular(path)?;
    if file.metadata()?.len() != len {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(len.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 == len).then_some(bytes))
}

/// Puts the staged file `from` at `to`. A file there already is exchanged with it
/// (and so removed with the staging folder) rather than renamed over: ext4 writes a
/// file just written out to disk before it is renamed over another (its
/// `auto_da_alloc`, which guards programs that replace a file without syncing it),
/// 60-75 ms for the 91 MB print.html of 10,000 runbooks, where the exchange takes
/// none and the removal 20 ms. A rebuild does not sync either way: what a crash
/// leaves short is read again by the next build (its size is not the manifest's).
pub fn replace(from: &Path, to: &Path) -> io::Result<()> {
    let file = |p: &Path| fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_file());
    if file(to) && exchange(from, to).unwrap_or(false) {
        if file(from) {
            return Ok(());
        }
        // What came out is no longer the file that was checked: it goes back, and
        // the new file is renamed over it as before (which a folder refuses).
        exchange(from, to)?;
    }
    fs::rename(from, to)
}

/// Swaps two folders, or two files, in one step (Linux `renameat2` with
/// `RENAME_EXCHANGE`), so that neither place is ever missing. Ok(false) when the
/// system cannot: the caller renames instead.
pub fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let ca = std::ffi::CString::new(a.as_os_str().as_bytes())?;
        let cb = std::ffi::CString::new(b.as_os_str().as_bytes())?;
        // SAFETY: two valid NUL-terminated paths, relative to the working folder.
        let r = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                ca.as_ptr(),
                libc::AT_FDCWD,
                cb.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if r == 0 {
            return Ok(true);
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP) => Ok(false),
            _ => Err(e),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (a, b);
        Ok(false)
    }
}

/// An exclusive lock on a folder for as long as the value lives: a staging folder
/// whose lock can be taken belongs to no running build.
pub struct FolderLock(#[allow(dead_code)] fs::File);

impl FolderLock {
    /// Takes the lock without waiting; None when another process holds it.
    pub fn try_take(dir: &Path) -> Option<FolderLock> {
        Self::lock(dir, true)
    }

    /// Takes the lock, waiting while another process holds it; None when the
    /// folder cannot be opened or locked.
    pub fn take(dir: &Path) -> Option<FolderLock> {
        Self::lock(dir, false)
    }

    fn lock(dir: &Path, no_wait: bool) -> Option<FolderLock> {
        let f = fs::File::open(dir).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::io::AsRawFd;
            let how = if no_wait {
                libc::LOCK_EX | libc::LOCK_NB
            } else {
                libc::LOCK_EX
            };
            // SAFETY: a valid open file descriptor.
            if unsafe { libc::flock(f.as_raw_fd(), how) } != 0 {
                return None;
            }
        }
        #[cfg(not(unix))]
        let _ = no_wait;
        Some(FolderLock(f))
    }
}

/// Mode and owner of a folder, to give the new site what the old one had.
#[derive(Clone, Copy)]
pub struct Owner {
    #[cfg(unix)]
    mode: u32,
    #[cfg(unix)]
    uid: u32,
    #[cfg(unix)]
    gid: u32,
}

impl Owner {
    pub fn of(meta: &fs::Metadata) -> Owner {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Owner {
                mode: meta.mode() & 0o7777,
                uid: meta.uid(),
                gid: meta.gid(),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            Owner {}
        }
    }

    /// A folder only its owner may open.
    pub fn private() -> Option<Owner> {
        #[cfg(unix)]
        {
            // SAFETY: plain system calls without arguments.
            let (uid, gid) = unsafe { (libc::geteuid(), libc::getegid()) };
            Some(Owner {
                mode: 0o700,
                uid,
                gid,
            })
        }
        #[cfg(not(unix))]
        None
    }

    /// Gives `dir` this mode and (where allowed) this owner.
    pub fn apply(&self, dir: &Path) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(dir, fs::Permissions::from_mode(self.mode))?;
            // Only root may give a folder away; anyone else keeps their own.
            let _ = std::os::unix::fs::chown(dir, Some(self.uid), Some(self.gid));
        }
        #[cfg(not(unix))]
        let _ = dir;
        Ok(())
    }
}

/// Whether `dir` is the root of a mounted file system (a USB stick): its device
/// differs from its parent's, so it cannot be renamed or swapped.
pub fn is_mount_root(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let parent = dir.join("..");
        match (fs::metadata(dir), fs::metadata(parent)) {
            (Ok(a), Ok(b)) => a.dev() != b.dev() || a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_paths() {
        for ok in ["index.html", "runbooks/x.html", "assets/a b.pdf"] {
            assert!(is_site_path(ok), "{ok}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "./a",
            "a\\..\\b",
            "C:/x",
            "a\0b",
        ] {
            assert!(!is_site_path(bad), "{bad:?}");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn exchange_swaps_two_folders_in_one_step() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::create_dir_all(&a).expect("dir");
        fs::create_dir_all(&b).expect("dir");
        fs::write(a.join("new"), "").expect("write");
        fs::write(b.join("old"), "").expect("write");
        assert!(exchange(&a, &b).expect("exchange"));
        assert!(b.join("new").exists() && a.join("old").exists());
    }

    #[test]
    fn inside_refuses_links_on_the_way() {
        let dir = tempfile::tempdir().expect("temp dir");
        let base = dir.path().join("out");
        fs::create_dir_all(base.join("real")).expect("dir");
        fs::write(base.join("real/f.html"), "x").expect("write");
        std::os::unix::fs::symlink(dir.path(), base.join("link")).expect("link");
        std::os::unix::fs::symlink(base.join("real/f.html"), base.join("f.html")).expect("link");
        assert!(inside(&base, "real/f.html", true).is_some());
        assert!(inside(&base, "link/out/real/f.html", true).is_none());
        assert!(inside(&base, "link/new.html", false).is_none());
        assert!(inside(&base, "f.html", true).is_none());
        assert!(inside(&base, "new/dir/x.html", false).is_some());
        assert!(inside(&base, "new/dir/x.html", true).is_none());
        assert!(inside(&base, "../out/real/f.html", true).is_none());
    }

    #[test]
    fn a_staged_file_takes_the_place_of_a_file_never_of_a_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (staged, at) = (dir.path().join("staged"), dir.path().join("site.html"));
        let read = |p: &Path| fs::read_to_string(p).ok();
        // Over a file: the new one is in place, the old one (exchanged) or nothing
        // is left where the new one was staged.
        fs::write(&at, "old").expect("write");
        fs::write(&staged, "new").expect("write");
        replace(&staged, &at).expect("replaced");
        assert_eq!(read(&at).as_deref(), Some("new"));
        assert!(matches!(read(&staged).as_deref(), None | Some("old")));
        // Where nothing was.
        let fresh = dir.path().join("fresh.html");
        fs::write(&staged, "first").expect("write");
        replace(&staged, &fresh).expect("renamed");
        assert_eq!(read(&fresh).as_deref(), Some("first"));
        assert!(fs::symlink_metadata(&staged).is_err());
        // A folder in the way stays as it is, with what it holds.
        let folder = dir.path().join("folder.html");
        fs::create_dir(&folder).expect("dir");
        fs::write(folder.join("keep.txt"), "mine").expect("write");
        fs::write(&staged, "new").expect("write");
        assert!(replace(&staged, &folder).is_err());
        assert_eq!(read(&folder.join("keep.txt")).as_deref(), Some("mine"));
        assert_eq!(read(&staged).as_deref(), Some("new"));
    }
}
