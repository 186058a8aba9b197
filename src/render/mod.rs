//! Stage 3: the analysed plan to the files of the site. Pages are drawn in parallel
//! with tera from the theme (embedded in the binary; a plan's `templates/` overrides
//! single templates) and handed to a sink as each is ready. Rendering never touches
//! the file system (`assets/` are copied by the output stage).
//!
//! One module per output: `pages` (the HTML pages), `binder` (print.html),
//! `single_file` (the whole site as one file), `card_sheets` (the wallet cards),
//! `search_index`, `data_files` (plan.json, vCards, the calendar). What they share is
//! here: the template engine ([`Templates`]), the site's context, the [`Renderer`]
//! that holds the input, and `layout` (the chrome every page gets) and `paths`.

mod binder;
mod card_sheets;
mod data_files;
mod layout;
pub mod markdown;
mod measure;
mod pages;
pub mod paths;
mod plan_json;
pub mod reuse;
mod search_index;
mod single_file;
mod svg;
mod table_fit;
mod table_labels;
mod template_guard;
mod text;
mod theme;
mod views;
mod warnings;

pub use theme::unknown_overrides;
pub use warnings::{Warning, warnings};

use crate::kit;
use crate::model::{Date, ItemRef, Kind, Links, Plan};
use crate::source::Sources;
use card_sheets::Cards;
use data_files::kit_files;
use pages::{Page, in_binder, pages};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
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
    /// The controlled copy built (`build --copy N`): on every page.
    pub copy: Option<i64>,
    /// An encrypted build (`--encrypt-private`): the sealed private values, as the
    /// site's `private.js`; pages get places for them, filled in the reader's
    /// browser once unlocked.
    pub private_script: Option<String>,
}

/// Every private value of the plan (what `--include-private` shows), as the JSON
/// an encrypted build seals: `{"contacts": {id: {"name", "home_phone", ...}}}`.
pub fn private_values(plan: &Plan) -> Vec<u8> {
    let mut contacts = serde_json::Map::new();
    for c in &plan.contacts {
        let Some(p) = &c.private else { continue };
        let mut m = serde_json::Map::new();
        m.insert("name".into(), c.name.value.clone().into());
        for (k, v) in [
            ("home_phone", &p.home_phone),
            ("personal_mobile", &p.personal_mobile),
            ("personal_email", &p.personal_email),
            ("home_address", &p.home_address),
        ] {
            if let Some(v) = v {
                m.insert(k.into(), v.value.clone().into());
            }
        }
        contacts.insert(c.head.id.value.clone(), m.into());
    }
    let mut top = serde_json::Map::new();
    top.insert("contacts".into(), contacts.into());
    serde_json::to_vec(&serde_json::Value::Object(top)).unwrap_or_default()
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
    /// The interface's messages in the plan's language.
    pub catalog: &'a crate::i18n::Catalog,
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
    /// Written right to left: the pages say `dir="rtl"`.
    rtl: bool,
    built: String,
    /// The build date the language's way.
    built_text: String,
    /// "Copy 3 of 5, held by Ana Ruiz" (`build --copy 3`); none for an
    /// uncontrolled copy.
    copy_stamp: Option<String>,
    private: bool,
    /// An encrypted build: pages load private.js and unlock.js.
    encrypted: bool,
    hotline: Option<HotlineView>,
    generator: String,
    /// The day from which a reader's browser calls this copy old: the build date
    /// plus the plan's review period.
    stale_after: Option<String>,
    review_every: Option<String>,
    /// The plan's next review (last review plus the review period), when it is not
    /// yet past at the build; the reader's browser shows the banner from that day.
    review_due: Option<String>,
    review_due_text: Option<String>,
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
    /// Who took part in which exercise, and each runbook's last one.
    coverage: crate::analyze::training::Coverage,
    /// The layout drawn once for each kind of page.
    shells: layout::Shells,
    /// When the whole site is drawn: each item's prose as text, read off its own
    /// page for the search index (see [`search_index::Texts`]).
    texts: Option<search_index::Texts>,
}

/// Where rendered files go, as soon as each is ready (from any thread).
pub type Sink<'s> = dyn Fn(&SiteFile) -> Result<(), String> + Sync + 's;

/// Renders the whole site into `sink`, pages in parallel. Returns notes for the
/// build's output (what a card's QR code left out, ...) and where print.html holds
/// each section (for [`reuse::Record`]). Fails on a template error or when the sink
/// does.
pub fn render(input: &Input, sink: &Sink) -> Result<reuse::Rendered, Error> {
    render_with(input, Templates::new(input.templates, input.catalog)?, sink)
}

/// [`render`] with the templates parsed already (`build` parses them while it
/// reads the previous build's manifest).
pub fn render_with(
    input: &Input,
    templates: Templates,
    sink: &Sink,
) -> Result<reuse::Rendered, Error> {
    let mut r = Renderer::new(input, templates)?;
    r.texts = Some(search_index::Texts::default());
    let put = |file: SiteFile| sink(&file).map_err(Error::Output);
    // Each page goes to the sink at once; its section of print.html is kept. plan.json
    // and the kit's and theme's files are made meanwhile (print.html has long serial
    // steps); the search index after the pages, whose prose it reads as text.
    let all = pages::pages(input.plan);
    let plan_json = || write_plan_json(input, &r, &all, &put);
    let (print, (data, kit)) = rayon::join(
        || r.print(&put),
        || rayon::join(plan_json, || r.kit_and_theme_files(&|_| false, &put)),
    );
    let (print, binder) = print?;
    put(print)?;
    kit?;
    let data = data?;
    put(SiteFile {
        path: "search-index.js".into(),
        bytes: search_index::search_index_with(input, r.texts.as_ref()),
    })?;
    Ok(reuse::Rendered {
        notes: r.cards().notes.clone(),
        drawn: all.len(),
        binder,
        data,
    })
}

/// plan.json made whole and put, with where it holds each item's prose (for
/// [`reuse::Record`]).
fn write_plan_json(
    input: &Input,
    r: &Renderer,
    all: &[Page],
    put: &(dyn Fn(SiteFile) -> Result<(), Error> + Sync),
) -> Result<reuse::Sections, Error> {
    let bytes = plan_json::plan_json(input, &r.waves)?;
    let data = plan_json::bodies(input.plan, all, &bytes);
    put(SiteFile {
        path: "plan.json".into(),
        bytes,
    })?;
    Ok(data)
}

/// A rebuild: the pages whose prose changed since the `earlier` build, print.html
/// with their sections in place of the old ones, and the files made of the whole
/// plan; every other page is the earlier build's (see [`reuse`]). None when the
/// earlier build cannot be reused: the caller then renders the whole site.
pub fn render_again(
    input: &Input,
    templates: Templates,
    fingerprint: &reuse::Record,
    earlier: &reuse::Earlier,
    sink: &Sink,
) -> Result<Option<reuse::Rendered>, Error> {
    // Known before anything is drawn, the usual case: the plan changed beyond prose.
    let all = pages::pages(input.plan);
    let Some(changed) = reuse::changed(fingerprint, earlier.record, all.len()) else {
        return Ok(None);
    };
    let prose_changed: Vec<_> = (all.iter().zip(&changed))
        .filter(|(_, c)| **c)
        .filter_map(|(&p, _)| pages::prose_item(p))
        .collect();
    let r = Renderer::new(input, templates)?;
    let put = |file: SiteFile| sink(&file).map_err(Error::Output);
    // When no prose changed either, the site is the previous one: the files made
    // of the whole plan are kept as they are too.
    let same = !changed.contains(&true);
    // Else the search index is the previous one with the changed items' documents
    // made again.
    let index = || {
        if same && (earlier.keep)("search-index.js") {
            return Ok(());
        }
        let again = (earlier.read)("search-index.js")
            .and_then(|old| search_index::search_index_again(input, &old, &prose_changed));
        let bytes = again.unwrap_or_else(|| search_index::search_index(input));
        put(SiteFile {
            path: "search-index.js".into(),
            bytes,
        })
    };
    // plan.json beside the search index: kept, or the previous one with the
    // changed items' bodies in place of theirs, or made again.
    let plan_json = || -> Result<reuse::Sections, Error> {
        let before = &earlier.record.data;
        if same && (earlier.keep)("plan.json") {
            return Ok(before.clone());
        }
        let bodies: HashMap<usize, String> = (all.iter().zip(&changed).enumerate())
            .filter(|(_, (_, c))| **c)
            .filter_map(|(i, (&p, _))| {
                let head = input.plan.head(pages::prose_item(p)?);
                Some((i, serde_json::to_string(&*head.body.markdown).ok()?))
            })
            .collect();
        let known = before.iter().filter(|s| bodies.contains_key(&s.2)).count();
        if !before.is_empty() && known == bodies.len() {
            let (parts, data) = reuse::splice_sections(before, &bodies);
            if (earlier.splice)("plan.json", &parts).map_err(Error::Output)? {
                return Ok(data);
            }
        }
        write_plan_json(input, &r, &all, &put)
    };
    // Four parts, on as many threads as there are: print.html spliced (the longest,
    // begun first), the search index updated, plan.json spliced, and the kit's and
    // the theme's files.
    let (record, ((index, plan_json), kit)) = rayon::join(
        || r.again(fingerprint, earlier, &put),
        || {
            rayon::join(
                || rayon::join(index, plan_json),
                // They show no prose: the previous build's files, where they are as
                // it wrote them.
                || r.kit_and_theme_files(earlier.keep, &put),
            )
        },
    );
    let Some((binder, drawn)) = record? else {
        return Ok(None);
    };
    index?;
    kit?;
    let data = plan_json?;
    Ok(Some(reuse::Rendered {
        notes: r.cards().notes.clone(),
        drawn,
        binder,
        data,
    }))
}

impl Renderer<'_> {
    /// The kit's exports, the sealed private values and the theme's files: all but
    /// those that `keep` keeps as the previous build wrote them.
    fn kit_and_theme_files(
        &self,
        keep: &(dyn Fn(&str) -> bool + Sync),
        put: &(dyn Fn(SiteFile) -> Result<(), Error> + Sync),
    ) -> Result<(), Error> {
        let input = &self.input;
        kit_files(input, keep, put)?;
        for (name, _) in theme::STATIC {
            if !keep(name) {
                put(SiteFile {
                    path: (*name).into(),
                    bytes: theme::static_file(name, input.catalog).unwrap_or_default(),
                })?;
            }
        }
        // Sealed with a fresh salt each time: never the previous build's.
        if let Some(script) = &input.options.private_script {
            put(SiteFile {
                path: "private.js".into(),
                bytes: script.clone().into_bytes(),
            })?;
        }
        // The files of `assets/` are not the renderer's: the output stage copies them
        // from the plan a buffer at a time (`output::Staging::copy`).
        Ok(())
    }
}

/// The theme's templates with a plan's overrides, parsed: kept by `serve` from one
/// build to the next while `templates/` does not change.
#[derive(Clone)]
pub struct Templates(std::sync::Arc<tera::Tera>, crate::i18n::Catalog);

/// "Copy 3 of 5, held by Ana Ruiz" for a controlled copy on the distribution list;
/// "Copy 7, held by ..." when the list's numbers are not 1 to its length (copies
/// withdrawn or numbered by site), where "of 5" would be wrong.
pub(crate) fn copy_stamp(
    plan: &Plan,
    copy: Option<i64>,
    catalog: &crate::i18n::Catalog,
) -> Option<String> {
    let c = plan.document.copy(copy?)?;
    let copies = &plan.document.copies;
    let counted = (copies.iter()).all(|k| (1..=copies.len() as i64).contains(&k.number.value));
    let n = ("n", (c.number.value as usize).into());
    let holder = ("holder", plan.contact_name(&c.holder.value).into());
    Some(if counted {
        let total = ("total", copies.len().into());
        catalog.format("copy-stamp", &[n, total, holder])
    } else {
        catalog.format("copy-stamp-numbered", &[n, holder])
    })
}

/// The interface's catalogue for `plan`: its `language` (English without one), with
/// the plan's `locales/` files (name and text).
pub fn catalog(plan: &Plan, locales: &[(String, String)]) -> crate::i18n::Catalog {
    let lang = (plan.settings.info.language.as_ref()).map_or("en", |l| l.value.as_str());
    crate::i18n::Catalog::new(lang, locales)
}

impl Templates {
    /// The catalogue the templates were made with.
    pub fn catalog(&self) -> &crate::i18n::Catalog {
        &self.1
    }

    pub fn new(
        overrides: &[(String, String)],
        catalog: &crate::i18n::Catalog,
    ) -> Result<Templates, Error> {
        let mut tera = tera::Tera::default();
        // Tera's own escaping also writes `/` as `&#x2F;`, which bloats every path.
        tera.set_escape_fn(crate::html::escape);
        // Theme first, then the plan's overrides, so that the same name replaces.
        let mut templates: Vec<(&str, &str)> = theme::TEMPLATES.to_vec();
        templates.extend(overrides.iter().map(|(n, t)| (n.as_str(), t.as_str())));
        // Messages without values are written into the source (see `text`).
        let sources: Vec<(&str, String)> = templates
            .iter()
            .map(|(n, t)| (*n, text::prepass(t, catalog)))
            .collect();
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
        text::register(&mut tera, catalog);
        tera.add_raw_templates(sources.iter().map(|(n, t)| (*n, t.as_str())))
            .map_err(|e| tera_error("a template does not parse".into(), &e))?;
        Ok(Templates(std::sync::Arc::new(tera), catalog.clone()))
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
            return Ok(Some(self.r.print(&|_| Ok(()))?.0.bytes));
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
    Renderer::new(input, Templates::new(input.templates, input.catalog)?)?.single_file()
}

/// `plan.json` on its own (for `lifeboat export json`): the same bytes as the site's.
pub fn plan_json(input: &Input) -> Result<Vec<u8>, Error> {
    let waves = crate::analyze::recovery_waves(input.plan);
    plan_json::plan_json(input, &waves)
}

impl<'a> Renderer<'a> {
    /// The renderer of a whole site, its cards drawn before any page goes to the
    /// thread pool (see `cards`).
    fn new(input: &Input<'a>, templates: Templates) -> Result<Self, Error> {
        let r = Renderer::with(input, templates)?;
        r.cards();
        Ok(r)
    }

    fn with(input: &Input<'a>, templates: Templates) -> Result<Self, Error> {
        let input = *input;
        let shells = layout::Shells::new(
            input.templates,
            &templates.1,
            &input.plan.settings.info.organization.value,
        );
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
            rtl: crate::i18n::right_to_left(plan.language()),
            built: input.options.today.to_string(),
            built_text: views::date_text(input.catalog, input.options.today),
            copy_stamp: copy_stamp(plan, input.options.copy, input.catalog),
            private: input.options.include_private,
            encrypted: input.options.private_script.is_some(),
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
            review_every: (info.review_every.as_ref())
                .map(|e| views::duration_text(input.catalog, e.value)),
            key: {
                use sha2::{Digest, Sha256};
                let d = Sha256::digest(
                    format!("{}\n{}", info.organization.value, info.title.value).as_bytes(),
                );
                d.iter().take(8).map(|b| format!("{b:02x}")).collect()
            },
            review_due: views::review_due(plan, input.options.today),
            review_due_text: views::review_due(plan, input.options.today)
                .and_then(|d| crate::model::Date::parse(&d))
                .map(|d| views::date_text(input.catalog, d)),
            overdue: views::review_overdue(plan, input.options.today, input.catalog),
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
            coverage: crate::analyze::training::coverage(plan, input.options.today),
            shells,
            texts: None,
        })
    }

    fn ctx<'s>(&'s self, root: &'s str, shared_page: bool, defer_prose: bool) -> Ctx<'s> {
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
            catalog: self.input.catalog,
            encrypted: self.input.options.private_script.is_some(),
            coverage: &self.coverage,
        }
    }
}
