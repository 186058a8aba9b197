//! Where each item's page is in the site, and HTML escaping.

use crate::model::{ItemRef, Kind, Plan};
use std::borrow::Cow;

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

/// Characters that never reach a page: controls but tab, line feed and carriage
/// return (a NUL or an escape sequence from a plan), and Unicode noncharacters.
pub fn forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
        || (u32::from(c) & 0xFFFE) == 0xFFFE
}

/// `text` with each [`forbidden`] character replaced by U+FFFD.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().any(forbidden) {
        Cow::Owned(
            text.chars()
                .map(|c| if forbidden(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// Escapes text for HTML content and double-quoted attributes; [`forbidden`]
/// characters become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if forbidden(c) => out.push('\u{FFFD}'),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
