//! Whole plans with several faults at once: each fault gives its own diagnostics,
//! and none of them hides or multiplies another.

use crate::harness::{NOW, fixtures, lifeboat, snapshot};

#[test]
fn northwind_with_planted_faults() {
    let case = fixtures("plans")
        .into_iter()
        .find(|p| p.ends_with("northwind-faults"))
        .expect("the northwind-faults plan");
    let run = lifeboat(&["check", &case.to_string_lossy(), "--now", NOW]);
    let shown = format!(
        "$ lifeboat check --now {NOW}\n{}exit: {}\n",
        run.stdout, run.code
    );
    if let Some(diff) = snapshot(&case.join("expected.txt"), &shown) {
        panic!("{diff}");
    }
    let mut codes: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.split_once('[')?.1.split_once(']').map(|(c, _)| c))
        .collect();
    codes.sort();
    assert_eq!(
        codes,
        [
            "contract-ending", // labcore, as in the example plan
            "no-phone",        // chen-li, once although he is in a call tree and owns a service
            "not-exercised",   // four runbooks only exercised in the 2025 walkthrough
            "not-exercised",
            "not-exercised",
            "not-exercised",
            "phone-format",        // kofi-mensah
            "plan-review-overdue", // reviewed 2026-04-01, every 180 days
            "rpo-inversion",       // admissions needs 5m from EHR and PAS
            "rpo-inversion",
            "unknown-reference", // [[julia-bergg]]
            "unowned",           // pacs
            "vendor-restore",    // radiant 12h against the PACS RTO of 8h
        ]
    );
    assert_eq!(run.code, 1, "an unknown reference is an error");
}
