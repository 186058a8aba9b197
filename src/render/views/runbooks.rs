//! Runbooks.

use super::*;

#[derive(Serialize)]
pub struct RunbookRow {
    pub runbook: ItemLink,
    pub kind: Option<String>,
    pub services: Vec<ItemLink>,
    pub owner: Option<ItemLink>,
    pub estimated: Option<String>,
    pub last_tested: Option<String>,
}

pub(super) fn runbook_row(c: &Ctx, index: usize) -> RunbookRow {
    let x = &c.plan.runbooks[index];
    RunbookRow {
        runbook: c.link(ItemRef {
            kind: Kind::Runbook,
            index,
        }),
        kind: c.word("runbook-kind", &x.kind),
        services: c.link_all(&x.services),
        owner: c.link_opt(&x.owner),
        estimated: c.dur(&x.estimated),
        last_tested: c.date_text(&x.last_tested),
    }
}

#[derive(Serialize)]
pub struct Runbooks {
    /// Runbooks of kind `response` first, then the others, each in plan order.
    pub rows: Vec<RunbookRow>,
    pub scenarios: Vec<Scenario>,
}

/// The runbooks written for one scenario.
#[derive(Serialize)]
pub struct Scenario {
    pub name: String,
    pub runbooks: Vec<ItemLink>,
}

pub fn runbooks(c: &Ctx) -> Runbooks {
    Runbooks {
        rows: c
            .plan
            .runbooks_response_first()
            .into_iter()
            .map(|i| runbook_row(c, i))
            .collect(),
        scenarios: by_scenario(c),
    }
}

/// Runbooks grouped by scenario, scenarios in alphabetical order, response
/// runbooks first in each.
pub fn by_scenario(c: &Ctx) -> Vec<Scenario> {
    let plan = c.plan;
    let mut groups: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (i, r) in plan.runbooks.iter().enumerate() {
        for s in &r.scenarios {
            groups.entry(s.value.as_str()).or_default().push(i);
        }
    }
    groups
        .into_iter()
        .map(|(name, mut list)| {
            list.sort_by_key(|&i| !plan.runbooks[i].is_response());
            Scenario {
                name: scenario_title(plan, name),
                runbooks: list
                    .into_iter()
                    .map(|index| {
                        c.link(ItemRef {
                            kind: Kind::Runbook,
                            index,
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A scenario as a reader reads it: the title of the risk it names, or its id
/// written as words ("site-loss" is "Site loss").
pub fn scenario_title(plan: &Plan, id: &str) -> String {
    if let Some(r) = plan.lookup(id).filter(|r| r.kind == Kind::Risk) {
        return plan.name_of(r).to_string();
    }
    let words = id.replace(['-', '_'], " ");
    let words = words.trim();
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => id.to_string(),
    }
}

#[derive(Serialize)]
pub struct RunbookPage {
    pub title: String,
    pub id: String,
    /// `estimated` in minutes, for the checklist's clock.
    pub estimated_minutes: Option<u64>,
    pub row: RunbookRow,
    pub scenarios: Vec<String>,
    pub reviewed: Option<String>,
    pub exercises: Vec<ItemLink>,
    /// The last done exercise or training that covered it, and who took part.
    pub last_covered: Option<LastCovered>,
    pub related: Vec<Group>,
    pub prose: String,
}

pub fn runbook(c: &Ctx, index: usize) -> RunbookPage {
    let x = &c.plan.runbooks[index];
    let r = ItemRef {
        kind: Kind::Runbook,
        index,
    };
    RunbookPage {
        title: x.title.value.clone(),
        id: x.head.id.value.clone(),
        estimated_minutes: x.estimated.as_ref().map(|d| d.value.minutes),
        row: runbook_row(c, index),
        scenarios: x
            .scenarios
            .iter()
            .map(|s| scenario_title(c.plan, &s.value))
            .collect(),
        reviewed: c.date_text(&x.reviewed),
        exercises: c.referrer_links(r, Kind::Exercise, "runbooks"),
        last_covered: last_covered(c, index),
        related: c.related(r, &[(Kind::Exercise, "runbooks")]),
        prose: c.prose(ItemRef {
            kind: Kind::Runbook,
            index,
        }),
    }
}
