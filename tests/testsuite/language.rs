//! The plan's own language: a plan built in each built-in language shows no English
//! word of the interface, after the theme's scripts ran (search with and without
//! hits, a ticked runbook, the log, the fill-in, both freshness banners); a plan's
//! `locales/xx.ftl` made from the exported English catalogue with every message
//! changed changes every word of the interface (nothing bypasses the catalogue);
//! `locale export`, `incomplete-locale` and malformed `.ftl` files.

use crate::harness::{build_site, copy_dir, example_copy, lifeboat, node_check, root};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A copy of the plan at `src` in `dir`, with `language = "<lang>"`.
fn with_language(src: &Path, dir: &Path, lang: &str) -> PathBuf {
    let plan = dir.join("plan");
    copy_dir(src, &plan);
    let toml = plan.join("plan.toml");
    let text = std::fs::read_to_string(&toml).expect("plan.toml");
    let mut lines: Vec<String> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("language"))
        .map(str::to_string)
        .collect();
    let at = lines
        .iter()
        .position(|l| l.trim() == "[plan]")
        .expect("a [plan] table");
    lines.insert(at + 1, format!("language = \"{lang}\""));
    std::fs::write(&toml, lines.join("\n") + "\n").expect("write plan.toml");
    plan
}

/// Every text of the built site as the reader meets it (text_check.js).
fn texts(site: &Path, query: &str) -> Vec<String> {
    let out = site.with_extension("texts.json");
    let last = node_check(
        "text_check.js",
        &[
            site.as_os_str(),
            out.as_os_str(),
            "--query".as_ref(),
            query.as_ref(),
        ],
    );
    assert!(last.starts_with("pages="), "{last}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("texts")).expect("json");
    json["texts"]
        .as_array()
        .expect("texts")
        .iter()
        .filter_map(|t| t.as_str().map(str::to_string))
        .collect()
}

/// The words of `text`: runs of letters, two or more, as written; a word cut short
/// (a step's text shortened for its label: "…") is no word.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic() && c != '…')
        .filter(|w| !w.ends_with('…'))
        .filter(|w| w.chars().count() >= 2)
}

/// Words that are no language's: the search queries typed, encodings named.
const NOBODYS: [&str; 5] = ["qqzzxxwvj", "gsm", "ucs", "lifeboat", "vcard"];

/// The keys whose values are a fixed vocabulary of the format.
const FIXED: [&str; 8] = [
    "kind",
    "status",
    "outcome",
    "treatment",
    "channel",
    "severity",
    "strategies",
    "form",
];

/// Every word of the plan's files, lower case: the values, not the keys of TOML
/// (`mobile = "…"` does not make "mobile" the plan's word) nor its table headers.
fn plan_words(plan: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for e in walkdir::WalkDir::new(plan).into_iter().flatten() {
        // File names show on the health page (`vendors/suppliers.toml:55`).
        out.extend(words(&e.path().to_string_lossy()).map(str::to_lowercase));
        if e.file_type().is_file()
            && let Ok(text) = std::fs::read_to_string(e.path())
        {
            for line in text.lines() {
                let t = line.trim_start();
                let value = match t.split_once('=') {
                    _ if t.starts_with('[') && t.trim_end().ends_with(']') => "",
                    // The format's fixed words (`treatment = "avoid"`) are the
                    // interface's to translate, not the plan's text.
                    Some((key, _)) if FIXED.contains(&key.trim()) => "",
                    Some((key, value))
                        if !key.trim().is_empty()
                            && key.trim().chars().all(|c| {
                                c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
                            }) =>
                    {
                        value
                    }
                    _ => line,
                };
                out.extend(words(value).map(str::to_lowercase));
            }
        }
    }
    out
}

/// The words of a catalogue's messages, lower case.
fn catalogue_words(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('=').map(|(_, v)| v).or(Some(l)))
        .flat_map(|v| words(v).map(str::to_lowercase).collect::<Vec<_>>())
        .collect()
}

/// The English interface words of `english` texts (what the plan does not hold)
/// that appear in `other`, unless `allowed` (the other language's own words).
fn english_left(
    english: &[String],
    other: &[String],
    plan: &BTreeSet<String>,
    allowed: &BTreeSet<String>,
) -> (usize, Vec<String>) {
    let interface: BTreeSet<String> = english
        .iter()
        .flat_map(|t| words(t).map(str::to_lowercase).collect::<Vec<_>>())
        .filter(|w| !plan.contains(w) && !NOBODYS.contains(&w.as_str()))
        .collect();
    let mut left = BTreeSet::new();
    for t in other {
        for w in words(t) {
            let lw = w.to_lowercase();
            if interface.contains(&lw) && !allowed.contains(&lw) {
                left.insert(format!("{w} (in \"{t}\")"));
            }
        }
    }
    (interface.len(), left.into_iter().collect())
}

fn built_texts(plan: &Path, dir: &Path, name: &str, query: &str) -> Vec<String> {
    let site = dir.join(name);
    build_site(plan, &site, &[]);
    texts(&site, query)
}

#[test]
fn a_plan_in_each_built_in_language_shows_no_english_word_of_the_interface() {
    // A German hospital's plan (its own text German), built in English and in each
    // other language; the example (English text) built in German; the stress plan
    // (German) in German; the water utility's (English) in French.
    for (src, query, langs) in [
        (
            root().join("tests/testsuite/plans/klinikum-nord-de"),
            "Notaufnahme",
            &["de", "fr", "es", "nl"][..],
        ),
        (root().join("example-plan"), "Ruiz", &["de"][..]),
        // Long names and titles, teams, a ten-person chain, processes and risks.
        (
            root().join("tests/testsuite/plans/stress-muehlenbach"),
            "Netzleitstelle",
            &["de"][..],
        ),
        (
            root().join("tests/testsuite/plans/water-utility-us"),
            "pump",
            &["fr"][..],
        ),
        // A French local authority's plan in French.
        (
            root().join("tests/testsuite/plans/metropole-loire-fr"),
            "Diaye",
            &["fr"][..],
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let en_plan = with_language(&src, &dir.path().join("en"), "en");
        let english = built_texts(&en_plan, dir.path(), "site-en", query);
        let plan = plan_words(&src);
        for &lang in langs {
            let p = with_language(&src, &dir.path().join(lang), lang);
            let other = built_texts(&p, dir.path(), &format!("site-{lang}"), query);
            let own = lifeboat(&["locale", "export", lang]);
            assert_eq!(own.code, 0);
            let allowed = catalogue_words(&own.stdout);
            let (n, left) = english_left(&english, &other, &plan, &allowed);
            assert!(
                n > 100,
                "{}: only {n} English interface words",
                src.display()
            );
            assert!(
                left.is_empty(),
                "{} in {lang}: English words of the interface remain: {left:#?}",
                src.display()
            );
            // The scripts spoke the language too.
            let joined = other.join("\n");
            let expect = match lang {
                "de" => ["Keine Treffer", "Begonnen", "Zuletzt"],
                "fr" => ["Aucun résultat", "Commencé", "Dernière revue"],
                "es" => ["No se ha encontrado", "Iniciado", "Última revisión"],
                _ => ["Niets gevonden", "Begonnen", "Laatst herzien"],
            };
            for e in expect {
                assert!(joined.contains(e), "{lang}: \"{e}\" not shown");
            }
        }
    }
}

/// The English catalogue with every letter of every message's text made a
/// full-width letter: ids, `$placeables` and `[variant]` keys kept, so that it is
/// still Fluent with the same placeables.
fn transformed(english: &str) -> String {
    let mut out = String::new();
    for line in english.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let (keep, text) = match line.split_once(" = ") {
            Some((id, text)) if !line.starts_with(' ') => (format!("{id} = "), text),
            _ => (String::new(), line),
        };
        out.push_str(&keep);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                // A reference to another message (`{ email }`) is kept as it is.
                '{' if {
                    let inner: String = chars.clone().take_while(|&n| n != '}').collect();
                    let id = inner.trim();
                    !id.is_empty()
                        && chars.clone().any(|n| n == '}')
                        && id
                            .chars()
                            .all(|n| n.is_ascii_lowercase() || n.is_ascii_digit() || n == '-')
                } =>
                {
                    out.push(c);
                    for n in chars.by_ref() {
                        out.push(n);
                        if n == '}' {
                            break;
                        }
                    }
                }
                '$' | '[' => {
                    out.push(c);
                    let end = if c == '[' { ']' } else { ' ' };
                    while let Some(&n) = chars.peek() {
                        if n == end
                            || (c == '$' && !(n.is_ascii_alphanumeric() || n == '-' || n == '_'))
                        {
                            break;
                        }
                        out.push(n);
                        chars.next();
                    }
                }
                c if c.is_ascii_alphabetic() => {
                    out.push(char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c));
                }
                c => out.push(c),
            }
        }
        out.push('\n');
    }
    out
}

#[test]
fn a_plan_catalogue_changing_every_message_changes_every_interface_word() {
    let en = lifeboat(&["locale", "export", "en"]);
    assert_eq!(en.code, 0);
    let xx = transformed(&en.stdout);
    assert!(
        xx.contains("nav-runbooks = Ｒｕｎｂｏｏｋｓ"),
        "{}",
        &xx[..400]
    );
    for (src, query) in [
        (root().join("example-plan"), "Ruiz"),
        (
            root().join("tests/testsuite/plans/water-utility-us"),
            "pump",
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let en_plan = with_language(&src, &dir.path().join("en"), "en");
        let english = built_texts(&en_plan, dir.path(), "site-en", query);
        let plan = with_language(&src, &dir.path().join("xx"), "xx");
        std::fs::create_dir_all(plan.join("locales")).expect("locales/");
        std::fs::write(plan.join("locales/xx.ftl"), &xx).expect("xx.ftl");
        // Fully given: no incomplete-locale, no syntax error.
        let check = lifeboat(&["check", &plan.to_string_lossy()]);
        assert!(
            !check.stdout.contains("incomplete-locale"),
            "{}",
            check.stdout
        );
        assert!(!check.stdout.contains("locales/xx.ftl"), "{}", check.stdout);
        let other = built_texts(&plan, dir.path(), "site-xx", query);
        let (n, left) = english_left(&english, &other, &plan_words(&src), &BTreeSet::new());
        assert!(n > 100, "only {n} English interface words");
        assert!(
            left.is_empty(),
            "{}: words that bypass the catalogue: {left:#?}",
            src.display()
        );
        let joined = other.join("\n");
        for e in [
            "Ｒｕｎｂｏｏｋｓ",
            "Ｎｏｔｈｉｎｇ ｆｏｕｎｄ",
            "Ｔｉｃｋ",
            "Ｉｎｃｉｄｅｎｔ ｌｏｇ",
        ] {
            assert!(joined.contains(e), "\"{e}\" not shown");
        }
    }
}

#[test]
fn locale_export_prints_a_catalogue_to_translate() {
    let de = lifeboat(&["locale", "export", "de"]);
    assert_eq!(de.code, 0);
    assert!(de.stdout.contains("nav-runbooks = Ablaufpläne"));
    assert!(
        de.stdout
            .contains("title-call-tree = Alarmierungskette: { $name }")
    );
    let pl = lifeboat(&["locale", "export", "pl"]);
    assert_eq!(pl.code, 0);
    assert!(pl.stdout.contains("nav-runbooks = Runbooks"));
    assert!(pl.stdout.contains("locales/pl.ftl"));
    let bad = lifeboat(&["locale", "export", "../x"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

#[test]
fn a_language_neither_built_in_nor_given_is_incomplete_and_a_bad_ftl_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = with_language(&root().join("example-plan"), dir.path(), "pl");
    let run = lifeboat(&["check", &plan.to_string_lossy()]);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("incomplete-locale"))
        .unwrap_or_else(|| panic!("no incomplete-locale: {}", run.stdout));
    assert!(
        line.starts_with("warning[incomplete-locale]: plan.toml:"),
        "{line}"
    );
    let total = lifeboat::i18n::message_ids().len();
    assert!(line.contains(&format!("{total} of its {total}")), "{line}");
    // Two messages given: two fewer fall back.
    std::fs::create_dir_all(plan.join("locales")).expect("locales/");
    std::fs::write(
        plan.join("locales/pl.ftl"),
        "nav-start = Start\nnav-runbooks = Procedury\n",
    )
    .expect("pl.ftl");
    let run = lifeboat(&["check", &plan.to_string_lossy()]);
    assert!(
        run.stdout
            .contains(&format!("{} of its {total}", total - 2)),
        "{}",
        run.stdout
    );
    // The site uses what is given, English for the rest.
    let site = dir.path().join("site");
    build_site(&plan, &site, &[]);
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    assert!(index.contains(">Procedury</a>") && index.contains(">Contacts</a>"));
    assert!(index.contains("<html lang=\"pl\">"));
    // A malformed file: an error at its line, nothing built.
    std::fs::write(
        plan.join("locales/pl.ftl"),
        "nav-start = Start\n\nthis line is not Fluent\nnav-runbooks = Procedury\n",
    )
    .expect("pl.ftl");
    let run = lifeboat(&["check", &plan.to_string_lossy()]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("error[syntax]: locales/pl.ftl:3:"),
        "{}",
        run.stdout
    );
    let built = lifeboat(&[
        "build",
        &plan.to_string_lossy(),
        "-o",
        &site.to_string_lossy(),
    ]);
    assert_eq!(built.code, 1);
}

#[test]
fn a_plan_catalogue_cannot_add_markup_or_template_syntax() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    std::fs::create_dir_all(plan.join("locales")).expect("locales/");
    std::fs::write(
        plan.join("locales/en.ftl"),
        "nav-start = <script>alert(1)</script>{\"{{\"} get_env(name=\"HOME\") {\"}}\"}\n\
         owner-is = <img src=x onerror=alert(1)> { $who }\n\
         js-today = </script><script>alert(2)</script>\n",
    )
    .expect("en.ftl");
    let site = dir.path().join("site");
    build_site(&plan, &site, &[]);
    for page in ["index.html", "runbooks/ransomware-response.html"] {
        let html = std::fs::read_to_string(site.join(page)).expect(page);
        assert!(!html.contains("<script>alert"), "{page}");
        assert!(!html.contains("<img src=x"), "{page}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{page}"
        );
    }
    let js = std::fs::read_to_string(site.join("lifeboat.js")).expect("lifeboat.js");
    assert!(
        !js.contains("</script>"),
        "the script's messages cannot end an inline script"
    );
}

/// The page title is the plan's own message on every page, whatever it does with the
/// title: shown twice, or chosen by it (pages of a kind share the layout drawn once,
/// with each page's title message put in).
#[test]
fn a_page_title_message_of_the_plan_is_each_page_s_own() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = with_language(&root().join("example-plan"), dir.path(), "xx");
    std::fs::create_dir_all(plan.join("locales")).expect("locales/");
    std::fs::write(
        plan.join("locales/xx.ftl"),
        "page-title = { $title ->\n    [Runbooks] All runbooks\n   *[other] { $title } / { $title }\n} · { $organization }\n",
    )
    .expect("xx.ftl");
    let site = dir.path().join("site");
    build_site(&plan, &site, &[]);
    let title = |page: &str| {
        let html = std::fs::read_to_string(site.join(page)).expect(page);
        let from = html.find("<title>").expect("a title") + "<title>".len();
        let to = html[from..].find("</title>").expect("its end") + from;
        html[from..to].to_string()
    };
    let db = "Restore or fail over the clinical database cluster";
    assert_eq!(
        title("runbooks/db-cluster-restore.html"),
        format!("{db} / {db} · Northwind Health")
    );
    assert_eq!(
        title("runbooks/index.html"),
        "All runbooks · Northwind Health"
    );
    let failover = title("runbooks/ehr-failover.html");
    assert!(failover.ends_with(" · Northwind Health"), "{failover}");
    let (a, b) = failover
        .trim_end_matches(" · Northwind Health")
        .split_once(" / ")
        .expect("twice");
    assert_eq!(a, b);
    assert_ne!(a, db);
}

#[test]
fn a_label_and_its_colon_are_the_language_s() {
    // French sets a space before a colon, a no-break one (no line starts with the
    // colon): the start page's email line, an exercise after its date on a
    // runbook's and a contact's page, a scenario before its runbooks.
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = with_language(&root().join("example-plan"), &dir.path().join("fr"), "fr");
    let site = dir.path().join("site-fr");
    build_site(&plan, &site, &[]);
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    assert!(
        index.contains("<p>E-mail\u{a0}: <a href=\"mailto:bridge@northwind.example\">"),
        "{index}"
    );
    let runbook =
        std::fs::read_to_string(site.join("runbooks/db-cluster-restore.html")).expect("runbook");
    assert!(
        runbook.contains(
            "<dd>12 septembre 2026\u{a0}: <a href=\"../exercises/2026-09-ransomware-tabletop.html\">"
        ),
        "{runbook}"
    );
    let contact = std::fs::read_to_string(site.join("contacts/ana-ruiz.html")).expect("contact");
    assert!(
        contact
            .contains("<li>13 mars 2027\u{a0}: <a href=\"../exercises/2027-03-full-scale.html\">"),
        "{contact}"
    );
    assert!(
        index.contains("<li><strong>Ransomware</strong>\u{a0}: <a href=\"runbooks/"),
        "{index}"
    );
    // A plan's own catalogue that words only `email` has the start page say it.
    let plan = with_language(&root().join("example-plan"), &dir.path().join("pl"), "pl");
    std::fs::create_dir_all(plan.join("locales")).expect("locales/");
    std::fs::write(plan.join("locales/pl.ftl"), "email = Poczta\n").expect("pl.ftl");
    let site = dir.path().join("site-pl");
    build_site(&plan, &site, &[]);
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    assert!(
        index.contains("<p>Poczta: <a href=\"mailto:bridge@northwind.example\">"),
        "{index}"
    );
}

#[test]
fn a_call_tree_whose_title_names_it_a_call_tree_is_not_named_twice() {
    // The French and German plans name their trees "Chaîne d’alerte …" and
    // "Alarmierungskette …": the tree's page and the severity level's facts show the
    // title alone; the example's "Major incident activation" keeps "Call tree: ".
    for (name, tree, title, label) in [
        (
            "tests/testsuite/plans/metropole-loire-fr",
            "cellule-de-crise",
            "Chaîne d’alerte de la cellule de crise numérique",
            "Chaîne d’alerte",
        ),
        (
            "tests/testsuite/plans/klinikum-nord-de",
            "krisenstab-it",
            "Alarmierungskette IT-Krisenstab",
            "Alarmierungskette",
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("site");
        build_site(&root().join(name), &site, &[]);
        let page = std::fs::read_to_string(site.join(format!("call-trees/{tree}.html")))
            .expect("call tree page");
        assert!(
            page.contains(&format!("<h1>{title}</h1>")),
            "{name}: {page}"
        );
        let index = std::fs::read_to_string(site.join("index.html")).expect("index");
        let fact = format!("<span><a href=\"call-trees/{tree}.html\">{title}</a></span>");
        assert!(index.contains(&fact), "{name}: {index}");
        assert!(
            !index.contains(&format!("{label}: <a href=\"call-trees/")),
            "{name}"
        );
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    build_site(&root().join("example-plan"), &site, &[]);
    let page = std::fs::read_to_string(site.join("call-trees/major-incident.html"))
        .expect("call tree page");
    assert!(
        page.contains("<h1>Call tree: Major incident activation</h1>"),
        "{page}"
    );
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    assert!(
        index.contains("<span>Call tree: <a href=\"call-trees/major-incident.html\">"),
        "{index}"
    );
}
