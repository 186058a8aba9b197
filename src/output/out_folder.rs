//! Where OUT is (a link to a folder followed, the path made absolute), and
//! whether the build may write there at all.

use super::WriteError;
use std::fs;
use std::path::{Path, PathBuf};

/// Where OUT really is: a link to a folder is followed, so that the link stays.
pub(super) fn real_out(out: &Path) -> Result<PathBuf, WriteError> {
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
