//! The start page: what to do now.

use super::*;

#[derive(Serialize)]
pub struct Start {
    pub severities: Vec<SeverityView>,
    pub call_trees: Vec<CallTreeView>,
    pub tier1: Vec<Tier1Service>,
    pub overdue: Option<String>,
    /// When the review falls due, if it has not yet.
    pub review_due: Option<String>,
    pub last_reviewed: Option<String>,
    pub owner: Option<ItemLink>,
    pub warnings: usize,
    /// Runbooks of kind `response`: where to start.
    pub response: Vec<super::runbooks::RunbookRow>,
    pub scenarios: Vec<super::runbooks::Scenario>,
}

#[derive(Serialize)]
pub struct SeverityView {
    pub level: String,
    pub title: Option<String>,
    pub criteria: Option<String>,
    pub respond_within: Option<String>,
    pub update_every: Option<String>,
    pub notify: Vec<ItemLink>,
    pub call_tree: Option<ItemLink>,
    /// The call tree's title names it a call tree already: shown without the label.
    pub call_tree_named: bool,
    pub templates: Vec<ItemLink>,
}

#[derive(Serialize)]
pub struct CallTreeView {
    pub anchor: String,
    /// The tree's own page.
    pub link: ItemLink,
    pub title: String,
    pub report_back: Option<ItemLink>,
    /// The cascade in calling order, each with its depth (the root is 0).
    pub steps: Vec<CallStep>,
    pub prose: String,
}

/// One person of the cascade, drawn as nested numbered lists: each caller's list
/// holds the people they call, in order.
#[derive(Serialize)]
pub struct CallStep {
    pub depth: usize,
    pub person: ItemLink,
    /// This person starts a new list inside their caller's item.
    pub open: bool,
    /// The people this person calls follow inside their item.
    pub leave_open: bool,
    /// Lists closed after this person (with the items that hold them).
    pub close: usize,
}

/// Lists deeper than this are drawn at this depth, so that a very deep chain stays
/// a list a browser can lay out (the numbers then run on at the deepest level).
const MAX_NESTING: usize = 8;

fn nested_steps(c: &Ctx, cascade: &[crate::model::CallStep]) -> Vec<CallStep> {
    let depth = |i: usize| cascade.get(i).map_or(0, |s| s.depth.min(MAX_NESTING));
    (0..cascade.len())
        .map(|i| {
            let (d, next) = (depth(i), depth(i + 1));
            CallStep {
                depth: cascade[i].depth,
                person: c.link_id(cascade[i].who),
                open: i > 0 && d > depth(i - 1),
                leave_open: i + 1 < cascade.len() && next > d,
                close: if i + 1 < cascade.len() && next > d {
                    0
                } else {
                    d - next.min(d)
                },
            }
        })
        .collect()
}

#[derive(Serialize)]
pub struct Tier1Service {
    pub service: ItemLink,
    pub rto: Option<String>,
    pub runbooks: Vec<ItemLink>,
}

pub fn start(c: &Ctx, warnings: usize) -> Start {
    let plan = c.plan;
    let s = &plan.settings;
    let severities = s
        .severities
        .iter()
        .map(|l| SeverityView {
            level: l.level.value.clone(),
            title: text(&l.title),
            criteria: text(&l.criteria),
            respond_within: c.dur(&l.respond_within),
            update_every: c.dur(&l.update_every),
            notify: c.link_all(&l.notify),
            call_tree: c.link_opt(&l.call_tree),
            call_tree_named: c.link_opt(&l.call_tree).is_some_and(|t| {
                call_trees::names_itself(c.catalog, "severity-call-tree", "tree", &t.text)
            }),
            templates: plan
                .templates
                .iter()
                .enumerate()
                .filter(|(_, t)| t.severity.iter().any(|x| x.value == l.level.value))
                .map(|(index, _)| {
                    c.link(ItemRef {
                        kind: Kind::Template,
                        index,
                    })
                })
                .collect(),
        })
        .collect();
    let call_trees = (0..plan.call_trees.len())
        .map(|index| call_tree(c, index))
        .collect();
    let tier1 = plan
        .services
        .iter()
        .enumerate()
        .filter(|(_, x)| x.tier.as_ref().is_some_and(|t| t.value == 1))
        .map(|(index, x)| {
            let r = ItemRef {
                kind: Kind::Service,
                index,
            };
            Tier1Service {
                service: c.link(r),
                rto: c.dur(&x.rto),
                runbooks: c.referrer_links(r, Kind::Runbook, "services"),
            }
        })
        .collect();
    Start {
        severities,
        call_trees,
        tier1,
        overdue: review_overdue(plan, c.today, c.catalog),
        review_due: review_due(plan, c.today),
        last_reviewed: s
            .info
            .last_reviewed
            .as_ref()
            .map(|d| date_text(c.catalog, d.value)),
        owner: c.link_opt(&s.info.owner),
        warnings,
        response: (0..plan.runbooks.len())
            .filter(|&i| plan.runbooks[i].is_response())
            .map(|i| super::runbooks::runbook_row(c, i))
            .collect(),
        scenarios: super::runbooks::by_scenario(c),
    }
}

/// The day the plan falls due for review, when that is today or later (the page
/// shows the overdue banner from then on, in the reader's browser).
pub fn review_due(plan: &Plan, today: Date) -> Option<String> {
    let info = &plan.settings.info;
    let (last, every) = (info.last_reviewed.as_ref()?, info.review_every.as_ref()?);
    let due = last.value.plus_days(every.value.days());
    (due >= today).then(|| due.to_string())
}

/// "The plan was due for review on 2026-03-30", when it is.
pub fn review_overdue(plan: &Plan, today: Date, catalog: &crate::i18n::Catalog) -> Option<String> {
    let info = &plan.settings.info;
    let (last, every) = (info.last_reviewed.as_ref()?, info.review_every.as_ref()?);
    let due = last.value.plus_days(every.value.days());
    (due < today).then(|| {
        catalog.format(
            "banner-overdue",
            &[
                ("due", super::date_text(catalog, due).into()),
                ("last", super::date_text(catalog, last.value).into()),
            ],
        )
    })
}

pub(super) fn call_tree(c: &Ctx, index: usize) -> CallTreeView {
    let t = &c.plan.call_trees[index];
    let steps = nested_steps(c, &t.cascade());
    CallTreeView {
        anchor: paths::call_tree_anchor(&t.head.id),
        link: c.link(ItemRef {
            kind: Kind::CallTree,
            index,
        }),
        title: t.title.value.clone(),
        report_back: t.reports_to().map(|x| c.link_id(x)),
        steps,
        prose: String::new(),
    }
}
