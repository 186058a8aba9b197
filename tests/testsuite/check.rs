//! `lifeboat check` on one fixture plan per diagnostic: each fault plan yields its
//! code and no other, at the place its snapshot names; clean plans yield nothing.

use crate::harness::{NOW, Run, fixtures, lifeboat, root, snapshot};
use lifeboat::diagnostic::Code;
use std::collections::BTreeSet;

/// The code a fixture is about: the longest code its name starts with.
fn code_of(case: &str) -> Option<Code> {
    Code::ALL
        .into_iter()
        .filter(|c| case == c.as_str() || case.starts_with(&format!("{}-", c.as_str())))
        .max_by_key(|c| c.as_str().len())
}

fn check(plan: &std::path::Path, extra: &[&str]) -> Run {
    let plan = plan.to_string_lossy();
    let mut args = vec!["check", &plan, "--now", NOW];
    args.extend(extra);
    lifeboat(&args)
}

/// `code` of each `severity[code]: ...` line.
fn codes(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|l| Some(l.split_once('[')?.1.split_once(']')?.0.to_string()))
        .collect()
}

#[test]
fn every_fixture_matches_its_snapshot_and_only_its_code() {
    let mut failures = Vec::new();
    let mut covered = BTreeSet::new();
    for case in fixtures("check") {
        let name = case
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let run = check(&case, &[]);
        let shown = format!(
            "$ lifeboat check --now {NOW}\n{}exit: {}\n",
            run.stdout, run.code
        );
        if let Some(diff) = snapshot(&case.join("expected.txt"), &shown) {
            failures.push(diff);
        }
        let found = codes(&run.stdout);
        match code_of(&name) {
            Some(code) => {
                covered.insert(code.as_str());
                if found.is_empty() || found.iter().any(|c| c != code.as_str()) {
                    failures.push(format!(
                        "{name}: expected only {} but got {found:?}",
                        code.as_str()
                    ));
                }
                let expected_exit = match code.severity() {
                    lifeboat::diagnostic::Severity::Error => 1,
                    lifeboat::diagnostic::Severity::Warning => 0,
                };
                if run.code != expected_exit {
                    failures.push(format!(
                        "{name}: exit {} instead of {expected_exit}",
                        run.code
                    ));
                }
            }
            None => {
                assert!(name.starts_with("clean-"), "fixture {name} names no code");
                if !found.is_empty() || run.code != 0 {
                    failures.push(format!(
                        "{name}: a clean plan gave {found:?}, exit {}",
                        run.code
                    ));
                }
            }
        }
    }
    let missing: Vec<_> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !covered.contains(c))
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn json_output_names_the_same_places_as_text() {
    for case in fixtures("check") {
        let text = check(&case, &[]);
        let json = check(&case, &["--format", "json"]);
        assert_eq!(text.code, json.code, "{}", case.display());
        let items: Vec<serde_json::Value> = serde_json::from_str(&json.stdout)
            .unwrap_or_else(|e| panic!("{}: not JSON: {e}\n{}", case.display(), json.stdout));
        let from_json: Vec<String> = items
            .iter()
            .map(|d| {
                let place = match (&d["file"], &d["line"], &d["column"]) {
                    (
                        serde_json::Value::String(f),
                        serde_json::Value::Number(l),
                        serde_json::Value::Number(c),
                    ) => {
                        format!("{f}:{l}:{c}: ")
                    }
                    (
                        serde_json::Value::String(f),
                        serde_json::Value::Null,
                        serde_json::Value::Null,
                    ) => format!("{f}: "),
                    other => panic!("bad location {other:?}"),
                };
                format!(
                    "{}[{}]: {place}{}",
                    d["severity"].as_str().unwrap_or("?"),
                    d["code"].as_str().unwrap_or("?"),
                    d["message"].as_str().unwrap_or("?")
                )
            })
            .collect();
        let from_text: Vec<String> = text.stdout.lines().map(String::from).collect();
        assert_eq!(from_json, from_text, "{}", case.display());
    }
}

#[test]
fn json_has_the_spec_fields() {
    let run = check(
        &root().join("tests/testsuite/check/unknown-reference"),
        &["--format", "json"],
    );
    let expected = serde_json::json!([{
        "severity": "error",
        "code": "unknown-reference",
        "message": "unknown contact \"ana-ruis\" (did you mean \"ana-ruiz\"?)",
        "file": "services/ehr.md",
        "line": 5,
        "column": 9
    }]);
    let actual: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(actual, expected);
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let case = root().join("tests/testsuite/check/rto-inversion");
    assert_eq!(check(&case, &[]).code, 0);
    assert_eq!(check(&case, &["--deny-warnings"]).code, 1);
    let clean = root().join("tests/testsuite/check/clean-minimal");
    assert_eq!(check(&clean, &["--deny-warnings"]).code, 0);
}

#[test]
fn the_example_plan_has_no_errors_and_only_its_planned_warning() {
    let run = check(&root().join("example-plan"), &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(codes(&run.stdout), ["contract-ending"], "{}", run.stdout);
    assert!(
        run.stdout.contains("vendors/suppliers.toml:"),
        "{}",
        run.stdout
    );
}

#[test]
fn dates_depend_on_now() {
    let case = root().join("tests/testsuite/check/plan-review-overdue");
    let before = lifeboat(&["check", &case.to_string_lossy(), "--now", "2026-03-31"]);
    assert_eq!(codes(&before.stdout), Vec::<String>::new());
    let after = lifeboat(&["check", &case.to_string_lossy(), "--now", "2026-04-02"]);
    assert_eq!(codes(&after.stdout), ["plan-review-overdue"]);
}
