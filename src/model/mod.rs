//! The typed plan: every kind of item of the plan format, with the place each value
//! was written, and an index from id to item.

mod items;
mod links;
pub mod names;
mod people;
mod prose;
mod settings;
mod values;

pub use items::*;
pub use people::*;
pub use prose::*;
pub use settings::*;

pub use links::{Link, LinkList, Links};
pub use values::{
    Date, Duration, dialled, id_file_name_problem, id_is_valid, phone_is_international, tel_uri,
};

use crate::source::{Span, Spanned};
use rustc_hash::FxHashMap;
use serde::Serialize;
pub use std::sync::Arc;

pub type Text = Spanned<String>;
pub type Opt<T> = Option<Spanned<T>>;

/// The kinds of item that have an id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Contact,
    Team,
    CallTree,
    Vendor,
    Risk,
    Service,
    Process,
    Runbook,
    Template,
    Stakeholder,
    Exercise,
    Card,
}

impl Kind {
    /// The name used in TOML (`[[call_tree]]`) and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Contact => "contact",
            Kind::Team => "team",
            Kind::CallTree => "call_tree",
            Kind::Vendor => "vendor",
            Kind::Risk => "risk",
            Kind::Service => "service",
            Kind::Process => "process",
            Kind::Runbook => "runbook",
            Kind::Template => "template",
            Kind::Stakeholder => "stakeholder",
            Kind::Exercise => "exercise",
            Kind::Card => "card",
        }
    }

    /// Every kind; `kind as usize` is its position here.
    pub const ALL: [Kind; 12] = [
        Kind::Contact,
        Kind::Team,
        Kind::CallTree,
        Kind::Vendor,
        Kind::Risk,
        Kind::Service,
        Kind::Process,
        Kind::Runbook,
        Kind::Template,
        Kind::Stakeholder,
        Kind::Exercise,
        Kind::Card,
    ];

    /// Kinds that may be written as `[[kind]]` in collection folders: all but cards,
    /// which live in plan.toml.
    pub const IN_FOLDERS: &[Kind] = match Kind::ALL.split_last() {
        Some((Kind::Card, rest)) => rest,
        _ => panic!("cards come last in Kind::ALL"),
    };
}

/// Where an id points: a kind and the position in that kind's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub kind: Kind,
    pub index: usize,
}

/// The whole plan, items in the order of their files and positions in them.
#[derive(Clone, Debug, Serialize)]
pub struct Plan {
    pub settings: Settings,
    // Shared: items come from the reader on the heap (read in parallel, one file at
    // a time) and move into the plan without a copy; `serve` keeps a plan a
    // generation, sharing every item that did not change.
    pub contacts: Vec<Arc<Contact>>,
    pub teams: Vec<Arc<Team>>,
    pub call_trees: Vec<Arc<CallTree>>,
    pub vendors: Vec<Arc<Vendor>>,
    pub risks: Vec<Arc<Risk>>,
    pub services: Vec<Arc<Service>>,
    pub processes: Vec<Arc<Process>>,
    pub runbooks: Vec<Arc<Runbook>>,
    pub templates: Vec<Arc<Template>>,
    pub stakeholders: Vec<Arc<Stakeholder>>,
    pub exercises: Vec<Arc<Exercise>>,
    pub cards: Vec<Card>,
    /// The record of changes and the distribution list.
    pub document: Document,
    /// Id to item; for a duplicated id, the first one.
    #[serde(skip)]
    pub index: Arc<FxHashMap<String, ItemRef>>,
}

impl Plan {
    /// The plan's language (`plan.toml` `language`), "en" when it names none.
    pub fn language(&self) -> &str {
        self.settings
            .info
            .language
            .as_ref()
            .map_or("en", |l| l.value.as_str())
    }

    /// The contacts in the order a directory files them: by family name without
    /// its leading particles ("van den Bergh" under B), then given name, in the
    /// order of the plan's language (see [`names::collation_key`]).
    pub fn contacts_by_family_name(&self) -> Vec<usize> {
        let language = self.language();
        let mut keyed: Vec<(String, String, usize)> = self
            .contacts
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let parts = c.name_parts();
                (
                    names::collation_key(names::filing(&parts.family), language),
                    names::collation_key(&parts.given, language),
                    i,
                )
            })
            .collect();
        keyed.sort();
        keyed.into_iter().map(|(_, _, i)| i).collect()
    }

    pub fn lookup(&self, id: &str) -> Option<ItemRef> {
        self.index.get(id).copied()
    }

    /// The head of any item.
    pub fn head(&self, r: ItemRef) -> &Head {
        let i = r.index;
        match r.kind {
            Kind::Contact => &self.contacts[i].head,
            Kind::Team => &self.teams[i].head,
            Kind::CallTree => &self.call_trees[i].head,
            Kind::Vendor => &self.vendors[i].head,
            Kind::Risk => &self.risks[i].head,
            Kind::Service => &self.services[i].head,
            Kind::Process => &self.processes[i].head,
            Kind::Runbook => &self.runbooks[i].head,
            Kind::Template => &self.templates[i].head,
            Kind::Stakeholder => &self.stakeholders[i].head,
            Kind::Exercise => &self.exercises[i].head,
            Kind::Card => &self.cards[i].head,
        }
    }

    /// What an item is called: its name or title.
    /// The name of the item `id` refers to, or `id` itself when it refers to none.
    pub fn contact_name(&self, id: &str) -> String {
        self.lookup(id).map_or(id, |r| self.name_of(r)).to_string()
    }

    pub fn name_of(&self, r: ItemRef) -> &str {
        let i = r.index;
        match r.kind {
            Kind::Contact => &self.contacts[i].name,
            Kind::Team => &self.teams[i].name,
            Kind::CallTree => &self.call_trees[i].title,
            Kind::Vendor => &self.vendors[i].name,
            Kind::Risk => &self.risks[i].title,
            Kind::Service => &self.services[i].name,
            Kind::Process => &self.processes[i].name,
            Kind::Runbook => &self.runbooks[i].title,
            Kind::Template => &self.templates[i].title,
            Kind::Stakeholder => &self.stakeholders[i].name,
            Kind::Exercise => &self.exercises[i].title,
            Kind::Card => &self.cards[i].title,
        }
    }

    /// Every item's head with its kind, in kind order then file order.
    pub fn heads(&self) -> impl Iterator<Item = (Kind, &Head)> {
        fn of<T>(
            kind: Kind,
            items: &[T],
            head: fn(&T) -> &Head,
        ) -> impl Iterator<Item = (Kind, &Head)> {
            items.iter().map(move |x| (kind, head(x)))
        }
        of(Kind::Contact, &self.contacts, |x| &x.head)
            .chain(of(Kind::Team, &self.teams, |x| &x.head))
            .chain(of(Kind::CallTree, &self.call_trees, |x| &x.head))
            .chain(of(Kind::Vendor, &self.vendors, |x| &x.head))
            .chain(of(Kind::Risk, &self.risks, |x| &x.head))
            .chain(of(Kind::Service, &self.services, |x| &x.head))
            .chain(of(Kind::Process, &self.processes, |x| &x.head))
            .chain(of(Kind::Runbook, &self.runbooks, |x| &x.head))
            .chain(of(Kind::Template, &self.templates, |x| &x.head))
            .chain(of(Kind::Stakeholder, &self.stakeholders, |x| &x.head))
            .chain(of(Kind::Exercise, &self.exercises, |x| &x.head))
            .chain(of(Kind::Card, &self.cards, |x| &x.head))
    }

    /// The number of items of each kind, in [`Kind::ALL`] order.
    pub fn counts(&self) -> [usize; 12] {
        [
            self.contacts.len(),
            self.teams.len(),
            self.call_trees.len(),
            self.vendors.len(),
            self.risks.len(),
            self.services.len(),
            self.processes.len(),
            self.runbooks.len(),
            self.templates.len(),
            self.stakeholders.len(),
            self.exercises.len(),
            self.cards.len(),
        ]
    }

    /// Indexes of the runbooks, those of kind `response` first, each group in plan
    /// order.
    pub fn runbooks_response_first(&self) -> Vec<usize> {
        let (mut first, rest): (Vec<usize>, Vec<usize>) =
            (0..self.runbooks.len()).partition(|&i| self.runbooks[i].is_response());
        first.extend(rest);
        first
    }

    /// Every item's head with its reference, in kind order then file order.
    pub fn items(&self) -> impl Iterator<Item = (ItemRef, &Head)> {
        let mut last: Option<Kind> = None;
        let mut index = 0;
        self.heads().map(move |(kind, head)| {
            if last != Some(kind) {
                last = Some(kind);
                index = 0;
            }
            index += 1;
            (
                ItemRef {
                    kind,
                    index: index - 1,
                },
                head,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_numbers_follow_kind_all() {
        for (i, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, i, "{kind:?}");
        }
    }

    #[test]
    fn high_risks_are_the_top_two_bands() {
        let m = RiskMatrix::default();
        assert!(!m.is_high(9));
        assert!(m.is_high(10));
        assert!(m.is_high(25));
        assert_eq!(m.band_of(4).map(|b| m.bands[b].label.as_str()), Some("Low"));
        assert_eq!(m.band_of(0), None);
    }

    #[test]
    fn scores_exist_only_on_the_matrix_scales() {
        let at = Span {
            file: 0,
            start: 0,
            end: 0,
        };
        let rating = |v| Some(Spanned::new(v, at));
        let head = Head {
            id: Spanned::new("r".into(), at),
            at,
            body: Body::default(),
        };
        let risk = |l, i| Risk {
            head: head.clone(),
            title: Spanned::new("R".into(), at),
            category: None,
            threat: None,
            vulnerability: None,
            likelihood: rating(l),
            impact: rating(i),
            residual_likelihood: None,
            residual_impact: None,
            services: Vec::new(),
            owner: None,
            treatment: None,
            mitigations: Vec::new(),
            reviewed: None,
        };
        let m = RiskMatrix::default();
        assert_eq!(m.score(&risk(3, 5)), Some(15));
        assert_eq!(m.score(&risk(6, 1)), None);
        assert_eq!(m.score(&risk(0, 3)), None);
        assert_eq!(m.score(&risk(i64::MAX, 2)), None);
    }
}
