//! The commands, one module each: `main.rs` parses the arguments and calls one
//! function of these. What several commands share (today and the build time, the
//! plan's name, writing a file whole, printing a render error) is here.

pub mod build;
pub mod check;
pub mod diff;
pub mod export;
pub mod import;
pub mod init;
pub mod locale;
pub mod verify;

use lifeboat::model::Date;
use lifeboat::render;
use std::path::Path;

/// The plan's `plan.json`, as a build writes it (for `export json` and `diff`).
pub fn plan_json(
    plan: &lifeboat::model::Plan,
    sources: &lifeboat::source::Sources,
    links: &lifeboat::model::Links,
    diagnostics: &[lifeboat::diagnostic::Diagnostic],
    include_private: bool,
    today: Date,
) -> Result<Vec<u8>, String> {
    let warnings = render::warnings(plan, sources, diagnostics, include_private);
    let options = render::Options {
        include_private,
        today,
        copy: None,
        private_script: None,
    };
    let input = render::Input {
        plan,
        sources,
        links,
        warnings: &warnings,
        assets: &[],
        templates: &[],
        options: &options,
        catalog: &lifeboat::i18n::Catalog::english(),
    };
    render::plan_json(&input).map_err(|e| e.to_string())
}

/// Today and the build time (`YYYY-MM-DDTHH:MM:SSZ`): `--now` (at midnight UTC), else
/// SOURCE_DATE_EPOCH (reproducible builds), else the system clock.
pub fn when(now: Option<Date>) -> (Date, String) {
    if let Some(d) = now {
        return (d, format!("{d}T00:00:00Z"));
    }
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    let day = Date::from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    (
        day,
        format!("{day}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60),
    )
}

/// The plan folder as a person knows it: its own name, even when given as `.`.
pub fn plan_name(dir: &Path) -> String {
    std::fs::canonicalize(dir)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| dir.display().to_string())
}

/// ", and OUT was left as it was" when there is an OUT to speak of.
pub fn untouched(out: &Path) -> String {
    if std::fs::symlink_metadata(out).is_ok() {
        format!(", and {} was left as it was", out.display())
    } else {
        String::new()
    }
}

/// Writes `file` whole or not at all: a temporary file beside it, created with an
/// unpredictable name and `O_EXCL` (so that nothing planted there is written
/// through), then renamed over `file`. A file that holds private values is readable
/// by its owner only (0600); others get the usual mode (0666 less the umask).
pub fn write_whole(file: &Path, bytes: &[u8], private: bool) -> std::io::Result<()> {
    use std::io::Write;
    let name = file
        .file_name()
        .ok_or_else(|| std::io::Error::other("the path names no file"))?;
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(if private {
            0o600
        } else {
            0o666
        }));
    }
    let mut tmp = builder.tempfile_in(folder)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // On failure the temporary file is removed when it is dropped.
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

/// A render error as a diagnostic line: one that carries its code
/// (`error[active-content]: templates/x.html:3: ...`) as it is, others after "error: ".
pub fn print_render_error(e: &render::Error) {
    let text = e.to_string();
    if text.starts_with("error[") {
        eprintln!("{text}");
    } else {
        eprintln!("error: {text}");
    }
}
