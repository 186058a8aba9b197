//! `lifeboat init`: a new plan folder.

use super::when;
use std::path::Path;
use std::process::ExitCode;

pub fn init(dir: &Path, minimal: bool) -> ExitCode {
    let written = if minimal {
        lifeboat::init::init_minimal(dir, &when(None).0.to_string())
    } else {
        lifeboat::init::init(dir)
    };
    match written {
        Ok(n) => {
            let what = if minimal {
                "a minimal plan"
            } else {
                "the example plan"
            };
            println!("Wrote {what} ({n} files) to {}", dir.display());
            println!("Next: lifeboat check {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot create a plan in {}: {e}", dir.display());
            ExitCode::from(2)
        }
    }
}
