//! `lifeboat import contacts`: staff lists and phone contacts as contact files.

use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum ImportKind {
    /// People: contact files, one a person
    Contacts,
}

/// `lifeboat import contacts`: the files read, the contact files written, and a
/// report of what was mapped, skipped and why.
pub fn import_contacts(files: &[PathBuf], out: &Path) -> ExitCode {
    match lifeboat::import::contacts(files, out) {
        Ok(report) => {
            let mut last = String::new();
            for (file, heading, to) in &report.mapped {
                if *file != last {
                    eprintln!("{file}:");
                    last = file.clone();
                }
                eprintln!("  mapped   {heading:?} -> {to}");
            }
            for (file, heading, why) in &report.skipped {
                eprintln!("  skipped  {heading:?} of {file}: {why}");
            }
            for (file, row, why) in &report.rows_skipped {
                eprintln!("  skipped  record {row} of {file}: {why}");
            }
            eprintln!(
                "Wrote {} contact file{} to {} ({} new, {} updated). Next: lifeboat check",
                report.written.len(),
                if report.written.len() == 1 { "" } else { "s" },
                out.display(),
                report.created,
                report.updated
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
