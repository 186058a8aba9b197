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
//!
//! Its parts: `out_folder` (where OUT is, and whether it may be written),
//! `previous` (what the previous build left in OUT), `manifest` (manifest.json and
//! the hashing of files), `earlier` (the previous build's files reused, kept or
//! spliced by a rebuild), `safe_fs` (file system calls that follow no link) and
//! `verify`. This file is the staging folder: begun, written, committed.

mod earlier;
mod manifest;
mod out_folder;
mod previous;
mod safe_fs;
mod verify;

pub(crate) use manifest::sha256_hex;
pub use manifest::{MANIFEST, Manifest, ManifestEntry};
pub use out_folder::check_out_place;
pub use verify::{Mismatches, fingerprint, verify};

use crate::render::SiteFile;
use crate::render::reuse::Record;
use manifest::{manifest_json, sha256_midway, stream};
use out_folder::real_out;
use previous::{Previous, previous_site};
use safe_fs::{
    FolderLock, Owner, exchange, inside, is_mount_root, is_site_path, open_regular, read_exact_len,
    replace,
};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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

/// What [`Staging::look`] found in OUT, held for [`Staging::begin_after`].
pub struct Looked {
    out: PathBuf,
    shown: PathBuf,
    out_lock: Option<FolderLock>,
    previous: Option<Previous>,
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
    /// The states of each large file's SHA-256 on the way (see `manifest::Hashing`),
    /// for the next build's record.
    midway: Mutex<BTreeMap<String, Vec<String>>>,
    committed: bool,
    _lock: Option<FolderLock>,
    /// Held on OUT while a rebuild updates it, so that two builds into one OUT
    /// take turns (the second reads the manifest the first wrote).
    _out_lock: Option<FolderLock>,
    /// What the caller should tell the user (paths of the previous manifest that
    /// were ignored, the way OUT is updated).
    pub notes: Vec<String>,
}

impl Staging {
    /// Prepares to write a site to `out` (a folder, a link to one, or the root of a
    /// mounted file system). Refuses an OUT that is a file, or a non-empty folder
    /// that no lifeboat build wrote (it has no manifest). Removes staging folders
    /// that crashed builds left. A new site of `private` data is a folder only its
    /// owner may open; a rebuilt one keeps the mode and owner OUT had.
    pub fn begin(out: &Path, private: bool) -> Result<Staging, WriteError> {
        Self::begin_after(Staging::look(out)?, private)
    }

    /// The first part of [`Staging::begin`], which writes nothing: what the previous
    /// build left in OUT (its manifest read), with OUT held for this build. A
    /// build does it while the plan is read.
    pub fn look(out: &Path) -> Result<Looked, WriteError> {
        let shown = out.to_path_buf();
        let out = real_out(out)?;
        // Before the previous site is read: a build still writing OUT finishes first.
        let out_lock = fs::metadata(&out)
            .is_ok_and(|m| m.is_dir())
            .then(|| FolderLock::take(&out))
            .flatten();
        let previous = previous_site(&out, &shown)?;
        Ok(Looked {
            out,
            shown,
            out_lock,
            previous,
        })
    }

    /// [`Staging::begin`] after [`Staging::look`].
    pub fn begin_after(looked: Looked, private: bool) -> Result<Staging, WriteError> {
        let Looked {
            out,
            shown,
            out_lock,
            previous,
        } = looked;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|_| out.parent().is_some())
            .unwrap_or_default();
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
            midway: Mutex::new(BTreeMap::new()),
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

    /// The states of a large file's SHA-256 on the way (see `manifest::Hashing`),
    /// for the next build's record (from any thread).
    fn midway_states(&self, path: &str, states: Vec<String>) {
        if !states.is_empty() {
            (self.midway.lock().unwrap_or_else(|e| e.into_inner()))
                .insert(path.to_string(), states);
        }
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
        let (sha256, midway) = sha256_midway(&file.bytes);
        self.midway_states(&file.path, midway);
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
            reuse: record.map(|r| Record {
                midway: std::mem::take(&mut *self.midway.lock().unwrap_or_else(|e| e.into_inner())),
                ..r
            }),
        };
        let mut staged =
            std::mem::take(&mut *self.staged.lock().unwrap_or_else(|e| e.into_inner()));
        staged.sort();
        let manifest_error =
            |e: serde_json::Error| WriteError(format!("cannot write the manifest: {e}"));
        let json = match &self.swap {
            // Files changed, so the manifest is written too. It is made while the new
            // files go in and the previous build's versions of them are removed
            // (removing a large file that is on disk waits for the disk: 25 ms for
            // print.html on a file system mounted with `discard`).
            Swap::FileByFile if !staged.is_empty() => {
                staged.push(MANIFEST.to_string());
                let targets = self.targets(&staged)?;
                let files = targets.len() - 1;
                let (json, moved) = rayon::join(
                    || manifest_json(&manifest),
                    || {
                        let moved = self.move_targets(&targets, 0..files);
                        for (path, _) in &targets[..files] {
                            let _ = fs::remove_file(self.tmp.join(path));
                        }
                        moved
                    },
                );
                moved?;
                let json = json.map_err(manifest_error)?;
                let p = self.tmp.join(MANIFEST);
                fs::write(&p, &json).map_err(|e| io_error("write", &p, e))?;
                self.move_targets(&targets, files..files + 1)?;
                self.finish_in_place(&manifest)?;
                json
            }
            _ => {
                let json = manifest_json(&manifest).map_err(manifest_error)?;
                // An unchanged site is not written at all; when any file was, the
                // manifest is too (moved in last, it is newer than every file: see
                // the module's text).
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
                    Swap::FileByFile => {
                        let targets = self.targets(&staged)?;
                        self.move_targets(&targets, 0..targets.len())?;
                        self.finish_in_place(&manifest)?;
                    }
                }
                json
            }
        };
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

    /// Where each of the `staged` files goes in OUT. Every place is checked before
    /// any file moves (no link on the way, nothing in the way), so that a refusal
    /// leaves OUT as it was.
    fn targets<'s>(&self, staged: &'s [String]) -> Result<Vec<(&'s str, PathBuf)>, WriteError> {
        (staged.iter())
            .map(|path| match inside(&self.out, path, false) {
                Some(to) => Ok((path.as_str(), to)),
                None => Err(WriteError(format!(
                    "{}/{path} is a symbolic link, a folder or special file, or lies behind one: \
                     lifeboat will not write through it; remove it. {} was left as it was",
                    self.shown.display(),
                    self.shown.display()
                ))),
            })
            .collect()
    }

    /// Moves the staged files of `targets[moving]` into their places in OUT, one by
    /// one (those before `moving` are in already; the manifest, the last target, goes
    /// last). A failure says exactly which files were replaced.
    fn move_targets(
        &self,
        targets: &[(&str, PathBuf)],
        moving: std::ops::Range<usize>,
    ) -> Result<(), WriteError> {
        let mut replaced: Vec<&str> = targets[..moving.start].iter().map(|t| t.0).collect();
        let partly = |replaced: &[&str], e: WriteError| {
            WriteError(format!(
                "{e}; {} was partly updated: {} of {} files were replaced ({}); build again to finish",
                self.shown.display(),
                replaced.len(),
                targets.len(),
                replaced.join(", ")
            ))
        };
        for (path, to) in &targets[moving] {
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir)
                    .map_err(|e| partly(&replaced, io_error("create", dir, e)))?;
            }
            replace(&self.tmp.join(path), to)
                .map_err(|e| partly(&replaced, io_error("write", to, e)))?;
            replaced.push(path);
        }
        Ok(())
    }

    /// After the new files are in: the staging folder goes, and so do the files of
    /// the previous build that this one no longer has.
    fn finish_in_place(&self, manifest: &Manifest) -> Result<(), WriteError> {
        let out = &self.out;
        let _ = fs::remove_dir_all(&self.tmp);
        let Some(old) = &self.previous else {
            return Ok(());
        };
        let mut new: BTreeSet<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
        new.insert(MANIFEST);
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
