//! The command line: parses arguments and wires the stages of the library together.

mod commands;

use clap::{Parser, Subcommand};
use commands::check::Format;
use commands::export::ExportFormat;
use commands::import::ImportKind;
use commands::when;
use lifeboat::model::Date;
use std::path::PathBuf;
use std::process::ExitCode;

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

#[derive(Subcommand)]
enum LocaleCommand {
    /// Print the whole catalogue for LANG (English where LANG is not built in), to
    /// translate and save as locales/LANG.ftl in a plan
    Export {
        /// A language tag: en, de, fr, es, nl are built in; any other (pl, pt-BR)
        /// prints the English catalogue to translate
        lang: String,
    },
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
        /// Build controlled copy N of the distribution list (distribution.toml):
        /// every page shows "copy N of M" and its holder
        #[arg(long, value_name = "N")]
        copy: Option<i64>,
        /// Put contacts' private details in the site encrypted (private.js), readable
        /// in the browser with the passphrase; needs --passphrase-file or the
        /// LIFEBOAT_PASSPHRASE environment variable
        #[arg(long, conflicts_with = "include_private")]
        encrypt_private: bool,
        /// The file whose first line is the passphrase of --encrypt-private
        #[arg(long, value_name = "FILE", requires = "encrypt_private")]
        passphrase_file: Option<PathBuf>,
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
    /// What changed between two versions of a plan: each a built site or a plan
    /// folder (added, removed and changed items; old → new values; changed lines)
    Diff {
        /// The older version: a built site (with plan.json) or a plan folder
        old: PathBuf,
        /// The newer version
        new: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: commands::diff::DiffFormat,
        /// Today's date (YYYY-MM-DD), for a plan folder's dates
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        now: Option<Date>,
    },
    /// The interface's messages (Project Fluent catalogues)
    Locale {
        #[command(subcommand)]
        what: LocaleCommand,
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

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| Date::why_not(s))
}

fn main() -> ExitCode {
    process_setup();
    let cli = Cli::parse();
    match cli.command {
        Command::Init { dir, minimal } => commands::init::init(&dir, minimal),
        Command::Check {
            plan,
            format,
            deny_warnings,
            now,
        } => commands::check::check(&plan, format, deny_warnings, when(now).0),
        Command::Build {
            plan,
            out,
            include_private,
            now,
            verbose,
            single_file,
            copy,
            encrypt_private,
            passphrase_file,
        } => {
            let passphrase = if encrypt_private {
                match commands::build::passphrase(passphrase_file.as_deref()) {
                    Ok(p) => Some(p),
                    Err(e) => {
                        eprintln!("error: {e}: nothing was built");
                        return ExitCode::from(2);
                    }
                }
            } else {
                None
            };
            commands::build::run(
                &plan,
                out,
                include_private,
                now,
                verbose,
                single_file.as_deref(),
                commands::build::Controls { copy, passphrase },
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
            ImportKind::Contacts => commands::import::import_contacts(&files, &out),
        },
        Command::Export {
            what,
            plan,
            out,
            include_private,
            now,
        } => commands::export::export(what, &plan, out.as_deref(), include_private, when(now).0),
        Command::Diff {
            old,
            new,
            format,
            now,
        } => commands::diff::diff(&old, &new, format, when(now).0),
        Command::Locale {
            what: LocaleCommand::Export { lang },
        } => commands::locale::export(&lang),
        Command::Verify { site, fingerprint } => {
            commands::verify::verify(&site, fingerprint.as_deref())
        }
    }
}

/// Settings of the process. Transparent huge pages off (Linux): mimalloc asks for
/// them, and a kernel that serves them slowly (zeroing 2 MiB at a time) made `check`
/// of a large plan spend most of its time in the kernel (mimalloc is built with
/// `no_thp` too, since it asks before `main` already: 4 MiB more of every peak).
/// Memory that mimalloc frees goes back to the system at once rather than after a
/// delay: loading leaves much garbage (parsed TOML), and peak memory fell by a
/// quarter. And the default action for SIGPIPE (Unix), so that `lifeboat check |
/// head` ends quietly rather than failing to print.
fn process_setup() {
    purge_delay(0);
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

/// How long mimalloc keeps memory freed before giving it back to the system, in
/// milliseconds. Loading wants 0 (see `process_setup`); rendering frees and takes
/// back pages all the time on every thread, and giving each back at once costs the
/// kernel a TLB flush on every core: `build` sets mimalloc's default of 10 ms once
/// the plan is loaded (0.5 s less processor time and 0.6 s less system time on the
/// 10,000-runbook plan, 5 MiB more memory; see the README's benchmark).
pub(crate) fn purge_delay(ms: std::ffi::c_long) {
    // mimalloc's `mi_option_purge_delay` (mimalloc.h, v3: the 16th option, 15).
    const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;
    unsafe extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    // SAFETY: mimalloc's own setter with a valid option; options may be set at any time.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, ms) };
}

/// mimalloc: with the system allocator, loading a 36,000-item plan on 2 threads spent
/// as much time in the kernel (page faults) as in parsing; see the README's benchmark.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
