//! The incident log: a page where the reader notes decisions and actions, kept in
//! the browser (`log.js`); without JavaScript, a blank log to print and fill in.

use super::*;

#[derive(Serialize)]
pub struct LogPage {
    /// Severity levels, for the one-tap "severity set to" entries.
    pub severities: Vec<String>,
    /// Runbooks (response first), for "runbook started".
    pub runbooks: Vec<ItemLink>,
    pub call_trees: Vec<ItemLink>,
}

pub fn log(c: &Ctx) -> LogPage {
    let plan = c.plan;
    let rows = runbooks(c).rows;
    LogPage {
        severities: plan
            .settings
            .severities
            .iter()
            .map(|s| s.level.value.clone())
            .collect(),
        runbooks: rows.into_iter().map(|r| r.runbook).collect(),
        call_trees: (0..plan.call_trees.len())
            .map(|index| {
                c.link(ItemRef {
                    kind: Kind::CallTree,
                    index,
                })
            })
            .collect(),
    }
}
