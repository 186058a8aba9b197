//! A call tree on one sheet: the cascade in order, everyone's numbers and
//! alternates, what to do when someone does not answer, whom to report back to.

use super::*;

#[derive(Serialize)]
pub struct CallTreePage {
    pub title: String,
    /// The page's heading: "Call tree: <title>", or the title alone when it starts
    /// with those words already ("Chaîne d’alerte de la cellule de crise", not
    /// "Chaîne d’alerte : Chaîne d’alerte de la cellule de crise").
    pub heading: String,
    pub starts: Option<ItemLink>,
    pub report_back: Option<ItemLink>,
    pub steps: Vec<CascadeStep>,
    /// Severity levels that start this tree.
    pub severities: Vec<String>,
    pub people: usize,
    pub has_cards: bool,
    pub prose: String,
}

#[derive(Serialize)]
pub struct CascadeStep {
    pub depth: usize,
    /// "1.2.1": the place in the cascade, caller's number first.
    pub number: String,
    pub person: ItemLink,
    pub role: Option<String>,
    pub numbers: Vec<LabelledPhone>,
    pub caller: Option<ItemLink>,
    pub calls: Vec<ItemLink>,
    pub alternates: Vec<ItemLink>,
    /// An encrypted build: the contact's id when they have private details.
    pub sealed: Option<String>,
}

#[derive(Serialize)]
pub struct LabelledPhone {
    /// Which number it is, in the plan's language ("mobile").
    pub label: String,
    pub phone: Phone,
}

/// Work numbers of a person or team (private ones never: a call tree is printed).
fn numbers(c: &Ctx, r: Option<ItemRef>) -> Vec<LabelledPhone> {
    let plan = c.plan;
    let mut out = Vec::new();
    let mut add = |label: &str, n: &Opt<String>| {
        if let Some(n) = n {
            out.push(LabelledPhone {
                label: c.t(label),
                phone: Phone::of(n),
            })
        }
    };
    match r {
        Some(r) if r.kind == Kind::Contact => {
            let person = &plan.contacts[r.index];
            add("number-phone", &person.phone);
            add("number-mobile", &person.mobile);
        }
        Some(r) if r.kind == Kind::Team => add("number-team", &plan.teams[r.index].phone),
        _ => {}
    }
    out
}

pub fn call_tree_page(c: &Ctx, index: usize) -> CallTreePage {
    let plan = c.plan;
    let t = &plan.call_trees[index];
    let r = ItemRef {
        kind: Kind::CallTree,
        index,
    };
    let steps = t.cascade();
    // The cascade number of each person: the caller's number, then the place in
    // the caller's list.
    let mut number_of: HashMap<&str, String> = HashMap::new();
    let steps = steps
        .iter()
        .map(|s| {
            let number = match s.caller.and_then(|c| number_of.get(c)) {
                Some(n) => format!("{n}.{}", s.order),
                None => "1".to_string(),
            };
            number_of.insert(s.who, number.clone());
            let who = plan.lookup(s.who);
            CascadeStep {
                depth: s.depth,
                number,
                person: c.link_id(s.who),
                role: who
                    .filter(|r| r.kind == Kind::Contact)
                    .and_then(|r| text(&plan.contacts[r.index].role)),
                numbers: numbers(c, who),
                caller: s.caller.map(|x| c.link_id(x)),
                sealed: who
                    .filter(|r| c.encrypted && r.kind == Kind::Contact)
                    .filter(|r| plan.contacts[r.index].private.is_some())
                    .map(|r| plan.contacts[r.index].head.id.value.clone()),
                calls: c.link_all(t.calls_of(s.who)),
                alternates: who
                    .filter(|r| r.kind == Kind::Contact)
                    .map(|r| c.link_all(&plan.contacts[r.index].alternates))
                    .unwrap_or_default(),
            }
        })
        .collect::<Vec<_>>();
    CallTreePage {
        heading: heading(c.catalog, &t.title.value),
        title: t.title.value.clone(),
        starts: c.link_opt(&t.root),
        report_back: t.reports_to().map(|x| c.link_id(x)),
        people: steps.len(),
        steps,
        severities: plan
            .settings
            .severities
            .iter()
            .filter(|l| {
                l.call_tree
                    .as_ref()
                    .is_some_and(|x| x.value == t.head.id.value)
            })
            .map(|l| l.level.value.clone())
            .collect(),
        has_cards: plan.settings.call_tree_cards,
        prose: c.prose(r),
    }
}

/// A call tree's heading: message `title-call-tree` with the tree's title, or the
/// title alone when it names itself a call tree already.
fn heading(catalog: &crate::i18n::Catalog, title: &str) -> String {
    if names_itself(catalog, "title-call-tree", "name", title) {
        title.to_string()
    } else {
        catalog.format("title-call-tree", &[("name", title.into())])
    }
}

/// Whether `title` starts with the words that message `id` puts before its value
/// `arg` ("Call tree", "Chaîne d’alerte"): then the title is shown alone, not
/// "Chaîne d’alerte : Chaîne d’alerte de la cellule de crise".
pub(super) fn names_itself(
    catalog: &crate::i18n::Catalog,
    id: &str,
    arg: &str,
    title: &str,
) -> bool {
    let label = catalog.format(id, &[(arg, "".into())]);
    let label = label.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '：' | '\u{2068}' | '\u{2069}')
    });
    let fold = |s: &str| s.to_lowercase().replace('’', "'");
    let (label, folded) = (fold(label), fold(title));
    !label.is_empty()
        && folded.starts_with(&label)
        && !folded[label.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::heading;
    use crate::i18n::Catalog;

    #[test]
    fn a_title_that_names_itself_a_call_tree_is_not_named_twice() {
        let fr = Catalog::new("fr", &[]);
        assert_eq!(
            heading(&fr, "Chaîne d'alerte de la cellule de crise"),
            "Chaîne d'alerte de la cellule de crise"
        );
        assert_eq!(
            heading(&fr, "Astreinte"),
            "Chaîne d’alerte\u{a0}: Astreinte"
        );
        let en = Catalog::new("en", &[]);
        assert_eq!(
            heading(&en, "Call tree for the board"),
            "Call tree for the board"
        );
        assert_eq!(heading(&en, "Call trees"), "Call tree: Call trees");
        assert_eq!(heading(&en, "Major incident"), "Call tree: Major incident");
    }
}
