//! The Markdown dialect of plans (CommonMark with tables, task lists, strikethrough,
//! footnotes, heading anchors, alerts and `[[id]]` references), shared by the loader,
//! which finds the references, and the renderer.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
use std::ops::Range;

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_WIKILINKS
}

/// A `[[id]]` or `[[id|text]]` found in Markdown: where it is, the id and the text.
#[derive(Debug, PartialEq, Eq)]
pub struct FoundReference {
    pub range: Range<usize>,
    pub id: String,
    pub text: Option<String>,
}

/// A link or image of Markdown to a relative address (a file of the plan, as far as
/// the author means): where it is and the address as written.
#[derive(Debug, PartialEq, Eq)]
pub struct FoundLink {
    pub range: Range<usize>,
    pub dest: String,
}

/// Every `[[id]]` reference of `markdown` outside code, in order.
pub fn references(markdown: &str) -> Vec<FoundReference> {
    scan(markdown).0
}

/// Every `[[id]]` reference and every link or image to a relative address of
/// `markdown`, outside code, in order.
pub fn scan(markdown: &str) -> (Vec<FoundReference>, Vec<FoundLink>) {
    let mut refs = Vec::new();
    let mut links = Vec::new();
    if !markdown.contains('[') {
        return (refs, links);
    }
    let source = protect_nested_references(markdown);
    let mut in_code = false;
    for (event, range) in Parser::new_ext(&source, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole },
                dest_url,
                ..
            }) => {
                let raw = &markdown[range.clone()];
                let text = has_pothole
                    .then(|| {
                        let inner = raw.trim_start_matches('[').trim_end_matches(']');
                        inner
                            .split_once('|')
                            .map(|(_, t)| t.split_whitespace().collect::<Vec<_>>().join(" "))
                    })
                    .flatten();
                refs.push(FoundReference {
                    range,
                    id: reference_id(&dest_url).to_string(),
                    text,
                });
            }
            // A reference inside a link's text, kept as text by
            // [`protect_nested_references`].
            Event::Text(t) if !in_code && t.contains(NESTED_OPEN) => {
                let base = range.start;
                for (at, id, text) in nested_references(&t) {
                    let len = NESTED_OPEN.len()
                        + id.len()
                        + NESTED_CLOSE.len()
                        + text.map_or(0, |t| t.len() + 1);
                    refs.push(FoundReference {
                        range: base + at..base + at + len,
                        id: reference_id(id).to_string(),
                        text: text.map(|t| t.trim().to_string()),
                    });
                }
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let dest = dest_url.trim();
                let relative = !dest.is_empty()
                    && !dest.starts_with('#')
                    && !dest.contains(':')
                    && !dest.starts_with("//");
                if relative {
                    links.push(FoundLink {
                        range,
                        dest: dest.to_string(),
                    });
                }
            }
            _ => {}
        }
    }
    (refs, links)
}

/// The id of a `[[id]]` as parsed: trimmed, and without the backslash of `[[id\|text]]`
/// written in a table cell (where `|` would end the cell).
pub fn reference_id(dest: &str) -> &str {
    dest.trim().trim_end_matches('\\').trim_end()
}

/// What `[[` and `]]` of a reference inside a link's text become before parsing:
/// as many bytes (offsets stay true), and text to the parser, so that the outer link
/// is kept (`[see [[id]]](url)`); the reference is then drawn as the item's name.
pub const NESTED_OPEN: &str = "\u{1}\u{2}";
pub const NESTED_CLOSE: &str = "\u{2}\u{1}";

/// `markdown` with each `[[id]]` that sits inside the text of a `[...](...)` link
/// protected (see [`NESTED_OPEN`]); borrowed when there is none.
pub fn protect_nested_references(markdown: &str) -> std::borrow::Cow<'_, str> {
    if !markdown.contains("[[") || !markdown.contains("](") {
        return std::borrow::Cow::Borrowed(markdown);
    }
    let bytes = markdown.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    // Where paragraphs break (`\n\n`), found once going forward, however many
    // references a paragraph holds (looking again from each would take time
    // growing with the square of its length).
    let mut breaks = Breaks::default();
    while let Some(at) = markdown[i..].find("[[").map(|a| a + i) {
        let Some(close) = markdown[at + 2..].find("]]").map(|c| c + at + 2) else {
            break;
        };
        let inner = &markdown[at + 2..close];
        i = close + 2;
        if inner.is_empty() || inner.contains(['[', ']', '\n']) {
            continue;
        }
        // An opening `[` of a link before it (in the same paragraph, no `]` between)
        // and `](` after it.
        let before = &markdown[..at];
        let limit = breaks.last_before(markdown, at).map_or(0, |p| p + 2);
        let opener = before[limit..]
            .rfind(['[', ']'])
            .filter(|&p| before.as_bytes()[limit + p] == b'[');
        let after = &markdown[close + 2..];
        let end = (breaks.first_from(markdown, close + 2)).map_or(after.len(), |p| p - close - 2);
        let closer = after[..end]
            .find(['[', ']'])
            .filter(|&p| after[p..].starts_with("]("));
        if opener.is_none() || closer.is_none() {
            continue;
        }
        let buf = out.get_or_insert_with(|| bytes.to_vec());
        buf[at..at + 2].copy_from_slice(NESTED_OPEN.as_bytes());
        buf[close..close + 2].copy_from_slice(NESTED_CLOSE.as_bytes());
    }
    match out {
        // Only ASCII bytes were swapped for ASCII bytes.
        Some(b) => String::from_utf8(b).map_or(
            std::borrow::Cow::Borrowed(markdown),
            std::borrow::Cow::Owned,
        ),
        None => std::borrow::Cow::Borrowed(markdown),
    }
}

/// The paragraph breaks (`\n\n`) of a text, asked for at places that only move
/// forward: each byte is looked at about once.
#[derive(Default)]
struct Breaks {
    /// The start of the last break found so far, and where the search for the next
    /// one goes on.
    last: Option<usize>,
    seen: usize,
    /// The `at` of the call before.
    upto: usize,
    /// The first break at or after `from` (None: there is none).
    next: Option<Option<usize>>,
    from: usize,
}

impl Breaks {
    /// The start of the last `\n\n` that ends by `at`, as `text[..at].rfind("\n\n")`
    /// (looked for again from the start when `at` is smaller than at the call before).
    fn last_before(&mut self, text: &str, at: usize) -> Option<usize> {
        if at < self.upto {
            (self.last, self.seen) = (None, 0);
        }
        self.upto = at;
        while self.seen + 2 <= at {
            // Bytes: `seen` may stand inside a character (just before `at`).
            match memchr::memmem::find(&text.as_bytes()[self.seen..at], b"\n\n") {
                Some(p) => {
                    self.last = Some(self.seen + p);
                    self.seen += p + 1;
                }
                None => self.seen = at - 1,
            }
        }
        self.last
    }

    /// The start of the first `\n\n` at or after `from`, as `text[from..].find("\n\n")`
    /// (plus `from`; looked for again when `from` is smaller than at the call before).
    fn first_from(&mut self, text: &str, from: usize) -> Option<usize> {
        let known = match self.next {
            Some(Some(p)) => p >= from,
            Some(None) => true,
            None => false,
        };
        if !known || from < self.from {
            let rest = text.as_bytes().get(from..).unwrap_or_default();
            self.next = Some(memchr::memmem::find(rest, b"\n\n").map(|p| p + from));
            self.from = from;
        }
        self.next.flatten()
    }
}

/// A text as written: protected references' marks back to `[[` and `]]` (in code,
/// where a reference is no reference).
pub fn unprotect(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(NESTED_OPEN) || text.contains(NESTED_CLOSE) {
        std::borrow::Cow::Owned(text.replace(NESTED_OPEN, "[[").replace(NESTED_CLOSE, "]]"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The protected references in a text: (byte offset, id, text after `|`).
pub fn nested_references(text: &str) -> Vec<(usize, &str, Option<&str>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = text[i..].find(NESTED_OPEN).map(|a| a + i) {
        let start = at + NESTED_OPEN.len();
        let Some(end) = text[start..].find(NESTED_CLOSE).map(|e| e + start) else {
            break;
        };
        let inner = &text[start..end];
        let (id, label) = match inner.split_once('|') {
            Some((id, t)) => (id, Some(t)),
            None => (inner, None),
        };
        out.push((at, id, label));
        i = end + NESTED_CLOSE.len();
    }
    out
}

/// The file of the plan that a relative link of prose written in `source_dir`
/// (`runbooks/db`) names, when it is inside `assets/`: `assets/maps/dc1.png`. The
/// path is judged as a browser resolves it: `%xx` escapes decoded (`%2e%2e` is
/// `..`), backslashes as slashes, `?query` and `#fragment` dropped; hidden files
/// are never assets. None for anything else.
pub fn asset_path(dest: &str, source_dir: &str) -> Option<String> {
    let path = dest.split(['#', '?']).next().unwrap_or_default();
    let decoded = percent_decode(path)?;
    if decoded.contains(':')
        || decoded.starts_with(['/', '\\'])
        || decoded.chars().any(|c| c.is_control())
    {
        return None;
    }
    let mut parts: Vec<&str> = source_dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in decoded.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let hidden = parts.iter().any(|p| p.starts_with('.'));
    if parts.len() < 2 || parts[0] != "assets" || hidden {
        return None;
    }
    Some(parts.join("/"))
}

/// `%xx` escapes decoded; None when they do not make UTF-8 text.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let hex = |b: u8| char::from(b).to_digit(16);
    while i < bytes.len() {
        let pair = (
            bytes.get(i + 1).and_then(|&b| hex(b)),
            bytes.get(i + 2).and_then(|&b| hex(b)),
        );
        match (bytes[i], pair) {
            (b'%', (Some(h), Some(l))) => {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn paragraph_breaks_are_found_as_by_searching_from_each_place(
            text in "[\n\na é]{0,40}",
            places in proptest::collection::vec(0usize..84, 0..8),
        ) {
            let mut breaks = Breaks::default();
            for &at in &places {
                // Places are where references start: never inside a character.
                let mut at = at.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                prop_assert_eq!(breaks.last_before(&text, at), text[..at].rfind("\n\n"));
                prop_assert_eq!(
                    breaks.first_from(&text, at),
                    text[at..].find("\n\n").map(|p| p + at)
                );
            }
        }

        #[test]
        fn nested_references_are_protected_as_by_searching_from_each_one(
            parts in proptest::collection::vec(
                proptest::sample::select(
                    &["[[a]]", "[[b|c]]", "[", "]", "](u)", "(", "\n\n", "\n", "a", " ", "\u{fdd1}"][..],
                ),
                0..24,
            ),
        ) {
            let text = parts.concat();
            prop_assert_eq!(protect_nested_references(&text), protect_slowly(&text));
        }
    }

    /// [`protect_nested_references`] as it was: each reference looked for its
    /// paragraph's ends from where it stands.
    fn protect_slowly(markdown: &str) -> std::borrow::Cow<'_, str> {
        if !markdown.contains("[[") || !markdown.contains("](") {
            return std::borrow::Cow::Borrowed(markdown);
        }
        let mut out: Option<Vec<u8>> = None;
        let mut i = 0;
        while let Some(at) = markdown[i..].find("[[").map(|a| a + i) {
            let Some(close) = markdown[at + 2..].find("]]").map(|c| c + at + 2) else {
                break;
            };
            let inner = &markdown[at + 2..close];
            i = close + 2;
            if inner.is_empty() || inner.contains(['[', ']', '\n']) {
                continue;
            }
            let before = &markdown[..at];
            let limit = before.rfind("\n\n").map_or(0, |p| p + 2);
            let opener = before[limit..]
                .rfind(['[', ']'])
                .filter(|&p| before.as_bytes()[limit + p] == b'[');
            let after = &markdown[close + 2..];
            let end = after.find("\n\n").unwrap_or(after.len());
            let closer = after[..end]
                .find(['[', ']'])
                .filter(|&p| after[p..].starts_with("]("));
            if opener.is_none() || closer.is_none() {
                continue;
            }
            let buf = out.get_or_insert_with(|| markdown.as_bytes().to_vec());
            buf[at..at + 2].copy_from_slice(NESTED_OPEN.as_bytes());
            buf[close..close + 2].copy_from_slice(NESTED_CLOSE.as_bytes());
        }
        match out.map(String::from_utf8) {
            Some(Ok(s)) => std::borrow::Cow::Owned(s),
            _ => std::borrow::Cow::Borrowed(markdown),
        }
    }

    #[test]
    fn finds_references_but_not_in_code() {
        let md = "Call [[ben-ode]] or [[it-ops|the ops team]].\n\n`[[not-this]]`\n\n```\n[[nor-this]]\n```\n- [ ] task\n";
        let found = references(md);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].id, "ben-ode");
        assert_eq!(&md[found[0].range.clone()], "[[ben-ode]]");
        assert_eq!(found[1].id, "it-ops");
        assert_eq!(found[1].text.as_deref(), Some("the ops team"));
        assert_eq!(&md[found[1].range.start..found[1].range.start + 2], "[[");
    }

    #[test]
    fn references_in_tables_and_inside_links_are_found() {
        let md = "| who | x |\n|---|---|\n| [[ana\\|Ana R]] | y |\n\n[see [[ben|Ben O]] now](https://x.example)\n\nCall [[chen|Chen\nLi]].\n";
        let found = references(md);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].id, "ana");
        assert_eq!(found[1].id, "ben");
        assert_eq!(&md[found[1].range.clone()], "[[ben|Ben O]]");
        assert_eq!(found[1].text.as_deref(), Some("Ben O"));
        // Text keeps its words: line breaks are spaces.
        assert_eq!(found[2].text.as_deref(), Some("Chen Li"));
        // In code, a reference inside a link is text.
        let code =
            "```\n[see [[ben]]](https://x.example)\n```\n\n`[see [[ana]]](https://x.example)`\n";
        assert!(references(code).is_empty(), "{:?}", references(code));
    }
}
