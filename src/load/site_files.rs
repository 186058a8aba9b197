//! The plan's files that go to the site without being parsed as items: `assets/`
//! (copied as they are) and `templates/` (overrides of the theme's templates). They
//! are found with the plan ([`list`]), so that `check` knows them, and read only by
//! `build` ([`read_site_files`]); both through [`PlanRoot`], which keeps every read
//! inside the plan folder.

use super::reader::PlanRoot;
use super::unreadable;
use crate::diagnostic::{Diagnostic, Location};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// An asset or template may be at most this large.
const MAX_SITE_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// All of `assets/` together may be at most this large (hard links and copies of one
/// file count each time): a site that goes on a USB stick and into every phone's
/// offline copy, and a build that holds the assets while it writes them.
pub const MAX_ASSET_BYTES: u64 = 256 * 1024 * 1024;

/// The files of `assets/` (path relative to it, with where it is) and `templates/`
/// (file name and text: small, and `check` judges them), sorted by path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteList {
    pub assets: Vec<(String, PathBuf)>,
    pub templates: Vec<(String, String)>,
    /// `locales/*.ftl`: file name and text (the interface's messages in a language).
    pub locales: Vec<(String, String)>,
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
/// folder is empty. Hidden files (`.DS_Store`, `.gitkeep`), the files operating
/// systems and editors leave (`Thumbs.db`, `x~`) are left out; a link out of the
/// plan or a special file gets a diagnostic and is left out.
pub fn list(
    dir: &Path,
    root: &PlanRoot,
    diagnostics: &mut Vec<Diagnostic>,
) -> io::Result<SiteList> {
    let mut out = SiteList::default();
    let mut asset_bytes: u64 = 0;
    for (folder, keep) in [("assets", true), ("templates", false), ("locales", false)] {
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
            let wanted = if folder == "locales" { ".ftl" } else { ".html" };
            if !keep && !rel.ends_with(wanted) {
                continue;
            }
            // Thumbs.db, desktop.ini, an editor's backup: never published.
            if super::stray::ignored(&entry.file_name().to_string_lossy()) {
                continue;
            }
            let shown = format!("{folder}/{rel}");
            // Links and special files are judged now, so that `check` names them.
            if let Err(e) = root.judge(entry.path(), entry.file_type()) {
                diagnostics.push(unreadable(Location::Path(shown), &e));
                continue;
            }
            if keep {
                // An SVG is read whole (it is judged by what it holds); any other
                // file by its first KiB, which is what a browser sniffs.
                let svg = rel.to_ascii_lowercase().ends_with(".svg");
                let start = if svg {
                    root.read(entry.path(), MAX_SITE_FILE_BYTES)
                } else {
                    root.open(entry.path()).and_then(|(f, _)| {
                        let mut head = Vec::with_capacity(SNIFF_BYTES);
                        io::Read::read_to_end(
                            &mut io::Read::take(f, SNIFF_BYTES as u64),
                            &mut head,
                        )?;
                        Ok(head)
                    })
                };
                let start = match start {
                    Ok(b) => b,
                    Err(e) => {
                        diagnostics.push(unreadable(Location::Path(shown), &e));
                        continue;
                    }
                };
                if let Some(why) = active(&rel, &start) {
                    diagnostics.push(Diagnostic::new(
                        crate::diagnostic::Code::ActiveContent,
                        Location::Path(shown),
                        why,
                    ));
                    continue;
                }
                asset_bytes += entry.metadata().map_or(0, |m| m.len());
                if asset_bytes > MAX_ASSET_BYTES {
                    diagnostics.push(Diagnostic::new(
                        crate::diagnostic::Code::Syntax,
                        Location::Path(shown),
                        format!(
                            "assets/ holds more than {} MiB with this file (copies and hard links \
                             count each time): a site must fit on a USB stick and in a phone's \
                             offline copy; make the large files smaller or link to them on the \
                             intranet instead",
                            MAX_ASSET_BYTES / (1024 * 1024)
                        ),
                    ));
                    return Ok(out);
                }
                out.assets.push((rel, entry.into_path()));
                continue;
            }
            match root.read(entry.path(), MAX_SITE_FILE_BYTES) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) if folder == "locales" => out.locales.push((rel, text)),
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
    out.locales.sort();
    Ok(out)
}

/// File types a browser runs as a document with script (opened from a link, they
/// would run it in the site's origin), or that are scripts.
const ACTIVE_TYPES: [&str; 14] = [
    "html", "htm", "xhtml", "xht", "shtml", "xml", "xsl", "xslt", "mht", "mhtml", "js", "mjs",
    "svgz", "swf",
];

/// How much of a file a browser looks at to guess its type (WHATWG MIME Sniffing
/// reads 1,445 bytes at most; the HTML signatures sit at the start).
const SNIFF_BYTES: usize = 1024;

/// Why an asset may not be published, if it may not: an active type by its name;
/// a file of any other name that starts as a web page or XML would (a browser or
/// server that guesses its type would run it); an SVG that holds script, an event
/// handler, a `javascript:` URL, HTML inside it, an entity declaration, or a
/// reference to another host. `start` is the whole of an SVG, the first KiB of any
/// other file.
pub fn active(rel: &str, start: &[u8]) -> Option<String> {
    let ext = rel.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if let Some(ext) = ext.as_deref().filter(|e| ACTIVE_TYPES.contains(e)) {
        return Some(format!(
            "a .{ext} file in assets/ would run its script as part of the site when a reader \
             opens it: publish the document as a PDF, or a picture as PNG, JPEG or an SVG \
             without script"
        ));
    }
    if ext.as_deref() != Some("svg") {
        return looks_like_markup(start).map(|sig| {
            format!(
                "the file starts like a web page ({sig}), and a browser that guesses its type \
                 would run it as part of the site: publish the document as a PDF, or a \
                 picture as PNG, JPEG or an SVG without script"
            )
        });
    }
    let text = String::from_utf8_lossy(start).to_ascii_lowercase();
    let found = [
        "<script",
        "javascript:",
        "<foreignobject",
        "<!entity",
        "<iframe",
        "<embed",
        "<object",
        "<html",
        "<body",
    ]
    .into_iter()
    .find(|needle| text.contains(needle))
    .map(str::to_string)
    .or_else(|| event_handler(&text))
    .or_else(|| remote_reference(&text));
    found.map(|what| {
        format!(
            "the SVG holds {what}, which would run or load something when a reader opens it: \
             save it without script, event handlers or links to other sites, or as a PNG or PDF"
        )
    })
}

/// The HTML or XML signature a browser sniffing the type would see at the start of
/// a file (after a byte order mark and whitespace), as WHATWG MIME Sniffing lists
/// them: `<!DOCTYPE HTML`, `<HTML`, `<SCRIPT`, ..., `<!--`, `<?xml`.
fn looks_like_markup(start: &[u8]) -> Option<String> {
    const TAGS: [&str; 19] = [
        "<!doctype html",
        "<html",
        "<head",
        "<script",
        "<iframe",
        "<h1",
        "<div",
        "<font",
        "<table",
        "<a",
        "<style",
        "<title",
        "<b",
        "<body",
        "<br",
        "<p",
        "<svg",
        "<!--",
        "<?xml",
    ];
    let start = start.strip_prefix(b"\xef\xbb\xbf").unwrap_or(start);
    let at = start.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = &start[at..];
    TAGS.iter().find_map(|tag| {
        let t = tag.as_bytes();
        let head = rest.get(..t.len())?;
        let next = rest.get(t.len()).copied();
        // A tag is followed by a space or `>` (a comment and `<?xml` need nothing).
        let ends = matches!(*tag, "<!--" | "<?xml")
            || matches!(next, Some(b' ' | b'>' | b'\t' | b'\n' | b'\r'));
        (head.eq_ignore_ascii_case(t) && ends).then(|| tag.to_string())
    })
}

/// An `on...=` attribute inside a tag.
fn event_handler(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut in_tag = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            b'o' if in_tag
                && i > 0
                && (bytes[i - 1].is_ascii_whitespace() || bytes[i - 1] == b'/')
                && bytes.get(i + 1) == Some(&b'n') =>
            {
                let name: String = text[i..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                let after = text[i + name.len()..].trim_start();
                if name.len() > 2 && after.starts_with('=') {
                    return Some(format!("an event handler ({name})"));
                }
            }
            _ => {}
        }
    }
    None
}

/// An `href`, `src` or `url(...)` to another host or with a scheme other than data:.
fn remote_reference(text: &str) -> Option<String> {
    for key in ["href=", "src=", "url("] {
        let mut rest = text;
        while let Some(at) = rest.find(key) {
            rest = &rest[at + key.len()..];
            let value = rest.trim_start().trim_start_matches(['"', '\'', ' ']);
            let scheme = value
                .split(['"', '\'', ')', ' ', '>'])
                .next()
                .unwrap_or_default();
            if scheme.starts_with("//")
                || (scheme.contains(':') && !scheme.starts_with("data:image/"))
            {
                return Some(format!("a reference to {scheme}"));
            }
        }
    }
    None
}

/// Opens an asset [`list`] found, to be copied into the site a buffer at a time;
/// also its largest size.
pub fn open_asset(root: &PlanRoot, rel: &str, path: &Path) -> Result<(fs::File, u64), String> {
    root.open(path)
        .map(|(f, _)| (f, MAX_SITE_FILE_BYTES))
        .map_err(|e| format!("assets/{rel}: {}", e.message()))
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

#[cfg(test)]
mod tests {
    use super::active;

    #[test]
    fn active_files_are_named_and_plain_pictures_pass() {
        for rel in [
            "x.html",
            "a/b.HTM",
            "page.xhtml",
            "feed.xml",
            "s.js",
            "t.svgz",
            "x.xsl",
        ] {
            assert!(active(rel, b"").is_some(), "{rel}");
        }
        for rel in ["map.png", "plan.pdf", "photo.jpeg", "notes.txt", "README"] {
            assert!(active(rel, b"%PDF-1.7 <html>").is_none(), "{rel}");
        }
        // Any name: a file that starts as a web page is one.
        for start in [
            &b"<!DOCTYPE html><script>alert(1)</script>"[..],
            b"\xef\xbb\xbf  <HTML>",
            b"\n<script src=x></script>",
            b"<?xml version=\"1.0\"?><x/>",
            b"<!-- x --><p>",
        ] {
            for rel in ["README", "notes.txt", "photo.png", "data.bin"] {
                assert!(
                    active(rel, start).is_some(),
                    "{rel} {}",
                    String::from_utf8_lossy(start)
                );
            }
        }
        assert!(active("notes.txt", b"<about the plan> a b").is_none());
        let clean = br##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10" opacity=".5"/><image xlink:href="floor.png"/><text>once upon</text></svg>"##;
        assert_eq!(active("map.svg", clean), None);
        for bad in [
            &b"<svg><script>alert(1)</script></svg>"[..],
            b"<svg onload=\"alert(1)\"/>",
            b"<svg><rect ONCLICK = 'x'/></svg>",
            b"<svg><a href=\"javascript:alert(1)\">x</a></svg>",
            b"<svg><foreignObject><p>x</p></foreignObject></svg>",
            b"<svg><image href=\"https://evil.example/x.png\"/></svg>",
            b"<svg><rect style=\"fill:url(//evil.example/x)\"/></svg>",
            b"<!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>",
        ] {
            assert!(
                active("x.svg", bad).is_some(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
