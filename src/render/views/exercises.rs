//! The exercise log and plan, with findings.

use super::*;

#[derive(Serialize)]
pub struct ExerciseRow {
    pub exercise: ItemLink,
    pub date: Option<String>,
    pub kind: Option<String>,
    pub status: Option<String>,
    pub outcome: Option<String>,
    pub open_findings: usize,
}

pub(super) fn exercise_row(c: &Ctx, index: usize) -> ExerciseRow {
    let x = &c.plan.exercises[index];
    ExerciseRow {
        exercise: c.link(ItemRef {
            kind: Kind::Exercise,
            index,
        }),
        date: c.date_text(&x.date),
        kind: c.word("exercise-kind", &x.kind),
        status: c.word("exercise-status", &x.status),
        outcome: c.word("exercise-outcome", &x.outcome),
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
    pub due_text: Option<String>,
    pub done: bool,
    pub overdue: bool,
}

pub fn exercise(c: &Ctx, index: usize) -> ExercisePage {
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
                    severity: c.word("finding-severity", &f.severity),
                    action: text(&f.action),
                    owner: c.link_opt(&f.owner),
                    due: date(&f.due),
                    due_text: c.date_text(&f.due),
                    done,
                    overdue: !done && f.due.as_ref().is_some_and(|d| d.value < c.today),
                }
            })
            .collect(),
        prose: c.prose(ItemRef {
            kind: Kind::Exercise,
            index,
        }),
    }
}
