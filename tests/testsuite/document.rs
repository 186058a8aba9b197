//! Document control: approval, the record of changes (changes.toml, or git), the
//! distribution list, controlled copies (`build --copy N` on every page, in the
//! binder's PDF, in the manifest, named by `verify`), the document page, and
//! `lifeboat diff` between two versions.

use crate::harness::{NOW, build_site, example_copy, lifeboat, root};
use std::path::Path;
use std::process::Command;

fn html_files(site: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn a_controlled_copy_says_so_on_every_page_in_its_manifest_and_to_verify() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    build_site(&root().join("example-plan"), &site, &["--copy", "3"]);
    let stamp = "Copy 3 of 4, held by Chen Li";
    let pages = html_files(&site);
    assert!(pages.len() > 80);
    for p in &pages {
        let html = std::fs::read_to_string(p).expect("page");
        assert!(
            html.contains(&format!("<div class=\"copy-stamp\">{stamp}</div>")),
            "{}",
            p.display()
        );
    }
    let manifest = std::fs::read_to_string(site.join("manifest.json")).expect("manifest");
    assert!(manifest.contains("\"copy\":3,\"copy_holder\":\"Chen Li\""));
    let v = lifeboat(&["verify", &site.to_string_lossy()]);
    assert_eq!(v.code, 0, "{}", v.stderr);
    assert!(
        v.stdout.contains("copy: 3, held by Chen Li"),
        "{}",
        v.stdout
    );
    // The binder: on the title page and in every printed page's footer.
    let print = std::fs::read_to_string(site.join("print.html")).expect("print.html");
    assert!(print.contains(&format!("<dt>Copy</dt><dd>{stamp}</dd>")));
    // (The running footer is a CSS string with escapes: the PDF test reads it.)
    // A copy not on the list builds nothing.
    let bad = lifeboat(&[
        "build",
        &root().join("example-plan").to_string_lossy(),
        "-o",
        &dir.path().join("other").to_string_lossy(),
        "--copy",
        "7",
        "--now",
        NOW,
    ]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .contains("copy 7 is not on the distribution list (copies 1, 2, 3, 4)"),
        "{}",
        bad.stderr
    );
    assert!(!dir.path().join("other").exists());
}

#[test]
fn a_copy_numbered_past_the_lists_length_is_not_called_one_of_that_many() {
    // Copies 1 and 2 withdrawn, 3 and 4 renumbered 11 and 14: two copies, and
    // "Copy 14 of 2" would be nonsense.
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let list = std::fs::read_to_string(plan.join("distribution.toml")).expect("list");
    let (_, rest) = list.split_once("number = 3").expect("copy 3");
    let kept = format!(
        "[[copy]]\nnumber = 11{}",
        rest.replacen("number = 4", "number = 14", 1)
    );
    std::fs::write(plan.join("distribution.toml"), kept).expect("write");
    let site = dir.path().join("site");
    build_site(&plan, &site, &["--copy", "14"]);
    let html = std::fs::read_to_string(site.join("index.html")).expect("page");
    assert!(
        html.contains("<div class=\"copy-stamp\">Copy 14, held by Ana Ruiz</div>"),
        "{}",
        html.lines()
            .find(|l| l.contains("copy-stamp"))
            .unwrap_or_default()
    );
}

#[test]
fn every_printed_page_of_the_binder_names_its_copy_or_says_it_is_uncontrolled() {
    for (copy, expect) in [
        (Some("2"), "Copy 2 of 4, held by Ben Ode"),
        (None, "Uncontrolled copy"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("site");
        let extra: Vec<&str> = copy.map(|c| vec!["--copy", c]).unwrap_or_default();
        build_site(&root().join("example-plan"), &site, &extra);
        let pdf = dir.path().join("print.pdf");
        let out = Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", site.join("print.html").display()))
            .output()
            .expect("chromium runs (.ci/run installs it)");
        assert!(pdf.is_file(), "{}", String::from_utf8_lossy(&out.stderr));
        let pages = crate::harness::pdf_pages(&pdf);
        assert!(pages.len() > 20, "{} pages", pages.len());
        for (n, page) in pages.iter().enumerate() {
            let flat = page.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains(expect), "page {}: no \"{expect}\"", n + 1);
        }
        // Approval and the record of changes come right after the title.
        let front = pages[..2]
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(front.contains("Approved by Ben Ode"), "{front}");
        assert!(front.contains("Record of changes"), "{front}");
        assert!(front.contains("Six-monthly review"), "{front}");
    }
}

#[test]
fn the_document_page_shows_approval_record_and_distribution() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    build_site(&root().join("example-plan"), &site, &[]);
    let html = std::fs::read_to_string(site.join("document.html")).expect("document.html");
    let doc = scraper::Html::parse_document(&html);
    let text: String = doc.root_element().text().collect::<Vec<_>>().join(" ");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "Approved by Ben Ode",
        "Approved on 2026-10-02",
        "Next review 2027-03-30",
        "2026.3 2026-10-01 Ana Ruiz Six-monthly review",
        "2 Ben Ode USB stick DC2 site safe 2026-10-02",
    ] {
        assert!(flat.contains(want), "no \"{want}\" in {flat}");
    }
    // Newest first, though the file could hold them in any order.
    let (a, b) = (
        flat.find("2026.3 2026-10-01").unwrap_or(0),
        flat.find("2026.1 2026-01-15").unwrap_or(0),
    );
    assert!(a < b);
    // Linked from the start page and from every page's footer.
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    assert!(index.matches("href=\"document.html\"").count() >= 2);
    let runbook = std::fs::read_to_string(site.join("runbooks/ehr-failover.html")).expect("rb");
    assert!(runbook.contains("href=\"../document.html\""));
    // Nothing private: holders by name and work link only.
    let private = lifeboat::load::load(&root().join("example-plan")).expect("plan");
    for c in &private.plan.contacts {
        if let Some(h) = c.private.as_ref().and_then(|p| p.home_phone.as_ref()) {
            assert!(!html.contains(&h.value), "a home number on document.html");
        }
    }
}

/// A plan folder in a fresh git repository with three dated commits.
fn git_plan(dir: &Path) -> std::path::PathBuf {
    let repo = dir.join("repo");
    let plan = repo.join("plan");
    std::fs::create_dir_all(&plan).expect("mkdir");
    let git = |args: &[&str], date: &str| {
        let out = Command::new("git")
            .arg("-C")
            .arg(&repo)
            .args(args)
            .env("GIT_AUTHOR_NAME", "Ana Ruiz")
            .env("GIT_AUTHOR_EMAIL", "ana@example.org")
            .env("GIT_COMMITTER_NAME", "Ana Ruiz")
            .env("GIT_COMMITTER_EMAIL", "ana@example.org")
            .env("GIT_AUTHOR_DATE", format!("{date}T10:00:00Z"))
            .env("GIT_COMMITTER_DATE", format!("{date}T10:00:00Z"))
            .output()
            .expect("git runs (.ci/run installs it)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"], "2026-01-01");
    std::fs::write(
        plan.join("plan.toml"),
        "[plan]\ntitle = \"Git plan\"\norganization = \"Org\"\nversion = \"1\"\napproved_on = 2026-03-01\n",
    )
    .expect("plan.toml");
    git(&["add", "."], "2026-01-10");
    git(&["commit", "-q", "-m", "First issue"], "2026-01-10");
    std::fs::write(repo.join("README.md"), "not the plan\n").expect("readme");
    git(&["add", "."], "2026-02-01");
    git(&["commit", "-q", "-m", "Outside the plan"], "2026-02-01");
    std::fs::write(
        plan.join("plan.toml"),
        "[plan]\ntitle = \"Git plan\"\norganization = \"Org\"\nversion = \"2\"\napproved_on = 2026-03-01\n",
    )
    .expect("plan.toml");
    git(
        &["commit", "-q", "-am", "Version 2 <b>bold</b>"],
        "2026-04-05",
    );
    plan
}

#[test]
fn without_changes_toml_the_record_comes_from_git() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = git_plan(dir.path());
    // The commit after the approval is an unapproved change.
    let check = lifeboat(&["check", &plan.to_string_lossy(), "--now", NOW]);
    assert!(
        check
            .stdout
            .contains("warning[unapproved-changes]: plan.toml:")
            && check
                .stdout
                .contains("the commit \"Version 2 <b>bold</b>\" by Ana Ruiz is dated 2026-04-05"),
        "{}",
        check.stdout
    );
    let site = dir.path().join("site");
    build_site(&plan, &site, &[]);
    let html = std::fs::read_to_string(site.join("document.html")).expect("document.html");
    let doc = scraper::Html::parse_document(&html);
    let flat = doc.root_element().text().collect::<Vec<_>>().join(" ");
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("2026-04-05 Ana Ruiz Version 2 <b>bold</b>"),
        "{flat}"
    );
    assert!(flat.contains("2026-01-10 Ana Ruiz First issue"), "{flat}");
    assert!(
        !flat.contains("Outside the plan"),
        "a commit that did not touch the plan"
    );
    assert!(flat.contains("From the plan's git history."));
    assert!(!html.contains("<b>bold</b>"), "a commit subject is text");
    // The same repository state gives the same site.
    let again = dir.path().join("again");
    build_site(&plan, &again, &[]);
    assert_eq!(
        std::fs::read(site.join("manifest.json")).expect("m1"),
        std::fs::read(again.join("manifest.json")).expect("m2")
    );
    // Not in a git work tree: no record, no error.
    let plain = dir.path().join("plain");
    std::fs::create_dir_all(&plain).expect("mkdir");
    std::fs::copy(plan.join("plan.toml"), plain.join("plan.toml")).expect("copy");
    let check = lifeboat(&["check", &plain.to_string_lossy(), "--now", NOW]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert!(!check.stdout.contains("unapproved-changes"));
}

#[test]
fn diff_names_a_changed_number_an_added_step_and_a_removed_vendor() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old_site = dir.path().join("old");
    build_site(&root().join("example-plan"), &old_site, &[]);
    let plan = example_copy(dir.path());
    let people = plan.join("contacts/people.toml");
    let text = std::fs::read_to_string(&people).expect("people");
    std::fs::write(
        &people,
        text.replacen("+44 7700 900011", "+44 7700 900999", 1),
    )
    .expect("write");
    let rb = plan.join("runbooks/ehr-failover.md");
    let text = std::fs::read_to_string(&rb).expect("runbook");
    std::fs::write(
        &rb,
        format!("{text}\n1. Tell the service desk the EHR is back.\n"),
    )
    .expect("write");
    // A vendor no one refers to, removed.
    let vendors = plan.join("vendors/suppliers.toml");
    let v = std::fs::read_to_string(&vendors).expect("vendors");
    std::fs::write(
        &vendors,
        format!("{v}\n[[vendor]]\nid = \"old-printers\"\nname = \"Old Printers Ltd\"\nsupport_phone = \"+44 20 7946 0999\"\n"),
    )
    .expect("write");
    let with_vendor = dir.path().join("with-vendor");
    build_site(&plan, &with_vendor, &[]);
    std::fs::write(&vendors, v).expect("write");
    // Site against plan folder, in text.
    let run = lifeboat(&[
        "diff",
        &with_vendor.to_string_lossy(),
        &plan.to_string_lossy(),
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("removed vendor old-printers (Old Printers Ltd)"),
        "{}",
        run.stdout
    );
    // Old site against the changed plan: the number and the step.
    let run = lifeboat(&[
        "diff",
        &old_site.to_string_lossy(),
        &plan.to_string_lossy(),
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "changed contact ben-ode (Ben Ode)\n    phone: +44 7700 900011 → +44 7700 900999"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("    + 1. Tell the service desk the EHR is back."),
        "{}",
        run.stdout
    );
    // JSON for tools.
    let run = lifeboat(&[
        "diff",
        &old_site.to_string_lossy(),
        &plan.to_string_lossy(),
        "--format",
        "json",
        "--now",
        NOW,
    ]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let changed = json["changed"].as_array().expect("changed");
    let ben = changed
        .iter()
        .find(|c| c["id"] == "ben-ode")
        .expect("ben-ode");
    assert_eq!(ben["kind"], "contact");
    assert_eq!(ben["fields"][0]["field"], "phone");
    assert_eq!(ben["fields"][0]["new"], "+44 7700 900999");
    let rb = changed
        .iter()
        .find(|c| c["id"] == "ehr-failover")
        .expect("runbook");
    assert!(
        rb["lines"]
            .as_array()
            .expect("lines")
            .iter()
            .any(|l| l["op"] == "+")
    );
    // The same site twice: no changes. A path that is neither: exit 2.
    let same = lifeboat(&[
        "diff",
        &old_site.to_string_lossy(),
        &old_site.to_string_lossy(),
    ]);
    assert_eq!(same.stdout, "No changes.\n");
    let bad = lifeboat(&[
        "diff",
        &old_site.to_string_lossy(),
        &dir.path().to_string_lossy(),
    ]);
    assert_eq!(bad.code, 2);
}
