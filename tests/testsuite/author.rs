//! The author's side: what a plan author meets when writing, importing and starting
//! a plan (issue "the author's side").

use crate::harness::{NOW, example_copy, lifeboat};
use std::fs;

#[test]
fn a_syntax_error_comes_first_and_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    // One missing quote in the people file: every person in it is unknown until
    // it parses.
    let people = plan.join("contacts/people.toml");
    let text = fs::read_to_string(&people).expect("people");
    fs::write(
        &people,
        text.replacen("name = \"Ben Ode\"", "name = \"Ben Ode", 1),
    )
    .expect("write");
    let run = lifeboat(&["check", plan.to_str().expect("path"), "--now", NOW]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[0].starts_with("error[syntax]: contacts/people.toml:5:"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("unknown-reference"),
        "false errors: {}",
        run.stdout
    );
    let note = run
        .stderr
        .lines()
        .find(|l| l.starts_with("note: "))
        .unwrap_or_else(|| panic!("no note: {}", run.stderr));
    let held: usize = note["note: ".len()..]
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(held > 10, "{note}");
    assert!(note.contains("could not be checked"), "{note}");
    // Build says the same, and serve's overlay shows the same (reports are shared).
    let run = lifeboat(&[
        "build",
        plan.to_str().expect("path"),
        "-o",
        dir.path().join("site").to_str().expect("path"),
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("error[syntax]: contacts/people.toml:5:"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("unknown-reference"));
    // Fixed, the references are checked again (none is unknown in the example).
    fs::write(&people, text).expect("fix");
    let run = lifeboat(&["check", plan.to_str().expect("path"), "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(!run.stderr.contains("could not be checked"));
}

#[test]
fn files_that_are_not_plan_content_warn_or_are_passed_over_and_never_published() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let files = [
        ("runbooks/notes.txt", true),
        ("services/old-plan.docx", true),
        ("contacts/README", true),
        ("runbooks/.DS_Store", false),
        ("runbooks/Thumbs.db", false),
        ("services/desktop.ini", false),
        ("runbooks/ransomware-response.md~", false),
        ("runbooks/.ransomware-response.md.swp", false),
        ("runbooks/#ransomware-response.md#", false),
        ("assets/Thumbs.db", false),
        ("assets/desktop.ini", false),
        ("assets/floor-plan.pdf~", false),
    ];
    for (rel, _) in files {
        fs::write(plan.join(rel), "stray\n").unwrap_or_else(|e| panic!("{rel}: {e}"));
    }
    let run = lifeboat(&["check", plan.to_str().expect("path"), "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let stray: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("warning[stray-file]"))
        .collect();
    let warned: Vec<&str> = files.iter().filter(|f| f.1).map(|f| f.0).collect();
    assert_eq!(stray.len(), warned.len(), "{}", run.stdout);
    for rel in warned {
        assert!(
            stray.iter().any(|l| l.contains(&format!(": {rel}: "))),
            "{rel}: {stray:?}"
        );
    }
    let site = dir.path().join("site");
    let run = lifeboat(&[
        "build",
        plan.to_str().expect("path"),
        "-o",
        site.to_str().expect("path"),
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut published = Vec::new();
    for e in walkdir::WalkDir::new(&site) {
        let e = e.expect("entry");
        published.push(e.file_name().to_string_lossy().into_owned());
    }
    for name in [
        "notes.txt",
        "old-plan.docx",
        "README",
        "Thumbs.db",
        "desktop.ini",
        ".DS_Store",
        "floor-plan.pdf~",
    ] {
        assert!(!published.iter().any(|p| p == name), "{name} was published");
    }
    let manifest = fs::read_to_string(site.join("manifest.json")).expect("manifest");
    assert!(!manifest.contains("Thumbs.db") && !manifest.contains("stray"));
}

#[test]
fn init_minimal_writes_the_smallest_plan_that_checks_clean_and_builds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("new-plan");
    let p = plan.to_str().expect("path");
    let run = lifeboat(&["init", p, "--minimal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut files: Vec<String> = walkdir::WalkDir::new(&plan)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&plan)
                .expect("inside")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "contacts/alex-example.md",
            "contacts/call-trees.toml",
            "plan.toml",
            "runbooks/restore-email.md",
            "services/email.md"
        ]
    );
    // Each file says what it is for.
    for f in &files {
        let text = fs::read_to_string(plan.join(f)).expect("file");
        assert!(text.contains("# "), "{f} has no comment");
    }
    // Clean: no error, no warning, today (init writes today's review date).
    let run = lifeboat(&["check", p, "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("0 errors, 0 warnings"),
        "{}",
        run.stderr
    );
    let run = lifeboat(&[
        "build",
        p,
        "-o",
        dir.path().join("site").to_str().expect("path"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        dir.path()
            .join("site/runbooks/restore-email.html")
            .is_file()
    );
    // Not on a folder that holds something; the full example without --minimal.
    assert_eq!(lifeboat(&["init", p, "--minimal"]).code, 2);
    let full = dir.path().join("full");
    assert_eq!(lifeboat(&["init", full.to_str().expect("path")]).code, 0);
    assert!(full.join("runbooks").read_dir().expect("runbooks").count() > 5);
}

#[test]
fn names_are_split_and_filed_the_way_people_write_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let toml = fs::read_to_string(plan.join("plan.toml")).expect("plan.toml");
    fs::write(
        plan.join("plan.toml"),
        toml.replacen("language = \"en\"", "language = \"nl\"", 1),
    )
    .expect("write");
    let people = [
        ("jan", "dr. ir. Jan van den Bergh", ""),
        ("wouter", "Wouter 't Hooft", ""),
        ("mohammed", "Mohammed El Amrani", ""),
        ("siobhan", "Siobhán Ó Briain", ""),
        ("anna", "Prof. Dr. med. Anna von Müller", ""),
        // Stated parts win over the cut: a double given name.
        (
            "marie",
            "Marie Claire Dubois",
            "given_name = \"Marie Claire\"\nfamily_name = \"Dubois\"\n",
        ),
        ("aaron", "Aaron Zwart", ""),
    ];
    let mut text = String::new();
    for (id, name, extra) in people {
        text.push_str(&format!(
            "[[contact]]\nid = \"{id}\"\nname = \"{name}\"\n{extra}phone = \"+31 20 555 0100\"\nverified = 2026-11-01\n\n"
        ));
    }
    fs::write(plan.join("contacts/nl.toml"), text).expect("contacts");
    let site = dir.path().join("site");
    let run = lifeboat(&[
        "build",
        plan.to_str().expect("path"),
        "-o",
        site.to_str().expect("path"),
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let n_of = |id: &str| -> String {
        let card = fs::read_to_string(site.join(format!("contacts/{id}.vcf"))).expect("vcf");
        card.lines()
            .find_map(|l| l.strip_prefix("N:"))
            .expect("an N line")
            .to_string()
    };
    assert_eq!(n_of("jan"), "van den Bergh;Jan;;dr. ir.;");
    assert_eq!(n_of("wouter"), "'t Hooft;Wouter;;;");
    assert_eq!(n_of("mohammed"), "El Amrani;Mohammed;;;");
    assert_eq!(n_of("siobhan"), "Ó Briain;Siobhán;;;");
    assert_eq!(n_of("anna"), "von Müller;Anna;;Prof. Dr. med.;");
    assert_eq!(n_of("marie"), "Dubois;Marie Claire;;;");
    // The directory files by family name, particles aside: van den Bergh under B,
    // after Amrani (El is part of that name), before Dubois.
    let html = fs::read_to_string(site.join("contacts/index.html")).expect("directory");
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("main table tbody tr td:first-child > a:first-child")
        .expect("selector");
    let order: Vec<String> = doc
        .select(&sel)
        .map(|td| td.text().collect::<String>().trim().to_string())
        .filter(|t| people.iter().any(|(_, n, _)| n == t))
        .collect();
    assert_eq!(
        order,
        [
            "dr. ir. Jan van den Bergh",
            "Marie Claire Dubois",
            "Mohammed El Amrani",
            "Wouter 't Hooft",
            "Prof. Dr. med. Anna von Müller",
            "Siobhán Ó Briain",
            "Aaron Zwart",
        ]
    );
}

/// The front matter of a contact file as TOML.
fn front(path: &std::path::Path) -> toml::Table {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let inner = text
        .strip_prefix("+++\n")
        .and_then(|t| t.split_once("\n+++"))
        .map(|(f, _)| f)
        .expect("front matter");
    inner.parse().expect("TOML")
}

#[test]
fn contacts_are_imported_from_hr_outlook_google_and_phone_exports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let samples = crate::harness::root().join("tests/testsuite/import");
    let out = plan.join("contacts/imported");
    let files: Vec<String> = [
        "outlook.csv",
        "hr-de.csv",
        "hr-nl.csv",
        "google.csv",
        "phone.vcf",
    ]
    .iter()
    .map(|f| samples.join(f).to_str().expect("path").to_string())
    .collect();
    let mut args = vec!["import", "contacts"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["-o", out.to_str().expect("path")]);
    let run = lifeboat(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("(15 new, 0 updated)"), "{}", run.stderr);
    // The report says what became of each column, and what was left out and why.
    for line in [
        "mapped   \"Vorname\" -> given_name",
        "mapped   \"Name\" -> family_name",
        "mapped   \"Tussenvoegsel\" -> family_name (particle)",
        "mapped   \"Home Phone\" -> private.home_phone",
        "skipped  \"Birthday\" of",
        "skipped  \"BDAY\" of",
        "skipped  record 8 of",
    ] {
        assert!(run.stderr.contains(line), "no {line:?} in {}", run.stderr);
    }
    // The plan checks: no error; the number written the US way keeps its form and
    // gets the usual warning.
    let check = lifeboat(&["check", plan.to_str().expect("path"), "--now", NOW]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert!(
        check
            .stdout
            .contains("warning[phone-format]: contacts/imported/nguyen-tran.md:")
    );
    let c = |id: &str| front(&out.join(format!("{id}.md")));
    let s = |t: &toml::Table, k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let p = |t: &toml::Table, k: &str| {
        t.get("private")
            .and_then(|p| p.get(k))
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    // Outlook (commas, quotes, a title before the name, a home address in parts).
    let priya = c("priyanka-raghunathan");
    assert_eq!(s(&priya, "name"), "Dr. Priyanka Raghunathan");
    assert_eq!(s(&priya, "family_name"), "Raghunathan");
    assert_eq!(s(&priya, "phone"), "+1 760 555 1210");
    assert_eq!(s(&priya, "mobile"), "+1 442 555 3410");
    assert_eq!(p(&priya, "home_phone"), "+1 760 555 9910");
    assert_eq!(p(&priya, "personal_email"), "priya@home.example");
    assert_eq!(p(&priya, "home_address"), "12 Oak Street, Escondido, 92025");
    assert_eq!(s(&c("nguyen-tran"), "phone"), "(760) 555-1206");
    assert_eq!(s(&c("nguyen-tran"), "name"), "Nguyễn Trần");
    // Two people of one name: two ids.
    assert_eq!(s(&c("jan-de-vries"), "phone"), "+1 760 555 1300");
    assert_eq!(s(&c("jan-de-vries-2"), "phone"), "+1 760 555 1301");
    // German HR (semicolons, BOM, Vorname/Name, a quoted field with ; and quotes).
    let gross = c("jurgen-gross");
    assert_eq!(s(&gross, "name"), "Prof. Dr. med. Jürgen Groß");
    assert_eq!(s(&gross, "given_name"), "Jürgen");
    assert_eq!(p(&gross, "home_phone"), "+49 4841 555 777");
    assert_eq!(
        s(&c("hans-peter-genannt-hp-schulze"), "given_name"),
        "Hans-Peter; genannt \"HP\""
    );
    assert_eq!(s(&c("anna-von-muller"), "family_name"), "von Müller");
    // Dutch (tussenvoegsel with the family name).
    assert_eq!(s(&c("jan-van-den-bergh"), "family_name"), "van den Bergh");
    assert_eq!(s(&c("wouter-t-hooft"), "name"), "Wouter 't Hooft");
    // Google (typed pairs).
    let mo = c("mohammed-el-amrani");
    assert_eq!(s(&mo, "mobile"), "+32 470 55 01 02");
    assert_eq!(s(&mo, "phone"), "+32 2 555 01 00");
    assert_eq!(p(&mo, "personal_email"), "mo@home.example");
    assert_eq!(p(&c("zoe-angstrom"), "home_phone"), "+46 8 555 999 99");
    // vCard 3.0 (folded, escaped) and 4.0 (tel: URIs, quoted types).
    let kris = c("kristopher-kowalczyk");
    assert_eq!(s(&kris, "role"), "Plant Operator, Shift B");
    assert_eq!(
        p(&kris, "home_address"),
        "5 Pine Road, Escondido, CA, 92027, USA"
    );
    let body = fs::read_to_string(out.join("kristopher-kowalczyk.md")).expect("file");
    assert!(body.contains("by heart."), "{body}");
    let lukasz = c("lukasz-wroblewski-szczepanska");
    assert_eq!(s(&lukasz, "mobile"), "+48 601 555 123");
    assert_eq!(s(&lukasz, "phone"), "+48 22 555 01 00");
    // Private values stay out of a default build.
    let site = dir.path().join("site");
    let run = lifeboat(&[
        "build",
        plan.to_str().expect("path"),
        "-o",
        site.to_str().expect("path"),
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = fs::read_to_string(site.join("contacts/priyanka-raghunathan.html")).expect("page");
    assert!(page.contains("+1 760 555 1210") && !page.contains("9910"));
    // A link planted where an imported file goes is replaced, never written through
    // nor read.
    #[cfg(unix)]
    {
        let secret = dir.path().join("secret.txt");
        fs::write(&secret, "do not touch").expect("secret");
        let target = out.join("zoe-angstrom.md");
        fs::remove_file(&target).expect("remove");
        std::os::unix::fs::symlink(&secret, &target).expect("link");
        let run = lifeboat(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(fs::read_to_string(&secret).expect("secret"), "do not touch");
        let meta = fs::symlink_metadata(&target).expect("written");
        assert!(meta.file_type().is_file(), "still a link");
        assert!(
            !fs::read_to_string(&target)
                .expect("file")
                .contains("do not touch")
        );
    }
    // Again, after an author added to a file: updated, not duplicated; what the
    // author added is kept.
    let kris_file = out.join("kristopher-kowalczyk.md");
    let text = fs::read_to_string(&kris_file).expect("file");
    fs::write(
        &kris_file,
        text.replacen(
            "email = ",
            "alternates = [\"jurgen-gross\"]\nverified = 2026-11-01\nemail = ",
            1,
        ),
    )
    .expect("edit");
    let run = lifeboat(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("(0 new, 15 updated)"), "{}", run.stderr);
    assert_eq!(fs::read_dir(&out).expect("out").count(), 15);
    let kris = c("kristopher-kowalczyk");
    assert_eq!(
        kris.get("alternates")
            .and_then(|a| a.as_array())
            .map(Vec::len),
        Some(1)
    );
    assert!(kris.get("verified").is_some());
    assert_eq!(s(&kris, "email"), "k.kowalczyk@cvwater.example");
    assert_eq!(
        lifeboat(&["check", plan.to_str().expect("path"), "--now", NOW]).code,
        0
    );
    // A header it cannot map: an error naming the file, and nothing written.
    let other = plan.join("contacts/other");
    let run = lifeboat(&[
        "import",
        "contacts",
        samples.join("unmapped.csv").to_str().expect("path"),
        files[0].as_str(),
        "-o",
        other.to_str().expect("path"),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("unmapped.csv: no column of the header names a person"),
        "{}",
        run.stderr
    );
    assert!(!other.exists());
    // Not into a folder outside contacts/.
    let run = lifeboat(&[
        "import",
        "contacts",
        files[0].as_str(),
        "-o",
        plan.join("services").to_str().expect("path"),
    ]);
    assert_eq!(run.code, 1);
}

/// Every id of a page once, every `href="#x"` naming exactly one element, and no
/// link inside a link.
fn anchors_hold(doc: &scraper::Html, page: &str) {
    let all = scraper::Selector::parse("[id]").expect("selector");
    let mut ids: Vec<&str> = doc
        .select(&all)
        .filter_map(|e| e.value().attr("id"))
        .collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "{page}: an id twice");
    let links = scraper::Selector::parse("a[href^='#']").expect("selector");
    for a in doc.select(&links) {
        let target = &a.value().attr("href").expect("href")[1..];
        assert!(
            target.is_empty() || ids.binary_search(&target).is_ok(),
            "{page}: #{target} names no element"
        );
    }
    let nested = scraper::Selector::parse("a a").expect("selector");
    assert_eq!(
        doc.select(&nested).count(),
        0,
        "{page}: a link inside a link"
    );
}

#[test]
fn markdown_renders_as_engineers_write_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let plan = crate::harness::root().join("tests/testsuite/plans/markdown-gfm");
    let run = lifeboat(&[
        "build",
        plan.to_str().expect("path"),
        "-o",
        site.to_str().expect("path"),
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let check = lifeboat(&["check", plan.to_str().expect("path"), "--now", NOW]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert!(
        !check.stdout.contains("unknown-reference"),
        "{}",
        check.stdout
    );
    let page = |rel: &str| {
        let html = fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let doc = scraper::Html::parse_document(&html);
        anchors_hold(&doc, rel);
        doc
    };
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
    let text = |e: scraper::ElementRef| {
        e.text()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // 1 and 2: headings hold references, footnotes and placeholders; ids are unique
    // and kept as written; `{word}` stays; line breaks are spaces.
    let doc = page("runbooks/headings.html");
    let outline: Vec<String> = doc.select(&sel("nav.outline li a")).map(text).collect();
    assert_eq!(outline[0], "Call Alex Example before you drive out");
    assert!(
        outline.contains(&"Backups {word}".to_string()),
        "{outline:?}"
    );
    assert!(
        outline.contains(&"Setext heading over two lines".to_string()),
        "{outline:?}"
    );
    let h2: Vec<String> = doc
        .select(&sel("section.prose h2"))
        .filter_map(|h| h.value().attr("id").map(str::to_string))
        .collect();
    assert_eq!(
        h2,
        [
            "call-alex-example-before-you-drive-out",
            "steps",
            "steps-2",
            "steps-3",
            "fn-1-2",
            "start-here-2",
            "backups-word",
            "setext-heading-over-two-lines"
        ]
    );
    let first = doc.select(&sel("section.prose h2")).next().expect("h2");
    assert_eq!(
        first
            .select(&sel("a[href$='contacts/alex-example.html']"))
            .map(text)
            .next()
            .as_deref(),
        Some("Alex Example")
    );
    // The footnote reference in the heading leads to its note ([^Note] to [^note]).
    let fref = first
        .select(&sel("sup.footnote-ref a"))
        .next()
        .expect("footnote in heading");
    let note = fref.value().attr("href").expect("href");
    let def = doc
        .select(&sel(&format!("div.footnote{note}")))
        .next()
        .expect("the note");
    assert!(text(def).contains("call the hotline first"));
    assert!(doc.select(&sel("h3#Restore_Step")).next().is_some());
    // 4: a reference in a table cell; a reference inside a link keeps the link.
    let doc = page("runbooks/tables-and-links.html");
    let cell = doc.select(&sel("table td")).next().expect("cell");
    assert_eq!(
        cell.select(&sel("a[href$='contacts/alex-example.html']"))
            .map(text)
            .next()
            .as_deref(),
        Some("Alex")
    );
    let outer = doc
        .select(&sel("a[href='https://status.example.com/']"))
        .next()
        .expect("the outer link");
    assert_eq!(text(outer), "see Alex Example and the status page");
    // 6: line breaks in a reference's and an image's text are spaces; an image in
    // a link is no link of its own.
    let p: Vec<String> = doc.select(&sel("section.prose p")).map(text).collect();
    assert!(
        p.iter()
            .any(|t| t == "Call Alex Example +44 20 7946 0001 if the page is down."),
        "{p:?}"
    );
    assert!(p.iter().any(|t| t == "Floor plan of DC1"), "{p:?}");
    // 5: bare addresses are links, punctuation aside; code and other schemes are not.
    let doc = page("runbooks/autolinks.html");
    let links: Vec<(String, String)> = doc
        .select(&sel("section.prose a"))
        .map(|a| (a.value().attr("href").unwrap_or("").to_string(), text(a)))
        .collect();
    assert_eq!(
        links,
        [
            (
                "https://status.example.com/mail".to_string(),
                "https://status.example.com/mail".to_string()
            ),
            ("mailto:ops@example.org".into(), "ops@example.org".into()),
            (
                "http://www.example.org/help".into(),
                "www.example.org/help".into()
            ),
            (
                "https://en.example.org/wiki/Mail_(protocol)".into(),
                "https://en.example.org/wiki/Mail_(protocol)".into()
            ),
            (
                "https://example.com/search?q=mail&lang=en".into(),
                "https://example.com/search?q=mail&lang=en".into()
            ),
        ]
    );
    assert_eq!(
        doc.select(&sel("code a, pre a, code span, pre span"))
            .count(),
        0
    );
    // In code, a reference inside a link is the text it was written as.
    for code in doc.select(&sel("code")).skip(1) {
        assert!(
            text(code).contains("[see [[alex-example]]](https://status.example.com/)"),
            "{}",
            text(code)
        );
    }
    // Placeholders in a heading are placeholders.
    let doc = page("comms/outage.html");
    let h = doc.select(&sel("h2[id]")).next().expect("heading");
    assert_eq!(
        h.value().attr("id"),
        Some("service-is-down-since-start-time")
    );
    assert_eq!(h.select(&sel("span.placeholder")).count(), 2);
}
