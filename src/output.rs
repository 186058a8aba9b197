//! Stage 4: the rendered files to disk, and `verify`. The site is written, as it is
//! rendered, to a temporary folder beside OUT and swapped in, so that a failure
//! leaves the previous site whole. `manifest.json` lists every file with its SHA-256;
//! only files a previous manifest lists are ever deleted from OUT, and files that did
//! not change since that build are hard-linked rather than written again.

use crate::render::SiteFile;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

pub const MANIFEST: &str = "manifest.json";

#[derive(Serialize, Deserialize)]
pub struct Manifest {
    pub generator: String,
    pub plan_version: String,
    /// When the site was built, `YYYY-MM-DDTHH:MM:SSZ`.
    pub built: String,
    pub files: Vec<ManifestEntry>,
}

#[derive(Serialize, Deserialize)]
pub struct ManifestEntry {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    out
}

/// Why the site could not be written; OUT is as it was.
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

/// A site being written: files go to a temporary folder beside OUT as they are
/// rendered (from any thread), and [`Staging::commit`] swaps it in. Dropped without
/// a commit, it removes the temporary folder and OUT stays as it was.
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    parent: PathBuf,
    name: String,
    previous: Option<Previous>,
    entries: Mutex<Vec<ManifestEntry>>,
    dirs: Mutex<BTreeSet<String>>,
    committed: bool,
}

impl Staging {
    /// Prepares to write a site to `out`. Refuses an OUT that is a file, or a
    /// non-empty folder that no lifeboat build wrote (it has no manifest).
    pub fn begin(out: &Path) -> Result<Staging, WriteError> {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| WriteError(format!("{} is not a folder name", out.display())))?;
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(|e| io_error("create", &parent, e))?;
        let previous = previous_site(out)?;
        let tmp = parent.join(format!(".{name}.lifeboat-new-{}", std::process::id()));
        if tmp.exists() {
            fs::remove_dir_all(&tmp).map_err(|e| io_error("remove", &tmp, e))?;
        }
        fs::create_dir(&tmp).map_err(|e| io_error("create", &tmp, e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            tmp,
            parent,
            name,
            previous,
            entries: Mutex::new(Vec::new()),
            dirs: Mutex::new(BTreeSet::new()),
            committed: false,
        })
    }

    /// Writes one file of the site (safe to call from several threads).
    pub fn write(&self, file: &SiteFile) -> Result<(), WriteError> {
        if let Some((dir, _)) = file.path.rsplit_once('/') {
            let mut dirs = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
            if !dirs.contains(dir) {
                let d = self.tmp.join(dir);
                fs::create_dir_all(&d).map_err(|e| io_error("create", &d, e))?;
                dirs.insert(dir.to_string());
            }
        }
        let p = self.tmp.join(&file.path);
        let sha256 = sha256_hex(&file.bytes);
        let bytes = file.bytes.len() as u64;
        if !self.reuse(&file.path, &sha256, bytes, &p) {
            fs::write(&p, &file.bytes).map_err(|e| io_error("write", &p, e))?;
        }
        let entry = ManifestEntry {
            path: file.path.clone(),
            sha256,
            bytes,
        };
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(entry);
        Ok(())
    }

    /// Links the previous build's copy of a file into the new site when its content
    /// is the same, so that a rebuild writes only what changed. Never used for a file
    /// changed since that build (newer than its manifest); any failure (a file
    /// system without hard links, such as FAT) means the file is written instead.
    fn reuse(&self, path: &str, sha256: &str, bytes: u64, to: &Path) -> bool {
        let Some(old) = &self.previous else {
            return false;
        };
        if old.hashes.get(path) != Some(&(sha256.to_string(), bytes)) {
            return false;
        }
        let from = self.out.join(path);
        let unchanged = fs::symlink_metadata(&from).is_ok_and(|m| {
            m.is_file()
                && m.len() == bytes
                && m.modified()
                    .ok()
                    .zip(old.written)
                    .is_some_and(|(f, w)| f <= w)
        });
        unchanged && fs::hard_link(&from, to).is_ok()
    }

    /// Writes the manifest and puts the new site in place of the old one. Returns
    /// the manifest.
    pub fn commit(mut self, plan_version: &str, built: &str) -> Result<Manifest, WriteError> {
        let mut files =
            std::mem::take(&mut *self.entries.lock().unwrap_or_else(|e| e.into_inner()));
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let manifest = Manifest {
            generator: format!("lifeboat {}", env!("CARGO_PKG_VERSION")),
            plan_version: plan_version.to_string(),
            built: built.to_string(),
            files,
        };
        let mut json = serde_json::to_vec_pretty(&manifest)
            .map_err(|e| WriteError(format!("cannot write the manifest: {e}")))?;
        json.push(b'\n');
        let p = self.tmp.join(MANIFEST);
        fs::write(&p, &json).map_err(|e| io_error("write", &p, e))?;
        self.swap(&manifest)?;
        self.committed = true;
        Ok(manifest)
    }

    fn swap(&self, manifest: &Manifest) -> Result<(), WriteError> {
        let (out, tmp) = (&self.out, &self.tmp);
        let Some(old) = &self.previous else {
            if self.out.exists() {
                // An empty folder: replace it.
                let _ = fs::remove_dir(out);
            }
            return fs::rename(tmp, out).map_err(|e| io_error("move into place", out, e));
        };
        if old.foreign.is_empty() {
            // OUT holds only what lifeboat wrote: swap the folders.
            let aside = self.parent.join(format!(
                ".{}.lifeboat-old-{}",
                self.name,
                std::process::id()
            ));
            fs::rename(out, &aside).map_err(|e| io_error("move aside", out, e))?;
            if let Err(e) = fs::rename(tmp, out) {
                let _ = fs::rename(&aside, out);
                return Err(io_error("move into place", out, e));
            }
            return fs::remove_dir_all(&aside).map_err(|e| io_error("remove", &aside, e));
        }
        // OUT also holds files of someone else's: move the new files in one by one,
        // then delete the files of the previous build that this one no longer has.
        let mut new: BTreeSet<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
        new.insert(MANIFEST);
        for path in &new {
            let to = out.join(path);
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir).map_err(|e| io_error("create", dir, e))?;
            }
            fs::rename(tmp.join(path), &to).map_err(|e| io_error("write", &to, e))?;
        }
        for path in old.listed.iter().filter(|p| !new.contains(p.as_str())) {
            let p = out.join(path);
            if p.is_file() {
                fs::remove_file(&p).map_err(|e| io_error("remove", &p, e))?;
            }
            // Folders left empty by the removal go too, never one that holds anything.
            let mut dir = p.parent();
            while let Some(d) = dir {
                if d == out.as_path() || fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
        let _ = fs::remove_dir_all(tmp);
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

/// What a previous build left in OUT: the files its manifest lists, and anything
/// else found there.
struct Previous {
    listed: Vec<String>,
    foreign: Vec<String>,
    /// Path to SHA-256 and size of each file the previous build wrote.
    hashes: HashMap<String, (String, u64)>,
    /// When the previous manifest was written: a file changed after it is not reused.
    written: Option<SystemTime>,
}

fn previous_site(out: &Path) -> Result<Option<Previous>, WriteError> {
    let meta = match fs::metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error("read", out, e)),
    };
    if !meta.is_dir() {
        return Err(WriteError(format!(
            "{} exists and is not a folder: choose another output folder with -o",
            out.display()
        )));
    }
    let present = list_files(out).map_err(|e| io_error("read", out, e))?;
    if present.is_empty() {
        return Ok(None);
    }
    let manifest: Option<Manifest> = fs::read(out.join(MANIFEST))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    let Some(manifest) = manifest else {
        return Err(WriteError(format!(
            "{} is not empty and holds no lifeboat manifest.json, so it was not written by lifeboat: \
             lifeboat will not overwrite it; choose another folder with -o, or empty it",
            out.display()
        )));
    };
    let written = fs::metadata(out.join(MANIFEST))
        .and_then(|m| m.modified())
        .ok();
    let hashes: HashMap<String, (String, u64)> = manifest
        .files
        .into_iter()
        .map(|f| (f.path, (f.sha256, f.bytes)))
        .collect();
    let mut listed: Vec<String> = hashes.keys().cloned().collect();
    listed.sort();
    let foreign = present
        .into_iter()
        .filter(|p| p != MANIFEST && !hashes.contains_key(p.as_str()))
        .collect();
    Ok(Some(Previous {
        listed,
        foreign,
        hashes,
        written,
    }))
}

/// Every file under `dir` (and every empty folder, with a trailing `/`), relative
/// with `/` separators, sorted.
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

/// What `verify` found wrong with a copied site.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Mismatches {
    pub missing: Vec<String>,
    pub changed: Vec<String>,
    pub extra: Vec<String>,
    pub checked: usize,
}

impl Mismatches {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.changed.is_empty() && self.extra.is_empty()
    }
}

/// Re-hashes every file the manifest of `site` lists and looks for files it does not.
pub fn verify(site: &Path) -> io::Result<Mismatches> {
    let bytes = fs::read(site.join(MANIFEST))?;
    let manifest: Manifest = serde_json::from_slice(&bytes).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{MANIFEST} is not a lifeboat manifest: {e}"),
        )
    })?;
    let results: Vec<(usize, Option<bool>)> = manifest
        .files
        .par_iter()
        .enumerate()
        .map(|(i, f)| {
            // A manifest entry may not point outside the site.
            if f.path.split('/').any(|p| p == ".." || p.is_empty()) || f.path.starts_with('/') {
                return (i, None);
            }
            match fs::read(site.join(&f.path)) {
                Ok(b) => (i, Some(sha256_hex(&b) == f.sha256)),
                Err(_) => (i, None),
            }
        })
        .collect();
    let mut out = Mismatches {
        checked: manifest.files.len(),
        ..Default::default()
    };
    for (i, ok) in results {
        let path = manifest.files[i].path.clone();
        match ok {
            None => out.missing.push(path),
            Some(false) => out.changed.push(path),
            Some(true) => {}
        }
    }
    let listed: BTreeSet<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
    out.extra = list_files(site)?
        .into_iter()
        .filter(|p| p != MANIFEST && !listed.contains(p.as_str()))
        .collect();
    Ok(out)
}
