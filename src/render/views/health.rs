//! The plan health page: every warning of `check`, linked to its item.

use super::*;
use crate::diagnostic::Report;
use crate::render::Warning;

pub fn health(c: &Ctx, warnings: &[Warning]) -> Health {
    let english = c.catalog.lang().split(['-', '_']).next() == Some("en");
    let rows: Vec<HealthRow> = warnings
        .iter()
        .map(|w| HealthRow {
            code: w.report.code,
            message: w.report.message.clone(),
            message_html: dates_marked(&w.report.message),
            // The check's own words are English: a site in another language says
            // what the code means in its own, and marks the message as English.
            summary: (!english).then(|| c.t(&format!("code-{}", w.report.code))),
            // (English, left to right also on a right-to-left page: a backquote at
            // its end would otherwise be set at its start.)
            message_lang: (!english).then_some("en"),
            place: place(&w.report),
            item: w.item.map(|r| c.link(r)),
        })
        .collect();
    let mut codes: Vec<(&str, usize)> = Vec::new();
    for w in warnings {
        match codes.iter_mut().find(|(c, _)| *c == w.report.code) {
            Some((_, n)) => *n += 1,
            None => codes.push((w.report.code, 1)),
        }
    }
    codes.sort();
    Health {
        overdue: review_overdue(c.plan, c.today, c.catalog),
        review_due: review_due(c.plan, c.today),
        review_due_text: review_due(c.plan, c.today)
            .and_then(|d| Date::parse(&d))
            .map(|d| date_text(c.catalog, d)),
        codes: codes
            .into_iter()
            .map(|(code, count)| CodeCount { code, count })
            .collect(),
        warnings: rows,
    }
}

#[derive(Serialize)]
pub struct Health {
    pub overdue: Option<String>,
    pub review_due_text: Option<String>,
    /// When the review falls due, if it has not yet (the browser shows the banner
    /// once it has).
    pub review_due: Option<String>,
    pub codes: Vec<CodeCount>,
    pub warnings: Vec<HealthRow>,
}

#[derive(Serialize)]
pub struct CodeCount {
    pub code: &'static str,
    pub count: usize,
}

#[derive(Serialize)]
pub struct HealthRow {
    pub code: &'static str,
    pub message: String,
    /// The message with each date marked, for the browser to say how far it is
    /// from the reader's today.
    pub message_html: String,
    /// What the code means, in the site's language (none for English).
    pub summary: Option<String>,
    /// `en` when the site's language is another.
    pub message_lang: Option<&'static str>,
    pub place: String,
    pub item: Option<ItemLink>,
}

/// `services/ehr.md:5:9`
pub(super) fn place(r: &Report) -> String {
    match (&r.file, r.line, r.column) {
        (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}"),
        (Some(f), _, _) => f.clone(),
        _ => String::new(),
    }
}

/// `text` escaped, each `YYYY-MM-DD` date in it as `<time class="relative">`.
pub(crate) fn dates_marked(text: &str) -> String {
    let html = escape(text);
    let mut out = String::with_capacity(html.len() + 64);
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut from = 0;
    while i + 10 <= bytes.len() {
        let candidate = html.get(i..i + 10).unwrap_or_default();
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let after = bytes.get(i + 10).is_none_or(|b| !b.is_ascii_alphanumeric());
        if boundary && after && Date::parse(candidate).is_some() {
            out.push_str(&html[from..i]);
            out.push_str(&format!(
                "<time class=\"relative\" datetime=\"{candidate}\">{candidate}</time>"
            ));
            i += 10;
            from = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&html[from..]);
    out
}
