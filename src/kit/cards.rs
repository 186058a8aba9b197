//! Wallet cards: which cards a plan prints and what each holds (section 4 of the
//! spec), worked out from the plan alone; the pages draw them.
//!
//! Every `[[card]]` of plan.toml, then with `[cards] call_tree_cards = true` a
//! personal card for every person of every call tree, in cascade order. Cards never
//! carry private values, whatever the build's options: they are printed and carried.

use super::qr;
use super::vcard::{self, DROP_ORDER, VCard};
use crate::model::{CallTree, ItemRef, Kind, Plan};
use rustc_hash::FxHashMap;

/// The QR code's square on a card, quiet zone included; the largest it may grow to
/// (the card's height between its head and foot) for a payload that does not fit
/// even without its optional fields; and the smallest module that phone cameras read
/// reliably from a card.
pub const QR_SIDE_MM: f64 = 26.0;
pub const QR_MAX_SIDE_MM: f64 = 34.0;
pub const MIN_MODULE_MM: f64 = 0.4;

/// A person, team or vendor on a card, with the number to call.
#[derive(Clone, Debug)]
pub struct Entry {
    pub item: Option<ItemRef>,
    pub name: String,
    pub role: Option<String>,
    pub number: Option<String>,
}

/// Where the card's holder stands in a call tree.
#[derive(Clone, Debug)]
pub struct Personal {
    pub tree: usize,
    pub holder: Entry,
    pub called_by: Option<Entry>,
    pub calls: Vec<Entry>,
    /// For each person in `calls`: their alternates, who stand in when they do not answer.
    pub alternates: Vec<Vec<Entry>>,
    pub report_to: Option<Entry>,
}

/// What a card's QR code holds, and what was left out to keep it readable.
#[derive(Clone, Debug)]
pub struct QrPayload {
    pub text: String,
    /// What the code stands for, printed under it ("Hotline", "Ana Ruiz", "Plan site").
    pub caption: String,
    /// The interface message that names the code, when the caption is the
    /// interface's word rather than a name of the plan (`qr-plan-site`, ...).
    pub caption_id: Option<&'static str>,
    /// The largest version that keeps modules at least [`MIN_MODULE_MM`].
    pub max_version: i16,
    /// The code's side on the card, in mm, quiet zone included.
    pub side_mm: f64,
}

#[derive(Clone, Debug)]
pub struct Card {
    /// `data-card`: the card's id, or `call-tree:<tree>:<contact>`.
    pub id: String,
    pub title: String,
    pub audience: Option<String>,
    pub contacts: Vec<Entry>,
    pub personal: Option<Personal>,
    pub back: Option<String>,
    pub qr: Option<QrPayload>,
}

/// The cards of the plan, and notes for the build's output (what a QR code left
/// out, a card without a code).
pub fn cards(plan: &Plan, hotline_word: &str) -> (Vec<Card>, Vec<String>) {
    let mut notes = Vec::new();
    let mut out = Vec::new();
    for card in &plan.cards {
        let id = card.head.id.value.clone();
        let qr = match card.qr.as_ref().map(|q| q.value.as_str()) {
            None | Some("hotline") => hotline_qr(plan, &id, hotline_word, &mut notes),
            Some("site") => match base_url(plan) {
                Some(url) => Some(url_qr(url.to_string(), "Plan site", Some("qr-plan-site"))),
                None => hotline_qr(plan, &id, hotline_word, &mut notes),
            },
            Some(q) => match q.split_once(':') {
                Some(("contact", cid)) => match plan.lookup(cid) {
                    Some(r) if r.kind == Kind::Contact => {
                        let c = &plan.contacts[r.index];
                        fit_vcard(
                            vcard::contact(plan, c, false),
                            c.name.value.clone(),
                            &id,
                            &mut notes,
                        )
                    }
                    _ => None,
                },
                Some(("runbook", rid)) => match (base_url(plan), plan.lookup(rid)) {
                    (Some(url), Some(r)) => Some(url_qr(
                        format!("{}runbooks/{rid}.html", with_slash(url)),
                        plan.name_of(r),
                        None,
                    )),
                    _ => {
                        notes.push(format!(
                            "card {id}: `qr = \"{q}\"` needs `base_url` in [plan] (the code holds the \
                             runbook's address online); the card carries the hotline instead"
                        ));
                        hotline_qr(plan, &id, hotline_word, &mut notes)
                    }
                },
                Some(("url", url)) => Some(url_qr(
                    url.to_string(),
                    "Web address",
                    Some("qr-web-address"),
                )),
                _ => None,
            },
        };
        out.push(Card {
            id,
            title: card.title.value.clone(),
            audience: card.audience.as_ref().map(|a| a.value.clone()),
            contacts: card
                .contacts
                .iter()
                .filter_map(|c| entry(plan, c))
                .collect(),
            personal: None,
            back: card.back.as_ref().map(|b| b.value.clone()),
            qr,
        });
    }
    if plan.settings.call_tree_cards {
        // The hotline's code is the same on every personal card: worked out once.
        let qr = hotline_qr(plan, "call-tree cards", hotline_word, &mut notes);
        for (t, tree) in plan.call_trees.iter().enumerate() {
            for p in personal_cards(plan, t, tree) {
                out.push(Card {
                    id: format!(
                        "call-tree:{}:{}",
                        tree.head.id.value,
                        id_of(plan, &p.holder)
                    ),
                    title: tree.title.value.clone(),
                    audience: None,
                    contacts: Vec::new(),
                    personal: Some(p),
                    back: None,
                    qr: qr.clone(),
                });
            }
        }
    }
    (out, notes)
}

fn id_of<'p>(plan: &'p Plan, e: &Entry) -> &'p str {
    e.item.map_or("", |r| plan.head(r).id.value.as_str())
}

fn base_url(plan: &Plan) -> Option<&str> {
    plan.settings
        .info
        .base_url
        .as_ref()
        .map(|u| u.value.as_str())
        .filter(|u| !u.trim().is_empty())
}

fn with_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

/// A person, team or vendor by id, with the number to call.
pub fn entry(plan: &Plan, id: &str) -> Option<Entry> {
    let r = plan.lookup(id)?;
    let (role, number) = match r.kind {
        Kind::Contact => {
            let c = &plan.contacts[r.index];
            (
                c.role.as_ref().map(|x| x.value.clone()),
                c.number().map(|n| n.value.clone()),
            )
        }
        Kind::Team => (
            None,
            plan.teams[r.index].phone.as_ref().map(|n| n.value.clone()),
        ),
        Kind::Vendor => (
            Some("Support".into()),
            plan.vendors[r.index]
                .support_phone
                .as_ref()
                .map(|n| n.value.clone()),
        ),
        _ => (None, None),
    };
    Some(Entry {
        item: Some(r),
        name: plan.name_of(r).to_string(),
        role,
        number,
    })
}

/// A personal card for each person of the tree, in cascade order.
pub fn personal_cards(plan: &Plan, t: usize, tree: &CallTree) -> Vec<Personal> {
    let steps = tree.cascade();
    let callees: FxHashMap<&str, &[crate::model::Text]> = tree
        .calls
        .iter()
        .map(|(c, l)| (c.as_str(), l.as_slice()))
        .collect();
    let report = tree.reports_to();
    steps
        .iter()
        .filter_map(|s| {
            let holder = entry(plan, s.who)?;
            let calls: Vec<Entry> = callees
                .get(s.who)
                .copied()
                .unwrap_or_default()
                .iter()
                .filter_map(|c| entry(plan, c))
                .collect();
            let alternates = calls
                .iter()
                .map(|e| match e.item {
                    Some(r) if r.kind == Kind::Contact => plan.contacts[r.index]
                        .alternates
                        .iter()
                        .filter_map(|a| entry(plan, a))
                        .collect(),
                    _ => Vec::new(),
                })
                .collect();
            Some(Personal {
                tree: t,
                holder,
                called_by: s.caller.and_then(|c| entry(plan, c)),
                calls,
                alternates,
                report_to: report.filter(|r| *r != s.who).and_then(|r| entry(plan, r)),
            })
        })
        .collect()
}

fn url_qr(text: String, caption: &str, caption_id: Option<&'static str>) -> QrPayload {
    QrPayload {
        text,
        caption: caption.to_string(),
        caption_id,
        max_version: qr::max_version(QR_SIDE_MM, MIN_MODULE_MM),
        side_mm: QR_SIDE_MM,
    }
}

/// `word` names the hotline in the interface's language ("Hotline", "Notfallnummer").
fn hotline_qr(plan: &Plan, card: &str, word: &str, notes: &mut Vec<String>) -> Option<QrPayload> {
    match vcard::hotline(plan) {
        Some(v) => {
            // A label too long for any code with readable modules: the code names the
            // number with the interface's word (the card shows the label beside it).
            let v = if !fits_at_most(&v) && fits_at_most(&v.renamed(word)) {
                notes.push(format!(
                    "{card}: the QR code for hotline names it \"{word}\": its label is too \
                     long for a {QR_MAX_SIDE_MM} mm code with {MIN_MODULE_MM} mm modules"
                ));
                v.renamed(word)
            } else {
                v
            };
            fit_vcard(v, "hotline".to_string(), card, notes).map(|mut q| {
                // The label is on the card already, beside the number.
                q.caption = "save hotline".into();
                q.caption_id = Some("qr-save-hotline");
                q
            })
        }
        None => {
            notes.push(format!(
                "{card}: no QR code, since the plan has no hotline number ([hotline] phone)"
            ));
            None
        }
    }
}

/// Whether the vCard, without its optional properties, fits the largest code a card
/// draws with modules of at least [`MIN_MODULE_MM`].
fn fits_at_most(v: &VCard) -> bool {
    let bare = DROP_ORDER.iter().fold(v.clone(), |v, n| v.without(n));
    let version = qr::max_version(QR_MAX_SIDE_MM, MIN_MODULE_MM);
    qr::bits(bare.to_text().as_bytes(), version).is_some()
}

/// The vCard as a payload that fits the card's code with modules of at least
/// [`MIN_MODULE_MM`]: optional properties are left out in [`DROP_ORDER`] until it
/// does, and the note says which.
fn fit_vcard(
    card: VCard,
    caption: String,
    card_id: &str,
    notes: &mut Vec<String>,
) -> Option<QrPayload> {
    let max_version = qr::max_version(QR_SIDE_MM, MIN_MODULE_MM);
    let fits = |v: &VCard, version| qr::bits(v.to_text().as_bytes(), version).is_some();
    let mut v = card;
    let mut left_out = Vec::new();
    for name in DROP_ORDER {
        if fits(&v, max_version) {
            break;
        }
        if v.has_optional(name) {
            v = v.without(name);
            left_out.push(name);
        }
    }
    if !left_out.is_empty() {
        // The first number always stays: only the others are left out.
        let named: Vec<&str> = (left_out.iter())
            .map(|&n| {
                if n == "TEL" {
                    "its other numbers (TEL)"
                } else {
                    n
                }
            })
            .collect();
        notes.push(format!(
            "{card_id}: the QR code for {caption} leaves out {} to keep its modules at least \
             {MIN_MODULE_MM} mm wide",
            named.join(", ")
        ));
    }
    // Still too long: the code grows, up to the card's height, before its modules
    // shrink.
    let mut side_mm = QR_SIDE_MM;
    let mut max_version = max_version;
    while !fits(&v, max_version) && side_mm < QR_MAX_SIDE_MM {
        side_mm += 1.0;
        max_version = qr::max_version(side_mm, MIN_MODULE_MM);
    }
    if side_mm > QR_SIDE_MM && fits(&v, max_version) {
        notes.push(format!(
            "{card_id}: the QR code for {caption} is drawn {side_mm} mm wide (not \
             {QR_SIDE_MM} mm) to keep its modules at least {MIN_MODULE_MM} mm"
        ));
    } else if !fits(&v, max_version) {
        notes.push(format!(
            "{card_id}: the QR code for {caption} is too long for a {QR_MAX_SIDE_MM} mm code \
             with {MIN_MODULE_MM} mm modules even without optional fields; its modules are \
             smaller, which some phones may not read: shorten the name or number"
        ));
        max_version = 40;
    }
    Some(QrPayload {
        text: v.to_text(),
        caption,
        caption_id: None,
        max_version,
        side_mm,
    })
}
