//! `lifeboat serve`: builds the plan, serves the site from memory over HTTP, and
//! rebuilds and reloads every open page when the plan changes. Nothing is written
//! into the plan folder.
//!
//! On top of the same stages as `build`: the plan stays loaded between changes
//! ([`crate::load::Workspace`] re-reads only changed files), each build becomes a
//! [`generation::Generation`] published whole, and pages are drawn from it when
//! asked for. `watch.rs` watches the folder, `http.rs` answers browsers and
//! `server.rs` keeps their connections (and only theirs).

mod generation;
mod http;
mod server;
mod watch;

pub use http::site_path;
pub use watch::matters;

use crate::diagnostic::{Diagnostic, Report, Severity, reports};
use crate::load::{SiteFiles, SiteList, Workspace, read_site_files};
use crate::model::Date;
use crate::render::Templates;
use generation::{Generation, Published};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

pub struct Options {
    pub plan: PathBuf,
    pub port: u16,
    pub bind: String,
    pub include_private: bool,
    pub poll: bool,
    pub today: Date,
}

/// Why serve could not start: the message, and the exit code.
pub struct Failure {
    pub message: String,
    pub code: u8,
}

fn fail(code: u8, message: String) -> Failure {
    Failure { message, code }
}

/// What builds keep from one to the next while it does not change: the files of
/// `assets/` and `templates/`, and the parsed templates.
#[derive(Default)]
struct Kept {
    site: Option<(SiteList, Arc<SiteFiles>)>,
    /// Keyed by the overrides, the language and `locales/`.
    #[allow(clippy::type_complexity)]
    templates: Option<(
        (Vec<(String, String)>, String, Vec<(String, String)>),
        Templates,
    )>,
}

/// One build of the workspace as it is: a generation, or the errors that stop it
/// (every diagnostic is printed to the terminal either way). `site_changed` says
/// that something under `assets/` or `templates/` changed.
fn build(
    ws: &mut Workspace,
    o: &Options,
    kept: &mut Kept,
    site_changed: bool,
    id: String,
) -> Result<Generation, Vec<Report>> {
    let snapshot = ws.snapshot();
    let analysis = crate::analyze::analyze(&snapshot.plan, o.today);
    let mut all = snapshot.diagnostics.clone();
    all.extend(analysis.diagnostics.iter().cloned());
    all.extend(crate::render::unknown_overrides(&snapshot.site.templates));
    for r in reports(&all, &snapshot.sources) {
        eprintln!("{r}");
    }
    if let Some(note) = crate::diagnostic::held_back_note(&all) {
        eprintln!("note: {note}");
    }
    // What the browser is shown: the errors, without a private value they quote
    // unless the site includes private data (the terminal shows everything).
    let for_browser: Vec<Diagnostic> = all
        .into_iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|mut d| {
            if d.private && !o.include_private {
                d.message = format!(
                    "{} in a private detail, not shown here (served without \
                     --include-private): the terminal shows it",
                    d.code.as_str()
                );
            }
            d
        })
        .collect();
    if !for_browser.is_empty() {
        return Err(reports(&for_browser, &snapshot.sources));
    }
    let problem = |message: String| {
        vec![Report {
            severity: Severity::Error,
            code: "template",
            message,
            file: None,
            line: None,
            column: None,
        }]
    };
    let site_files = match &kept.site {
        Some((list, files)) if !site_changed && *list == snapshot.site => files.clone(),
        _ => {
            let files = Arc::new(read_site_files(&snapshot.root, &snapshot.site).map_err(problem)?);
            kept.site = Some((snapshot.site.clone(), files.clone()));
            files
        }
    };
    let lang = (snapshot.plan.settings.info.language.as_ref())
        .map_or_else(|| "en".to_string(), |l| l.value.clone());
    let key = (
        site_files.templates.clone(),
        lang,
        snapshot.site.locales.clone(),
    );
    let templates = match &kept.templates {
        Some((k, t)) if *k == key => t.clone(),
        _ => {
            let catalog = crate::render::catalog(&snapshot.plan, &snapshot.site.locales);
            let t = Templates::new(&site_files.templates, &catalog)
                .map_err(|e| problem(e.to_string()))?;
            kept.templates = Some((key, t.clone()));
            t
        }
    };
    Generation::new(
        id,
        snapshot,
        analysis,
        site_files,
        templates,
        o.include_private,
        o.today,
    )
    .map_err(problem)
}

fn is_loopback(bind: &str) -> bool {
    bind == "localhost"
        || bind
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Runs until Ctrl-C.
pub fn run(o: Options) -> Result<(), Failure> {
    let started = Instant::now();
    let mut ws = Workspace::load(&o.plan).map_err(|e| {
        fail(
            2,
            format!("cannot read the plan folder {}: {e}", o.plan.display()),
        )
    })?;
    // Unique to this process, so that a browser reloads after a restart.
    let server = format!(
        "{:x}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
            ^ u128::from(std::process::id())
    );
    let published = Arc::new(Published::default());
    let mut number = 1;
    let mut kept = Kept::default();
    match build(&mut ws, &o, &mut kept, true, format!("{server}-{number}")) {
        Ok(g) => {
            for note in g.notes() {
                eprintln!("note: {note}");
            }
            published.publish(g);
        }
        Err(errors) => {
            eprintln!(
                "error: the plan has {} error{}: serving their list until they are fixed",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            );
            published.fail(errors);
        }
    }
    let addr = format!("{}:{}", o.bind, o.port);
    // The address and port apart, so that an IPv6 address (`::1`) or a name works.
    let listener = std::net::TcpListener::bind((o.bind.as_str(), o.port)).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            fail(
                2,
                format!(
                    "port {} on {} is taken (by another lifeboat serve?): choose another with --port, e.g. --port {}",
                    o.port,
                    o.bind,
                    o.port.wrapping_add(1)
                ),
            )
        } else {
            fail(2, format!("cannot listen on {addr}: {e}"))
        }
    })?;
    if !is_loopback(&o.bind) {
        eprintln!(
            "warning: serving on {} makes the site reachable from other machines: it holds phone \
             numbers{}. Use --bind 127.0.0.1 unless you mean it.",
            o.bind,
            if o.include_private {
                " and, with --include-private, home numbers and addresses"
            } else {
                ""
            }
        );
    }
    // Events name canonical paths; so does every comparison with them.
    let plan_abs = std::fs::canonicalize(&o.plan).map_err(|e| {
        fail(
            2,
            format!("cannot read the plan folder {}: {e}", o.plan.display()),
        )
    })?;
    let watch = watch::Watch::start(&plan_abs, o.poll)
        .map_err(|e| fail(2, format!("cannot watch {}: {e}", o.plan.display())))?;
    let host = if o.bind == "0.0.0.0" || o.bind == "::" {
        "127.0.0.1".to_string()
    } else if o.bind.contains(':') {
        format!("[{}]", o.bind)
    } else {
        o.bind.clone()
    };
    eprintln!(
        "Serving {} at http://{host}:{}/ (built in {:.2}s; watching{} for changes; Ctrl-C stops)",
        o.plan.display(),
        o.port,
        started.elapsed().as_secs_f64(),
        if o.poll { ", by polling," } else { "" }
    );
    let hosts = server::Hosts::new(&o.bind, o.port);
    let stop = Arc::new(AtomicBool::new(false));
    {
        let (stop, at) = (stop.clone(), listener.local_addr().ok());
        ctrlc::set_handler(move || {
            stop.store(true, Ordering::SeqCst);
            if let Some(at) = at {
                server::wake(at);
            }
        })
        .map_err(|e| fail(2, format!("cannot handle Ctrl-C: {e}")))?;
    }
    // One build at a time: changes that arrive during a build wait for the next.
    {
        let published = published.clone();
        std::thread::spawn(move || {
            while let Some(batch) = watch.next_batch() {
                let t = Instant::now();
                let whole = match ws.update(&batch) {
                    Ok(w) => w,
                    Err(e) => {
                        eprintln!("error: cannot read the plan folder: {e}");
                        continue;
                    }
                };
                number += 1;
                let site_changed = batch.iter().any(|p| {
                    let rel = p.strip_prefix(&plan_abs).unwrap_or(p);
                    rel.starts_with("assets")
                        || rel.starts_with("templates")
                        || rel.starts_with("locales")
                });
                match build(
                    &mut ws,
                    &o,
                    &mut kept,
                    site_changed || whole,
                    format!("{server}-{number}"),
                ) {
                    Ok(g) => {
                        published.publish(g);
                        eprintln!(
                            "Rebuilt in {:.0} ms ({}{} file{} changed)",
                            t.elapsed().as_secs_f64() * 1000.0,
                            if whole { "plan read again; " } else { "" },
                            batch.len(),
                            if batch.len() == 1 { "" } else { "s" }
                        );
                    }
                    Err(errors) => {
                        eprintln!(
                            "error: {} error{}: the browser shows them over the last good site",
                            errors.len(),
                            if errors.len() == 1 { "" } else { "s" }
                        );
                        published.fail(errors);
                    }
                }
            }
        });
    }
    let waiting = Arc::new(AtomicUsize::new(0));
    let handler = move |req: &server::Request| http::handle(req, &published, &waiting);
    server::run(
        listener,
        hosts,
        // The policy of the pages as served (which may ask this server for changes):
        // the same on every answer. Framing by another site is refused already
        // (its request says `Sec-Fetch-Dest: iframe`).
        crate::render::CSP.replacen("connect-src 'none'", "connect-src 'self'", 1),
        Arc::new(handler),
        stop,
    );
    eprintln!("Stopped.");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::is_loopback;

    #[test]
    fn only_loopback_addresses_are_quiet() {
        for quiet in ["127.0.0.1", "127.0.0.2", "::1", "localhost"] {
            assert!(is_loopback(quiet), "{quiet}");
        }
        for loud in ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "example.org"] {
            assert!(!is_loopback(loud), "{loud}");
        }
    }
}
