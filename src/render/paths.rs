//! Where each item's page is in the site.

use crate::model::{ItemRef, Kind, Plan};

/// The folder of a kind's pages, and whether each item has a page of its own.
pub fn folder(kind: Kind) -> &'static str {
    match kind {
        Kind::Contact | Kind::Team => "contacts",
        Kind::CallTree => "call-trees",
        Kind::Vendor => "vendors",
        Kind::Risk => "risks",
        Kind::Service => "services",
        Kind::Process => "processes",
        Kind::Runbook => "runbooks",
        Kind::Template | Kind::Stakeholder => "comms",
        Kind::Exercise => "exercises",
        Kind::Card => "cards",
    }
}

/// Whether items of `kind` get a page `folder/<id>.html`.
pub fn has_page(kind: Kind) -> bool {
    !matches!(kind, Kind::Risk | Kind::Card)
}

/// The item's place in the site, relative to the site root: its page, or the
/// anchor of the page that shows it (risks in the register, cards on the A4 sheets).
pub fn page(plan: &Plan, r: ItemRef) -> Option<String> {
    let id = &plan.head(r).id.value;
    match r.kind {
        Kind::Risk => Some(format!("risks/index.html#{}", risk_anchor(id))),
        Kind::Card => Some(format!("cards/index.html#card-{id}")),
        kind => Some(format!("{}/{id}.html", folder(kind))),
    }
}

pub fn call_tree_anchor(id: &str) -> String {
    format!("call-tree-{id}")
}

pub fn risk_anchor(id: &str) -> String {
    format!("risk-{id}")
}
