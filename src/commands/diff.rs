//! `lifeboat diff OLD NEW`: what changed between two versions of a plan, each a built
//! site (its plan.json) or a plan folder.

use super::plan_name;
use clap::ValueEnum;
use lifeboat::diagnostic::{Severity, reports};
use lifeboat::model::Date;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
}

/// A plan.json larger than this is no plan lifeboat wrote.
const MAX_PLAN_JSON: u64 = 1 << 30;

/// The plan.json of a side: a built site's file, or made from a plan folder.
fn side(path: &Path, today: Date) -> Result<serde_json::Value, String> {
    let built = path.join("plan.json");
    let bytes = if std::fs::symlink_metadata(&built).is_ok_and(|m| m.is_file()) {
        let mut bytes = Vec::new();
        std::fs::File::open(&built)
            .and_then(|f| f.take(MAX_PLAN_JSON).read_to_end(&mut bytes))
            .map_err(|e| format!("cannot read {}: {e}", built.display()))?;
        bytes
    } else if path.join("plan.toml").is_file() {
        let loaded = lifeboat::load::load(path)
            .map_err(|e| format!("cannot read the plan folder {}: {e}", path.display()))?;
        let analysis = lifeboat::analyze::analyze(&loaded.plan, today);
        let mut diagnostics = loaded.diagnostics;
        diagnostics.extend(analysis.diagnostics);
        let all = reports(&diagnostics, &loaded.sources);
        let errors = all.iter().filter(|r| r.severity == Severity::Error).count();
        if errors > 0 {
            return Err(format!(
                "the plan {} has {errors} error{} (`lifeboat check` lists them)",
                plan_name(path),
                if errors == 1 { "" } else { "s" }
            ));
        }
        super::plan_json(
            &loaded.plan,
            &loaded.sources,
            &analysis.links,
            &diagnostics,
            false,
            today,
        )?
    } else {
        return Err(format!(
            "{} is neither a built site (with plan.json) nor a plan folder (with plan.toml)",
            path.display()
        ));
    };
    serde_json::from_slice(&bytes)
        .map_err(|e| format!("{}: plan.json does not parse: {e}", path.display()))
}

pub fn diff(old: &Path, new: &Path, format: DiffFormat, today: Date) -> ExitCode {
    let (a, b) = match (side(old, today), side(new, today)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let d = lifeboat::plandiff::diff(&a, &b);
    match format {
        DiffFormat::Text => print!("{}", lifeboat::plandiff::text(&d)),
        DiffFormat::Json => match serde_json::to_string_pretty(&d) {
            Ok(j) => println!("{j}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        },
    }
    ExitCode::SUCCESS
}
