//! Real plans on a phone and on paper: every page of every fixture plan at 360 px in
//! headless Chromium (`tests/browser/phone_check.js`): each numbered item shows its
//! number (start + position, nested lists too, ticked or not, and printed), every
//! `tel:` link and table cell is on the screen with nothing scrolled sideways, no
//! text stays under the hotline button, numbers to call are 44 px tap targets, a
//! step's box stands right after its number (a step that is a task item's too).
//! At 360, 768 and 1280 px no text runs out of the box drawn around it.

use crate::harness::{build_site, figure, node_check, root};

/// The plans the reader is tried on: the example and other organisations' plans.
pub fn fixture_plans() -> Vec<std::path::PathBuf> {
    let mut plans = vec![root().join("example-plan")];
    for p in [
        "water-utility-us",
        "klinikum-nord-de",
        "stress-muehlenbach",
        "kit-aangstroem",
        "markdown-gfm",
        "galil-he",
        "tokai-suido-ja",
        "metropole-loire-fr",
    ] {
        plans.push(root().join("tests/testsuite/plans").join(p));
    }
    plans
}

/// Builds every fixture plan (private values included) and runs SCRIPT of
/// `tests/browser/` on its site: no problem, and each figure of FIGURES above its
/// floor (the check looked at something on every plan).
fn every_fixture_passes(script: &str, figures: &[(&str, usize)]) {
    for plan in fixture_plans() {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("site");
        build_site(&plan, &site, &["--include-private"]);
        let last = node_check(script, &[site.as_os_str()]);
        assert!(last.ends_with("problems=0"), "{}: {last}", plan.display());
        for (key, floor) in figures {
            assert!(figure(&last, key) > *floor, "{}: {last}", plan.display());
        }
    }
}

#[test]
fn every_page_of_every_fixture_plan_reads_on_a_phone() {
    every_fixture_passes(
        "phone_check.js",
        &[("ordinals", 0), ("steps", 0), ("tels", 0), ("cells", 0)],
    );
}

/// At a phone's, a tablet's and a desktop's width (`tests/browser/spill_check.js`),
/// no text runs out of the box drawn around it: a long call tree's name ran out of
/// its severity level's box on five of these plans at 768 and 1280 px.
#[test]
fn no_text_runs_out_of_its_box_on_a_phone_a_tablet_or_a_desktop() {
    every_fixture_passes("spill_check.js", &[("boxes", 100)]);
}

#[test]
fn steps_numbered_from_12_keep_their_numbers_in_the_html() {
    // The Markdown side of it: `12.` starts the list at 12, and the nested list
    // counts from 1 again; the browser test reads what is drawn.
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    build_site(
        &root().join("tests/testsuite/plans/water-utility-us"),
        &site,
        &[],
    );
    let html = std::fs::read_to_string(site.join("runbooks/scada-manual-operation.html"))
        .expect("the runbook");
    let doc = scraper::Html::parse_document(&html);
    let ol = scraper::Selector::parse("section.checklist > ol").expect("selector");
    let first = doc.select(&ol).next().expect("a numbered list");
    assert_eq!(first.value().attr("start"), Some("12"));
    let items = scraper::Selector::parse(":scope > li").expect("selector");
    assert_eq!(first.select(&items).count(), 4);
}
