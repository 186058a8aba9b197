//! Communication templates and stakeholder groups.

use super::*;

#[derive(Serialize)]
pub struct TemplateRow {
    pub template: ItemLink,
    pub channel: Option<String>,
    pub audience: Vec<ItemLink>,
    pub severity: Vec<String>,
}

#[derive(Serialize)]
pub struct StakeholderRow {
    pub group: ItemLink,
    pub channel: Option<String>,
    pub notify_within: Option<String>,
    pub contacts: Vec<ItemLink>,
    /// Severity levels whose `notify` names the group.
    pub severities: Vec<String>,
    /// Templates addressed to the group.
    pub templates: Vec<ItemLink>,
}

#[derive(Serialize)]
pub struct Comms {
    pub templates: Vec<TemplateRow>,
    pub stakeholders: Vec<StakeholderRow>,
}

pub(super) fn template_row(c: &Ctx, index: usize) -> TemplateRow {
    let x = &c.plan.templates[index];
    TemplateRow {
        template: c.link(ItemRef {
            kind: Kind::Template,
            index,
        }),
        channel: c.word("channel", &x.channel),
        audience: c.link_all(&x.audience),
        severity: x.severity.iter().map(|s| s.value.clone()).collect(),
    }
}

pub(super) fn stakeholder_row(c: &Ctx, index: usize) -> StakeholderRow {
    let x = &c.plan.stakeholders[index];
    let r = ItemRef {
        kind: Kind::Stakeholder,
        index,
    };
    StakeholderRow {
        group: c.link(r),
        channel: c.word("channel", &x.channel),
        notify_within: c.dur(&x.notify_within),
        contacts: c.link_all(&x.contacts),
        severities: c
            .plan
            .settings
            .severities
            .iter()
            .filter(|l| l.notify.iter().any(|n| n.value == x.head.id.value))
            .map(|l| l.level.value.clone())
            .collect(),
        templates: c.referrer_links(r, Kind::Template, "audience"),
    }
}

pub fn comms(c: &Ctx) -> Comms {
    Comms {
        templates: (0..c.plan.templates.len())
            .map(|i| template_row(c, i))
            .collect(),
        stakeholders: (0..c.plan.stakeholders.len())
            .map(|i| stakeholder_row(c, i))
            .collect(),
    }
}

#[derive(Serialize)]
pub struct TemplatePage {
    pub title: String,
    /// Whether the reader is shown the SMS character and segment count.
    pub sms: bool,
    pub row: TemplateRow,
    pub placeholders: Vec<String>,
    pub prose: String,
}

pub fn template(c: &Ctx, index: usize) -> TemplatePage {
    let x = &c.plan.templates[index];
    // Each once, in the order first written (a set beside the list: 50,000 names
    // looked up in the list took 3 s).
    let mut placeholders: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for piece in markdown::pieces(&x.head.body.markdown) {
        if let markdown::Piece::Placeholder(name) = piece
            && seen.insert(name)
        {
            placeholders.push(name.to_string());
        }
    }
    TemplatePage {
        title: x.title.value.clone(),
        sms: x
            .channel
            .as_ref()
            .is_some_and(|ch| ch.value.eq_ignore_ascii_case("sms")),
        row: template_row(c, index),
        placeholders,
        prose: c.prose(ItemRef {
            kind: Kind::Template,
            index,
        }),
    }
}

#[derive(Serialize)]
pub struct StakeholderPage {
    pub row: StakeholderRow,
    pub templates: Vec<ItemLink>,
    pub severities: Vec<String>,
    pub related: Vec<Group>,
    pub prose: String,
}

pub fn stakeholder(c: &Ctx, index: usize) -> StakeholderPage {
    let r = ItemRef {
        kind: Kind::Stakeholder,
        index,
    };
    let row = stakeholder_row(c, index);
    StakeholderPage {
        templates: row.templates.clone(),
        severities: row.severities.clone(),
        row,
        related: c.related(r, &[(Kind::Template, "audience")]),
        prose: c.prose(ItemRef {
            kind: Kind::Stakeholder,
            index,
        }),
    }
}
