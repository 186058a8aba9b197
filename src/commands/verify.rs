//! `lifeboat verify`: a copied site checked against its manifest.

use lifeboat::output;
use std::path::Path;
use std::process::ExitCode;

pub fn verify(site: &Path, fingerprint: Option<&str>) -> ExitCode {
    let m = match output::verify(site, fingerprint) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: cannot read the site {}: {e}", site.display());
            return ExitCode::from(2);
        }
    };
    if let Some((n, holder)) = &m.copy {
        println!("copy: {n}, held by {holder}");
    }
    for p in &m.manifest_problems {
        eprintln!("error: {p}");
    }
    for p in &m.missing {
        println!("missing: {p}");
    }
    for p in &m.changed {
        println!("changed: {p}");
    }
    for p in &m.extra {
        println!("extra: {p}");
    }
    eprintln!(
        "{}: {} files checked, {} missing, {} changed, {} extra",
        site.display(),
        m.checked,
        m.missing.len(),
        m.changed.len(),
        m.extra.len()
    );
    if m.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
