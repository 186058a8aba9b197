//! Who is ready: trainings and briefings, `[policy] train_every` and the `untrained`
//! warning, the readiness page (states around `--now`, on a phone), contacts' and
//! runbooks' pages, and planned trainings in the calendar.

use crate::harness::{build_site, lifeboat, node_check, root};
use std::path::{Path, PathBuf};

/// A small plan: a call tree (Ana calls Ben and Cara), a team (Ops: Dan, led by
/// Ben), a runbook owned by Cara, and the given exercises.
fn plan(dir: &Path, policy: &str, exercises: &str) -> PathBuf {
    let p = dir.join("plan");
    std::fs::create_dir_all(p.join("contacts")).expect("mkdir");
    std::fs::create_dir_all(p.join("runbooks")).expect("mkdir");
    std::fs::create_dir_all(p.join("exercises")).expect("mkdir");
    std::fs::write(
        p.join("plan.toml"),
        format!("[plan]\ntitle = \"Ready plan\"\norganization = \"Org\"\nversion = \"1\"\n\n[policy]\n{policy}\n"),
    )
    .expect("plan.toml");
    std::fs::write(
        p.join("contacts/people.toml"),
        r#"[[contact]]
id = "ana"
name = "Ana Ruiz"
phone = "+44 7700 900001"

[[contact]]
id = "ben"
name = "Ben Ode"
phone = "+44 7700 900002"

[[contact]]
id = "cara"
name = "Cara Lind"
phone = "+44 7700 900003"

[[contact]]
id = "dan"
name = "Dan Moe"
phone = "+44 7700 900004"

[[team]]
id = "ops"
name = "Operations"
lead = "ben"
members = ["dan"]

[[call_tree]]
id = "tree"
title = "Major incident"
root = "ana"
calls = { ana = ["ben", "cara"] }
"#,
    )
    .expect("people");
    std::fs::write(
        p.join("runbooks/restore.md"),
        "+++\ntitle = \"Restore the database\"\nowner = \"cara\"\n+++\n1. Restore it.\n",
    )
    .expect("runbook");
    std::fs::write(
        p.join("runbooks/other.md"),
        "+++\ntitle = \"Another runbook\"\nowner = \"ana\"\n+++\n1. Do it.\n",
    )
    .expect("runbook");
    std::fs::write(p.join("exercises/log.toml"), exercises).expect("exercises");
    p
}

fn untrained(plan: &Path) -> Vec<String> {
    let run = lifeboat(&["check", &plan.to_string_lossy(), "--now", "2026-11-24"]);
    run.stdout
        .lines()
        .filter(|l| l.starts_with("warning[untrained]"))
        .map(str::to_string)
        .collect()
}

const TRAINED_ALL_BUT_CARA_RUNBOOK: &str = r#"[[exercise]]
id = "t1"
title = "Call tree training"
kind = "training"
date = 2026-06-01
status = "done"
runbooks = ["other"]
participants = ["ana", "ben", "cara"]
"#;

#[test]
fn untrained_names_the_person_and_the_roles_and_goes_when_they_are_trained() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Nobody trained: everyone with a role is warned, at the place giving the role.
    let p = plan(dir.path(), "train_every = \"365d\"", "");
    let w = untrained(&p);
    assert!(
        w.iter().any(|l| l
            .contains("Cara Lind (\"cara\"; in call tree \"tree\", owner of runbook \"restore\")")),
        "{w:#?}"
    );
    assert!(
        w.iter()
            .any(|l| l.contains("Ben Ode") && l.contains("lead of team \"ops\"")),
        "{w:#?}"
    );
    assert!(
        w.iter()
            .any(|l| l.starts_with("warning[untrained]: contacts/people.toml:")),
        "{w:#?}"
    );
    // Dan has no role: never warned.
    assert!(!w.iter().any(|l| l.contains("Dan Moe")), "{w:#?}");

    // Trained on another runbook: Cara's call-tree role is covered, her runbook is
    // not; Ana, trained on hers, and Ben are no longer warned.
    let dir = tempfile::tempdir().expect("temp dir");
    let p = plan(
        dir.path(),
        "train_every = \"365d\"",
        TRAINED_ALL_BUT_CARA_RUNBOOK,
    );
    let w = untrained(&p);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(
        w[0].contains("Cara Lind (\"cara\"; owner of runbook \"restore\")"),
        "{w:#?}"
    );

    // Too long ago (before 2025-11-24): warned again.
    let dir = tempfile::tempdir().expect("temp dir");
    let old = TRAINED_ALL_BUT_CARA_RUNBOOK.replace("2026-06-01", "2025-11-01");
    let p = plan(dir.path(), "train_every = \"365d\"", &old);
    assert!(untrained(&p).iter().any(|l| l.contains("Ana Ruiz")));

    // A planned or cancelled training covers nobody.
    let dir = tempfile::tempdir().expect("temp dir");
    let planned = TRAINED_ALL_BUT_CARA_RUNBOOK.replace("\"done\"", "\"planned\"");
    let p = plan(dir.path(), "train_every = \"365d\"", &planned);
    assert!(untrained(&p).iter().any(|l| l.contains("Ana Ruiz")));

    // Without the policy, no warning at all.
    let dir = tempfile::tempdir().expect("temp dir");
    let p = plan(dir.path(), "", "");
    assert!(untrained(&p).is_empty());
}

#[test]
fn a_team_that_took_part_counts_for_its_members_and_its_lead() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exercises = r#"[[exercise]]
id = "b1"
title = "Briefing for operations"
kind = "briefing"
date = 2026-10-01
status = "done"
participants = ["ops", "ana", "cara"]
runbooks = ["other", "restore"]
"#;
    let p = plan(dir.path(), "train_every = \"365d\"", exercises);
    let w = untrained(&p);
    // Ben (lead of ops, in the call tree) took part through his team.
    assert!(w.is_empty(), "{w:#?}");
    // Dan's page lists the briefing he took part in through his team.
    let site = dir.path().join("site");
    build_site(&p, &site, &[]);
    let dan = std::fs::read_to_string(site.join("contacts/dan.html")).expect("dan");
    assert!(
        dan.contains("Exercises and training") && dan.contains("Briefing for operations"),
        "{dan}"
    );
    assert!(dan.contains("<span class=\"tag\">briefing</span>"));
    // The runbook says when it was last trained and by whom.
    let rb = std::fs::read_to_string(site.join("runbooks/restore.html")).expect("runbook");
    assert!(
        rb.contains("<dt>Last exercised or trained</dt><dd>2026-10-01"),
        "{rb}"
    );
    assert!(rb.contains("Operations"));
}

#[test]
fn the_readiness_page_states_each_role_against_the_date() {
    // Around --now 2026-11-24 with train_every 365d: trained 2026-06-01 is current,
    // 2025-12-10 is due within 30 days (lapses 2026-12-10), 2025-11-01 overdue.
    let dir = tempfile::tempdir().expect("temp dir");
    let exercises = r#"[[exercise]]
id = "a"
title = "Recent"
kind = "training"
date = 2026-06-01
status = "done"
participants = ["ana"]
runbooks = ["other"]

[[exercise]]
id = "b"
title = "Almost a year ago"
kind = "tabletop"
date = 2025-12-10
status = "done"
participants = ["ben"]

[[exercise]]
id = "c"
title = "Long ago"
kind = "training"
date = 2025-11-01
status = "done"
participants = ["cara"]
runbooks = ["restore"]
"#;
    let p = plan(dir.path(), "train_every = \"365d\"", exercises);
    let site = dir.path().join("site");
    build_site(&p, &site, &[]);
    let html = std::fs::read_to_string(site.join("readiness.html")).expect("readiness");
    let doc = scraper::Html::parse_document(&html);
    let row = scraper::Selector::parse("table.readiness tbody tr").expect("selector");
    let rows: Vec<String> = doc
        .select(&row)
        .map(|r| r.text().collect::<Vec<_>>().join(" "))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(rows.len(), 3, "{rows:#?}");
    // Most overdue first: Cara (overdue), Ben (due), Ana (current). Dan has no role.
    assert!(
        rows[0].starts_with("Cara Lind") && rows[0].contains("overdue Long ago 2025-11-01"),
        "{rows:#?}"
    );
    assert!(
        rows[1].starts_with("Ben Ode")
            && rows[1].contains("due within 30 days Almost a year ago 2025-12-10"),
        "{rows:#?}"
    );
    assert!(
        rows[2].starts_with("Ana Ruiz") && rows[2].contains("current Recent 2026-06-01"),
        "{rows:#?}"
    );
    // Ben's team-lead cell counts the same tabletop: any exercise counts for a lead.
    assert!(
        html.contains("1 of 3 people with a role are current."),
        "{html}"
    );
    assert!(!html.contains("Dan Moe"));
    // Linked from the start page and the health page.
    for page in ["index.html", "health.html"] {
        let p = std::fs::read_to_string(site.join(page)).expect(page);
        assert!(p.contains("href=\"readiness.html\""), "{page}");
    }
    // On a phone: every cell on the screen, nothing scrolled sideways.
    let last = node_check("phone_check.js", &[site.as_os_str()]);
    assert!(last.ends_with("problems=0"), "{last}");
}

#[test]
fn planned_trainings_and_briefings_are_in_the_calendar() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exercises = r#"[[exercise]]
id = "next"
title = "Wallet card briefing"
kind = "briefing"
date = 2027-01-20
status = "planned"
participants = ["ops"]
"#;
    let p = plan(dir.path(), "", exercises);
    let site = dir.path().join("site");
    build_site(&p, &site, &[]);
    let ics = std::fs::read_to_string(site.join("exercises.ics")).expect("ics");
    assert!(ics.contains("SUMMARY:Wallet card briefing"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20270120"), "{ics}");
}

#[test]
fn the_example_plan_uses_training_and_has_no_untrained_warning() {
    let run = lifeboat(&[
        "check",
        &root().join("example-plan").to_string_lossy(),
        "--now",
        "2026-11-24",
    ]);
    assert!(!run.stdout.contains("untrained"), "{}", run.stdout);
    let toml = std::fs::read_to_string(root().join("example-plan/plan.toml")).expect("plan.toml");
    assert!(toml.contains("train_every"));
}
