//! `lifeboat init`: a new plan folder, written from the example plan embedded in the binary.

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

/// Writes the example plan into `dir`, which must be missing or empty. Returns the
/// number of files written.
pub fn init(dir: &Path) -> Result<usize, InitError> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(InitError::Io)?;
        if entries.next().is_some() {
            return Err(InitError::NotEmpty);
        }
    }
    for (rel, bytes) in EXAMPLE_PLAN {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(InitError::Io)?;
        }
        std::fs::write(&path, bytes).map_err(InitError::Io)?;
    }
    Ok(EXAMPLE_PLAN.len())
}
