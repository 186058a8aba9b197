//! The warnings: what auditors and real outages catch in a plan that is otherwise valid.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;
use std::collections::{HashMap, HashSet};

fn service_of<'p>(plan: &'p Plan, r: &Text) -> Option<&'p Service> {
    match plan.lookup(&r.value)? {
        ItemRef {
            kind: Kind::Service,
            index,
        } => Some(&plan.services[index]),
        _ => None,
    }
}

/// RTO, RPO, vendor and MTPD checks of services and processes.
pub fn objectives(plan: &Plan, out: &mut Vec<Diagnostic>) {
    for s in &plan.services {
        let id = &s.head.id.value;
        if let Some(rto) = &s.rto {
            for d in &s.depends_on {
                if let Some(dep) = service_of(plan, d)
                    && let Some(dep_rto) = &dep.rto
                    && dep_rto.value > rto.value
                {
                    out.push(Diagnostic::at(
                        Code::RtoInversion,
                        d.span,
                        format!(
                            "service \"{id}\" has an RTO of {}, but depends on \"{}\" whose RTO is {}: \
                             it cannot be back before its dependency",
                            rto.value, d.value, dep_rto.value
                        ),
                    ));
                }
            }
        }
        budget("service", id, &s.rto, &s.wrt, &s.mtpd, out);
    }
    for p in &plan.processes {
        let id = &p.head.id.value;
        for r in &p.services {
            let Some(s) = service_of(plan, r) else {
                continue;
            };
            if let (Some(need), Some(has)) = (&p.rpo, &s.rpo)
                && need.value < has.value
            {
                out.push(Diagnostic::at(
                    Code::RpoInversion,
                    r.span,
                    format!(
                        "process \"{id}\" needs an RPO of {}, but service \"{}\" only provides {}",
                        need.value, r.value, has.value
                    ),
                ));
            }
            if let (Some(need), Some(has)) = (&p.rto, &s.rto)
                && need.value < has.value
            {
                out.push(Diagnostic::at(
                    Code::ProcessRto,
                    r.span,
                    format!(
                        "process \"{id}\" needs an RTO of {}, but service \"{}\" promises {}",
                        need.value, r.value, has.value
                    ),
                ));
            }
        }
        budget("process", id, &p.rto, &p.wrt, &p.mtpd, out);
    }
    for s in &plan.services {
        let Some(rto) = &s.rto else { continue };
        for r in &s.vendors {
            let Some(ItemRef {
                kind: Kind::Vendor,
                index,
            }) = plan.lookup(&r.value)
            else {
                continue;
            };
            let v = &plan.vendors[index];
            if let Some(restore) = &v.restore_within
                && restore.value > rto.value
            {
                out.push(Diagnostic::at(
                    Code::VendorRestore,
                    restore.span,
                    format!(
                        "vendor \"{}\" restores within {}, longer than the {} RTO of service \"{}\" it supplies",
                        v.head.id.value, restore.value, rto.value, s.head.id.value
                    ),
                ));
            }
        }
    }
}

/// `mtd-budget`: rto + wrt must fit in mtpd.
fn budget(
    what: &str,
    id: &str,
    rto: &Opt<Duration>,
    wrt: &Opt<Duration>,
    mtpd: &Opt<Duration>,
    out: &mut Vec<Diagnostic>,
) {
    let (Some(rto), Some(mtpd)) = (rto, mtpd) else {
        return;
    };
    let wrt_minutes = wrt.as_ref().map_or(0, |w| w.value.minutes);
    let total = rto.value.minutes.saturating_add(wrt_minutes);
    if total > mtpd.value.minutes {
        out.push(Diagnostic::at(
            Code::MtdBudget,
            mtpd.span,
            format!(
                "{what} \"{id}\": RTO {} + WRT {} = {} exceeds its MTPD of {}",
                rto.value,
                Duration {
                    minutes: wrt_minutes
                },
                Duration { minutes: total },
                mtpd.value
            ),
        ));
    }
}

/// `no-runbook` and `not-exercised` for tier 1 and 2 services.
pub fn readiness(plan: &Plan, today: Date, out: &mut Vec<Diagnostic>) {
    let every = plan
        .settings
        .policy
        .exercise_every
        .as_ref()
        .map(|d| d.value);
    let mut runbooks_of: HashMap<&str, Vec<&Runbook>> = HashMap::new();
    for rb in &plan.runbooks {
        for s in &rb.services {
            runbooks_of.entry(&s.value).or_default().push(rb);
        }
    }
    // Runbooks with a done exercise within the policy period.
    let mut exercised: HashSet<&str> = HashSet::new();
    if let Some(every) = every {
        for e in &plan.exercises {
            let done = e.status.as_ref().is_some_and(|s| s.value == "done");
            let recent = e.date.as_ref().is_some_and(|d| {
                let age = today.to_days() - d.value.to_days();
                (0..=every.days()).contains(&age)
            });
            if done && recent {
                exercised.extend(e.runbooks.iter().map(|r| r.value.as_str()));
            }
        }
    }
    // Runbooks that must be exercised, each with the tier 1-2 services that need it.
    let mut must_exercise: Vec<(&Runbook, Vec<&str>)> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for s in &plan.services {
        let Some(tier) = &s.tier else { continue };
        if !(1..=2).contains(&tier.value) {
            continue;
        }
        let id = &s.head.id.value;
        let Some(runbooks) = runbooks_of.get(id.as_str()) else {
            out.push(Diagnostic::at(
                Code::NoRunbook,
                s.head.at,
                format!(
                    "tier {} service \"{id}\" has no runbook: add one that lists it in `services`",
                    tier.value
                ),
            ));
            continue;
        };
        if every.is_none() {
            continue;
        }
        for rb in runbooks {
            let rb_id = rb.head.id.value.as_str();
            if exercised.contains(rb_id) {
                continue;
            }
            let i = *position.entry(rb_id).or_insert_with(|| {
                must_exercise.push((rb, Vec::new()));
                must_exercise.len() - 1
            });
            must_exercise[i].1.push(id);
        }
    }
    if let Some(every) = every {
        for (rb, services) in must_exercise {
            out.push(Diagnostic::at(
                Code::NotExercised,
                rb.head.at,
                format!(
                    "runbook \"{}\" of tier 1-2 service{} {} has no done exercise in the last {every} \
                     (policy.exercise_every)",
                    rb.head.id.value,
                    if services.len() == 1 { "" } else { "s" },
                    services.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    }
}

/// Date checks: plan review, vendor contracts, exercise findings, contact verification.
pub fn dates(plan: &Plan, today: Date, out: &mut Vec<Diagnostic>) {
    let info = &plan.settings.info;
    if let (Some(last), Some(every)) = (&info.last_reviewed, &info.review_every) {
        let due = last.value.plus_days(every.value.days());
        if due < today {
            out.push(Diagnostic::at(
                Code::PlanReviewOverdue,
                last.span,
                format!(
                    "the plan was last reviewed on {} and was due for review on {due} (review_every = {})",
                    last.value, every.value
                ),
            ));
        }
    }
    // A change recorded after the approval: this version is not what was approved.
    if let Some(approved) = &info.approved_on {
        for c in &plan.document.changes {
            let Some(date) = c.date.as_ref().filter(|d| d.value > approved.value) else {
                continue;
            };
            let what = match (&c.version, &c.author) {
                (Some(v), _) => format!("version {} ({})", v.value, c.summary.value),
                (None, Some(a)) => format!("the commit \"{}\" by {a}", c.summary.value),
                (None, None) => format!("\"{}\"", c.summary.value),
            };
            out.push(Diagnostic::at(
                Code::UnapprovedChanges,
                c.at.unwrap_or(approved.span),
                format!(
                    "{what} is dated {}, after the plan's approval on {}: have the plan \
                     approved again and set approved_on (and approved_by)",
                    date.value, approved.value
                ),
            ));
        }
    }
    let policy = &plan.settings.policy;
    let warn_days = policy
        .vendor_contract_warning
        .as_ref()
        .map_or(0, |d| d.value.days());
    for v in &plan.vendors {
        let Some(ends) = &v.contract_ends else {
            continue;
        };
        let left = ends.value.to_days() - today.to_days();
        if left <= warn_days {
            let when = if left < 0 {
                format!("ended on {}", ends.value)
            } else {
                format!("ends on {} ({left} days from now)", ends.value)
            };
            out.push(Diagnostic::at(
                Code::ContractEnding,
                ends.span,
                format!("the contract with vendor \"{}\" {when}", v.head.id.value),
            ));
        }
    }
    for e in &plan.exercises {
        for f in &e.findings {
            let done = f.done.as_ref().is_some_and(|d| d.value);
            if let Some(due) = &f.due
                && !done
                && due.value < today
            {
                out.push(Diagnostic::at(
                    Code::FindingOverdue,
                    due.span,
                    format!(
                        "finding \"{}\" of exercise \"{}\" was due on {} and is not done",
                        f.title.value, e.head.id.value, due.value
                    ),
                ));
            }
        }
    }
    if let Some(every) = &policy.contact_verify_every {
        for c in &plan.contacts {
            let id = &c.head.id.value;
            match &c.verified {
                None => out.push(Diagnostic::at(
                    Code::ContactUnverified,
                    c.head.at,
                    format!(
                        "contact \"{id}\" has no `verified` date; policy asks for details confirmed every {}",
                        every.value
                    ),
                )),
                Some(v) if v.value.plus_days(every.value.days()) < today => out.push(Diagnostic::at(
                    Code::ContactUnverified,
                    v.span,
                    format!(
                        "contact \"{id}\" was last verified on {}, more than {} ago",
                        v.value, every.value
                    ),
                )),
                Some(_) => {}
            }
        }
    }
}

/// `no-phone` and `phone-format`.
pub fn phones(plan: &Plan, out: &mut Vec<Diagnostic>) {
    // Who must be reachable, and why (first reason wins).
    let mut need: Vec<(&str, String)> = Vec::new();
    for t in &plan.call_trees {
        let why = format!("is in call tree \"{}\"", t.head.id.value);
        for r in t.root.iter().chain(&t.report_back) {
            need.push((&r.value, why.clone()));
        }
        for (caller, callees) in &t.calls {
            need.push((&caller.value, why.clone()));
            for c in callees {
                need.push((&c.value, why.clone()));
            }
        }
    }
    for card in &plan.cards {
        for c in &card.contacts {
            need.push((&c.value, format!("is on card \"{}\"", card.head.id.value)));
        }
    }
    for s in &plan.services {
        if let Some(o) = &s.owner {
            need.push((&o.value, format!("owns service \"{}\"", s.head.id.value)));
        }
    }
    let mut done: HashSet<&str> = HashSet::new();
    for (id, why) in need {
        if !done.insert(id) {
            continue;
        }
        let (at, has) = match plan.lookup(id) {
            Some(ItemRef {
                kind: Kind::Contact,
                index,
            }) => {
                let c = &plan.contacts[index];
                (c.head.at, c.number().is_some())
            }
            Some(ItemRef {
                kind: Kind::Team,
                index,
            }) => {
                let t = &plan.teams[index];
                (t.head.at, t.phone.is_some())
            }
            _ => continue,
        };
        if !has {
            out.push(Diagnostic::at(
                Code::NoPhone,
                at,
                format!("\"{id}\" {why} but has no phone number"),
            ));
        }
    }

    // Each number, and whether it is private.
    let mut numbers: Vec<(&Text, bool)> = Vec::new();
    if let Some(h) = &plan.settings.hotline {
        numbers.extend(h.phone.iter().chain(&h.alt_phone).map(|n| (n, false)));
    }
    for c in &plan.contacts {
        numbers.extend(c.phone.iter().chain(&c.mobile).map(|n| (n, false)));
        if let Some(p) = &c.private {
            numbers.extend(
                p.home_phone
                    .iter()
                    .chain(&p.personal_mobile)
                    .map(|n| (n, true)),
            );
        }
    }
    for t in &plan.teams {
        numbers.extend(t.phone.iter().map(|n| (n, false)));
    }
    for v in &plan.vendors {
        numbers.extend(v.support_phone.iter().map(|n| (n, false)));
        for c in &v.contacts {
            numbers.extend(c.phone.iter().map(|n| (n, false)));
        }
    }
    for (n, private) in numbers {
        if !phone_is_international(&n.value) {
            let dialled = crate::model::dialled(&n.value);
            let not_international = "is not in international format";
            let (what, why) = if n.value.trim_start().starts_with('+') && n.value.contains("(0)") {
                let without = n.value.replacen("(0)", "", 1);
                (
                    not_international,
                    format!(
                        "leave out the (0), which is not dialled from abroad: \"{}\" (the site's \
                         links already dial {dialled})",
                        without.split_whitespace().collect::<Vec<_>>().join(" ")
                    ),
                )
            } else if let Some((_, ext)) = dialled.split_once(',') {
                // The number itself may be international: what to check is the
                // extension, which a phone dials after a pause.
                (
                    "has an extension",
                    format!(
                        "the site's links dial {dialled}, the extension {ext} after a pause: check \
                         that this is the number"
                    ),
                )
            } else if n.value.trim_start().starts_with('+') {
                (
                    not_international,
                    "write + and the country code, then 7 to 15 digits separated only by spaces, dashes or dots".to_string(),
                )
            } else {
                (
                    not_international,
                    "write it in international format, with + and the country code, e.g. \"+44 20 7946 0000\"".to_string(),
                )
            };
            out.push(
                Diagnostic::at(
                    Code::PhoneFormat,
                    n.span,
                    format!("phone number \"{}\" {what}: {why}", n.value),
                )
                .quoting_private(private),
            );
        }
    }
}

/// `unowned`: services, runbooks and high or extreme risks need an owner.
pub fn owners(plan: &Plan, out: &mut Vec<Diagnostic>) {
    for s in plan.services.iter().filter(|s| s.owner.is_none()) {
        out.push(Diagnostic::at(
            Code::Unowned,
            s.head.at,
            format!("service \"{}\" has no owner", s.head.id.value),
        ));
    }
    for r in plan.runbooks.iter().filter(|r| r.owner.is_none()) {
        out.push(Diagnostic::at(
            Code::Unowned,
            r.head.at,
            format!("runbook \"{}\" has no owner", r.head.id.value),
        ));
    }
    let matrix = &plan.settings.risk_matrix;
    for r in plan.risks.iter().filter(|r| r.owner.is_none()) {
        if let Some(score) = matrix.score(r)
            && matrix.is_high(score)
        {
            let band = matrix
                .band_of(score)
                .map(|b| matrix.bands[b].label.to_lowercase())
                .unwrap_or_default();
            out.push(Diagnostic::at(
                Code::Unowned,
                r.head.at,
                format!(
                    "{band} risk \"{}\" (score {score}) has no owner",
                    r.head.id.value
                ),
            ));
        }
    }
}
