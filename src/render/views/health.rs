//! The plan health page: every warning of `check`, linked to its item.

use super::*;
use crate::diagnostic::Report;
use crate::render::Warning;

pub fn health(c: &Ctx, warnings: &[Warning]) -> Health {
    let rows: Vec<HealthRow> = warnings
        .iter()
        .map(|w| HealthRow {
            code: w.report.code,
            message: w.report.message.clone(),
            place: place(&w.report),
            item: w.item.map(|r| c.link(r)),
        })
        .collect();
    let mut codes: Vec<(&str, usize)> = Vec::new();
    for w in warnings {
        match codes.iter_mut().find(|(c, _)| *c == w.report.code) {
            Some((_, n)) => *n += 1,
            None => codes.push((w.report.code, 1)),
        }
    }
    codes.sort();
    Health {
        overdue: review_overdue(c.plan, c.today),
        codes: codes
            .into_iter()
            .map(|(code, count)| CodeCount { code, count })
            .collect(),
        warnings: rows,
    }
}

#[derive(Serialize)]
pub struct Health {
    pub overdue: Option<String>,
    pub codes: Vec<CodeCount>,
    pub warnings: Vec<HealthRow>,
}

#[derive(Serialize)]
pub struct CodeCount {
    pub code: &'static str,
    pub count: usize,
}

#[derive(Serialize)]
pub struct HealthRow {
    pub code: &'static str,
    pub message: String,
    pub place: String,
    pub item: Option<ItemLink>,
}

/// `services/ehr.md:5:9`
pub(super) fn place(r: &Report) -> String {
    match (&r.file, r.line, r.column) {
        (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}"),
        (Some(f), _, _) => f.clone(),
        _ => String::new(),
    }
}
