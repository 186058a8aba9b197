//! Each item of the plan as a document of the index: its title, page, a line of
//! facts, its phone numbers, and the words of all of them and of its prose.

use super::words::excerpt;
use super::*;

pub(super) fn opt(o: &Opt<String>) -> Option<&str> {
    o.as_ref().map(|x| x.value.as_str())
}

/// The digits of a phone number, as the search box compares them.
pub(super) fn digits(number: &str) -> String {
    number.chars().filter(char::is_ascii_digit).collect()
}

/// The item as a document, its words added to `hits` as document `doc`.
pub(super) fn item_doc(
    input: &Input,
    r: ItemRef,
    private: bool,
    doc: u32,
    sections: Option<Vec<TextSection>>,
    hits: &mut Hits,
    buf: &mut String,
) -> Doc {
    let plan = input.plan;
    let head = plan.head(r);
    let title = plan.name_of(r).to_string();
    let name = |id: &Opt<String>| {
        id.as_ref().map(|x| {
            plan.lookup(&x.value)
                .map_or(x.value.as_str(), |r| plan.name_of(r))
                .to_string()
        })
    };
    let names = |ids: &[crate::model::Text]| -> Vec<String> {
        ids.iter()
            .map(|x| {
                plan.lookup(&x.value)
                    .map_or(x.value.as_str(), |r| plan.name_of(r))
                    .to_string()
            })
            .collect()
    };
    // Facts shown under the title; every field searchable.
    let mut facts: Vec<String> = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut phones: Vec<String> = Vec::new();
    let mut phone = |p: Option<&str>, facts: &mut Vec<String>, show: bool| {
        if let Some(p) = p {
            phones.push(digits(p));
            // Written with a trunk (0) (`+44 (0)20 ...`): found as dialled too.
            let dialled = crate::model::dialled(p);
            let dialled = digits(dialled.split(',').next().unwrap_or_default());
            if !phones.last().is_some_and(|d| d.contains(&dialled)) {
                phones.push(dialled);
            }
            if show {
                facts.push(p.to_string());
            }
        }
    };
    let i = r.index;
    match r.kind {
        Kind::Contact => {
            let x = &plan.contacts[i];
            facts.extend(opt(&x.role).map(str::to_string));
            facts.extend(name(&x.team));
            phone(opt(&x.phone), &mut facts, true);
            phone(opt(&x.mobile), &mut facts, x.phone.is_none());
            fields.extend(opt(&x.email).map(str::to_string));
            fields.extend(opt(&x.location).map(str::to_string));
            if private && let Some(p) = &x.private {
                phone(opt(&p.home_phone), &mut facts, false);
                phone(opt(&p.personal_mobile), &mut facts, false);
                fields.extend(opt(&p.personal_email).map(str::to_string));
                fields.extend(opt(&p.home_address).map(str::to_string));
            }
        }
        Kind::Team => {
            let x = &plan.teams[i];
            facts.extend(name(&x.lead).map(|l| format!("lead {l}")));
            phone(opt(&x.phone), &mut facts, true);
            fields.extend(names(&x.members));
        }
        Kind::CallTree => {
            let x = &plan.call_trees[i];
            facts.extend(name(&x.root).map(|l| format!("starts with {l}")));
        }
        Kind::Vendor => {
            let x = &plan.vendors[i];
            facts.extend(opt(&x.supplies).map(str::to_string));
            phone(opt(&x.support_phone), &mut facts, true);
            facts.extend(opt(&x.account).map(|a| format!("account {a}")));
            fields.extend(opt(&x.support_email).map(str::to_string));
            fields.extend(opt(&x.sla).map(str::to_string));
            for c in &x.contacts {
                fields.push(c.name.value.clone());
                fields.extend(opt(&c.role).map(str::to_string));
                fields.extend(opt(&c.email).map(str::to_string));
                phone(opt(&c.phone), &mut facts, false);
            }
        }
        Kind::Risk => {
            let x = &plan.risks[i];
            facts.extend(opt(&x.category).map(str::to_string));
            fields.extend(opt(&x.threat).map(str::to_string));
            fields.extend(opt(&x.vulnerability).map(str::to_string));
            fields.extend(opt(&x.treatment).map(str::to_string));
            fields.extend(name(&x.owner));
        }
        Kind::Service => {
            let x = &plan.services[i];
            facts.extend(x.tier.as_ref().map(|t| format!("tier {}", t.value)));
            facts.extend(x.rto.as_ref().map(|d| format!("RTO {}", d.value)));
            facts.extend(name(&x.owner));
            fields.extend(name(&x.team));
            fields.extend(opt(&x.location).map(str::to_string));
            fields.extend(names(&x.vendors));
        }
        Kind::Process => {
            let x = &plan.processes[i];
            facts.extend(name(&x.owner));
            fields.extend(opt(&x.workaround).map(str::to_string));
            fields.extend(names(&x.services));
        }
        Kind::Runbook => {
            let x = &plan.runbooks[i];
            facts.extend(opt(&x.kind).map(str::to_string));
            facts.extend(x.scenarios.iter().map(|s| s.value.clone()));
            facts.extend(x.estimated.as_ref().map(|d| format!("about {}", d.value)));
            fields.extend(names(&x.services));
            fields.extend(name(&x.owner));
        }
        Kind::Template => {
            let x = &plan.templates[i];
            facts.extend(opt(&x.channel).map(str::to_string));
            facts.extend(x.severity.iter().map(|s| s.value.clone()));
            fields.extend(names(&x.audience));
        }
        Kind::Stakeholder => {
            let x = &plan.stakeholders[i];
            facts.extend(opt(&x.channel).map(str::to_string));
            fields.extend(names(&x.contacts));
        }
        Kind::Exercise => {
            let x = &plan.exercises[i];
            facts.extend(opt(&x.kind).map(str::to_string));
            facts.extend(x.date.as_ref().map(|d| d.value.to_string()));
            facts.extend(opt(&x.status).map(str::to_string));
            fields.extend(opt(&x.outcome).map(str::to_string));
        }
        Kind::Card => {}
    }
    hits.text(&title, doc, 0, TITLE, buf);
    hits.text(&head.id.value, doc, 0, TITLE, buf);
    for f in facts.iter().chain(&fields) {
        hits.text(f, doc, 0, FIELD, buf);
    }
    let mut targets = vec![(String::new(), String::new(), String::new())];
    // Read off the item's page when it was drawn; debug builds (every test's) read
    // it again here and compare.
    let read = || {
        let dir = crate::render::views::source_dir(&input.sources.get(head.at.file).path);
        text_sections(plan, &head.body.markdown, dir, input.assets)
    };
    let sections = match sections {
        Some(s) => {
            #[cfg(debug_assertions)]
            assert_eq!(
                s,
                read(),
                "the text of {} as its page read it",
                head.id.value
            );
            s
        }
        None => read(),
    };
    for s in sections {
        // Sections beyond the 65,535th count as part of the last one kept.
        if s.anchor.is_empty() {
            targets[0].2 = excerpt(&s.text);
        } else if targets.len() < usize::from(u16::MAX) {
            targets.push((s.anchor.clone(), s.heading.clone(), excerpt(&s.text)));
        }
        let k = if s.anchor.is_empty() {
            0
        } else {
            targets.len() - 1
        };
        let k = u16::try_from(k).unwrap_or(u16::MAX - 1);
        hits.text(&s.heading, doc, k, BODY, buf);
        hits.text(&s.text, doc, k, BODY, buf);
    }
    Doc {
        kind: kind_label(r.kind),
        title,
        page: paths::page(plan, r).unwrap_or_default(),
        facts: facts.join(" · "),
        phones,
        targets,
    }
}
