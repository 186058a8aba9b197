//! The command line: parses arguments and wires the stages of the library together.

use clap::{Parser, Subcommand, ValueEnum};
use lifeboat::diagnostic::{Severity, held_back_note, reports};
use lifeboat::model::Date;
use lifeboat::{output, render};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "lifeboat",
    version,
    about = "Business continuity plans as an offline site, a communication kit and checks"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum ImportKind {
    /// People: contact files, one a person
    Contacts,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new plan folder from the example plan
    Init {
        /// The folder to create (it must not exist, or be empty)
        dir: PathBuf,
        /// The smallest plan that checks clean (plan.toml, one contact, one call
        /// tree, one service, one runbook), each file commented, instead of the
        /// full example
        #[arg(long)]
        minimal: bool,
    },
    /// Build the plan into a self-contained offline site
    Build {
        /// The plan folder (the one holding plan.toml)
        #[arg(default_value = ".")]
        plan: PathBuf,
        /// The folder to write the site to [default: PLAN/site]; lifeboat replaces
        /// only what it wrote there before
        #[arg(short, long, value_name = "OUT")]
        out: Option<PathBuf>,
        /// Put contacts' private details in the site (it then says so on every page)
        #[arg(long)]
        include_private: bool,
        /// Today's date for date checks and the build date (YYYY-MM-DD); without it,
        /// SOURCE_DATE_EPOCH or the system clock
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        now: Option<Date>,
        /// Print the time of each phase
        #[arg(short, long)]
        verbose: bool,
        /// Write the whole site as one self-contained HTML file at FILE instead of
        /// the site folder (for a phone's downloads or an email attachment)
        #[arg(long, value_name = "FILE", conflicts_with = "out")]
        single_file: Option<PathBuf>,
    },
    /// Check the plan and report errors and warnings
    Check {
        /// The plan folder (the one holding plan.toml)
        #[arg(default_value = ".")]
        plan: PathBuf,
        /// Text for people, or JSON for tools
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit with 1 when there are warnings, too
        #[arg(long)]
        deny_warnings: bool,
        /// Today's date for date checks (YYYY-MM-DD)
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        now: Option<Date>,
    },
    /// Serve the site over HTTP and rebuild it, reloading open pages, on every change
    Serve {
        /// The plan folder (the one holding plan.toml)
        #[arg(default_value = ".")]
        plan: PathBuf,
        /// The port to listen on
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// The address to listen on
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Put contacts' private details in the site
        #[arg(long)]
        include_private: bool,
        /// Watch by polling, for file systems that send no change events
        #[arg(long)]
        poll: bool,
        /// Today's date for date checks (YYYY-MM-DD)
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        now: Option<Date>,
    },
    /// Export the contacts (vCard, CSV), the exercises (iCalendar) or the whole
    /// resolved plan (JSON), the same as the site's files
    Export {
        /// What to export
        #[arg(value_enum)]
        what: ExportFormat,
        /// The plan folder (the one holding plan.toml)
        #[arg(default_value = ".")]
        plan: PathBuf,
        /// The file to write [default: standard output]
        #[arg(short, long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Include contacts' private details (home numbers, personal mail)
        #[arg(long)]
        include_private: bool,
        /// Today's date for date checks and the calendar's time stamps (YYYY-MM-DD)
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        now: Option<Date>,
    },
    /// Import people from a staff list (CSV from HR, Outlook, Google or Microsoft
    /// 365) or phone contacts (vCard) as contact files of the plan
    Import {
        /// What to import
        #[arg(value_enum)]
        what: ImportKind,
        /// The CSV or vCard files to read
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The folder to write contact files into: a plan's contacts/ folder or a
        /// folder below it (files already there are updated, not duplicated)
        #[arg(short, long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Check a copied site against its manifest (and the fingerprint `build` printed)
    Verify {
        /// The folder of the copied site
        site: PathBuf,
        /// The fingerprint `build` printed (the SHA-256 of manifest.json): the copy
        /// must have the same
        #[arg(long, value_name = "HEX")]
        fingerprint: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One line per problem, and a summary
    Text,
    /// One JSON array of {severity, code, message, file, line, column}
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// Every contact and team as vCard 3.0 (the site's contacts.vcf)
    Vcard,
    /// Every dated exercise as iCalendar (the site's exercises.ics)
    Ics,
    /// The contact directory as CSV, a header row and a row per contact and team
    Csv,
    /// The whole resolved plan (the site's plan.json)
    Json,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| Date::why_not(s))
}

fn main() -> ExitCode {
    process_setup();
    let cli = Cli::parse();
    match cli.command {
        Command::Init { dir, minimal } => init(&dir, minimal),
        Command::Check {
            plan,
            format,
            deny_warnings,
            now,
        } => check(&plan, format, deny_warnings, when(now).0),
        Command::Build {
            plan,
            out,
            include_private,
            now,
            verbose,
            single_file,
        } => {
            let out = match out {
                Some(o) => o,
                None => {
                    // A link named `site` came with the plan: where it points is not
                    // the user's choice, so it is not followed.
                    let site = plan.join("site");
                    if std::fs::symlink_metadata(&site).is_ok_and(|m| m.file_type().is_symlink())
                        && single_file.is_none()
                    {
                        eprintln!(
                            "error: {} is a link, and a link that came with the plan does not choose \
                             where lifeboat writes: nothing was built. Name the output folder with \
                             -o OUT (it may be a link you made), or remove the link.",
                            site.display()
                        );
                        return ExitCode::from(2);
                    }
                    site
                }
            };
            build(
                &plan,
                &out,
                include_private,
                now,
                verbose,
                single_file.as_deref(),
            )
        }
        Command::Serve {
            plan,
            port,
            bind,
            include_private,
            poll,
            now,
        } => match lifeboat::serve::run(lifeboat::serve::Options {
            plan,
            port,
            bind,
            include_private,
            poll,
            today: when(now).0,
        }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(f) => {
                eprintln!("error: {}", f.message);
                ExitCode::from(f.code)
            }
        },
        Command::Import { what, files, out } => match what {
            ImportKind::Contacts => import_contacts(&files, &out),
        },
        Command::Export {
            what,
            plan,
            out,
            include_private,
            now,
        } => export(what, &plan, out.as_deref(), include_private, when(now).0),
        Command::Verify { site, fingerprint } => verify(&site, fingerprint.as_deref()),
    }
}

/// Today and the build time (`YYYY-MM-DDTHH:MM:SSZ`): `--now` (at midnight UTC), else
/// SOURCE_DATE_EPOCH (reproducible builds), else the system clock.
fn when(now: Option<Date>) -> (Date, String) {
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

fn build(
    dir: &Path,
    out: &Path,
    include_private: bool,
    now: Option<Date>,
    verbose: bool,
    single_file: Option<&Path>,
) -> ExitCode {
    let started = Instant::now();
    let (today, built) = when(now);
    if single_file.is_some() {
        // No site folder is written: OUT is not looked at.
    } else if let Err(e) = output::check_out_place(dir, out) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let loaded = match lifeboat::load::load(dir) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot read the plan folder {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    let t_load = started.elapsed();

    let analysis = lifeboat::analyze::analyze(&loaded.plan, today);
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(analysis.diagnostics);
    diagnostics.extend(render::unknown_overrides(&loaded.site.templates));
    let all = reports(&diagnostics, &loaded.sources);
    for r in &all {
        eprintln!("{r}");
    }
    if let Some(note) = held_back_note(&diagnostics) {
        eprintln!("note: {note}");
    }
    let errors = all.iter().filter(|r| r.severity == Severity::Error).count();
    if errors > 0 {
        eprintln!(
            "error: {errors} error{} in the plan {}: nothing was built{}",
            if errors == 1 { "" } else { "s" },
            plan_name(dir),
            untouched(out)
        );
        return ExitCode::from(1);
    }
    let t_check = started.elapsed();

    // The single file holds the assets (as data: URLs); a site folder gets them
    // copied from the plan a buffer at a time, so only their names are read here.
    let site_files = if single_file.is_some() {
        match lifeboat::load::read_site_files(&loaded.root, &loaded.site) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        lifeboat::load::SiteFiles {
            assets: (loaded.site.assets.iter())
                .map(|(rel, _)| (rel.clone(), Vec::new()))
                .collect(),
            templates: loaded.site.templates.clone(),
        }
    };
    let plan = &loaded.plan;
    let warnings = render::warnings(plan, &loaded.sources, &diagnostics, include_private);
    let options = render::Options {
        include_private,
        today,
    };
    let input = render::Input {
        plan,
        sources: &loaded.sources,
        links: &analysis.links,
        warnings: &warnings,
        assets: &site_files.assets,
        templates: &site_files.templates,
        options: &options,
    };
    if let Some(file) = single_file {
        return build_single_file(&input, file, started);
    }
    // The site goes to a temporary folder as it is rendered; the commit swaps it in.
    let staging = match output::Staging::begin(out, include_private) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    for note in &staging.notes {
        eprintln!("note: {note}");
    }
    let sink = |f: &render::SiteFile| staging.write(f).map_err(|e| e.0);
    let copied = loaded.site.assets.par_iter().try_for_each(|(rel, path)| {
        let (mut file, max) = lifeboat::load::open_asset(&loaded.root, rel, path)?;
        staging
            .copy(
                &format!("assets/{rel}"),
                &mut file,
                max,
                &format!("assets/{rel}"),
            )
            .map_err(|e| e.0)
    });
    if let Err(e) = copied {
        eprintln!("error: {e}");
        eprintln!("error: nothing was built{}", untouched(out));
        return ExitCode::from(2);
    }
    let rendered = render::render(&input, &sink);
    if let Ok(notes) = &rendered {
        for note in notes {
            // What a card could not hold is a warning; the rest are notes.
            match note.strip_prefix("warning: ") {
                Some(w) => eprintln!("warning: {w}"),
                None => eprintln!("note: {note}"),
            }
        }
    }
    if let Err(e) = rendered {
        print_render_error(&e);
        eprintln!("error: nothing was built{}", untouched(out));
        return ExitCode::from(match e {
            render::Error::Template(_) => 1,
            render::Error::Output(_) => 2,
        });
    }
    let t_render = started.elapsed();
    let (manifest, manifest_bytes) = match staging.commit(&plan.settings.info.version, &built) {
        Ok(m) => m,
        Err(e) => {
            // The message says what became of OUT.
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let pages = manifest
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .count();
    let t_write = started.elapsed();
    if verbose {
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        eprintln!("load    {:>8.1} ms", ms(t_load));
        eprintln!("check   {:>8.1} ms", ms(t_check - t_load));
        eprintln!(
            "render  {:>8.1} ms  (pages, written to a temporary folder as they are done)",
            ms(t_render - t_check)
        );
        eprintln!(
            "write   {:>8.1} ms  (manifest, swap into place)",
            ms(t_write - t_render)
        );
    }
    let items: usize = plan.counts().iter().sum();
    eprintln!(
        "Built {pages} pages ({items} items, {} warning{}) into {} in {:.2}s",
        warnings.len(),
        if warnings.len() == 1 { "" } else { "s" },
        out.display(),
        t_write.as_secs_f64()
    );
    // Whoever copies the site records this; `verify --fingerprint` checks a copy.
    println!(
        "Fingerprint (SHA-256 of manifest.json): {}",
        output::fingerprint(&manifest_bytes)
    );
    // The process ends now: freeing every item of a large plan would only cost time.
    std::mem::forget(loaded.plan);
    std::mem::forget(loaded.sources);
    std::mem::forget(analysis.links);
    ExitCode::SUCCESS
}

/// `lifeboat export`: the plan is loaded and checked as for `build` (errors stop it),
/// then one file of the communication kit goes to FILE or standard output.
fn export(
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
        ExportFormat::Ics => lifeboat::kit::ics::exercises(plan, today).into_bytes(),
        ExportFormat::Csv => lifeboat::kit::csv::directory(plan, include_private).into_bytes(),
        ExportFormat::Json => {
            let warnings = render::warnings(plan, &loaded.sources, &diagnostics, include_private);
            let options = render::Options {
                include_private,
                today,
            };
            let input = render::Input {
                plan,
                sources: &loaded.sources,
                links: &analysis.links,
                warnings: &warnings,
                assets: &[],
                templates: &[],
                options: &options,
            };
            match render::plan_json(&input) {
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

/// Writes `file` whole or not at all: a temporary file beside it, created with an
/// unpredictable name and `O_EXCL` (so that nothing planted there is written
/// through), then renamed over `file`. A file that holds private values is readable
/// by its owner only (0600); others get the usual mode (0666 less the umask).
fn write_whole(file: &Path, bytes: &[u8], private: bool) -> std::io::Result<()> {
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

/// `build --single-file FILE`: the site as one HTML file, written whole or not at all.
fn build_single_file(input: &render::Input, file: &Path, started: Instant) -> ExitCode {
    let bytes = match render::single_file(input) {
        Ok(b) => b,
        Err(e) => {
            print_render_error(&e);
            eprintln!("error: nothing was written to {}", file.display());
            return ExitCode::from(1);
        }
    };
    if file.is_dir() {
        eprintln!(
            "error: {} is a folder; --single-file takes the path of the HTML file to write",
            file.display()
        );
        return ExitCode::from(2);
    }
    if let Err(e) = write_whole(file, &bytes, input.options.include_private) {
        eprintln!("error: cannot write {}: {e}", file.display());
        return ExitCode::from(2);
    }
    eprintln!(
        "Built the whole plan as one file, {} ({} KiB), in {:.2}s",
        file.display(),
        bytes.len() / 1024,
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

/// `lifeboat import contacts`: the files read, the contact files written, and a
/// report of what was mapped, skipped and why.
fn import_contacts(files: &[PathBuf], out: &Path) -> ExitCode {
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

/// A render error as a diagnostic line: one that carries its code
/// (`error[active-content]: templates/x.html:3: ...`) as it is, others after "error: ".
fn print_render_error(e: &render::Error) {
    let text = e.to_string();
    if text.starts_with("error[") {
        eprintln!("{text}");
    } else {
        eprintln!("error: {text}");
    }
}

/// The plan folder as a person knows it: its own name, even when given as `.`.
fn plan_name(dir: &Path) -> String {
    std::fs::canonicalize(dir)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| dir.display().to_string())
}

/// ", and OUT was left as it was" when there is an OUT to speak of.
fn untouched(out: &Path) -> String {
    if std::fs::symlink_metadata(out).is_ok() {
        format!(", and {} was left as it was", out.display())
    } else {
        String::new()
    }
}

fn verify(site: &Path, fingerprint: Option<&str>) -> ExitCode {
    let m = match output::verify(site, fingerprint) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: cannot read the site {}: {e}", site.display());
            return ExitCode::from(2);
        }
    };
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

fn init(dir: &Path, minimal: bool) -> ExitCode {
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

fn check(dir: &Path, format: Format, deny_warnings: bool, today: Date) -> ExitCode {
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

/// Settings of the process. Transparent huge pages off (Linux): mimalloc asks for
/// them, and a kernel that serves them slowly (zeroing 2 MiB at a time) made `check`
/// of a large plan spend most of its time in the kernel. Memory that mimalloc frees
/// goes back to the system at once rather than after a delay: loading leaves much
/// garbage (parsed TOML), and peak memory fell by a quarter. And the default action
/// for SIGPIPE (Unix), so that `lifeboat check | head` ends quietly rather than
/// failing to print.
fn process_setup() {
    // mimalloc's `mi_option_purge_delay` (mimalloc.h, v3: the 16th option, 15).
    const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;
    unsafe extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    // SAFETY: mimalloc's own setter with a valid option; options may be set at any time.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    #[cfg(target_os = "linux")]
    // SAFETY: plain system calls with constant arguments, before any thread starts.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    #[cfg(unix)]
    // SAFETY: as above.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// mimalloc: with the system allocator, loading a 36,000-item plan on 2 threads spent
/// as much time in the kernel (page faults) as in parsing; see the README's benchmark.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
