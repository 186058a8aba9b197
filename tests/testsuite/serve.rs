//! `lifeboat serve` run for real: a free port, pages fetched over HTTP, files of the
//! plan edited, broken and fixed, paths outside the site tried in several encodings.

use crate::harness::{NOW, build_site, example_copy, lifeboat, node_check, root};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A port nobody listens on (the system's choice, released at once).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A running `lifeboat serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(plan: &Path, extra: &[&str]) -> Server {
        Server::start_in(plan, extra, None)
    }

    /// Serve under a shell line that runs before it (`ulimit -n 256`), if any.
    fn start_in(plan: &Path, extra: &[&str], shell: Option<&str>) -> Server {
        let port = free_port();
        let dir = tempfile::tempdir().expect("temp dir");
        let log = dir.path().join("serve.log");
        let mut command = match shell {
            Some(line) => {
                let mut c = Command::new("sh");
                c.arg("-c")
                    .arg(format!("{line} && exec \"$0\" \"$@\""))
                    .arg(env!("CARGO_BIN_EXE_lifeboat"));
                c
            }
            None => Command::new(env!("CARGO_BIN_EXE_lifeboat")),
        };
        let child = command
            .arg("serve")
            .arg(plan)
            .args(["--port", &port.to_string(), "--now", NOW])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log"))
            .spawn()
            .expect("serve starts");
        let server = Server {
            child,
            port,
            log,
            _dir: dir,
        };
        let started = Instant::now();
        while get(port, "/").is_none() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "serve did not answer: {}",
                server.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn get(&self, path: &str) -> Reply {
        get(self.port, path).unwrap_or_else(|| panic!("no answer for {path}: {}", self.log()))
    }

    /// The state the long poll reports once it differs from `seen` (or after its
    /// timeout): (version, generation, error codes).
    fn wait(&self, seen: u64) -> (u64, String, Vec<String>) {
        let r = self.get(&format!("/_lifeboat/wait?v={seen}"));
        assert_eq!(r.status, 200, "{}", r.text());
        let v: serde_json::Value = serde_json::from_str(&r.text()).expect("JSON");
        let codes = v["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| {
                        format!(
                            "{} {}:{}:{}",
                            e["code"].as_str().unwrap_or_default(),
                            e["file"].as_str().unwrap_or_default(),
                            e["line"],
                            e["column"]
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        (
            v["version"].as_u64().expect("version"),
            v["generation"].as_str().unwrap_or_default().to_string(),
            codes,
        )
    }
}

struct Reply {
    status: u16,
    headers: String,
    body: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    fn header(&self, name: &str) -> Option<String> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

/// One HTTP/1.1 GET with the path sent exactly as given (no client normalises it).
fn get(port: u16, path: &str) -> Option<Reply> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(40))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).ok()?;
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let headers = head.split_once("\r\n").map_or("", |(_, h)| h).to_string();
    Some(Reply {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    })
}

/// Waits until `f` holds, or panics after a while with `what`.
fn eventually(what: &str, mut f: impl FnMut() -> bool) {
    let started = Instant::now();
    while !f() {
        assert!(started.elapsed() < Duration::from_secs(20), "{what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn version_of(page: &str) -> u64 {
    page.split("data-version=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .and_then(|v| v.parse().ok())
        .expect("the page names its version")
}

#[test]
fn an_edit_reloads_a_break_shows_the_overlay_over_the_old_site_and_a_fix_clears_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let server = Server::start(&plan, &[]);
    let page = server.get("/runbooks/ehr-failover.html");
    assert_eq!(page.status, 200);
    assert_eq!(page.header("Cache-Control").as_deref(), Some("no-store"));
    assert_eq!(
        page.header("Content-Type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    let html = page.text();
    assert!(
        html.contains("<script src=\"/_lifeboat/reload.js\""),
        "the reload script is injected"
    );
    assert!(
        html.contains("connect-src 'self'"),
        "the page may ask the server for changes"
    );
    let v = version_of(&html);
    let (_, first, _) = server.wait(v - 1);

    // An edit: the long poll reports a new generation, and the page has the change.
    let file = plan.join("runbooks/ehr-failover.md");
    let text = std::fs::read_to_string(&file).expect("runbook");
    std::fs::write(
        &file,
        text.replace(
            "Fail over the EHR to the secondary site",
            "Fail over the EHR, edited",
        ),
    )
    .expect("edit");
    let (v2, second, errors) = server.wait(v);
    assert_ne!(first, second, "a new generation");
    assert!(errors.is_empty(), "{errors:?}");
    let html = server.get("/runbooks/ehr-failover.html").text();
    assert!(
        html.contains("Fail over the EHR, edited"),
        "the new content is served"
    );
    assert!(
        server
            .get("/runbooks/index.html")
            .text()
            .contains("Fail over the EHR, edited")
    );

    // A break: the last good site is still served, with the diagnostics over it.
    std::fs::write(&file, "+++\ntitle = \"unclosed\n+++\n").expect("break");
    let (v3, third, errors) = server.wait(v2);
    assert_eq!(third, second, "the last good generation stays");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("syntax runbooks/ehr-failover.md:")),
        "{errors:?}"
    );
    let html = server.get("/runbooks/ehr-failover.html").text();
    assert!(
        html.contains("Fail over the EHR, edited"),
        "old content still served"
    );
    assert!(html.contains("id=\"lifeboat-overlay\""), "the overlay");
    assert!(
        html.contains("syntax") && html.contains("runbooks/ehr-failover.md:2:"),
        "code and place: {html}"
    );
    assert!(
        server
            .log()
            .contains("error[syntax]: runbooks/ehr-failover.md:2:"),
        "the terminal shows it too"
    );

    // The fix: a new generation, no overlay.
    std::fs::write(
        &file,
        text.replace(
            "Fail over the EHR to the secondary site",
            "Fail over the EHR, fixed",
        ),
    )
    .expect("fix");
    let (_, fourth, errors) = server.wait(v3);
    assert!(errors.is_empty(), "{errors:?}");
    assert_ne!(fourth, second);
    let html = server.get("/runbooks/ehr-failover.html").text();
    assert!(html.contains("Fail over the EHR, fixed"));
    assert!(!html.contains("lifeboat-overlay"), "the overlay is gone");
}

#[test]
fn adding_and_removing_files_work_and_editor_files_are_ignored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let server = Server::start(&plan, &[]);
    assert_eq!(server.get("/runbooks/new-one.html").status, 404);
    let v = version_of(&server.get("/index.html").text());
    std::fs::create_dir_all(plan.join("runbooks/more")).expect("mkdir");
    std::fs::write(
        plan.join("runbooks/more/new-one.md"),
        "+++\ntitle = \"A new runbook\"\nowner = \"ana-ruiz\"\n+++\n1. Call [[ana-ruiz]].\n",
    )
    .expect("add");
    eventually("the new runbook is served", || {
        server
            .get("/runbooks/new-one.html")
            .text()
            .contains("A new runbook")
    });
    assert!(
        server
            .get("/runbooks/index.html")
            .text()
            .contains("A new runbook")
    );
    let v = server.wait(v).0.max(v);
    // Editor files of every kind change nothing.
    for name in [
        ".new-one.md.swp",
        "new-one.md~",
        "4913",
        "#new-one.md#",
        ".#new-one.md",
        "new-one.md___jb_tmp___",
    ] {
        std::fs::write(plan.join("runbooks/more").join(name), "x").expect("editor file");
    }
    std::fs::write(plan.join(".DS_Store"), "x").expect("finder");
    std::thread::sleep(Duration::from_millis(700));
    let now = version_of(&server.get("/index.html").text());
    assert_eq!(now, v, "no build for editor files: {}", server.log());
    // Removing the folder removes its page.
    std::fs::remove_dir_all(plan.join("runbooks/more")).expect("rm");
    eventually("the removed runbook is gone", || {
        server.get("/runbooks/new-one.html").status == 404
    });
}

#[test]
fn paths_outside_the_site_are_404_in_every_encoding() {
    let server = Server::start(&root().join("example-plan"), &[]);
    for path in [
        "/../plan.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/plan.toml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/runbooks/%2e%2e/%2e%2e/plan.toml",
        "/runbooks%2f..%2f..%2fplan.toml",
        "/..%5c..%5cplan.toml",
        "/runbooks\\..\\..\\plan.toml",
        "/index.html%00.css",
        "//etc/passwd",
        "/plan.toml",
        "/runbooks/ehr-failover.md",
        "/site/index.html",
        "/%c0%ae%c0%ae/plan.toml",
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 404, "{path}: {}", r.text());
        assert!(
            !r.text().contains("[plan]") && !r.text().contains("root:"),
            "{path}"
        );
    }
    // And what is in the site, with its type.
    for (path, ctype) in [
        ("/", "text/html; charset=utf-8"),
        ("/runbooks/", "text/html; charset=utf-8"),
        ("/lifeboat.css", "text/css; charset=utf-8"),
        ("/lifeboat.js", "text/javascript; charset=utf-8"),
        ("/plan.json", "application/json"),
        ("/contacts.vcf", "text/vcard; charset=utf-8"),
        ("/exercises.ics", "text/calendar; charset=utf-8"),
        ("/assets/dc1-floor-plan.svg", "image/svg+xml"),
        ("/cards/index.html", "text/html; charset=utf-8"),
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("Content-Type").as_deref(), Some(ctype), "{path}");
    }
}

#[test]
fn every_file_is_served_as_build_writes_it_and_build_has_no_reload_script() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let plan = root().join("tests/testsuite/plans/kit-aangstroem");
    build_site(&plan, &site, &[]);
    let server = Server::start(&plan, &[]);
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(site.join("manifest.json")).expect("manifest"),
    )
    .expect("JSON");
    let files = manifest["files"].as_array().expect("files");
    assert!(files.len() > 20);
    for f in files {
        let path = f["path"].as_str().expect("path");
        let built = std::fs::read(site.join(path)).expect("built file");
        let text = String::from_utf8_lossy(&built);
        let lower = text.to_lowercase();
        assert!(
            !lower.contains("_lifeboat")
                && !lower.contains("reload")
                && !lower.contains("eventsource"),
            "{path}: build output has no reload script"
        );
        let served = server.get(&format!("/{path}"));
        assert_eq!(served.status, 200, "{path}");
        if path.ends_with(".html") {
            // Served pages differ by the script, and the policy that lets it connect.
            let s = served.text();
            let cut = s
                .find("<script src=\"/_lifeboat/reload.js\"")
                .expect("script");
            let end = cut + s[cut..].find("</script>\n").expect("end") + "</script>\n".len();
            let back = format!("{}{}", &s[..cut], &s[end..]).replacen(
                "connect-src 'self'",
                "connect-src 'none'",
                1,
            );
            assert!(
                back == text,
                "{path}: served differs from built beyond the script"
            );
        } else {
            assert!(served.body == built, "{path}: served differs from built");
        }
    }
}

#[test]
fn a_taken_port_is_a_clear_error_and_other_addresses_are_warned_of() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    let example = root().join("example-plan");
    let run = lifeboat(&["serve", &example.to_string_lossy(), "--port", &port]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is taken") && run.stderr.contains("--port"),
        "{}",
        run.stderr
    );
    let server = Server::start(&example, &["--bind", "0.0.0.0"]);
    assert!(
        server.log().contains("warning: serving on 0.0.0.0"),
        "{}",
        server.log()
    );
}

#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let mut server = Server::start(&root().join("example-plan"), &[]);
    // SAFETY: a signal to our own child process.
    unsafe {
        libc::kill(server.child.id() as i32, libc::SIGINT);
    }
    let started = Instant::now();
    let status = loop {
        if let Some(s) = server.child.try_wait().expect("wait") {
            break s;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "serve did not stop"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}: {}", server.log());
    assert!(server.log().contains("Stopped."));
}

/// The plan a workspace holds after edits equals the plan loaded afresh.
#[test]
fn a_workspace_after_edits_equals_a_fresh_load() {
    use lifeboat::load::{Workspace, load};
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let mut ws = Workspace::load(&plan).expect("load");
    let same = |ws: &mut Workspace, what: &str| {
        let snap = ws.snapshot();
        let fresh = load(&plan).expect("load");
        let json = |p: &lifeboat::model::Plan| serde_json::to_string(p).expect("JSON");
        assert_eq!(json(&snap.plan), json(&fresh.plan), "{what}");
        let show = |d: &[lifeboat::diagnostic::Diagnostic], s: &lifeboat::source::Sources| {
            lifeboat::diagnostic::reports(d, s)
                .iter()
                .map(|r| r.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            show(&snap.diagnostics, &snap.sources),
            show(&fresh.diagnostics, &fresh.sources),
            "{what}"
        );
        for (a, b) in snap.plan.items().zip(fresh.plan.items()) {
            assert_eq!(a.0, b.0, "{what}");
            assert_eq!(
                snap.plan.lookup(&a.1.id.value),
                fresh.plan.lookup(&b.1.id.value)
            );
        }
    };
    let edits: [(&str, &str, &str); 8] = [
        (
            "runbooks/ehr-failover.md",
            "Fail over the EHR to the secondary site",
            "Fail over, edited",
        ),
        // A TOML file with several items loses one: the items after it move up.
        (
            "contacts/people.toml",
            "[[contact]]\nid = \"chen-li\"",
            "[[team]]\nid = \"chen-li\"",
        ),
        ("services/core.toml", "name = ", "name = \"x\"\n# "),
        ("plan.toml", "version = \"2026.3\"", "version = \"2026.4\""),
        (
            "vendors/suppliers.toml",
            "[[vendor]]",
            "[[vendor]]\nbroken = 1",
        ),
        // An id used twice, an edit elsewhere that moves nothing, the duplicate gone.
        (
            "runbooks/sso-outage.md",
            "+++\n",
            "+++\nid = \"ehr-failover\"\n",
        ),
        ("runbooks/ehr-failover.md", "+++\n", "+++\n\n"),
        ("runbooks/sso-outage.md", "id = \"ehr-failover\"\n", ""),
    ];
    for (file, from, to) in edits {
        let path = plan.join(file);
        let text = std::fs::read_to_string(&path).expect(file);
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("edit");
        let whole = ws.update(&[path]).expect("update");
        assert!(!whole, "an edit re-reads only its file");
        same(&mut ws, file);
    }
    // A new file: the plan is read again.
    std::fs::write(
        plan.join("runbooks/zz-new.md"),
        "+++\ntitle = \"New\"\n+++\n",
    )
    .expect("add");
    assert!(
        ws.update(&[plan.join("runbooks/zz-new.md")])
            .expect("update")
    );
    same(&mut ws, "added");
}

#[test]
fn in_chromium_a_page_reloads_in_place_and_shows_then_clears_the_overlay() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let server = Server::start(&plan, &[]);
    let url = format!(
        "http://127.0.0.1:{}/runbooks/ehr-failover.html",
        server.port
    );
    let file = plan.join("runbooks/ehr-failover.md");
    node_check(
        "serve_check.js",
        &[std::ffi::OsStr::new(&url), file.as_os_str()],
    );
}

#[test]
fn polling_sees_edits_on_file_systems_without_events() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let server = Server::start(&plan, &["--poll"]);
    assert!(server.log().contains("by polling"), "{}", server.log());
    let file = plan.join("runbooks/sso-outage.md");
    let text = std::fs::read_to_string(&file).expect("runbook");
    let title = text
        .lines()
        .find_map(|l| l.strip_prefix("title = \""))
        .and_then(|l| l.strip_suffix('"'))
        .expect("title")
        .to_string();
    std::fs::write(&file, text.replace(&title, "Polled title")).expect("edit");
    let what = format!("the polled edit is served: {}", server.log());
    eventually(&what, || {
        server
            .get("/runbooks/sso-outage.html")
            .text()
            .contains("Polled title")
    });
}

#[test]
fn a_plan_that_does_not_build_yet_is_served_as_its_errors_until_fixed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let file = plan.join("services/ehr.md");
    let text = std::fs::read_to_string(&file).expect("service");
    std::fs::write(&file, text.replacen("tier = 1", "tier = \"one\"", 1)).expect("break");
    let port = free_port();
    let log = dir.path().join("serve.log");
    let child = Command::new(env!("CARGO_BIN_EXE_lifeboat"))
        .arg("serve")
        .arg(&plan)
        .args(["--port", &port.to_string(), "--now", NOW])
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("serve starts");
    let server = Server {
        child,
        port,
        log,
        _dir: tempfile::tempdir().expect("temp dir"),
    };
    eventually("serve answers", || get(port, "/").is_some());
    let r = server.get("/services/ehr.html");
    assert_eq!(r.status, 503);
    let html = r.text();
    assert!(
        html.contains("lifeboat-overlay") && html.contains("invalid-value"),
        "{html}"
    );
    assert!(html.contains("services/ehr.md:"), "{html}");
    std::fs::write(&file, text).expect("fix");
    eventually("the site is served once fixed", || {
        server.get("/services/ehr.html").status == 200
    });
}

#[test]
fn waiting_browsers_are_bounded() {
    let server = Server::start(&root().join("example-plan"), &[]);
    let v = version_of(&server.get("/index.html").text());
    // As many long polls as the server keeps waiting, each on its own connection.
    let held: Vec<TcpStream> = (0..64)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
            write!(
                s,
                "GET /_lifeboat/wait?v={v} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
                server.port
            )
            .expect("send");
            std::thread::sleep(Duration::from_millis(10));
            s
        })
        .collect();
    // Once they are all waiting, the next one is told at once to come back later.
    std::thread::sleep(Duration::from_millis(1000));
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    write!(
        s,
        "GET /_lifeboat/wait?v={v} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
        server.port
    )
    .expect("send");
    let mut head = [0u8; 12];
    if s.read_exact(&mut head).is_err() {
        panic!("no answer: {}", server.log());
    }
    assert_eq!(&head, b"HTTP/1.1 503");
    // Pages are still served.
    assert_eq!(server.get("/index.html").status, 200);
    drop(held);
}

#[test]
fn in_chromium_a_page_reloads_from_a_restarted_server() {
    use std::io::BufRead;
    let first = Server::start(&root().join("example-plan"), &[]);
    let port = first.port;
    let mut node = Command::new("node")
        .arg(root().join("tests/browser/serve_check.js"))
        .arg("--restart")
        .arg(format!("http://127.0.0.1:{port}/index.html"))
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs (install nodejs; .ci/run does)");
    let mut lines = std::io::BufReader::new(node.stdout.take().expect("stdout")).lines();
    let ready = lines.next().and_then(Result::ok).unwrap_or_default();
    assert_eq!(ready, "ready");
    drop(first);
    // The same port, a new server: the page finds it and reloads.
    let log = tempfile::NamedTempFile::new().expect("log");
    let mut second = Command::new(env!("CARGO_BIN_EXE_lifeboat"))
        .arg("serve")
        .arg(root().join("example-plan"))
        .args(["--port", &port.to_string(), "--now", NOW])
        .stderr(log.reopen().expect("log"))
        .spawn()
        .expect("serve starts again");
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let status = node.wait().expect("node ends");
    let _ = second.kill();
    let _ = second.wait();
    assert!(status.success(), "{rest:?}");
}

/// Sends `request` as it is and reads the whole answer: (status, head, body).
fn raw(port: u16, request: &[u8]) -> Option<(u16, String, Vec<u8>)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
    s.write_all(request).ok()?;
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let split = out.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&out[..split]).into_owned();
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, head, out[split + 4..].to_vec()))
}

#[test]
fn another_sites_page_reads_nothing_whatever_host_it_rebinds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    std::fs::write(
        plan.join("assets/drawing.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>",
    )
    .expect("svg");
    let server = Server::start(&plan, &["--include-private"]);
    let port = server.port;
    let get = |path: &str, headers: &str| {
        raw(
            port,
            format!("GET {path} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n").as_bytes(),
        )
        .unwrap_or_else(|| panic!("no answer for {path}: {}", server.log()))
    };
    // A page that rebinds its own name to 127.0.0.1 sends its own name as Host.
    for host in [
        format!("rebind.evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("localhost:{}", port + 1),
        "localhost".to_string(),
        String::new(),
    ] {
        for path in ["/plan.json", "/index.html", "/contacts/ana-ruiz.html"] {
            let (status, _, body) = get(path, &format!("Host: {host}\r\n"));
            assert_eq!(status, 421, "{host} {path}");
            let body = String::from_utf8_lossy(&body);
            assert!(!body.contains("+44") && !body.contains("Ana"), "{body}");
        }
    }
    let (status, _, _) = get("/plan.json", "");
    assert_eq!(status, 421, "no Host at all");
    // Another site's page, sent to the right address by the browser itself.
    for site in ["cross-site", "same-site"] {
        let (status, _, body) = get(
            "/search-index.js",
            &format!("Host: 127.0.0.1:{port}\r\nSec-Fetch-Site: {site}\r\n"),
        );
        assert_eq!(status, 403, "{site}");
        assert!(!String::from_utf8_lossy(&body).contains("+44"));
    }
    // The author's browser: every name of the address, every file with the same
    // policy as the built pages, nosniff, and same-origin only.
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
    ] {
        assert_eq!(get("/index.html", &format!("Host: {host}\r\n")).0, 200);
    }
    for (path, status) in [
        ("/index.html", 200),
        ("/lifeboat.js", 200),
        ("/plan.json", 200),
        ("/assets/drawing.svg", 200),
        ("/_lifeboat/reload.js", 200),
        ("/no-such-page.html", 404),
    ] {
        let (got, head, _) = get(
            path,
            &format!("Host: 127.0.0.1:{port}\r\nSec-Fetch-Site: same-origin\r\n"),
        );
        assert_eq!(got, status, "{path}");
        let head = head.to_ascii_lowercase();
        for h in [
            "content-security-policy: default-src 'none'; script-src 'self' file:",
            "x-content-type-options: nosniff",
            "cross-origin-resource-policy: same-origin",
        ] {
            assert!(head.contains(h), "{path}: no {h} in\n{head}");
        }
    }
    // The same policy as the page itself states.
    let (_, head, body) = get("/index.html", &format!("Host: 127.0.0.1:{port}\r\n"));
    let header = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Security-Policy: "))
        .expect("a policy header");
    let page = String::from_utf8_lossy(&body);
    let meta = page
        .split("http-equiv=\"Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a policy in the page");
    assert_eq!(header, meta);
}

#[cfg(unix)]
#[test]
fn idle_and_endless_clients_never_keep_the_author_out() {
    // Few file descriptors: 256, as on a locked-down laptop.
    let server = Server::start_in(&root().join("example-plan"), &[], Some("ulimit -n 256"));
    let port = server.port;
    // Hundreds of sockets that send nothing, or a byte now and then.
    let mut idle: Vec<TcpStream> = Vec::new();
    for _ in 0..400 {
        let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
        if let Ok(s) = TcpStream::connect_timeout(&addr, Duration::from_millis(300)) {
            idle.push(s);
        }
    }
    for s in idle.iter_mut().take(50) {
        let _ = s.write_all(b"GET / HTTP/1.1\r\nX-Slow: ");
    }
    assert!(idle.len() >= 200, "only {} connections", idle.len());
    // The author's browser is served within seconds, more than once.
    for _ in 0..3 {
        let t = Instant::now();
        let r = get(port, "/index.html").unwrap_or_else(|| panic!("no answer: {}", server.log()));
        assert_eq!(r.status, 200);
        assert!(
            t.elapsed() < Duration::from_secs(15),
            "the author waited {:?}",
            t.elapsed()
        );
    }
    // Idle sockets were closed by the server, not kept.
    std::thread::sleep(Duration::from_secs(4));
    let mut closed = 0;
    for s in idle.iter_mut().take(100) {
        s.set_read_timeout(Some(Duration::from_millis(50)))
            .expect("timeout");
        let mut b = [0u8; 64];
        if matches!(s.read(&mut b), Ok(0)) {
            closed += 1;
        }
    }
    assert!(closed >= 90, "{closed} of 100 idle sockets closed");
    drop(idle);
    // A request line or headers too long are refused without reading on.
    let long_line = format!(
        "GET /{} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n",
        "a".repeat(9000)
    );
    assert_eq!(raw(port, long_line.as_bytes()).map(|r| r.0), Some(414));
    let long_headers = format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{}\r\n",
        "X-Pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(400)
    );
    assert_eq!(raw(port, long_headers.as_bytes()).map(|r| r.0), Some(431));
    // An endless header: answered (431) once past 8 KiB, without waiting for its end
    // (which never comes), and the connection closed.
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let _ = s.write_all(format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX: ").as_bytes());
    let _ = s.write_all(&[b'a'; 16 * 1024]);
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    assert!(
        answer.starts_with(b"HTTP/1.1 431"),
        "{}",
        String::from_utf8_lossy(&answer[..answer.len().min(200)])
    );
    // Still serving, and still the same process.
    assert_eq!(server.get("/index.html").status, 200);
    assert!(!server.log().contains("panicked"), "{}", server.log());
}

#[test]
fn in_chromium_rebinding_and_other_sites_pages_read_nothing() {
    let server = Server::start(&root().join("example-plan"), &["--include-private"]);
    let last = node_check(
        "serve_foreign.js",
        &[std::ffi::OsStr::new(&server.port.to_string())],
    );
    assert!(last.ends_with("problems=0"), "{last}\n{}", server.log());
}
