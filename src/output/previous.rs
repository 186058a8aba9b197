//! What the previous build left in OUT, read from its manifest before anything is
//! written: which files it wrote (and their hashes), which of its folders are
//! real, and the record a rebuild may reuse.

use super::manifest::{MANIFEST, MAX_MANIFEST_BYTES, Manifest};
use super::safe_fs::{changed_at, inside, is_site_path, open_regular, real_folder};
use super::{STAGING, WriteError, io_error};
use crate::render::reuse::Record;
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// What a previous build left in OUT: the files its manifest lists, and anything
/// else found there.
pub(super) struct Previous {
    pub(super) listed: Vec<String>,
    /// When the previous manifest's inode last changed (see the module's text).
    pub(super) settled: Option<i128>,
    /// The folders that hold files of the previous build and are real folders
    /// inside OUT, with no link on the way.
    pub(super) folders: std::collections::HashSet<String>,
    /// Path to SHA-256 and size of each file the previous build wrote.
    pub(super) hashes: HashMap<String, (String, u64)>,
    /// Paths of the manifest that name no place inside OUT: never used.
    pub(super) ignored: usize,
    /// What the previous build recorded for a rebuild.
    pub(super) reuse: Option<Record>,
}

pub(super) fn previous_site(out: &Path, shown: &Path) -> Result<Option<Previous>, WriteError> {
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
