//! The business impact analysis: processes and their impact over time.

use super::*;
pub use crate::render::svg::ImpactRow;

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

pub(super) fn peak_impact(p: &Process) -> Option<i64> {
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
            rto: c.dur(&p.rto),
            rpo: c.dur(&p.rpo),
            mtpd: c.dur(&p.mtpd),
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

pub fn process(c: &Ctx, index: usize) -> ProcessPage {
    let p = &c.plan.processes[index];
    let impact: Vec<ImpactRow> = p
        .impact
        .iter()
        .map(|i| ImpactRow {
            after: c.dur(&i.after),
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
        rto: c.dur(&p.rto),
        rpo: c.dur(&p.rpo),
        mtpd: c.dur(&p.mtpd),
        wrt: c.dur(&p.wrt),
        workaround: text(&p.workaround),
        services: p
            .services
            .iter()
            .filter_map(|s| c.plan.lookup(s))
            .filter(|s| s.kind == Kind::Service)
            .map(|s| service_row(c, s.index))
            .collect(),
        chart: svg::impact_chart(&impact, c.catalog),
        impact,
        related: c.related(
            ItemRef {
                kind: Kind::Process,
                index,
            },
            &[],
        ),
        prose: c.prose(ItemRef {
            kind: Kind::Process,
            index,
        }),
    }
}
