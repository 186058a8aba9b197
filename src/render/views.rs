//! Typed template contexts: what each page shows, worked out from the plan and its
//! link graph. Every href here is relative to the page (it starts with `root`).

use super::markdown::{self, Target, number_of};
use super::paths::{self, escape};
use super::svg;
use crate::model::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// A link to an item (or plain text when it has no page), with the number to call
/// for people, teams and vendors. `name_html` (the link) and `html` (the link and the
/// number) are drawn here once, because a template macro per link made rendering
/// a large plan several times slower.
#[derive(Serialize, Clone)]
pub struct ItemLink {
    pub href: Option<String>,
    pub text: String,
    pub phone: Option<Phone>,
    pub name_html: String,
    pub html: String,
}

impl ItemLink {
    fn new(href: Option<String>, text: String, phone: Option<Phone>) -> ItemLink {
        let name_html = match &href {
            Some(h) => format!("<a href=\"{}\">{}</a>", escape(h), escape(&text)),
            None => escape(&text),
        };
        let html = match &phone {
            Some(p) => format!(
                "{name_html} <a class=\"tel\" href=\"{}\">{}</a>",
                escape(&p.tel),
                escape(&p.number)
            ),
            None => name_html.clone(),
        };
        ItemLink {
            href,
            text,
            phone,
            name_html,
            html,
        }
    }
}

#[derive(Serialize, Clone)]
pub struct Phone {
    pub number: String,
    pub tel: String,
}

impl Phone {
    fn of(number: &str) -> Phone {
        Phone {
            number: number.to_string(),
            tel: tel_uri(number),
        }
    }
}

/// Links to the items that refer to an item through one field, e.g. "Owner of" services.
#[derive(Serialize)]
pub struct Group {
    pub title: String,
    pub items: Vec<ItemLink>,
}

/// What a page needs to know besides the plan: where it is and what is shown.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub plan: &'a Plan,
    pub links: &'a Links,
    pub today: Date,
    pub include_private: bool,
    /// `""` for top-level pages, `"../"` for pages in a folder.
    pub root: &'a str,
    /// Whether several items share the page (the risk register, print.html): then
    /// the anchors of each item's prose start with its id.
    pub shared_page: bool,
    /// Put [`PROSE_MARKER`] where the item's prose goes, for the caller to fill in.
    pub defer_prose: bool,
}

/// Stands for an item's prose in a rendered page, so that the page can be drawn
/// once and completed twice: for its own file and for print.html.
pub const PROSE_MARKER: &str = "\u{FDD0}lifeboat-prose\u{FDD0}";

fn text(o: &Opt<String>) -> Option<String> {
    o.as_ref().map(|s| s.value.clone())
}

fn dur(o: &Opt<Duration>) -> Option<String> {
    o.as_ref().map(|d| d.value.to_string())
}

fn date(o: &Opt<Date>) -> Option<String> {
    o.as_ref().map(|d| d.value.to_string())
}

fn phone(o: &Opt<String>) -> Option<Phone> {
    o.as_ref().map(|p| Phone::of(p))
}

impl Ctx<'_> {
    pub fn link(&self, r: ItemRef) -> ItemLink {
        ItemLink::new(
            paths::page(self.plan, r).map(|p| format!("{}{p}", self.root)),
            self.plan.name_of(r).to_string(),
            number_of(self.plan, r).map(Phone::of),
        )
    }

    /// A link for a reference field; a dangling id (only possible in a plan with
    /// errors, which is never built) shows as text.
    pub fn link_id(&self, id: &str) -> ItemLink {
        match self.plan.lookup(id) {
            Some(r) => self.link(r),
            None => ItemLink::new(None, id.to_string(), None),
        }
    }

    fn link_opt(&self, id: &Opt<String>) -> Option<ItemLink> {
        id.as_ref().map(|i| self.link_id(i))
    }

    fn link_all(&self, ids: &[Text]) -> Vec<ItemLink> {
        ids.iter().map(|i| self.link_id(i)).collect()
    }

    /// The items of `kind` whose `field` names `r`, in plan order, without repeats.
    fn referrers(&self, r: ItemRef, kind: Kind, field: &str) -> Vec<ItemRef> {
        let mut out: Vec<ItemRef> = self
            .links
            .to(r)
            .filter(|l| l.from.kind == kind && l.field == field)
            .map(|l| l.from)
            .collect();
        out.dedup();
        out
    }

    fn referrer_links(&self, r: ItemRef, kind: Kind, field: &str) -> Vec<ItemLink> {
        self.referrers(r, kind, field)
            .into_iter()
            .map(|x| self.link(x))
            .collect()
    }

    /// Everything that refers to `r`, grouped by kind and field, except the fields in
    /// `shown` (which the page already shows in their own sections).
    fn related(&self, r: ItemRef, shown: &[(Kind, &str)]) -> Vec<Group> {
        let mut groups: Vec<((Kind, &str), Vec<ItemRef>)> = Vec::new();
        for l in self.links.to(r) {
            let key = (l.from.kind, l.field);
            if shown.contains(&key) || l.from == r {
                continue;
            }
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, items)) => {
                    if !items.contains(&l.from) {
                        items.push(l.from)
                    }
                }
                None => groups.push((key, vec![l.from])),
            }
        }
        groups.sort_by_key(|((kind, field), _)| (*kind, *field));
        groups
            .into_iter()
            .map(|((kind, field), items)| Group {
                title: relation_title(kind, field),
                items: items.into_iter().map(|x| self.link(x)).collect(),
            })
            .collect()
    }

    pub fn prose(&self, head: &Head, source_dir: &str, placeholders: bool) -> String {
        if head.body.markdown.trim().is_empty() {
            return String::new();
        }
        if self.defer_prose {
            return PROSE_MARKER.to_string();
        }
        let prefix = if self.shared_page {
            format!("{}--", head.id.value)
        } else {
            String::new()
        };
        markdown::to_html(
            self.plan,
            &head.body.markdown,
            &Target {
                root: self.root,
                anchor_prefix: &prefix,
                source_dir,
                placeholders,
            },
        )
    }

    fn tier_label(&self, tier: i64) -> Option<String> {
        self.plan
            .settings
            .policy
            .tiers
            .iter()
            .find(|t| t.tier.value == tier)
            .map(|t| t.label.value.clone())
    }
}

/// "Owner of services", "Mentioned in runbooks", ...
fn relation_title(kind: Kind, field: &str) -> String {
    let kinds = match kind {
        Kind::Contact => "contacts",
        Kind::Team => "teams",
        Kind::CallTree => "call trees",
        Kind::Vendor => "vendors",
        Kind::Risk => "risks",
        Kind::Service => "services",
        Kind::Process => "processes",
        Kind::Runbook => "runbooks",
        Kind::Template => "communication templates",
        Kind::Stakeholder => "stakeholder groups",
        Kind::Exercise => "exercises",
        Kind::Card => "wallet cards",
    };
    if (kind, field) == (Kind::Exercise, "owner") {
        return "Owner of findings of exercises".into();
    }
    let how = match field {
        "qr" => "On the QR code of",
        "owner" => "Owner of",
        "lead" => "Lead of",
        "members" => "Member of",
        "team" => "Team of",
        "alternates" => "Stands in for",
        "participants" => "Took part in",
        "facilitator" => "Facilitated",
        "contacts" => "Listed in",
        "depends_on" => "Needed by",
        "vendors" => "Supplier of",
        "services" => "Needed by",
        "runbooks" => "Exercised in",
        "audience" => "Addressed by",
        "root" | "report_back" | "calls" => "In",
        "body" => "Mentioned in",
        _ => "Referred to by",
    };
    format!("{how} {kinds}")
}

/// The folder (relative to the plan) of the file an item was written in.
pub fn source_dir(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

// ---------------------------------------------------------------------------
// The start page

#[derive(Serialize)]
pub struct Start {
    pub severities: Vec<SeverityView>,
    pub call_trees: Vec<CallTreeView>,
    pub tier1: Vec<Tier1Service>,
    pub overdue: Option<String>,
    pub last_reviewed: Option<String>,
    pub owner: Option<ItemLink>,
    pub warnings: usize,
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
    pub templates: Vec<ItemLink>,
}

#[derive(Serialize)]
pub struct CallTreeView {
    pub anchor: String,
    pub title: String,
    pub report_back: Option<ItemLink>,
    /// The cascade in calling order, each with its depth (the root is 0).
    pub steps: Vec<CallStep>,
    pub prose: String,
}

#[derive(Serialize)]
pub struct CallStep {
    pub depth: usize,
    pub person: ItemLink,
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
            respond_within: dur(&l.respond_within),
            update_every: dur(&l.update_every),
            notify: c.link_all(&l.notify),
            call_tree: c.link_opt(&l.call_tree),
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
                rto: dur(&x.rto),
                runbooks: c.referrer_links(r, Kind::Runbook, "services"),
            }
        })
        .collect();
    Start {
        severities,
        call_trees,
        tier1,
        overdue: review_overdue(plan, c.today),
        last_reviewed: date(&s.info.last_reviewed),
        owner: c.link_opt(&s.info.owner),
        warnings,
    }
}

/// "The plan was due for review on 2026-03-30", when it is.
pub fn review_overdue(plan: &Plan, today: Date) -> Option<String> {
    let info = &plan.settings.info;
    let (last, every) = (info.last_reviewed.as_ref()?, info.review_every.as_ref()?);
    let due = last.value.plus_days(every.value.days());
    (due < today).then(|| {
        format!(
            "This plan was due for review on {due} (last reviewed {}). Details may be out of date: confirm numbers before relying on them.",
            last.value
        )
    })
}

fn call_tree(c: &Ctx, index: usize) -> CallTreeView {
    let t = &c.plan.call_trees[index];
    let mut steps = Vec::new();
    if let Some(root) = &t.root {
        // Depth-first in calling order; `seen` guards against loops, which `check`
        // reports (and which stop the build) but which must never hang it.
        let calls: HashMap<&str, &[Text]> = t
            .calls
            .iter()
            .map(|(caller, callees)| (caller.as_str(), callees.as_slice()))
            .collect();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut stack: Vec<(&str, usize)> = vec![(root.as_str(), 0)];
        while let Some((who, depth)) = stack.pop() {
            if !seen.insert(who) {
                continue;
            }
            steps.push(CallStep {
                depth,
                person: c.link_id(who),
            });
            for callee in calls.get(who).copied().unwrap_or_default().iter().rev() {
                stack.push((callee.as_str(), depth + 1));
            }
        }
    }
    CallTreeView {
        anchor: paths::call_tree_anchor(&t.head.id),
        title: t.title.value.clone(),
        report_back: c.link_opt(if t.report_back.is_some() {
            &t.report_back
        } else {
            &t.root
        }),
        steps,
        prose: String::new(),
    }
}

// ---------------------------------------------------------------------------
// Services

#[derive(Serialize)]
pub struct ServiceRow {
    pub service: ItemLink,
    pub tier: Option<i64>,
    pub rto: Option<String>,
    pub rpo: Option<String>,
    pub mtpd: Option<String>,
    pub owner: Option<ItemLink>,
}

#[derive(Serialize)]
pub struct TierGroup {
    pub title: String,
    pub services: Vec<ServiceRow>,
}

fn service_row(c: &Ctx, index: usize) -> ServiceRow {
    let x = &c.plan.services[index];
    ServiceRow {
        service: c.link(ItemRef {
            kind: Kind::Service,
            index,
        }),
        tier: x.tier.as_ref().map(|t| t.value),
        rto: dur(&x.rto),
        rpo: dur(&x.rpo),
        mtpd: dur(&x.mtpd),
        owner: c.link_opt(&x.owner),
    }
}

pub fn services(c: &Ctx) -> Vec<TierGroup> {
    let mut order: Vec<usize> = (0..c.plan.services.len()).collect();
    let tier = |i: usize| c.plan.services[i].tier.as_ref().map(|t| t.value);
    order.sort_by_key(|&i| (tier(i).unwrap_or(i64::MAX), i));
    let mut groups: Vec<(Option<i64>, Vec<ServiceRow>)> = Vec::new();
    for i in order {
        let t = tier(i);
        match groups.last_mut() {
            Some((last, rows)) if *last == t => rows.push(service_row(c, i)),
            _ => groups.push((t, vec![service_row(c, i)])),
        }
    }
    groups
        .into_iter()
        .map(|(t, services)| TierGroup {
            title: match t {
                Some(t) => match c.tier_label(t) {
                    Some(label) => format!("Tier {t}: {label}"),
                    None => format!("Tier {t}"),
                },
                None => "No tier".into(),
            },
            services,
        })
        .collect()
}

#[derive(Serialize)]
pub struct ServicePage {
    pub name: String,
    pub tier: Option<String>,
    pub rto: Option<String>,
    pub rpo: Option<String>,
    pub mtpd: Option<String>,
    pub wrt: Option<String>,
    pub owner: Option<ItemLink>,
    pub team: Option<ItemLink>,
    pub location: Option<String>,
    pub strategies: Vec<String>,
    pub wave: Option<usize>,
    pub upstream: Vec<ServiceRow>,
    pub downstream: Vec<ServiceRow>,
    pub runbooks: Vec<RunbookRow>,
    pub vendors: Vec<VendorRow>,
    pub risks: Vec<RiskRow>,
    pub processes: Vec<ItemLink>,
    pub related: Vec<Group>,
    pub prose: String,
}

pub fn service(c: &Ctx, index: usize, wave: Option<usize>, dir: &str) -> ServicePage {
    let x = &c.plan.services[index];
    let r = ItemRef {
        kind: Kind::Service,
        index,
    };
    let indices = |ids: &[Text]| -> Vec<usize> {
        ids.iter()
            .filter_map(|i| c.plan.lookup(i))
            .filter(|r| r.kind == Kind::Service)
            .map(|r| r.index)
            .collect()
    };
    ServicePage {
        name: x.name.value.clone(),
        tier: x.tier.as_ref().map(|t| match c.tier_label(t.value) {
            Some(l) => format!("{} ({l})", t.value),
            None => t.value.to_string(),
        }),
        rto: dur(&x.rto),
        rpo: dur(&x.rpo),
        mtpd: dur(&x.mtpd),
        wrt: dur(&x.wrt),
        owner: c.link_opt(&x.owner),
        team: c.link_opt(&x.team),
        location: text(&x.location),
        strategies: x.strategies.iter().map(|s| s.value.clone()).collect(),
        wave,
        upstream: indices(&x.depends_on)
            .into_iter()
            .map(|i| service_row(c, i))
            .collect(),
        downstream: c
            .referrers(r, Kind::Service, "depends_on")
            .into_iter()
            .map(|d| service_row(c, d.index))
            .collect(),
        runbooks: c
            .referrers(r, Kind::Runbook, "services")
            .into_iter()
            .map(|d| runbook_row(c, d.index))
            .collect(),
        vendors: x
            .vendors
            .iter()
            .filter_map(|v| c.plan.lookup(v))
            .filter(|v| v.kind == Kind::Vendor)
            .map(|v| vendor_row(c, v.index))
            .collect(),
        risks: {
            let mut risks: Vec<RiskRow> = c
                .referrers(r, Kind::Risk, "services")
                .into_iter()
                .map(|d| risk_row(c, d.index, false))
                .collect();
            risks.sort_by_key(|r| std::cmp::Reverse(r.score));
            risks
        },
        processes: c.referrer_links(r, Kind::Process, "services"),
        related: c.related(
            r,
            &[
                (Kind::Service, "depends_on"),
                (Kind::Runbook, "services"),
                (Kind::Risk, "services"),
                (Kind::Process, "services"),
            ],
        ),
        prose: c.prose(&x.head, dir, false),
    }
}

#[derive(Serialize)]
pub struct Wave {
    pub number: usize,
    pub services: Vec<WaveService>,
}

#[derive(Serialize)]
pub struct WaveService {
    pub row: ServiceRow,
    pub needs: Vec<ItemLink>,
}

#[derive(Serialize)]
pub struct RecoveryOrder {
    pub waves: Vec<Wave>,
    /// Services on or behind a dependency loop (only in a plan `check` rejects).
    pub unordered: Vec<ItemLink>,
}

pub fn recovery_order(c: &Ctx, waves: &[Vec<usize>]) -> RecoveryOrder {
    let mut placed = vec![false; c.plan.services.len()];
    let waves = waves
        .iter()
        .enumerate()
        .map(|(n, wave)| {
            let mut wave = wave.clone();
            let x = |i: usize| &c.plan.services[i];
            wave.sort_by_key(|&i| {
                (
                    x(i).tier.as_ref().map_or(i64::MAX, |t| t.value),
                    x(i).rto.as_ref().map_or(u64::MAX, |d| d.value.minutes),
                    i,
                )
            });
            Wave {
                number: n + 1,
                services: wave
                    .into_iter()
                    .map(|i| {
                        placed[i] = true;
                        WaveService {
                            row: service_row(c, i),
                            needs: c.link_all(&x(i).depends_on),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    RecoveryOrder {
        waves,
        unordered: placed
            .iter()
            .enumerate()
            .filter(|(_, p)| !**p)
            .map(|(index, _)| {
                c.link(ItemRef {
                    kind: Kind::Service,
                    index,
                })
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------
// Processes

#[derive(Serialize)]
pub struct ProcessRow {
    pub process: ItemLink,
    pub owner: Option<ItemLink>,
    pub rto: Option<String>,
    pub rpo: Option<String>,
    pub mtpd: Option<String>,
    pub services: Vec<ItemLink>,
    pub peak: Option<i64>,
}

fn peak_impact(p: &Process) -> Option<i64> {
    p.impact
        .iter()
        .flat_map(|i| {
            [
                &i.financial,
                &i.operational,
                &i.reputational,
                &i.legal,
                &i.safety,
            ]
        })
        .filter_map(|r| r.as_ref().map(|r| r.value))
        .max()
}

pub fn processes(c: &Ctx) -> Vec<ProcessRow> {
    c.plan
        .processes
        .iter()
        .enumerate()
        .map(|(index, p)| ProcessRow {
            process: c.link(ItemRef {
                kind: Kind::Process,
                index,
            }),
            owner: c.link_opt(&p.owner),
            rto: dur(&p.rto),
            rpo: dur(&p.rpo),
            mtpd: dur(&p.mtpd),
            services: c.link_all(&p.services),
            peak: peak_impact(p),
        })
        .collect()
}

#[derive(Serialize)]
pub struct ProcessPage {
    pub name: String,
    pub owner: Option<ItemLink>,
    pub rto: Option<String>,
    pub rpo: Option<String>,
    pub mtpd: Option<String>,
    pub wrt: Option<String>,
    pub workaround: Option<String>,
    pub services: Vec<ServiceRow>,
    pub impact: Vec<ImpactRow>,
    pub chart: String,
    pub related: Vec<Group>,
    pub prose: String,
}

#[derive(Serialize)]
pub struct ImpactRow {
    pub after: Option<String>,
    pub ratings: [Option<i64>; 5],
}

pub fn process(c: &Ctx, index: usize, dir: &str) -> ProcessPage {
    let p = &c.plan.processes[index];
    let impact: Vec<ImpactRow> = p
        .impact
        .iter()
        .map(|i| ImpactRow {
            after: dur(&i.after),
            ratings: [
                &i.financial,
                &i.operational,
                &i.reputational,
                &i.legal,
                &i.safety,
            ]
            .map(|r| r.as_ref().map(|r| r.value)),
        })
        .collect();
    ProcessPage {
        name: p.name.value.clone(),
        owner: c.link_opt(&p.owner),
        rto: dur(&p.rto),
        rpo: dur(&p.rpo),
        mtpd: dur(&p.mtpd),
        wrt: dur(&p.wrt),
        workaround: text(&p.workaround),
        services: p
            .services
            .iter()
            .filter_map(|s| c.plan.lookup(s))
            .filter(|s| s.kind == Kind::Service)
            .map(|s| service_row(c, s.index))
            .collect(),
        chart: svg::impact_chart(&impact),
        impact,
        related: c.related(
            ItemRef {
                kind: Kind::Process,
                index,
            },
            &[],
        ),
        prose: c.prose(&p.head, dir, false),
    }
}

// ---------------------------------------------------------------------------
// Risks

#[derive(Serialize)]
pub struct RiskRow {
    pub risk: ItemLink,
    pub anchor: String,
    pub category: Option<String>,
    pub likelihood: Option<i64>,
    pub impact: Option<i64>,
    pub score: Option<i64>,
    pub band: Option<String>,
    pub band_class: String,
    pub residual_score: Option<i64>,
    pub residual_band: Option<String>,
    pub residual_class: String,
    pub owner: Option<ItemLink>,
    pub treatment: Option<String>,
    pub threat: Option<String>,
    pub vulnerability: Option<String>,
    pub services: Vec<ItemLink>,
    pub mitigations: Vec<String>,
    pub reviewed: Option<String>,
    pub prose: String,
}

fn risk_row(c: &Ctx, index: usize, with_prose: bool) -> RiskRow {
    let x = &c.plan.risks[index];
    let m = &c.plan.settings.risk_matrix;
    let score = m.score(x);
    let residual = m.residual_score(x);
    let band = |s: Option<i64>| s.and_then(|s| m.band_of(s));
    RiskRow {
        risk: c.link(ItemRef {
            kind: Kind::Risk,
            index,
        }),
        anchor: paths::risk_anchor(&x.head.id),
        category: text(&x.category),
        likelihood: x.likelihood.as_ref().map(|v| v.value),
        impact: x.impact.as_ref().map(|v| v.value),
        score,
        band: band(score).map(|b| m.bands[b].label.clone()),
        band_class: svg::band_class(m, band(score)),
        residual_score: residual,
        residual_band: band(residual).map(|b| m.bands[b].label.clone()),
        residual_class: svg::band_class(m, band(residual)),
        owner: c.link_opt(&x.owner),
        treatment: text(&x.treatment),
        threat: text(&x.threat),
        vulnerability: text(&x.vulnerability),
        services: c.link_all(&x.services),
        mitigations: x.mitigations.iter().map(|s| s.value.clone()).collect(),
        reviewed: date(&x.reviewed),
        prose: if with_prose {
            c.prose(&x.head, "risks", false)
        } else {
            String::new()
        },
    }
}

#[derive(Serialize)]
pub struct Risks {
    pub inherent: String,
    pub residual: String,
    pub register: Vec<RiskRow>,
    pub bands: Vec<BandView>,
}

#[derive(Serialize)]
pub struct BandView {
    pub label: String,
    pub min: i64,
    pub class: String,
}

/// The risk register (sorted by inherent score, highest first) and both heat maps.
/// `dirs` is the source folder of each risk.
pub fn risks(c: &Ctx, dirs: &[&str]) -> Risks {
    let c = &Ctx {
        shared_page: true,
        defer_prose: false,
        ..*c
    };
    let m = &c.plan.settings.risk_matrix;
    let mut register: Vec<RiskRow> = (0..c.plan.risks.len())
        .map(|i| {
            let mut row = risk_row(c, i, false);
            row.prose = c.prose(
                &c.plan.risks[i].head,
                dirs.get(i).copied().unwrap_or(""),
                false,
            );
            row
        })
        .collect();
    register.sort_by_key(|r| std::cmp::Reverse(r.score.unwrap_or(0)));
    let cells = |residual: bool| -> Vec<(i64, i64)> {
        c.plan
            .risks
            .iter()
            .filter_map(|x| {
                let (l, i) = if residual {
                    (x.residual_likelihood.as_ref()?, x.residual_impact.as_ref()?)
                } else {
                    (x.likelihood.as_ref()?, x.impact.as_ref()?)
                };
                Some((l.value, i.value))
            })
            .collect()
    };
    Risks {
        inherent: svg::heat_map(m, &cells(false), "Inherent risk"),
        residual: svg::heat_map(m, &cells(true), "Residual risk"),
        register,
        bands: m
            .bands
            .iter()
            .enumerate()
            .map(|(i, b)| BandView {
                label: b.label.clone(),
                min: b.min,
                class: svg::band_class(m, Some(i)),
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------
// Runbooks

#[derive(Serialize)]
pub struct RunbookRow {
    pub runbook: ItemLink,
    pub kind: Option<String>,
    pub services: Vec<ItemLink>,
    pub owner: Option<ItemLink>,
    pub estimated: Option<String>,
    pub last_tested: Option<String>,
}

fn runbook_row(c: &Ctx, index: usize) -> RunbookRow {
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

pub fn runbook(c: &Ctx, index: usize, dir: &str) -> RunbookPage {
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
        prose: c.prose(&x.head, dir, false),
    }
}

// ---------------------------------------------------------------------------
// Contacts and teams

#[derive(Serialize)]
pub struct ContactRow {
    pub contact: ItemLink,
    pub role: Option<String>,
    pub team: Option<ItemLink>,
    pub mobile: Option<Phone>,
    pub email: Option<String>,
}

#[derive(Serialize)]
pub struct TeamRow {
    pub team: ItemLink,
    pub lead: Option<ItemLink>,
    pub members: usize,
}

#[derive(Serialize)]
pub struct Contacts {
    pub people: Vec<ContactRow>,
    pub teams: Vec<TeamRow>,
}

fn contact_row(c: &Ctx, index: usize) -> ContactRow {
    let x = &c.plan.contacts[index];
    ContactRow {
        contact: c.link(ItemRef {
            kind: Kind::Contact,
            index,
        }),
        role: text(&x.role),
        team: c.link_opt(&x.team),
        mobile: x
            .phone
            .as_ref()
            .and(x.mobile.as_ref())
            .map(|m| Phone::of(m)),
        email: text(&x.email),
    }
}

pub fn contacts(c: &Ctx) -> Contacts {
    let mut people: Vec<usize> = (0..c.plan.contacts.len()).collect();
    people.sort_by(|&a, &b| {
        let name = |i: usize| c.plan.contacts[i].name.value.to_lowercase();
        name(a).cmp(&name(b)).then(a.cmp(&b))
    });
    Contacts {
        people: people.into_iter().map(|i| contact_row(c, i)).collect(),
        teams: c
            .plan
            .teams
            .iter()
            .enumerate()
            .map(|(index, t)| TeamRow {
                team: c.link(ItemRef {
                    kind: Kind::Team,
                    index,
                }),
                lead: c.link_opt(&t.lead),
                members: t.members.len(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct ContactPage {
    pub name: String,
    pub role: Option<String>,
    pub team: Option<ItemLink>,
    pub phone: Option<Phone>,
    pub mobile: Option<Phone>,
    pub email: Option<String>,
    pub location: Option<String>,
    pub verified: Option<String>,
    pub alternates: Vec<ItemLink>,
    pub private: Option<PrivateView>,
    pub call_trees: Vec<CallTreeRole>,
    pub related: Vec<Group>,
    pub prose: String,
}

#[derive(Serialize)]
pub struct PrivateView {
    pub home_phone: Option<Phone>,
    pub personal_mobile: Option<Phone>,
    pub personal_email: Option<String>,
    pub home_address: Option<String>,
}

/// Where a person stands in a call tree: who calls them, whom they call.
#[derive(Serialize)]
pub struct CallTreeRole {
    pub tree: ItemLink,
    pub starts_it: bool,
    pub called_by: Option<ItemLink>,
    pub calls: Vec<ItemLink>,
    pub report_to: Option<ItemLink>,
}

pub fn contact(c: &Ctx, index: usize, dir: &str) -> ContactPage {
    let x = &c.plan.contacts[index];
    let id = x.head.id.as_str();
    let r = ItemRef {
        kind: Kind::Contact,
        index,
    };
    let call_trees = c
        .plan
        .call_trees
        .iter()
        .enumerate()
        .filter_map(|(t, tree)| {
            let starts_it = tree.root.as_ref().is_some_and(|root| root.value == id);
            let called_by = tree
                .calls
                .iter()
                .find(|(_, callees)| callees.iter().any(|x| x.value == id))
                .map(|(caller, _)| c.link_id(caller));
            let calls = tree
                .calls
                .iter()
                .find(|(caller, _)| caller.value == id)
                .map(|(_, callees)| c.link_all(callees))
                .unwrap_or_default();
            let reports = tree.report_back.as_ref().or(tree.root.as_ref());
            (starts_it || called_by.is_some() || !calls.is_empty()).then(|| CallTreeRole {
                tree: c.link(ItemRef {
                    kind: Kind::CallTree,
                    index: t,
                }),
                starts_it,
                called_by,
                calls,
                report_to: reports.filter(|p| p.value != id).map(|p| c.link_id(p)),
            })
        })
        .collect();
    ContactPage {
        name: x.name.value.clone(),
        role: text(&x.role),
        team: c.link_opt(&x.team),
        phone: phone(&x.phone),
        mobile: phone(&x.mobile),
        email: text(&x.email),
        location: text(&x.location),
        verified: date(&x.verified),
        alternates: c.link_all(&x.alternates),
        private: x
            .private
            .as_ref()
            .filter(|_| c.include_private)
            .map(|p| PrivateView {
                home_phone: phone(&p.home_phone),
                personal_mobile: phone(&p.personal_mobile),
                personal_email: text(&p.personal_email),
                home_address: text(&p.home_address),
            }),
        call_trees,
        related: c.related(
            r,
            &[
                (Kind::CallTree, "calls"),
                (Kind::CallTree, "root"),
                (Kind::CallTree, "report_back"),
            ],
        ),
        prose: c.prose(&x.head, dir, false),
    }
}

#[derive(Serialize)]
pub struct TeamPage {
    pub name: String,
    pub phone: Option<Phone>,
    pub lead: Option<ItemLink>,
    pub members: Vec<ItemLink>,
    pub related: Vec<Group>,
    pub prose: String,
}

pub fn team(c: &Ctx, index: usize, dir: &str) -> TeamPage {
    let x = &c.plan.teams[index];
    TeamPage {
        name: x.name.value.clone(),
        phone: phone(&x.phone),
        lead: c.link_opt(&x.lead),
        members: c.link_all(&x.members),
        related: c.related(
            ItemRef {
                kind: Kind::Team,
                index,
            },
            &[],
        ),
        prose: c.prose(&x.head, dir, false),
    }
}

// ---------------------------------------------------------------------------
// Vendors

#[derive(Serialize)]
pub struct VendorRow {
    pub vendor: ItemLink,
    pub supplies: Option<String>,
    pub account: Option<String>,
    pub sla: Option<String>,
    pub contract_ends: Option<String>,
    pub contract_ending: bool,
    pub services: Vec<ItemLink>,
}

fn vendor_row(c: &Ctx, index: usize) -> VendorRow {
    let x = &c.plan.vendors[index];
    let r = ItemRef {
        kind: Kind::Vendor,
        index,
    };
    let warning_days = c
        .plan
        .settings
        .policy
        .vendor_contract_warning
        .as_ref()
        .map_or(90, |d| d.value.days());
    VendorRow {
        vendor: c.link(r),
        supplies: text(&x.supplies),
        account: text(&x.account),
        sla: text(&x.sla),
        contract_ends: date(&x.contract_ends),
        contract_ending: x
            .contract_ends
            .as_ref()
            .is_some_and(|d| d.value <= c.today.plus_days(warning_days)),
        services: c.referrer_links(r, Kind::Service, "vendors"),
    }
}

pub fn vendors(c: &Ctx) -> Vec<VendorRow> {
    (0..c.plan.vendors.len())
        .map(|i| vendor_row(c, i))
        .collect()
}

#[derive(Serialize)]
pub struct VendorPage {
    pub row: VendorRow,
    pub support_email: Option<String>,
    pub support_url: Option<String>,
    pub restore_within: Option<String>,
    /// "yes" or "no".
    pub has_dr_plan: Option<&'static str>,
    pub last_assessed: Option<String>,
    pub contacts: Vec<VendorContactView>,
    pub related: Vec<Group>,
    pub prose: String,
}

#[derive(Serialize)]
pub struct VendorContactView {
    pub name: String,
    pub role: Option<String>,
    pub phone: Option<Phone>,
    pub email: Option<String>,
}

pub fn vendor(c: &Ctx, index: usize, dir: &str) -> VendorPage {
    let x = &c.plan.vendors[index];
    VendorPage {
        row: vendor_row(c, index),
        support_email: text(&x.support_email),
        support_url: x
            .support_url
            .as_ref()
            .map(|u| u.value.clone())
            .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        restore_within: dur(&x.restore_within),
        has_dr_plan: x
            .has_dr_plan
            .as_ref()
            .map(|b| if b.value { "yes" } else { "no" }),
        last_assessed: date(&x.last_assessed),
        contacts: x
            .contacts
            .iter()
            .map(|v| VendorContactView {
                name: v.name.value.clone(),
                role: text(&v.role),
                phone: phone(&v.phone),
                email: text(&v.email),
            })
            .collect(),
        related: c.related(
            ItemRef {
                kind: Kind::Vendor,
                index,
            },
            &[(Kind::Service, "vendors")],
        ),
        prose: c.prose(&x.head, dir, false),
    }
}

// ---------------------------------------------------------------------------
// Communications

#[derive(Serialize)]
pub struct TemplateRow {
    pub template: ItemLink,
    pub channel: Option<String>,
    pub audience: Vec<ItemLink>,
    pub severity: Vec<String>,
}

#[derive(Serialize)]
pub struct StakeholderRow {
    pub group: ItemLink,
    pub channel: Option<String>,
    pub notify_within: Option<String>,
    pub contacts: Vec<ItemLink>,
}

#[derive(Serialize)]
pub struct Comms {
    pub templates: Vec<TemplateRow>,
    pub stakeholders: Vec<StakeholderRow>,
}

fn template_row(c: &Ctx, index: usize) -> TemplateRow {
    let x = &c.plan.templates[index];
    TemplateRow {
        template: c.link(ItemRef {
            kind: Kind::Template,
            index,
        }),
        channel: text(&x.channel),
        audience: c.link_all(&x.audience),
        severity: x.severity.iter().map(|s| s.value.clone()).collect(),
    }
}

fn stakeholder_row(c: &Ctx, index: usize) -> StakeholderRow {
    let x = &c.plan.stakeholders[index];
    StakeholderRow {
        group: c.link(ItemRef {
            kind: Kind::Stakeholder,
            index,
        }),
        channel: text(&x.channel),
        notify_within: dur(&x.notify_within),
        contacts: c.link_all(&x.contacts),
    }
}

pub fn comms(c: &Ctx) -> Comms {
    Comms {
        templates: (0..c.plan.templates.len())
            .map(|i| template_row(c, i))
            .collect(),
        stakeholders: (0..c.plan.stakeholders.len())
            .map(|i| stakeholder_row(c, i))
            .collect(),
    }
}

#[derive(Serialize)]
pub struct TemplatePage {
    pub title: String,
    pub row: TemplateRow,
    pub placeholders: Vec<String>,
    pub prose: String,
}

pub fn template(c: &Ctx, index: usize, dir: &str) -> TemplatePage {
    let x = &c.plan.templates[index];
    let mut placeholders: Vec<String> = Vec::new();
    let mut rest = x.head.body.markdown.as_str();
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        let name = rest[start + 2..start + 2 + len].trim();
        if !name.is_empty() && !name.contains('{') && !placeholders.iter().any(|p| p == name) {
            placeholders.push(name.to_string());
        }
        rest = &rest[start + 2..];
    }
    TemplatePage {
        title: x.title.value.clone(),
        row: template_row(c, index),
        placeholders,
        prose: c.prose(&x.head, dir, true),
    }
}

#[derive(Serialize)]
pub struct StakeholderPage {
    pub row: StakeholderRow,
    pub templates: Vec<ItemLink>,
    pub severities: Vec<String>,
    pub related: Vec<Group>,
    pub prose: String,
}

pub fn stakeholder(c: &Ctx, index: usize, dir: &str) -> StakeholderPage {
    let x = &c.plan.stakeholders[index];
    let r = ItemRef {
        kind: Kind::Stakeholder,
        index,
    };
    StakeholderPage {
        row: stakeholder_row(c, index),
        templates: c.referrer_links(r, Kind::Template, "audience"),
        severities: c
            .plan
            .settings
            .severities
            .iter()
            .filter(|l| l.notify.iter().any(|n| n.value == x.head.id.value))
            .map(|l| l.level.value.clone())
            .collect(),
        related: c.related(r, &[(Kind::Template, "audience")]),
        prose: c.prose(&x.head, dir, false),
    }
}

// ---------------------------------------------------------------------------
// Exercises

#[derive(Serialize)]
pub struct ExerciseRow {
    pub exercise: ItemLink,
    pub date: Option<String>,
    pub kind: Option<String>,
    pub status: Option<String>,
    pub outcome: Option<String>,
    pub open_findings: usize,
}

fn exercise_row(c: &Ctx, index: usize) -> ExerciseRow {
    let x = &c.plan.exercises[index];
    ExerciseRow {
        exercise: c.link(ItemRef {
            kind: Kind::Exercise,
            index,
        }),
        date: date(&x.date),
        kind: text(&x.kind),
        status: text(&x.status),
        outcome: text(&x.outcome),
        open_findings: x
            .findings
            .iter()
            .filter(|f| !f.done.as_ref().is_some_and(|d| d.value))
            .count(),
    }
}

/// Newest first; undated ones last.
pub fn exercises(c: &Ctx) -> Vec<ExerciseRow> {
    let mut order: Vec<usize> = (0..c.plan.exercises.len()).collect();
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(c.plan.exercises[i].date.as_ref().map(|d| d.value)),
            i,
        )
    });
    order.into_iter().map(|i| exercise_row(c, i)).collect()
}

#[derive(Serialize)]
pub struct ExercisePage {
    pub row: ExerciseRow,
    pub services: Vec<ItemLink>,
    pub runbooks: Vec<ItemLink>,
    pub participants: Vec<ItemLink>,
    pub facilitator: Option<ItemLink>,
    pub findings: Vec<FindingView>,
    pub prose: String,
}

#[derive(Serialize)]
pub struct FindingView {
    pub title: String,
    pub severity: Option<String>,
    pub action: Option<String>,
    pub owner: Option<ItemLink>,
    pub due: Option<String>,
    pub done: bool,
    pub overdue: bool,
}

pub fn exercise(c: &Ctx, index: usize, dir: &str) -> ExercisePage {
    let x = &c.plan.exercises[index];
    ExercisePage {
        row: exercise_row(c, index),
        services: c.link_all(&x.services),
        runbooks: c.link_all(&x.runbooks),
        participants: c.link_all(&x.participants),
        facilitator: c.link_opt(&x.facilitator),
        findings: x
            .findings
            .iter()
            .map(|f| {
                let done = f.done.as_ref().is_some_and(|d| d.value);
                FindingView {
                    title: f.title.value.clone(),
                    severity: text(&f.severity),
                    action: text(&f.action),
                    owner: c.link_opt(&f.owner),
                    due: date(&f.due),
                    done,
                    overdue: !done && f.due.as_ref().is_some_and(|d| d.value < c.today),
                }
            })
            .collect(),
        prose: c.prose(&x.head, dir, false),
    }
}
