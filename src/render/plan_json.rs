//! `plan.json`: the resolved plan for other tools.

use super::reuse::Sections;
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

/// Where plan.json (`json`) holds the bodies of the items that have pages of their
/// own (see `reuse`): the JSON string after each `"body":`, with the page's place
/// in `pages`, for a rebuild to splice new prose into. Empty when the `"body":`
/// keys are not exactly every item's body, in the order of [`Plan::items`]. That
/// key cannot occur inside a JSON string (its quotes would be escaped), so each
/// item's escaped body found at the next key, and as many keys as items, leave no
/// doubt.
pub(super) fn bodies(plan: &Plan, pages: &[super::Page], json: &[u8]) -> Sections {
    use rayon::prelude::*;
    const KEY: &[u8] = b"\"body\":";
    let keys: Vec<usize> = memchr::memmem::find_iter(json, KEY).collect();
    let items: Vec<_> = plan.items().collect();
    if keys.len() != items.len() {
        return Vec::new();
    }
    let page_of: rustc_hash::FxHashMap<_, usize> = (pages.iter().enumerate())
        .filter_map(|(i, &p)| Some((super::pages::prose_item(p)?, i)))
        .collect();
    let found: Option<Sections> = (keys.par_iter().zip(&items))
        .filter_map(|(&at, (r, head))| {
            let start = at + KEY.len();
            let Ok(value) = serde_json::to_vec(&*head.body.markdown) else {
                return Some(None);
            };
            let end = start + value.len();
            if json.get(start..end) != Some(&value[..]) {
                return Some(None);
            }
            page_of.get(r).map(|&page| Some((start, end, page)))
        })
        .collect();
    found.unwrap_or_default()
}
