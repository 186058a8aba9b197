//! The plan as a graph: every reference that resolved, from item to item, kept in
//! both directions so that a page can show what an item uses and what uses it.

use super::ItemRef;
use crate::source::Span;
use std::collections::HashMap;

/// One resolved reference: `from`'s field `field` names `to`, written at `span`.
/// `field` is the key (`depends_on`, `owner`, `calls`, ...) or `body` for `[[id]]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub from: ItemRef,
    pub field: &'static str,
    pub to: ItemRef,
    pub span: Span,
}

#[derive(Debug, Default)]
pub struct Links {
    links: Vec<Link>,
    outgoing: HashMap<ItemRef, Vec<usize>>,
    incoming: HashMap<ItemRef, Vec<usize>>,
}

impl Links {
    pub fn new(links: Vec<Link>) -> Links {
        let mut outgoing: HashMap<ItemRef, Vec<usize>> = HashMap::new();
        let mut incoming: HashMap<ItemRef, Vec<usize>> = HashMap::new();
        for (i, link) in links.iter().enumerate() {
            outgoing.entry(link.from).or_default().push(i);
            incoming.entry(link.to).or_default().push(i);
        }
        Links {
            links,
            outgoing,
            incoming,
        }
    }

    /// What `item` refers to, in the order written.
    pub fn from(&self, item: ItemRef) -> impl Iterator<Item = &Link> {
        self.outgoing
            .get(&item)
            .into_iter()
            .flatten()
            .map(|&i| &self.links[i])
    }

    /// What refers to `item`, in plan order.
    pub fn to(&self, item: ItemRef) -> impl Iterator<Item = &Link> {
        self.incoming
            .get(&item)
            .into_iter()
            .flatten()
            .map(|&i| &self.links[i])
    }

    pub fn len(&self) -> usize {
        self.links.len()
    }

    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }
}
