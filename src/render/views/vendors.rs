//! Vendors and their support lines.

use super::*;

#[derive(Serialize)]
pub struct VendorRow {
    pub vendor: ItemLink,
    pub supplies: Option<String>,
    pub account: Option<String>,
    pub sla: Option<String>,
    pub contract_ends: Option<String>,
    pub contract_ends_text: Option<String>,
    pub contract_ending: bool,
    pub services: Vec<ItemLink>,
}

pub(super) fn vendor_row(c: &Ctx, index: usize) -> VendorRow {
    let x = &c.plan.vendors[index];
    let r = ItemRef {
        kind: Kind::Vendor,
        index,
    };
    let warning_days = c
        .plan
        .settings
        .policy
        .vendor_contract_warning
        .as_ref()
        .map_or(90, |d| d.value.days());
    VendorRow {
        vendor: c.link(r),
        supplies: text(&x.supplies),
        account: text(&x.account),
        sla: text(&x.sla),
        contract_ends: date(&x.contract_ends),
        contract_ends_text: c.date_text(&x.contract_ends),
        contract_ending: x
            .contract_ends
            .as_ref()
            .is_some_and(|d| d.value <= c.today.plus_days(warning_days)),
        services: c.referrer_links(r, Kind::Service, "vendors"),
    }
}

pub fn vendors(c: &Ctx) -> Vec<VendorRow> {
    (0..c.plan.vendors.len())
        .map(|i| vendor_row(c, i))
        .collect()
}

#[derive(Serialize)]
pub struct VendorPage {
    pub row: VendorRow,
    pub support_email: Option<String>,
    pub support_url: Option<String>,
    pub restore_within: Option<String>,
    /// "yes" or "no".
    pub has_dr_plan: Option<String>,
    pub last_assessed: Option<String>,
    pub contacts: Vec<VendorContactView>,
    pub related: Vec<Group>,
    pub prose: String,
}

#[derive(Serialize)]
pub struct VendorContactView {
    pub name: String,
    pub role: Option<String>,
    pub phone: Option<Phone>,
    pub email: Option<String>,
}

pub fn vendor(c: &Ctx, index: usize) -> VendorPage {
    let x = &c.plan.vendors[index];
    VendorPage {
        row: vendor_row(c, index),
        support_email: text(&x.support_email),
        support_url: x
            .support_url
            .as_ref()
            .map(|u| u.value.clone())
            .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        restore_within: c.dur(&x.restore_within),
        has_dr_plan: x
            .has_dr_plan
            .as_ref()
            .map(|b| c.t(if b.value { "yes" } else { "no" })),
        last_assessed: c.date_text(&x.last_assessed),
        contacts: x
            .contacts
            .iter()
            .map(|v| VendorContactView {
                name: v.name.value.clone(),
                role: text(&v.role),
                phone: phone(&v.phone),
                email: text(&v.email),
            })
            .collect(),
        related: c.related(
            ItemRef {
                kind: Kind::Vendor,
                index,
            },
            &[(Kind::Service, "vendors")],
        ),
        prose: c.prose(ItemRef {
            kind: Kind::Vendor,
            index,
        }),
    }
}
