//! `lifeboat export`: one file of the communication kit, to a file or standard output.

use super::{plan_name, write_whole};
use clap::ValueEnum;
use lifeboat::diagnostic::{Severity, held_back_note, reports};
use lifeboat::model::Date;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// Every contact and team as vCard 3.0 (the site's contacts.vcf)
    Vcard,
    /// Every dated exercise as iCalendar (the site's exercises.ics)
    Ics,
    /// The contact directory as CSV, a header row and a row per contact and team
    Csv,
    /// The whole resolved plan (the site's plan.json)
    Json,
}

/// `lifeboat export`: the plan is loaded and checked as for `build` (errors stop it),
/// then one file of the communication kit goes to FILE or standard output.
pub fn export(
    what: ExportFormat,
    dir: &Path,
    out: Option<&Path>,
    include_private: bool,
    today: Date,
) -> ExitCode {
    let loaded = match lifeboat::load::load(dir) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot read the plan folder {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    let analysis = lifeboat::analyze::analyze(&loaded.plan, today);
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(analysis.diagnostics);
    let all = reports(&diagnostics, &loaded.sources);
    let errors = all.iter().filter(|r| r.severity == Severity::Error).count();
    if errors > 0 {
        for r in &all {
            eprintln!("{r}");
        }
        if let Some(note) = held_back_note(&diagnostics) {
            eprintln!("note: {note}");
        }
        eprintln!(
            "error: {errors} error{} in the plan {}: nothing was exported",
            if errors == 1 { "" } else { "s" },
            plan_name(dir)
        );
        return ExitCode::from(1);
    }
    let warnings = all.len();
    if warnings > 0 {
        eprintln!(
            "note: the plan has {warnings} warning{}; `lifeboat check` lists them",
            if warnings == 1 { "" } else { "s" }
        );
    }
    let plan = &loaded.plan;
    let bytes = match what {
        ExportFormat::Vcard => lifeboat::kit::vcard::directory(plan, include_private).into_bytes(),
        ExportFormat::Ics => lifeboat::kit::ics::exercises(
            plan,
            today,
            &lifeboat::render::catalog(plan, &loaded.site.locales),
        )
        .into_bytes(),
        ExportFormat::Csv => lifeboat::kit::csv::directory(plan, include_private).into_bytes(),
        ExportFormat::Json => {
            match super::plan_json(
                plan,
                &loaded.sources,
                &analysis.links,
                &diagnostics,
                include_private,
                today,
            ) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            }
        }
    };
    let written = match out {
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&bytes).and_then(|()| stdout.flush())
        }
        Some(file) => write_whole(file, &bytes, include_private),
    };
    match written {
        Ok(()) => {
            if let Some(file) = out {
                eprintln!("Exported {} bytes to {}", bytes.len(), file.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let to = out.map_or("standard output".to_string(), |f| f.display().to_string());
            eprintln!("error: cannot write {to}: {e}");
            ExitCode::from(2)
        }
    }
}
