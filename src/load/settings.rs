//! Reading plan.toml: plan metadata, policy, hotline, severity levels, risk matrix, cards.

use super::fields::Fields;
use crate::diagnostic::Code;
use crate::model::*;
use crate::source::{Span, Spanned};

pub const TOP_KEYS: &[&str] = &[
    "plan",
    "policy",
    "hotline",
    "severity",
    "risk_matrix",
    "card",
    "cards",
];
const PLAN_KEYS: &[&str] = &[
    "title",
    "organization",
    "version",
    "classification",
    "owner",
    "last_reviewed",
    "review_every",
    "base_url",
    "language",
    "approved_by",
    "approved_on",
];
const POLICY_KEYS: &[&str] = &[
    "exercise_every",
    "vendor_contract_warning",
    "contact_verify_every",
    "train_every",
    "tiers",
];
const HOTLINE_KEYS: &[&str] = &["label", "phone", "alt_phone", "email"];
const SEVERITY_KEYS: &[&str] = &[
    "level",
    "title",
    "criteria",
    "respond_within",
    "update_every",
    "notify",
    "call_tree",
];
const MATRIX_KEYS: &[&str] = &["likelihood", "impact", "bands"];
const BAND_KEYS: &[&str] = &["min", "label"];
const TIER_KEYS: &[&str] = &["tier", "label"];
const CARDS_KEYS: &[&str] = &["call_tree_cards"];

/// Reads the top table of plan.toml into settings and cards.
pub fn read(top: &mut Fields, text: &str) -> (Settings, Vec<Card>) {
    let file_start = Span {
        end: top.at.start,
        ..top.at
    };
    let info = match top.table("plan") {
        Some((table, at)) => {
            let mut f = top.nested(table, at, "[plan]", PLAN_KEYS);
            let info = PlanInfo {
                title: f.required_string("title", "Untitled plan"),
                organization: f.required_string("organization", ""),
                version: f.required_string("version", ""),
                classification: f.string("classification"),
                owner: f.string("owner"),
                last_reviewed: f.date("last_reviewed"),
                review_every: f.duration("review_every"),
                base_url: f.string("base_url"),
                language: f.string("language"),
                approved_by: f.string("approved_by"),
                approved_on: f.date("approved_on"),
            };
            f.finish();
            info
        }
        None => {
            top.report(
                Code::MissingField,
                file_start,
                "plan.toml has no [plan] table; it needs at least title, organization and version"
                    .into(),
            );
            let blank = |s: &str| Spanned::new(s.to_string(), file_start);
            PlanInfo {
                title: blank("Untitled plan"),
                organization: blank(""),
                version: blank(""),
                classification: None,
                owner: None,
                last_reviewed: None,
                review_every: None,
                base_url: None,
                language: None,
                approved_by: None,
                approved_on: None,
            }
        }
    };

    let policy = top
        .table("policy")
        .map(|(table, at)| {
            let mut f = top.nested(table, at, "[policy]", POLICY_KEYS);
            let mut tiers = Vec::new();
            for (t, at) in f.tables("tiers") {
                let mut g = f.nested(t, at, "tier", TIER_KEYS);
                if !g.has("tier") {
                    g.missing("tier");
                }
                if let Some(tier) = g.integer("tier", 1..=99) {
                    let label = g
                        .string("label")
                        .unwrap_or_else(|| Spanned::new(format!("Tier {}", tier.value), at));
                    tiers.push(TierLabel { tier, label });
                }
                g.finish();
            }
            let policy = Policy {
                exercise_every: f.duration("exercise_every"),
                vendor_contract_warning: f.duration("vendor_contract_warning"),
                contact_verify_every: f.duration("contact_verify_every"),
                train_every: f.duration("train_every"),
                tiers,
            };
            f.finish();
            policy
        })
        .unwrap_or_default();

    let hotline = top.table("hotline").map(|(table, at)| {
        let mut f = top.nested(table, at, "[hotline]", HOTLINE_KEYS);
        if !f.has("phone") {
            f.missing("phone");
        }
        let hotline = Hotline {
            at,
            label: f.string("label"),
            phone: f.string("phone"),
            alt_phone: f.string("alt_phone"),
            email: f.string("email"),
        };
        f.finish();
        hotline
    });

    let mut severities = Vec::new();
    for (table, at) in top.tables("severity") {
        let mut f = top.nested(table, at, "severity level", SEVERITY_KEYS);
        severities.push(SeverityLevel {
            at,
            level: f.required_string("level", ""),
            title: f.string("title"),
            criteria: f.string("criteria"),
            respond_within: f.duration("respond_within"),
            update_every: f.duration("update_every"),
            notify: f.strings("notify"),
            call_tree: f.string("call_tree"),
        });
        f.finish();
    }

    let risk_matrix = top
        .table("risk_matrix")
        .map(|(table, at)| risk_matrix(&mut top.nested(table, at, "[risk_matrix]", MATRIX_KEYS)))
        .unwrap_or_default();

    let call_tree_cards = top
        .table("cards")
        .and_then(|(table, at)| {
            let mut f = top.nested(table, at, "[cards]", CARDS_KEYS);
            let b = f.boolean("call_tree_cards");
            f.finish();
            b
        })
        .is_some_and(|b| b.value);

    let mut cards = Vec::new();
    for (table, at) in top.tables("card") {
        let mut f = top.nested(table, at, "card", crate::load::items::CARD_KEYS);
        if let Some(head) = super::toml_head(&mut f, text) {
            cards.push(Card {
                title: f.string("title").unwrap_or_else(|| head.id.clone()),
                head,
                audience: f.string("audience"),
                contacts: f.strings("contacts"),
                qr: f.string("qr"),
                back: f.string("back"),
            });
        }
        f.finish();
    }

    (
        Settings {
            info,
            policy,
            hotline,
            severities,
            risk_matrix,
            call_tree_cards,
            read: true,
        },
        cards,
    )
}

/// The most steps a side of the risk matrix may have.
const MAX_SCALE: usize = 10;

fn risk_matrix(f: &mut Fields) -> RiskMatrix {
    let default = RiskMatrix::default();
    let words = |f: &mut Fields, key: &str, default: Vec<String>| {
        if !f.has(key) {
            return default;
        }
        let list = f.strings(key);
        if list.is_empty() {
            let at = f.at;
            f.report(
                Code::InvalidValue,
                at,
                format!("`{key}` of [risk_matrix] needs at least one level"),
            );
            return default;
        }
        // A heat map has a cell per pair of steps: more than 10 a side makes no
        // sense to read, and would grow with the square of the scale.
        if list.len() > MAX_SCALE {
            let at = list[MAX_SCALE].span;
            f.report(
                Code::InvalidValue,
                at,
                format!(
                    "`{key}` of [risk_matrix] has {} levels; a risk scale has at most {MAX_SCALE}",
                    list.len()
                ),
            );
            return default;
        }
        list.into_iter().map(|s| s.value).collect()
    };
    let likelihood = words(f, "likelihood", default.likelihood);
    let impact = words(f, "impact", default.impact);
    let bands = if f.has("bands") {
        let mut bands: Vec<Spanned<Band>> = Vec::new();
        for (t, at) in f.tables("bands") {
            let mut g = f.nested(t, at, "risk band", BAND_KEYS);
            let min = g.integer("min", 1..=10_000);
            let label = g.required_string("label", "");
            if !g.has("min") {
                g.missing("min");
            }
            g.finish();
            if let Some(min) = min {
                if let Some(last) = bands.last()
                    && min.value <= last.value.min
                {
                    f.report(
                        Code::InvalidValue,
                        min.span,
                        format!(
                            "risk bands must be in rising order of `min`: {} follows {}",
                            min.value, last.value.min
                        ),
                    );
                    continue;
                }
                bands.push(Spanned::new(
                    Band {
                        min: min.value,
                        label: label.value,
                    },
                    at,
                ));
            }
        }
        bands.into_iter().map(|b| b.value).collect()
    } else {
        default.bands
    };
    RiskMatrix {
        likelihood,
        impact,
        bands,
    }
}
