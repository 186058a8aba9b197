//! One reader per kind of item: a TOML table in, a typed item out.

use super::fields::Fields;
use crate::model::*;

pub const STRATEGIES: &[&str] = &[
    "backup-restore",
    "redundancy",
    "failover",
    "manual-workaround",
    "rebuild",
    "vendor-recovery",
];
pub const CHANNELS: &[&str] = &["email", "sms", "phone-script", "web", "press"];

/// Keys every item may have besides its own: `id`, and `body` in TOML items.
macro_rules! keys {
    ($($k:literal),* $(,)?) => { &["id", "body", $($k),*] };
}

pub const CONTACT_KEYS: &[&str] = keys!(
    "name",
    "given_name",
    "family_name",
    "role",
    "team",
    "phone",
    "mobile",
    "email",
    "location",
    "verified",
    "alternates",
    "private"
);
const PRIVATE_KEYS: &[&str] = &[
    "home_phone",
    "personal_mobile",
    "personal_email",
    "home_address",
];
pub const TEAM_KEYS: &[&str] = keys!("name", "lead", "members", "phone");
pub const CALL_TREE_KEYS: &[&str] = keys!("title", "root", "report_back", "calls");
pub const VENDOR_KEYS: &[&str] = keys!(
    "name",
    "supplies",
    "support_phone",
    "support_email",
    "support_url",
    "account",
    "contract_ends",
    "restore_within",
    "sla",
    "has_dr_plan",
    "last_assessed",
    "contact"
);
const VENDOR_CONTACT_KEYS: &[&str] = &["name", "role", "phone", "email"];
pub const RISK_KEYS: &[&str] = keys!(
    "title",
    "category",
    "threat",
    "vulnerability",
    "likelihood",
    "impact",
    "residual_likelihood",
    "residual_impact",
    "services",
    "owner",
    "treatment",
    "mitigations",
    "reviewed"
);
pub const SERVICE_KEYS: &[&str] = keys!(
    "name",
    "tier",
    "owner",
    "team",
    "rto",
    "rpo",
    "mtpd",
    "wrt",
    "depends_on",
    "vendors",
    "strategies",
    "location"
);
pub const PROCESS_KEYS: &[&str] = keys!(
    "name",
    "owner",
    "services",
    "rto",
    "rpo",
    "mtpd",
    "wrt",
    "workaround",
    "impact"
);
const IMPACT_KEYS: &[&str] = &[
    "after",
    "financial",
    "operational",
    "reputational",
    "legal",
    "safety",
];
pub const RUNBOOK_KEYS: &[&str] = keys!(
    "title",
    "services",
    "owner",
    "kind",
    "scenarios",
    "estimated",
    "last_tested",
    "reviewed"
);
pub const TEMPLATE_KEYS: &[&str] = keys!("title", "kind", "audience", "channel", "severity");
pub const STAKEHOLDER_KEYS: &[&str] = keys!("name", "kind", "contacts", "channel", "notify_within");
pub const EXERCISE_KEYS: &[&str] = keys!(
    "title",
    "kind",
    "date",
    "status",
    "services",
    "runbooks",
    "participants",
    "facilitator",
    "outcome",
    "finding"
);
const FINDING_KEYS: &[&str] = &["title", "severity", "action", "owner", "due", "done"];
pub const CARD_KEYS: &[&str] = &["id", "title", "audience", "contacts", "qr", "back"];

/// The known keys of a kind, as written in TOML.
pub fn keys_of(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Contact => CONTACT_KEYS,
        Kind::Team => TEAM_KEYS,
        Kind::CallTree => CALL_TREE_KEYS,
        Kind::Vendor => VENDOR_KEYS,
        Kind::Risk => RISK_KEYS,
        Kind::Service => SERVICE_KEYS,
        Kind::Process => PROCESS_KEYS,
        Kind::Runbook => RUNBOOK_KEYS,
        Kind::Template => TEMPLATE_KEYS,
        Kind::Stakeholder => STAKEHOLDER_KEYS,
        Kind::Exercise => EXERCISE_KEYS,
        Kind::Card => CARD_KEYS,
    }
}

/// An item of any kind, as read from one table.
pub enum Item {
    Contact(Arc<Contact>),
    Team(Arc<Team>),
    CallTree(Arc<CallTree>),
    Vendor(Arc<Vendor>),
    Risk(Arc<Risk>),
    Service(Arc<Service>),
    Process(Arc<Process>),
    Runbook(Arc<Runbook>),
    Template(Arc<Template>),
    Stakeholder(Arc<Stakeholder>),
    Exercise(Arc<Exercise>),
}

impl Item {
    /// The item's id.
    pub fn id(&self) -> &str {
        match self {
            Item::Contact(x) => &x.head.id,
            Item::Team(x) => &x.head.id,
            Item::CallTree(x) => &x.head.id,
            Item::Vendor(x) => &x.head.id,
            Item::Risk(x) => &x.head.id,
            Item::Service(x) => &x.head.id,
            Item::Process(x) => &x.head.id,
            Item::Runbook(x) => &x.head.id,
            Item::Template(x) => &x.head.id,
            Item::Stakeholder(x) => &x.head.id,
            Item::Exercise(x) => &x.head.id,
        }
    }

    /// The item's place among the kinds, in the order of [`Item`]'s variants.
    pub fn slot(&self) -> usize {
        match self {
            Item::Contact(_) => 0,
            Item::Team(_) => 1,
            Item::CallTree(_) => 2,
            Item::Vendor(_) => 3,
            Item::Risk(_) => 4,
            Item::Service(_) => 5,
            Item::Process(_) => 6,
            Item::Runbook(_) => 7,
            Item::Template(_) => 8,
            Item::Stakeholder(_) => 9,
            Item::Exercise(_) => 10,
        }
    }
}

/// Reads the fields of `kind` (the head is already read).
pub fn read(kind: Kind, head: Head, f: &mut Fields) -> Option<Item> {
    let id = head.id.value.clone();
    Some(match kind {
        Kind::Contact => Item::Contact(Arc::new(contact(head, f))),
        Kind::Team => Item::Team(Arc::new(Team {
            name: f.string("name").unwrap_or_else(|| Text::new(id, head.at)),
            head,
            lead: f.string("lead"),
            members: f.strings("members"),
            phone: f.string("phone"),
        })),
        Kind::CallTree => Item::CallTree(Arc::new(call_tree(head, f))),
        Kind::Vendor => Item::Vendor(Arc::new(vendor(head, f))),
        Kind::Risk => Item::Risk(Arc::new(Risk {
            title: f.required_string("title", &id),
            head,
            category: f.string("category"),
            threat: f.string("threat"),
            vulnerability: f.string("vulnerability"),
            likelihood: f.integer("likelihood", i64::MIN..=i64::MAX),
            impact: f.integer("impact", i64::MIN..=i64::MAX),
            residual_likelihood: f.integer("residual_likelihood", i64::MIN..=i64::MAX),
            residual_impact: f.integer("residual_impact", i64::MIN..=i64::MAX),
            services: f.strings("services"),
            owner: f.string("owner"),
            treatment: f.choice("treatment", &["accept", "reduce", "transfer", "avoid"]),
            mitigations: f.strings("mitigations"),
            reviewed: f.date("reviewed"),
        })),
        Kind::Service => Item::Service(Arc::new(Service {
            name: f.required_string("name", &id),
            head,
            tier: f.integer("tier", i64::MIN..=i64::MAX),
            owner: f.string("owner"),
            team: f.string("team"),
            rto: f.duration("rto"),
            rpo: f.duration("rpo"),
            mtpd: f.duration("mtpd"),
            wrt: f.duration("wrt"),
            depends_on: f.strings("depends_on"),
            vendors: f.strings("vendors"),
            strategies: f.choices("strategies", STRATEGIES),
            location: f.string("location"),
        })),
        Kind::Process => Item::Process(Arc::new(process(head, f))),
        Kind::Runbook => Item::Runbook(Arc::new(Runbook {
            title: f.required_string("title", &id),
            head,
            services: f.strings("services"),
            owner: f.string("owner"),
            kind: f.choice(
                "kind",
                &["response", "recovery", "workaround", "communication"],
            ),
            scenarios: f.strings("scenarios"),
            estimated: f.duration("estimated"),
            last_tested: f.date("last_tested"),
            reviewed: f.date("reviewed"),
        })),
        Kind::Template => {
            f.choice("kind", &["template"]);
            Item::Template(Arc::new(Template {
                title: f.string("title").unwrap_or_else(|| Text::new(id, head.at)),
                head,
                audience: f.strings("audience"),
                channel: f.choice("channel", CHANNELS),
                severity: f.strings("severity"),
            }))
        }
        Kind::Stakeholder => {
            f.choice("kind", &["stakeholder"]);
            Item::Stakeholder(Arc::new(Stakeholder {
                name: f.required_string("name", &id),
                head,
                contacts: f.strings("contacts"),
                channel: f.choice("channel", CHANNELS),
                notify_within: f.duration("notify_within"),
            }))
        }
        Kind::Exercise => Item::Exercise(Arc::new(exercise(head, f))),
        Kind::Card => return None,
    })
}

fn contact(head: Head, f: &mut Fields) -> Contact {
    let private = f.table("private").map(|(table, at)| {
        let mut p = f.nested(table, at, "[contact.private]", PRIVATE_KEYS);
        let details = PrivateDetails {
            home_phone: p.string("home_phone"),
            personal_mobile: p.string("personal_mobile"),
            personal_email: p.string("personal_email"),
            home_address: p.string("home_address"),
        };
        p.finish();
        Box::new(details)
    });
    Contact {
        name: f.required_string("name", &head.id.value),
        given_name: f.string("given_name"),
        family_name: f.string("family_name"),
        head,
        role: f.string("role"),
        team: f.string("team"),
        phone: f.string("phone"),
        mobile: f.string("mobile"),
        email: f.string("email"),
        location: f.string("location"),
        verified: f.date("verified"),
        alternates: f.strings("alternates"),
        private,
    }
}

fn call_tree(head: Head, f: &mut Fields) -> CallTree {
    let mut calls = Vec::new();
    if let Some((table, _)) = f.table("calls") {
        let origin = f.origin();
        for (caller, callees) in table.iter() {
            let caller = Text::new(caller.get_ref().to_string(), origin.span(caller.span()));
            let callees = f.strings_of(&caller.value, callees);
            calls.push((caller, callees));
        }
    }
    // Callers in the order they were written.
    calls.sort_by_key(|(caller, _): &(Text, Vec<Text>)| caller.span.start);
    CallTree {
        title: f
            .string("title")
            .unwrap_or_else(|| Text::new(head.id.value.clone(), head.at)),
        head,
        root: f.string("root"),
        report_back: f.string("report_back"),
        calls,
    }
}

fn vendor(head: Head, f: &mut Fields) -> Vendor {
    let mut contacts = Vec::new();
    for (table, at) in f.tables("contact") {
        let mut c = f.nested(table, at, "vendor contact", VENDOR_CONTACT_KEYS);
        contacts.push(VendorContact {
            at,
            name: c
                .string("name")
                .unwrap_or_else(|| Text::new(String::new(), at)),
            role: c.string("role"),
            phone: c.string("phone"),
            email: c.string("email"),
        });
        c.finish();
    }
    Vendor {
        name: f.required_string("name", &head.id.value),
        head,
        supplies: f.string("supplies"),
        support_phone: f.string("support_phone"),
        support_email: f.string("support_email"),
        support_url: f.string("support_url"),
        account: f.string("account"),
        contract_ends: f.date("contract_ends"),
        restore_within: f.duration("restore_within"),
        sla: f.string("sla"),
        has_dr_plan: f.boolean("has_dr_plan"),
        last_assessed: f.date("last_assessed"),
        contacts,
    }
}

fn process(head: Head, f: &mut Fields) -> Process {
    let mut impact = Vec::new();
    for (table, at) in f.tables("impact") {
        let mut i = f.nested(table, at, "impact", IMPACT_KEYS);
        if !i.has("after") {
            i.missing("after");
        }
        impact.push(Impact {
            at,
            after: i.duration("after"),
            financial: i.integer("financial", 0..=5),
            operational: i.integer("operational", 0..=5),
            reputational: i.integer("reputational", 0..=5),
            legal: i.integer("legal", 0..=5),
            safety: i.integer("safety", 0..=5),
        });
        i.finish();
    }
    Process {
        name: f.required_string("name", &head.id.value),
        head,
        owner: f.string("owner"),
        services: f.strings("services"),
        rto: f.duration("rto"),
        rpo: f.duration("rpo"),
        mtpd: f.duration("mtpd"),
        wrt: f.duration("wrt"),
        workaround: f.string("workaround"),
        impact,
    }
}

fn exercise(head: Head, f: &mut Fields) -> Exercise {
    let mut findings = Vec::new();
    for (table, at) in f.tables("finding") {
        let mut x = f.nested(table, at, "finding", FINDING_KEYS);
        findings.push(Finding {
            at,
            title: x
                .string("title")
                .unwrap_or_else(|| Text::new(String::new(), at)),
            severity: x.choice("severity", &["low", "medium", "high"]),
            action: x.string("action"),
            owner: x.string("owner"),
            due: x.date("due"),
            done: x.boolean("done"),
        });
        x.finish();
    }
    Exercise {
        title: f.required_string("title", &head.id.value),
        head,
        kind: f.choice(
            "kind",
            &[
                "tabletop",
                "walkthrough",
                "simulation",
                "full-scale",
                "training",
                "briefing",
            ],
        ),
        date: f.date("date"),
        status: f.choice("status", &["planned", "done", "cancelled"]),
        services: f.strings("services"),
        runbooks: f.strings("runbooks"),
        participants: f.strings("participants"),
        facilitator: f.string("facilitator"),
        outcome: f.choice("outcome", &["pass", "partial", "fail"]),
        findings,
    }
}
