//! Finding the plan's files: plan.toml and every file of the collection folders,
//! hidden, OS and editor files passed over, links and special files judged.

use super::*;

/// plan.toml and every file below the collection folders, sorted by path.
/// Each comes with the kind its folder gives Markdown items (None for plan.toml).
pub(super) fn discover(
    dir: &Path,
    root: &PlanRoot,
    diagnostics: &mut Vec<Diagnostic>,
) -> std::io::Result<Vec<Found>> {
    let mut files = Vec::new();
    let mut top: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    top.sort_by_key(|e| e.file_name());
    let mut collections = Vec::new();
    for entry in top {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || OTHER_FOLDERS.contains(&name.as_str()) {
            continue;
        }
        // A link is followed only inside the plan; plan.toml is judged when read.
        let is_dir = match root.is_dir(&entry.path()) {
            Ok(d) => d,
            Err(e) if name == "plan.toml" => {
                diagnostics.push(unreadable(Location::Path(name), &e));
                continue;
            }
            Err(e) => {
                if FOLDERS.iter().any(|(f, _)| *f == name) {
                    diagnostics.push(unreadable(Location::Path(format!("{name}/")), &e));
                }
                continue;
            }
        };
        if (name == "plan.toml" || super::document::FILES.contains(&name.as_str())) && !is_dir {
            files.push((name, entry.path(), None));
            continue;
        }
        if !is_dir {
            continue;
        }
        match FOLDERS.iter().find(|(f, _)| *f == name) {
            Some(&(_, kind)) => collections.push((entry.path(), kind)),
            None => {
                if let Some(near) = folder_typo(&name) {
                    diagnostics.push(Diagnostic::new(
                        Code::UnknownField,
                        Location::Path(format!("{name}/")),
                        format!(
                            "unknown folder \"{name}\"{}; its files are not read",
                            did_you_mean(Some(near))
                        ),
                    ));
                }
            }
        }
    }
    // The collection folders are walked in parallel.
    let walked: Vec<std::io::Result<(Vec<Found>, Vec<Diagnostic>)>> = collections
        .par_iter()
        .map(|(path, kind)| walk(dir, root, path, *kind))
        .collect();
    for w in walked {
        let (found, refused) = w?;
        files.extend(found);
        diagnostics.extend(refused);
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// The collection folder that `name` is very likely a misspelling of (`servics`,
/// `runbook`), so that its items are not silently left out. Deliberately strict:
/// `procedures/`, `forms/` or `content/` are folders of their own, not typos.
pub(super) fn folder_typo(name: &str) -> Option<&'static str> {
    FOLDERS
        .iter()
        .map(|(f, _)| *f)
        .find(|f| strsim::levenshtein(name, f) <= 2 && strsim::jaro_winkler(name, f) >= 0.9)
}

/// `path` relative to the plan folder `dir`, its parts joined by `/`.
fn relative(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    // Unix paths are joined by `/` already (and walked paths hold no `.` or `//`).
    #[cfg(unix)]
    {
        rel.to_string_lossy().into_owned()
    }
    #[cfg(not(unix))]
    {
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// A file to read: its path relative to the plan, where it is, and the kind of its
/// collection folder (None for plan.toml).
pub(super) type Found = (String, PathBuf, Option<Kind>);

/// Every file below a collection folder, hidden ones left out, and a diagnostic for
/// each link out of the plan (or to a folder) and each special file.
pub(super) fn walk(
    dir: &Path,
    root: &PlanRoot,
    folder: &Path,
    kind: Kind,
) -> std::io::Result<(Vec<Found>, Vec<Diagnostic>)> {
    let mut files = Vec::new();
    let mut refused = Vec::new();
    let walker = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for e in walker {
        let e = e.map_err(std::io::Error::other)?;
        if e.file_type().is_dir() {
            continue;
        }
        let rel = relative(dir, e.path());
        let name = e.file_name().to_string_lossy();
        if ignored(&name) {
            continue;
        }
        match root.judge(e.path(), e.file_type()) {
            Ok(()) if !stray::is_content(&name) => refused.push(stray::warning(rel)),
            Ok(()) => files.push((rel, e.into_path(), Some(kind))),
            Err(why) => refused.push(unreadable(Location::Path(rel), &why)),
        }
    }
    Ok((files, refused))
}
