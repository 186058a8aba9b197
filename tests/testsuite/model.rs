//! The resolved plan as later stages see it: the id index and recovery waves.

use crate::harness::root;
use lifeboat::model::{ItemRef, Kind};

fn example() -> lifeboat::load::Loaded {
    lifeboat::load::load(&root().join("example-plan")).expect("example plan loads")
}

#[test]
fn every_item_of_the_example_is_in_the_index_under_its_kind() {
    let loaded = example();
    let plan = &loaded.plan;
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let counts = [
        (Kind::Service, plan.services.len()),
        (Kind::Runbook, plan.runbooks.len()),
        (Kind::Contact, plan.contacts.len()),
        (Kind::Card, plan.cards.len()),
    ];
    assert_eq!(counts.map(|(_, n)| n), [12, 12, 16, 4]);
    for (kind, head) in plan.heads() {
        let r = plan.lookup(&head.id.value).expect("indexed");
        assert_eq!(r.kind, kind, "{}", head.id.value);
        assert_eq!(plan.head(r).id.value, head.id.value);
    }
    // Markdown ids come from file names; items keep their place in path order.
    assert_eq!(plan.contacts[0].head.id.value, "ana-ruiz");
    assert_eq!(plan.runbooks[0].head.id.value, "db-cluster-restore");
    assert_eq!(
        plan.lookup("epicure"),
        Some(ItemRef {
            kind: Kind::Vendor,
            index: 0
        })
    );
}

#[test]
fn recovery_waves_restore_dependencies_first() {
    let loaded = example();
    let plan = &loaded.plan;
    let waves = lifeboat::analyze::recovery_waves(plan);
    let names: Vec<Vec<&str>> = waves
        .iter()
        .map(|w| {
            w.iter()
                .map(|&i| plan.services[i].head.id.value.as_str())
                .collect()
        })
        .collect();
    assert_eq!(names[0], ["network-core"]);
    assert_eq!(
        names.iter().map(Vec::len).sum::<usize>(),
        plan.services.len()
    );
    let wave_of = |id: &str| names.iter().position(|w| w.contains(&id)).expect("placed");
    for s in &plan.services {
        for d in &s.depends_on {
            assert!(
                wave_of(&d.value) < wave_of(&s.head.id.value),
                "{} needs {}",
                s.head.id.value,
                d.value
            );
        }
    }
}

#[test]
fn services_on_a_loop_are_left_out_of_the_waves() {
    let loaded = lifeboat::load::load(&root().join("tests/testsuite/check/dependency-cycle"))
        .expect("loads");
    let waves = lifeboat::analyze::recovery_waves(&loaded.plan);
    assert!(waves.is_empty(), "a, b, c loop and d needs a: {waves:?}");
}

#[test]
fn references_form_a_graph_in_both_directions() {
    let loaded = example();
    let plan = &loaded.plan;
    let links = lifeboat::analyze::analyze(
        plan,
        lifeboat::model::Date::new(2026, 11, 24).expect("date"),
    )
    .links;
    let id = |r: ItemRef| plan.head(r).id.value.as_str();
    let ehr = plan.lookup("ehr").expect("ehr");
    let uses: Vec<(&str, &str)> = links.from(ehr).map(|l| (l.field, id(l.to))).collect();
    assert_eq!(
        uses,
        [
            ("owner", "george-hall"),
            ("team", "clinical-apps"),
            ("depends_on", "db-cluster"),
            ("depends_on", "sso"),
            ("depends_on", "network-core"),
            ("vendors", "epicure"),
            ("body", "ehr-downtime-procedures"),
            ("body", "ehr-failover"),
        ]
    );
    // Who needs the EHR: processes, runbooks, risks and exercises, by field.
    let used_by: Vec<(&str, Kind, &str)> = links
        .to(ehr)
        .filter(|l| l.field == "services")
        .map(|l| (l.field, l.from.kind, id(l.from)))
        .collect();
    assert!(
        used_by.contains(&("services", Kind::Process, "admissions")),
        "{used_by:?}"
    );
    assert!(
        used_by.contains(&("services", Kind::Runbook, "ehr-failover")),
        "{used_by:?}"
    );
    assert!(
        used_by.contains(&("services", Kind::Risk, "r-ransomware")),
        "{used_by:?}"
    );
    assert!(
        used_by.contains(&("services", Kind::Exercise, "2026-09-ransomware-tabletop")),
        "{used_by:?}"
    );
    // A person's page: everything they own or appear in.
    let ana = plan.lookup("ana-ruiz").expect("ana");
    let mut roles: Vec<(&str, &str)> = links.to(ana).map(|l| (l.field, id(l.from))).collect();
    roles.sort();
    roles.dedup();
    for expected in [
        ("calls", "major-incident"),
        ("root", "major-incident"),
        ("owner", "ehr-failover"),
        ("facilitator", "2026-06-dc-failover"),
        ("contacts", "staff-card"),
        ("qr", "manager-card"),
        ("alternates", "fatima-shah"),
        ("body", "major-incident"),
    ] {
        assert!(roles.contains(&expected), "{expected:?} not in {roles:?}");
    }
    // Every link points at an item of a kind the field allows.
    for (item, _) in plan.items() {
        for l in links.from(item) {
            if l.field == "owner" || l.field == "facilitator" {
                assert_eq!(l.to.kind, Kind::Contact);
            }
            if l.field == "depends_on" {
                assert_eq!(l.to.kind, Kind::Service);
            }
        }
    }
}
