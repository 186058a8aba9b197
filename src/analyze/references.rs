//! Every reference of the plan, field or `[[id]]`, must name an item of the right kind;
//! values that depend on plan.toml (tiers, risk scales, card QR codes) are checked here.

use crate::diagnostic::{Code, Diagnostic, closest, did_you_mean};
use crate::model::*;

struct Resolver<'p> {
    plan: &'p Plan,
    out: Vec<Diagnostic>,
    /// The item whose references are being resolved (None for plan.toml settings).
    from: Option<ItemRef>,
    links: LinkList,
    /// Ids of each kind, for suggestions; filled on the first miss.
    ids_by_kind: Option<Vec<(Kind, Vec<&'p str>)>>,
    /// How many more ids may be compared for "did you mean" suggestions. A plan with
    /// thousands of dangling references would otherwise cost references x ids.
    suggestion_budget: usize,
}

/// Comparisons of ids for suggestions in one run (about 0.1 s).
const SUGGESTION_BUDGET: usize = 1_000_000;

impl<'p> Resolver<'p> {
    fn expect(&mut self, r: &Text, kinds: &[Kind], field: &'static str) {
        match self.plan.lookup(&r.value) {
            Some(found) if kinds.contains(&found.kind) => {
                if let Some(from) = self.from {
                    self.links.push(Link {
                        from,
                        field,
                        to: found,
                        span: r.span,
                    });
                }
            }
            Some(found) => {
                let wanted = kind_names(kinds);
                self.out.push(Diagnostic::at(
                    Code::UnknownReference,
                    r.span,
                    format!(
                        "\"{}\" is a {}, but {} needs a {wanted}",
                        r.value,
                        found.kind.name(),
                        if field == "body" {
                            "[[id]]".to_string()
                        } else {
                            format!("`{field}`")
                        }
                    ),
                ));
            }
            None => {
                let plan = self.plan;
                let by_kind = self.ids_by_kind.get_or_insert_with(|| {
                    let mut v: Vec<(Kind, Vec<&str>)> = Vec::new();
                    for (kind, head) in plan.heads() {
                        match v.last_mut() {
                            Some((k, ids)) if *k == kind => ids.push(&head.id.value),
                            _ => v.push((kind, vec![&head.id.value])),
                        }
                    }
                    v
                });
                let count: usize = by_kind
                    .iter()
                    .filter(|(k, _)| kinds.contains(k))
                    .map(|(_, ids)| ids.len())
                    .sum();
                let hint = if count <= self.suggestion_budget {
                    self.suggestion_budget -= count;
                    let candidates = by_kind
                        .iter()
                        .filter(|(k, _)| kinds.contains(k))
                        .flat_map(|(_, ids)| ids.iter().copied());
                    did_you_mean(closest(&r.value, candidates))
                } else {
                    String::new()
                };
                self.out.push(Diagnostic::at(
                    Code::UnknownReference,
                    r.span,
                    format!("unknown {} \"{}\"{hint}", kind_names(kinds), r.value),
                ));
            }
        }
    }

    fn expect_opt(&mut self, r: &Option<Text>, kinds: &[Kind], field: &'static str) {
        if let Some(r) = r {
            self.expect(r, kinds, field);
        }
    }

    fn expect_all(&mut self, list: &[Text], kinds: &[Kind], field: &'static str) {
        for r in list {
            self.expect(r, kinds, field);
        }
    }
}

fn kind_names(kinds: &[Kind]) -> String {
    if kinds.len() == Kind::ALL.len() {
        return "item".into();
    }
    kinds
        .iter()
        .map(|k| k.name().replace('_', " "))
        .collect::<Vec<_>>()
        .join(" or ")
}

use Kind::*;

/// Resolves every reference: diagnostics for those that do not resolve, and the
/// links of those that do.
pub fn resolve(plan: &Plan) -> (Links, Vec<Diagnostic>) {
    let mut r = Resolver {
        plan,
        out: Vec::new(),
        from: None,
        links: LinkList::default(),
        ids_by_kind: None,
        suggestion_budget: SUGGESTION_BUDGET,
    };
    let s = &plan.settings;
    r.expect_opt(&s.info.owner, &[Contact], "owner");
    r.expect_opt(&s.info.approved_by, &[Contact], "approved_by");
    for c in &plan.document.changes {
        r.expect_opt(&c.by, &[Contact], "by");
    }
    for c in &plan.document.copies {
        if !c.holder.value.is_empty() {
            r.expect_opt(&Some(c.holder.clone()), &[Contact], "holder");
        }
    }
    for level in &s.severities {
        r.expect_all(&level.notify, &[Stakeholder], "notify");
        r.expect_opt(&level.call_tree, &[CallTree], "call_tree");
    }
    for (index, c) in plan.contacts.iter().enumerate() {
        r.from = Some(ItemRef {
            kind: Contact,
            index,
        });
        r.expect_opt(&c.team, &[Team], "team");
        r.expect_all(&c.alternates, &[Contact], "alternates");
    }
    for (index, t) in plan.teams.iter().enumerate() {
        r.from = Some(ItemRef { kind: Team, index });
        r.expect_opt(&t.lead, &[Contact], "lead");
        r.expect_all(&t.members, &[Contact], "members");
    }
    for (index, t) in plan.call_trees.iter().enumerate() {
        r.from = Some(ItemRef {
            kind: CallTree,
            index,
        });
        r.expect_opt(&t.root, &[Contact], "root");
        r.expect_opt(&t.report_back, &[Contact], "report_back");
        for (caller, callees) in &t.calls {
            r.expect(caller, &[Contact], "calls");
            r.expect_all(callees, &[Contact], "calls");
        }
    }
    for (index, x) in plan.services.iter().enumerate() {
        r.from = Some(ItemRef {
            kind: Service,
            index,
        });
        r.expect_opt(&x.owner, &[Contact], "owner");
        r.expect_opt(&x.team, &[Team], "team");
        r.expect_all(&x.depends_on, &[Service], "depends_on");
        r.expect_all(&x.vendors, &[Vendor], "vendors");
    }
    for (index, x) in plan.processes.iter().enumerate() {
        r.from = Some(ItemRef {
            kind: Process,
            index,
        });
        r.expect_opt(&x.owner, &[Contact], "owner");
        r.expect_all(&x.services, &[Service], "services");
    }
    for (index, x) in plan.risks.iter().enumerate() {
        r.from = Some(ItemRef { kind: Risk, index });
        r.expect_all(&x.services, &[Service], "services");
        r.expect_opt(&x.owner, &[Contact], "owner");
    }
    for (index, x) in plan.runbooks.iter().enumerate() {
        r.from = Some(ItemRef {
            kind: Runbook,
            index,
        });
        r.expect_all(&x.services, &[Service], "services");
        r.expect_opt(&x.owner, &[Contact], "owner");
    }
    for (index, x) in plan.templates.iter().enumerate() {
        r.from = Some(ItemRef {
            kind: Template,
            index,
        });
        r.expect_all(&x.audience, &[Stakeholder], "audience");
        for level in &x.severity {
            if s.read && !s.severities.iter().any(|l| l.level.value == level.value) {
                let hint = did_you_mean(closest(
                    &level.value,
                    s.severities.iter().map(|l| l.level.value.as_str()),
                ));
                r.out.push(Diagnostic::at(
                    Code::UnknownReference,
                    level.span,
                    format!(
                        "unknown severity level \"{}\"{hint}; levels are defined as [[severity]] in plan.toml",
                        level.value
                    ),
                ));
            }
        }
    }
    for (index, x) in plan.stakeholders.iter().enumerate() {
        r.from = Some(ItemRef {
            kind: Stakeholder,
            index,
        });
        r.expect_all(&x.contacts, &[Contact, Team], "contacts");
    }
    for (index, x) in plan.exercises.iter().enumerate() {
        r.from = Some(ItemRef {
            kind: Exercise,
            index,
        });
        r.expect_all(&x.services, &[Service], "services");
        r.expect_all(&x.runbooks, &[Runbook], "runbooks");
        r.expect_all(&x.participants, &[Contact, Team], "participants");
        r.expect_opt(&x.facilitator, &[Contact], "facilitator");
        for f in &x.findings {
            r.expect_opt(&f.owner, &[Contact], "owner");
        }
    }
    for (index, card) in plan.cards.iter().enumerate() {
        r.from = Some(ItemRef { kind: Card, index });
        r.expect_all(&card.contacts, &[Contact, Team], "contacts");
        if let Some(qr) = &card.qr {
            card_qr(&mut r, qr, s.info.base_url.is_some());
        }
    }
    for (item, head) in plan.items() {
        r.from = Some(item);
        for reference in &head.body.references {
            r.expect(&reference.id, &Kind::ALL, "body");
        }
    }
    values(plan, &mut r.out);
    (Links::new(r.links, plan.counts()), r.out)
}

/// `hotline | site | contact:ID | runbook:ID | url:https://...`
fn card_qr(r: &mut Resolver, qr: &Text, has_base_url: bool) {
    let bad = |r: &mut Resolver, why: String| {
        r.out.push(Diagnostic::at(Code::InvalidValue, qr.span, why));
    };
    match qr.value.split_once(':') {
        None if qr.value == "hotline" => {}
        None if qr.value == "site" => {
            if !has_base_url {
                bad(
                    r,
                    "`qr = \"site\"` needs `base_url` in [plan]: the code holds the site's address"
                        .into(),
                );
            }
        }
        Some((kind @ ("contact" | "runbook"), id)) => {
            let k = if kind == "contact" { Contact } else { Runbook };
            let id = Text::new(id.to_string(), qr.span);
            r.expect(&id, &[k], "qr");
        }
        Some(("url", url)) if url.starts_with("https://") || url.starts_with("http://") => {}
        _ => bad(
            r,
            format!(
                "`qr` is \"{}\"; write hotline, site, contact:ID, runbook:ID or url:https://...",
                qr.value
            ),
        ),
    }
}

/// Values whose allowed range comes from plan.toml.
fn values(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let policy_tiers = &plan.settings.policy.tiers;
    for s in &plan.services {
        let Some(tier) = &s.tier else { continue };
        let why = if policy_tiers.is_empty() {
            (tier.value < 1).then(|| "tiers start at 1 (the most critical)".to_string())
        } else {
            (!policy_tiers.iter().any(|t| t.tier.value == tier.value)).then(|| {
                let known: Vec<String> = policy_tiers
                    .iter()
                    .map(|t| format!("{} ({})", t.tier.value, t.label.value))
                    .collect();
                format!("the plan's tiers (policy.tiers) are {}", known.join(", "))
            })
        };
        if let Some(why) = why {
            out.push(Diagnostic::at(
                Code::InvalidValue,
                tier.span,
                format!(
                    "tier {} of service \"{}\" is not valid: {why}",
                    tier.value, s.head.id.value
                ),
            ));
        }
    }
    let info = &plan.settings.info;
    if let Some(url) = &info.base_url
        && !(url.value.starts_with("https://") || url.value.starts_with("http://"))
    {
        out.push(Diagnostic::at(
            Code::InvalidValue,
            url.span,
            format!(
                "`base_url` \"{}\" must be an absolute http:// or https:// address",
                url.value
            ),
        ));
    }
    let mut levels: Vec<&Text> = Vec::new();
    for level in &plan.settings.severities {
        if levels.iter().any(|l| l.value == level.level.value) {
            out.push(Diagnostic::at(
                Code::DuplicateId,
                level.level.span,
                format!(
                    "severity level \"{}\" is defined twice in plan.toml",
                    level.level.value
                ),
            ));
        } else {
            levels.push(&level.level);
        }
    }
    let m = &plan.settings.risk_matrix;
    let (nl, ni) = (m.likelihood.len() as i64, m.impact.len() as i64);
    for risk in &plan.risks {
        for (field, value, max) in [
            ("likelihood", &risk.likelihood, nl),
            ("impact", &risk.impact, ni),
            ("residual_likelihood", &risk.residual_likelihood, nl),
            ("residual_impact", &risk.residual_impact, ni),
        ] {
            if let Some(v) = value
                && !(1..=max).contains(&v.value)
            {
                out.push(Diagnostic::at(
                    Code::InvalidValue,
                    v.span,
                    format!(
                        "`{field}` of risk \"{}\" is {}, but the risk matrix goes from 1 to {max}",
                        risk.head.id.value, v.value
                    ),
                ));
            }
        }
    }
}
