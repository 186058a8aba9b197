//! Document control: `changes.toml` (the record of changes), `distribution.toml`
//! (who holds which copy), and, for a plan without `changes.toml` inside a git work
//! tree, the record read from git.

use super::read::parse_toml;
use super::*;

/// The top-level files of document control.
pub(super) const FILES: [&str; 2] = ["changes.toml", "distribution.toml"];
const CHANGE_KEYS: &[&str] = &["version", "date", "by", "summary"];
const COPY_KEYS: &[&str] = &["number", "holder", "form", "location", "issued"];
pub const FORMS: &[&str] = &["print", "usb", "phone", "intranet", "email"];

/// What one of the files holds.
pub(super) enum Part {
    Changes(Vec<Change>),
    Copies(Vec<Copy>),
}

/// Reads `changes.toml` or `distribution.toml` (`rel`).
pub(super) fn read(
    file: FileId,
    rel: &str,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Part> {
    let origin = Origin { file, base: 0 };
    let at_start = Span {
        file,
        start: 0,
        end: 0,
    };
    let top_table = parse_toml(text, origin, diagnostics)?;
    let (key, what): (&'static str, &'static str) = if rel == "changes.toml" {
        ("change", "changes.toml")
    } else {
        ("copy", "distribution.toml")
    };
    const CHANGES_TOP: &[&str] = &["change"];
    const COPIES_TOP: &[&str] = &["copy"];
    let mut top = Fields::new(
        &top_table,
        origin,
        at_start,
        what,
        if key == "change" {
            CHANGES_TOP
        } else {
            COPIES_TOP
        },
        diagnostics,
    );
    let tables = top.tables(key);
    let part = if key == "change" {
        let mut out = Vec::new();
        for (table, at) in tables {
            let mut f = top.nested(table, at, "change", CHANGE_KEYS);
            out.push(Change {
                at: Some(at),
                version: f.string("version"),
                date: f.date("date"),
                by: f.string("by"),
                author: None,
                summary: f.required_string("summary", ""),
            });
            f.finish();
        }
        Part::Changes(out)
    } else {
        let mut out: Vec<Copy> = Vec::new();
        for (table, at) in tables {
            let mut f = top.nested(table, at, "copy", COPY_KEYS);
            let number = match f.integer("number", 1..=1_000_000) {
                Some(n) => n,
                None => {
                    if !f.has("number") {
                        f.missing("number");
                    }
                    f.finish();
                    continue;
                }
            };
            let copy = Copy {
                at,
                holder: f.required_string("holder", ""),
                form: f.choice("form", FORMS),
                location: f.string("location"),
                issued: f.date("issued"),
                number,
            };
            f.finish();
            if let Some(first) = out.iter().find(|c| c.number.value == copy.number.value) {
                duplicate(&mut top, &copy, first);
            }
            out.push(copy);
        }
        Part::Copies(out)
    };
    top.finish();
    Some(part)
}

/// `duplicate-copy`, at the second copy's number.
fn duplicate(top: &mut Fields, copy: &Copy, first: &Copy) {
    top.report(
        Code::DuplicateCopy,
        copy.number.span,
        format!(
            "copy number {} is on the distribution list twice (held by \"{}\" and by \"{}\"); \
             give each copy its own number",
            copy.number.value, first.holder.value, copy.holder.value
        ),
    );
}

/// The record of changes from git, asked for as loading starts and read when it
/// is done (git runs meanwhile). `None` when git is not there. Dropped unread (a
/// load that failed), git is stopped and reaped, never left behind.
pub(super) struct GitLog(Option<std::process::Child>);

impl Drop for GitLog {
    fn drop(&mut self) {
        if let Some(mut git) = self.0.take() {
            let _ = git.kill();
            let _ = git.wait();
        }
    }
}

impl GitLog {
    /// Starts `git log` of the plan folder.
    pub(super) fn start(dir: &Path) -> Option<GitLog> {
        // A repository's own configuration can name programs git runs (fsmonitor,
        // pagers, external diffs): none is wanted to read a log.
        std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args([
                "-c",
                "core.fsmonitor=false",
                "-c",
                "core.pager=cat",
                "-c",
                "log.showSignature=false",
                "--no-pager",
                "log",
                "--no-color",
                "--no-ext-diff",
                "--date=short",
                "--format=%ad%x1f%an%x1f%s",
                "--",
                ".",
            ])
            .env("GIT_TERMINAL_PROMPT", "0")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .ok()
            .map(|git| GitLog(Some(git)))
    }

    /// One entry per commit that touched the plan folder, newest first (date,
    /// author name, subject); an error when the folder is not in a git work tree.
    pub(super) fn record(mut self) -> Result<Vec<Change>, String> {
        let git = self.0.take().ok_or("git was asked already")?;
        git_record(git)
    }
}

fn git_record(git: std::process::Child) -> Result<Vec<Change>, String> {
    let out = git
        .wait_with_output()
        .map_err(|e| format!("git did not answer ({e})"))?;
    if !out.status.success() {
        return Err("the plan folder is not in a git work tree".into());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text
        .lines()
        .filter_map(|l| {
            let mut parts = l.split('\u{1f}');
            let (date, author, subject) = (parts.next()?, parts.next()?, parts.next()?);
            let at = Span {
                file: 0,
                start: 0,
                end: 0,
            };
            Some(Change {
                at: None,
                version: None,
                date: Date::parse(date).map(|d| Spanned::new(d, at)),
                by: None,
                author: Some(crate::html::clean(author).into_owned()),
                summary: Spanned::new(crate::html::clean(subject).into_owned(), at),
            })
        })
        .collect())
}
