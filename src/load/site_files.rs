//! The plan's files that go to the site without being parsed as items: `assets/`
//! (copied as they are) and `templates/` (overrides of the theme's templates).

use std::io;
use std::path::Path;

/// Files of `assets/` (path relative to it, bytes) and `templates/` (file name, text),
/// each sorted by path.
#[derive(Default)]
pub struct SiteFiles {
    pub assets: Vec<(String, Vec<u8>)>,
    pub templates: Vec<(String, String)>,
}

/// Reads `assets/` recursively and the `*.html` files of `templates/`; a missing
/// folder is empty. Hidden files (`.DS_Store`, `.gitkeep`) are left out.
pub fn read_site_files(dir: &Path) -> io::Result<SiteFiles> {
    let mut out = SiteFiles::default();
    let assets = dir.join("assets");
    if assets.is_dir() {
        for entry in walkdir::WalkDir::new(&assets).sort_by_file_name() {
            let entry = entry.map_err(io::Error::other)?;
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden && entry.depth() > 0 {
                continue;
            }
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = relative(&assets, entry.path())?;
            if rel.split('/').any(|p| p.starts_with('.')) {
                continue;
            }
            out.assets.push((rel, std::fs::read(entry.path())?));
        }
    }
    let templates = dir.join("templates");
    if templates.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(&templates)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".html") || !entry.file_type()?.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(entry.path())
                .map_err(|e| io::Error::new(e.kind(), format!("templates/{name}: {e}")))?;
            out.templates.push((name, text));
        }
    }
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
