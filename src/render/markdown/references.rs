//! `[[id]]` drawn as the spec says: a contact as its name and number, anything else
//! as a link to its page.

use super::*;

/// `[[id]]`: a contact as its name and a `tel:` link to its number, a team or vendor
/// likewise with its phone or support line, anything else as a link to its page.
pub fn reference(plan: &Plan, id: &str, text: Option<&str>, root: &str) -> String {
    let Some(r) = plan.lookup(id) else {
        return format!("<span class=\"ref\">{}</span>", escape(text.unwrap_or(id)));
    };
    let name = escape(text.unwrap_or(plan.name_of(r)));
    let link = match paths::page(plan, r) {
        Some(p) => format!("<a href=\"{root}{}\">{name}</a>", escape(&p)),
        None => name,
    };
    match number_of(plan, r) {
        Some(n) => format!(
            "<span class=\"ref ref-{}\">{link} {}</span>",
            r.kind.name(),
            crate::html::tel_link(&tel_uri(n), n)
        ),
        None => link,
    }
}

/// The number to call for an item: a contact's phone (else mobile), a team's
/// phone, a vendor's support line.
pub fn number_of(plan: &Plan, r: ItemRef) -> Option<&str> {
    match r.kind {
        Kind::Contact => plan.contacts[r.index].number().map(|n| n.as_str()),
        Kind::Team => plan.teams[r.index].phone.as_deref().map(String::as_str),
        Kind::Vendor => plan.vendors[r.index]
            .support_phone
            .as_deref()
            .map(String::as_str),
        _ => None,
    }
}
