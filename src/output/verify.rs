//! `lifeboat verify`: is this copy of a site (on a USB stick, a share) the site that
//! was built? Every file the manifest lists is re-hashed; links are never followed
//! and special files never read; a missing or corrupt manifest, or one with another
//! fingerprint than the one recorded at build time, is a mismatch.

use super::manifest::{MANIFEST, MAX_MANIFEST_BYTES, Manifest, sha256_hex};
use super::safe_fs::{inside, is_site_path, open_regular, read_exact_len};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// What `verify` found wrong with a copied site.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Mismatches {
    pub missing: Vec<String>,
    pub changed: Vec<String>,
    pub extra: Vec<String>,
    pub checked: usize,
    /// Why the manifest itself does not hold (missing, corrupt, another fingerprint,
    /// a path outside the site).
    pub manifest_problems: Vec<String>,
    /// The controlled copy the site is, and its holder (from its manifest).
    pub copy: Option<(i64, String)>,
}

impl Mismatches {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty()
            && self.changed.is_empty()
            && self.extra.is_empty()
            && self.manifest_problems.is_empty()
    }
}

/// The fingerprint of a site: the SHA-256 of its `manifest.json`.
pub fn fingerprint(manifest: &[u8]) -> String {
    sha256_hex(manifest)
}

/// Checks `site` against its manifest (and, when given, the fingerprint recorded
/// at build time). Fails only when `site` is not a readable folder.
pub fn verify(site: &Path, expected: Option<&str>) -> io::Result<Mismatches> {
    if !fs::metadata(site)?.is_dir() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a folder"));
    }
    let mut out = Mismatches::default();
    let bytes = match inside(site, MANIFEST, true) {
        Some(p) => {
            let mut bytes = Vec::new();
            open_regular(&p)?
                .take(MAX_MANIFEST_BYTES)
                .read_to_end(&mut bytes)?;
            Some(bytes)
        }
        None => None,
    };
    let Some(bytes) = bytes else {
        if fs::symlink_metadata(site.join(MANIFEST)).is_ok() {
            out.changed.push(MANIFEST.into());
            out.manifest_problems
                .push(format!("{MANIFEST} is not a regular file"));
        } else {
            out.missing.push(MANIFEST.into());
            out.manifest_problems.push(format!(
                "{MANIFEST} is missing: this copy cannot be checked"
            ));
        }
        return Ok(out);
    };
    if let Some(expected) = expected {
        let actual = fingerprint(&bytes);
        let expected = expected
            .trim()
            .trim_start_matches("sha256:")
            .to_ascii_lowercase();
        if actual != expected {
            out.manifest_problems.push(format!(
                "the fingerprint of this copy is {actual}, not {expected}: its manifest.json is not the one that was built"
            ));
        }
    }
    let manifest: Manifest = match serde_json::from_slice(&bytes) {
        Ok(m) => m,
        Err(e) => {
            out.changed.push(MANIFEST.into());
            out.manifest_problems
                .push(format!("{MANIFEST} is not a lifeboat manifest: {e}"));
            return Ok(out);
        }
    };
    out.copy = manifest
        .copy
        .map(|n| (n, manifest.copy_holder.clone().unwrap_or_default()));
    if manifest.files.is_empty() {
        out.manifest_problems.push(format!(
            "{MANIFEST} lists no file: a built site has at least its pages"
        ));
    }
    let results: Vec<(usize, Option<bool>)> = manifest
        .files
        .par_iter()
        .enumerate()
        .map(|(i, f)| {
            if !is_site_path(&f.path) || f.path == MANIFEST {
                return (i, Some(false));
            }
            let same = inside(site, &f.path, true)
                .and_then(|p| read_exact_len(&p, f.bytes).ok().flatten())
                .map(|b| sha256_hex(&b) == f.sha256);
            match same {
                Some(same) => (i, Some(same)),
                // A link, folder or special file in the file's place is a change.
                None if fs::symlink_metadata(site.join(&f.path)).is_ok() => (i, Some(false)),
                None => (i, None),
            }
        })
        .collect();
    out.checked = manifest.files.len();
    for (i, ok) in results {
        let path = &manifest.files[i].path;
        if !is_site_path(path) || path == MANIFEST {
            out.manifest_problems.push(format!(
                "{MANIFEST} lists {path:?}, which is not a file of the site"
            ));
            continue;
        }
        match ok {
            None => out.missing.push(path.clone()),
            Some(false) => out.changed.push(path.clone()),
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
