//! Opening files of folders whose content is not trusted (a plan, a copied site):
//! a final symbolic link is never followed, and opening never blocks (a FIFO opens
//! at once, and is then refused as not a regular file).

use std::fs;
use std::io;
use std::path::Path;

/// Opens without following a final symbolic link and without blocking (a FIFO
/// opens at once and is then refused as not a regular file).
#[cfg(unix)]
pub fn open_no_follow(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
pub fn open_no_follow(path: &Path) -> io::Result<fs::File> {
    let meta = fs::symlink_metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    fs::File::open(path)
}

/// "a FIFO", "a device", ... for the diagnostic.
pub fn kind_of(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}
