//! `lifeboat check`: every diagnostic of the plan, as text or JSON.

use super::plan_name;
use clap::ValueEnum;
use lifeboat::diagnostic::{Severity, held_back_note, reports};
use lifeboat::model::Date;
use lifeboat::render;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// One line per problem, and a summary
    Text,
    /// One JSON array of {severity, code, message, file, line, column}
    Json,
}

pub fn check(dir: &Path, format: Format, deny_warnings: bool, today: Date) -> ExitCode {
    let loaded = match lifeboat::load::load(dir) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot read the plan folder {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(lifeboat::analyze::analyze(&loaded.plan, today).diagnostics);
    diagnostics.extend(render::unknown_overrides(&loaded.site.templates));
    let reports = reports(&diagnostics, &loaded.sources);
    let errors = reports
        .iter()
        .filter(|r| r.severity == Severity::Error)
        .count();
    let warnings = reports.len() - errors;
    match format {
        Format::Json => match serde_json::to_string_pretty(&reports) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        },
        Format::Text => {
            for r in &reports {
                println!("{r}");
            }
            if let Some(note) = held_back_note(&diagnostics) {
                eprintln!("note: {note}");
            }
            let files = loaded.files;
            eprintln!(
                "{}: {errors} error{}, {warnings} warning{} in {files} file{}",
                plan_name(dir),
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" },
                if files == 1 { "" } else { "s" },
            );
        }
    }
    // The process ends now: freeing every item of a large plan would only cost time.
    std::mem::forget(loaded.plan);
    std::mem::forget(loaded.sources);
    if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
