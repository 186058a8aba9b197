//! Exit codes and `init`.

use crate::harness::{NOW, lifeboat, root};

#[test]
fn a_missing_plan_folder_is_a_usage_error() {
    let run = lifeboat(&["check", "/nonexistent/plan/folder"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("cannot read the plan folder"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_now_date_is_a_usage_error() {
    let plan = root().join("example-plan");
    let run = lifeboat(&["check", &plan.to_string_lossy(), "--now", "2026-13-01"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("there is no month 13"),
        "{}",
        run.stderr
    );
    let run = lifeboat(&["check", &plan.to_string_lossy(), "--now", "2027-02-29"]);
    assert!(
        run.stderr
            .contains("February 29, 2027 does not exist (February 2027 has 28 days)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_folder_without_a_plan_is_named_and_counted_as_a_person_sees_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("my-plan");
    std::fs::create_dir(&plan).expect("mkdir");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lifeboat"))
        .args(["build"])
        .current_dir(&plan)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("in the plan my-plan: nothing was built\n"),
        "{stderr}"
    );
    assert!(!stderr.contains("left as it was"), "{stderr}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lifeboat"))
        .args(["check"])
        .current_dir(&plan)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("my-plan: 1 error, 0 warnings in 0 files"),
        "{stderr}"
    );
}

#[test]
fn every_argument_and_option_has_help() {
    for command in ["init", "build", "check", "serve", "export", "verify"] {
        let run = lifeboat(&[command, "-h"]);
        assert_eq!(run.code, 0);
        // One line an argument or option: its name, then (after two spaces) what it
        // is; clap prints one without a description as its name alone.
        let lines: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("  ")).collect();
        assert!(!lines.is_empty(), "{}", run.stdout);
        for line in lines {
            let described = line
                .trim_start()
                .split_once("  ")
                .is_some_and(|(_, d)| !d.trim().is_empty());
            assert!(described, "{command}: {line:?}\n{}", run.stdout);
        }
    }
}

#[test]
fn unknown_options_are_usage_errors() {
    assert_eq!(lifeboat(&["check", "--format", "xml"]).code, 2);
    assert_eq!(lifeboat(&["frobnicate"]).code, 2);
}

#[test]
fn a_plan_without_plan_toml_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("services")).expect("mkdir");
    let run = lifeboat(&["check", &dir.path().to_string_lossy(), "--format", "json"]);
    assert_eq!(run.code, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v[0]["code"], "missing-field");
    assert_eq!(v[0]["file"], "plan.toml");
    assert_eq!(v[0]["line"], serde_json::Value::Null);
}

#[test]
fn init_writes_a_plan_that_checks_clean_of_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("new-plan");
    let run = lifeboat(&["init", &plan.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(plan.join("plan.toml").is_file());
    assert!(plan.join("runbooks/ehr-failover.md").is_file());
    assert!(plan.join("assets/dc1-floor-plan.svg").is_file());
    let check = lifeboat(&["check", &plan.to_string_lossy(), "--now", NOW]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    // Byte-identical to the example plan in the repository.
    let original = std::fs::read(root().join("example-plan/plan.toml")).expect("example plan");
    assert_eq!(
        std::fs::read(plan.join("plan.toml")).expect("written"),
        original
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().expect("temp dir");
    let keep = dir.path().join("notes.txt");
    std::fs::write(&keep, "mine").expect("write");
    let run = lifeboat(&["init", &dir.path().to_string_lossy()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not empty"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&keep).expect("still there"), "mine");
    assert!(!dir.path().join("plan.toml").exists());
}

#[test]
fn built_pages_hold_dates_not_days_from_the_build() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    let plan = root().join("example-plan");
    let run = lifeboat(&[
        "build",
        &plan.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // `check` says how far away; the site, read later, leaves that to the browser.
    assert!(run.stderr.contains("days from now"), "{}", run.stderr);
    for entry in walk(&out) {
        let text = std::fs::read_to_string(&entry).unwrap_or_default();
        assert!(!text.contains("days from now"), "{}", entry.display());
    }
    let health = std::fs::read_to_string(out.join("health.html")).expect("health");
    assert!(
        health.contains("<time class=\"relative\" datetime=\"2027-01-31\">2027-01-31</time>"),
        "{health}"
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
