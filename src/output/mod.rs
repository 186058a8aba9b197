//! Stage 4: the rendered files to disk, and `verify`. A first site is written, as it
//! is rendered, to a staging folder beside OUT and put in place in one step. A
//! rebuild writes only the files whose bytes changed, to a staging folder inside
//! OUT, and moves them in one by one when all are written (the manifest last), so
//! that a failure before then leaves the previous site whole; a file that did not
//! change is not touched at all. Nothing is written or deleted outside OUT: paths of
//! a previous manifest are checked before use, no link inside OUT is followed, and
//! only files with the content the previous build wrote are deleted. OUT may be a
//! link to a folder, or the root of a mounted file system.
//!
//! Whether a file of the previous build is still as that build wrote it is judged
//! by its inode's change time (ctime), as git judges its work tree: a file whose
//! ctime is older than the previous manifest's, and whose size is the manifest's,
//! has not been written, renamed, linked or touched since that build (no one can
//! set a ctime back), so it is not read again. Any other is read and compared byte
//! for byte. The manifest is moved in last, so that every file the build wrote is
//! older than it or, in the same tick of the clock, read again next time.

mod safe_fs;
mod verify;

pub use verify::{Mismatches, fingerprint, verify};

use crate::render::SiteFile;
use crate::render::reuse::{Part, Record};
use safe_fs::{
    FolderLock, Owner, changed_at, exchange, inside, is_mount_root, is_site_path, open_regular,
    read_exact_len, real_folder,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub const MANIFEST: &str = "manifest.json";

#[derive(Serialize, Deserialize)]
pub struct Manifest {
    pub generator: String,
    pub plan_version: String,
    /// When the site was built, `YYYY-MM-DDTHH:MM:SSZ`.
    pub built: String,
    /// The controlled copy this site is (`build --copy N`), and its holder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_holder: Option<String>,
    pub files: Vec<ManifestEntry>,
    /// What the next build may reuse of this one (see `render::reuse`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reuse: Option<Record>,
}

#[derive(Serialize, Deserialize)]
pub struct ManifestEntry {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

/// The manifest as JSON, one file a line: compact (10,000 runbooks make 20,000
/// entries), yet a change between two builds is a line of `diff`.
fn manifest_json(m: &Manifest) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(64 + m.files.len() * 120);
    out.extend_from_slice(b"{\"generator\":");
    serde_json::to_writer(&mut out, &m.generator)?;
    out.extend_from_slice(b",\"plan_version\":");
    serde_json::to_writer(&mut out, &m.plan_version)?;
    out.extend_from_slice(b",\"built\":");
    serde_json::to_writer(&mut out, &m.built)?;
    if let Some(n) = m.copy {
        out.extend_from_slice(format!(",\"copy\":{n},\"copy_holder\":").as_bytes());
        serde_json::to_writer(&mut out, &m.copy_holder)?;
    }
    out.extend_from_slice(b",\"files\":[");
    for (i, f) in m.files.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        serde_json::to_writer(&mut out, f)?;
    }
    out.extend_from_slice(b"\n]");
    if let Some(r) = &m.reuse {
        out.extend_from_slice(b",\n\"reuse\":");
        serde_json::to_writer(&mut out, r)?;
    }
    out.extend_from_slice(b"}\n");
    Ok(out)
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// A digest in lower-case hexadecimal.
fn hex(digest: &[u8]) -> String {
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    out
}

/// Why the site could not be written, and what that did to OUT.
#[derive(Debug)]
pub struct WriteError(pub String);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn io_error(what: &str, path: &Path, e: io::Error) -> WriteError {
    WriteError(format!("cannot {what} {}: {e}", path.display()))
}

/// The prefix of staging folders: `.<name>.lifeboat-new-<pid>` beside OUT for a
/// first build, or `.lifeboat-new-<pid>` inside OUT (a rebuild, a mount root).
const STAGING: &str = "lifeboat-new-";

/// How the new site takes the old one's place.
enum Swap {
    /// A folder beside OUT, put in its place in one step: a first build.
    Whole { parent: PathBuf },
    /// A folder inside OUT whose files are moved in one by one: a rebuild (only the
    /// files that changed), or OUT is the root of a mounted file system or the
    /// working folder.
    FileByFile,
}

/// A site being written: files go to a staging folder as they are rendered (from
/// any thread), and [`Staging::commit`] puts them in place. Dropped without a
/// commit, it removes the staging folder and OUT stays as it was.
pub struct Staging {
    /// The real OUT (a link to it resolved).
    out: PathBuf,
    /// OUT as the user named it, for messages.
    shown: PathBuf,
    tmp: PathBuf,
    swap: Swap,
    previous: Option<Previous>,
    entries: Mutex<Vec<ManifestEntry>>,
    /// The files written to the staging folder (the rest are OUT's already).
    staged: Mutex<Vec<String>>,
    dirs: Mutex<BTreeSet<String>>,
    committed: bool,
    _lock: Option<FolderLock>,
    /// Held on OUT while a rebuild updates it, so that two builds into one OUT
    /// take turns (the second reads the manifest the first wrote).
    _out_lock: Option<FolderLock>,
    /// What the caller should tell the user (paths of the previous manifest that
    /// were ignored, the way OUT is updated).
    pub notes: Vec<String>,
}

/// Where OUT really is: a link to a folder is followed, so that the link stays.
fn real_out(out: &Path) -> Result<PathBuf, WriteError> {
    match fs::symlink_metadata(out) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(out).map_err(|e| {
            WriteError(format!(
                "{} is a symbolic link to nothing ({e}): point it at a folder, or choose another output folder with -o",
                out.display()
            ))
        }),
        _ => Ok(absolute(out)),
    }
}

/// `path` made absolute and rid of `.` and `..` parts (after resolving what exists).
fn absolute(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = fs::canonicalize(&existing) {
            let mut out = real;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_owned());
                existing = if parent.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    parent.to_path_buf()
                };
            }
            _ => return path.to_path_buf(),
        }
    }
}

/// Refuses an OUT from which the build would read itself (inside the plan's
/// `assets/`, `templates/` or a collection folder, or the plan folder itself) or
/// that holds the plan folder.
pub fn check_out_place(plan: &Path, out: &Path) -> Result<(), WriteError> {
    let plan = absolute(plan);
    let out = absolute(out);
    let refuse = |why: &str| {
        Err(WriteError(format!(
            "{} {why}: choose an output folder outside the plan's folders with -o (the default is PLAN/site)",
            out.display()
        )))
    };
    if plan.starts_with(&out) {
        return refuse("is or holds the plan folder, which the site would replace");
    }
    if let Ok(rel) = out.strip_prefix(&plan) {
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let read = crate::load::FOLDERS.iter().any(|(f, _)| *f == first)
            || ["assets", "templates", "plan.toml"].contains(&first.as_str());
        if read {
            return refuse(&format!(
                "is inside the plan's {first}/ folder, which the build reads: the site would be read as plan input"
            ));
        }
    }
    Ok(())
}

impl Staging {
    /// Prepares to write a site to `out` (a folder, a link to one, or the root of a
    /// mounted file system). Refuses an OUT that is a file, or a non-empty folder
    /// that no lifeboat build wrote (it has no manifest). Removes staging folders
    /// that crashed builds left. A new site of `private` data is a folder only its
    /// owner may open; a rebuilt one keeps the mode and owner OUT had.
    pub fn begin(out: &Path, private: bool) -> Result<Staging, WriteError> {
        let shown = out.to_path_buf();
        let out = real_out(out)?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|_| out.parent().is_some())
            .unwrap_or_default();
        // Before the previous site is read: a build still writing OUT finishes first.
        let out_lock = fs::metadata(&out)
            .is_ok_and(|m| m.is_dir())
            .then(|| FolderLock::take(&out))
            .flatten();
        let previous = previous_site(&out, &shown)?;
        let meta = fs::metadata(&out).ok();
        let owner = match &meta {
            Some(m) => Some(Owner::of(m)),
            None if private => Owner::private(),
            None => None,
        };
        // `-o .`: swapping the folder would leave the user's shell in a removed one.
        let holds_cwd = std::env::current_dir()
            .and_then(fs::canonicalize)
            .is_ok_and(|cwd| meta.is_some() && cwd.starts_with(&out));
        let in_place = previous.is_some() || holds_cwd;
        let swap = if name.is_empty() || in_place || (meta.is_some() && is_mount_root(&out)) {
            Swap::FileByFile
        } else {
            let parent = out
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("/"));
            fs::create_dir_all(&parent).map_err(|e| io_error("create", &parent, e))?;
            Swap::Whole { parent }
        };
        let (tmp_dir, prefix) = match &swap {
            Swap::Whole { parent } => (parent.clone(), format!(".{name}.{STAGING}")),
            Swap::FileByFile => {
                fs::create_dir_all(&out).map_err(|e| io_error("create", &out, e))?;
                // What a crashed first build left beside OUT.
                if let Some(parent) = out.parent().filter(|_| !name.is_empty()) {
                    remove_stale(parent, &format!(".{name}.{STAGING}"), &name);
                }
                (out.clone(), format!(".{STAGING}"))
            }
        };
        remove_stale(&tmp_dir, &prefix, &name);
        let tmp = tmp_dir.join(format!("{prefix}{}", std::process::id()));
        if fs::symlink_metadata(&tmp).is_ok() {
            fs::remove_dir_all(&tmp).map_err(|e| io_error("remove", &tmp, e))?;
        }
        fs::create_dir(&tmp).map_err(|e| io_error("create", &tmp, e))?;
        let lock = FolderLock::try_take(&tmp);
        if let (Swap::Whole { .. }, Some(owner)) = (&swap, owner) {
            // Before any file is written, so that a private site is never open to all.
            owner
                .apply(&tmp)
                .map_err(|e| io_error("set the mode of", &tmp, e))?;
        }
        let mut notes = Vec::new();
        if let Some(p) = &previous
            && p.ignored > 0
        {
            notes.push(format!(
                "{} path{} of the previous manifest.json point outside {} and were ignored",
                p.ignored,
                if p.ignored == 1 { "" } else { "s" },
                shown.display()
            ));
        }
        Ok(Staging {
            out,
            shown,
            tmp,
            swap,
            previous,
            entries: Mutex::new(Vec::new()),
            staged: Mutex::new(Vec::new()),
            dirs: Mutex::new(BTreeSet::new()),
            committed: false,
            _lock: lock,
            _out_lock: out_lock,
            notes,
        })
    }

    /// Where a file of the site goes in the staging folder, its folder made.
    fn place(&self, path: &str) -> Result<PathBuf, WriteError> {
        if !is_site_path(path) {
            return Err(WriteError(format!(
                "refused to write {path:?}: not a path inside the site"
            )));
        }
        if let Some((dir, _)) = path.rsplit_once('/') {
            let mut dirs = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
            if !dirs.contains(dir) {
                let d = self.tmp.join(dir);
                fs::create_dir_all(&d).map_err(|e| io_error("create", &d, e))?;
                dirs.insert(dir.to_string());
            }
        }
        Ok(self.tmp.join(path))
    }

    /// Copies a file of the plan (an asset) into the site as it is, a buffer at a
    /// time (never held whole, however large), hashing it on the way; at most `max`
    /// bytes are read (more is an error naming `shown`). When the previous build
    /// wrote the same bytes there, and they are still there, nothing is written.
    pub fn copy(
        &self,
        path: &str,
        from: &mut fs::File,
        max: u64,
        shown: &str,
    ) -> Result<(), WriteError> {
        use std::io::{Seek, Write};
        let unread = |e: io::Error| WriteError(format!("cannot read {shown}: {e}"));
        if let Some((old, earlier, settled)) = self.earlier_place(path) {
            let (sha256, bytes) = stream(from, max, shown, |_| Ok(()))?;
            if (&sha256, bytes) == (&earlier.0, earlier.1)
                && (settled
                    || open_regular(&old).is_ok_and(|mut f| {
                        stream(&mut f, max, shown, |_| Ok(()))
                            .is_ok_and(|h| h == (sha256.clone(), bytes))
                    }))
            {
                self.record(ManifestEntry {
                    path: path.to_string(),
                    sha256,
                    bytes,
                });
                return Ok(());
            }
            from.rewind().map_err(unread)?;
        }
        let p = self.place(path)?;
        self.stage(path);
        let mut out = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&p)
            .map_err(|e| io_error("write", &p, e))?;
        let (sha256, bytes) = stream(from, max, shown, |b| {
            out.write_all(b).map_err(|e| io_error("write", &p, e))
        })?;
        self.record(ManifestEntry {
            path: path.to_string(),
            sha256,
            bytes,
        });
        Ok(())
    }

    /// A file written to the staging folder, to be moved into OUT (from any thread).
    fn stage(&self, path: &str) {
        (self.staged.lock().unwrap_or_else(|e| e.into_inner())).push(path.to_string());
    }

    /// A file of the site, for the manifest (from any thread).
    fn record(&self, entry: ManifestEntry) {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(entry);
    }

    /// Writes one file of the site (safe to call from several threads); nothing
    /// when the previous build wrote the same bytes there and they are still there.
    pub fn write(&self, file: &SiteFile) -> Result<(), WriteError> {
        let sha256 = sha256_hex(&file.bytes);
        if !self.unchanged(&file.path, &sha256, &file.bytes) {
            let p = self.place(&file.path)?;
            fs::write(&p, &file.bytes).map_err(|e| io_error("write", &p, e))?;
            self.stage(&file.path);
        }
        self.record(ManifestEntry {
            path: file.path.clone(),
            sha256,
            bytes: file.bytes.len() as u64,
        });
        Ok(())
    }

    /// Where the previous build's file at `path` is, what that build's manifest
    /// says of it (SHA-256 and size), and whether it is settled: unchanged since
    /// that build, known without reading it (see the module's text). None when it
    /// is not a regular file of that size with no link on the way, or no previous
    /// build wrote it.
    fn earlier_place(&self, path: &str) -> Option<(PathBuf, &(String, u64), bool)> {
        let old = self.previous.as_ref()?;
        let entry = old.hashes.get(path)?;
        // The folders the previous build's files are in were checked once (see
        // `previous_site`): one look at the file itself is left.
        let folder = path.rsplit_once('/').map(|(dir, _)| dir);
        if folder.is_some_and(|dir| !old.folders.contains(dir)) {
            return None;
        }
        let at = self.out.join(path);
        let meta = fs::symlink_metadata(&at).ok()?;
        if !meta.is_file() || meta.len() != entry.1 {
            return None;
        }
        let settled = (old.settled.zip(changed_at(&meta))).is_some_and(|(m, f)| f < m);
        Some((at, entry, settled))
    }

    /// Whether OUT holds `bytes` (whose SHA-256 is `sha256`) at `path` already, as
    /// the previous build wrote them: never judged by size or time alone.
    fn unchanged(&self, path: &str, sha256: &str, bytes: &[u8]) -> bool {
        let Some((at, entry, settled)) = self.earlier_place(path) else {
            return false;
        };
        if entry.0 != sha256 || entry.1 != bytes.len() as u64 {
            return false;
        }
        settled || read_exact_len(&at, entry.1).is_ok_and(|b| b.as_deref() == Some(bytes))
    }

    /// What the previous build in OUT recorded for a rebuild, if anything.
    pub fn earlier(&self) -> Option<&Record> {
        self.previous.as_ref()?.reuse.as_ref()
    }

    /// Keeps the previous build's file at `path` in the new site as it is; false
    /// when it is not as that build wrote it.
    pub fn keep(&self, path: &str) -> bool {
        let Some((at, (sha256, bytes), settled)) = self.earlier_place(path) else {
            return false;
        };
        let same = settled
            || read_exact_len(&at, *bytes)
                .ok()
                .flatten()
                .is_some_and(|b| sha256_hex(&b) == *sha256);
        if same {
            self.record(ManifestEntry {
                path: path.to_string(),
                sha256: sha256.clone(),
                bytes: *bytes,
            });
        }
        same
    }

    /// The bytes of the previous build's file at `path`, when they are what that
    /// build wrote (see [`Staging::keep`]).
    pub fn read_earlier(&self, path: &str) -> Option<Vec<u8>> {
        let (at, (sha256, len), settled) = self.earlier_place(path)?;
        let bytes = read_exact_len(&at, *len).ok().flatten()?;
        (settled || sha256_hex(&bytes) == *sha256).then_some(bytes)
    }

    /// Writes `path` made of `parts`: pieces of the previous build's file there and
    /// new bytes, streamed a buffer at a time and hashed on the way (print.html is
    /// 91 MB for 10,000 runbooks: neither version is held whole). Ok(false) when the
    /// previous file is not as that build wrote it, or a piece does not lie inside
    /// it; nothing is moved into OUT then. When the result is the previous file's
    /// bytes, it is kept as it is.
    pub fn splice(&self, path: &str, parts: &[Part]) -> Result<bool, WriteError> {
        use std::io::{Seek, SeekFrom, Write};
        let Some((at, (sha256, len), settled)) = self.earlier_place(path) else {
            return Ok(false);
        };
        let (earlier, len) = (sha256.clone(), *len);
        let inside_file = |from: usize, to: Option<usize>| {
            let to = to.map_or(len, |t| t as u64);
            from as u64 <= to && to <= len
        };
        if (parts.iter()).any(|p| matches!(p, Part::Earlier(f, t) if !inside_file(*f, *t))) {
            return Ok(false);
        }
        let Ok(mut old) = open_regular(&at) else {
            return Ok(false);
        };
        // Not known to be unchanged: it is read whole and hashed first.
        if !settled && stream(&mut old, len, path, |_| Ok(())).ok() != Some((earlier.clone(), len))
        {
            return Ok(false);
        }
        let p = self.place(path)?;
        let mut out = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&p)
            .map_err(|e| io_error("write", &p, e))?;
        let mut hasher = Sha256::new();
        let mut bytes = 0u64;
        let mut put = |b: &[u8]| {
            hasher.update(b);
            bytes += b.len() as u64;
            out.write_all(b).map_err(|e| io_error("write", &p, e))
        };
        let mut buf = vec![0u8; 256 * 1024];
        for part in parts {
            let (from, to) = match part {
                Part::New(b) => {
                    put(b)?;
                    continue;
                }
                Part::Earlier(from, to) => (*from as u64, to.map_or(len, |t| t as u64)),
            };
            let read = |e: io::Error| io_error("read", &at, e);
            old.seek(SeekFrom::Start(from)).map_err(read)?;
            let mut left = to - from;
            while left > 0 {
                let want = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
                let n = match old.read(&mut buf[..want]) {
                    // Shorter than the manifest said: changed under us.
                    Ok(0) => return Ok(false),
                    Ok(n) => n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(read(e)),
                };
                put(&buf[..n])?;
                left -= n as u64;
            }
        }
        let sha256 = hex(&hasher.finalize());
        if (&sha256, bytes) == (&earlier, len) {
            let _ = fs::remove_file(&p);
        } else {
            self.stage(path);
        }
        self.record(ManifestEntry {
            path: path.to_string(),
            sha256,
            bytes,
        });
        Ok(true)
    }

    /// Writes the manifest (with `record`, what the next build may reuse) and puts
    /// the new site in place of the old one. Returns the manifest and its bytes.
    pub fn commit(
        mut self,
        plan_version: &str,
        built: &str,
        copy: Option<(i64, String)>,
        record: Option<Record>,
    ) -> Result<(Manifest, Vec<u8>), WriteError> {
        let mut files =
            std::mem::take(&mut *self.entries.lock().unwrap_or_else(|e| e.into_inner()));
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let manifest = Manifest {
            generator: format!("lifeboat {}", env!("CARGO_PKG_VERSION")),
            plan_version: plan_version.to_string(),
            built: built.to_string(),
            copy: copy.as_ref().map(|c| c.0),
            copy_holder: copy.map(|c| c.1),
            files,
            reuse: record,
        };
        let json = manifest_json(&manifest)
            .map_err(|e| WriteError(format!("cannot write the manifest: {e}")))?;
        let mut staged =
            std::mem::take(&mut *self.staged.lock().unwrap_or_else(|e| e.into_inner()));
        staged.sort();
        // An unchanged site is not written at all; when any file was, the manifest is
        // too (moved in last, it is newer than every file: see the module's text).
        let same = staged.is_empty()
            && self.previous.is_some()
            && inside(&self.out, MANIFEST, true).is_some_and(|old| {
                read_exact_len(&old, json.len() as u64)
                    .is_ok_and(|b| b.as_deref() == Some(&json[..]))
            });
        if !same {
            let p = self.tmp.join(MANIFEST);
            fs::write(&p, &json).map_err(|e| io_error("write", &p, e))?;
            staged.push(MANIFEST.to_string());
        }
        match &self.swap {
            Swap::Whole { parent } => self.swap_whole(parent)?,
            Swap::FileByFile => self.move_in(&manifest, &staged)?,
        }
        self.committed = true;
        Ok((manifest, json))
    }

    /// Puts the staging folder in OUT's place in one step (or, where the system
    /// cannot swap, in two renames), then removes the old site.
    fn swap_whole(&self, parent: &Path) -> Result<(), WriteError> {
        let (out, tmp) = (&self.out, &self.tmp);
        let left =
            |e: WriteError| WriteError(format!("{e}; {} was left as it was", self.shown.display()));
        if fs::symlink_metadata(out).is_err() {
            return fs::rename(tmp, out).map_err(|e| left(io_error("move into place", out, e)));
        }
        if exchange(tmp, out).map_err(|e| left(io_error("swap in", out, e)))? {
            // tmp now holds the old site.
            return fs::remove_dir_all(tmp).map_err(|e| io_error("remove the old site in", tmp, e));
        }
        let aside = parent.join(format!(
            ".{}.lifeboat-old-{}",
            out.file_name().unwrap_or_default().to_string_lossy(),
            std::process::id()
        ));
        fs::rename(out, &aside).map_err(|e| left(io_error("move aside", out, e)))?;
        if let Err(e) = fs::rename(tmp, out) {
            let _ = fs::rename(&aside, out);
            return Err(left(io_error("move into place", out, e)));
        }
        fs::remove_dir_all(&aside).map_err(|e| io_error("remove", &aside, e))
    }

    /// Moves the `staged` files into OUT one by one (the manifest, if among them,
    /// last), then deletes the files of the previous build that this one no longer
    /// has. Every place is checked first (no link on the way, nothing in the way),
    /// so that a refusal leaves OUT as it was; a failure after that says exactly
    /// which files were replaced.
    fn move_in(&self, manifest: &Manifest, staged: &[String]) -> Result<(), WriteError> {
        let (out, tmp) = (&self.out, &self.tmp);
        let mut new: BTreeSet<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
        new.insert(MANIFEST);
        let mut targets = Vec::with_capacity(staged.len());
        for path in staged {
            let Some(to) = inside(out, path, false) else {
                return Err(WriteError(format!(
                    "{}/{path} is a symbolic link, a folder or special file, or lies behind one: \
                     lifeboat will not write through it; remove it. {} was left as it was",
                    self.shown.display(),
                    self.shown.display()
                )));
            };
            targets.push((path.as_str(), to));
        }
        let mut replaced: Vec<&str> = Vec::new();
        let partly = |replaced: &[&str], e: WriteError| {
            WriteError(format!(
                "{e}; {} was partly updated: {} of {} files were replaced ({}); build again to finish",
                self.shown.display(),
                replaced.len(),
                targets.len(),
                replaced.join(", ")
            ))
        };
        for (path, to) in &targets {
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir)
                    .map_err(|e| partly(&replaced, io_error("create", dir, e)))?;
            }
            fs::rename(tmp.join(path), to)
                .map_err(|e| partly(&replaced, io_error("write", to, e)))?;
            replaced.push(path);
        }
        let _ = fs::remove_dir_all(tmp);
        let Some(old) = &self.previous else {
            return Ok(());
        };
        for path in old.listed.iter().filter(|p| !new.contains(p.as_str())) {
            // Only a file with the content the previous build wrote there is deleted.
            let Some(p) = inside(out, path, true) else {
                continue;
            };
            let Some((sha, len)) = old.hashes.get(path) else {
                continue;
            };
            let written = read_exact_len(&p, *len)
                .ok()
                .flatten()
                .is_some_and(|b| sha256_hex(&b) == *sha);
            if !written {
                continue;
            }
            fs::remove_file(&p).map_err(|e| io_error("remove", &p, e))?;
            // Folders left empty by the removal go too, never one that holds anything.
            let mut dir = p.parent();
            while let Some(d) = dir {
                if d == out.as_path() || !d.starts_with(out) || fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Reads `from` a buffer at a time, giving each to `each`: its SHA-256 and size.
/// More than `max` bytes is an error naming `shown`.
fn stream(
    from: &mut dyn Read,
    max: u64,
    shown: &str,
    mut each: impl FnMut(&[u8]) -> Result<(), WriteError>,
) -> Result<(String, u64), WriteError> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut bytes: u64 = 0;
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(WriteError(format!("cannot read {shown}: {e}"))),
        };
        bytes += n as u64;
        if bytes > max {
            return Err(WriteError(format!(
                "{shown} is larger than {} MiB",
                max / (1024 * 1024)
            )));
        }
        hasher.update(&buf[..n]);
        each(&buf[..n])?;
    }
    Ok((hex(&hasher.finalize()), bytes))
}

/// Removes staging folders (`prefix<pid>`) and set-aside sites of builds that
/// crashed: those whose lock no running build holds.
fn remove_stale(dir: &Path, prefix: &str, name: &str) {
    let old = format!(".{name}.lifeboat-old-");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        let ours = n.strip_prefix(prefix).or_else(|| n.strip_prefix(&old));
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        if ours.is_some_and(|pid| pid.parse::<u32>().is_ok()) && is_dir {
            let path = e.path();
            if let Some(_lock) = FolderLock::try_take(&path) {
                let _ = fs::remove_dir_all(&path);
            }
        }
    }
}

/// What a previous build left in OUT: the files its manifest lists, and anything
/// else found there.
struct Previous {
    listed: Vec<String>,
    /// When the previous manifest's inode last changed (see the module's text).
    settled: Option<i128>,
    /// The folders that hold files of the previous build and are real folders
    /// inside OUT, with no link on the way.
    folders: std::collections::HashSet<String>,
    /// Path to SHA-256 and size of each file the previous build wrote.
    hashes: HashMap<String, (String, u64)>,
    /// Paths of the manifest that name no place inside OUT: never used.
    ignored: usize,
    /// What the previous build recorded for a rebuild.
    reuse: Option<Record>,
}

/// A manifest is at most this large (a site of about a million files).
const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;

fn previous_site(out: &Path, shown: &Path) -> Result<Option<Previous>, WriteError> {
    let meta = match fs::metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error("read", shown, e)),
    };
    if !meta.is_dir() {
        return Err(WriteError(format!(
            "{} exists and is not a folder: choose another output folder with -o",
            shown.display()
        )));
    }
    let mut present = fs::read_dir(out).map_err(|e| io_error("read", shown, e))?;
    let staging = format!(".{STAGING}");
    let empty =
        !present.any(|e| e.is_ok_and(|e| !e.file_name().to_string_lossy().starts_with(&staging)));
    if empty {
        return Ok(None);
    }
    let mut settled = None;
    let manifest: Option<Manifest> = inside(out, MANIFEST, true)
        .and_then(|p| {
            let f = open_regular(&p).ok()?;
            settled = f.metadata().ok().as_ref().and_then(changed_at);
            let mut bytes = Vec::new();
            f.take(MAX_MANIFEST_BYTES).read_to_end(&mut bytes).ok()?;
            Some(bytes)
        })
        .and_then(|b| serde_json::from_slice(&b).ok());
    let Some(manifest) = manifest else {
        return Err(WriteError(format!(
            "{} is not empty and holds no lifeboat manifest.json, so it was not written by lifeboat: \
             lifeboat will not overwrite it; choose another folder with -o, or empty it",
            shown.display()
        )));
    };
    let total = manifest.files.len();
    let reuse = manifest.reuse.filter(Record::valid);
    let hashes: HashMap<String, (String, u64)> = manifest
        .files
        .into_iter()
        .filter(|f| is_site_path(&f.path) && f.path != MANIFEST)
        .map(|f| (f.path, (f.sha256, f.bytes)))
        .collect();
    let mut listed: Vec<String> = hashes.keys().cloned().collect();
    listed.sort();
    let folders: BTreeSet<&str> = (listed.iter())
        .filter_map(|p| p.rsplit_once('/').map(|(dir, _)| dir))
        .collect();
    let folders = (folders.into_iter())
        .filter(|dir| real_folder(out, dir))
        .map(str::to_string)
        .collect();
    Ok(Some(Previous {
        folders,
        reuse,
        ignored: total - listed.len(),
        listed,
        settled,
        hashes,
    }))
}

/// Every file under `dir` (and every empty folder, with a trailing `/`), relative
/// with `/` separators, sorted. Links are listed, never followed.
fn list_files(dir: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let entry = entry.map_err(io::Error::other)?;
        let rel = entry
            .path()
            .strip_prefix(dir)
            .map_err(io::Error::other)?
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if entry.file_type().is_dir() {
            if fs::read_dir(entry.path())?.next().is_none() {
                out.push(format!("{rel}/"));
            }
        } else {
            out.push(rel);
        }
    }
    Ok(out)
}
