//! The plan's files that go to the site without being parsed as items: `assets/`
//! (copied as they are) and `templates/` (overrides of the theme's templates). They
//! are found with the plan ([`list`]), so that `check` knows them, and read only by
//! `build` ([`read_site_files`]); both through [`PlanRoot`], which keeps every read
//! inside the plan folder.

use super::reader::PlanRoot;
use super::unreadable;
use crate::diagnostic::{Diagnostic, Location};
use std::io;
use std::path::{Path, PathBuf};

/// An asset or template may be at most this large.
const MAX_SITE_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The files of `assets/` (path relative to it, with where it is) and `templates/`
/// (file name and text: small, and `check` judges them), sorted by path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteList {
    pub assets: Vec<(String, PathBuf)>,
    pub templates: Vec<(String, String)>,
}

impl SiteList {
    /// Whether `path` (relative to the plan folder, `assets/...`) is an asset.
    pub fn has_asset(&self, path: &str) -> bool {
        path.strip_prefix("assets/").is_some_and(|p| {
            self.assets
                .binary_search_by(|(a, _)| a.as_str().cmp(p))
                .is_ok()
        })
    }
}

/// Files of `assets/` (path relative to it, bytes) and `templates/` (file name, text).
#[derive(Default)]
pub struct SiteFiles {
    pub assets: Vec<(String, Vec<u8>)>,
    pub templates: Vec<(String, String)>,
}

/// Finds `assets/` recursively and the `*.html` files of `templates/`; a missing
/// folder is empty. Hidden files (`.DS_Store`, `.gitkeep`) are left out; a link
/// out of the plan or a special file gets a diagnostic and is left out.
pub fn list(
    dir: &Path,
    root: &PlanRoot,
    diagnostics: &mut Vec<Diagnostic>,
) -> io::Result<SiteList> {
    let mut out = SiteList::default();
    for (folder, keep) in [("assets", true), ("templates", false)] {
        let top = dir.join(folder);
        match root.is_dir(&top) {
            Ok(true) => {}
            Ok(false) => continue,
            Err(super::Unreadable::Io(e)) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => {
                diagnostics.push(unreadable(Location::Path(format!("{folder}/")), &e));
                continue;
            }
        }
        let walker = walkdir::WalkDir::new(&top)
            .max_depth(if keep { usize::MAX } else { 1 })
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = entry.map_err(io::Error::other)?;
            if entry.depth() == 0 || entry.file_type().is_dir() {
                continue;
            }
            let rel = relative(&top, entry.path())?;
            if !keep && !rel.ends_with(".html") {
                continue;
            }
            let shown = format!("{folder}/{rel}");
            // Links and special files are judged now, so that `check` names them.
            if let Err(e) = root.judge(entry.path(), entry.file_type()) {
                diagnostics.push(unreadable(Location::Path(shown), &e));
                continue;
            }
            if keep {
                out.assets.push((rel, entry.into_path()));
                continue;
            }
            match root.read(entry.path(), MAX_SITE_FILE_BYTES) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => out.templates.push((rel, text)),
                    Err(_) => diagnostics.push(Diagnostic::new(
                        crate::diagnostic::Code::Syntax,
                        Location::Path(shown),
                        "the template is not UTF-8 text; save it as UTF-8",
                    )),
                },
                Err(e) => diagnostics.push(unreadable(Location::Path(shown), &e)),
            }
        }
    }
    // By path as text, for binary search.
    out.assets.sort();
    out.templates.sort();
    Ok(out)
}

/// Reads the files [`list`] found.
pub fn read_site_files(root: &PlanRoot, list: &SiteList) -> Result<SiteFiles, String> {
    let read = |folder: &str, rel: &str, path: &Path| {
        let shown = format!("{folder}/{rel}");
        root.read(path, MAX_SITE_FILE_BYTES)
            .map_err(|e| format!("{shown}: {}", e.message()))
    };
    let mut out = SiteFiles::default();
    for (rel, path) in &list.assets {
        out.assets.push((rel.clone(), read("assets", rel, path)?));
    }
    out.templates = list.templates.clone();
    Ok(out)
}

fn relative(base: &Path, path: &Path) -> io::Result<String> {
    let rel = path.strip_prefix(base).map_err(io::Error::other)?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(parts.join("/"))
}
