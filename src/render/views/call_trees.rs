//! A call tree on one sheet: the cascade in order, everyone's numbers and
//! alternates, what to do when someone does not answer, whom to report back to.

use super::*;

#[derive(Serialize)]
pub struct CallTreePage {
    pub title: String,
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
