//! `lifeboat init`: a new plan folder, written from the example plan embedded in the
//! binary, or (`--minimal`) from the smallest plan that checks clean: `init/minimal/`,
//! each file commented.

use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/example_plan.rs"));

#[derive(Debug)]
pub enum InitError {
    NotEmpty,
    Io(std::io::Error),
}

impl std::fmt::Display for InitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InitError::NotEmpty => {
                write!(f, "the folder is not empty; choose a new or empty folder")
            }
            InitError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// The smallest plan that checks clean: plan.toml, one contact, one call tree, one
/// service, one runbook. `{{TODAY}}` in plan.toml becomes the day of `init`.
const MINIMAL: [(&str, &str); 5] = [
    ("plan.toml", include_str!("init/minimal/plan.toml")),
    (
        "contacts/alex-example.md",
        include_str!("init/minimal/contacts/alex-example.md"),
    ),
    (
        "contacts/call-trees.toml",
        include_str!("init/minimal/contacts/call-trees.toml"),
    ),
    (
        "services/email.md",
        include_str!("init/minimal/services/email.md"),
    ),
    (
        "runbooks/restore-email.md",
        include_str!("init/minimal/runbooks/restore-email.md"),
    ),
];

/// Writes the smallest plan that checks clean into `dir`, which must be missing or
/// empty; `today` (YYYY-MM-DD) is its last review. Returns the number of files.
pub fn init_minimal(dir: &Path, today: &str) -> Result<usize, InitError> {
    empty(dir)?;
    for (rel, text) in MINIMAL {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(InitError::Io)?;
        }
        std::fs::write(&path, text.replace("{{TODAY}}", today)).map_err(InitError::Io)?;
    }
    Ok(MINIMAL.len())
}

/// `dir` is missing or an empty folder.
fn empty(dir: &Path) -> Result<(), InitError> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(InitError::Io)?;
        if entries.next().is_some() {
            return Err(InitError::NotEmpty);
        }
    }
    Ok(())
}

/// Writes the example plan into `dir`, which must be missing or empty. Returns the
/// number of files written.
pub fn init(dir: &Path) -> Result<usize, InitError> {
    empty(dir)?;
    for (rel, bytes) in EXAMPLE_PLAN {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(InitError::Io)?;
        }
        std::fs::write(&path, bytes).map_err(InitError::Io)?;
    }
    Ok(EXAMPLE_PLAN.len())
}
