//! The other items of a plan: vendors, risks, services, processes, runbooks,
//! communication templates and stakeholder groups, exercises, wallet cards.

use super::*;

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
