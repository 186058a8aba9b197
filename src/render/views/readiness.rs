//! The readiness page: a row per person with a role, a column per kind of role,
//! each cell the last done exercise, training or briefing that covered it, its date
//! and its state (current, due within 30 days, overdue, never); most overdue first.

use super::*;
use crate::analyze::training::{self, RoleKind, State};

#[derive(Serialize)]
pub struct ReadinessPage {
    /// The period training is judged against, the language's way.
    pub every: String,
    /// Whether the period is `train_every` (else the exercise period or a year).
    pub from_policy: bool,
    pub current: usize,
    pub people: usize,
    pub kinds: Vec<String>,
    pub rows: Vec<ReadinessRow>,
}

#[derive(Serialize)]
pub struct ReadinessRow {
    pub person: ItemLink,
    pub state: &'static str,
    pub cells: Vec<ReadinessCell>,
}

#[derive(Serialize)]
pub struct ReadinessCell {
    /// No role of this kind: an empty cell.
    pub state: Option<&'static str>,
    pub state_text: String,
    /// What the roles are of (call trees, runbooks, teams, people).
    pub of: Vec<ItemLink>,
    pub last: Option<ItemLink>,
    pub date: Option<String>,
}

/// The period: `train_every`, else `exercise_every`, else a year.
pub fn training_days(plan: &Plan) -> (i64, Option<Duration>, bool) {
    let p = &plan.settings.policy;
    match (&p.train_every, &p.exercise_every) {
        (Some(t), _) => (t.value.days(), Some(t.value), true),
        (None, Some(e)) => (e.value.days(), Some(e.value), false),
        (None, None) => (365, None, false),
    }
}

pub fn readiness(c: &Ctx) -> ReadinessPage {
    let plan = c.plan;
    let (days, every, from_policy) = training_days(plan);
    let people = training::people_with(plan, c.today, c.coverage);
    let mut rows: Vec<(State, Option<Date>, String, ReadinessRow)> = people
        .iter()
        .map(|p| {
            let mut keys: Vec<(State, Option<Date>)> = Vec::new();
            let cells: Vec<ReadinessCell> = RoleKind::ALL
                .iter()
                .map(|&kind| {
                    let roles: Vec<&training::Role> =
                        p.roles.iter().filter(|r| r.kind == kind).collect();
                    if roles.is_empty() {
                        return ReadinessCell {
                            state: None,
                            state_text: String::new(),
                            of: Vec::new(),
                            last: None,
                            date: None,
                        };
                    }
                    // The cell shows its worst role.
                    let (state, role) = roles
                        .iter()
                        .map(|r| (training::state(r.last.map(|l| l.1), days, c.today), *r))
                        .min_by_key(|(s, r)| (*s, r.last.map(|l| l.1)))
                        .unwrap_or((State::Never, roles[0]));
                    keys.push((state, role.last.map(|l| l.1)));
                    ReadinessCell {
                        state: Some(state.id()),
                        state_text: c.t(&format!("state-{}", state.id())),
                        of: roles.iter().map(|r| c.link_id(&r.of)).collect(),
                        last: role.last.map(|(e, _)| {
                            c.link(ItemRef {
                                kind: Kind::Exercise,
                                index: e,
                            })
                        }),
                        date: role.last.map(|(_, d)| date_text(c.catalog, d)),
                    }
                })
                .collect();
            let (worst, worst_date) = keys.into_iter().min().unwrap_or((State::Never, None));
            let name = plan.contacts[p.contact].name.value.clone();
            (
                worst,
                worst_date,
                name,
                ReadinessRow {
                    person: c.link(ItemRef {
                        kind: Kind::Contact,
                        index: p.contact,
                    }),
                    state: worst.id(),
                    cells,
                },
            )
        })
        .collect();
    // Most overdue first: never, then overdue (oldest first), due, current.
    rows.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    let current = rows.iter().filter(|r| r.0 == State::Current).count();
    ReadinessPage {
        every: every.map_or_else(
            || {
                duration_text(
                    c.catalog,
                    Duration {
                        minutes: 365 * 24 * 60,
                    },
                )
            },
            |d| duration_text(c.catalog, d),
        ),
        from_policy,
        current,
        people: rows.len(),
        kinds: RoleKind::ALL
            .iter()
            .map(|k| c.t(&format!("role-{}", k.id())))
            .collect(),
        rows: rows.into_iter().map(|r| r.3).collect(),
    }
}

/// Each done or planned exercise, training or briefing a person takes part in
/// (directly, through a team, or as facilitator), newest first.
pub fn taken_part(c: &Ctx, contact: usize) -> Vec<TakenPart> {
    let plan = c.plan;
    let id = plan.contacts[contact].head.id.value.as_str();
    // Newest first, as the coverage holds them.
    let list = c.coverage.by_contact.get(id).map_or(&[][..], Vec::as_slice);
    list.iter()
        .map(|&e| (plan.exercises[e].date.as_ref().map(|d| d.value), e))
        .map(|(d, e)| TakenPart {
            exercise: c.link(ItemRef {
                kind: Kind::Exercise,
                index: e,
            }),
            date: d.map(|d| date_text(c.catalog, d)),
            kind: c.word("exercise-kind", &plan.exercises[e].kind),
            status: c.word("exercise-status", &plan.exercises[e].status),
        })
        .collect()
}

#[derive(Serialize)]
pub struct TakenPart {
    pub exercise: ItemLink,
    pub date: Option<String>,
    pub kind: Option<String>,
    pub status: Option<String>,
}

/// The last done exercise or training that covered a runbook, and who took part.
pub fn last_covered(c: &Ctx, runbook: usize) -> Option<LastCovered> {
    let plan = c.plan;
    let id = plan.runbooks[runbook].head.id.value.as_str();
    let &(e, date) = c.coverage.runbook_last.get(id)?;
    let x = &plan.exercises[e];
    Some(LastCovered {
        exercise: c.link(ItemRef {
            kind: Kind::Exercise,
            index: e,
        }),
        date: date_text(c.catalog, date),
        people: x.participants.iter().map(|p| c.link_id(&p.value)).collect(),
    })
}

#[derive(Serialize)]
pub struct LastCovered {
    pub exercise: ItemLink,
    pub date: String,
    pub people: Vec<ItemLink>,
}
