//! Files in a plan that are not plan content: hidden files, the files operating
//! systems leave (`.DS_Store`, `Thumbs.db`, `desktop.ini`) and editors' backups and
//! swap files (`x.md~`, `.x.md.swp`, `#x.md#`) are passed over in silence; any other
//! file in a content folder that is neither `.md` nor `.toml` (`notes.txt`, a
//! `.docx`) gets the warning `stray-file` and is not read or published.

use crate::diagnostic::{Code, Diagnostic, Location};

/// Whether a file of this name is passed over in silence wherever it is in the
/// plan (`assets/` included).
pub fn ignored(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    name.starts_with('.')                                   // hidden, .DS_Store, .x.swp, .#x
        || name.ends_with('~')                              // vim and emacs backups
        || (name.starts_with('#') && name.ends_with('#'))   // emacs autosave
        || lower.ends_with(".swp")
        || lower.ends_with(".swo")
        || lower.ends_with(".swx")
        || name.contains("___jb_tmp___")                    // JetBrains
        || name.contains("___jb_old___")
        || name == "4913"                                   // vim's probe of a folder
        || lower == "thumbs.db"
        || lower == "ehthumbs.db"
        || lower == "desktop.ini"
        || lower == "icon\r"
        || name.starts_with("~$") // Office's lock files
}

/// Whether a file of a content folder is plan content (read as items).
pub fn is_content(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".toml")
}

/// The warning for a file of a content folder that is not plan content.
pub fn warning(rel: String) -> Diagnostic {
    let what = if rel.contains('.') {
        "neither Markdown (.md) nor TOML (.toml)"
    } else {
        "a file without .md or .toml"
    };
    Diagnostic::new(
        Code::StrayFile,
        Location::Path(rel),
        format!(
            "{what}, so it is not part of the plan and not published: move documents \
             and images to assets/ (and link them), or remove the file"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_and_editor_files_are_ignored_others_are_stray() {
        for name in [
            ".DS_Store",
            "Thumbs.db",
            "desktop.ini",
            "x.md~",
            ".x.md.swp",
            "#x.md#",
            ".#x.md",
            "~$plan.docx",
            "4913",
            "x.md.swp",
        ] {
            assert!(ignored(name), "{name}");
        }
        for name in ["notes.txt", "plan.docx", "README", "x.md", "x.TOML"] {
            assert!(!ignored(name), "{name}");
        }
        assert!(is_content("x.md") && is_content("X.TOML") && !is_content("notes.txt"));
    }
}
