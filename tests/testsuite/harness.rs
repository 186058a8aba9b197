//! Running the real binary on fixture plans, and snapshot files.

use std::path::{Path, PathBuf};
use std::process::Command;

pub const NOW: &str = "2026-11-24";

/// What one run of `lifeboat` printed and how it exited.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

pub fn lifeboat(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_lifeboat"))
        .args(args)
        .output()
        .expect("the lifeboat binary runs");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures(feature: &str) -> Vec<PathBuf> {
    let dir = root().join("tests/testsuite").join(feature);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable fixture folder").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

fn bless() -> bool {
    std::env::var_os("LIFEBOAT_BLESS").is_some()
}

/// Compares `actual` with the snapshot file, or rewrites it when blessing.
/// Returns a description of the difference, if any.
pub fn snapshot(path: &Path, actual: &str) -> Option<String> {
    if bless() {
        std::fs::write(path, actual).expect("write snapshot");
        return None;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    (expected != actual).then(|| {
        format!(
            "snapshot {} differs (LIFEBOAT_BLESS=1 cargo test rewrites it)\n--- expected\n{expected}--- actual\n{actual}",
            path.display()
        )
    })
}

/// A copy of the example plan (less its built site) in `dir`, to change.
pub fn example_copy(dir: &Path) -> PathBuf {
    let plan = dir.join("plan");
    copy_dir(&root().join("example-plan"), &plan);
    let _ = std::fs::remove_dir_all(plan.join("site"));
    plan
}

/// A copy of the folder `from` at `to` (a plan's built `site/` left out).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create");
    for entry in std::fs::read_dir(from).expect("read") {
        let entry = entry.expect("entry");
        if entry.file_name() == "site" {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The names in `dir` that contain `needle` (staging folders left behind, say).
pub fn names_containing(dir: &Path, needle: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(needle))
        .collect()
}

/// Builds `plan` into `out` with `--now NOW` and `extra`; the test fails with the
/// build's messages when it does. Returns the run, for its messages.
pub fn build_site(plan: &Path, out: &Path, extra: &[&str]) -> Run {
    let (p, o) = (plan.to_string_lossy(), out.to_string_lossy());
    let mut args = vec!["build", p.as_ref(), "-o", o.as_ref(), "--now", NOW];
    args.extend_from_slice(extra);
    let run = lifeboat(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run
}

/// Runs a check of `tests/browser/` (headless Chromium through playwright-core)
/// with `args`; fails with its findings unless it succeeds. Returns its last line.
pub fn node_check(script: &str, args: &[&std::ffi::OsStr]) -> String {
    assert!(
        root()
            .join("tests/browser/node_modules/playwright-core")
            .is_dir(),
        "playwright-core is missing: run `npm ci` in tests/browser and install chromium (.ci/run does both)"
    );
    let out = Command::new("node")
        .arg(root().join("tests/browser").join(script))
        .args(args)
        .output()
        .expect("node runs (install nodejs; .ci/run does)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{script} found problems:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout.lines().last().unwrap_or_default().to_string()
}

/// The number after `key=` in a check's summary line (`pages=12 problems=0`), 0 if
/// there is none.
pub fn figure(line: &str, key: &str) -> usize {
    line.split_whitespace()
        .find_map(|w| w.strip_prefix(key)?.strip_prefix('='))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The text of each page of a PDF, as `pdftotext -layout` reads it (poppler-utils;
/// `.ci/run` installs it).
pub fn pdf_pages(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils; .ci/run installs it)");
    assert!(
        out.status.success(),
        "pdftotext: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// SHA-256 in lower-case hexadecimal, as manifest.json lists it.
pub fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
