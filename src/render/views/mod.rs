//! Typed template contexts: what each page shows, worked out from the plan and its
//! link graph. Every href here is relative to the page (it starts with `root`).

use super::markdown::{self, Target, number_of};
use super::paths;
use super::svg;
use crate::html::escape;
use crate::model::*;
use crate::source::Sources;
use serde::Serialize;
use std::collections::HashMap;

mod call_trees;
mod card_text;
mod cards;
mod comms;
mod document;
mod exercises;
mod health;
mod log;
mod people;
mod processes;
mod readiness;
mod risks;
mod runbooks;
mod services;
mod start;
mod vendors;

pub use call_trees::*;
pub use cards::*;
pub use comms::*;
pub use document::*;
pub use exercises::*;
pub use health::*;
pub use log::*;
pub use people::*;
pub use processes::*;
pub use readiness::*;
pub use risks::*;
pub use runbooks::*;
pub use services::*;
pub use start::*;
pub use vendors::*;

/// A link to an item (or plain text when it has no page), with the number to call
/// for people, teams and vendors. `name_html` (the link) and `html` (the link and the
/// number) are drawn here once, because a template macro per link made rendering
/// a large plan several times slower.
#[derive(Serialize, Clone)]
pub struct ItemLink {
    pub href: Option<String>,
    pub text: String,
    pub phone: Option<Phone>,
    pub name_html: String,
    pub html: String,
}

impl ItemLink {
    fn new(href: Option<String>, text: String, phone: Option<Phone>) -> ItemLink {
        let name_html = match &href {
            Some(h) => format!("<a href=\"{}\">{}</a>", escape(h), escape(&text)),
            None => escape(&text),
        };
        let html = match &phone {
            Some(p) => format!("{name_html} {}", crate::html::tel_link(&p.tel, &p.number)),
            None => name_html.clone(),
        };
        ItemLink {
            href,
            text,
            phone,
            name_html,
            html,
        }
    }
}

#[derive(Serialize, Clone)]
pub struct Phone {
    pub number: String,
    pub tel: String,
}

impl Phone {
    pub fn of(number: &str) -> Phone {
        Phone {
            number: number.to_string(),
            tel: tel_uri(number),
        }
    }
}

/// Links to the items that refer to an item through one field, e.g. "Owner of" services.
#[derive(Serialize)]
pub struct Group {
    pub title: String,
    pub items: Vec<ItemLink>,
}

/// What a page needs to know besides the plan: where it is and what is shown.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub plan: &'a Plan,
    pub sources: &'a Sources,
    pub links: &'a Links,
    pub today: Date,
    pub include_private: bool,
    /// `""` for top-level pages, `"../"` for pages in a folder.
    pub root: &'a str,
    /// Whether several items share the page (the risk register, print.html): then
    /// the anchors of each item's prose start with its id.
    pub shared_page: bool,
    /// Put [`PROSE_MARKER`] where the item's prose goes, for the caller to fill in.
    pub defer_prose: bool,
    /// Files of `assets/` (relative to it), sorted: prose links only to these.
    pub assets: &'a [(String, Vec<u8>)],
    /// The interface's messages.
    pub catalog: &'a crate::i18n::Catalog,
    /// An encrypted build: places for private values, filled once unlocked.
    pub encrypted: bool,
    /// Who took part in which exercise (worked out once a build).
    pub coverage: &'a crate::analyze::training::Coverage,
}

/// Stands for an item's prose in a rendered page, so that the page can be drawn
/// once and completed twice: for its own file and for print.html.
pub const PROSE_MARKER: &str = "\u{FDD0}lifeboat-prose\u{FDD0}";

fn text(o: &Opt<String>) -> Option<String> {
    o.as_ref().map(|s| s.value.clone())
}

/// A duration the language's way (English keeps the plan's form: `4h`, `1d12h`).
/// A number and its unit stay on one line (`15 min` in a narrow column broke into
/// "15" and "min"): the space inside each part is a no-break space.
pub fn duration_text(catalog: &crate::i18n::Catalog, d: Duration) -> String {
    let parts: Vec<String> = d
        .parts()
        .into_iter()
        .map(|(n, unit)| catalog.format(&format!("dur-{unit}"), &[("n", (n as usize).into())]))
        .map(|part| part.replace(' ', "\u{a0}"))
        .collect();
    match parts.as_slice() {
        [a, b] => catalog.format(
            "dur-2",
            &[("a", a.as_str().into()), ("b", b.as_str().into())],
        ),
        [a, b, c] => catalog.format(
            "dur-3",
            &[
                ("a", a.as_str().into()),
                ("b", b.as_str().into()),
                ("c", c.as_str().into()),
            ],
        ),
        _ => parts.concat(),
    }
}

fn date(o: &Opt<Date>) -> Option<String> {
    o.as_ref().map(|d| d.value.to_string())
}

/// A date the language's way.
pub fn date_text(catalog: &crate::i18n::Catalog, d: Date) -> String {
    catalog.date(d.year, u32::from(d.month), u32::from(d.day))
}

fn phone(o: &Opt<String>) -> Option<Phone> {
    o.as_ref().map(|p| Phone::of(p))
}

impl Ctx<'_> {
    /// A date of the plan the language's way.
    fn date_text(&self, o: &Opt<Date>) -> Option<String> {
        o.as_ref().map(|d| date_text(self.catalog, d.value))
    }

    /// The plan's risk matrix as shown: the plan's own words, or, for the default
    /// scales (the plan has no [risk_matrix]), the interface's words for them.
    pub fn risk_labels(&self) -> std::borrow::Cow<'_, crate::model::RiskMatrix> {
        let m = &self.plan.settings.risk_matrix;
        if *m != crate::model::RiskMatrix::default() {
            return std::borrow::Cow::Borrowed(m);
        }
        let mut shown = m.clone();
        for (i, l) in shown.likelihood.iter_mut().enumerate() {
            *l = self.t(&format!("risk-likelihood-{}", i + 1));
        }
        for (i, l) in shown.impact.iter_mut().enumerate() {
            *l = self.t(&format!("risk-impact-{}", i + 1));
        }
        for (i, b) in shown.bands.iter_mut().enumerate() {
            b.label = self.t(&format!("risk-band-{}", i + 1));
        }
        std::borrow::Cow::Owned(shown)
    }

    /// A duration of the plan the language's way.
    fn dur(&self, o: &Opt<Duration>) -> Option<String> {
        o.as_ref().map(|d| duration_text(self.catalog, d.value))
    }

    /// A value of one of the format's fixed vocabularies in the interface's words
    /// ([`crate::i18n::Catalog::word`]).
    fn word(&self, group: &str, o: &Opt<String>) -> Option<String> {
        o.as_ref().map(|v| self.catalog.word(group, &v.value))
    }

    /// A message of the catalogue.
    pub fn t(&self, id: &str) -> String {
        self.catalog.text(id)
    }

    pub fn link(&self, r: ItemRef) -> ItemLink {
        ItemLink::new(
            paths::page(self.plan, r).map(|p| format!("{}{p}", self.root)),
            self.plan.name_of(r).to_string(),
            number_of(self.plan, r).map(Phone::of),
        )
    }

    /// A link for a reference field; a dangling id (only possible in a plan with
    /// errors, which is never built) shows as text.
    pub fn link_id(&self, id: &str) -> ItemLink {
        match self.plan.lookup(id) {
            Some(r) => self.link(r),
            None => ItemLink::new(None, id.to_string(), None),
        }
    }

    fn link_opt(&self, id: &Opt<String>) -> Option<ItemLink> {
        id.as_ref().map(|i| self.link_id(i))
    }

    fn link_all(&self, ids: &[Text]) -> Vec<ItemLink> {
        ids.iter().map(|i| self.link_id(i)).collect()
    }

    /// The items of `kind` whose `field` names `r`, in plan order, without repeats.
    fn referrers(&self, r: ItemRef, kind: Kind, field: &str) -> Vec<ItemRef> {
        let mut out: Vec<ItemRef> = self
            .links
            .to(r)
            .filter(|l| l.from.kind == kind && l.field == field)
            .map(|l| l.from)
            .collect();
        out.dedup();
        out
    }

    fn referrer_links(&self, r: ItemRef, kind: Kind, field: &str) -> Vec<ItemLink> {
        self.referrers(r, kind, field)
            .into_iter()
            .map(|x| self.link(x))
            .collect()
    }

    /// Everything that refers to `r`, grouped by kind and field, except the fields in
    /// `shown` (which the page already shows in their own sections).
    fn related(&self, r: ItemRef, shown: &[(Kind, &str)]) -> Vec<Group> {
        let mut groups: Vec<((Kind, &str), Vec<ItemRef>)> = Vec::new();
        // Each item once per group: a set beside the lists (10,000 runbooks owned by
        // one person were 50 million comparisons on that person's page).
        let mut seen = std::collections::HashSet::new();
        for l in self.links.to(r) {
            let key = (l.from.kind, l.field);
            if shown.contains(&key) || l.from == r || !seen.insert((key, l.from)) {
                continue;
            }
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, items)) => items.push(l.from),
                None => groups.push((key, vec![l.from])),
            }
        }
        groups.sort_by_key(|((kind, field), _)| (*kind, *field));
        groups
            .into_iter()
            .map(|((kind, field), items)| Group {
                title: relation_title(self.catalog, kind, field),
                items: items.into_iter().map(|x| self.link(x)).collect(),
            })
            .collect()
    }

    /// The item's Markdown prose as HTML (a marker when `defer_prose`). Relative
    /// links are resolved from the item's file; communication templates get their
    /// placeholders marked, runbooks an outline of their sections.
    pub fn prose(&self, r: ItemRef) -> String {
        if self.defer_prose {
            return if self.plan.head(r).body.markdown.trim().is_empty() {
                String::new()
            } else {
                PROSE_MARKER.to_string()
            };
        }
        self.draw_prose(r, false).0
    }

    /// [`Ctx::prose`] drawn, and its text as the search index reads it where that can
    /// be read off the same events (see [`markdown::to_html_and_text`]).
    pub fn prose_and_text(&self, r: ItemRef) -> (String, Option<Vec<markdown::TextSection>>) {
        self.draw_prose(r, true)
    }

    fn draw_prose(
        &self,
        r: ItemRef,
        with_text: bool,
    ) -> (String, Option<Vec<markdown::TextSection>>) {
        let head = self.plan.head(r);
        if head.body.markdown.trim().is_empty() {
            return (String::new(), None);
        }
        let prefix = if self.shared_page {
            format!("{}--", head.id.value)
        } else {
            String::new()
        };
        let target = Target {
            root: self.root,
            anchor_prefix: &prefix,
            source_dir: source_dir(&self.sources.get(head.at.file).path),
            placeholders: r.kind == Kind::Template,
            outline: r.kind == Kind::Runbook,
            assets: self.assets,
            catalog: Some(self.catalog),
        };
        if with_text {
            markdown::to_html_and_text(self.plan, &head.body.markdown, &target)
        } else {
            (
                markdown::to_html(self.plan, &head.body.markdown, &target),
                None,
            )
        }
    }

    fn tier_label(&self, tier: i64) -> Option<String> {
        self.plan
            .settings
            .policy
            .tiers
            .iter()
            .find(|t| t.tier.value == tier)
            .map(|t| t.label.value.clone())
    }
}

/// "Owner of services", "Mentioned in runbooks", ...
fn relation_title(catalog: &crate::i18n::Catalog, kind: Kind, field: &str) -> String {
    let kinds = match kind {
        Kind::Contact => "kinds-contact",
        Kind::Team => "kinds-team",
        Kind::CallTree => "kinds-call-tree",
        Kind::Vendor => "kinds-vendor",
        Kind::Risk => "kinds-risk",
        Kind::Service => "kinds-service",
        Kind::Process => "kinds-process",
        Kind::Runbook => "kinds-runbook",
        Kind::Template => "kinds-template",
        Kind::Stakeholder => "kinds-stakeholder",
        Kind::Exercise => "kinds-exercise",
        Kind::Card => "kinds-card",
    };
    if (kind, field) == (Kind::Exercise, "owner") {
        return catalog.text("rel-exercise-owner");
    }
    let how = match field {
        "qr" => "rel-qr",
        "owner" => "rel-owner",
        "lead" => "rel-lead",
        "members" => "rel-members",
        "team" => "rel-team",
        "alternates" => "rel-alternates",
        "participants" => "rel-participants",
        "facilitator" => "rel-facilitator",
        "contacts" => "rel-contacts",
        "depends_on" => "rel-depends-on",
        "vendors" => "rel-vendors",
        "services" => "rel-services",
        "runbooks" => "rel-runbooks",
        "audience" => "rel-audience",
        "root" | "report_back" | "calls" => "rel-in",
        "body" => "rel-body",
        _ => "rel-other",
    };
    catalog.format(
        "related",
        &[
            ("how", catalog.text(how).into()),
            ("kinds", catalog.text(kinds).into()),
        ],
    )
}

/// The folder (relative to the plan) of the file an item was written in.
pub fn source_dir(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_dates_read_the_languages_way() {
        let d = |s: &str| Duration::parse(s).unwrap_or(Duration { minutes: 0 });
        let en = crate::i18n::Catalog::english();
        let de = crate::i18n::Catalog::new("de", &[]);
        let fr = crate::i18n::Catalog::new("fr", &[]);
        // English keeps the plan's own form.
        for s in ["15m", "4h", "1d12h", "2w", "1d2h30m"] {
            assert_eq!(duration_text(&en, d(s)), s);
        }
        assert_eq!(duration_text(&de, d("4h")), "4\u{a0}h");
        assert_eq!(duration_text(&de, d("1d")), "1\u{a0}Tag");
        assert_eq!(duration_text(&de, d("1d12h")), "1\u{a0}Tag 12\u{a0}h");
        assert_eq!(
            duration_text(&de, d("3d2h30m")),
            "3\u{a0}Tage 2\u{a0}h 30\u{a0}min"
        );
        assert_eq!(duration_text(&de, d("2w")), "2\u{a0}Wochen");
        assert_eq!(duration_text(&fr, d("2d")), "2\u{a0}j");
        let day = Date::parse("2026-11-24").unwrap_or(Date::from_days(0));
        assert_eq!(date_text(&en, day), "2026-11-24");
        assert_eq!(date_text(&de, day), "24. November 2026");
    }
}
