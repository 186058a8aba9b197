//! The built site in a real browser: headless Chromium, driven by playwright-core
//! (`tests/browser/site_check.js`; `.ci/run` installs both).

use crate::harness::{NOW, lifeboat, root};
use std::process::Command;

/// Runs the browser check on a site; fails with its findings.
fn browser_check(site: &std::path::Path) {
    let script = root().join("tests/browser/site_check.js");
    assert!(
        root()
            .join("tests/browser/node_modules/playwright-core")
            .is_dir(),
        "playwright-core is missing: run `npm ci` in tests/browser and install chromium (.ci/run does both)"
    );
    let out = Command::new("node")
        .arg(&script)
        .arg(site)
        .output()
        .expect("node runs (install nodejs; .ci/run does)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the browser found problems:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let last = stdout.lines().last().unwrap_or_default();
    assert!(last.ends_with("problems=0"), "{last}");
}

#[test]
fn the_example_site_works_in_chromium_at_phone_width() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let plan = root().join("example-plan");
    let run = lifeboat(&[
        "build",
        &plan.to_string_lossy(),
        "-o",
        &site.to_string_lossy(),
        "--now",
        NOW,
        "--include-private",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    browser_check(&site);
}
