//! The service catalogue, each service, and the recovery order.

use super::*;

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

pub(super) fn service_row(c: &Ctx, index: usize) -> ServiceRow {
    let x = &c.plan.services[index];
    ServiceRow {
        service: c.link(ItemRef {
            kind: Kind::Service,
            index,
        }),
        tier: x.tier.as_ref().map(|t| t.value),
        rto: c.dur(&x.rto),
        rpo: c.dur(&x.rpo),
        mtpd: c.dur(&x.mtpd),
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
                    Some(label) => c.catalog.format(
                        "tier-title-label",
                        &[("tier", t.to_string().into()), ("label", label.into())],
                    ),
                    None => c
                        .catalog
                        .format("tier-title", &[("tier", t.to_string().into())]),
                },
                None => c.t("no-tier"),
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

pub fn service(c: &Ctx, index: usize, wave: Option<usize>) -> ServicePage {
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
        rto: c.dur(&x.rto),
        rpo: c.dur(&x.rpo),
        mtpd: c.dur(&x.mtpd),
        wrt: c.dur(&x.wrt),
        owner: c.link_opt(&x.owner),
        team: c.link_opt(&x.team),
        location: text(&x.location),
        strategies: (x.strategies.iter())
            .map(|s| c.catalog.word("strategy", &s.value))
            .collect(),
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
                .map(|d| risk_row(c, d.index))
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
        prose: c.prose(ItemRef {
            kind: Kind::Service,
            index,
        }),
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
