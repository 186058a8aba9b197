//! `plan.json`: the resolved plan for other tools.

use super::{Error, Input};
use crate::diagnostic::Report;
use crate::model::{Plan, PrivateDetails};
use serde::Serialize;

/// The resolved plan as JSON: every item with its fields, the recovery order, the
/// warnings, and (only with `--include-private`) contacts' private details.
pub fn plan_json(input: &Input, waves: &[Vec<usize>]) -> Result<Vec<u8>, Error> {
    #[derive(Serialize)]
    struct PlanJson<'a> {
        generator: String,
        built: String,
        include_private: bool,
        #[serde(flatten)]
        plan: &'a Plan,
        recovery_order: Vec<Vec<&'a str>>,
        warnings: Vec<&'a Report>,
        /// Contact id to private details, only with `--include-private`.
        #[serde(skip_serializing_if = "Option::is_none")]
        private: Option<std::collections::BTreeMap<&'a str, &'a PrivateDetails>>,
    }
    let plan = input.plan;
    let doc = PlanJson {
        generator: format!("lifeboat {}", env!("CARGO_PKG_VERSION")),
        built: input.options.today.to_string(),
        include_private: input.options.include_private,
        plan,
        recovery_order: waves
            .iter()
            .map(|w| {
                w.iter()
                    .map(|&s| plan.services[s].head.id.as_str())
                    .collect()
            })
            .collect(),
        warnings: input.warnings.iter().map(|w| &w.report).collect(),
        private: input.options.include_private.then(|| {
            plan.contacts
                .iter()
                .filter_map(|c| Some((c.head.id.as_str(), c.private.as_deref()?)))
                .collect()
        }),
    };
    // Compact: read by programs, and 10,000 runbooks make it large.
    let mut out = serde_json::to_vec(&doc)
        .map_err(|e| Error::Output(format!("cannot write plan.json: {e}")))?;
    out.push(b'\n');
    Ok(out)
}
