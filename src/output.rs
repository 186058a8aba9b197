//! Stage 4: the rendered files to disk, and `verify`. The site is written to a
//! temporary folder beside OUT and swapped in, so that a failure leaves the previous
//! site whole; `manifest.json` lists every file with its SHA-256, and only files a
//! previous manifest lists are ever deleted from OUT.

use crate::render::SiteFile;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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

/// The manifest of `files`, sorted by path.
pub fn manifest(files: &[SiteFile], plan_version: &str, built: &str) -> Manifest {
    let mut entries: Vec<ManifestEntry> = files
        .par_iter()
        .map(|f| ManifestEntry {
            path: f.path.clone(),
            sha256: sha256_hex(&f.bytes),
            bytes: f.bytes.len() as u64,
        })
        .collect();
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    Manifest {
        generator: format!("lifeboat {}", env!("CARGO_PKG_VERSION")),
        plan_version: plan_version.to_string(),
        built: built.to_string(),
        files: entries,
    }
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

/// Writes `files` and their manifest to `out`, replacing the site a previous build
/// wrote there. Files in OUT that no lifeboat manifest lists are kept; a non-empty
/// OUT without a manifest is refused rather than overwritten.
pub fn write_site(
    out: &Path,
    mut files: Vec<SiteFile>,
    manifest: &Manifest,
) -> Result<(), WriteError> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| WriteError(format!("{} is not a folder name", out.display())))?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| io_error("create", &parent, e))?;
    let old = previous_site(out)?;

    let json = serde_json::to_vec_pretty(manifest)
        .map_err(|e| WriteError(format!("cannot write the manifest: {e}")))?;
    files.push(SiteFile {
        path: MANIFEST.into(),
        bytes: json,
    });
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.lifeboat-new-{pid}"));
    if let Err(e) = write_all(&tmp, &files) {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }

    let swap = match &old {
        None => true,
        Some(old) => old.foreign.is_empty(),
    };
    if swap {
        // OUT holds only what lifeboat wrote (or nothing): swap the folders.
        let previous = parent.join(format!(".{name}.lifeboat-old-{pid}"));
        if old.is_some()
            && let Err(e) = fs::rename(out, &previous)
        {
            let _ = fs::remove_dir_all(&tmp);
            return Err(io_error("move aside", out, e));
        }
        if let Err(e) = fs::rename(&tmp, out) {
            if old.is_some() {
                let _ = fs::rename(&previous, out);
            }
            let _ = fs::remove_dir_all(&tmp);
            return Err(io_error("move into place", out, e));
        }
        if old.is_some() {
            fs::remove_dir_all(&previous).map_err(|e| io_error("remove", &previous, e))?;
        }
        return Ok(());
    }
    // OUT also holds files of someone else's: move the new files in one by one, then
    // delete the files of the previous build that this one no longer has.
    let Some(old) = old else {
        return Ok(());
    };
    let new: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for f in &files {
        let to = out.join(&f.path);
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir).map_err(|e| io_error("create", dir, e))?;
        }
        fs::rename(tmp.join(&f.path), &to).map_err(|e| io_error("write", &to, e))?;
    }
    for path in old.listed.iter().filter(|p| !new.contains(p.as_str())) {
        let p = out.join(path);
        if p.is_file() {
            fs::remove_file(&p).map_err(|e| io_error("remove", &p, e))?;
        }
        // Folders left empty by the removal go too, never one that holds anything.
        let mut dir = p.parent();
        while let Some(d) = dir {
            if d == out || fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    let _ = fs::remove_dir_all(&tmp);
    Ok(())
}

/// What a previous build left in OUT: the files its manifest lists, and anything
/// else found there.
struct Previous {
    listed: Vec<String>,
    foreign: Vec<String>,
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
    let listed: Vec<String> = manifest.files.into_iter().map(|f| f.path).collect();
    let known: BTreeSet<&str> = listed.iter().map(String::as_str).collect();
    let foreign = present
        .into_iter()
        .filter(|p| p != MANIFEST && !known.contains(p.as_str()))
        .collect();
    Ok(Some(Previous { listed, foreign }))
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

fn write_all(tmp: &Path, files: &[SiteFile]) -> Result<(), WriteError> {
    if tmp.exists() {
        fs::remove_dir_all(tmp).map_err(|e| io_error("remove", tmp, e))?;
    }
    let dirs: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| tmp.join(p)))
        .collect();
    fs::create_dir_all(tmp).map_err(|e| io_error("create", tmp, e))?;
    for d in dirs {
        fs::create_dir_all(&d).map_err(|e| io_error("create", &d, e))?;
    }
    files.par_iter().try_for_each(|f| {
        let p = tmp.join(&f.path);
        fs::write(&p, &f.bytes).map_err(|e| io_error("write", &p, e))
    })
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
