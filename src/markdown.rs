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
    if !markdown.contains('[') {
        return (Vec::new(), Vec::new());
    }
    match plain_references(markdown) {
        Some(refs) => (refs, Vec::new()),
        None => parse(markdown),
    }
}

/// [`scan`] by parsing `markdown`.
fn parse(markdown: &str) -> (Vec<FoundReference>, Vec<FoundLink>) {
    let mut refs = Vec::new();
    let mut links = Vec::new();
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

/// The references of Markdown in which no syntax can make a `[[id]]` anything but a
/// reference, nor anything else a link, found without parsing it: each `[[id]]`, as
/// the parser finds them (a property test compares the two). Reading a plan finds the
/// references of every runbook, and most are such prose: the parser took a fifth of a
/// rebuild's processor time. None when the text holds what could make a difference:
/// - code (`` ` ``, `~~~`, a tab, or four spaces where a line's containers end: the
///   run of spaces, `>`, list marks and digits it starts with), HTML and autolinks
///   (`<`), heading attributes (`{`);
/// - link syntax besides `[[id]]`: `](`, `][`, `]:` (definitions of links and
///   footnotes), `[^`;
/// - a `[[` not followed by an id (lowercase letters, digits, `-`, `_`, `.`) and
///   `]]`, or written after `!` (an image), `\` (escaped), or before a `]`;
/// - a `\r` that ends a line alone (the parser reads `# \r[[a]]` as one heading),
///   and the marks of [`protect_nested_references`].
fn plain_references(markdown: &str) -> Option<Vec<FoundReference>> {
    use memchr::memmem;
    let bytes = markdown.as_bytes();
    let code_or_html = memchr::memchr3(b'`', b'<', b'\t', bytes).is_some()
        || memchr::memchr2(b'{', b'\x01', bytes).is_some()
        || memmem::find(bytes, b"~~~").is_some();
    if code_or_html {
        return None;
    }
    // A line that ends with `\r` alone: the parser ends an ATX heading there with
    // the line after it.
    for at in memchr::memchr_iter(b'\r', bytes) {
        if bytes.get(at + 1) != Some(&b'\n') {
            return None;
        }
    }
    for at in memchr::memchr_iter(b']', bytes) {
        if matches!(bytes.get(at + 1), Some(b'(' | b'[' | b':')) {
            return None;
        }
    }
    let mut refs = Vec::new();
    // The line of the last reference, when it was looked at: (its start, its end).
    let mut line = None;
    let mut from = 0;
    while let Some(at) = memchr::memchr(b'[', &bytes[from..]).map(|p| p + from) {
        from = at + 1;
        match bytes.get(at + 1) {
            Some(b'^') => return None,
            Some(b'[') => {}
            _ => continue,
        }
        if at > 0 && matches!(bytes[at - 1], b'!' | b'\\') {
            return None;
        }
        let start = at + 2;
        let len = bytes[start..]
            .iter()
            .take_while(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.'))
            .count();
        let end = start + len;
        let closed = bytes[end..].starts_with(b"]]") && bytes.get(end + 2) != Some(&b']');
        if len == 0 || !closed {
            return None;
        }
        if !matches!(line, Some((s, e)) if s <= at && at < e) {
            let s = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |p| p + 1);
            let e = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| p + at);
            let containers = bytes[s..e]
                .iter()
                .take_while(|b| {
                    matches!(
                        b,
                        b' ' | b'>' | b'-' | b'*' | b'+' | b'.' | b')' | b'0'..=b'9'
                    )
                })
                .count();
            if memmem::find(&bytes[s..s + containers], b"    ").is_some() {
                return None;
            }
            line = Some((s, e));
        }
        refs.push(FoundReference {
            range: at..end + 2,
            id: markdown[start..end].to_string(),
            text: None,
        });
        from = end + 2;
    }
    Some(refs)
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

    proptest! {
        #[test]
        fn plain_references_are_those_the_parser_finds(
            parts in proptest::collection::vec(
                proptest::sample::select(
                    &[
                        "[[a]]", "[[b-1.c_d]]", "[[", "]]", "[", "]", "[[A]]", "[[a|b]]", "[[ a ]]",
                        "!", "\\", "`", "<", ">", "> ", " ", "   ", "    ", "\n", "\n\n", "\r",
                        "\r\n", "- ", "1. ", "2) ", "* ", "# ", "|", "| --- |", "---", "===", "{",
                        "}", "{#x}", "~", "~~", "~~~", "[^", "[^1]", "]:", "](", "(u)", "][", "x",
                        "&#91;", "\t", "\u{1}\u{2}", "\u{2}\u{1}", "[ ] ", "[x] ", "[!NOTE]", ":",
                        "*", "_", "**", "é", "\u{c}", "\u{b}", "\u{a0}", "&", "=",
                    ][..],
                ),
                0..40,
            ),
        ) {
            compare_plain_and_parsed(&parts.concat())?;
        }

        /// Only what plain prose may hold, so that most texts are read without the
        /// parser: where containers and code start, brackets that are no link.
        #[test]
        fn plain_references_in_plain_prose_are_those_the_parser_finds(
            parts in proptest::collection::vec(
                proptest::sample::select(
                    &[
                        "[[a]]", "[[b-1.c_d]]", "[", "]", "[[", "]]", "!", "\\", ">", "> ", " ", "  ",
                        "    ", "\n", "\n\n", "\r\n", "- ", "1. ", "* ", "# ", "|", "| --- |",
                        "---", "===", "~", "~~", ":", "(", "[ ] ", "[!NOTE]", "*", "_", "x", "é",
                        "\u{c}", "+ ", "3) ", "#",
                    ][..],
                ),
                0..40,
            ),
        ) {
            compare_plain_and_parsed(&parts.concat())?;
        }
    }

    fn compare_plain_and_parsed(text: &str) -> Result<(), TestCaseError> {
        if let Some(refs) = plain_references(text) {
            let (parsed, links) = parse(text);
            prop_assert_eq!(refs, parsed);
            prop_assert!(links.is_empty());
        }
        Ok(())
    }

    /// Every Markdown file of the example and fixture plans: where a body is read
    /// without the parser, the references are the parser's.
    #[test]
    fn plain_references_of_the_example_and_fixture_plans_are_the_parsers() {
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut plain, mut all) = (0, 0);
        for dir in ["example-plan", "tests/testsuite/plans"] {
            for e in walkdir::WalkDir::new(base.join(dir)) {
                let e = e.expect("walk");
                if e.path().extension().is_none_or(|x| x != "md") {
                    continue;
                }
                let text = std::fs::read_to_string(e.path()).expect("read");
                all += 1;
                if let Some(refs) = plain_references(&text) {
                    plain += 1;
                    assert_eq!(refs, parse(&text).0, "{}", e.path().display());
                }
            }
        }
        eprintln!("{plain} of {all} Markdown files read without the parser");
        assert!(all > 50 && plain > 0, "{plain} of {all}");
    }

    /// Runbooks as plans write them, with references in lists, tables, alerts and
    /// task lists, are read without the parser, and as the parser reads them.
    #[test]
    fn plain_prose_is_read_without_the_parser() {
        let md = "## Before you start\n\n1. Call [[person-6]] first.\n   - then [[vendor.x]]\n\n\
                  - [ ] check [[svc_1]] and [[svc-2]]\n\n> [!WARNING]\n> ask [[person-7]]\n\n\
                  | Check | Who |\n| --- | --- |\n| a | [[person-347]] |\n\nSee [[service-5]].\n";
        let plain = plain_references(md).expect("plain prose");
        assert_eq!(plain.len(), 7);
        assert_eq!(plain, parse(md).0);
        for code in [
            "`[[a]]`",
            "    [[a]]",
            "<b>[[a]]</b>",
            "[x](y) [[a]]",
            "[[a|b]]",
            "![[a]]",
        ] {
            assert_eq!(plain_references(&format!("{md}\n{code}\n")), None, "{code}");
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
