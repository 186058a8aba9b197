//! The site's pages: which there are, where each goes and what it holds, each drawn
//! from its template and view, and its section of print.html.

use super::*;

/// The pages of the site.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Page {
    Start,
    Services,
    Service(usize),
    RecoveryOrder,
    Processes,
    Process(usize),
    Risks,
    Runbooks,
    Runbook(usize),
    Contacts,
    Contact(usize),
    Team(usize),
    Vendors,
    Vendor(usize),
    Comms,
    Template(usize),
    Stakeholder(usize),
    Exercises,
    Exercise(usize),
    Health,
    Readiness,
    Log,
    Document,
    CallTree(usize),
    CardsA4,
    CardsLetter,
}

/// The item whose prose a page shows.
pub(super) fn prose_item(page: Page) -> Option<ItemRef> {
    let r = |kind, index| Some(ItemRef { kind, index });
    match page {
        Page::Service(i) => r(Kind::Service, i),
        Page::Process(i) => r(Kind::Process, i),
        Page::Runbook(i) => r(Kind::Runbook, i),
        Page::Contact(i) => r(Kind::Contact, i),
        Page::Team(i) => r(Kind::Team, i),
        Page::Vendor(i) => r(Kind::Vendor, i),
        Page::Template(i) => r(Kind::Template, i),
        Page::Stakeholder(i) => r(Kind::Stakeholder, i),
        Page::Exercise(i) => r(Kind::Exercise, i),
        Page::CallTree(i) => r(Kind::CallTree, i),
        _ => None,
    }
}

pub(super) fn pages(plan: &Plan) -> Vec<Page> {
    let mut out = vec![Page::Start, Page::Services];
    out.extend((0..plan.services.len()).map(Page::Service));
    out.extend([Page::RecoveryOrder, Page::Processes]);
    out.extend((0..plan.processes.len()).map(Page::Process));
    out.extend([Page::Risks, Page::Runbooks]);
    out.extend((0..plan.runbooks.len()).map(Page::Runbook));
    out.push(Page::Contacts);
    out.extend((0..plan.contacts.len()).map(Page::Contact));
    out.extend((0..plan.teams.len()).map(Page::Team));
    out.extend((0..plan.call_trees.len()).map(Page::CallTree));
    out.push(Page::Vendors);
    out.extend((0..plan.vendors.len()).map(Page::Vendor));
    out.push(Page::Comms);
    out.extend((0..plan.templates.len()).map(Page::Template));
    out.extend((0..plan.stakeholders.len()).map(Page::Stakeholder));
    out.push(Page::Exercises);
    out.extend((0..plan.exercises.len()).map(Page::Exercise));
    out.extend([Page::Health, Page::Readiness, Page::Log, Page::Document]);
    // Sheets of cards are printed on their own, never in print.html.
    out.extend([Page::CardsA4, Page::CardsLetter]);
    out
}

/// Whether print.html holds the page: not each contact and team (the directory
/// holds them as one table), not the card sheets (printed on their own).
pub(super) fn in_binder(page: Page) -> bool {
    !matches!(
        page,
        Page::Contact(_) | Page::Team(_) | Page::CardsA4 | Page::CardsLetter | Page::Document
    )
}

impl<'a> Renderer<'a> {
    /// The page at `path`, if the site has one there.
    pub(super) fn page_at(&self, path: &str) -> Option<Page> {
        let plan = self.input.plan;
        let top = match path {
            "index.html" => Some(Page::Start),
            "services/index.html" => Some(Page::Services),
            "recovery-order.html" => Some(Page::RecoveryOrder),
            "processes/index.html" => Some(Page::Processes),
            "risks/index.html" => Some(Page::Risks),
            "runbooks/index.html" => Some(Page::Runbooks),
            "contacts/index.html" => Some(Page::Contacts),
            "vendors/index.html" => Some(Page::Vendors),
            "comms/index.html" => Some(Page::Comms),
            "exercises/index.html" => Some(Page::Exercises),
            "health.html" => Some(Page::Health),
            "document.html" => Some(Page::Document),
            "readiness.html" => Some(Page::Readiness),
            "log.html" => Some(Page::Log),
            "cards/index.html" => Some(Page::CardsA4),
            "cards/letter.html" => Some(Page::CardsLetter),
            _ => None,
        };
        if top.is_some() {
            return top;
        }
        let (folder, file) = path.split_once('/')?;
        let r = plan.lookup(file.strip_suffix(".html")?)?;
        if paths::folder(r.kind) != folder || !paths::has_page(r.kind) {
            return None;
        }
        let i = r.index;
        Some(match r.kind {
            Kind::Service => Page::Service(i),
            Kind::Process => Page::Process(i),
            Kind::Runbook => Page::Runbook(i),
            Kind::Contact => Page::Contact(i),
            Kind::Team => Page::Team(i),
            Kind::Vendor => Page::Vendor(i),
            Kind::Template => Page::Template(i),
            Kind::Stakeholder => Page::Stakeholder(i),
            Kind::Exercise => Page::Exercise(i),
            Kind::CallTree => Page::CallTree(i),
            Kind::Risk | Kind::Card => return None,
        })
    }

    /// A page on its own (given to `put` at once) and its section of print.html. The
    /// template runs once; the section is the same HTML with links from the root and
    /// the prose's anchors prefixed with the item's id (print.html holds every item).
    /// Each is assembled in one allocation, and the page is gone before the section
    /// is drawn, so that a very long runbook costs a small multiple of its size.
    pub(super) fn page(
        &self,
        page: Page,
        put: &dyn Fn(SiteFile) -> Result<(), Error>,
        with_section: bool,
    ) -> Result<String, Error> {
        let (path, title) = self.path_and_title(page);
        let root = if path.contains('/') { "../" } else { "" };
        let item = prose_item(page);
        let content = self.content(page, self.ctx(root, false, item.is_some()), &path)?;
        // Only attributes can hold `"../`: plan text is escaped, so its quotes are `&quot;`.
        let in_print = |html: &str| {
            if root.is_empty() {
                html.to_string()
            } else {
                html.replace("\"../", "\"")
            }
        };
        // Pages without prose of their own (the card sheets among them) are their
        // content as it is.
        let prose = item.and_then(|r| {
            let (before, after) = content.split_once(views::PROSE_MARKER)?;
            Some((r, before, after))
        });
        let Some((r, before, after)) = prose else {
            put(self.wrap(&path, &title, root, &[&content])?)?;
            if !with_section {
                return Ok(String::new());
            }
            return Ok(format!(
                "<section class=\"print-section\" id=\"{}\">\n{}</section>\n",
                binder::page_anchor(&path),
                in_print(&content)
            ));
        };
        let own = match &self.texts {
            Some(texts) => {
                let (own, text) = self.ctx(root, false, false).prose_and_text(r);
                if let Some(text) = text {
                    texts.put(r, text);
                }
                own
            }
            None => self.ctx(root, false, false).prose(r),
        };
        put(self.wrap(&path, &title, root, &[before, &own, after])?)?;
        if !with_section {
            return Ok(String::new());
        }
        // The binder's prose is the page's with links from the root and anchors
        // prefixed with the item's id; drawn again only where that cannot be read
        // off the page's. Debug builds (every test's) draw it again anyway and
        // compare.
        let id = &self.input.plan.head(r).id.value;
        let printed =
            binder_prose(&own, root, id).unwrap_or_else(|| self.ctx("", true, false).prose(r));
        #[cfg(debug_assertions)]
        assert_eq!(
            printed,
            self.ctx("", true, false).prose(r),
            "the binder's prose of {path}"
        );
        drop(own);
        let (b, a) = (in_print(before), in_print(after));
        let mut section = String::with_capacity(b.len() + printed.len() + a.len() + 48);
        section.push_str(&format!(
            "<section class=\"print-section\" id=\"{}\">\n",
            binder::page_anchor(&path)
        ));
        section.push_str(&b);
        section.push_str(&printed);
        section.push_str(&a);
        section.push_str("</section>\n");
        Ok(section)
    }

    pub(super) fn path_and_title(&self, page: Page) -> (String, String) {
        let plan = self.input.plan;
        let item = |kind: Kind, index: usize| {
            let r = ItemRef { kind, index };
            (
                format!("{}/{}.html", paths::folder(kind), plan.head(r).id.value),
                plan.name_of(r).to_string(),
            )
        };
        let catalog = self.input.catalog;
        let top = |path: &str, title: &str| (path.to_string(), catalog.text(title));
        match page {
            Page::Start => top("index.html", "title-start"),
            Page::Services => top("services/index.html", "title-services"),
            Page::Service(i) => item(Kind::Service, i),
            Page::RecoveryOrder => top("recovery-order.html", "title-recovery"),
            Page::Processes => top("processes/index.html", "title-impact"),
            Page::Process(i) => item(Kind::Process, i),
            Page::Risks => top("risks/index.html", "title-risks"),
            Page::Runbooks => top("runbooks/index.html", "title-runbooks"),
            Page::Runbook(i) => item(Kind::Runbook, i),
            Page::Contacts => top("contacts/index.html", "title-contacts"),
            Page::Contact(i) => item(Kind::Contact, i),
            Page::Team(i) => item(Kind::Team, i),
            Page::Vendors => top("vendors/index.html", "title-vendors"),
            Page::Vendor(i) => item(Kind::Vendor, i),
            Page::Comms => top("comms/index.html", "title-comms"),
            Page::Template(i) => item(Kind::Template, i),
            Page::Stakeholder(i) => item(Kind::Stakeholder, i),
            Page::Exercises => top("exercises/index.html", "title-exercises"),
            Page::Exercise(i) => item(Kind::Exercise, i),
            Page::Health => top("health.html", "title-health"),
            Page::Document => top("document.html", "title-document"),
            Page::Readiness => top("readiness.html", "title-readiness"),
            Page::Log => top("log.html", "title-log"),
            Page::CallTree(i) => item(Kind::CallTree, i),
            Page::CardsA4 => top("cards/index.html", "title-cards-a4"),
            Page::CardsLetter => top("cards/letter.html", "title-cards-letter"),
        }
    }

    /// The content of a page: its template rendered with its view.
    pub(super) fn content(&self, page: Page, c: Ctx, path: &str) -> Result<String, Error> {
        match page {
            Page::Start => self.fragment(
                "index.html",
                path,
                &c,
                views::start(&c, self.input.warnings.len()),
            ),
            Page::Services => self.fragment("services.html", path, &c, views::services(&c)),
            Page::Service(i) => self.fragment(
                "service.html",
                path,
                &c,
                views::service(&c, i, self.wave_of[i]),
            ),
            Page::RecoveryOrder => self.fragment(
                "recovery-order.html",
                path,
                &c,
                views::recovery_order(&c, &self.waves),
            ),
            Page::Processes => self.fragment("processes.html", path, &c, views::processes(&c)),
            Page::Process(i) => self.fragment("process.html", path, &c, views::process(&c, i)),
            Page::Risks => self.fragment("risks.html", path, &c, views::risks(&c)),
            Page::Runbooks => self.fragment("runbooks.html", path, &c, views::runbooks(&c)),
            Page::Runbook(i) => self.fragment("runbook.html", path, &c, views::runbook(&c, i)),
            Page::Contacts => self.fragment("contacts.html", path, &c, views::contacts(&c)),
            Page::Contact(i) => self.fragment("contact.html", path, &c, views::contact(&c, i)),
            Page::Team(i) => self.fragment("team.html", path, &c, views::team(&c, i)),
            Page::Vendors => self.fragment("vendors.html", path, &c, views::vendors(&c)),
            Page::Vendor(i) => self.fragment("vendor.html", path, &c, views::vendor(&c, i)),
            Page::Comms => self.fragment("comms.html", path, &c, views::comms(&c)),
            Page::Template(i) => self.fragment("template.html", path, &c, views::template(&c, i)),
            Page::Stakeholder(i) => {
                self.fragment("stakeholder.html", path, &c, views::stakeholder(&c, i))
            }
            Page::Exercises => self.fragment("exercises.html", path, &c, views::exercises(&c)),
            Page::Exercise(i) => self.fragment("exercise.html", path, &c, views::exercise(&c, i)),
            Page::Readiness => self.fragment("readiness.html", path, &c, views::readiness(&c)),
            Page::Document => self.fragment(
                "document.html",
                path,
                &c,
                views::document(&c, self.input.options.copy),
            ),
            Page::Health => self.fragment(
                "health.html",
                path,
                &c,
                views::health(&c, self.input.warnings),
            ),
            Page::CallTree(i) => {
                self.fragment("call-tree.html", path, &c, views::call_tree_page(&c, i))
            }
            Page::Log => self.fragment("log.html", path, &c, views::log(&c)),
            Page::CardsA4 | Page::CardsLetter => {
                let paper = if matches!(page, Page::CardsA4) {
                    views::A4
                } else {
                    views::LETTER
                };
                let k = self.cards();
                self.fragment(
                    "cards.html",
                    path,
                    &c,
                    views::cards_page(paper, &k.cards, &k.faces, self.input.catalog),
                )
            }
        }
    }
}

/// An item's prose as the binder shows it, from its page's (`own`, drawn with
/// links from `root`): what differs is that links start from the site's root and
/// that every anchor and fragment link carries the prefix `{id}--` (print.html
/// holds every item). The page's prose has `"../` only in the links it drew
/// (`href`, `src`), and ` id="` and `href="#` only in its headings, footnotes and
/// fragment links (plan text is escaped: its quotes are `&quot;`). None when that
/// is not certain: the id needs escaping, or `"../` occurs elsewhere (a link's
/// title).
fn binder_prose(own: &str, root: &str, id: &str) -> Option<String> {
    let safe_id = |c: char| c.is_ascii_alphanumeric() || "-_.".contains(c);
    if id.is_empty() || !id.chars().all(safe_id) {
        return None;
    }
    // One pass over the attribute values' opening quotes.
    let mut out = String::with_capacity(own.len() + own.len() / 16);
    let mut copied = 0;
    let mut at = 0;
    while let Some(q) = own[at..].find('"').map(|q| q + at) {
        let (before, after) = (&own[..q], &own[q + 1..]);
        at = q + 1;
        if !root.is_empty() && after.starts_with(root) {
            if !(before.ends_with("href=") || before.ends_with("src=")) {
                return None;
            }
            out.push_str(&own[copied..at]);
            copied = at + root.len();
        } else {
            // An anchor's id, or a link to one: the prefix goes after `"` or `"#`.
            let fragment = after.starts_with('#') && before.ends_with("href=");
            if fragment || before.ends_with(" id=") {
                let from = at + usize::from(fragment);
                out.push_str(&own[copied..from]);
                out.push_str(id);
                out.push_str("--");
                copied = from;
            }
        }
    }
    out.push_str(&own[copied..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::binder_prose;

    #[test]
    fn the_binder_s_prose_is_read_off_the_page_s_where_that_is_certain() {
        let own = "<h2 id=\"steps\">Steps<a class=\"anchor\" href=\"#steps\">#</a></h2>\n\
                   <p>Ask <a href=\"../contacts/ana.html\">Ana</a>, see <a href=\"#fn-1\">1</a> \
                   and <img src=\"../assets/map.png\" alt=\"map\"> &quot;../x&quot;</p>\n\
                   <div class=\"footnote\" id=\"fn-1\">x</div>";
        assert_eq!(
            binder_prose(own, "../", "restore-email").as_deref(),
            Some(
                "<h2 id=\"restore-email--steps\">Steps<a class=\"anchor\" \
                 href=\"#restore-email--steps\">#</a></h2>\n\
                 <p>Ask <a href=\"contacts/ana.html\">Ana</a>, see <a \
                 href=\"#restore-email--fn-1\">1</a> and <img src=\"assets/map.png\" \
                 alt=\"map\"> &quot;../x&quot;</p>\n\
                 <div class=\"footnote\" id=\"restore-email--fn-1\">x</div>"
            )
        );
        // A link's title with `"../` would be changed too: drawn again instead.
        let titled = "<a href=\"https://x.example/\" title=\"../up\">x</a>";
        assert_eq!(binder_prose(titled, "../", "r"), None);
        // An id that HTML or a URL would escape: drawn again.
        assert_eq!(binder_prose("<p>x</p>", "../", "r&d"), None);
        assert_eq!(binder_prose("<p>x</p>", "../", "ré"), None);
    }
}
