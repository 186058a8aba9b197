//! People: contacts with their private details, teams, and call trees.

use super::*;

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
    /// Boxed: most contacts have none, and a plan may hold thousands of contacts.
    #[serde(skip)]
    pub private: Option<Box<PrivateDetails>>,
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
