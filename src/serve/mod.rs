//! `lifeboat serve`: builds the plan, serves the site from memory over HTTP, and
//! rebuilds and reloads every open page when the plan changes. Nothing is written
//! into the plan folder.
//!
//! On top of the same stages as `build`: the plan stays loaded between changes
//! ([`crate::load::Workspace`] re-reads only changed files), each build becomes a
//! [`generation::Generation`] published whole, and pages are drawn from it when
//! asked for. `watch.rs` watches the folder, `http.rs` answers browsers.

mod generation;
mod http;
mod watch;

pub use http::site_path;
pub use watch::matters;

use crate::diagnostic::{Report, Severity, reports};
use crate::load::{Workspace, read_site_files};
use crate::model::Date;
use generation::{Generation, Published};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
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

/// One build of the workspace as it is: a generation, or the errors that stop it
/// (every diagnostic is printed to the terminal either way).
fn build(
    ws: &Workspace,
    o: &Options,
    server: &str,
    number: u64,
) -> Result<Generation, Vec<Report>> {
    let snapshot = ws.snapshot();
    let analysis = crate::analyze::analyze(&snapshot.plan, o.today);
    let mut all = snapshot.diagnostics.clone();
    all.extend(analysis.diagnostics.iter().cloned());
    all.extend(crate::render::unknown_overrides(&snapshot.site.templates));
    let shown = reports(&all, &snapshot.sources);
    let errors: Vec<Report> = shown
        .iter()
        .filter(|r| r.severity == Severity::Error)
        .cloned()
        .collect();
    for r in &shown {
        eprintln!("{r}");
    }
    if !errors.is_empty() {
        return Err(errors);
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
    let site_files = read_site_files(&snapshot.root, &snapshot.site).map_err(problem)?;
    Generation::new(
        format!("{server}-{number}"),
        snapshot,
        analysis,
        site_files,
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
    match build(&ws, &o, &server, number) {
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
    let listener = std::net::TcpListener::bind(&addr).map_err(|e| {
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
    let server_http = Arc::new(
        tiny_http::Server::from_listener(listener, None)
            .map_err(|e| fail(2, format!("cannot listen on {addr}: {e}")))?,
    );
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
    let watch = watch::Watch::start(&o.plan, o.poll)
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
    {
        let s = server_http.clone();
        ctrlc::set_handler(move || s.unblock())
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
                match build(&ws, &o, &server, number) {
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
    for req in server_http.incoming_requests() {
        let published = published.clone();
        let waiting = waiting.clone();
        std::thread::spawn(move || http::handle(req, &published, &waiting));
    }
    eprintln!("Stopped.");
    Ok(())
}
