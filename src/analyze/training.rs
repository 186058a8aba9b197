//! Who is ready: every person with a role in the plan (call tree member or
//! report-back person, runbook owner, team lead, alternate of one of them), and the
//! last done exercise, training or briefing that covered each role. The `untrained`
//! warning and the readiness page are both views of this.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Date, Kind, Plan};
use crate::source::Span;

/// The kinds of role, in the readiness page's column order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RoleKind {
    CallTree,
    ReportBack,
    RunbookOwner,
    TeamLead,
    Alternate,
}

impl RoleKind {
    pub const ALL: [RoleKind; 5] = [
        RoleKind::CallTree,
        RoleKind::ReportBack,
        RoleKind::RunbookOwner,
        RoleKind::TeamLead,
        RoleKind::Alternate,
    ];

    /// The id of the role kind (messages and classes).
    pub fn id(self) -> &'static str {
        match self {
            RoleKind::CallTree => "call-tree",
            RoleKind::ReportBack => "report-back",
            RoleKind::RunbookOwner => "runbook-owner",
            RoleKind::TeamLead => "team-lead",
            RoleKind::Alternate => "alternate",
        }
    }
}

/// One role of a person: of what item (a call tree, runbook, team, or the person
/// whose alternate they are), given where.
#[derive(Clone, Debug)]
pub struct Role {
    pub kind: RoleKind,
    /// The id of the call tree, runbook, team, or person stood in for.
    pub of: String,
    pub at: Span,
    /// The last done exercise (index) that covered the role, and its date.
    pub last: Option<(usize, Date)>,
}

/// A person with a role.
#[derive(Clone, Debug)]
pub struct Person {
    /// Index into the plan's contacts.
    pub contact: usize,
    pub roles: Vec<Role>,
}

/// Who took part in what, worked out once for a whole plan (pages ask it for
/// thousands of people and runbooks).
pub struct Coverage {
    /// Contact id to the exercises they take part in (through a team, or as
    /// facilitator, too), newest first; undated last.
    pub by_contact: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Runbook id to the last done exercise on or before today that lists it.
    pub runbook_last: rustc_hash::FxHashMap<String, (usize, Date)>,
}

/// The coverage of `plan` on `today`.
pub fn coverage(plan: &Plan, today: Date) -> Coverage {
    let mut order: Vec<usize> = (0..plan.exercises.len()).collect();
    order.sort_by(|&a, &b| {
        let d = |i: usize| plan.exercises[i].date.as_ref().map(|d| d.value);
        d(b).cmp(&d(a)).then(a.cmp(&b))
    });
    let mut by_contact: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
    let mut runbook_last: rustc_hash::FxHashMap<String, (usize, Date)> = Default::default();
    for e in order {
        let x = &plan.exercises[e];
        let mut people: Vec<&str> = Vec::new();
        for p in x.participants.iter().chain(x.facilitator.iter()) {
            match plan.lookup(&p.value) {
                Some(r) if r.kind == Kind::Team => {
                    let t = &plan.teams[r.index];
                    people.extend(
                        t.members
                            .iter()
                            .chain(t.lead.iter())
                            .map(|m| m.value.as_str()),
                    );
                }
                _ => people.push(p.value.as_str()),
            }
        }
        people.sort_unstable();
        people.dedup();
        for p in people {
            by_contact.entry(p.to_string()).or_default().push(e);
        }
        let done = x.status.as_ref().is_some_and(|s| s.value == "done");
        if let Some(d) = x
            .date
            .as_ref()
            .map(|d| d.value)
            .filter(|d| done && *d <= today)
        {
            for r in &x.runbooks {
                runbook_last.entry(r.value.clone()).or_insert((e, d));
            }
        }
    }
    Coverage {
        by_contact,
        runbook_last,
    }
}

/// Every person with a role, in the plan's contact order, with the last done
/// exercise that covered each role (on or before `today`).
pub fn people(plan: &Plan, today: Date) -> Vec<Person> {
    people_with(plan, today, &coverage(plan, today))
}

/// [`people`], from coverage already worked out.
pub fn people_with(plan: &Plan, today: Date, cover: &Coverage) -> Vec<Person> {
    let mut roles: Vec<Vec<Role>> = vec![Vec::new(); plan.contacts.len()];
    let contact = |id: &str| {
        plan.lookup(id)
            .filter(|r| r.kind == Kind::Contact)
            .map(|r| r.index)
    };
    let add = |roles: &mut Vec<Vec<Role>>, id: &str, kind: RoleKind, of: &str, at: Span| {
        if let Some(i) = contact(id)
            && !roles[i].iter().any(|r| r.kind == kind && r.of == of)
        {
            roles[i].push(Role {
                kind,
                of: of.to_string(),
                at,
                last: None,
            });
        }
    };
    for t in &plan.call_trees {
        let tree = t.head.id.value.as_str();
        if let Some(root) = &t.root {
            add(&mut roles, &root.value, RoleKind::CallTree, tree, root.span);
        }
        for (caller, callees) in &t.calls {
            add(
                &mut roles,
                &caller.value,
                RoleKind::CallTree,
                tree,
                caller.span,
            );
            for c in callees {
                add(&mut roles, &c.value, RoleKind::CallTree, tree, c.span);
            }
        }
        if let Some(r) = &t.report_back {
            add(&mut roles, &r.value, RoleKind::ReportBack, tree, r.span);
        }
    }
    for rb in &plan.runbooks {
        if let Some(o) = &rb.owner {
            add(
                &mut roles,
                &o.value,
                RoleKind::RunbookOwner,
                &rb.head.id.value,
                o.span,
            );
        }
    }
    for team in &plan.teams {
        if let Some(l) = &team.lead {
            add(
                &mut roles,
                &l.value,
                RoleKind::TeamLead,
                &team.head.id.value,
                l.span,
            );
        }
    }
    // Alternates of people who hold a role (not of alternates: one step).
    let holders: Vec<usize> = (0..roles.len()).filter(|&i| !roles[i].is_empty()).collect();
    for i in holders {
        let c = &plan.contacts[i];
        for a in &c.alternates {
            add(
                &mut roles,
                &a.value,
                RoleKind::Alternate,
                &c.head.id.value,
                a.span,
            );
        }
    }
    let mut out = Vec::new();
    for (i, mut list) in roles.into_iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let id = plan.contacts[i].head.id.value.as_str();
        // The done exercises they took part in, newest first.
        let attended: Vec<(usize, Date)> = cover
            .by_contact
            .get(id)
            .map(|list| {
                list.iter()
                    .filter_map(|&e| {
                        let x = &plan.exercises[e];
                        let done = x.status.as_ref().is_some_and(|s| s.value == "done");
                        let d = x.date.as_ref()?.value;
                        (done && d <= today).then_some((e, d))
                    })
                    .collect()
            })
            .unwrap_or_default();
        for role in &mut list {
            role.last = attended.iter().copied().find(|&(e, _)| {
                role.kind != RoleKind::RunbookOwner
                    || plan.exercises[e]
                        .runbooks
                        .iter()
                        .any(|r| r.value == role.of)
            });
        }
        list.sort_by(|a, b| a.kind.cmp(&b.kind).then(a.of.cmp(&b.of)));
        out.push(Person {
            contact: i,
            roles: list,
        });
    }
    out
}

/// How current a role's training is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    Never,
    Overdue,
    Due,
    Current,
}

impl State {
    pub fn id(self) -> &'static str {
        match self {
            State::Never => "never",
            State::Overdue => "overdue",
            State::Due => "due",
            State::Current => "current",
        }
    }
}

/// The state of training last done on `last`, against a period of `every` days:
/// due when it lapses within 30 days.
pub fn state(last: Option<Date>, every: i64, today: Date) -> State {
    let Some(last) = last else {
        return State::Never;
    };
    let lapses = last.plus_days(every);
    if lapses < today {
        State::Overdue
    } else if lapses < today.plus_days(30) {
        State::Due
    } else {
        State::Current
    }
}

/// The warning `untrained`, with `[policy] train_every`: a person whose roles are
/// not all covered by a done exercise, training or briefing within the period.
pub fn untrained(plan: &Plan, today: Date, out: &mut Vec<Diagnostic>) {
    let Some(every) = &plan.settings.policy.train_every else {
        return;
    };
    let since = today.plus_days(-every.value.days());
    for p in people(plan, today) {
        let missing: Vec<&Role> = p
            .roles
            .iter()
            .filter(|r| r.last.is_none_or(|(_, d)| d < since))
            .collect();
        let Some(first) = missing.first() else {
            continue;
        };
        let c = &plan.contacts[p.contact];
        let roles: Vec<String> = missing
            .iter()
            .map(|r| match r.kind {
                RoleKind::CallTree => format!("in call tree \"{}\"", r.of),
                RoleKind::ReportBack => format!("report-back person of call tree \"{}\"", r.of),
                RoleKind::RunbookOwner => format!("owner of runbook \"{}\"", r.of),
                RoleKind::TeamLead => format!("lead of team \"{}\"", r.of),
                RoleKind::Alternate => format!("alternate of \"{}\"", r.of),
            })
            .collect();
        out.push(Diagnostic::at(
            Code::Untrained,
            first.at,
            format!(
                "{} (\"{}\"; {}) took part in no done exercise, training or briefing since {since} \
                 that covers it (policy.train_every = {}); add them to one, as participants \
                 or through their team",
                c.name.value,
                c.head.id.value,
                roles.join(", "),
                every.value
            ),
        ));
    }
}
