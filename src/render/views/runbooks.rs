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
        kind: text(&x.kind),
        services: c.link_all(&x.services),
        owner: c.link_opt(&x.owner),
        estimated: dur(&x.estimated),
        last_tested: date(&x.last_tested),
    }
}

pub fn runbooks(c: &Ctx) -> Vec<RunbookRow> {
    (0..c.plan.runbooks.len())
        .map(|i| runbook_row(c, i))
        .collect()
}

#[derive(Serialize)]
pub struct RunbookPage {
    pub title: String,
    pub row: RunbookRow,
    pub scenarios: Vec<String>,
    pub reviewed: Option<String>,
    pub exercises: Vec<ItemLink>,
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
        row: runbook_row(c, index),
        scenarios: x.scenarios.iter().map(|s| s.value.clone()).collect(),
        reviewed: date(&x.reviewed),
        exercises: c.referrer_links(r, Kind::Exercise, "runbooks"),
        related: c.related(r, &[(Kind::Exercise, "runbooks")]),
        prose: c.prose(ItemRef {
            kind: Kind::Runbook,
            index,
        }),
    }
}
