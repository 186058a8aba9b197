//! The risk register and heat maps.

use super::*;

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

pub(super) fn risk_row(c: &Ctx, index: usize) -> RiskRow {
    let x = &c.plan.risks[index];
    let m = &c.plan.settings.risk_matrix;
    let shown = c.risk_labels();
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
        band: band(score).map(|b| shown.bands[b].label.clone()),
        band_class: svg::band_class(m, band(score)),
        residual_score: residual,
        residual_band: band(residual).map(|b| shown.bands[b].label.clone()),
        residual_class: svg::band_class(m, band(residual)),
        owner: c.link_opt(&x.owner),
        treatment: c.word("risk-treatment", &x.treatment),
        threat: text(&x.threat),
        vulnerability: text(&x.vulnerability),
        services: c.link_all(&x.services),
        mitigations: x.mitigations.iter().map(|s| s.value.clone()).collect(),
        reviewed: c.date_text(&x.reviewed),
        prose: String::new(),
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

/// The risk register (sorted by inherent score, highest first, each with its prose)
/// and both heat maps.
pub fn risks(c: &Ctx) -> Risks {
    let c = &Ctx {
        shared_page: true,
        defer_prose: false,
        ..*c
    };
    let m = &c.plan.settings.risk_matrix;
    let shown = c.risk_labels();
    let mut register: Vec<RiskRow> = (0..c.plan.risks.len())
        .map(|i| {
            let mut row = risk_row(c, i);
            row.prose = c.prose(ItemRef {
                kind: Kind::Risk,
                index: i,
            });
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
        inherent: svg::heat_map(&shown, &cells(false), &c.t("inherent-risk"), c.catalog),
        residual: svg::heat_map(&shown, &cells(true), &c.t("residual-risk"), c.catalog),
        register,
        bands: shown
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
