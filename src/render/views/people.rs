//! Contacts and teams: the directory, and what each person owns or appears in.

use super::*;

#[derive(Serialize)]
pub struct ContactRow {
    pub contact: ItemLink,
    pub role: Option<String>,
    pub team: Option<ItemLink>,
    pub mobile: Option<Phone>,
    pub email: Option<String>,
}

#[derive(Serialize)]
pub struct TeamRow {
    pub team: ItemLink,
    pub lead: Option<ItemLink>,
    pub members: usize,
}

#[derive(Serialize)]
pub struct Contacts {
    pub people: Vec<ContactRow>,
    pub teams: Vec<TeamRow>,
}

pub(super) fn contact_row(c: &Ctx, index: usize) -> ContactRow {
    let x = &c.plan.contacts[index];
    ContactRow {
        contact: c.link(ItemRef {
            kind: Kind::Contact,
            index,
        }),
        role: text(&x.role),
        team: c.link_opt(&x.team),
        mobile: x
            .phone
            .as_ref()
            .and(x.mobile.as_ref())
            .map(|m| Phone::of(m)),
        email: text(&x.email),
    }
}

pub fn contacts(c: &Ctx) -> Contacts {
    let people = c.plan.contacts_by_family_name();
    Contacts {
        people: people.into_iter().map(|i| contact_row(c, i)).collect(),
        teams: c
            .plan
            .teams
            .iter()
            .enumerate()
            .map(|(index, t)| TeamRow {
                team: c.link(ItemRef {
                    kind: Kind::Team,
                    index,
                }),
                lead: c.link_opt(&t.lead),
                members: t.members.len(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct ContactPage {
    pub name: String,
    /// The person's vCard, to add them to a phone.
    pub vcard: String,
    pub role: Option<String>,
    pub team: Option<ItemLink>,
    pub phone: Option<Phone>,
    pub mobile: Option<Phone>,
    pub email: Option<String>,
    pub location: Option<String>,
    pub verified: Option<String>,
    pub alternates: Vec<ItemLink>,
    pub private: Option<PrivateView>,
    /// An encrypted build and the person has private details: their id, for the
    /// place the browser fills once unlocked.
    pub sealed: Option<String>,
    pub call_trees: Vec<CallTreeRole>,
    /// Exercises, trainings and briefings the person takes part in.
    pub taken_part: Vec<TakenPart>,
    pub related: Vec<Group>,
    pub prose: String,
}

#[derive(Serialize)]
pub struct PrivateView {
    pub home_phone: Option<Phone>,
    pub personal_mobile: Option<Phone>,
    pub personal_email: Option<String>,
    pub home_address: Option<String>,
}

/// Where a person stands in a call tree: who calls them, whom they call.
#[derive(Serialize)]
pub struct CallTreeRole {
    pub tree: ItemLink,
    pub starts_it: bool,
    pub called_by: Option<ItemLink>,
    pub calls: Vec<ItemLink>,
    pub report_to: Option<ItemLink>,
}

pub fn contact(c: &Ctx, index: usize) -> ContactPage {
    let x = &c.plan.contacts[index];
    let id = x.head.id.as_str();
    let r = ItemRef {
        kind: Kind::Contact,
        index,
    };
    let call_trees = c
        .plan
        .call_trees
        .iter()
        .enumerate()
        .filter_map(|(t, tree)| {
            let starts_it = tree.root.as_ref().is_some_and(|root| root.value == id);
            let called_by = tree
                .calls
                .iter()
                .find(|(_, callees)| callees.iter().any(|x| x.value == id))
                .map(|(caller, _)| c.link_id(caller));
            let calls = tree
                .calls
                .iter()
                .find(|(caller, _)| caller.value == id)
                .map(|(_, callees)| c.link_all(callees))
                .unwrap_or_default();
            let reports = tree.report_back.as_ref().or(tree.root.as_ref());
            (starts_it || called_by.is_some() || !calls.is_empty()).then(|| CallTreeRole {
                tree: c.link(ItemRef {
                    kind: Kind::CallTree,
                    index: t,
                }),
                starts_it,
                called_by,
                calls,
                report_to: reports.filter(|p| p.value != id).map(|p| c.link_id(p)),
            })
        })
        .collect();
    ContactPage {
        name: x.name.value.clone(),
        vcard: format!("{}contacts/{}.vcf", c.root, x.head.id.value),
        role: text(&x.role),
        team: c.link_opt(&x.team),
        phone: phone(&x.phone),
        mobile: phone(&x.mobile),
        email: text(&x.email),
        location: text(&x.location),
        verified: c.date_text(&x.verified),
        taken_part: taken_part(c, index),
        alternates: c.link_all(&x.alternates),
        sealed: (c.encrypted && x.private.is_some()).then(|| x.head.id.value.clone()),
        private: x
            .private
            .as_ref()
            .filter(|_| c.include_private)
            .map(|p| PrivateView {
                home_phone: phone(&p.home_phone),
                personal_mobile: phone(&p.personal_mobile),
                personal_email: text(&p.personal_email),
                home_address: text(&p.home_address),
            }),
        call_trees,
        related: c.related(
            r,
            &[
                (Kind::CallTree, "calls"),
                (Kind::CallTree, "root"),
                (Kind::CallTree, "report_back"),
            ],
        ),
        prose: c.prose(ItemRef {
            kind: Kind::Contact,
            index,
        }),
    }
}

#[derive(Serialize)]
pub struct TeamPage {
    pub name: String,
    pub phone: Option<Phone>,
    pub lead: Option<ItemLink>,
    pub members: Vec<ItemLink>,
    pub related: Vec<Group>,
    pub prose: String,
}

pub fn team(c: &Ctx, index: usize) -> TeamPage {
    let x = &c.plan.teams[index];
    TeamPage {
        name: x.name.value.clone(),
        phone: phone(&x.phone),
        lead: c.link_opt(&x.lead),
        members: c.link_all(&x.members),
        related: c.related(
            ItemRef {
                kind: Kind::Team,
                index,
            },
            &[],
        ),
        prose: c.prose(ItemRef {
            kind: Kind::Team,
            index,
        }),
    }
}
