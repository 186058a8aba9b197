//! The typed plan: every kind of item of the plan format, with the place each value
//! was written, and an index from id to item.

mod links;
pub mod names;
mod values;

pub use links::{Link, LinkList, Links};
pub use values::{
    Date, Duration, id_file_name_problem, id_is_valid, phone_is_international, tel_uri,
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

/// What every item has: its id, where it starts, and its Markdown prose.
#[derive(Clone, Debug, Serialize)]
pub struct Head {
    pub id: Text,
    /// The start of the item: its `[[kind]]` line, or the first line of its Markdown file.
    #[serde(skip)]
    pub at: Span,
    #[serde(serialize_with = "body_markdown")]
    pub body: Body,
}

fn body_markdown<S: serde::Serializer>(body: &Body, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&body.markdown)
}

/// Markdown text: a part of its file's text, shared with [`crate::source::SourceFile`]
/// rather than copied (a TOML `body` string, whose escapes differ from the file,
/// has a text of its own).
#[derive(Clone, Debug, Default)]
pub struct Prose {
    text: std::sync::Arc<String>,
    start: usize,
    end: usize,
}

impl Prose {
    /// `range` of `text` (a range outside it, or not on character boundaries, is
    /// empty).
    pub fn part_of(text: &std::sync::Arc<String>, range: std::ops::Range<usize>) -> Prose {
        if text.get(range.clone()).is_none() {
            return Prose::default();
        }
        Prose {
            text: text.clone(),
            start: range.start,
            end: range.end,
        }
    }
}

impl From<String> for Prose {
    fn from(s: String) -> Prose {
        let end = s.len();
        Prose {
            text: s.into(),
            start: 0,
            end,
        }
    }
}

impl std::ops::Deref for Prose {
    type Target = str;
    fn deref(&self) -> &str {
        self.text.get(self.start..self.end).unwrap_or_default()
    }
}

impl Serialize for Prose {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

/// Markdown prose, the `[[id]]` references found in it, and its links and images to
/// relative addresses (as written, where written).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Body {
    pub markdown: Prose,
    pub references: Vec<Reference>,
    #[serde(skip)]
    pub links: Vec<Text>,
}

impl Body {
    /// A body whose lists hold no spare room (a plan holds thousands of them).
    pub fn new(markdown: Prose, mut references: Vec<Reference>, mut links: Vec<Text>) -> Body {
        references.shrink_to_fit();
        links.shrink_to_fit();
        Body {
            markdown,
            references,
            links,
        }
    }
}

/// `[[id]]` or `[[id|text]]` in Markdown.
#[derive(Clone, Debug, Serialize)]
pub struct Reference {
    pub id: Text,
    pub text: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Contact {
    #[serde(flatten)]
    pub head: Head,
    pub name: Text,
    /// The given and family name, when the name alone does not say (import fills
    /// them in); `name` stays what pages show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given_name: Opt<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family_name: Opt<String>,
    pub role: Opt<String>,
    pub team: Opt<String>,
    pub phone: Opt<String>,
    pub mobile: Opt<String>,
    pub email: Opt<String>,
    pub location: Opt<String>,
    pub verified: Opt<Date>,
    pub alternates: Vec<Text>,
    /// Never serialized with the rest: the site adds it only with `--include-private`.
    #[serde(skip)]
    pub private: Option<PrivateDetails>,
}

impl Contact {
    /// The name in vCard's parts: `given_name` and `family_name` where given (the
    /// rest of `name` as prefix and suffix), else `name` cut as people write it.
    pub fn name_parts(&self) -> names::NameParts {
        let mut parts = names::split(&self.name.value);
        if let Some(f) = &self.family_name {
            parts.family = f.value.clone();
        }
        if let Some(g) = &self.given_name {
            parts.given = g.value.clone();
            parts.additional = String::new();
        }
        parts
    }

    /// The number to call: `phone`, else `mobile`.
    pub fn number(&self) -> Option<&Text> {
        self.phone.as_ref().or(self.mobile.as_ref())
    }
}

/// Personal data, left out of the site unless built with `--include-private`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PrivateDetails {
    pub home_phone: Opt<String>,
    pub personal_mobile: Opt<String>,
    pub personal_email: Opt<String>,
    pub home_address: Opt<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Team {
    #[serde(flatten)]
    pub head: Head,
    pub name: Text,
    pub lead: Opt<String>,
    pub members: Vec<Text>,
    pub phone: Opt<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CallTree {
    #[serde(flatten)]
    pub head: Head,
    pub title: Text,
    pub root: Opt<String>,
    pub report_back: Opt<String>,
    /// Each caller and the people they call, in order.
    pub calls: Vec<(Text, Vec<Text>)>,
}

/// One person's place in a call tree's cascade.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallStep<'a> {
    /// 0 for the root.
    pub depth: usize,
    pub who: &'a str,
    /// Who calls them (None for the root).
    pub caller: Option<&'a str>,
    /// Their place in their caller's list, from 1.
    pub order: usize,
}

impl CallTree {
    /// The cascade depth-first in calling order, from the root. Each person once:
    /// loops, which `check` reports (and which stop the build), never hang it.
    pub fn cascade(&self) -> Vec<CallStep<'_>> {
        let mut steps = Vec::new();
        let Some(root) = &self.root else {
            return steps;
        };
        let calls: FxHashMap<&str, &[Text]> = self
            .calls
            .iter()
            .map(|(caller, callees)| (caller.as_str(), callees.as_slice()))
            .collect();
        let mut seen: rustc_hash::FxHashSet<&str> = Default::default();
        let mut stack: Vec<CallStep> = vec![CallStep {
            depth: 0,
            who: root.as_str(),
            caller: None,
            order: 1,
        }];
        while let Some(step) = stack.pop() {
            if !seen.insert(step.who) {
                continue;
            }
            steps.push(step);
            let callees = calls.get(step.who).copied().unwrap_or_default();
            for (n, callee) in callees.iter().enumerate().rev() {
                stack.push(CallStep {
                    depth: step.depth + 1,
                    who: callee.as_str(),
                    caller: Some(step.who),
                    order: n + 1,
                });
            }
        }
        steps
    }

    /// Whom everyone reports back to: `report_back`, else the root.
    pub fn reports_to(&self) -> Option<&str> {
        self.report_back
            .as_ref()
            .or(self.root.as_ref())
            .map(|t| t.as_str())
    }

    /// The people `who` calls, in order.
    pub fn calls_of(&self, who: &str) -> &[Text] {
        self.calls
            .iter()
            .find(|(caller, _)| caller.as_str() == who)
            .map_or(&[], |(_, callees)| callees.as_slice())
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Vendor {
    #[serde(flatten)]
    pub head: Head,
    pub name: Text,
    pub supplies: Opt<String>,
    pub support_phone: Opt<String>,
    pub support_email: Opt<String>,
    pub support_url: Opt<String>,
    pub account: Opt<String>,
    pub contract_ends: Opt<Date>,
    pub restore_within: Opt<Duration>,
    pub sla: Opt<String>,
    pub has_dr_plan: Opt<bool>,
    pub last_assessed: Opt<Date>,
    pub contacts: Vec<VendorContact>,
}

#[derive(Clone, Debug, Serialize)]
pub struct VendorContact {
    #[serde(skip)]
    pub at: Span,
    pub name: Text,
    pub role: Opt<String>,
    pub phone: Opt<String>,
    pub email: Opt<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Risk {
    #[serde(flatten)]
    pub head: Head,
    pub title: Text,
    pub category: Opt<String>,
    pub threat: Opt<String>,
    pub vulnerability: Opt<String>,
    pub likelihood: Opt<i64>,
    pub impact: Opt<i64>,
    pub residual_likelihood: Opt<i64>,
    pub residual_impact: Opt<i64>,
    pub services: Vec<Text>,
    pub owner: Opt<String>,
    pub treatment: Opt<String>,
    pub mitigations: Vec<Text>,
    pub reviewed: Opt<Date>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Service {
    #[serde(flatten)]
    pub head: Head,
    pub name: Text,
    pub tier: Opt<i64>,
    pub owner: Opt<String>,
    pub team: Opt<String>,
    pub rto: Opt<Duration>,
    pub rpo: Opt<Duration>,
    pub mtpd: Opt<Duration>,
    pub wrt: Opt<Duration>,
    pub depends_on: Vec<Text>,
    pub vendors: Vec<Text>,
    pub strategies: Vec<Text>,
    pub location: Opt<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Process {
    #[serde(flatten)]
    pub head: Head,
    pub name: Text,
    pub owner: Opt<String>,
    pub services: Vec<Text>,
    pub rto: Opt<Duration>,
    pub rpo: Opt<Duration>,
    pub mtpd: Opt<Duration>,
    pub wrt: Opt<Duration>,
    pub workaround: Opt<String>,
    pub impact: Vec<Impact>,
}

/// Impact of a process outage after some time, each rating 0-5.
#[derive(Clone, Debug, Serialize)]
pub struct Impact {
    #[serde(skip)]
    pub at: Span,
    pub after: Opt<Duration>,
    pub financial: Opt<i64>,
    pub operational: Opt<i64>,
    pub reputational: Opt<i64>,
    pub legal: Opt<i64>,
    pub safety: Opt<i64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Runbook {
    #[serde(flatten)]
    pub head: Head,
    pub title: Text,
    pub services: Vec<Text>,
    pub owner: Opt<String>,
    pub kind: Opt<String>,
    pub scenarios: Vec<Text>,
    pub estimated: Opt<Duration>,
    pub last_tested: Opt<Date>,
    pub reviewed: Opt<Date>,
}

impl Runbook {
    /// Of kind `response`: where a reader starts (the start page, the binder and
    /// the runbook list put these first).
    pub fn is_response(&self) -> bool {
        self.kind.as_ref().is_some_and(|k| k.value == "response")
    }
}

/// A communication template; `{{name}}` placeholders are filled in by the reader.
#[derive(Clone, Debug, Serialize)]
pub struct Template {
    #[serde(flatten)]
    pub head: Head,
    pub title: Text,
    pub audience: Vec<Text>,
    pub channel: Opt<String>,
    pub severity: Vec<Text>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Stakeholder {
    #[serde(flatten)]
    pub head: Head,
    pub name: Text,
    pub contacts: Vec<Text>,
    pub channel: Opt<String>,
    pub notify_within: Opt<Duration>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Exercise {
    #[serde(flatten)]
    pub head: Head,
    pub title: Text,
    pub kind: Opt<String>,
    pub date: Opt<Date>,
    pub status: Opt<String>,
    pub services: Vec<Text>,
    pub runbooks: Vec<Text>,
    pub participants: Vec<Text>,
    pub facilitator: Opt<String>,
    pub outcome: Opt<String>,
    pub findings: Vec<Finding>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    #[serde(skip)]
    pub at: Span,
    pub title: Text,
    pub severity: Opt<String>,
    pub action: Opt<String>,
    pub owner: Opt<String>,
    pub due: Opt<Date>,
    pub done: Opt<bool>,
}

/// A printable wallet card (`[[card]]` in plan.toml).
#[derive(Clone, Debug, Serialize)]
pub struct Card {
    #[serde(flatten)]
    pub head: Head,
    pub title: Text,
    pub audience: Opt<String>,
    pub contacts: Vec<Text>,
    pub qr: Opt<String>,
    pub back: Opt<String>,
}

/// `[plan]` of plan.toml.
#[derive(Clone, Debug, Serialize)]
pub struct PlanInfo {
    pub title: Text,
    pub organization: Text,
    pub version: Text,
    pub classification: Opt<String>,
    pub owner: Opt<String>,
    pub last_reviewed: Opt<Date>,
    pub review_every: Opt<Duration>,
    pub base_url: Opt<String>,
    pub language: Opt<String>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Policy {
    pub exercise_every: Opt<Duration>,
    pub vendor_contract_warning: Opt<Duration>,
    pub contact_verify_every: Opt<Duration>,
    pub tiers: Vec<TierLabel>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TierLabel {
    pub tier: Spanned<i64>,
    pub label: Text,
}

#[derive(Clone, Debug, Serialize)]
pub struct Hotline {
    #[serde(skip)]
    pub at: Span,
    pub label: Opt<String>,
    pub phone: Opt<String>,
    pub alt_phone: Opt<String>,
    pub email: Opt<String>,
}

/// `[[severity]]` of plan.toml.
#[derive(Clone, Debug, Serialize)]
pub struct SeverityLevel {
    #[serde(skip)]
    pub at: Span,
    pub level: Text,
    pub title: Opt<String>,
    pub criteria: Opt<String>,
    pub respond_within: Opt<Duration>,
    pub update_every: Opt<Duration>,
    pub notify: Vec<Text>,
    pub call_tree: Opt<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RiskMatrix {
    pub likelihood: Vec<String>,
    pub impact: Vec<String>,
    pub bands: Vec<Band>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Band {
    pub min: i64,
    pub label: String,
}

impl Default for RiskMatrix {
    fn default() -> Self {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect();
        RiskMatrix {
            likelihood: words(&["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]),
            impact: words(&["Minimal", "Minor", "Moderate", "Major", "Severe"]),
            bands: [(1, "Low"), (5, "Medium"), (10, "High"), (17, "Extreme")]
                .into_iter()
                .map(|(min, label)| Band {
                    min,
                    label: label.to_string(),
                })
                .collect(),
        }
    }
}

impl RiskMatrix {
    /// Inherent score (likelihood x impact) of a risk whose ratings lie on this
    /// matrix's scales; None when a rating is absent or off the scale.
    pub fn score(&self, risk: &Risk) -> Option<i64> {
        Some(on_scale(&risk.likelihood, &self.likelihood)? * on_scale(&risk.impact, &self.impact)?)
    }

    /// Residual score (after mitigations), on the same terms as [`RiskMatrix::score`].
    pub fn residual_score(&self, risk: &Risk) -> Option<i64> {
        Some(
            on_scale(&risk.residual_likelihood, &self.likelihood)?
                * on_scale(&risk.residual_impact, &self.impact)?,
        )
    }

    /// Index of the band a score falls in (bands sorted by `min`).
    pub fn band_of(&self, score: i64) -> Option<usize> {
        self.bands.iter().rposition(|b| score >= b.min)
    }

    /// High and extreme: the top two bands (the top one when there are only two or fewer).
    pub fn is_high(&self, score: i64) -> bool {
        let n = self.bands.len();
        let first_high = if n >= 3 { n - 2 } else { n.saturating_sub(1) };
        self.band_of(score).is_some_and(|b| b >= first_high)
    }
}

/// A rating that lies on a scale of the risk matrix (1 to the scale's length).
fn on_scale(rating: &Opt<i64>, scale: &[String]) -> Option<i64> {
    rating
        .as_ref()
        .map(|r| r.value)
        .filter(|&v| v >= 1 && usize::try_from(v).is_ok_and(|v| v <= scale.len()))
}

/// Everything in plan.toml besides the cards.
#[derive(Clone, Debug, Serialize)]
pub struct Settings {
    pub info: PlanInfo,
    pub policy: Policy,
    pub hotline: Option<Hotline>,
    pub severities: Vec<SeverityLevel>,
    pub risk_matrix: RiskMatrix,
    pub call_tree_cards: bool,
    /// Whether plan.toml was read: when it does not parse, what it would define
    /// (severity levels) is unknown, and references to it are not judged.
    pub read: bool,
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
