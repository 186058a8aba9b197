//! `print.html` as a binder: a title page, contents, the plan's parts in the order
//! a reader needs them (what to do now, call trees, services by tier, recovery
//! order, runbooks, contacts as one directory, vendors, risks, the rest), each part
//! flowing on under a rule (the only page break is after the title page), and on
//! every printed page the classification, the plan version and the page number (CSS
//! page margin boxes). Links between pages
//! become links inside the document. Which pages go in which part is
//! `Renderer::binder_parts` in `render/mod.rs`, beside the list of the site's pages;
//! this module draws the front matter and the page style, and rewrites links.

use crate::html::escape;
use crate::model::{Date, Plan};

/// The id of a page's section in a document that holds many pages (print.html, the
/// single file): `runbooks/x.html` is `page-runbooks-x`.
pub fn page_anchor(path: &str) -> String {
    format!(
        "page-{}",
        path.strip_suffix(".html").unwrap_or(path).replace('/', "-")
    )
}

/// Rewrites the `href`s of HTML for a document that holds pages itself: a link to
/// a page it holds goes to that page's section (or to its fragment, whose ids the
/// document keeps), a link to a page `instead` names goes there, others are kept.
/// Plan text is escaped, so `href="` only ever starts an attribute.
pub fn links_inside(
    html: &str,
    holds: &dyn Fn(&str) -> bool,
    instead: &dyn Fn(&str) -> Option<String>,
) -> String {
    const HREF: &str = "href=\"";
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(at) = rest.find(HREF) {
        let start = at + HREF.len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..end];
        let (path, fragment) = match value.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (value, None),
        };
        let relative = !path.is_empty()
            && !path.contains(':')
            && !path.starts_with('/')
            && path.ends_with(".html");
        let path = path.trim_start_matches("../");
        if relative && holds(path) {
            out.push('#');
            match fragment.filter(|f| !f.is_empty()) {
                Some(f) => out.push_str(f),
                None => out.push_str(&page_anchor(path)),
            }
        } else if let Some(other) = relative.then(|| instead(path)).flatten() {
            out.push('#');
            out.push_str(&other);
        } else {
            out.push_str(value);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A part of the binder: its anchor, title, and the sections it holds.
pub struct Part<'s> {
    pub id: &'static str,
    pub title: String,
    /// (title, page path, section HTML, the page's place in the site's page order)
    pub sections: Vec<(String, String, &'s str, usize)>,
}

/// The title page and contents.
pub fn front(
    plan: &Plan,
    today: Date,
    parts: &[Part],
    catalog: &crate::i18n::Catalog,
    copy: Option<i64>,
) -> String {
    let date = |d: Date| crate::render::views::date_text(catalog, d);
    let info = &plan.settings.info;
    let mut out = String::from("<section class=\"binder-title\">\n");
    out.push_str(&format!(
        "<p class=\"binder-org\">{}</p>\n<h1>{}</h1>\n",
        escape(&info.organization.value),
        escape(&info.title.value)
    ));
    if let Some(c) = &info.classification {
        out.push_str(&format!(
            "<p class=\"binder-class\">{}</p>\n",
            escape(&c.value)
        ));
    }
    // The version set apart for the bidirectional algorithm: "2025.2-rev.B" on a
    // right-to-left page read "rev.B-2025.2", or "-2025.2" above "rev.B".
    out.push_str(&format!(
        "<dl class=\"facts\">\n<dt>{}</dt><dd><bdi>{}</bdi></dd>\n",
        escape(&catalog.text("binder-plan-version")),
        escape(&info.version.value)
    ));
    let mut fact = |k: &str, v: &str| {
        out.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            escape(&catalog.text(k)),
            escape(v)
        ));
    };
    if let Some(o) = &info.owner {
        let name = plan
            .lookup(&o.value)
            .map_or(o.value.as_str(), |r| plan.name_of(r));
        fact("owner", name);
    }
    if let Some(l) = &info.last_reviewed {
        fact("binder-last-reviewed", &date(l.value));
        if let Some(e) = &info.review_every {
            fact(
                "binder-next-review",
                &date(l.value.plus_days(e.value.days())),
            );
        }
    }
    fact("binder-printed-from", &date(today));
    fact(
        "binder-copy",
        &crate::render::copy_stamp(plan, copy, catalog)
            .unwrap_or_else(|| catalog.text("uncontrolled-copy-short")),
    );
    if let Some(by) = &info.approved_by {
        fact("approved-by", &plan.contact_name(&by.value));
    }
    if let Some(on) = &info.approved_on {
        fact("approved-on", &date(on.value));
    }
    out.push_str("</dl>\n");
    if let Some(h) = &plan.settings.hotline
        && let Some(p) = &h.phone
    {
        out.push_str(&format!(
            "<p class=\"binder-hotline\">{}{} <strong>{}</strong></p>\n",
            escape(
                &h.label
                    .as_ref()
                    .map_or_else(|| catalog.text("hotline"), |l| l.value.clone())
            ),
            escape(&catalog.text("colon")),
            escape(&p.value)
        ));
    }
    out.push_str("</section>\n");
    out.push_str(&record_of_changes(plan, catalog));
    let contents = escape(&catalog.text("binder-contents"));
    out.push_str(&format!(
        "<nav class=\"binder-contents\" aria-label=\"{contents}\">\n<h2>{contents}</h2>\n<ol>\n"
    ));
    for part in parts.iter().filter(|p| !p.sections.is_empty()) {
        out.push_str(&format!(
            "<li><a href=\"#{}\">{}</a>",
            part.id,
            escape(&part.title)
        ));
        // Long lists (hundreds of runbooks) are not repeated in the contents.
        if part.sections.len() > 1 && part.sections.len() <= 40 {
            out.push_str("<ol>");
            for (title, path, _, _) in &part.sections {
                out.push_str(&format!(
                    "<li><a href=\"#{}\">{}</a></li>",
                    page_anchor(path),
                    escape(title)
                ));
            }
            out.push_str("</ol>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</nav>\n");
    out
}

/// The record of changes as a table, newest first (NIST SP 800-34 puts it after the
/// approval, at the front of the plan); nothing when the plan has none.
pub fn record_of_changes(plan: &Plan, catalog: &crate::i18n::Catalog) -> String {
    let changes = plan.document.changes_newest_first();
    if changes.is_empty() {
        return String::new();
    }
    let t = |id: &str| escape(&catalog.text(id));
    let mut out = format!(
        "<section class=\"record-of-changes\">\n<h2>{}</h2>\n<div class=\"table-wrap\" tabindex=\"0\"><table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        t("record-of-changes"),
        t("change-version"),
        t("change-date"),
        t("change-by"),
        t("change-summary")
    );
    for c in changes {
        let by = match (&c.by, &c.author) {
            (Some(b), _) => plan.contact_name(&b.value),
            (None, Some(a)) => a.clone(),
            _ => String::new(),
        };
        out.push_str(&format!(
            "<tr><td><bdi>{}</bdi></td><td class=\"date\">{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(c.version.as_ref().map_or("", |v| v.value.as_str())),
            c.date
                .as_ref()
                .map(|d| escape(&crate::render::views::date_text(catalog, d.value)))
                .unwrap_or_default(),
            escape(&by),
            escape(&c.summary.value)
        ));
    }
    out.push_str("</tbody></table></div>\n");
    // Labelled and fitted to the page as every page's tables are: a long version,
    // a date kept whole and a long name together are wider than the paper.
    if let std::borrow::Cow::Owned(fitted) = super::table_labels::label_cells(&out) {
        out = fitted;
    }
    if plan.document.from_git {
        out.push_str(&format!(
            "<p class=\"muted\">{}</p>\n",
            t("record-from-git")
        ));
    }
    out.push_str("</section>\n");
    out
}

/// The style of the printed pages: margin boxes with the plan's own words, written
/// as CSS escapes (nothing of the plan can end the string or the style element).
pub fn page_style(plan: &Plan, catalog: &crate::i18n::Catalog, copy: Option<i64>) -> String {
    let info = &plan.settings.info;
    let top_left = css_string(&format!(
        "{} · {}",
        info.organization.value, info.title.value
    ));
    // Every printed page says which copy it is, or that it is not controlled.
    let stamp = crate::render::copy_stamp(plan, copy, catalog)
        .unwrap_or_else(|| catalog.text("uncontrolled-copy-short"));
    let bottom_left = css_string(&format!(
        "{} · {stamp}",
        catalog.format(
            "binder-page-footer",
            &[("version", info.version.value.as_str().into())],
        )
    ));
    let page = css_string(&format!("{} ", catalog.text("binder-page")));
    let of = css_string(&format!(" {} ", catalog.text("binder-of")));
    let class = info
        .classification
        .as_ref()
        .map(|c| css_string(&c.value))
        .unwrap_or_else(|| "\"\"".into());
    // The classification alone at the top, so that a long one has the page's width.
    let top = if info.classification.is_some() {
        class
    } else {
        top_left
    };
    format!(
        "<style>\n@media print {{\n@page {{ size: A4; margin: 17mm 14mm 16mm;\n\
         @top-center {{ content: {top}; font: 700 8pt system-ui, sans-serif; width: 100%; }}\n\
         @bottom-left {{ content: {bottom_left}; font: 8pt system-ui, sans-serif; color: #333; width: 60%; }}\n\
         @bottom-right {{ content: {page} counter(page) {of} counter(pages); font: 8pt system-ui, sans-serif; white-space: nowrap; }}\n}}\n\
         @page :first {{ @top-center {{ content: none; }} }}\n}}\n</style>\n"
    )
}

/// A CSS string literal of any text: everything but letters, digits and spaces as
/// a hexadecimal escape.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else if !crate::html::forbidden(c) && c != '\0' {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out.push('"');
    out
}

/// The renderer's side of it: the binder assembled from the pages' sections.
mod draw {
    use super::super::*;

    impl<'a> Renderer<'a> {
        /// Every page, each given to `put` as soon as it is drawn, and print.html made
        /// of their sections as a binder (see [`binder`]).
        pub(in crate::render) fn print(
            &self,
            put: &(dyn Fn(SiteFile) -> Result<(), Error> + Sync),
        ) -> Result<(SiteFile, super::super::reuse::Sections), Error> {
            let all = pages(self.input.plan);
            // Each section is rewritten for the binder as soon as it is drawn.
            let sections: Vec<String> = all
                .par_iter()
                .map(|&p| Ok(self.binder_links(&self.page(p, put, in_binder(p))?)))
                .collect::<Result<_, Error>>()?;
            let parts = self.binder_parts(&all, &sections);
            let front = binder::front(
                self.input.plan,
                self.input.options.today,
                &parts,
                self.input.catalog,
                self.input.options.copy,
            );
            // Every part flows on after the one before it, under a rule, instead of
            // starting a page of its own: a page break before a part leaves the last page
            // of the part before it nearly empty as often as not.
            let opens: Vec<String> = parts
                .iter()
                .map(|p| format!("<div class=\"print-part\" id=\"{}\">\n", p.id))
                .collect();
            // Each piece after the front, with the page's place for a section.
            let mut pieces: Vec<(&str, Option<usize>)> = Vec::new();
            for (part, open) in parts.iter().zip(&opens) {
                if part.sections.is_empty() {
                    continue;
                }
                pieces.push((open, None));
                pieces.extend(part.sections.iter().map(|(_, _, s, at)| (*s, Some(*at))));
                pieces.push(("</div>\n", None));
            }
            let style =
                binder::page_style(self.input.plan, self.input.catalog, self.input.options.copy);
            let title = self.input.catalog.text("binder-title");
            let mut all_pieces: Vec<&str> = vec![&front];
            all_pieces.extend(pieces.iter().map(|(s, _)| *s));
            let file = self.wrap_parts("print.html", &title, "", &style, &all_pieces)?;
            // Where each section landed, for a rebuild that replaces one (see `reuse`).
            let at = super::super::reuse::sections_in(&file.bytes, &front, &pieces);
            Ok((file, at))
        }

        /// A page's section with its links made to work inside the binder: a link to
        /// a page the binder holds goes to its section; the document page is not in
        /// the binder (its approval and record of changes are at the front already),
        /// and a contact's page is the directory's section.
        pub(in crate::render) fn binder_links(&self, section: &str) -> String {
            let holds = |p: &str| {
                !(p.starts_with("cards/")
                    || p == "document.html"
                    || (p.starts_with("contacts/") && p != "contacts/index.html"))
            };
            let instead = |p: &str| {
                p.starts_with("contacts/")
                    .then(|| binder::page_anchor("contacts/index.html"))
            };
            binder::links_inside(section, &holds, &instead)
        }

        /// The pages of the binder, grouped in parts in the order a reader needs them.
        pub(in crate::render) fn binder_parts<'s>(
            &self,
            all: &[Page],
            sections: &'s [String],
        ) -> Vec<binder::Part<'s>> {
            let plan = self.input.plan;
            let place: std::collections::HashMap<Page, usize> =
                all.iter().enumerate().map(|(i, &p)| (p, i)).collect();
            let section = |p: Page| -> Option<(String, String, &'s str, usize)> {
                let at = *place.get(&p)?;
                let (path, title) = self.path_and_title(p);
                Some((title, path, sections[at].as_str(), at))
            };
            let catalog = self.input.catalog;
            let part = |id, title: &str, list: Vec<Page>| binder::Part {
                id,
                title: catalog.text(title),
                sections: list.into_iter().filter_map(section).collect(),
            };
            let mut services: Vec<usize> = (0..plan.services.len()).collect();
            services.sort_by_key(|&i| plan.services[i].tier.as_ref().map_or(i64::MAX, |t| t.value));
            let runbooks = plan.runbooks_response_first();
            let with = |first: Page, items: Vec<Page>| {
                let mut v = vec![first];
                v.extend(items);
                v
            };
            vec![
                part("part-now", "title-start", vec![Page::Start]),
                part(
                    "part-call-trees",
                    "part-call-trees",
                    (0..plan.call_trees.len()).map(Page::CallTree).collect(),
                ),
                part(
                    "part-services",
                    "part-services",
                    with(
                        Page::Services,
                        services.into_iter().map(Page::Service).collect(),
                    ),
                ),
                part("part-recovery", "title-recovery", vec![Page::RecoveryOrder]),
                part(
                    "part-runbooks",
                    "title-runbooks",
                    with(
                        Page::Runbooks,
                        runbooks.into_iter().map(Page::Runbook).collect(),
                    ),
                ),
                part("part-contacts", "title-contacts", vec![Page::Contacts]),
                part(
                    "part-vendors",
                    "title-vendors",
                    with(
                        Page::Vendors,
                        (0..plan.vendors.len()).map(Page::Vendor).collect(),
                    ),
                ),
                part("part-risks", "title-risks", vec![Page::Risks]),
                part(
                    "part-impact",
                    "title-impact",
                    with(
                        Page::Processes,
                        (0..plan.processes.len()).map(Page::Process).collect(),
                    ),
                ),
                part("part-comms", "title-comms", {
                    let mut v = vec![Page::Comms];
                    v.extend((0..plan.templates.len()).map(Page::Template));
                    v.extend((0..plan.stakeholders.len()).map(Page::Stakeholder));
                    v
                }),
                part(
                    "part-exercises",
                    "title-exercises",
                    with(
                        Page::Exercises,
                        (0..plan.exercises.len()).map(Page::Exercise).collect(),
                    ),
                ),
                part(
                    "part-health",
                    "title-health",
                    vec![Page::Health, Page::Readiness],
                ),
                part("part-log", "part-log", vec![Page::Log]),
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_held_pages_stay_in_the_document() {
        let holds = |p: &str| p != "contacts/ana.html";
        let instead = |p: &str| {
            p.starts_with("contacts/")
                .then(|| "page-contacts-index".to_string())
        };
        let html = "<a href=\"../runbooks/x.html\">x</a> <a href=\"risks/index.html#risk-a\">r</a> \
                    <a href=\"contacts/ana.html\">a</a> <a href=\"https://e.org/a.html\">e</a> \
                    <a href=\"#own\">o</a> <a href=\"contacts.vcf\">v</a> text href=&quot;x.html";
        assert_eq!(
            links_inside(html, &holds, &instead),
            "<a href=\"#page-runbooks-x\">x</a> <a href=\"#risk-a\">r</a> \
             <a href=\"#page-contacts-index\">a</a> <a href=\"https://e.org/a.html\">e</a> \
             <a href=\"#own\">o</a> <a href=\"contacts.vcf\">v</a> text href=&quot;x.html"
        );
    }

    #[test]
    fn plan_text_in_the_page_style_cannot_leave_its_string() {
        assert_eq!(
            css_string("A \"b\" </style>"),
            "\"A \\22 b\\22  \\3c \\2f style\\3e \""
        );
    }
}
