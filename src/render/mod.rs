//! Stage 3: the analysed plan to the files of the site. Pages are drawn in parallel
//! with tera from the theme (embedded in the binary; a plan's `templates/` overrides
//! single templates) and handed to a sink as each is ready. Rendering never touches
//! the file system.

mod binder;
pub mod markdown;
pub mod paths;
mod plan_json;
mod search_index;
mod single_file;
mod svg;
mod table_labels;
mod template_guard;
mod theme;
mod views;
mod warnings;

pub use theme::unknown_overrides;
pub use warnings::{Warning, warnings};

use crate::kit;
use crate::model::{Date, ItemRef, Kind, Links, Plan};
use crate::source::Sources;
use rayon::prelude::*;
use serde::Serialize;
use views::{Ctx, Phone};

/// One file of the site: its path relative to the site root (with `/`) and content.
pub struct SiteFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// How to build: the options of `lifeboat build`.
pub struct Options {
    pub include_private: bool,
    /// "Today" for date checks and the build date printed on every page.
    pub today: Date,
}

/// Everything rendering reads: the plan, its link graph, its warnings, the files of
/// its `assets/` folder and its template overrides.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    pub plan: &'a Plan,
    pub sources: &'a Sources,
    pub links: &'a Links,
    pub warnings: &'a [Warning],
    /// Files of `assets/`, paths relative to that folder.
    pub assets: &'a [(String, Vec<u8>)],
    /// `templates/` of the plan: file name and text.
    pub templates: &'a [(String, String)],
    pub options: &'a Options,
}

/// Why rendering stopped: a template that does not parse or render (naming the
/// template and the page), or a file the output could not take.
#[derive(Debug)]
pub enum Error {
    Template(String),
    Output(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Template(m) | Error::Output(m) => f.write_str(m),
        }
    }
}

/// Tera's message with its causes, which hold the useful part.
fn tera_error(context: String, e: &tera::Error) -> Error {
    let mut msg = format!("{context}: {e}");
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(&format!(": {s}"));
        source = s.source();
    }
    Error::Template(msg)
}

/// What every page shows in its header and footer.
#[derive(Serialize)]
struct SiteView {
    title: String,
    organization: String,
    version: String,
    classification: Option<String>,
    language: String,
    built: String,
    private: bool,
    hotline: Option<HotlineView>,
    generator: String,
    /// The day from which a reader's browser calls this copy old: the build date
    /// plus the plan's review period.
    stale_after: Option<String>,
    review_every: Option<String>,
    /// The plan's next review (last review plus the review period), when it is not
    /// yet past at the build; the reader's browser shows the banner from that day.
    review_due: Option<String>,
    /// "This plan was due for review on ...", when it was already at the build.
    overdue: Option<String>,
    /// Names the plan in the reader's browser storage (ticks, the incident log):
    /// hex digits of its organization and title, never their text in an attribute.
    key: String,
}

#[derive(Serialize)]
struct HotlineView {
    label: Option<String>,
    phone: Option<Phone>,
    alt_phone: Option<Phone>,
    email: Option<String>,
}

/// The context of a page's content template.
#[derive(Serialize)]
struct Fragment<'a, T: Serialize> {
    site: &'a SiteView,
    root: &'a str,
    page: T,
}

/// The page's own security policy, put by the renderer (not a template) before
/// anything else of every page, so that no template override or plan text can come
/// first: scripts only from files (the theme's lifeboat.js), no inline script or
/// event handler, nothing loaded from another host, no frames, forms or plugins.
/// A second wall behind the escaping and the Markdown allow-list.
macro_rules! csp {
    () => {
        "default-src 'none'; script-src 'self' file:; style-src 'self' file: 'unsafe-inline'; \
         img-src 'self' file: data:; font-src 'self' file:; media-src 'self' file:; \
         connect-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; \
         form-action 'none'"
    };
}
pub const CSP: &str = csp!();
const CSP_META: &str = concat!(
    "<meta http-equiv=\"Content-Security-Policy\" content=\"",
    csp!(),
    "\">\n"
);

/// Where the policy goes: after `<!DOCTYPE html><html ...><head>` when the page
/// starts so (as the theme's layout does: valid HTML), else right after the doctype,
/// before anything a template wrote (a browser puts a leading `<meta>` into the
/// head all the same).
fn split_doctype(html: &str) -> (&str, &str) {
    let lower_starts =
        |s: &str, p: &str| s.get(..p.len()).is_some_and(|x| x.eq_ignore_ascii_case(p));
    // Past a tag that starts `rest` (no `>` inside its attributes is possible when
    // what follows is only white space and the next expected tag).
    let past = |rest: &str, tag: &str| -> Option<usize> {
        let t = rest.trim_start();
        if !lower_starts(t, tag) {
            return None;
        }
        let lead = rest.len() - t.len();
        Some(lead + t.find('>')? + 1)
    };
    let Some(doctype) = past(html, "<!doctype") else {
        return ("", html);
    };
    let cut = past(&html[doctype..], "<html")
        .map(|n| doctype + n)
        .and_then(|at| {
            let head = past(&html[at..], "<head>")?;
            Some(at + head)
        })
        .unwrap_or(doctype);
    let cut = if html[cut..].starts_with('\n') {
        cut + 1
    } else {
        cut
    };
    (&html[..cut], &html[cut..])
}

/// Stands for the content in the layout's output (see `Renderer::wrap_parts`).
const CONTENT_MARKER: &str = "\u{FDD1}lifeboat-content\u{FDD1}";

/// The context of `layout.html`, which wraps every page's content.
#[derive(Serialize)]
struct Layout<'a> {
    site: &'a SiteView,
    root: &'a str,
    title: &'a str,
    /// The page's path, e.g. `services/ehr.html`.
    path: &'a str,
    content: &'a str,
    /// More for the head (print.html's page style).
    head: &'a str,
}

/// The pages of the site.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Page {
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
    Log,
    CallTree(usize),
    CardsA4,
    CardsLetter,
}

/// The item whose prose a page shows.
fn prose_item(page: Page) -> Option<ItemRef> {
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

fn pages(plan: &Plan) -> Vec<Page> {
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
    out.extend([Page::Health, Page::Log]);
    // Sheets of cards are printed on their own, never in print.html.
    out.extend([Page::CardsA4, Page::CardsLetter]);
    out
}

/// Whether print.html holds the page: not each contact and team (the directory
/// holds them as one table), not the card sheets (printed on their own).
fn in_binder(page: Page) -> bool {
    !matches!(
        page,
        Page::Contact(_) | Page::Team(_) | Page::CardsA4 | Page::CardsLetter
    )
}

struct Renderer<'a> {
    input: Input<'a>,
    tera: std::sync::Arc<tera::Tera>,
    site: SiteView,
    waves: Vec<Vec<usize>>,
    /// Recovery wave of each service (1-based).
    wave_of: Vec<Option<usize>>,
    /// The wallet cards, their faces drawn once for both paper sizes, when first
    /// needed.
    cards: std::sync::OnceLock<Cards>,
}

struct Cards {
    cards: Vec<kit::cards::Card>,
    faces: Vec<views::Faces>,
    /// What the build's output should tell (QR codes that left fields out, ...).
    notes: Vec<String>,
}

/// Where rendered files go, as soon as each is ready (from any thread).
pub type Sink<'s> = dyn Fn(&SiteFile) -> Result<(), String> + Sync + 's;

/// Renders the whole site into `sink`, pages in parallel, and returns notes for the
/// build's output (what a card's QR code left out, ...). Fails on a template error
/// or when the sink does.
pub fn render(input: &Input, sink: &Sink) -> Result<Vec<String>, Error> {
    let r = Renderer::new(input)?;
    let notes = r.cards().notes.clone();
    let put = |file: SiteFile| sink(&file).map_err(Error::Output);
    // Each page goes to the sink at once; its section of print.html is kept. The
    // search index is made meanwhile (print.html has long serial steps).
    let (print, index) = rayon::join(|| r.print(&put), || search_index::search_index(input));
    put(print?)?;
    put(SiteFile {
        path: "search-index.js".into(),
        bytes: index,
    })?;
    put(SiteFile {
        path: "plan.json".into(),
        bytes: plan_json::plan_json(input, &r.waves)?,
    })?;
    kit_files(input, &put)?;
    for (name, bytes) in theme::STATIC {
        put(SiteFile {
            path: (*name).into(),
            bytes: bytes.to_vec(),
        })?;
    }
    // The files of `assets/` are not the renderer's: the output stage copies them
    // from the plan a buffer at a time (`output::Staging::copy`).
    Ok(notes)
}

/// The theme's templates with a plan's overrides, parsed: kept by `serve` from one
/// build to the next while `templates/` does not change.
#[derive(Clone)]
pub struct Templates(std::sync::Arc<tera::Tera>);

impl Templates {
    pub fn new(overrides: &[(String, String)]) -> Result<Templates, Error> {
        let mut tera = tera::Tera::default();
        // Tera's own escaping also writes `/` as `&#x2F;`, which bloats every path.
        tera.set_escape_fn(crate::html::escape);
        // Theme first, then the plan's overrides, so that the same name replaces.
        let mut templates: Vec<(&str, &str)> = theme::TEMPLATES.to_vec();
        templates.extend(overrides.iter().map(|(n, t)| (n.as_str(), t.as_str())));
        if let Some(ring) = template_guard::find_recursion(&templates) {
            return Err(Error::Template(format!(
                "the templates recurse ({ring}): a template may not include, extend or import \
                 itself, nor a macro call itself; change the override in templates/"
            )));
        }
        if let Some(why) = template_guard::too_deep(overrides) {
            return Err(Error::Template(why));
        }
        // A loop over `range` counts against a budget for each page, so that an
        // override cannot loop a hundred million times.
        tera.register_function("range", template_guard::bounded_range);
        // Templates must not write the build machine's environment (secrets) into
        // the site: `get_env` answers with an error.
        tera.register_function("get_env", |_: &std::collections::HashMap<String, tera::Value>| {
            Err(tera::Error::msg(
                "get_env is not available: a plan's site may not show the build machine's environment",
            ))
        });
        tera.add_raw_templates(templates)
            .map_err(|e| tera_error("a template does not parse".into(), &e))?;
        Ok(Templates(std::sync::Arc::new(tera)))
    }
}

/// The site drawn a file at a time, when asked for (for `serve`): each file the same
/// bytes as a build writes.
pub struct Site<'a> {
    r: Renderer<'a>,
}

impl<'a> Site<'a> {
    /// The site of `input`, with its templates already parsed (see [`Templates`]).
    pub fn new(input: &Input<'a>, templates: Templates) -> Result<Site<'a>, Error> {
        Ok(Site {
            r: Renderer::with(input, templates)?,
        })
    }

    /// The file at `path` (relative to the site's root, as in the manifest); None
    /// when the site has no such file.
    pub fn file(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
        if let Some(page) = self.r.page_at(path) {
            let out = std::sync::Mutex::new(None);
            self.r.page(
                page,
                &|f| {
                    if let Ok(mut o) = out.lock() {
                        *o = Some(f.bytes);
                    }
                    Ok(())
                },
                false,
            )?;
            return Ok(out.into_inner().ok().flatten());
        }
        if path == "print.html" {
            return Ok(Some(self.r.print(&|_| Ok(()))?.bytes));
        }
        self.r.other_file(path)
    }

    /// What the build's output tells about the cards (a QR code that left fields
    /// out, ...).
    pub fn notes(&self) -> Vec<String> {
        self.r.cards().notes.clone()
    }
}

/// The whole site as one self-contained HTML file (`build --single-file`).
pub fn single_file(input: &Input) -> Result<Vec<u8>, Error> {
    Renderer::new(input)?.single_file()
}

/// `plan.json` on its own (for `lifeboat export json`): the same bytes as the site's.
pub fn plan_json(input: &Input) -> Result<Vec<u8>, Error> {
    let waves = crate::analyze::recovery_waves(input.plan);
    plan_json::plan_json(input, &waves)
}

/// The contact and calendar files: `contacts.vcf` (every contact and team),
/// `contacts/<id>.vcf` for each person, `exercises.ics`. Private fields only with
/// `--include-private`.
fn kit_files(
    input: &Input,
    put: &(dyn Fn(SiteFile) -> Result<(), Error> + Sync),
) -> Result<(), Error> {
    let plan = input.plan;
    let private = input.options.include_private;
    put(SiteFile {
        path: "contacts.vcf".into(),
        bytes: kit::vcard::directory(plan, private).into_bytes(),
    })?;
    plan.contacts.par_iter().try_for_each(|c| {
        put(SiteFile {
            path: format!("contacts/{}.vcf", c.head.id.value),
            bytes: kit::vcard::contact(plan, c, private).to_text().into_bytes(),
        })
    })?;
    put(SiteFile {
        path: "exercises.ics".into(),
        bytes: kit::ics::exercises(plan, input.options.today).into_bytes(),
    })
}

impl<'a> Renderer<'a> {
    fn new(input: &Input<'a>) -> Result<Self, Error> {
        Renderer::with(input, Templates::new(input.templates)?)
    }

    fn with(input: &Input<'a>, templates: Templates) -> Result<Self, Error> {
        let input = *input;
        let tera = templates.0;
        let plan = input.plan;
        let info = &plan.settings.info;
        let site = SiteView {
            title: info.title.value.clone(),
            organization: info.organization.value.clone(),
            version: info.version.value.clone(),
            classification: info.classification.as_ref().map(|c| c.value.clone()),
            language: info
                .language
                .as_ref()
                .map_or_else(|| "en".to_string(), |l| l.value.clone()),
            built: input.options.today.to_string(),
            private: input.options.include_private,
            hotline: plan.settings.hotline.as_ref().map(|h| HotlineView {
                label: h.label.as_ref().map(|l| l.value.clone()),
                phone: h.phone.as_ref().map(|p| Phone::of(p)),
                alt_phone: h.alt_phone.as_ref().map(|p| Phone::of(p)),
                email: h.email.as_ref().map(|e| e.value.clone()),
            }),
            generator: format!("lifeboat {}", env!("CARGO_PKG_VERSION")),
            stale_after: info
                .review_every
                .as_ref()
                .map(|e| input.options.today.plus_days(e.value.days()).to_string()),
            review_every: info.review_every.as_ref().map(|e| e.value.to_string()),
            key: {
                use sha2::{Digest, Sha256};
                let d = Sha256::digest(
                    format!("{}\n{}", info.organization.value, info.title.value).as_bytes(),
                );
                d.iter().take(8).map(|b| format!("{b:02x}")).collect()
            },
            review_due: views::review_due(plan, input.options.today),
            overdue: views::review_overdue(plan, input.options.today),
        };
        let waves = crate::analyze::recovery_waves(plan);
        let mut wave_of = vec![None; plan.services.len()];
        for (n, wave) in waves.iter().enumerate() {
            for &s in wave {
                wave_of[s] = Some(n + 1);
            }
        }
        Ok(Renderer {
            input,
            tera,
            site,
            waves,
            wave_of,
            cards: std::sync::OnceLock::new(),
        })
    }

    /// Every page, each given to `put` as soon as it is drawn, and print.html made
    /// of their sections as a binder (see [`binder`]).
    fn print(
        &self,
        put: &(dyn Fn(SiteFile) -> Result<(), Error> + Sync),
    ) -> Result<SiteFile, Error> {
        let all = pages(self.input.plan);
        let sections: Vec<String> = all
            .par_iter()
            .map(|&p| self.page(p, put, in_binder(p)))
            .collect::<Result<_, Error>>()?;
        let holds = |p: &str| {
            !(p.starts_with("cards/") || (p.starts_with("contacts/") && p != "contacts/index.html"))
        };
        let instead = |p: &str| {
            p.starts_with("contacts/")
                .then(|| binder::page_anchor("contacts/index.html"))
        };
        // Each section is dropped as soon as it is rewritten.
        let sections: Vec<String> = sections
            .into_par_iter()
            .map(|s| binder::links_inside(&s, &holds, &instead))
            .collect();
        let parts = self.binder_parts(&all, &sections);
        let front = binder::front(self.input.plan, self.input.options.today, &parts);
        let mut pieces: Vec<&str> = vec![&front];
        // Every part flows on after the one before it, under a rule, instead of
        // starting a page of its own: a page break before a part leaves the last page
        // of the part before it nearly empty as often as not.
        let opens: Vec<String> = parts
            .iter()
            .map(|p| format!("<div class=\"print-part\" id=\"{}\">\n", p.id))
            .collect();
        for (part, open) in parts.iter().zip(&opens) {
            if part.sections.is_empty() {
                continue;
            }
            pieces.push(open);
            pieces.extend(part.sections.iter().map(|(_, _, s)| *s));
            pieces.push("</div>\n");
        }
        let style = binder::page_style(self.input.plan);
        self.wrap_parts("print.html", "The whole plan", "", &style, &pieces)
    }

    /// The pages of the binder, grouped in parts in the order a reader needs them.
    fn binder_parts<'s>(&self, all: &[Page], sections: &'s [String]) -> Vec<binder::Part<'s>> {
        let plan = self.input.plan;
        let place: std::collections::HashMap<Page, usize> =
            all.iter().enumerate().map(|(i, &p)| (p, i)).collect();
        let section = |p: Page| -> Option<(String, String, &'s str)> {
            let at = *place.get(&p)?;
            let (path, title) = self.path_and_title(p);
            Some((title, path, sections[at].as_str()))
        };
        let part = |id, title, list: Vec<Page>| binder::Part {
            id,
            title,
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
            part("part-now", "What to do now", vec![Page::Start]),
            part(
                "part-call-trees",
                "Call trees",
                (0..plan.call_trees.len()).map(Page::CallTree).collect(),
            ),
            part(
                "part-services",
                "Services by tier",
                with(
                    Page::Services,
                    services.into_iter().map(Page::Service).collect(),
                ),
            ),
            part("part-recovery", "Recovery order", vec![Page::RecoveryOrder]),
            part(
                "part-runbooks",
                "Runbooks",
                with(
                    Page::Runbooks,
                    runbooks.into_iter().map(Page::Runbook).collect(),
                ),
            ),
            part("part-contacts", "Contacts", vec![Page::Contacts]),
            part(
                "part-vendors",
                "Vendors",
                with(
                    Page::Vendors,
                    (0..plan.vendors.len()).map(Page::Vendor).collect(),
                ),
            ),
            part("part-risks", "Risks", vec![Page::Risks]),
            part(
                "part-impact",
                "Business impact analysis",
                with(
                    Page::Processes,
                    (0..plan.processes.len()).map(Page::Process).collect(),
                ),
            ),
            part("part-comms", "Communications", {
                let mut v = vec![Page::Comms];
                v.extend((0..plan.templates.len()).map(Page::Template));
                v.extend((0..plan.stakeholders.len()).map(Page::Stakeholder));
                v
            }),
            part(
                "part-exercises",
                "Exercises",
                with(
                    Page::Exercises,
                    (0..plan.exercises.len()).map(Page::Exercise).collect(),
                ),
            ),
            part("part-health", "Plan health", vec![Page::Health]),
            part("part-log", "Incident log (paper)", vec![Page::Log]),
        ]
    }

    /// The whole site as one HTML file (`build --single-file`): every page but the
    /// card sheets as a section of one document, shown one at a time.
    fn single_file(&self) -> Result<Vec<u8>, Error> {
        // The A4 sheets of cards are in (the Letter ones would only repeat them).
        let all: Vec<Page> = pages(self.input.plan)
            .into_iter()
            .filter(|p| !matches!(p, Page::CardsLetter))
            .collect();
        let held: std::collections::HashSet<String> =
            all.iter().map(|&p| self.path_and_title(p).0).collect();
        let holds = |p: &str| held.contains(p);
        let instead = |p: &str| match p {
            "cards/letter.html" => Some(binder::page_anchor("cards/index.html")),
            _ => Some(binder::page_anchor("index.html")),
        };
        let sections: Vec<String> = all
            .par_iter()
            .map(|&p| {
                let s = self.page(p, &|_| Ok(()), true)?;
                let s = s.replacen(
                    "<section class=\"print-section\"",
                    "<section class=\"print-section sf-page\"",
                    1,
                );
                Ok(binder::links_inside(&s, &holds, &instead))
            })
            .collect::<Result<_, Error>>()?;
        let parts: Vec<&str> = sections.iter().map(String::as_str).collect();
        let title = self.input.plan.settings.info.title.value.clone();
        let page = self.wrap_parts("single.html", &title, "", single_file::STYLE, &parts)?;
        let html = String::from_utf8(page.bytes).map_err(|e| Error::Output(e.to_string()))?;
        let html = binder::links_inside(&html, &holds, &instead);
        let file = |path: &str| self.other_file(path).ok().flatten();
        Ok(single_file::assemble(
            &html,
            &search_index::search_index(&self.input),
            &file,
        ))
    }

    /// A file of the site that is not a page, by its path.
    fn other_file(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
        let input = &self.input;
        let plan = input.plan;
        let private = input.options.include_private;
        Ok(match path {
            "plan.json" => Some(plan_json::plan_json(input, &self.waves)?),
            "search-index.js" => Some(search_index::search_index(input)),
            "contacts.vcf" => Some(kit::vcard::directory(plan, private).into_bytes()),
            "exercises.ics" => Some(kit::ics::exercises(plan, input.options.today).into_bytes()),
            _ => {
                if let Some(id) = path
                    .strip_prefix("contacts/")
                    .and_then(|p| p.strip_suffix(".vcf"))
                {
                    return Ok(plan
                        .lookup(id)
                        .filter(|r| r.kind == Kind::Contact)
                        .map(|r| {
                            kit::vcard::contact(plan, &plan.contacts[r.index], private)
                                .to_text()
                                .into_bytes()
                        }));
                }
                if let Some((_, bytes)) = theme::STATIC.iter().find(|(n, _)| *n == path) {
                    return Ok(Some(bytes.to_vec()));
                }
                path.strip_prefix("assets/").and_then(|a| {
                    input
                        .assets
                        .binary_search_by(|(p, _)| p.as_str().cmp(a))
                        .ok()
                        .map(|i| input.assets[i].1.clone())
                })
            }
        })
    }

    /// The page at `path`, if the site has one there.
    fn page_at(&self, path: &str) -> Option<Page> {
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

    fn cards(&self) -> &Cards {
        self.cards.get_or_init(|| self.draw_cards())
    }

    /// Works out the cards and draws their faces. Each distinct QR payload is
    /// encoded once, however many cards carry it (every personal card carries the
    /// hotline's).
    fn draw_cards(&self) -> Cards {
        let (cards, mut notes) = kit::cards::cards(self.input.plan);
        let mut payloads: Vec<(&str, i16)> = cards
            .iter()
            .filter_map(|c| c.qr.as_ref().map(|q| (q.text.as_str(), q.max_version)))
            .collect();
        payloads.sort_unstable();
        payloads.dedup();
        let codes: std::collections::HashMap<&str, String> = payloads
            .par_iter()
            .filter_map(|&(text, max)| {
                let qr = kit::qr::encode(text, max)?;
                Some((text, qr.svg(text, "QR code")))
            })
            .collect();
        let c = self.ctx("../", false, false);
        let drawn: Vec<(Vec<views::Faces>, Vec<String>)> = cards
            .par_iter()
            .map(|card| {
                let mut n = Vec::new();
                let qr = card.qr.as_ref().and_then(|q| codes.get(q.text.as_str()));
                (views::faces(&c, card, qr.map(String::as_str), &mut n), n)
            })
            .collect();
        let mut faces = Vec::with_capacity(drawn.len());
        for (f, n) in drawn {
            faces.extend(f);
            notes.extend(n);
        }
        drop(codes);
        Cards {
            cards,
            faces,
            notes,
        }
    }

    fn ctx(&self, root: &'a str, shared_page: bool, defer_prose: bool) -> Ctx<'a> {
        Ctx {
            plan: self.input.plan,
            sources: self.input.sources,
            links: self.input.links,
            today: self.input.options.today,
            include_private: self.input.options.include_private,
            root,
            shared_page,
            defer_prose,
            assets: self.input.assets,
        }
    }

    /// A page on its own (given to `put` at once) and its section of print.html. The
    /// template runs once; the section is the same HTML with links from the root and
    /// the prose's anchors prefixed with the item's id (print.html holds every item).
    /// Each is assembled in one allocation, and the page is gone before the section
    /// is drawn, so that a very long runbook costs a small multiple of its size.
    fn page(
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
        if matches!(page, Page::CardsA4 | Page::CardsLetter) {
            put(self.wrap(&path, &title, root, &[&content])?)?;
            if !with_section {
                return Ok(String::new());
            }
            return Ok(format!(
                "<section class=\"print-section\" id=\"{}\">\n{}</section>\n",
                binder::page_anchor(&path),
                in_print(&content)
            ));
        }
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
        let own = self.ctx(root, false, false).prose(r);
        put(self.wrap(&path, &title, root, &[before, &own, after])?)?;
        drop(own);
        if !with_section {
            return Ok(String::new());
        }
        let printed = self.ctx("", true, false).prose(r);
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

    fn path_and_title(&self, page: Page) -> (String, String) {
        let plan = self.input.plan;
        let item = |kind: Kind, index: usize| {
            let r = ItemRef { kind, index };
            (
                format!("{}/{}.html", paths::folder(kind), plan.head(r).id.value),
                plan.name_of(r).to_string(),
            )
        };
        let top = |path: &str, title: &str| (path.to_string(), title.to_string());
        match page {
            Page::Start => top("index.html", "What to do now"),
            Page::Services => top("services/index.html", "Services"),
            Page::Service(i) => item(Kind::Service, i),
            Page::RecoveryOrder => top("recovery-order.html", "Recovery order"),
            Page::Processes => top("processes/index.html", "Business impact analysis"),
            Page::Process(i) => item(Kind::Process, i),
            Page::Risks => top("risks/index.html", "Risks"),
            Page::Runbooks => top("runbooks/index.html", "Runbooks"),
            Page::Runbook(i) => item(Kind::Runbook, i),
            Page::Contacts => top("contacts/index.html", "Contacts"),
            Page::Contact(i) => item(Kind::Contact, i),
            Page::Team(i) => item(Kind::Team, i),
            Page::Vendors => top("vendors/index.html", "Vendors"),
            Page::Vendor(i) => item(Kind::Vendor, i),
            Page::Comms => top("comms/index.html", "Communications"),
            Page::Template(i) => item(Kind::Template, i),
            Page::Stakeholder(i) => item(Kind::Stakeholder, i),
            Page::Exercises => top("exercises/index.html", "Exercises"),
            Page::Exercise(i) => item(Kind::Exercise, i),
            Page::Health => top("health.html", "Plan health"),
            Page::Log => top("log.html", "Incident log"),
            Page::CallTree(i) => item(Kind::CallTree, i),
            Page::CardsA4 => top("cards/index.html", "Wallet cards (A4)"),
            Page::CardsLetter => top("cards/letter.html", "Wallet cards (US Letter)"),
        }
    }

    /// The content of a page: its template rendered with its view.
    fn content(&self, page: Page, c: Ctx, path: &str) -> Result<String, Error> {
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
                    views::cards_page(paper, &k.cards, &k.faces),
                )
            }
        }
    }

    fn fragment<T: Serialize>(
        &self,
        template: &str,
        path: &str,
        c: &Ctx,
        page: T,
    ) -> Result<String, Error> {
        let context = tera::Context::from_serialize(Fragment {
            site: &self.site,
            root: c.root,
            page,
        })
        .map_err(|e| tera_error(format!("cannot render {path}"), &e))?;
        template_guard::new_page();
        let html = self
            .tera
            .render(template, &context)
            .map_err(|e| tera_error(format!("template {template} failed for {path}"), &e))?;
        self.guard(template, path, &html)?;
        Ok(match table_labels::label_cells(&html) {
            std::borrow::Cow::Borrowed(_) => html,
            std::borrow::Cow::Owned(labelled) => labelled,
        })
    }

    /// With template overrides, what a template wrote for `path` may not run script
    /// (see [`template_guard::active_markup`]): the error names the override and line
    /// that wrote it, or the template.
    fn guard(&self, template: &str, path: &str, html: &str) -> Result<(), Error> {
        if self.input.templates.is_empty() {
            return Ok(());
        }
        let Some(found) = template_guard::active_markup(html) else {
            return Ok(());
        };
        let what = found.what.as_str();
        let place = match template_guard::source_line(self.input.templates, &found) {
            Some((name, line)) => format!("templates/{name}:{line}"),
            None => format!("templates/{template}"),
        };
        Err(Error::Template(format!(
            "error[active-content]: {place}: the template override puts {what} into {path}; \
             only the theme's scripts may run in the site: remove it from the override"
        )))
    }

    /// A whole page: the layout around its content, which comes in parts.
    fn wrap(&self, path: &str, title: &str, root: &str, parts: &[&str]) -> Result<SiteFile, Error> {
        self.wrap_parts(path, title, root, "", parts)
    }

    /// A whole page whose content comes in parts (print.html: one per section). The
    /// layout is rendered around a marker and the content put in its place, so that
    /// a large page is not copied through the template engine.
    fn wrap_parts(
        &self,
        path: &str,
        title: &str,
        root: &str,
        head: &str,
        parts: &[&str],
    ) -> Result<SiteFile, Error> {
        let render = |content: &str| {
            let context = tera::Context::from_serialize(Layout {
                site: &self.site,
                root,
                title,
                path,
                content,
                head,
            })
            .map_err(|e| tera_error(format!("cannot render {path}"), &e))?;
            template_guard::new_page();
            self.tera
                .render("layout.html", &context)
                .map_err(|e| tera_error(format!("template layout.html failed for {path}"), &e))
        };
        let shell = render(CONTENT_MARKER)?;
        self.guard("layout.html", path, &shell)?;
        let bytes = match shell.split_once(CONTENT_MARKER) {
            Some((before, after)) if !after.contains(CONTENT_MARKER) => {
                let (doctype, before) = split_doctype(before);
                let len = CSP_META.len()
                    + before.len()
                    + after.len()
                    + parts.iter().map(|p| p.len()).sum::<usize>();
                let mut bytes = Vec::with_capacity(len + doctype.len());
                bytes.extend_from_slice(doctype.as_bytes());
                bytes.extend_from_slice(CSP_META.as_bytes());
                bytes.extend_from_slice(before.as_bytes());
                for p in parts {
                    bytes.extend_from_slice(p.as_bytes());
                }
                bytes.extend_from_slice(after.as_bytes());
                bytes
            }
            // A layout that does not show `content` once, as it is: render it whole.
            _ => {
                let whole = render(&parts.concat())?;
                let (doctype, rest) = split_doctype(&whole);
                [doctype, CSP_META, rest].concat().into_bytes()
            }
        };
        Ok(SiteFile {
            path: path.to_string(),
            bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::split_doctype;

    #[test]
    fn the_policy_goes_first_whatever_the_layout() {
        let theme = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">";
        assert_eq!(
            split_doctype(theme),
            (
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n",
                "<meta charset=\"utf-8\">"
            )
        );
        // Anything a template writes before <head> keeps the policy right after the doctype.
        let hostile = "<!doctype html><html x=\">\"><script>alert(1)</script><head>";
        assert_eq!(split_doctype(hostile).0, "<!doctype html>");
        assert_eq!(split_doctype("<script>x</script><!DOCTYPE html>").0, "");
        // Text beyond ASCII where a tag name is looked for is no problem.
        assert_eq!(split_doctype("<!doctypé>é").0, "");
        assert_eq!(split_doctype("é<!DOCTYPE html>").0, "");
        assert_eq!(split_doctype("<!DOCTYPE html><htmlé>").0, "<!DOCTYPE html>");
    }
}
