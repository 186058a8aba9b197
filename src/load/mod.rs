//! Stage 1: read a plan folder into a typed [`Plan`], with a diagnostic for every
//! problem of syntax, fields and values. Files are read and parsed in parallel.

mod discover;
mod document;
mod fields;
pub mod items;
mod read;
mod reader;
mod settings;
mod site_files;
mod stray;
mod workspace;

pub use document::FORMS;
pub use reader::{PlanRoot, Unreadable};
pub use site_files::{SiteFiles, SiteList, open_asset, read_site_files};
pub use stray::ignored;
pub use workspace::{Snapshot, Workspace};

use crate::diagnostic::{Code, Diagnostic, Location, closest, did_you_mean};
use crate::markdown;
use crate::model::*;
use crate::source::{FileId, SourceFile, Sources, Span, Spanned};
use discover::{Found, discover};
use fields::{Fields, Origin};
use items::Item;
use rayon::prelude::*;
use read::{FileResult, read_file, toml_head};
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};

/// The collection folders and the kind a Markdown file in each holds.
pub const FOLDERS: [(&str, Kind); 8] = [
    ("contacts", Kind::Contact),
    ("services", Kind::Service),
    ("processes", Kind::Process),
    ("vendors", Kind::Vendor),
    ("risks", Kind::Risk),
    ("runbooks", Kind::Runbook),
    ("comms", Kind::Template),
    ("exercises", Kind::Exercise),
];

/// Folders of a plan that are not collections of items.
const OTHER_FOLDERS: [&str; 4] = ["assets", "templates", "locales", "site"];

/// A loaded plan: its files, the typed plan and what was wrong with them.
pub struct Loaded {
    pub sources: Sources,
    pub plan: Plan,
    pub diagnostics: Vec<Diagnostic>,
    /// The plan folder, which every read is confined to.
    pub root: PlanRoot,
    /// The files of `assets/` and `templates/`, found but not yet read.
    pub site: SiteList,
    /// How many plan files (plan.toml and items) were found.
    pub files: usize,
}

/// Reads the plan in `dir`. Fails only when `dir` itself cannot be read; every
/// problem inside the plan is a diagnostic.
pub fn load(dir: &Path) -> std::io::Result<Loaded> {
    let root = PlanRoot::new(dir)?;
    let mut diagnostics = Vec::new();
    let files = discover(dir, &root, &mut diagnostics)?;
    // Without changes.toml the record of changes comes from git, which runs while
    // the files are read.
    let git = match files
        .iter()
        .any(|(rel, _, kind)| kind.is_none() && rel == "changes.toml")
    {
        true => None,
        false => document::GitLog::start(dir),
    };
    let site = site_files::list(dir, &root, &mut diagnostics)?;
    let found = files.len();
    let results: Vec<FileResult> = files
        .par_iter()
        .enumerate()
        .map(|(i, (rel, path, folder))| read_file(&root, id_of(i), rel, path, *folder))
        .collect();

    let mut sources = Sources::default();
    let mut settings = None;
    let mut plan = empty_plan();
    // Each list of the plan takes exactly its items (no doubling slack).
    let mut counts = [0usize; 11];
    for item in results.iter().flat_map(|r| &r.items) {
        counts[item.slot()] += 1;
    }
    plan.contacts.reserve_exact(counts[0]);
    plan.teams.reserve_exact(counts[1]);
    plan.call_trees.reserve_exact(counts[2]);
    plan.vendors.reserve_exact(counts[3]);
    plan.risks.reserve_exact(counts[4]);
    plan.services.reserve_exact(counts[5]);
    plan.processes.reserve_exact(counts[6]);
    plan.runbooks.reserve_exact(counts[7]);
    plan.templates.reserve_exact(counts[8]);
    plan.stakeholders.reserve_exact(counts[9]);
    plan.exercises.reserve_exact(counts[10]);
    for result in results {
        sources.add(result.source);
        diagnostics.extend(result.diagnostics);
        apply_document(&mut plan, result.document);
        if let Some(boxed) = result.settings {
            let (s, cards) = *boxed;
            settings = Some(s);
            plan.cards = cards;
        }
        for item in result.items {
            place(&mut plan, item);
        }
    }
    match settings {
        Some(s) => plan.settings = s,
        None => {
            diagnostics.push(no_plan_toml());
            let file = sources.add(SourceFile::new("plan.toml".into(), String::new()));
            plan.settings = empty_settings(Span {
                file,
                start: 0,
                end: 0,
            });
        }
    }
    index(&mut plan, &sources, &mut diagnostics);
    missing_assets(&plan, &sources, &site, &mut diagnostics);
    locales(&plan, &mut sources, &site, &mut diagnostics);
    if let Some(Ok(changes)) = git.map(document::GitLog::record) {
        plan.document.from_git = !changes.is_empty();
        plan.document.changes = changes;
    }
    Ok(Loaded {
        sources,
        plan,
        diagnostics,
        root,
        site,
        files: found,
    })
}

/// A plan with nothing in it yet.
fn empty_plan() -> Plan {
    Plan {
        settings: empty_settings(Span {
            file: 0,
            start: 0,
            end: 0,
        }),
        contacts: Vec::new(),
        teams: Vec::new(),
        call_trees: Vec::new(),
        vendors: Vec::new(),
        risks: Vec::new(),
        services: Vec::new(),
        processes: Vec::new(),
        runbooks: Vec::new(),
        templates: Vec::new(),
        stakeholders: Vec::new(),
        exercises: Vec::new(),
        cards: Vec::new(),
        document: Default::default(),
        index: Default::default(),
    }
}

/// Puts an item at the end of its kind's list.
fn place(plan: &mut Plan, item: Item) {
    match item {
        Item::Contact(x) => plan.contacts.push(x),
        Item::Team(x) => plan.teams.push(x),
        Item::CallTree(x) => plan.call_trees.push(x),
        Item::Vendor(x) => plan.vendors.push(x),
        Item::Risk(x) => plan.risks.push(x),
        Item::Service(x) => plan.services.push(x),
        Item::Process(x) => plan.processes.push(x),
        Item::Runbook(x) => plan.runbooks.push(x),
        Item::Template(x) => plan.templates.push(x),
        Item::Stakeholder(x) => plan.stakeholders.push(x),
        Item::Exercise(x) => plan.exercises.push(x),
    }
}

fn no_plan_toml() -> Diagnostic {
    Diagnostic::new(
        Code::MissingField,
        Location::Path("plan.toml".into()),
        "the plan folder has no plan.toml; create one with a [plan] table holding \
         title, organization and version (`lifeboat init` writes an example)",
    )
}

/// Puts what changes.toml or distribution.toml held into the plan.
fn apply_document(plan: &mut Plan, part: Option<document::Part>) {
    match part {
        Some(document::Part::Changes(c)) => plan.document.changes = c,
        Some(document::Part::Copies(c)) => plan.document.copies = c,
        None => {}
    }
}

/// The plan's `locales/*.ftl`: a syntax error is an error at its line (the file
/// joins the plan's sources, so that it can be pointed at), and so is a message of
/// the plan's language that refers to one not there or to itself; a language that
/// is neither built in nor fully given is `incomplete-locale`.
fn locales(plan: &Plan, sources: &mut Sources, site: &SiteList, diagnostics: &mut Vec<Diagnostic>) {
    let lang = plan.settings.info.language.as_ref();
    let used = lang.and_then(|l| crate::i18n::plan_file(&l.value, &site.locales));
    for (name, text) in &site.locales {
        let mut problems = crate::i18n::problems(text);
        // The file of the plan's language: what its messages refer to must be there.
        if let (Some(lang), Some((used, _))) = (lang, used)
            && used == name
            && problems.is_empty()
        {
            let catalog = crate::i18n::Catalog::new(&lang.value, &site.locales);
            problems = crate::i18n::unresolved(&catalog, text);
        }
        if problems.is_empty() {
            continue;
        }
        let file = sources.add(SourceFile::new(format!("locales/{name}"), text.clone()));
        for p in problems {
            diagnostics.push(Diagnostic::at(
                Code::Syntax,
                Span::new(file, p.range),
                p.message,
            ));
        }
    }
    let Some(lang) = lang else {
        return;
    };
    let given = used;
    let missing = crate::i18n::missing(&lang.value, given.map(|(_, t)| t.as_str()));
    if missing > 0 {
        let total = crate::i18n::message_ids().len();
        diagnostics.push(Diagnostic::at(
            Code::IncompleteLocale,
            lang.span,
            format!(
                "the interface has no complete catalogue for \"{}\": {missing} of its {total} \
                 messages fall back to English; translate the output of `lifeboat locale \
                 export {}` into locales/{}.ftl, or pick a built-in language (en, de, fr, es, nl)",
                lang.value, lang.value, lang.value
            ),
        ));
    }
}

/// `missing-asset`: a link or image of prose to a file of `assets/` that is not there.
fn missing_assets(
    plan: &Plan,
    sources: &Sources,
    site: &SiteList,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (_, head) in plan.items() {
        for link in &head.body.links {
            let path = &sources.get(link.span.file).path;
            let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
            let Some(asset) = markdown::asset_path(&link.value, dir) else {
                continue;
            };
            if !site.has_asset(&asset) {
                diagnostics.push(Diagnostic::at(
                    Code::MissingAsset,
                    link.span,
                    format!(
                        "\"{}\" links to {asset}, which is not in the plan's assets/ folder: \
                         add the file or correct the link",
                        link.value
                    ),
                ));
            }
        }
    }
}

fn id_of(i: usize) -> FileId {
    FileId::try_from(i).unwrap_or(FileId::MAX)
}

/// Settings of a plan with an unreadable or missing plan.toml.
fn empty_settings(at: Span) -> Settings {
    let blank = |s: &str| Spanned::new(s.to_string(), at);
    Settings {
        info: PlanInfo {
            title: blank("Untitled plan"),
            organization: blank(""),
            version: blank(""),
            classification: None,
            owner: None,
            last_reviewed: None,
            review_every: None,
            base_url: None,
            language: None,
            approved_by: None,
            approved_on: None,
        },
        policy: Policy::default(),
        hotline: None,
        severities: Vec::new(),
        risk_matrix: RiskMatrix::default(),
        call_tree_cards: false,
        read: false,
    }
}

/// The diagnostic for a path of the plan that is not read.
pub fn unreadable(at: Location, why: &Unreadable) -> Diagnostic {
    let code = match why {
        Unreadable::Outside { .. } | Unreadable::Special(_) => Code::UnreadableFile,
        Unreadable::TooLarge { .. } | Unreadable::Io(_) => Code::Syntax,
    };
    Diagnostic::new(code, at, why.message())
}

/// Fills the id index, reporting every id used twice (both places are named).
fn index(plan: &mut Plan, sources: &Sources, diagnostics: &mut Vec<Diagnostic>) {
    // In path order (file, then place in it), so that the first of two is kept.
    let mut all: Vec<(Span, ItemRef)> = plan.items().map(|(r, head)| (head.id.span, r)).collect();
    all.sort_by_key(|(span, _)| (span.file, span.start));
    let mut index: FxHashMap<String, ItemRef> = FxHashMap::default();
    index.reserve(all.len());
    for &(span, r) in &all {
        let id = &plan.head(r).id.value;
        if let Some(&earlier) = index.get(id.as_str()) {
            let other = plan.head(earlier).id.span;
            let f = sources.get(other.file);
            let (line, column) = f.line_column(other.start);
            diagnostics.push(Diagnostic::at(
                Code::DuplicateId,
                span,
                format!(
                    "duplicate id \"{id}\": this {} has the id of the {} at {}:{line}:{column}; \
                     ids must be unique across the whole plan",
                    r.kind.name(),
                    earlier.kind.name(),
                    f.path
                ),
            ));
        } else {
            index.insert(id.clone(), r);
        }
    }
    drop(all);
    plan.index = Arc::new(index);
}

#[cfg(test)]
mod tests {
    use super::discover::folder_typo;
    use super::read::{split_front_matter, toml_body};
    use crate::model::Text;
    use crate::source::Span;

    #[test]
    fn references_of_a_toml_body_are_placed_where_they_are_written() {
        // The file's text, with the string's value as TOML reads it.
        let body = |file: &str, value: String| {
            let start = file.find('"').expect("string") + 1;
            let end = file.rfind('"').expect("string");
            toml_body(Text::new(value, Span::new(0, start..end)), file)
        };
        let at = |b: &crate::model::Body| -> Vec<(String, u32)> {
            (b.references.iter())
                .map(|r| (r.id.value.clone(), r.id.span.start))
                .collect()
        };
        let file = r#"body = "Call [[ana]], then [[ben]].""#;
        let b = body(file, "Call [[ana]], then [[ben]].".into());
        assert_eq!(at(&b), [("ana".into(), 13), ("ben".into(), 27)]);
        // Written with an escape: placed at the string; the next one where it is.
        let file = r#"body = "[[an\u0061]] and [[ben]]""#;
        let b = body(file, "[[ana]] and [[ben]]".into());
        assert_eq!(at(&b), [("ana".into(), 8), ("ben".into(), 25)]);
        // Thousands written with escapes: the searches stop after a few readings of
        // the string, and the rest are placed at the string.
        let n = 5000;
        let file = format!("body = \"{}[[ben]]\"", r"[[an\u0061]] ".repeat(n));
        let b = body(&file, format!("{}[[ben]]", "[[ana]] ".repeat(n)));
        assert_eq!(b.references.len(), n + 1);
        assert!(b.references.iter().all(|r| r.id.span.start == 8));
    }

    #[test]
    fn only_close_misspellings_of_collection_folders_are_typos() {
        for (typo, folder) in [
            ("servics", "services"),
            ("runbook", "runbooks"),
            ("contact", "contacts"),
            ("process", "processes"),
        ] {
            assert_eq!(folder_typo(typo), Some(folder));
        }
        for own in [
            "procedures",
            "forms",
            "content",
            "themes",
            "docs",
            "scripts",
            "sites",
            "services-old",
            "notes",
        ] {
            assert_eq!(folder_typo(own), None, "{own}");
        }
    }

    #[test]
    fn front_matter_is_split_at_the_plus_lines() {
        let text = "+++\nid = \"a\"\n+++\nBody\n";
        let (front, body) = split_front_matter(text).unwrap();
        assert_eq!(&text[front], "id = \"a\"\n");
        assert_eq!(&text[body..], "Body\n");
        let crlf = "+++\r\nname = \"x\"\r\n+++\r\n";
        assert!(split_front_matter(crlf).is_ok());
        assert!(split_front_matter("+++\nid = 1\n").is_err());
        assert!(split_front_matter("id = 1\n+++\n").is_err());
        // YAML front matter, as other generators write it, gets its own advice.
        let yaml = split_front_matter("---\ntitle: Restore\n---\n").unwrap_err();
        assert!(yaml.contains("YAML") && yaml.contains("`+++`"), "{yaml}");
    }

    #[test]
    fn a_date_written_as_people_write_it_gets_the_toml_form() {
        use super::read::date_hint;
        let hint = |line: &str| date_hint(&format!("id = \"x\"\n{line}\n"), 12);
        for (line, iso) in [
            ("due = 31.01.2027", "2027-01-31"),
            ("due = 2027-1-31", "2027-01-31"),
            ("due = 01/31/2027 # US", "2027-01-31"),
            ("due = 31/01/2027", "2027-01-31"),
            ("due = 2027/3/4", "2027-03-04"),
        ] {
            let h = hint(line).unwrap_or_default();
            assert!(
                h.ends_with(&format!("without quotes: {iso}")),
                "{line}: {h}"
            );
        }
        // Day and month not certain: the form, with an example.
        assert!(hint("due = 03/04/2027").is_some_and(|h| h.contains("year-month-day")));
        for line in ["version = 1.2.3", "name = Lab Core", "tier = 1", "x = 1.5"] {
            assert_eq!(hint(line), None, "{line}");
        }
    }
}
