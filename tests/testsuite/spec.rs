//! The examples of the format reference (docs/plan-format.md), put together as a
//! plan, load without a single structural error: every key they use is known and
//! every value parses. (Their references point at items the snippets leave out.)

use crate::harness::{NOW, lifeboat, root};

/// Where each section's example blocks go, in order.
const TARGETS: &[(&str, &[&str])] = &[
    ("plan.toml", &["plan.toml"]),
    ("contacts/", &["contacts/example.toml"]),
    ("services/", &["services/ehr.md"]),
    ("processes/", &["processes/admissions.md"]),
    ("vendors/", &["vendors/example.toml"]),
    ("risks/", &["risks/example.toml"]),
    ("runbooks/", &["runbooks/ehr-failover.md"]),
    (
        "comms/",
        &["comms/initial-notification.md", "comms/stakeholders.toml"],
    ),
    ("exercises/", &["exercises/2026-09-ransomware-tabletop.md"]),
];

fn example_blocks(section: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut rest = section;
    while let Some(start) = rest.find("```") {
        let after = &rest[start + 3..];
        let Some((lang, body)) = after.split_once('\n') else {
            break;
        };
        let Some(end) = body.find("```") else { break };
        if lang == "toml" || lang == "markdown" {
            blocks.push(body[..end].to_string());
        }
        rest = &body[end + 3..];
    }
    blocks
}

#[test]
fn the_format_reference_examples_load_without_structural_errors() {
    let doc = std::fs::read_to_string(root().join("docs/plan-format.md")).expect("reference");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut written = 0;
    for section in doc.split("\n### ") {
        let heading = section.lines().next().unwrap_or("").trim();
        let Some((_, paths)) = TARGETS.iter().find(|(h, _)| *h == heading) else {
            continue;
        };
        let blocks = example_blocks(section);
        assert_eq!(blocks.len(), paths.len(), "examples of {heading}");
        for (path, block) in paths.iter().zip(blocks) {
            let file = dir.path().join(path);
            std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
            std::fs::write(file, block).expect("write");
            written += 1;
        }
    }
    assert_eq!(written, 10);
    let run = lifeboat(&[
        "check",
        &dir.path().to_string_lossy(),
        "--now",
        NOW,
        "--format",
        "json",
    ]);
    let found: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).expect("JSON");
    let structural: Vec<_> = found
        .iter()
        .filter(|d| {
            let code = d["code"].as_str().unwrap_or("");
            [
                "syntax",
                "unknown-field",
                "missing-field",
                "invalid-value",
                "duplicate-id",
            ]
            .contains(&code)
        })
        .collect();
    assert!(structural.is_empty(), "{structural:#?}");
    // What is left are references to items the snippets do not define, and the
    // objectives the examples really get wrong.
    assert!(found.iter().any(|d| d["code"] == "unknown-reference"));
    let warnings: Vec<&str> = found
        .iter()
        .filter(|d| d["severity"] == "warning")
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(warnings, ["process-rto", "rpo-inversion", "vendor-restore"]);
}
