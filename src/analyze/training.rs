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

/// Whether exercise `e` (done, dated) had contact `c` taking part: as a participant,
/// through a team that took part, or as facilitator.
pub fn took_part(plan: &Plan, e: usize, contact: &str) -> bool {
    let x = &plan.exercises[e];
    if x.facilitator.as_ref().is_some_and(|f| f.value == contact) {
        return true;
    }
    x.participants.iter().any(|p| {
        p.value == contact
            || plan.lookup(&p.value).is_some_and(|r| {
                r.kind == Kind::Team
                    && plan.teams[r.index]
                        .members
                        .iter()
                        .chain(plan.teams[r.index].lead.iter())
                        .any(|m| m.value == contact)
            })
    })
}

/// Every person with a role, in the plan's contact order, with the last done
/// exercise that covered each role (on or before `today`).
pub fn people(plan: &Plan, today: Date) -> Vec<Person> {
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
    // The done exercises, newest first.
    let mut done: Vec<(usize, Date)> = plan
        .exercises
        .iter()
        .enumerate()
        .filter(|(_, x)| x.status.as_ref().is_some_and(|s| s.value == "done"))
        .filter_map(|(i, x)| Some((i, x.date.as_ref()?.value)))
        .filter(|(_, d)| *d <= today)
        .collect();
    done.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = Vec::new();
    for (i, mut list) in roles.into_iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let id = plan.contacts[i].head.id.value.as_str();
        let attended: Vec<(usize, Date)> = done
            .iter()
            .copied()
            .filter(|&(e, _)| took_part(plan, e, id))
            .collect();
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
