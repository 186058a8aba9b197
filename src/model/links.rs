//! The plan as a graph: every reference that resolved, from item to item, kept in
//! both directions so that a page can show what an item uses and what uses it.

use super::{ItemRef, Kind};
use crate::source::Span;

/// One resolved reference: `from`'s field `field` names `to`, written at `span`.
/// `field` is the key (`depends_on`, `owner`, `calls`, ...) or `body` for `[[id]]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub from: ItemRef,
    pub field: &'static str,
    pub to: ItemRef,
    pub span: Span,
}

/// The fields a link can come from, so that a link stores a number, not a name.
const FIELDS: [&str; 21] = [
    "alternates",
    "audience",
    "body",
    "call_tree",
    "calls",
    "contacts",
    "depends_on",
    "facilitator",
    "lead",
    "members",
    "notify",
    "owner",
    "participants",
    "qr",
    "report_back",
    "root",
    "runbooks",
    "services",
    "team",
    "vendors",
    // Any other field (none today): shown as "referred to by".
    "reference",
];

/// A link as stored: 24 bytes rather than 64, since a large plan has hundreds of
/// thousands of them.
#[derive(Clone, Copy, Debug)]
struct Packed {
    from: u32,
    to: u32,
    span: Span,
    from_kind: u8,
    to_kind: u8,
    field: u8,
}

impl Packed {
    fn of(l: &Link) -> Packed {
        debug_assert!(FIELDS.contains(&l.field), "add {} to FIELDS", l.field);
        let field = FIELDS
            .iter()
            .position(|f| *f == l.field)
            .unwrap_or(FIELDS.len() - 1);
        Packed {
            from: l.from.index as u32,
            to: l.to.index as u32,
            span: l.span,
            from_kind: l.from.kind as u8,
            to_kind: l.to.kind as u8,
            field: field as u8,
        }
    }

    fn link(&self) -> Link {
        let r = |kind: u8, index: u32| ItemRef {
            kind: Kind::ALL[kind as usize],
            index: index as usize,
        };
        Link {
            from: r(self.from_kind, self.from),
            field: FIELDS[self.field as usize],
            to: r(self.to_kind, self.to),
            span: self.span,
        }
    }
}

/// Resolved references as they are found, before [`Links`] indexes them.
#[derive(Debug, Default)]
pub struct LinkList(Vec<Packed>);

impl LinkList {
    pub fn push(&mut self, link: Link) {
        self.0.push(Packed::of(&link));
    }
}

/// Links indexed by item in both directions (compressed rows: for item `n`, its links
/// are `order[start[n]..start[n + 1]]`), so that building and reading cost no hashing.
#[derive(Debug, Default)]
pub struct Links {
    links: Vec<Packed>,
    /// Number of the first item of each kind, in [`Kind::ALL`] order.
    base: [usize; Kind::ALL.len()],
    outgoing: Rows,
    incoming: Rows,
}

#[derive(Debug, Default)]
struct Rows {
    start: Vec<u32>,
    order: Vec<u32>,
}

impl Rows {
    fn new(items: usize, keys: impl Iterator<Item = usize> + Clone) -> Rows {
        let mut start = vec![0u32; items + 1];
        for k in keys.clone() {
            start[k + 1] += 1;
        }
        for i in 0..items {
            start[i + 1] += start[i];
        }
        let mut next = start.clone();
        let mut order = vec![0u32; start[items] as usize];
        for (i, k) in keys.enumerate() {
            order[next[k] as usize] = i as u32;
            next[k] += 1;
        }
        Rows { start, order }
    }

    fn of(&self, n: usize) -> &[u32] {
        match (self.start.get(n), self.start.get(n + 1)) {
            (Some(&a), Some(&b)) => &self.order[a as usize..b as usize],
            _ => &[],
        }
    }
}

impl Links {
    /// `counts` is the number of items of each kind, in [`Kind::ALL`] order.
    pub fn new(links: LinkList, counts: [usize; Kind::ALL.len()]) -> Links {
        let mut links = links.0;
        links.shrink_to_fit();
        let mut base = [0; Kind::ALL.len()];
        let mut total = 0;
        for (b, n) in base.iter_mut().zip(counts) {
            *b = total;
            total += n;
        }
        let number = |kind: u8, index: u32| base[kind as usize] + index as usize;
        let outgoing = Rows::new(total, links.iter().map(|l| number(l.from_kind, l.from)));
        let incoming = Rows::new(total, links.iter().map(|l| number(l.to_kind, l.to)));
        Links {
            links,
            base,
            outgoing,
            incoming,
        }
    }

    fn number(&self, r: ItemRef) -> usize {
        self.base[r.kind as usize] + r.index
    }

    /// What `item` refers to, in the order written.
    pub fn from(&self, item: ItemRef) -> impl Iterator<Item = Link> {
        self.outgoing
            .of(self.number(item))
            .iter()
            .map(|&i| self.links[i as usize].link())
    }

    /// What refers to `item`, in plan order.
    pub fn to(&self, item: ItemRef) -> impl Iterator<Item = Link> {
        self.incoming
            .of(self.number(item))
            .iter()
            .map(|&i| self.links[i as usize].link())
    }

    /// Every link, in the order found.
    pub fn all(&self) -> impl Iterator<Item = Link> + '_ {
        self.links.iter().map(Packed::link)
    }

    pub fn len(&self) -> usize {
        self.links.len()
    }

    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }
}
