//! The built site in a real browser: headless Chromium, driven by playwright-core
//! (`tests/browser/site_check.js`; `.ci/run` installs both).

use crate::harness::{build_site, figure, node_check, root};

/// Runs the browser check on a site; fails with its findings.
fn browser_check(site: &std::path::Path) {
    browser_check_with(site, &[]);
}

/// The browser check with options (`--hostile`); returns its last line.
fn browser_check_with(site: &std::path::Path, options: &[&str]) -> String {
    let mut args = vec![site.as_os_str()];
    args.extend(options.iter().map(std::ffi::OsStr::new));
    let last = node_check("site_check.js", &args);
    assert!(last.ends_with("problems=0"), "{last}");
    last
}

#[test]
fn the_example_site_works_in_chromium_at_phone_width() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let plan = root().join("example-plan");
    build_site(&plan, &site, &["--include-private"]);
    browser_check(&site);
}

#[test]
fn a_stress_plan_fits_a_phone_with_and_without_private_data() {
    // Another organisation's plan: long labels and names beyond ASCII, wide tables,
    // long unbroken words and addresses, a deep call tree, nested folders.
    let plan = root().join("tests/testsuite/plans/stress-muehlenbach");
    for extra in [&[][..], &["--include-private"][..]] {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("site");
        build_site(&plan, &site, extra);
        browser_check(&site);
    }
}

#[test]
fn a_hostile_plan_opens_no_dialog_and_requests_nothing_outside_the_site() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan");
    // Every payload but the dangling reference, which is an error that stops the build.
    let payloads: Vec<&str> = crate::hostile::PAYLOADS
        .iter()
        .copied()
        .filter(|p| !p.contains("[[nope"))
        .collect();
    crate::hostile::write_plan(&plan, &payloads.join(" "));
    let site = dir.path().join("site");
    build_site(&plan, &site, &[]);
    browser_check(&site);
    // Its wallet cards still print at size, with nothing sticking out of a card.
    let last = kit_check(&site);
    assert!(figure(&last, "faces") > 0, "{last}");
    // Searching for the payloads shows them as text (no dialog, no request), and the
    // single file of the plan opens with no console error and no request.
    let one = dir.path().join("one.html");
    let run = crate::harness::lifeboat(&[
        "build",
        plan.to_str().expect("path"),
        "--single-file",
        one.to_str().expect("path"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let config = dir.path().join("reader.json");
    std::fs::write(
        &config,
        serde_json::json!({
            "site": site,
            "searches": [["alert", ""], ["script", ""], ["evil", ""]],
            "single": one,
            "phone": false,
        })
        .to_string(),
    )
    .expect("config");
    let last = node_check("reader_check.js", &[config.as_os_str()]);
    assert!(last.ends_with("problems=0"), "{last}");
}

#[test]
fn hostile_template_overrides_are_refused_or_held_by_the_pages_security_policy() {
    // Templates are plan content too. An override that would run script (its own, a
    // handler, a script file it brought) is a build error; what is left (loads from
    // another host, frames, forms) is held by the policy every page carries, put
    // first by the renderer.
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan");
    crate::hostile::write_plan(&plan, "Hostile templates");
    std::fs::create_dir_all(plan.join("templates")).expect("mkdir");
    let layout = |evil: &str| {
        format!(
            "{evil}<!DOCTYPE html><html><head>{evil}<title>{{{{ title }}}}</title></head>\
             <body>{evil}{{{{ content | safe }}}}\
             <script src=\"{{{{ root }}}}lifeboat.js\"></script></body></html>"
        )
    };
    let scripted = "<script>alert('template')</script><svg onload=\"alert('svg')\"></svg>";
    std::fs::write(plan.join("templates/layout.html"), layout(scripted)).expect("write");
    let run = crate::harness::lifeboat(&[
        "build",
        plan.to_str().expect("path"),
        "-o",
        dir.path().join("refused").to_str().expect("path"),
        "--now",
        crate::harness::NOW,
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error[active-content]: templates/layout.html:1:"),
        "{}",
        run.stderr
    );
    let evil = "<img src=\"https://evil.example/pixel.png\">\
        <iframe src=\"https://evil.example/\"></iframe>\
        <object data=\"https://evil.example/x.swf\"></object>\
        <link rel=\"stylesheet\" href=\"https://evil.example/x.css\">\
        <form action=\"https://evil.example/\"><input name=q></form>";
    std::fs::write(plan.join("templates/layout.html"), layout(evil)).expect("write");
    let site = dir.path().join("site");
    build_site(&plan, &site, &[]);
    let page = std::fs::read_to_string(site.join("index.html")).expect("page");
    assert!(
        page.starts_with("<meta http-equiv=\"Content-Security-Policy\""),
        "the policy comes before anything a template writes: {}",
        &page[..200]
    );
    let last = browser_check_with(&site, &["--hostile"]);
    // The policy was put to work on every page, and nothing got through.
    let blocked: usize = last
        .split_whitespace()
        .find_map(|w| w.strip_prefix("blocked="))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(blocked > 0, "{last}");
}

/// Runs `tests/browser/kit_check.js` on a site: cards printed to PDF and measured,
/// templates filled in. Returns its last line.
fn kit_check(site: &std::path::Path) -> String {
    node_check("kit_check.js", &[site.as_os_str()])
}

#[test]
fn wallet_cards_print_at_cr80_size_on_a4_and_letter() {
    // The example, another organisation's plan with names beyond ASCII and a
    // branching call tree, and the stress plan with long labels everywhere.
    for plan in [
        root().join("example-plan"),
        root().join("tests/testsuite/plans/kit-aangstroem"),
        root().join("tests/testsuite/plans/stress-muehlenbach"),
        root().join("tests/testsuite/plans/water-utility-us"),
        root().join("tests/testsuite/plans/klinikum-nord-de"),
        // Right to left: the sheet's words stay on it, numbers read left to right.
        root().join("tests/testsuite/plans/galil-he"),
        // Japanese: titles and names with no space to wrap at.
        root().join("tests/testsuite/plans/tokai-suido-ja"),
        // French: the interface's longer words, names with particles, five cards
        // with each kind of QR code.
        root().join("tests/testsuite/plans/metropole-loire-fr"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("site");
        build_site(&plan, &site, &[]);
        let last = kit_check(&site);
        assert!(figure(&last, "faces") >= 4, "{}: {last}", plan.display());
        if [
            "klinikum-nord-de",
            "water-utility-us",
            "galil-he",
            "tokai-suido-ja",
        ]
        .iter()
        .all(|p| !plan.ends_with(p))
        {
            assert!(
                figure(&last, "templates") >= 1,
                "{}: {last}",
                plan.display()
            );
        }
        if plan.ends_with("kit-aangstroem") {
            // The kit's pages pass the reader's check at phone width (the other two
            // plans have their own tests of that).
            browser_check(&site);
        }
    }
}

#[test]
fn a_card_that_cannot_hold_its_text_continues_on_another_and_the_build_says_so() {
    // The CIO of the hospital calls six people, each with an alternate: the card
    // continues on further cards (each face headed "n/m"), and what does not fit even
    // there is named in a warning, with the card. Nothing is cut silently.
    let plan = root().join("tests/testsuite/plans/klinikum-nord-de");
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let run = crate::harness::lifeboat(&[
        "build",
        plan.to_str().expect("path"),
        "-o",
        site.to_str().expect("path"),
        "--now",
        crate::harness::NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let card = "call-tree:krisenstab-it:annegret-schaefer-lueddecke";
    assert!(
        run.stderr.lines().any(|l| l.starts_with("warning: card ")
            && l.contains(card)
            && l.contains("continues on")),
        "{}",
        run.stderr
    );
    // The summary counts the warnings it printed, the cards' among them.
    let printed = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning"))
        .count();
    assert!(
        run.stderr
            .contains(&format!(" items, {printed} warnings) into ")),
        "{}",
        run.stderr
    );
    let html = std::fs::read_to_string(site.join("cards/index.html")).expect("cards");
    let doc = scraper::Html::parse_document(&html);
    let faces =
        scraper::Selector::parse(&format!(".card-front[data-card=\"{card}\"]")).expect("selector");
    let parts: Vec<&str> = doc
        .select(&faces)
        .filter_map(|f| f.value().attr("data-part"))
        .collect();
    assert!(parts.len() >= 2, "{parts:?}");
    assert_eq!(parts[0], "1");
    // A card that fits says nothing.
    assert!(
        !run.stderr
            .contains("krisenstab-it:friedrich-koenig: its text"),
        "{}",
        run.stderr
    );
}
