//! `lifeboat build` and `lifeboat verify` on real plans: the pages of the spec, links
//! that resolve under file://, determinism, privacy, escaping, and the safety of
//! the output folder.

use crate::harness::{NOW, example_copy, lifeboat, root};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Builds `plan` into `out` and asserts success.
fn build(plan: &Path, out: &Path, extra: &[&str]) -> crate::harness::Run {
    let run = try_build(plan, out, extra);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    run
}

/// Builds `plan` into `out` with `--now`.
fn try_build(plan: &Path, out: &Path, extra: &[&str]) -> crate::harness::Run {
    let mut args = vec![
        "build".to_string(),
        plan.to_string_lossy().into_owned(),
        "-o".into(),
        out.to_string_lossy().into_owned(),
        "--now".into(),
        NOW.into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    lifeboat(&args)
}

/// Every file of a site, relative with `/`, with its bytes.
fn files(site: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![site.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("read") {
            let p = entry.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(site).expect("inside");
                let rel = rel.to_string_lossy().replace('\\', "/");
                out.insert(rel, fs::read(&p).expect("read file"));
            }
        }
    }
    out
}

/// The values of `attr="..."` in an HTML text (the generator always quotes with `"`).
fn attributes<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        let after = &rest[i + needle.len()..];
        let end = after.find('"').expect("closed attribute");
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Checks every link of every page as a browser opening the site from file://
/// would: relative, naming a file that exists (not a folder), `#fragment`s that
/// exist, nothing loaded from another host; and no id twice on a page.
fn check_links(site: &Path) -> usize {
    let all = files(site);
    let ids: BTreeMap<&str, BTreeSet<String>> = all
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| {
            let html = std::str::from_utf8(b).expect("UTF-8 page");
            let list: Vec<String> = attributes(html, "id").into_iter().map(unescape).collect();
            let set: BTreeSet<String> = list.iter().cloned().collect();
            assert_eq!(set.len(), list.len(), "{p}: an id appears twice");
            (p.as_str(), set)
        })
        .collect();
    let mut checked = 0;
    for (page, bytes) in all.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = std::str::from_utf8(bytes).expect("UTF-8 page");
        let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
        for (attr, url) in attributes(html, "href")
            .into_iter()
            .map(|u| ("href", u))
            .chain(attributes(html, "src").into_iter().map(|u| ("src", u)))
        {
            let url = unescape(url);
            checked += 1;
            let lower = url.to_ascii_lowercase();
            if ["mailto:", "tel:"].iter().any(|s| lower.starts_with(s)) {
                continue;
            }
            if lower.starts_with("http://") || lower.starts_with("https://") {
                assert_eq!(attr, "href", "{page}: loads {url} from another host");
                continue;
            }
            assert!(
                !lower.starts_with("//"),
                "{page}: loads {url} from another host"
            );
            assert!(
                !url.starts_with('/') && !lower.starts_with("file:") && !url.contains(':'),
                "{page}: absolute or unknown link {url}"
            );
            let (path, fragment) = match url.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (url.as_str(), None),
            };
            let target = if path.is_empty() {
                page.clone()
            } else {
                assert!(!path.ends_with('/'), "{page}: link to a folder {url}");
                let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
                for part in path.split('/') {
                    match part {
                        "." => {}
                        ".." => {
                            assert!(parts.pop().is_some(), "{page}: {url} leaves the site");
                        }
                        p => parts.push(p),
                    }
                }
                parts.join("/")
            };
            assert!(
                all.contains_key(&target),
                "{page}: {url} names no file ({target})"
            );
            if let Some(f) = fragment {
                let known = ids.get(target.as_str()).expect("fragment on an HTML page");
                assert!(
                    known.contains(f),
                    "{page}: {url}: no id \"{f}\" in {target}"
                );
            }
        }
    }
    checked
}

#[test]
fn example_plan_builds_every_page_of_the_spec() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    let run = build(&root().join("example-plan"), &out, &["--verbose"]);
    for phase in ["load ", "check ", "render ", "write "] {
        assert!(
            run.stderr
                .lines()
                .any(|l| l.starts_with(phase) && l.contains(" ms")),
            "-v prints the time of {phase}:\n{}",
            run.stderr
        );
    }
    let last = run.stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("Built ") && last.contains(" pages (") && last.contains("warning"),
        "{last}"
    );
    let site = files(&out);
    for path in [
        "index.html",
        "services/index.html",
        "recovery-order.html",
        "processes/index.html",
        "risks/index.html",
        "runbooks/index.html",
        "contacts/index.html",
        "vendors/index.html",
        "comms/index.html",
        "exercises/index.html",
        "health.html",
        "print.html",
        "plan.json",
        "manifest.json",
        "assets/dc1-floor-plan.svg",
    ] {
        assert!(site.contains_key(path), "{path} is missing");
    }
    // A page for every item of plan.json, in its folder.
    let json: serde_json::Value =
        serde_json::from_slice(&site["plan.json"]).expect("plan.json parses");
    let mut items = 0;
    for (kind, folder) in [
        ("services", "services"),
        ("processes", "processes"),
        ("runbooks", "runbooks"),
        ("contacts", "contacts"),
        ("teams", "contacts"),
        ("vendors", "vendors"),
        ("templates", "comms"),
        ("stakeholders", "comms"),
        ("exercises", "exercises"),
    ] {
        let list = json[kind].as_array().expect("a list of items");
        assert!(!list.is_empty(), "the example plan has {kind}");
        for item in list {
            let id = item["id"].as_str().expect("id");
            let page = format!("{folder}/{id}.html");
            assert!(site.contains_key(&page), "{page} is missing");
            items += 1;
        }
    }
    assert!(items > 50, "{items}");
    // Every risk has its row on the register.
    let risks = std::str::from_utf8(&site["risks/index.html"]).expect("UTF-8");
    for risk in json["risks"].as_array().expect("risks") {
        let id = risk["id"].as_str().expect("id");
        assert!(risks.contains(&format!("id=\"risk-{id}\"")), "{id}");
    }
    // Every page names the organisation, version, classification and build date.
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = std::str::from_utf8(bytes).expect("UTF-8");
        for needle in ["Northwind Health", "2026.3", "INTERNAL", "built 2026-11-24"] {
            assert!(html.contains(needle), "{path} lacks {needle}");
        }
        assert!(html.starts_with("<!DOCTYPE html>"), "{path}");
    }
}

#[test]
fn every_link_resolves_under_file_urls() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build(&root().join("example-plan"), &out, &[]);
    let checked = check_links(&out);
    assert!(checked > 1000, "only {checked} links checked");
}

#[test]
fn the_link_checker_catches_broken_links() {
    // The checker of the test above must fail on what it is meant to catch.
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path();
    fs::create_dir_all(site.join("runbooks")).expect("dir");
    fs::write(site.join("runbooks/a.html"), "<p id=\"x\">x</p>").expect("write");
    for bad in [
        "<a href=\"../runbooks/\">folder</a>",
        "<a href=\"/runbooks/a.html\">absolute</a>",
        "<a href=\"missing.html\">missing</a>",
        "<a href=\"a.html#nope\">fragment</a>",
        "<img src=\"https://example.org/x.png\">",
    ] {
        fs::write(
            site.join("index.html"),
            bad.replace("../runbooks/a.html", "runbooks/a.html")
                .replace("a.html#", "runbooks/a.html#"),
        )
        .expect("write");
        let result = std::panic::catch_unwind(|| check_links(site));
        assert!(result.is_err(), "not caught: {bad}");
    }
    fs::write(
        site.join("index.html"),
        "<a href=\"runbooks/a.html#x\">ok</a>",
    )
    .expect("write");
    assert_eq!(check_links(site), 1);
}

#[test]
fn the_same_plan_gives_the_same_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    build(&root().join("example-plan"), &a, &[]);
    build(&root().join("example-plan"), &b, &[]);
    assert_eq!(files(&a), files(&b));
    // SOURCE_DATE_EPOCH stands for --now: 2026-11-24T00:00:00Z.
    let c = dir.path().join("c");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lifeboat"))
        .args([
            "build",
            &root().join("example-plan").to_string_lossy(),
            "-o",
        ])
        .arg(&c)
        .env("SOURCE_DATE_EPOCH", "1795478400")
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(files(&a), files(&c));
}

#[test]
fn private_details_appear_only_with_include_private() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (public, private) = (dir.path().join("public"), dir.path().join("private"));
    build(&root().join("example-plan"), &public, &[]);
    build(
        &root().join("example-plan"),
        &private,
        &["--include-private"],
    );
    let secrets = [
        "7946 1234",
        "ana@home.example",
        "7946 1240",
        "nora.q@home.example",
    ];
    for (path, bytes) in files(&public) {
        let text = String::from_utf8_lossy(&bytes);
        for s in secrets {
            assert!(!text.contains(s), "{path} shows {s}");
        }
        assert!(
            !text.contains("--include-private"),
            "{path} has the private banner"
        );
    }
    let site = files(&private);
    let ana = String::from_utf8_lossy(&site["contacts/ana-ruiz.html"]).into_owned();
    assert!(ana.contains("+44 20 7946 1234") && ana.contains("ana@home.example"));
    assert!(String::from_utf8_lossy(&site["plan.json"]).contains("nora.q@home.example"));
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        assert!(
            html.contains("class=\"private-banner\""),
            "{path} does not say it holds private data"
        );
    }
}

/// A small plan whose text tries to inject HTML and script.
fn hostile_plan(dir: &Path) -> PathBuf {
    let plan = dir.join("hostile");
    fs::create_dir_all(plan.join("runbooks")).expect("dir");
    fs::create_dir_all(plan.join("contacts")).expect("dir");
    fs::write(
        plan.join("plan.toml"),
        r#"[plan]
title = "Plan <script>alert('title')</script>"
organization = "Org \" onmouseover=\"alert(1)"
version = "1"
"#,
    )
    .expect("write");
    fs::write(
        plan.join("contacts/people.toml"),
        r#"[[contact]]
id = "eve"
name = "<img src=x onerror=alert(2)>"
phone = "+44 1 \"><script>alert(3)</script>"
"#,
    )
    .expect("write");
    fs::write(
        plan.join("runbooks/evil.md"),
        r#"+++
title = "Evil <b>runbook</b>"
+++
<script>alert(4)</script>

<div onclick="alert(5)">block html</div>

Inline <span onmouseover="alert(6)">html</span> and [a link](javascript:alert(7)),
[data](data:text/html;base64,PHNjcmlwdD4=) and ![remote](https://evil.example/x.png).

Call [[eve]].

## Heading {#x onclick=alert(8)}
"#,
    )
    .expect("write");
    plan
}

#[test]
fn plan_text_cannot_inject_html_or_script() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = hostile_plan(dir.path());
    let out = dir.path().join("site");
    build(&plan, &out, &[]);
    for (path, bytes) in files(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).expect("UTF-8");
        let lower = html.to_ascii_lowercase();
        // The only scripts are the theme's own.
        let theirs = lower.matches("<script src=\"").count();
        let scripts = lower.matches("<script").count();
        assert_eq!(scripts, theirs, "{path}: an inline script");
        let theme: usize = [
            "lifeboat.js",
            "search.js",
            "checklist.js",
            "log.js",
            "fill-in.js",
        ]
        .iter()
        .map(|s| lower.matches(&format!("{s}\"></script>")).count())
        .sum();
        assert!((2..=5).contains(&scripts) && theme == scripts, "{path}");
        // Plan text may say anything, but only ever as text: every tag of the page
        // is the generator's, with no event handler and no script or data URL.
        for tag in lower
            .split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap_or_default())
        {
            let name = tag.split([' ', '\n']).next().unwrap_or_default();
            assert!(
                !["img src=x", "div", "span", "b", "iframe", "object"].contains(&name)
                    || name == "span" && tag.starts_with("span class=")
                    || name == "div" && tag.starts_with("div class="),
                "{path}: a tag from the plan: <{tag}>"
            );
            let handler = tag
                .split_whitespace()
                .skip(1)
                .any(|attr| attr.starts_with("on") && attr.contains('='));
            assert!(!handler, "{path}: an event handler in <{tag}>");
            assert!(
                !tag.contains("javascript:")
                    && !tag.contains("\"data:")
                    && !tag.contains("src=\"https://"),
                "{path}: <{tag}>"
            );
        }
        for text in [
            "<img src=x",
            "<b>runbook",
            "<div onclick",
            "<span onmouseover",
        ] {
            assert!(!lower.contains(text), "{path} contains {text}");
        }
    }
    let page = fs::read_to_string(out.join("runbooks/evil.html")).expect("page");
    // Raw HTML is shown as text, the remote image as a link.
    assert!(
        page.contains("&lt;script&gt;alert(4)&lt;/script&gt;"),
        "{page}"
    );
    assert!(page.contains("<a class=\"remote-image\" href=\"https://evil.example/x.png\">"));
    assert!(page.contains("a link") && page.contains("data"));
    check_links(&out);
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let out = dir.path().join("site");
    build(&plan, &out, &[]);
    let before = files(&out);

    // A plan error: nothing is written.
    let ehr = plan.join("services/ehr.md");
    let text = fs::read_to_string(&ehr).expect("read");
    fs::write(&ehr, text.replace("tier = 1", "tier = \"one\"")).expect("write");
    let run = try_build(&plan, &out, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error[invalid-value]"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("left as it was"), "{}", run.stderr);
    assert_eq!(files(&out), before);
    fs::write(&ehr, text).expect("restore");

    // A template error: nothing is written either, and the template is named.
    fs::create_dir_all(plan.join("templates")).expect("dir");
    fs::write(plan.join("templates/runbook.html"), "{% if %}").expect("write");
    let run = try_build(&plan, &out, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("runbook.html"), "{}", run.stderr);
    assert_eq!(files(&out), before);
    // No temporary folder is left behind.
    let leftovers: Vec<String> = fs::read_dir(dir.path())
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("lifeboat"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn only_files_lifeboat_wrote_are_deleted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let out = dir.path().join("site");

    // A folder lifeboat did not write is refused, and kept as it is.
    fs::create_dir_all(&out).expect("dir");
    fs::write(out.join("index.html"), "mine").expect("write");
    let run = try_build(&plan, &out, &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("not written by lifeboat"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(out.join("index.html")).expect("kept"),
        "mine"
    );
    fs::remove_dir_all(&out).expect("clean");

    let extra_runbook = plan.join("runbooks/extra-drill.md");
    fs::write(
        &extra_runbook,
        "+++\ntitle = \"Extra drill\"\n+++\nA drill.\n",
    )
    .expect("write");
    // A file where the site should go is refused too; an empty folder is fine.
    fs::write(&out, "a file").expect("write");
    assert_eq!(try_build(&plan, &out, &[]).code, 2);
    assert_eq!(fs::read_to_string(&out).expect("kept"), "a file");
    fs::remove_file(&out).expect("clean");
    fs::create_dir_all(&out).expect("dir");
    build(&plan, &out, &[]);
    assert!(out.join("runbooks/extra-drill.html").exists());
    // Someone adds their own files to the site folder.
    fs::write(out.join("README.txt"), "ours").expect("write");
    fs::create_dir_all(out.join("extra")).expect("dir");
    fs::write(out.join("extra/notes.md"), "ours too").expect("write");
    // A runbook leaves the plan: its page goes, their files stay.
    fs::remove_file(&extra_runbook).expect("remove");
    build(&plan, &out, &[]);
    assert_eq!(
        fs::read_to_string(out.join("README.txt")).expect("kept"),
        "ours"
    );
    assert_eq!(
        fs::read_to_string(out.join("extra/notes.md")).expect("kept"),
        "ours too"
    );
    assert!(!out.join("runbooks/extra-drill.html").exists());
    assert!(out.join("runbooks/ehr-failover.html").exists());
    let run = lifeboat(&["verify", &out.to_string_lossy()]);
    assert_eq!(run.code, 1, "the extra files are reported");
    assert!(run.stdout.contains("extra: README.txt"), "{}", run.stdout);
    assert!(!run.stdout.contains("missing:") && !run.stdout.contains("changed:"));
}

#[test]
fn a_rebuild_reflects_every_change() {
    // Unchanged files are reused from the previous build: a changed one never is.
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let out = dir.path().join("site");
    build(&plan, &out, &[]);
    let first = files(&out);
    let ehr = plan.join("services/ehr.md");
    let text = fs::read_to_string(&ehr).expect("read");
    fs::write(
        &ehr,
        text.replace("Electronic Health Record", "Electronic Patient Record"),
    )
    .expect("write");
    build(&plan, &out, &[]);
    let second = files(&out);
    let page = String::from_utf8_lossy(&second["services/ehr.html"]).into_owned();
    assert!(page.contains("Electronic Patient Record"));
    assert_ne!(first["services/ehr.html"], second["services/ehr.html"]);
    assert_eq!(
        first["runbooks/email-outage.html"],
        second["runbooks/email-outage.html"]
    );
    // A file changed by hand in the site is rewritten, not reused.
    fs::write(out.join("vendors/epicure.html"), "tampered").expect("write");
    build(&plan, &out, &[]);
    assert_eq!(
        fs::read(out.join("vendors/epicure.html")).expect("read"),
        second["vendors/epicure.html"]
    );
    assert_eq!(lifeboat(&["verify", &out.to_string_lossy()]).code, 0);
}

#[test]
fn verify_reports_missing_changed_and_extra_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build(&root().join("example-plan"), &out, &[]);
    let run = lifeboat(&["verify", &out.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("0 missing, 0 changed, 0 extra"),
        "{}",
        run.stderr
    );

    // The manifest lists every file with its SHA-256.
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("manifest.json")).expect("read")).expect("json");
    assert_eq!(manifest["plan_version"], "2026.3");
    assert_eq!(manifest["built"], "2026-11-24T00:00:00Z");
    let listed = manifest["files"].as_array().expect("files").len();
    assert_eq!(listed + 1, files(&out).len());

    fs::remove_file(out.join("runbooks/ehr-failover.html")).expect("remove");
    fs::write(out.join("index.html"), "changed").expect("write");
    fs::write(out.join("runbooks/new.html"), "extra").expect("write");
    let run = lifeboat(&["verify", &out.to_string_lossy()]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "missing: runbooks/ehr-failover.html\nchanged: index.html\nextra: runbooks/new.html\n"
    );
    assert_eq!(
        lifeboat(&["verify", &dir.path().join("nothing").to_string_lossy()]).code,
        2
    );
}

#[test]
fn a_plan_template_overrides_the_theme() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    fs::create_dir_all(plan.join("templates")).expect("dir");
    fs::write(
        plan.join("templates/runbook.html"),
        "<h1>{{ page.title }}</h1><p class=\"custom\">Our own runbook layout</p>{{ page.prose | safe }}",
    )
    .expect("write");
    let out = dir.path().join("site");
    build(&plan, &out, &[]);
    let page = fs::read_to_string(out.join("runbooks/ehr-failover.html")).expect("page");
    assert!(page.contains("Our own runbook layout"));
    assert!(
        page.contains("Before you start"),
        "the prose is still there"
    );
    let service = fs::read_to_string(out.join("services/ehr.html")).expect("page");
    assert!(!service.contains("Our own runbook layout"));
}

#[test]
fn pages_show_what_the_reader_needs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build(&root().join("example-plan"), &out, &[]);
    let read = |p: &str| fs::read_to_string(out.join(p)).expect(p);
    // A contact reference: the name and a tel: link to the number.
    let runbook = read("runbooks/ehr-failover.html");
    assert!(
        runbook.contains("<a href=\"../contacts/ben-ode.html\">Ben Ode</a> <span class=\"nobr\"><a class=\"tel\" href=\"tel:+447700900011\">"),
        "{runbook}"
    );
    assert!(runbook.contains("class=\"alert alert-warning\""));
    assert!(runbook.contains("<h2 id=\"before-you-start\">"));
    assert!(runbook.contains("<input type=\"checkbox\" class=\"step\" aria-label=\"Done\">"));
    // The start page: hotline, severities, call trees, tier-1 services.
    let start = read("index.html");
    for needle in [
        "tel:+442079460000",
        "SEV1",
        "id=\"call-tree-major-incident\"",
        "services/ehr.html",
    ] {
        assert!(start.contains(needle), "index.html lacks {needle}");
    }
    // The recovery order puts what a service needs in an earlier wave.
    let order = read("recovery-order.html");
    let wave_of = |id: &str| {
        let at = order.find(&format!("services/{id}.html")).expect(id);
        order[..at].matches("<h2>Wave ").count()
    };
    assert!(wave_of("network-core") < wave_of("db-cluster"));
    assert!(wave_of("db-cluster") < wave_of("ehr"));
    // The heat maps are inline SVG.
    let risks = read("risks/index.html");
    assert_eq!(risks.matches("<svg class=\"heat-map\"").count(), 2);
    assert!(read("processes/admissions.html").contains("<svg class=\"impact-chart\""));
    // A person's page: what they own and their place in call trees.
    let ana = read("contacts/ana-ruiz.html");
    assert!(ana.contains("Owner of runbooks") && ana.contains("In call trees"));
    let ben = read("contacts/ben-ode.html");
    assert!(
        ben.contains("called by <a href=\"../contacts/ana-ruiz.html\">Ana Ruiz</a>"),
        "{ben}"
    );
    // A template marks its placeholders and lists them once each, in order.
    let notice = read("comms/initial-notification.html");
    assert!(
        notice.contains("<span class=\"placeholder\" data-name=\"service\">{{service}}</span>")
    );
    let fill_in = notice
        .split("<dt>Fill in</dt>")
        .nth(1)
        .expect("a Fill in list");
    let names: Vec<&str> = fill_in
        .split("</dd>")
        .next()
        .unwrap_or_default()
        .split("<span class=\"placeholder\">")
        .skip(1)
        .map(|s| s.split('<').next().unwrap_or_default())
        .collect();
    assert!(
        names.contains(&"severity") && names.contains(&"service"),
        "{names:?}"
    );
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "{names:?}");
    // The navigation marks the current section.
    assert!(read("services/ehr.html").contains("<a href=\"../services/index.html\">Services</a>"));
    // Every page shows its plan version and build date.
    assert!(read("services/ehr.html").contains("version 2026.3, built 2026-11-24"));
    assert!(
        read("services/index.html")
            .contains("<a href=\"../services/index.html\" aria-current=\"page\">Services</a>")
    );
    // Plan health lists the warning, linked to the vendor.
    let health = read("health.html");
    assert!(health.contains("contract-ending") && health.contains("vendors/labcore.html"));
    // print.html is a binder: title page and contents first, then the parts; links
    // between pages go inside the document (people to the directory table).
    let print = read("print.html");
    let (title, contents) = (
        print.find("class=\"binder-title\"").expect("title page"),
        print.find("class=\"binder-contents\"").expect("contents"),
    );
    let first_part = print.find("class=\"print-part\"").expect("parts");
    assert!(title < contents && contents < first_part);
    assert!(print.contains("href=\"#page-runbooks-ehr-failover\""));
    assert!(print.contains("id=\"page-runbooks-ehr-failover\""));
    assert!(print.contains("href=\"#page-contacts-index\"") && !print.contains("href=\"../"));
    assert!(!print.contains("href=\"contacts/ben-ode.html\""));
    assert!(print.contains("id=\"ehr-failover--before-you-start\""));
    // Every printed page carries the classification, version and page number.
    assert!(print.contains("@bottom-right { content: \"Page \" counter(page)"));
    assert!(
        print.contains("Plan version 2026\\2e 3"),
        "the version, CSS-escaped"
    );
}

#[test]
fn every_fixture_plan_builds_or_is_refused() {
    // The check fixtures are small odd plans (one per diagnostic, boundaries, Unicode):
    // a plan with errors builds nothing; any other gives a site whose links resolve.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut built = 0;
    for case in crate::harness::fixtures("check") {
        let name = case
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let out = dir.path().join(&name);
        let run = try_build(&case, &out, &[]);
        let expected = fs::read_to_string(case.join("expected.txt")).expect("snapshot");
        if expected.lines().any(|l| l.starts_with("error[")) {
            assert_eq!(run.code, 1, "{name}: {}", run.stderr);
            assert!(!out.exists(), "{name}: a plan with errors wrote a site");
        } else {
            assert_eq!(run.code, 0, "{name}: {}", run.stderr);
            check_links(&out);
            built += 1;
            if name == "clean-minimal" {
                // Empty collections say so rather than draw an empty table.
                let runbooks = fs::read_to_string(out.join("runbooks/index.html")).expect("page");
                assert!(runbooks.contains("None in the plan yet."), "{runbooks}");
            }
        }
    }
    assert!(built >= 15, "only {built} fixture plans built");
}

#[test]
fn an_item_that_names_another_twice_is_listed_once_on_its_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let runbook = plan.join("runbooks/ransomware-response.md");
    let mut text = fs::read_to_string(&runbook).expect("runbook");
    text.push_str("\nCall [[ana-ruiz]] again, then [[ana-ruiz|Ana]] once more.\n");
    fs::write(&runbook, text).expect("write");
    let out = dir.path().join("site");
    build(&plan, &out, &[]);
    let page = fs::read_to_string(out.join("contacts/ana-ruiz.html")).expect("page");
    let section = page
        .split("<h2>Mentioned in runbooks</h2>")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("the runbooks that mention Ana");
    assert_eq!(
        section.matches("runbooks/ransomware-response.html").count(),
        1,
        "{section}"
    );
}
