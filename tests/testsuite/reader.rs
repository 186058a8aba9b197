//! The reader in an outage: search, the phone's first screen, live checklists, the
//! incident log, the binder, the single file, the offline copy and accessibility.
//! The browser parts run `tests/browser/reader_check.js` in headless Chromium.

use crate::harness::{NOW, build_site, example_copy, lifeboat, node_check, root};
use std::path::{Path, PathBuf};

fn plan(name: &str) -> PathBuf {
    root().join("tests/testsuite/plans").join(name)
}

/// Runs reader_check.js with `config`; returns its last line.
fn reader_check(dir: &Path, config: serde_json::Value) -> String {
    let file = dir.join("reader-config.json");
    std::fs::write(&file, config.to_string()).expect("write config");
    node_check("reader_check.js", &[file.as_os_str()])
}

fn single_file(plan: &Path, file: &Path, extra: &[&str]) {
    let mut args = vec![
        "build",
        plan.to_str().expect("path"),
        "--single-file",
        file.to_str().expect("path"),
        "--now",
        NOW,
    ];
    args.extend(extra);
    let run = lifeboat(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// The main pages axe-core looks at.
fn main_pages(site: &Path) -> Vec<String> {
    let mut pages: Vec<String> = [
        "index.html",
        "runbooks/index.html",
        "contacts/index.html",
        "services/index.html",
        "recovery-order.html",
        "vendors/index.html",
        "risks/index.html",
        "comms/index.html",
        "health.html",
        "log.html",
        "print.html",
        "cards/index.html",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for folder in ["runbooks", "contacts", "services", "call-trees", "comms"] {
        let mut files: Vec<String> = std::fs::read_dir(site.join(folder))
            .expect("folder")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".html") && n != "index.html")
            .collect();
        files.sort();
        pages.extend(files.into_iter().take(1).map(|f| format!("{folder}/{f}")));
    }
    pages
}

#[test]
fn the_example_in_chromium_search_checklists_log_single_file_offline_and_axe() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let site = dir.path().join("site");
    build_site(&plan, &site, &[]);
    // The same plan published again as a new version, for the offline copy to pick up.
    let toml = std::fs::read_to_string(plan.join("plan.toml")).expect("plan.toml");
    std::fs::write(
        plan.join("plan.toml"),
        toml.replacen("version = \"2026.3\"", "version = \"2026.4\"", 1),
    )
    .expect("write");
    let site2 = dir.path().join("site2");
    build_site(&plan, &site2, &[]);
    let one = dir.path().join("one.html");
    single_file(&plan, &one, &[]);
    // A copy built long ago: its pages say it is old, in a browser on 2026-12-01.
    let old = dir.path().join("old");
    let run = lifeboat(&[
        "build",
        plan.to_str().expect("path"),
        "-o",
        old.to_str().expect("path"),
        "--now",
        "2026-01-05",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let last = reader_check(
        dir.path(),
        serde_json::json!({
            "site": site,
            "old": old,
            "today": "2026-12-01",
            "searches": [
                ["Ruiz", "Ana Ruiz"],
                ["7700 900001", "Ana Ruiz", "7700 900001"],
                ["7700900001", "Ana Ruiz"],
                // As dialled at home, with the trunk 0, and from abroad: the number
                // is marked whole in the contact's facts.
                ["07700 900001", "Ana Ruiz", "7700 900001"],
                ["0044 7700 900001", "Ana Ruiz", "44 7700 900001"],
                ["failover secondary", "Fail over the EHR"],
                ["immutable", "Backup"],
                ["Epicure", "Epicure"],
            ],
            "single": one,
            "runbooks": ["Fail over the EHR to the secondary site", "Ransomware: first response"],
            "log": true,
            "axe": main_pages(&site),
            "serve": true,
            "offline": site2,
        }),
    );
    assert!(last.ends_with("problems=0"), "{last}");
}

#[test]
fn other_plans_search_beyond_ascii_and_pass_axe_light_and_dark() {
    // Names beyond ASCII (a folded query finds them), long labels, another layout.
    for (name, searches) in [
        (
            "kit-aangstroem",
            serde_json::json!([
                ["angstrom", "Zoë Ångström", "Ångström"],
                ["nunez", "José Núñez"],
                ["111 11 11", "Zoë Ångström"],
                ["Meddela", "Larmrutin"],
            ]),
        ),
        (
            "stress-muehlenbach",
            serde_json::json!([
                ["wroblewski", "Łukasz Wróblewski-Szczepańska"],
                ["7551 100 001", "Wang Xiaoming"],
                ["Replikation", "Wiederanlauf des Netzleitsystems"],
            ]),
        ),
        ("water-utility-us", serde_json::json!([["SCADA", "SCADA"]])),
        (
            // Japanese, with no space between words: a word inside a sentence.
            "tokai-suido-ja",
            serde_json::json!([
                [
                    "手動運転",
                    "中央監視制御システム停止時の浄水場手動運転への切替手順(第一・第二浄水場共通)"
                ],
                [
                    "監視制御",
                    "中央監視制御システム(浄水場・配水池・ポンプ場の遠隔監視制御)",
                    // Marked in the middle of the name.
                    "監視制御"
                ],
                ["当直", "中央監視制御 当直班(二十四時間三交代)"],
                ["一郎", "佐藤 一郎"],
                ["052-123-4002", "佐藤 一郎", "52-123-4002"],
            ]),
        ),
        (
            "klinikum-nord-de",
            serde_json::json!([["gross", "Jürgen Groß"]]),
        ),
        (
            // French: apostrophes ’ and accents, found as typed on any keyboard.
            "metropole-loire-fr",
            serde_json::json!([
                ["ndiaye", "Jean-Baptiste N’Diaye"],
                ["etat civil", "Logiciel d’état civil"],
                ["rancongiciel", "Rançongiciel : les gestes"],
            ]),
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("site");
        build_site(&plan(name), &site, &[]);
        let one = dir.path().join("one.html");
        single_file(&plan(name), &one, &[]);
        let last = reader_check(
            dir.path(),
            serde_json::json!({
                "site": site,
                "searches": searches,
                "single": one,
                "axe": main_pages(&site),
            }),
        );
        assert!(last.ends_with("problems=0"), "{name}: {last}");
    }
}

/// The search index as JSON.
fn index(site: &Path) -> serde_json::Value {
    let js = std::fs::read_to_string(site.join("search-index.js")).expect("index");
    let json = js
        .split_once("window.lifeboatIndex = ")
        .expect("a script that sets window.lifeboatIndex")
        .1
        .trim_end()
        .trim_end_matches(';');
    serde_json::from_str(json).expect("JSON")
}

#[test]
fn the_index_holds_no_private_value_unless_asked_and_stays_small() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = plan("kit-aangstroem");
    let site = dir.path().join("site");
    build_site(&plan, &site, &[]);
    let text = std::fs::read_to_string(site.join("search-index.js")).expect("index");
    for private in ["4689999991", "zoe.hemlig", "46709999992", "hemlig"] {
        assert!(
            !text.contains(private),
            "{private} in a default build's index"
        );
    }
    let with = dir.path().join("private");
    build_site(&plan, &with, &["--include-private"]);
    let text = std::fs::read_to_string(with.join("search-index.js")).expect("index");
    assert!(text.contains("4689999991") && text.contains("hemlig"));
    // Words are folded; each person's numbers are kept as digits to match fragments.
    let idx = index(&site);
    // Plan text holds `<` (`Ana Lind; Söderberg, "Jr"` has none, the stress plan's
    // prose some): never raw in the script, which the single file puts inline.
    assert!(
        !std::fs::read_to_string(site.join("search-index.js"))
            .expect("index")
            .contains('<')
    );
    let words: Vec<&str> = idx["w"]
        .as_array()
        .expect("words")
        .iter()
        .filter_map(|w| w.as_str())
        .collect();
    assert!(words.contains(&"angstrom") && words.contains(&"nunez"));
    assert!(
        !words
            .iter()
            .any(|w| w.chars().any(|c| !c.is_lowercase() && c.is_alphabetic()))
    );
    let zoe = idx["d"]
        .as_array()
        .expect("docs")
        .iter()
        .find(|d| d[1] == "Zoë Ångström")
        .expect("Zoë");
    assert_eq!(zoe[2], "contacts/zoe-angstrom.html");
    assert!(zoe[4].as_str().expect("digits").contains("46701111111"));
    // Excerpts, never whole bodies: no target's text is longer than a line.
    for t in idx["t"].as_array().expect("targets") {
        assert!(t[3].as_str().expect("excerpt").chars().count() <= 65, "{t}");
    }
}

#[test]
fn the_single_file_holds_every_page_inline_and_nothing_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = root().join("example-plan");
    let one = dir.path().join("one.html");
    single_file(&plan, &one, &[]);
    let html = std::fs::read_to_string(&one).expect("single file");
    // One document: no file of the site referred to, scripts and style inline, each
    // script allowed by its hash.
    for external in [
        "src=\"lifeboat.js",
        "href=\"lifeboat.css",
        "src=\"search-index.js",
    ] {
        assert!(!html.contains(external), "{external} in the single file");
    }
    for (at, _) in html.match_indices(" href=\"") {
        let value = html[at + 7..].split('"').next().unwrap_or_default();
        assert!(
            value.starts_with('#') || value.contains(':'),
            "a link to another file in the single file: {value}"
        );
    }
    let scripts = html.matches("<script>").count();
    assert_eq!(scripts, 6, "the index and five theme scripts");
    assert_eq!(html.matches("'sha256-").count(), scripts);
    assert!(
        html.contains("data-single-file") && html.contains("id=\"page-runbooks-ehr-failover\"")
    );
    // Every page of the site but the Letter sheets is a section.
    let site = dir.path().join("site");
    build_site(&plan, &site, &[]);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("manifest.json")).expect("m"))
            .expect("JSON");
    for f in manifest["files"].as_array().expect("files") {
        let path = f["path"].as_str().expect("path");
        if path.ends_with(".html") && !["print.html", "cards/letter.html"].contains(&path) {
            let id = format!(
                "id=\"page-{}\"",
                path.trim_end_matches(".html").replace('/', "-")
            );
            assert!(html.contains(&id), "{path} is not in the single file");
        }
    }
    // The same plan and --now give the same bytes.
    let again = dir.path().join("again.html");
    single_file(&plan, &again, &[]);
    assert_eq!(std::fs::read(&again).expect("again"), html.as_bytes());
    // With -o it is refused as wrong usage; a plan with errors writes nothing.
    let run = lifeboat(&[
        "build",
        plan.to_str().expect("path"),
        "-o",
        dir.path().join("x").to_str().expect("path"),
        "--single-file",
        dir.path().join("y.html").to_str().expect("path"),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    // A folder in FILE's place is wrong usage, said plainly.
    let run = lifeboat(&[
        "build",
        plan.to_str().expect("path"),
        "--single-file",
        dir.path().to_str().expect("path"),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("is a folder"), "{}", run.stderr);
    let broken = example_copy(&dir.path().join("broken"));
    std::fs::write(
        broken.join("runbooks/bad.md"),
        "+++\ntitle = \"x\"\nowner = \"nobody\"\n+++\n",
    )
    .expect("write");
    let out = dir.path().join("broken.html");
    let run = lifeboat(&[
        "build",
        broken.to_str().expect("path"),
        "--single-file",
        out.to_str().expect("path"),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!out.exists());
}

#[test]
fn print_html_is_a_binder_with_classification_version_and_page_numbers_on_every_page() {
    for name in [
        "example",
        "stress-muehlenbach",
        "water-utility-us",
        "klinikum-nord-de",
        "galil-he",
        "tokai-suido-ja",
        "metropole-loire-fr",
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = if name == "example" {
            root().join("example-plan")
        } else {
            plan(name)
        };
        let site = dir.path().join("site");
        build_site(&plan, &site, &[]);
        let pdf = dir.path().join("print.pdf");
        let last = reader_check(
            dir.path(),
            serde_json::json!({ "site": site, "phone": false, "pdf": pdf }),
        );
        assert!(last.ends_with("problems=0"), "{last}");
        let pages = crate::harness::pdf_pages(&pdf);
        let toml = std::fs::read_to_string(plan.join("plan.toml")).expect("plan.toml");
        let field = |key: &str| -> String {
            toml.lines()
                .find_map(|l| {
                    l.strip_prefix(key)?
                        .trim()
                        .strip_prefix('=')?
                        .trim()
                        .strip_prefix('"')?
                        .split('"')
                        .next()
                })
                .expect(key)
                .to_string()
        };
        let (class, version) = (field("classification"), field("version"));
        // The running footer in the plan's language.
        let lang = toml
            .lines()
            .find_map(|l| l.strip_prefix("language")?.split('"').nth(1))
            .unwrap_or("en");
        let catalog = lifeboat::i18n::Catalog::new(lang, &[]);
        // (Without the marks that set a value, or English in a right-to-left
        // plan's place, apart: the PDF's text has no such characters.)
        let bare_marks =
            |s: String| s.replace(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'], "");
        let version_line = bare_marks(catalog.format(
            "binder-page-footer",
            &[("version", version.as_str().into())],
        ));
        let (page_word, of_word) = (
            bare_marks(catalog.text("binder-page")),
            bare_marks(catalog.text("binder-of")),
        );
        assert!(pages.len() >= 5, "{name}: {} pages", pages.len());
        // The realistic plan (about 100 items) fits in 90 A4 pages.
        if name == "example" {
            assert!(pages.len() <= 90, "{name}: {} pages", pages.len());
        }
        for (n, page) in pages.iter().enumerate() {
            let flat = page.split_whitespace().collect::<Vec<_>>().join(" ");
            // pdftotext keeps the invisible marks of a right-to-left page.
            let flat = bare_marks(flat).replace(['\u{202a}', '\u{202b}', '\u{202c}'], "");
            // The title page has no running header; it shows the classification in
            // large type, which may wrap.
            let first_word = class.split_whitespace().next().unwrap_or_default();
            // pdftotext sets spaces around a Latin parenthesis in Japanese text of
            // the letter-spaced banner: compared without spaces, the letters in order.
            let bare = |s: &str| s.split_whitespace().collect::<String>();
            assert!(
                flat.contains(&class)
                    || bare(&flat).contains(&bare(&class))
                    || (n == 0 && flat.contains(first_word)),
                "{name}: page {} has no {class}",
                n + 1
            );
            assert!(
                flat.contains(&version_line),
                "{name}: page {} has no version",
                n + 1
            );
            assert!(
                flat.contains(&format!("{page_word} {} {of_word} {}", n + 1, pages.len())),
                "{name}: page {} has no number",
                n + 1
            );
        }
        // No nearly empty page but the last: no part, empty, short or long, starts a
        // page of its own (the running header and footer do not count; the title page
        // is meant to be sparse).
        let sparse: Vec<usize> = pages
            .iter()
            .enumerate()
            .take(pages.len() - 1)
            .skip(1)
            .filter(|(_, page)| {
                let body: usize = page
                    .lines()
                    .filter(|l| !l.contains(&version_line) && !l.contains(&class))
                    .map(|l| l.split_whitespace().collect::<String>().chars().count())
                    .sum();
                body < 250
            })
            .map(|(n, _)| n + 1)
            .collect();
        assert!(
            sparse.is_empty(),
            "{name}: nearly empty pages {sparse:?} of {}",
            pages.len()
        );
        eprintln!(
            "{name}: print.html prints on {} A4 pages, {} of them nearly empty",
            pages.len(),
            sparse.len()
        );
        // The title page, then the contents, at the front.
        let (next, plan_version, contents) = (
            catalog.text("binder-next-review"),
            catalog.text("binder-plan-version"),
            catalog.text("binder-contents"),
        );
        assert!(pages[0].contains(&next) || pages[0].contains(&plan_version));
        assert!(
            pages[1].contains(&contents) || pages[0].contains(&contents),
            "{name}: no contents at the front"
        );
    }
}

/// A runbook of tables as other organisations write them: many columns, long words,
/// a checksum that cannot break, numbers that must not, a long command line.
const WIDE_TABLES: &str = r#"+++
title = "Wide tables on paper"
services = ["email"]
owner = "alex-example"
kind = "recovery"
+++
## Start order

| Reihenfolge | Server-Bezeichnung | Funktion im Verbund | IP-Adresse (Produktion) | IP-Adresse (Management) | Betriebssystem | Standort / Rack | Verantwortlich | Wiederanlaufreihenfolge | Bemerkung | Prüfung nach dem Start | Rückfallebene |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 1 | mail-db-01.prod.example | Datenbankserver | 10.0.200.10 | 192.168.0.100 | Red Hat Enterprise Linux 9.4 | RZ1/R00/HE20 | [[alex-example]] | 1 | Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung | `systemctl status postgresql` | Wiederherstellungsrechenzentrum |

## Checksums

| File | SHA-512 |
| --- | --- |
| config.tar | 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a089f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 |

## Who answers

| Name | Role | Desk | Mobile | Out of hours | Email |
| --- | --- | --- | --- | --- | --- |
| Alex Example | IT Continuity Manager | +44 20 7946 0001 | +44 7700 900 001 | +44 7700 900 999 | alex.example@continuity.example.org |

## Small

| Step | Who |
| --- | --- |
| 1 | Alex |

```
ssh mail-admin@mail-db-01.prod.example "sudo systemctl restart postgresql && sudo journalctl -u postgresql --since '10 minutes ago' --no-pager | tail -n 200"
```
"#;

#[test]
fn printed_wide_tables_become_smaller_or_records_and_nothing_is_cut_at_the_page_edge() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("plan");
    crate::harness::copy_dir(&plan("markdown-gfm"), &copy);
    std::fs::write(copy.join("runbooks/wide-tables.md"), WIDE_TABLES).expect("write");
    let site = dir.path().join("site");
    build_site(&copy, &site, &[]);
    // The build marks how each table prints: the twelve columns and the checksum as
    // records, the small table as it is.
    let page = std::fs::read_to_string(site.join("runbooks/wide-tables.html")).expect("page");
    let marks: Vec<&str> = page
        .split("<table")
        .skip(1)
        .map(|t| {
            if t.starts_with(" data-print=\"records\"") {
                "records"
            } else if t.starts_with(" data-print=\"small\"") {
                "small"
            } else {
                "as is"
            }
        })
        .collect();
    assert_eq!(marks.len(), 4, "{marks:?}");
    assert_eq!(&marks[..2], ["records", "records"], "{marks:?}");
    assert_eq!(marks[3], "as is", "{marks:?}");
    // A heading word wider than the records' label gutter puts the labels above
    // their values; the checksum's short headings stay in the gutter.
    let tables: Vec<&str> = page.split("<table").skip(1).collect();
    assert!(tables[0].starts_with(" data-print=\"records\" data-labels=\"above\""));
    assert!(!tables[1].contains("data-labels"), "{}", &tables[1][..60]);
    // print.html carries the same tables.
    let binder = std::fs::read_to_string(site.join("print.html")).expect("print.html");
    assert!(binder.matches("<table data-print=\"records\"").count() >= 2);
    // Printed: nothing past the page's edge, no chart label cut or overlapping, and
    // every cell's text whole in the PDF (reader_check.js).
    let pdf = dir.path().join("print.pdf");
    let last = reader_check(
        dir.path(),
        serde_json::json!({ "site": site, "phone": false, "pdf": pdf }),
    );
    assert!(last.ends_with("problems=0"), "{last}");
    assert!(crate::harness::figure(&last, "print_cells") > 30, "{last}");
    // On paper the checksum is one piece of text, broken across lines but whole; the
    // records show their labels.
    let text: String = crate::harness::pdf_pages(&pdf)
        .concat()
        .split_whitespace()
        .collect();
    assert!(
        text.contains("9f86d081884c7d659a2feaa0c55ad015"),
        "checksum cut"
    );
    assert!(
        text.contains("Bemerkung") && text.contains("Rückfallebene"),
        "no labels"
    );
    assert!(text.contains("tail-n200"), "the command line is cut");
    // The long heading is a label whole on its line ("Wiederanlaufreihe|nfolge" in
    // the gutter before).
    assert!(
        crate::harness::pdf_pages(&pdf)
            .iter()
            .any(|p| p.lines().any(|l| l.contains("Wiederanlaufreihenfolge"))),
        "a label broken inside its word"
    );
    // The same of a plan in Swedish (the binder test covers four more).
    let site = dir.path().join("kit");
    build_site(&plan("kit-aangstroem"), &site, &[]);
    let last = reader_check(
        dir.path(),
        serde_json::json!({ "site": site, "phone": false, "pdf": dir.path().join("kit.pdf") }),
    );
    assert!(last.ends_with("problems=0"), "kit-aangstroem: {last}");
}
