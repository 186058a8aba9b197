//! Reading one file of the plan into items: text decoded (UTF-8, a BOM, UTF-16
//! refused with its name), TOML tables or Markdown with front matter parsed, ids
//! checked, every problem a diagnostic at its place.

use super::*;

/// What reading one file gave.
pub(super) struct FileResult {
    pub(super) source: SourceFile,
    pub(super) items: Vec<Item>,
    /// Boxed: settings are large, and one file in thousands has them.
    pub(super) settings: Option<Box<(Settings, Vec<Card>)>>,
    /// changes.toml or distribution.toml.
    pub(super) document: Option<super::document::Part>,
    pub(super) diagnostics: Vec<Diagnostic>,
}

/// Plan files are small; anything larger is refused rather than read into memory.
pub(super) const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

pub(super) fn read_file(
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
        document: None,
        diagnostics: Vec::new(),
    };
    let at_start = Span {
        file,
        start: 0,
        end: 0,
    };
    if folder.is_none() && rel == "plan.toml" {
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
            None if rel != "plan.toml" => {
                result.document = super::document::read(file, rel, &text, diagnostics);
            }
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
pub(super) fn read_text(
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
pub(super) fn decode(
    file: FileId,
    mut bytes: Vec<u8>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
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
pub(super) fn is_utf16(bytes: &[u8]) -> bool {
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
pub(super) fn parse_toml<'i>(
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
        let hint = date_hint(text, at).unwrap_or_default();
        diagnostics.push(Diagnostic::at(
            Code::Syntax,
            origin.span(at..at),
            format!("TOML does not parse: {message}{hint}"),
        ));
    }
    None
}

/// Advice for a date written as people write them (`31.01.2027`, `01/31/2027`,
/// `2027-1-31`) on the line of `text` where a TOML error lies: TOML's own message
/// speaks of floats or quotes.
pub(super) fn date_hint(text: &str, at: usize) -> Option<String> {
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(start..)?.lines().next()?;
    let (_, value) = line.split_once('=')?;
    let value = value.split('#').next()?.trim();
    let sep = value.chars().find(|c| matches!(c, '.' | '/' | '-'))?;
    let parts: Vec<u32> = (value.split(sep))
        .map(|p| {
            (!p.is_empty() && p.len() <= 4)
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect::<Option<_>>()?;
    let &[a, b, c] = parts.as_slice() else {
        return None;
    };
    // A year of four digits at one end: `1.2.3` is a version, not a date.
    if a <= 999 && c <= 999 {
        return None;
    }
    // Year, month and day, where the order is certain.
    let ymd = match sep {
        _ if a > 999 => Some((a, b, c)),
        '.' | '-' if c > 999 => Some((c, b, a)),
        '/' if c > 999 && a > 12 => Some((c, b, a)),
        '/' if c > 999 && b > 12 => Some((c, a, b)),
        _ => None,
    };
    let example = match ymd {
        Some((y, m, d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
            format!("{y:04}-{m:02}-{d:02}")
        }
        _ => "2027-01-31".to_string(),
    };
    Some(format!(
        "; if this is a date, write it year-month-day with two-digit months and days, \
         without quotes: {example}"
    ))
}

pub(super) fn read_toml_items(
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
pub(super) fn toml_head(f: &mut Fields, text: &str) -> Option<Head> {
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

pub(super) fn check_id(id: &Text, diagnostics: &mut Vec<Diagnostic>) {
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
pub(super) const RESERVED_ID: &str = "index";

pub(super) const RESERVED_MESSAGE: &str = "the id \"index\" is reserved: the site's page of this item would replace the index page of its folder; choose another id";

/// A `body` string of a TOML item. Its references are placed where they stand in
/// the file: the string's text may differ from the file's (escapes), so each is
/// looked up in the file's text of the string.
pub(super) fn toml_body(body: Text, text: &str) -> Body {
    let raw_start = body.span.start as usize;
    let raw = text.get(raw_start..body.span.end as usize).unwrap_or("");
    let (found, links) = markdown::scan(&body.value);
    // Each is looked up in the raw string after the one before. A reference written
    // with an escape (`[[an\u0061]]`) is not found there, and each such search reads
    // the rest of the string: all the searches together read at most a few times the
    // string, and what is not found by then is placed at the string itself.
    let mut budget = raw.len().saturating_mul(4).max(4096);
    let mut place = |from: &mut usize, needle: &str| {
        let start = (*from).min(raw.len());
        let end = start.saturating_add(budget).min(raw.len());
        let found = memchr::memmem::find(&raw.as_bytes()[start..end], needle.as_bytes());
        budget -= found.map_or(end - start, |pos| pos + needle.len());
        match found {
            Some(pos) => {
                *from = start + pos + needle.len();
                Span::new(
                    body.span.file,
                    raw_start + *from - needle.len()..raw_start + *from,
                )
            }
            None => body.span,
        }
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
pub(super) fn read_markdown_item(
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
pub(super) fn split_front_matter(text: &str) -> Result<(std::ops::Range<usize>, usize), String> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() == "---" {
        return Err(
            "this file starts with `---`, as YAML front matter does (Jekyll, Hugo): \
             lifeboat's front matter is TOML between two `+++` lines; change both `---` \
             lines to `+++` and write each field as TOML (`title = \"...\"`)"
                .into(),
        );
    }
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
