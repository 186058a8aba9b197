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
    assert!(run.stderr.contains("not a date"), "{}", run.stderr);
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
fn commands_of_later_issues_say_not_yet_implemented() {
    for args in [vec!["serve"], vec!["export", "vcard"]] {
        let run = lifeboat(&args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(
            run.stderr.contains("not yet implemented"),
            "{args:?}: {}",
            run.stderr
        );
    }
}
