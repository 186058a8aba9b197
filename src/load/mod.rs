//! Stage 1: read a plan folder into a typed [`Plan`], with a diagnostic for every
//! problem of syntax, fields and values. Files are read and parsed in parallel.

mod fields;
pub mod items;
mod reader;
mod settings;
mod site_files;
mod stray;
mod workspace;

pub use reader::{PlanRoot, Unreadable};
pub use site_files::{SiteFiles, SiteList, open_asset, read_site_files};
pub use stray::ignored;
pub use workspace::{Snapshot, Workspace};

use crate::diagnostic::{Code, Diagnostic, Location, closest, did_you_mean};
use crate::markdown;
use crate::model::*;
use crate::source::{FileId, SourceFile, Sources, Span, Spanned};
use fields::{Fields, Origin};
use items::Item;
use rayon::prelude::*;
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
const OTHER_FOLDERS: [&str; 3] = ["assets", "templates", "site"];

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
        },
        policy: Policy::default(),
        hotline: None,
        severities: Vec::new(),
        risk_matrix: RiskMatrix::default(),
        call_tree_cards: false,
        read: false,
    }
}

/// plan.toml and every file below the collection folders, sorted by path.
/// Each comes with the kind its folder gives Markdown items (None for plan.toml).
fn discover(
    dir: &Path,
    root: &PlanRoot,
    diagnostics: &mut Vec<Diagnostic>,
) -> std::io::Result<Vec<Found>> {
    let mut files = Vec::new();
    let mut top: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    top.sort_by_key(|e| e.file_name());
    let mut collections = Vec::new();
    for entry in top {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || OTHER_FOLDERS.contains(&name.as_str()) {
            continue;
        }
        // A link is followed only inside the plan; plan.toml is judged when read.
        let is_dir = match root.is_dir(&entry.path()) {
            Ok(d) => d,
            Err(e) if name == "plan.toml" => {
                diagnostics.push(unreadable(Location::Path(name), &e));
                continue;
            }
            Err(e) => {
                if FOLDERS.iter().any(|(f, _)| *f == name) {
                    diagnostics.push(unreadable(Location::Path(format!("{name}/")), &e));
                }
                continue;
            }
        };
        if name == "plan.toml" && !is_dir {
            files.push((name, entry.path(), None));
            continue;
        }
        if !is_dir {
            continue;
        }
        match FOLDERS.iter().find(|(f, _)| *f == name) {
            Some(&(_, kind)) => collections.push((entry.path(), kind)),
            None => {
                if let Some(near) = folder_typo(&name) {
                    diagnostics.push(Diagnostic::new(
                        Code::UnknownField,
                        Location::Path(format!("{name}/")),
                        format!(
                            "unknown folder \"{name}\"{}; its files are not read",
                            did_you_mean(Some(near))
                        ),
                    ));
                }
            }
        }
    }
    // The collection folders are walked in parallel.
    let walked: Vec<std::io::Result<(Vec<Found>, Vec<Diagnostic>)>> = collections
        .par_iter()
        .map(|(path, kind)| walk(dir, root, path, *kind))
        .collect();
    for w in walked {
        let (found, refused) = w?;
        files.extend(found);
        diagnostics.extend(refused);
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// The collection folder that `name` is very likely a misspelling of (`servics`,
/// `runbook`), so that its items are not silently left out. Deliberately strict:
/// `procedures/`, `forms/` or `content/` are folders of their own, not typos.
fn folder_typo(name: &str) -> Option<&'static str> {
    FOLDERS
        .iter()
        .map(|(f, _)| *f)
        .find(|f| strsim::levenshtein(name, f) <= 2 && strsim::jaro_winkler(name, f) >= 0.9)
}

/// A file to read: its path relative to the plan, where it is, and the kind of its
/// collection folder (None for plan.toml).
type Found = (String, PathBuf, Option<Kind>);

/// Every file below a collection folder, hidden ones left out, and a diagnostic for
/// each link out of the plan (or to a folder) and each special file.
fn walk(
    dir: &Path,
    root: &PlanRoot,
    folder: &Path,
    kind: Kind,
) -> std::io::Result<(Vec<Found>, Vec<Diagnostic>)> {
    let mut files = Vec::new();
    let mut refused = Vec::new();
    let walker = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for e in walker {
        let e = e.map_err(std::io::Error::other)?;
        if e.file_type().is_dir() {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap_or(e.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let name = e.file_name().to_string_lossy();
        if ignored(&name) {
            continue;
        }
        match root.judge(e.path(), e.file_type()) {
            Ok(()) if !stray::is_content(&name) => refused.push(stray::warning(rel)),
            Ok(()) => files.push((rel, e.into_path(), Some(kind))),
            Err(why) => refused.push(unreadable(Location::Path(rel), &why)),
        }
    }
    Ok((files, refused))
}

/// What reading one file gave.
struct FileResult {
    source: SourceFile,
    items: Vec<Item>,
    /// Boxed: settings are large, and one file in thousands has them.
    settings: Option<Box<(Settings, Vec<Card>)>>,
    diagnostics: Vec<Diagnostic>,
}

/// Plan files are small; anything larger is refused rather than read into memory.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The diagnostic for a path of the plan that is not read.
pub fn unreadable(at: Location, why: &Unreadable) -> Diagnostic {
    let code = match why {
        Unreadable::Outside { .. } | Unreadable::Special(_) => Code::UnreadableFile,
        Unreadable::TooLarge { .. } | Unreadable::Io(_) => Code::Syntax,
    };
    Diagnostic::new(code, at, why.message())
}

fn read_file(
    root: &PlanRoot,
    file: FileId,
    rel: &str,
    path: &Path,
    folder: Option<Kind>,
) -> FileResult {
    let mut result = FileResult {
        source: SourceFile::new(rel.to_string(), String::new()),
        items: Vec::new(),
        settings: None,
        diagnostics: Vec::new(),
    };
    let at_start = Span {
        file,
        start: 0,
        end: 0,
    };
    if folder.is_none() {
        // plan.toml: settings, even if it cannot be read, so that it is not "missing".
        result.settings = Some(Box::new((empty_settings(at_start), Vec::new())));
    }
    let ext = rel.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if folder.is_some() && !matches!(ext.as_deref(), Some("toml" | "md")) {
        result.diagnostics.push(stray::warning(rel.to_string()));
        return result;
    }
    let Some(text) = read_text(root, file, path, &mut result.diagnostics) else {
        return result;
    };
    // Shared with the Markdown body read from it.
    let text: std::sync::Arc<String> = text.into();
    if text.trim().is_empty() {
        result.diagnostics.push(Diagnostic::at(
            Code::Syntax,
            at_start,
            "the file is empty; fill it in or delete it",
        ));
    } else if result.diagnostics.is_empty() {
        let diagnostics = &mut result.diagnostics;
        match folder {
            None => {
                let origin = Origin { file, base: 0 };
                if let Some(top) = parse_toml(&text, origin, diagnostics) {
                    let mut f = Fields::new(
                        &top,
                        origin,
                        at_start,
                        "plan.toml",
                        settings::TOP_KEYS,
                        diagnostics,
                    );
                    result.settings = Some(Box::new(settings::read(&mut f, &text)));
                    f.finish();
                }
            }
            Some(_) if ext.as_deref() == Some("toml") => {
                read_toml_items(file, &text, &mut result.items, diagnostics)
            }
            Some(kind) => {
                result
                    .items
                    .extend(read_markdown_item(file, rel, &text, kind, diagnostics))
            }
        }
    }
    result.source.text = text;
    result
}

/// The file's text; a diagnostic when it cannot be read, is too large, is not a
/// regular file inside the plan, or is not UTF-8 (then the text has replacement
/// characters, so that positions can still be shown).
fn read_text(
    root: &PlanRoot,
    file: FileId,
    path: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    match root.read(path, MAX_FILE_BYTES) {
        Ok(bytes) => decode(file, bytes, diagnostics),
        Err(e) => {
            diagnostics.push(unreadable(Location::File(file), &e));
            None
        }
    }
}

/// UTF-8 text of a file (a leading byte-order mark dropped); for other bytes a
/// diagnostic at the first bad byte, and the text with replacement characters.
fn decode(file: FileId, mut bytes: Vec<u8>, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if is_utf16(&bytes) {
        diagnostics.push(Diagnostic::new(
            Code::Syntax,
            Location::File(file),
            "the file is UTF-16 text; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
        ));
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let bad = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            diagnostics.push(Diagnostic::at(
                Code::Syntax,
                Span::new(file, bad..bad),
                format!("the file is not UTF-8 text (byte {bad} is not valid); save it as UTF-8"),
            ));
            Some(text)
        }
    }
}

/// UTF-16 text: a UTF-16 byte-order mark, or ASCII text with every other byte zero.
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let head = &bytes[..bytes.len().min(64)];
    head.len() >= 4 && {
        let zeros_even = head.iter().step_by(2).filter(|b| **b == 0).count();
        let zeros_odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
        let half = head.len() / 2;
        zeros_even * 4 >= half * 3 || zeros_odd * 4 >= half * 3
    }
}

/// Parses TOML; every syntax error of the text is reported, and only a text without
/// errors gives a table (a half-parsed table would cause knock-on errors).
fn parse_toml<'i>(
    text: &'i str,
    origin: Origin,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<DeTable<'i>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Some(table.into_inner());
    }
    for e in errors {
        let at = e.span().map(|r| r.start).unwrap_or(0);
        let message = e.message().trim().replace('\n', "; ");
        diagnostics.push(Diagnostic::at(
            Code::Syntax,
            origin.span(at..at),
            format!("TOML does not parse: {message}"),
        ));
    }
    None
}

fn read_toml_items(
    file: FileId,
    text: &str,
    items: &mut Vec<Item>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let origin = Origin { file, base: 0 };
    let Some(top) = parse_toml(text, origin, diagnostics) else {
        return;
    };
    let names: Vec<&str> = Kind::IN_FOLDERS.iter().map(|k| k.name()).collect();
    for (key, value) in top.iter() {
        let name: &str = key.get_ref();
        let key_span = origin.span(key.span());
        let Some(&kind) = Kind::IN_FOLDERS.iter().find(|k| k.name() == name) else {
            let hint = did_you_mean(closest(name, names.iter().copied()));
            diagnostics.push(Diagnostic::at(
                Code::UnknownField,
                key_span,
                format!(
                    "unknown item kind `{name}`{hint}; a TOML file here holds arrays of tables \
                     named after their kind, e.g. [[service]]"
                ),
            ));
            continue;
        };
        let tables: Vec<_> = match value.get_ref() {
            DeValue::Array(list) => list.iter().collect(),
            _ => {
                diagnostics.push(Diagnostic::at(
                    Code::InvalidValue,
                    key_span,
                    format!("`{name}` must be an array of tables: write [[{name}]] (two brackets) before each one"),
                ));
                continue;
            }
        };
        for value in tables {
            let DeValue::Table(table) = value.get_ref() else {
                diagnostics.push(Diagnostic::at(
                    Code::InvalidValue,
                    origin.span(value.span()),
                    format!(
                        "each `{name}` must be a table, found {}",
                        value.get_ref().type_str()
                    ),
                ));
                continue;
            };
            let at = origin.span(value.span());
            let mut f = Fields::new(
                table,
                origin,
                at,
                kind.name(),
                items::keys_of(kind),
                diagnostics,
            );
            if let Some(head) = toml_head(&mut f, text)
                && let Some(item) = items::read(kind, head, &mut f)
            {
                items.push(item);
            }
            f.finish();
        }
    }
}

/// Id and body of an item written in TOML.
fn toml_head(f: &mut Fields, text: &str) -> Option<Head> {
    if !f.has("id") {
        f.missing("id");
        return None;
    }
    let id = f.string("id")?;
    check_id(&id, f.diags);
    let body = if f.knows("body") {
        f.string("body")
            .map(|b| toml_body(b, text))
            .unwrap_or_default()
    } else {
        Body::default()
    };
    Some(Head { id, at: f.at, body })
}

fn check_id(id: &Text, diagnostics: &mut Vec<Diagnostic>) {
    if !id_is_valid(&id.value) {
        diagnostics.push(Diagnostic::at(
            Code::InvalidValue,
            id.span,
            format!(
                "id \"{}\" may use only lowercase letters a-z, digits 0-9, -, _ and .",
                id.value
            ),
        ));
    } else if id.value == RESERVED_ID {
        diagnostics.push(Diagnostic::at(
            Code::InvalidValue,
            id.span,
            RESERVED_MESSAGE,
        ));
    } else if let Some(why) = id_file_name_problem(&id.value) {
        diagnostics.push(Diagnostic::at(
            Code::InvalidValue,
            id.span,
            format!("id \"{}\" {why}: choose another id", id.value),
        ));
    }
}

/// Each item's page in the site is `<folder>/<id>.html`, beside the folder's
/// `index.html`: an item called `index` would replace that page.
const RESERVED_ID: &str = "index";
const RESERVED_MESSAGE: &str = "the id \"index\" is reserved: the site's page of this item would replace the index page of its folder; choose another id";

/// A `body` string of a TOML item. Its references are placed where they stand in
/// the file: the string's text may differ from the file's (escapes), so each is
/// looked up in the file's text of the string.
fn toml_body(body: Text, text: &str) -> Body {
    let raw_start = body.span.start as usize;
    let raw = text.get(raw_start..body.span.end as usize).unwrap_or("");
    let (found, links) = markdown::scan(&body.value);
    // Each is looked up in the raw string after the one before.
    let place = |from: &mut usize, needle: &str| match raw
        .get(*from..)
        .and_then(|rest| rest.find(needle))
    {
        Some(pos) => {
            *from += pos + needle.len();
            Span::new(
                body.span.file,
                raw_start + *from - needle.len()..raw_start + *from,
            )
        }
        None => body.span,
    };
    let mut from = 0;
    let references = found
        .into_iter()
        .map(|r| Reference {
            id: Text::new(r.id.clone(), place(&mut from, &format!("[[{}", r.id))),
            text: r.text,
        })
        .collect();
    let mut from = 0;
    let links = links
        .into_iter()
        .map(|l| Text::new(l.dest.clone(), place(&mut from, &l.dest)))
        .collect();
    Body::new(body.value.into(), references, links)
}

/// A Markdown item: `+++` front matter, then the body.
fn read_markdown_item(
    file: FileId,
    rel: &str,
    text: &std::sync::Arc<String>,
    folder_kind: Kind,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Item> {
    let at = Span {
        file,
        start: 0,
        end: 3,
    };
    let (front, body_start) = match split_front_matter(text) {
        Ok(parts) => parts,
        Err(message) => {
            diagnostics.push(Diagnostic::at(Code::Syntax, at, message));
            return None;
        }
    };
    let origin = Origin {
        file,
        base: front.start,
    };
    let table = parse_toml(&text[front.clone()], origin, diagnostics)?;
    let kind = match folder_kind {
        Kind::Template => match table.get("kind").map(|v| v.get_ref()) {
            Some(DeValue::String(s)) if s == "stakeholder" => Kind::Stakeholder,
            _ => Kind::Template,
        },
        k => k,
    };
    let mut f = Fields::new(
        &table,
        origin,
        at,
        kind.name(),
        items::keys_of(kind),
        diagnostics,
    );
    if let Some((key, _)) = table.get_key_value("body") {
        let span = origin.span(key.span());
        f.report(
            Code::UnknownField,
            span,
            "unknown field `body` in a Markdown item: the prose goes below the closing +++".into(),
        );
    }
    let id = match f.string("id") {
        Some(id) => id,
        None => {
            let stem = rel.rsplit('/').next().unwrap_or(rel);
            let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
            let id = Text::new(stem.to_string(), at);
            if stem == RESERVED_ID {
                f.report(
                    Code::InvalidValue,
                    at,
                    format!("{RESERVED_MESSAGE}: rename the file or set `id` in the front matter"),
                );
            } else if let Some(why) = id_is_valid(stem)
                .then(|| id_file_name_problem(stem))
                .flatten()
            {
                f.report(
                    Code::InvalidValue,
                    at,
                    format!(
                        "the file name \"{stem}\" {why}: rename the file or set `id` in the front matter"
                    ),
                );
            } else if !id_is_valid(stem) {
                f.report(
                    Code::InvalidValue,
                    at,
                    format!(
                        "the file name \"{stem}\" is not a valid id (lowercase a-z, 0-9, -, _ and .): \
                         rename the file or set `id` in the front matter"
                    ),
                );
            }
            id
        }
    };
    if f.has("id") {
        check_id(&id, f.diags);
    }
    let markdown = Prose::part_of(text, body_start..text.len());
    let (found, links) = markdown::scan(&markdown);
    let references = found
        .into_iter()
        .map(|r| Reference {
            id: Text::new(r.id, Span::new(file, r.range).shifted(body_start)),
            text: r.text,
        })
        .collect();
    let links = links
        .into_iter()
        .map(|l| Text::new(l.dest, Span::new(file, l.range).shifted(body_start)))
        .collect();
    let head = Head {
        id,
        at,
        body: Body::new(markdown, references, links),
    };
    let item = items::read(kind, head, &mut f);
    f.finish();
    item
}

/// The byte range of the front matter's TOML and where the body starts.
fn split_front_matter(text: &str) -> Result<(std::ops::Range<usize>, usize), String> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err(
            "a Markdown item must start with a line `+++`, then its TOML front matter, \
                    then another `+++` line"
                .into(),
        );
    }
    let start = first.len();
    let mut pos = start;
    for line in lines {
        if line.trim_end() == "+++" {
            return Ok((start..pos, pos + line.len()));
        }
        pos += line.len();
    }
    Err(
        "the front matter opened by `+++` on line 1 is never closed: add a line `+++` after it"
            .into(),
    )
}

/// Fills the id index, reporting every id used twice (both places are named).
fn index(plan: &mut Plan, sources: &Sources, diagnostics: &mut Vec<Diagnostic>) {
    // In path order (file, then place in it), so that the first of two is kept.
    let mut all: Vec<(Span, ItemRef)> = plan.items().map(|(r, head)| (head.id.span, r)).collect();
    all.sort_by_key(|(span, _)| (span.file, span.start));
    let mut first: FxHashMap<&str, (ItemRef, Span)> = FxHashMap::default();
    first.reserve(all.len());
    for &(span, r) in &all {
        let id = plan.head(r).id.value.as_str();
        if let Some(&(earlier, other)) = first.get(id) {
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
            first.insert(id, (r, span));
        }
    }
    drop(all);
    let mut index: FxHashMap<String, ItemRef> = FxHashMap::default();
    index.reserve(first.len());
    index.extend(first.into_iter().map(|(id, (r, _))| (id.to_string(), r)));
    plan.index = Arc::new(index);
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
