//! The document page: version, classification, owner, approval, review, the record of
//! changes and the distribution list (holders by name, nothing private).

use super::*;

#[derive(Serialize)]
pub struct DocumentPage {
    pub version: String,
    pub classification: Option<String>,
    pub owner: Option<ItemLink>,
    pub approved_by: Option<ItemLink>,
    pub approved_on: Option<String>,
    pub last_reviewed: Option<String>,
    pub review_due: Option<String>,
    pub changes: Vec<ChangeRow>,
    pub from_git: bool,
    pub copies: Vec<CopyRow>,
    pub copy_stamp: Option<String>,
}

#[derive(Serialize)]
pub struct ChangeRow {
    pub version: Option<String>,
    pub date: Option<String>,
    pub by: Option<ItemLink>,
    pub author: Option<String>,
    pub summary: String,
}

#[derive(Serialize)]
pub struct CopyRow {
    pub number: i64,
    pub holder: ItemLink,
    pub form: Option<String>,
    pub location: Option<String>,
    pub issued: Option<String>,
}

pub fn document(c: &Ctx, copy: Option<i64>) -> DocumentPage {
    let plan = c.plan;
    let info = &plan.settings.info;
    let d = &plan.document;
    DocumentPage {
        version: info.version.value.clone(),
        classification: text(&info.classification),
        owner: c.link_opt(&info.owner),
        approved_by: c.link_opt(&info.approved_by),
        approved_on: c.date_text(&info.approved_on),
        last_reviewed: c.date_text(&info.last_reviewed),
        review_due: review_due_date(plan).map(|due| date_text(c.catalog, due)),
        changes: d
            .changes_newest_first()
            .into_iter()
            .map(|x| ChangeRow {
                version: text(&x.version),
                date: c.date_text(&x.date),
                by: c.link_opt(&x.by),
                author: x.author.clone(),
                summary: x.summary.value.clone(),
            })
            .collect(),
        from_git: d.from_git,
        copies: d
            .copies
            .iter()
            .map(|x| CopyRow {
                number: x.number.value,
                holder: c.link_id(&x.holder.value),
                form: x.form.as_ref().map(|f| c.t(&format!("form-{}", f.value))),
                location: text(&x.location),
                issued: c.date_text(&x.issued),
            })
            .collect(),
        copy_stamp: crate::render::copy_stamp(plan, copy, c.catalog),
    }
}

/// The day the next review falls due (last review plus the review period).
fn review_due_date(plan: &Plan) -> Option<Date> {
    let info = &plan.settings.info;
    let (last, every) = (info.last_reviewed.as_ref()?, info.review_every.as_ref()?);
    Some(last.value.plus_days(every.value.days()))
}
