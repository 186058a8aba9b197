//! Bad input of every kind ends in diagnostics, never a panic: property tests of the
//! loader, checks and renderer on random bytes and on random TOML built from the format's
//! own keys, plus deep nesting and large files. `PROPTEST_CASES` bounds the run.

use lifeboat::diagnostic::reports;
use lifeboat::model::Date;
use lifeboat::render;
use proptest::prelude::*;
use std::path::Path;

/// Loads and analyses a plan; every position reported must exist in its file.
fn load_checked(dir: &Path) -> Vec<lifeboat::diagnostic::Report> {
    checked(dir, false)
}

/// As [`load_checked`], then renders the site, errors and all, which must not
/// panic either.
fn load_rendered(dir: &Path) -> Vec<lifeboat::diagnostic::Report> {
    checked(dir, true)
}

fn checked(dir: &Path, render_site: bool) -> Vec<lifeboat::diagnostic::Report> {
    let today = Date::new(2026, 11, 24).expect("date");
    let loaded = lifeboat::load::load(dir).expect("plan folder readable");
    let mut diags = loaded.diagnostics;
    let analysis = lifeboat::analyze::analyze(&loaded.plan, today);
    diags.extend(analysis.diagnostics);
    if render_site {
        render_all(
            &loaded.plan,
            &loaded.sources,
            &analysis.links,
            &diags,
            today,
        );
    }
    let out = reports(&diags, &loaded.sources);
    for r in &out {
        let file = r.file.as_deref().expect("every diagnostic names a file");
        if let (Some(line), Some(column)) = (r.line, r.column) {
            assert!(line >= 1 && column >= 1, "{r}");
            let text =
                std::fs::read(dir.join(file)).map(|b| String::from_utf8_lossy(&b).into_owned());
            if let Ok(text) = text {
                let lines = text.split('\n').count() as u32;
                assert!(line <= lines, "{r}: file has {lines} lines");
            }
        }
    }
    out
}

fn render_all(
    plan: &lifeboat::model::Plan,
    sources: &lifeboat::source::Sources,
    links: &lifeboat::model::Links,
    diags: &[lifeboat::diagnostic::Diagnostic],
    today: Date,
) {
    let warnings = render::warnings(plan, sources, diags, true);
    let options = render::Options {
        include_private: true,
        today,
        copy: None,
        private_script: None,
    };
    let pages = std::sync::atomic::AtomicUsize::new(0);
    let sink = |f: &render::SiteFile| {
        assert!(!f.path.is_empty() && !f.path.starts_with('/'), "{}", f.path);
        pages.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    };
    render::render(
        &render::Input {
            plan,
            sources,
            links,
            warnings: &warnings,
            assets: &[],
            templates: &[],
            options: &options,
            catalog: &render::catalog(plan, &[]),
        },
        &sink,
    )
    .expect("the theme renders any plan");
    assert!(pages.into_inner() >= 12);
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

const PLAN: &str = "[plan]\ntitle = \"T\"\norganization = \"O\"\nversion = \"1\"\n";

const KINDS: &[&str] = &[
    "contact",
    "team",
    "call_tree",
    "vendor",
    "risk",
    "service",
    "process",
    "runbook",
    "template",
    "stakeholder",
    "exercise",
    "servce",
];

const KEYS: &[&str] = &[
    "id",
    "name",
    "title",
    "tier",
    "owner",
    "team",
    "rto",
    "rpo",
    "mtpd",
    "wrt",
    "depends_on",
    "vendors",
    "strategies",
    "services",
    "runbooks",
    "participants",
    "kind",
    "status",
    "date",
    "verified",
    "phone",
    "mobile",
    "alternates",
    "likelihood",
    "impact",
    "restore_within",
    "contract_ends",
    "calls",
    "root",
    "members",
    "lead",
    "private",
    "contact",
    "finding",
    "body",
    "audience",
    "severity",
    "channel",
    "due",
    "done",
    "after",
    "safety",
    "nmae",
    "x",
];

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "\"[a-z0-9 .-]{0,10}\"",
        any::<i64>().prop_map(|n| n.to_string()),
        Just("true".to_string()),
        Just("2026-10-01".to_string()),
        Just("2026-10-01T10:00:00Z".to_string()),
        Just("10:00:00".to_string()),
        Just("1.5".to_string()),
        Just("\"4h\"".to_string()),
        Just("\"1d12h\"".to_string()),
        Just(i64::MAX.to_string()),
        Just(i64::MIN.to_string()),
        Just("\"99999999999999d\"".to_string()),
        Just("9999-12-31".to_string()),
        Just("\"+44 20 7946 0000\"".to_string()),
        prop::collection::vec("\"[a-z-]{1,6}\"", 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
        Just("{ a = 1, b = [\"x\"] }".to_string()),
        Just("[[1], [\"a\"]]".to_string()),
        Just("[{ after = \"1h\", safety = 9 }]".to_string()),
        Just("\"Call [[ana-ruiz]] or [[x|y]]\"".to_string()),
    ]
}

fn table() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(KEYS), value()), 0..8).prop_map(|kv| {
        kv.into_iter()
            .map(|(k, v)| format!("{k} = {v}\n"))
            .collect()
    })
}

fn toml_items() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(KINDS), table()), 0..6).prop_map(|items| {
        items
            .into_iter()
            .map(|(k, t)| format!("[[{k}]]\n{t}\n"))
            .collect()
    })
}

proptest! {
    #[test]
    fn random_bytes_never_panic(
        files in prop::collection::vec(
            (prop::sample::select(&["plan.toml", "services/a.md", "services/b.toml", "contacts/c.toml", "runbooks/d.md", "comms/e.md"][..]),
             prop::collection::vec(any::<u8>(), 0..400)),
            1..5)
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        for (rel, bytes) in &files {
            write(dir.path(), rel, bytes);
        }
        load_checked(dir.path());
    }

    #[test]
    fn random_items_never_panic(
        items in toml_items(),
        front in table(),
        body in "[a-z \\[\\]|`\n#>!{}<():*_-]{0,120}",
        settings in table(),
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "plan.toml", format!("{PLAN}{}\n[policy]\n{settings}", "").as_bytes());
        write(dir.path(), "services/items.toml", items.as_bytes());
        write(dir.path(), "runbooks/r.md", format!("+++\n{front}+++\n{body}").as_bytes());
        write(dir.path(), "comms/c.md", format!("+++\nkind = \"stakeholder\"\n{front}+++\n{body}").as_bytes());
        load_rendered(dir.path());
    }
}

#[test]
fn deep_nesting_is_a_syntax_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.toml", PLAN.as_bytes());
    let n = 100_000;
    let arrays = format!(
        "[[service]]\nid = \"a\"\nname = {}1{}\n",
        "[".repeat(n),
        "]".repeat(n)
    );
    write(dir.path(), "services/arrays.toml", arrays.as_bytes());
    let tables = format!("+++\nname = {}1{}\n+++\n", "{a = ".repeat(n), "}".repeat(n));
    write(dir.path(), "services/tables.md", tables.as_bytes());
    let dotted = format!("[{}]\n", vec!["a"; n].join("."));
    write(dir.path(), "contacts/dotted.toml", dotted.as_bytes());
    let out = load_checked(dir.path());
    let files: Vec<_> = out
        .iter()
        .filter(|r| r.code == "syntax")
        .filter_map(|r| r.file.clone())
        .collect();
    assert_eq!(
        files,
        [
            "contacts/dotted.toml",
            "services/arrays.toml",
            "services/tables.md"
        ],
        "{out:?}"
    );
}

#[test]
fn a_large_file_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.toml", PLAN.as_bytes());
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!(
            "[[contact]]\nid = \"c{i}\"\nname = \"Person {i}\"\nphone = \"+44 7700 9{:05}\"\n\n",
            i % 100_000
        ));
    }
    write(dir.path(), "contacts/all.toml", text.as_bytes());
    // A long Markdown body with many references.
    let body: String = (0..5_000)
        .map(|i| format!("Call [[c{i}]] then [[nobody-{i}]].\n"))
        .collect();
    write(
        dir.path(),
        "runbooks/long.md",
        format!("+++\ntitle = \"Long\"\nowner = \"c1\"\n+++\n{body}").as_bytes(),
    );
    let out = load_checked(dir.path());
    // The first of a file's diagnostics are shown, and a count of the rest.
    let max = lifeboat::diagnostic::MAX_PER_FILE;
    assert_eq!(
        out.iter().filter(|r| r.code == "unknown-reference").count(),
        max + 1
    );
    assert!(
        out.iter().any(|r| r
            .message
            .starts_with(&format!("{} more problems", 5_000 - max))),
        "{out:?}"
    );
    assert!(
        out.iter().all(|r| r.code == "unknown-reference"),
        "{:?}",
        out.first()
    );
}

#[test]
fn binary_and_odd_files_get_their_own_diagnostics() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.toml", PLAN.as_bytes());
    write(dir.path(), "services/blob.md", &[0xff, 0x00, 0xfe, 0x41]);
    // Notepad's "Unicode": UTF-16 with a byte-order mark.
    write(
        dir.path(),
        "services/notepad.md",
        &[0xff, 0xfe, b'+', 0, b'+', 0],
    );
    write(dir.path(), "services/blank.toml", b"   \n\n");
    write(dir.path(), "assets/logo.png", &[0x89, b'P', b'N', b'G']);
    write(dir.path(), "services/.hidden.md", b"ignored");
    write(
        dir.path(),
        "services/crlf.md",
        b"+++\r\nname = \"CRLF\"\r\n+++\r\nBody\r\n",
    );
    write(dir.path(), "services/photo.jpg", &[0xff, 0xd8, 0xff, 0xe0]);
    write(
        dir.path(),
        "services/bom.md",
        b"\xEF\xBB\xBF+++\nname = \"BOM\"\n+++\n",
    );
    // A sparse file over the size limit: refused without being read.
    std::fs::create_dir_all(dir.path().join("runbooks")).expect("mkdir");
    let huge = std::fs::File::create(dir.path().join("runbooks/huge.md")).expect("create");
    huge.set_len(65 * 1024 * 1024).expect("sparse file");
    let out = load_checked(dir.path());
    let got: Vec<(&str, String, String)> = out
        .iter()
        .map(|r| {
            let first = r.message.split(';').next().unwrap_or("").to_string();
            (r.code, r.file.clone().unwrap_or_default(), first)
        })
        .collect();
    let expected = [
        ("syntax", "runbooks/huge.md", "the file is 65 MiB"),
        ("syntax", "services/blank.toml", "the file is empty"),
        (
            "syntax",
            "services/blob.md",
            "the file is not UTF-8 text (byte 0 is not valid)",
        ),
        ("syntax", "services/notepad.md", "the file is UTF-16 text"),
        ("unowned", "services/bom.md", "service \"bom\" has no owner"),
        (
            "unowned",
            "services/crlf.md",
            "service \"crlf\" has no owner",
        ),
        (
            "stray-file",
            "services/photo.jpg",
            "neither Markdown (.md) nor TOML (.toml), so it is not part of the plan and not published: move documents and images to assets/ (and link them), or remove the file",
        ),
    ];
    let expected: Vec<(&str, String, String)> = expected
        .iter()
        .map(|(c, f, m)| (*c, f.to_string(), m.to_string()))
        .collect();
    assert_eq!(got, expected);
}
