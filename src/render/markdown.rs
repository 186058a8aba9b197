//! Markdown to HTML for plan prose: the plan dialect of [`crate::markdown`], `[[id]]`
//! references drawn as the spec says, heading anchors, alerts, and safety: raw HTML
//! is shown as text, and links may only use `http`, `https`, `mailto` and `tel`.

use super::paths;
use crate::html::{clean, escape};
use crate::markdown::{asset_path, options};
use crate::model::{ItemRef, Kind, Plan, tel_uri};
use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd,
};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet, VecDeque};

/// Where the HTML goes, which decides how links and anchors are written.
pub struct Target<'a> {
    /// From the page to the site's root: `""` or `"../"`.
    pub root: &'a str,
    /// Put before every anchor id (and `#fragment` link) of this prose, so that
    /// several items can share one page (print.html) without clashing ids.
    pub anchor_prefix: &'a str,
    /// Folder of the source file in the plan (`runbooks/db`), against which relative
    /// links to `assets/` are resolved.
    pub source_dir: &'a str,
    /// Mark `{{name}}` placeholders of communication templates.
    pub placeholders: bool,
    /// Open with an outline of the sections ("On this page") when there are three or
    /// more: a long runbook is read by jumping to the step at hand.
    pub outline: bool,
    /// Files of `assets/` (relative to it), sorted: a link or image to another file
    /// of `assets/` is drawn as text (`check` warns of it: `missing-asset`).
    pub assets: &'a [(String, Vec<u8>)],
}

/// Renders `markdown` to HTML for `target`.
///
/// Two passes over pulldown-cmark's events, streamed (memory stays a small multiple
/// of the text, however long). [`Safe`] sits directly on the parser, so that every
/// event of every construct (inside headings, lists, quotes, tables, footnotes, link
/// text) goes through the one allow-list: raw HTML becomes text, links and images
/// keep only addresses of the link policy, control characters are replaced.
/// [`Structure`] then draws the plan's structure (anchored headings, alerts, tasks,
/// footnotes, scrolling tables, placeholders) from events that are already safe;
/// only HTML written by this module is ever emitted as HTML.
pub fn to_html(plan: &Plan, markdown: &str, target: &Target) -> String {
    let mut body = String::with_capacity(markdown.len() + markdown.len() / 2);
    let source = crate::markdown::protect_nested_references(markdown);
    let mut structure = Structure {
        safe: Safe::new(plan, &source, target),
        target,
        pending: VecDeque::new(),
        slugs: HashMap::new(),
        taken: HashSet::new(),
        footnotes: HashMap::new(),
        sections: Vec::new(),
    };
    pulldown_cmark::html::push_html(&mut body, structure.by_ref());
    let sections = structure.sections;
    if let Cow::Owned(labelled) = super::table_labels::label_cells(&body) {
        body = labelled;
    }
    if !(target.outline && sections.len() >= 3) {
        return body;
    }
    let mut outline = String::from(
        "<nav class=\"outline\" aria-label=\"On this page\"><details><summary>On this page</summary><ol>",
    );
    for (id, text) in &sections {
        outline.push_str(&format!("<li><a href=\"#{id}\">{text}</a></li>"));
    }
    outline.push_str("</ol></details></nav>\n");
    // In place: a long body is not copied again.
    body.insert_str(0, &outline);
    body
}

/// A section of prose as plain text, for the search index.
pub struct TextSection {
    /// The anchor of its heading as the item's own page writes it; empty for the
    /// text before the first heading.
    pub anchor: String,
    pub heading: String,
    pub text: String,
}

/// The plain text of prose, cut at its sections (h1 and h2 headings), with the
/// same anchors as [`to_html`] gives them: the events of the same two passes,
/// read as text (a reference is its item's name and number).
pub fn text_sections(plan: &Plan, markdown: &str) -> Vec<TextSection> {
    let target = Target {
        root: "",
        anchor_prefix: "",
        source_dir: "",
        placeholders: false,
        outline: false,
        assets: &[],
    };
    let source = crate::markdown::protect_nested_references(markdown);
    let mut structure = Structure {
        safe: Safe::new(plan, &source, &target),
        target: &target,
        pending: VecDeque::new(),
        slugs: HashMap::new(),
        taken: HashSet::new(),
        footnotes: HashMap::new(),
        sections: Vec::new(),
    };
    let mut out = vec![TextSection {
        anchor: String::new(),
        heading: String::new(),
        text: String::new(),
    }];
    let mut in_heading = None::<bool>;
    for event in structure.by_ref() {
        let Some(current) = out.last_mut() else { break };
        match event {
            Event::Html(html) => {
                if let Some(rest) = html.strip_prefix("<h2 id=\"") {
                    let anchor = rest.split('"').next().unwrap_or_default();
                    out.push(TextSection {
                        anchor: anchor.to_string(),
                        heading: String::new(),
                        text: String::new(),
                    });
                    in_heading = Some(true);
                } else if html.starts_with("<h")
                    && html.as_bytes().get(2).is_some_and(u8::is_ascii_digit)
                {
                    in_heading = Some(false);
                } else if html.starts_with("<a class=\"anchor\"") {
                    in_heading = None;
                    push_words(&mut current.text, " ");
                } else if html.starts_with("<span class=\"ref") || html.starts_with("<a ") {
                    push_words(&mut current.text, &html_text(&html));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if in_heading == Some(true) {
                    push_words(&mut current.heading, &t);
                } else {
                    push_words(&mut current.text, &t);
                }
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_)
                if !current.text.ends_with(' ') && !current.text.is_empty() =>
            {
                current.text.push(' ');
            }
            _ => {}
        }
    }
    for s in &mut out {
        let t = s.text.trim_end().len();
        s.text.truncate(t);
    }
    out.retain(|s| !s.anchor.is_empty() || !s.text.is_empty());
    out
}

/// Appends text with its runs of white space made one space.
fn push_words(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// The text of HTML written by this module (tags dropped, entities read).
fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The second pass: the plan's structure drawn from safe events.
struct Structure<'a, 'p> {
    safe: Safe<'a, 'p>,
    target: &'p Target<'p>,
    /// Events decided but not yet given out.
    pending: VecDeque<Event<'a>>,
    slugs: HashMap<String, usize>,
    /// Every anchor given on the page.
    taken: HashSet<String>,
    footnotes: HashMap<String, usize>,
    /// Anchor and text of each section (h2).
    sections: Vec<(String, String)>,
}

/// Ids the theme writes on pages that hold prose: a heading never takes one.
const THEME_IDS: [&str; 14] = [
    "lb-main",
    "lb-nav",
    "lb-search",
    "lb-search-results",
    "by-scenario",
    "hotline-title",
    "log-out",
    "log-quick-title",
    "log-runbook",
    "log-text",
    "log-who",
    "severity-levels",
    "start-here",
    "then-title",
];

/// Whether an id is the theme's or a footnote's (`fn-3`), or one of the item
/// facts' (`x-facts`), so that a heading may not take it.
fn reserved(id: &str) -> bool {
    THEME_IDS.contains(&id)
        || id.ends_with("-facts")
        || id
            .strip_prefix("fn-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

impl<'a> Structure<'a, '_> {
    /// An anchor no other element of the page has: `base`, else `base-2`, `-3`...
    fn unique(&mut self, base: String) -> String {
        let n = self.slugs.entry(base.clone()).or_insert(0);
        loop {
            *n += 1;
            let candidate = if *n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            if !reserved(&candidate) && !self.taken.contains(&candidate) {
                self.taken.insert(candidate.clone());
                return candidate;
            }
        }
    }

    /// A footnote's number: labels match as CommonMark labels do, case aside.
    fn footnote(&mut self, label: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(label.to_lowercase()).or_insert(next)
    }

    /// Every event but a heading's start, drawn.
    fn draw(&mut self, event: Event<'a>) -> Event<'a> {
        let target = self.target;
        match event {
            // A long line scrolls inside its box: the box can take the keyboard's focus.
            Event::Start(Tag::CodeBlock(kind)) => Event::Html(
                match kind {
                    CodeBlockKind::Fenced(lang) if !lang.is_empty() => format!(
                        "<pre tabindex=\"0\"><code class=\"language-{}\">",
                        escape(&lang)
                    ),
                    _ => "<pre tabindex=\"0\"><code>".to_string(),
                }
                .into(),
            ),
            Event::End(TagEnd::CodeBlock) => Event::Html("</code></pre>\n".into()),
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (class, title) = alert(kind);
                Event::Html(
                    format!("<div class=\"alert alert-{class}\" role=\"note\"><p class=\"alert-title\">{title}</p>\n").into(),
                )
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => Event::Html("</div>\n".into()),
            Event::TaskListMarker(done) => Event::Html(
                if done {
                    "<input type=\"checkbox\" class=\"step\" aria-label=\"Done\" checked> "
                } else {
                    "<input type=\"checkbox\" class=\"step\" aria-label=\"Done\"> "
                }
                .into(),
            ),
            Event::FootnoteReference(label) => {
                let n = self.footnote(&label);
                let p = escape(target.anchor_prefix);
                Event::Html(
                    format!("<sup class=\"footnote-ref\"><a href=\"#{p}fn-{n}\">{n}</a></sup>")
                        .into(),
                )
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let n = self.footnote(&label);
                let p = escape(target.anchor_prefix);
                Event::Html(
                    format!("<div class=\"footnote\" id=\"{p}fn-{n}\"><span class=\"footnote-label\">{n}.</span>").into(),
                )
            }
            Event::End(TagEnd::FootnoteDefinition) => Event::Html("</div>\n".into()),
            // Wide tables scroll inside their box instead of widening the page.
            Event::Start(Tag::Table(align)) => {
                self.pending.push_back(Event::Start(Tag::Table(align)));
                Event::Html("<div class=\"table-wrap\" tabindex=\"0\">".into())
            }
            Event::End(TagEnd::Table) => {
                self.pending.push_back(Event::Html("</div>\n".into()));
                Event::End(TagEnd::Table)
            }
            Event::Text(text) if target.placeholders && text.contains("{{") => {
                Event::Html(placeholders(&text).into())
            }
            other => other,
        }
    }
}

impl<'a> Iterator for Structure<'a, '_> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(e) = self.pending.pop_front() {
            return Some(e);
        }
        let target = self.target;
        let event = self.safe.next()?;
        let Event::Start(Tag::Heading { level, id, .. }) = event else {
            return Some(self.draw(event));
        };
        // What the heading holds is drawn as a paragraph's would be (references,
        // footnotes, placeholders); its text (a reference as its name, a line
        // break as a space) names it in the outline and gives its anchor.
        let mut text = String::new();
        let mut inner = Vec::new();
        while let Some(e) = self.safe.next() {
            match &e {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                Event::Html(html) => match self.safe.last_reference.take() {
                    Some(name) => text.push_str(&name),
                    None => text.push_str(&html_text(html)),
                },
                _ => {}
            }
            let pending_before = self.pending.len();
            let drawn = self.draw(e);
            // `draw` may queue events of its own (tables cannot be in headings).
            let queued: Vec<_> = self.pending.drain(pending_before..).collect();
            inner.push(drawn);
            inner.extend(queued);
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        // `{#Restore_Step}` is kept as written; else the text's slug.
        let base = id
            .map(|i| i.trim().to_string())
            .filter(|i| !i.is_empty() && !i.contains(char::is_whitespace))
            .unwrap_or_else(|| slug(&text));
        let base = if base.is_empty() {
            "section".into()
        } else {
            base
        };
        let anchor = self.unique(base);
        // The page title is the only h1.
        let h = match level {
            HeadingLevel::H1 | HeadingLevel::H2 => 2,
            HeadingLevel::H3 => 3,
            HeadingLevel::H4 => 4,
            HeadingLevel::H5 => 5,
            HeadingLevel::H6 => 6,
        };
        let id = escape(&format!("{}{anchor}", target.anchor_prefix));
        if h == 2 {
            self.sections.push((id.clone(), escape(&text)));
        }
        self.pending.extend(inner);
        self.pending.push_back(Event::Html(
            format!("<a class=\"anchor\" href=\"#{id}\" aria-label=\"Link to this section\">#</a></h{h}>\n").into(),
        ));
        Some(Event::Html(format!("<h{h} id=\"{id}\">").into()))
    }
}

/// The allow-list, as the first and only reader of the parser's events. What comes
/// out is safe to give pulldown-cmark's HTML writer: `Event::Html` only as written
/// by this module, text and code without control characters, links and images
/// only with addresses of the link policy, headings without the author's
/// attributes, code blocks with a plain language name.
struct Safe<'a, 'p> {
    parser: std::iter::Peekable<pulldown_cmark::OffsetIter<'a>>,
    /// The Markdown as parsed (references inside links' text protected, see
    /// [`crate::markdown::protect_nested_references`]).
    source: &'a str,
    plan: &'p Plan,
    target: &'p Target<'p>,
    /// For each open link: whether its address was kept.
    links: Vec<bool>,
    /// Events decided but not yet given out.
    queue: VecDeque<Event<'a>>,
    /// The `{...}` of a heading that is not an id, given back as its text before
    /// the heading ends.
    heading_suffix: Option<String>,
    /// Inside a code block, or raw HTML shown as text: no autolinks there.
    in_code: bool,
    /// The plain text of the last reference given out, for heading text.
    last_reference: Option<String>,
}

impl<'a, 'p> Safe<'a, 'p> {
    fn new(plan: &'p Plan, markdown: &'a str, target: &'p Target<'p>) -> Self {
        Safe {
            parser: Parser::new_ext(markdown, options())
                .into_offset_iter()
                .peekable(),
            source: markdown,
            plan,
            target,
            links: Vec::new(),
            queue: VecDeque::new(),
            heading_suffix: None,
            in_code: false,
            last_reference: None,
        }
    }

    /// The text of the events up to the end of the current link or image, line
    /// breaks as spaces.
    fn inner_text(&mut self) -> String {
        let mut text = String::new();
        let mut depth = 0usize;
        for (inner, _) in self.parser.by_ref() {
            match inner {
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => depth += 1,
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                Event::Text(t) | Event::Code(t) => text.push_str(&t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                _ => {}
            }
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        clean(&text).into_owned()
    }

    /// A reference as HTML, its plain text kept for a heading's text.
    fn reference(&mut self, id: &str, text: Option<&str>, linked: bool) -> Event<'a> {
        let id = crate::markdown::reference_id(id);
        let name = match (text, self.plan.lookup(id)) {
            (Some(t), _) => t.to_string(),
            (None, Some(r)) => self.plan.name_of(r).to_string(),
            (None, None) => id.to_string(),
        };
        self.last_reference = Some(name.clone());
        if linked {
            Event::Html(reference(self.plan, id, text, self.target.root).into())
        } else {
            // Inside a link's text: the name alone (a link may not hold a link).
            Event::Html(format!("<span class=\"ref\">{}</span>", escape(&name)).into())
        }
    }

    /// Text with its protected references drawn and its bare addresses linked
    /// (GFM's autolinks), as events in the queue.
    fn text(&mut self, t: CowStr<'a>) -> Event<'a> {
        // The parser cuts text at characters that might start emphasis (`_`, `*`):
        // an address is read whole.
        let mut t = t;
        while let Some((Event::Text(_), _)) = self.parser.peek() {
            if let Some((Event::Text(more), _)) = self.parser.next() {
                let mut joined = t.into_string();
                joined.push_str(&more);
                t = joined.into();
            }
        }
        let nested = t.contains(crate::markdown::NESTED_OPEN);
        // Control characters are replaced after the protected references are found
        // (their marks are control characters).
        let t = if nested { t } else { clean_cow(t) };
        let linkable = !self.in_code && self.links.is_empty();
        let found = if linkable { autolinks(&t) } else { Vec::new() };
        if !nested && found.is_empty() {
            return Event::Text(t);
        }
        let mut events: Vec<Event<'a>> = Vec::new();
        let mut rest_at = 0;
        let push_plain = |events: &mut Vec<Event<'a>>, this: &mut Self, piece: &str| {
            let mut at = 0;
            for (start, id, label) in crate::markdown::nested_references(piece) {
                if start > at {
                    events.push(Event::Text(clean(&piece[at..start]).into_owned().into()));
                }
                events.push(this.reference(id, label.map(str::trim), false));
                at = start
                    + crate::markdown::NESTED_OPEN.len()
                    + id.len()
                    + label.map_or(0, |l| l.len() + 1)
                    + crate::markdown::NESTED_CLOSE.len();
            }
            if at < piece.len() {
                events.push(Event::Text(clean(&piece[at..]).into_owned().into()));
            }
        };
        for (range, href) in found {
            push_plain(&mut events, self, &t[rest_at..range.start]);
            events.push(Event::Html(
                format!(
                    "<a class=\"autolink\" href=\"{}\">{}</a>",
                    escape(&href),
                    escape(&t[range.clone()])
                )
                .into(),
            ));
            rest_at = range.end;
        }
        push_plain(&mut events, self, &t[rest_at..]);
        let mut events = events.into_iter();
        let first = events.next().unwrap_or(Event::Text("".into()));
        self.queue.extend(events);
        first
    }

    /// The `{...}` at the end of a heading's source that is not an id alone, as
    /// written.
    fn attribute_text(&self, range: std::ops::Range<usize>) -> Option<String> {
        let src = self.source.get(range)?;
        let line = src.trim_end().lines().last()?.trim_end();
        let line = line.trim_end_matches('#').trim_end();
        let line = line.trim_end_matches(['=', '-']).trim_end();
        if !line.ends_with('}') {
            return None;
        }
        let open = line.rfind('{')?;
        Some(clean(&line[open..]).into_owned())
    }
}

impl<'a> Iterator for Safe<'a, '_> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(e) = self.queue.pop_front() {
            return Some(e);
        }
        loop {
            let (event, range) = self.parser.next()?;
            return Some(match event {
                Event::Start(Tag::Link {
                    link_type: LinkType::WikiLink { has_pothole },
                    dest_url,
                    ..
                }) => {
                    let text = self.inner_text();
                    let text = has_pothole.then_some(text.trim()).filter(|t| !t.is_empty());
                    // Inside a link's text (an image's link): the name alone.
                    let linked = self.links.is_empty();
                    self.reference(&dest_url, text, linked)
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    ..
                }) => {
                    // A link whose address is refused keeps its text and loses the link.
                    let dest = if link_type == LinkType::Email {
                        email_address(&dest_url)
                    } else {
                        link_address(&dest_url, self.target)
                    };
                    self.links.push(dest.is_some());
                    let Some(dest) = dest else { continue };
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url: dest.into(),
                        title: clean(&title).into_owned().into(),
                        id: "".into(),
                    })
                }
                Event::End(TagEnd::Link) => {
                    if !self.links.pop().unwrap_or(true) {
                        continue;
                    }
                    Event::End(TagEnd::Link)
                }
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => {
                    let alt = self.inner_text();
                    let in_link = !self.links.is_empty();
                    Event::Html(image(&dest_url, &clean(&title), &alt, self.target, in_link).into())
                }
                // `{#id}` alone is the heading's id, as written; any other `{...}`
                // (`{word}`, `{.class}`) stays in the heading's text.
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) => {
                    let id = if classes.is_empty() && attrs.is_empty() {
                        id
                    } else {
                        self.heading_suffix = self.attribute_text(range).map(|t| format!(" {t}"));
                        None
                    };
                    Event::Start(Tag::Heading {
                        level,
                        id,
                        classes: Vec::new(),
                        attrs: Vec::new(),
                    })
                }
                Event::End(TagEnd::Heading(level)) => match self.heading_suffix.take() {
                    Some(text) => {
                        self.queue.push_back(Event::End(TagEnd::Heading(level)));
                        Event::Text(text.into())
                    }
                    None => Event::End(TagEnd::Heading(level)),
                },
                Event::Start(Tag::CodeBlock(kind)) => {
                    self.in_code = true;
                    match kind {
                        CodeBlockKind::Fenced(lang) => {
                            let lang: String = lang
                                .chars()
                                .take_while(|c| !c.is_whitespace())
                                .filter(|c| c.is_ascii_alphanumeric() || "+-_.".contains(*c))
                                .collect();
                            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang.into())))
                        }
                        other => Event::Start(Tag::CodeBlock(other)),
                    }
                }
                Event::End(TagEnd::CodeBlock) => {
                    self.in_code = false;
                    Event::End(TagEnd::CodeBlock)
                }
                // Raw HTML is never passed through: it is shown as the text it is.
                Event::Start(Tag::HtmlBlock) => {
                    self.in_code = true;
                    Event::Html("<pre class=\"raw-html\" tabindex=\"0\">".into())
                }
                Event::End(TagEnd::HtmlBlock) => {
                    self.in_code = false;
                    Event::Html("</pre>\n".into())
                }
                Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(clean_cow(raw)),
                Event::Text(t) => self.text(t),
                Event::Code(t) => Event::Code(clean_cow(t)),
                Event::InlineMath(t) | Event::DisplayMath(t) => Event::Text(clean_cow(t)),
                Event::Start(Tag::MetadataBlock(_)) | Event::End(TagEnd::MetadataBlock(_)) => {
                    continue;
                }
                other => other,
            });
        }
    }
}

/// GFM's extended autolinks in plain text: `https://…`, `http://…`, `www.…` and
/// e-mail addresses, each with the address it links to. Trailing punctuation
/// (`.,:;!?*_~'"`, an unbalanced `)`) is not part of a link.
fn autolinks(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    if !text.contains(['.', '@']) {
        return out;
    }
    let bytes = text.as_bytes();
    let boundary = |i: usize| {
        i == 0 || {
            let b = bytes[i - 1];
            b.is_ascii_whitespace() || b"*_~(\"'".contains(&b)
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        let lower_start = rest
            .get(..8)
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let scheme = if lower_start.starts_with("https://") {
            Some(8)
        } else if lower_start.starts_with("http://") {
            Some(7)
        } else if lower_start.starts_with("www.") {
            Some(0)
        } else {
            None
        };
        if let Some(skip) = scheme.filter(|_| boundary(i)) {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '<')
                .unwrap_or(rest.len());
            let candidate = trim_trailing(&rest[..end]);
            let domain_end = candidate[skip..]
                .find(['/', '?', '#', ':'])
                .map_or(candidate.len(), |d| d + skip);
            let domain = &candidate[skip..domain_end];
            if valid_domain(domain) {
                let href = if skip == 0 {
                    format!("http://{candidate}")
                } else {
                    candidate.to_string()
                };
                out.push((i..i + candidate.len(), href));
                i += candidate.len().max(1);
                continue;
            }
        }
        if bytes[i] == b'@' {
            // The local part before it, the domain after it.
            let local_start = text[..i]
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || ".+-_".contains(c)))
                .map_or(0, |p| p + 1);
            let after = &text[i + 1..];
            let dom_len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || ".-_".contains(c)))
                .unwrap_or(after.len());
            let domain = after[..dom_len].trim_end_matches('.');
            let taken = out.last().is_some_and(|(r, _)| r.end > local_start);
            if local_start < i && !taken && valid_domain(domain) && !domain.ends_with(['-', '_']) {
                let range = local_start..i + 1 + domain.len();
                out.push((range.clone(), format!("mailto:{}", &text[range])));
                i += 1 + domain.len();
                continue;
            }
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// An autolink without the punctuation that ends a sentence around it.
fn trim_trailing(link: &str) -> &str {
    let mut link = link;
    loop {
        let before = link.len();
        link = link.trim_end_matches(['.', ',', ':', ';', '!', '?', '*', '_', '~', '\'', '"']);
        if link.ends_with(')') && link.matches('(').count() < link.matches(')').count() {
            link = &link[..link.len() - 1];
        }
        if link.len() == before {
            return link;
        }
    }
}

/// A domain GFM links: letters, digits, `-` and `_` in parts joined by dots, at
/// least two parts, no `_` in the last two.
fn valid_domain(domain: &str) -> bool {
    let parts: Vec<&str> = domain.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        })
        && parts[parts.len() - 2..].iter().all(|p| !p.contains('_'))
}

fn clean_cow(text: CowStr<'_>) -> CowStr<'_> {
    match clean(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(s) => s.into(),
    }
}

/// `<a@b.example>`: pulldown-cmark writes `mailto:` before the address.
fn email_address(dest: &str) -> Option<String> {
    let ok = !dest.is_empty()
        && dest
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"<>\"'`\\".contains(c));
    ok.then(|| dest.to_string())
}

/// `[[id]]`: a contact as its name and a `tel:` link to its number, a team or vendor
/// likewise with its phone or support line, anything else as a link to its page.
pub fn reference(plan: &Plan, id: &str, text: Option<&str>, root: &str) -> String {
    let Some(r) = plan.lookup(id) else {
        return format!("<span class=\"ref\">{}</span>", escape(text.unwrap_or(id)));
    };
    let name = escape(text.unwrap_or(plan.name_of(r)));
    let link = match paths::page(plan, r) {
        Some(p) => format!("<a href=\"{root}{}\">{name}</a>", escape(&p)),
        None => name,
    };
    match number_of(plan, r) {
        Some(n) => format!(
            "<span class=\"ref ref-{}\">{link} <a class=\"tel\" href=\"{}\">{}</a></span>",
            r.kind.name(),
            escape(&tel_uri(n)),
            escape(n)
        ),
        None => link,
    }
}

/// The number to call for an item: a contact's phone (else mobile), a team's
/// phone, a vendor's support line.
pub fn number_of(plan: &Plan, r: ItemRef) -> Option<&str> {
    match r.kind {
        Kind::Contact => plan.contacts[r.index].number().map(|n| n.as_str()),
        Kind::Team => plan.teams[r.index].phone.as_deref().map(String::as_str),
        Kind::Vendor => plan.vendors[r.index]
            .support_phone
            .as_deref()
            .map(String::as_str),
        _ => None,
    }
}

/// The address a Markdown link may keep: web, mail and phone links as written,
/// fragments with this prose's prefix, and relative links into `assets/` rewritten
/// for the page. Anything else (`javascript:`, `data:`, absolute paths, addresses
/// that leave the site once the browser resolves them) is refused.
fn link_address(dest: &str, target: &Target) -> Option<String> {
    let dest = dest.trim();
    // Browsers drop tabs and newlines inside a URL (`java\tscript:`).
    if dest.chars().any(char::is_control) {
        return None;
    }
    if let Some(fragment) = dest.strip_prefix('#') {
        return Some(format!("#{}{fragment}", target.anchor_prefix));
    }
    let lower = dest.to_ascii_lowercase();
    if ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return Some(dest.to_string());
    }
    asset_address(dest, target)
}

/// A relative link to a file of the plan's `assets/` folder, as seen from the page.
fn asset_address(dest: &str, target: &Target) -> Option<String> {
    let path = asset_path(dest, target.source_dir)?;
    let rel = path.strip_prefix("assets/")?;
    target
        .assets
        .binary_search_by(|(a, _)| a.as_str().cmp(rel))
        .ok()?;
    let mut out = String::from(target.root);
    out.push_str(&percent_encode(&path));
    if let Some((_, fragment)) = dest.split_once('#') {
        out.push('#');
        out.push_str(&percent_encode(fragment));
    }
    Some(out)
}

/// A path or fragment as a URL part: unreserved characters and `/` as they are,
/// everything else percent-escaped (UTF-8).
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&()*+,;=@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An image from `assets/`; a remote image becomes a link, since the site must
/// load nothing from another host.
fn image(dest: &str, title: &str, alt: &str, target: &Target, in_link: bool) -> String {
    let alt = escape(alt);
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape(title))
    };
    match asset_address(dest, target) {
        Some(src) => format!("<img src=\"{}\" alt=\"{alt}\"{title}>", escape(&src)),
        None => match link_address(dest, target) {
            // Inside a link, an image that is not shown is its text (no link in a link).
            Some(_) if in_link => format!(
                "<span class=\"remote-image\">{}</span>",
                if alt.is_empty() { "image" } else { &alt }
            ),
            Some(href) if !href.starts_with('#') => format!(
                "<a class=\"remote-image\" href=\"{}\">{}</a>",
                escape(&href),
                if alt.is_empty() { "image" } else { &alt }
            ),
            _ => format!("<span class=\"missing-image\">{alt}</span>"),
        },
    }
}

fn alert(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "Note"),
        BlockQuoteKind::Tip => ("tip", "Tip"),
        BlockQuoteKind::Important => ("important", "Important"),
        BlockQuoteKind::Warning => ("warning", "Warning"),
        BlockQuoteKind::Caution => ("caution", "Caution"),
    }
}

/// A piece of a communication template's text: as written, or a `{{name}}`
/// placeholder for the reader to fill in.
pub enum Piece<'t> {
    Text(&'t str),
    Placeholder(&'t str),
}

/// `text` cut into plain text and `{{name}}` placeholders (the name trimmed; `{{}}`
/// and names holding a brace stay text). In one pass: each `}}` closes the last `{{`
/// before it, so that no run of braces is scanned again (100,000 `{{` cost as much
/// as their bytes).
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut plain = 0;
    while let Some(open) = rest[plain..].find("{{").map(|i| i + plain) {
        let Some(close) = rest[open + 2..].find("}}").map(|i| i + open + 2) else {
            break;
        };
        let inner = rest[open..close].rfind("{{").map_or(open, |i| i + open);
        let name = rest[inner + 2..close].trim();
        if name.is_empty() || name.contains(['{', '}']) {
            plain = close + 2;
            continue;
        }
        if inner > 0 {
            out.push(Piece::Text(&rest[..inner]));
        }
        out.push(Piece::Placeholder(name));
        rest = &rest[close + 2..];
        plain = 0;
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Text with `{{name}}` placeholders marked for the reader to fill in.
fn placeholders(text: &str) -> String {
    let mut out = String::new();
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => out.push_str(&escape(t)),
            Piece::Placeholder(name) => out.push_str(&format!(
                "<span class=\"placeholder\" data-name=\"{0}\">{{{{{0}}}}}</span>",
                escape(name)
            )),
        }
    }
    out
}

/// An anchor id from heading text: lower-case letters, digits and dashes.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> (tempfile::TempDir, Plan) {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path();
        std::fs::write(
            p.join("plan.toml"),
            "[plan]\ntitle = \"T\"\norganization = \"O\"\nversion = \"1\"\n",
        )
        .expect("write");
        std::fs::create_dir_all(p.join("contacts")).expect("dir");
        std::fs::write(
            p.join("contacts/people.toml"),
            "[[contact]]\nid = \"ben\"\nname = \"Ben <Ode>\"\nphone = \"+44 7700 900011\"\n\n\
             [[vendor]]\nid = \"acme\"\nname = \"Acme\"\nsupport_phone = \"+1 555 0100\"\n\n\
             [[service]]\nid = \"ehr\"\nname = \"EHR\"\n",
        )
        .expect("write");
        let loaded = crate::load::load(p).expect("loads");
        (dir, loaded.plan)
    }

    fn html(plan: &Plan, md: &str, dir: &str, prefix: &str) -> String {
        to_html(
            plan,
            md,
            &Target {
                root: "../",
                anchor_prefix: prefix,
                source_dir: dir,
                placeholders: true,
                outline: true,
                assets: &ASSETS,
            },
        )
    }

    static ASSETS: std::sync::LazyLock<Vec<(String, Vec<u8>)>> = std::sync::LazyLock::new(|| {
        ["a bé.pdf", "map.svg", "plan.pdf"]
            .iter()
            .map(|p| (p.to_string(), Vec::new()))
            .collect()
    });

    #[test]
    fn links_to_files_not_in_assets_are_text() {
        let (_d, plan) = plan();
        let out = html(
            &plan,
            "[a](../assets/nope.pdf) ![b](../assets/nope.png)",
            "runbooks",
            "",
        );
        assert!(!out.contains("href") && !out.contains("<img"), "{out}");
    }

    #[test]
    fn references_name_the_item_and_its_number() {
        let (_d, plan) = plan();
        let out = html(
            &plan,
            "Call [[ben]], then [[acme|the vendor]]; see [[ehr]] and [[nope]].",
            "runbooks",
            "",
        );
        assert!(out.contains("<a href=\"../contacts/ben.html\">Ben &lt;Ode&gt;</a> <a class=\"tel\" href=\"tel:+447700900011\">+44 7700 900011</a>"), "{out}");
        assert!(out.contains("<a href=\"../vendors/acme.html\">the vendor</a> <a class=\"tel\" href=\"tel:+15550100\">"), "{out}");
        assert!(
            out.contains("<a href=\"../services/ehr.html\">EHR</a>"),
            "{out}"
        );
        assert!(out.contains("<span class=\"ref\">nope</span>"), "{out}");
    }

    #[test]
    fn headings_get_unique_anchors_and_the_title_keeps_h1() {
        let (_d, plan) = plan();
        let out = html(
            &plan,
            "# Top\n## Step one\n## Step one\n### Ünïcode & more {#custom}\n",
            "",
            "",
        );
        assert!(out.contains("<h2 id=\"top\">"), "{out}");
        assert!(
            out.contains("<h2 id=\"step-one\">") && out.contains("<h2 id=\"step-one-2\">"),
            "{out}"
        );
        assert!(out.contains("<h3 id=\"custom\">"), "{out}");
        let shared = html(&plan, "## Step\n[back](#step)\n", "", "rb--");
        assert!(
            shared.contains("id=\"rb--step\"") && shared.contains("href=\"#rb--step\""),
            "{shared}"
        );
    }

    #[test]
    fn alerts_tasks_and_footnotes() {
        let (_d, plan) = plan();
        let out = html(
            &plan,
            "> [!CAUTION]\n> Hot.\n\n- [ ] a\n- [x] b\n\nText[^n].\n\n[^n]: Note.\n",
            "",
            "x--",
        );
        assert!(out.contains("<div class=\"alert alert-caution\" role=\"note\"><p class=\"alert-title\">Caution</p>"), "{out}");
        assert!(
            out.contains("<input type=\"checkbox\" class=\"step\" aria-label=\"Done\"> a"),
            "{out}"
        );
        assert!(
            out.contains("<input type=\"checkbox\" class=\"step\" aria-label=\"Done\" checked> b"),
            "{out}"
        );
        assert!(
            out.contains("href=\"#x--fn-1\"") && out.contains("id=\"x--fn-1\""),
            "{out}"
        );
    }

    #[test]
    fn links_are_kept_only_when_safe_and_assets_are_found() {
        let (_d, plan) = plan();
        let out = html(
            &plan,
            "[a](javascript:alert(1)) [b](https://x.example/) [c](../../assets/plan.pdf#p2) \
             [d](/etc/passwd) ![e](../../assets/map.svg) ![f](https://x.example/i.png) <b>raw</b>",
            "runbooks/site",
            "",
        );
        assert!(
            !out.contains("javascript") && out.starts_with("<p>a <a"),
            "{out}"
        );
        assert!(
            out.contains("<a href=\"https://x.example/\">b</a>"),
            "{out}"
        );
        assert!(
            out.contains("<a href=\"../assets/plan.pdf#p2\">c</a>"),
            "{out}"
        );
        assert!(!out.contains("/etc/passwd\""), "{out}");
        assert!(
            out.contains("<img src=\"../assets/map.svg\" alt=\"e\">"),
            "{out}"
        );
        assert!(
            out.contains("<a class=\"remote-image\" href=\"https://x.example/i.png\">f</a>"),
            "{out}"
        );
        assert!(out.contains("&lt;b&gt;raw&lt;/b&gt;"), "{out}");
    }

    #[test]
    fn nothing_in_any_construct_escapes_the_filter() {
        let (_d, plan) = plan();
        for md in [
            "## <img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](https://e.example/i.png)",
            "Title <script>alert(1)</script>\n=====",
            "- ## <b onclick=alert(1)>x</b>\n  - > ## <i>y</i>",
            "> [!NOTE]\n> ## <svg onload=alert(1)>",
            "| <b>h</b> |\n|---|\n| [x](javascript:alert(1)) |",
            "x[^n]\n\n[^n]: ## <b>f</b> [y](vbscript:x)",
            "[t](https://ok.example \"<b>title</b>\") ![<b>alt</b>](x \"<b>\")",
            "[[ben|<b>text</b>]] [[<script>]]",
            "```js\"><script>\nx\n```",
        ] {
            let out = html(&plan, md, "runbooks", "");
            for bad in [
                "<img",
                "<script",
                "<b>",
                "<b ",
                "<i>",
                "<svg",
                "javascript:",
                "vbscript:",
                "src=\"https",
            ] {
                assert!(!out.contains(bad), "{md:?} gave {bad}: {out}");
            }
        }
    }

    #[test]
    fn relative_links_are_judged_as_the_browser_resolves_them() {
        let (_d, plan) = plan();
        for dest in [
            "../assets/%2e%2e/%2e%2e/etc/passwd",
            "..%2f..%2fetc",
            "..\\..\\secret.txt",
            "../assets\\..\\..\\x",
            "%2fetc%2fpasswd",
            "../assets/.hidden",
            "jav&#x09;ascript:alert(1)",
            "../assets/%ff",
        ] {
            let out = html(&plan, &format!("[x]({dest})"), "runbooks", "");
            assert_eq!(out, "<p>x</p>\n", "{dest:?}");
        }
        let out = html(&plan, "[x](..\\assets\\a%20b%C3%A9.pdf#p)", "runbooks", "");
        assert!(
            out.contains("href=\"../assets/a%20b%C3%A9.pdf#p\""),
            "{out}"
        );
    }

    #[test]
    fn control_characters_never_reach_the_html() {
        let (_d, plan) = plan();
        let out = html(
            &plan,
            "a\u{0}b\u{1b}[2J\u{7f}\u{85}\u{fdd1} `c\u{1}` <x\u{2}>",
            "",
            "",
        );
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        assert!(
            !escape("\u{0}\u{8}\u{fffe}")
                .chars()
                .any(|c| c != '\u{fffd}')
        );
    }

    #[test]
    fn placeholders_are_marked() {
        let (_d, plan) = plan();
        let out = html(
            &plan,
            "Subject: [{{severity}}] {{ service }} is down {{}} {{a{b}}",
            "",
            "",
        );
        assert!(
            out.contains("<span class=\"placeholder\" data-name=\"severity\">{{severity}}</span>"),
            "{out}"
        );
        assert!(
            out.contains("data-name=\"service\">{{service}}</span>"),
            "{out}"
        );
        assert!(out.contains("{{}} {{a{b}}"), "{out}");
        let names: Vec<&str> = pieces("a {{x}}{{ y }} {{}} {{z")
            .into_iter()
            .filter_map(|p| match p {
                Piece::Placeholder(n) => Some(n),
                Piece::Text(_) => None,
            })
            .collect();
        assert_eq!(names, ["x", "y"]);
    }

    #[test]
    fn an_outline_of_three_or_more_sections() {
        let (_d, plan) = plan();
        let out = html(
            &plan,
            "## One\n## Two `x`\n### Sub\n## Three & more\n",
            "",
            "rb--",
        );
        assert!(
            out.starts_with("<nav class=\"outline\" aria-label=\"On this page\"><details><summary>On this page</summary><ol><li><a href=\"#rb--one\">One</a></li><li><a href=\"#rb--two-x\">Two x</a></li><li><a href=\"#rb--three-more\">Three &amp; more</a></li></ol></details></nav>"),
            "{out}"
        );
        assert!(!html(&plan, "## One\n## Two\n", "", "").contains("outline"));
    }

    #[test]
    fn text_sections_carry_the_page_anchors_and_names_of_references() {
        let (_d, plan) = plan();
        let s = text_sections(
            &plan,
            "Intro *text*\n\n## Step one\nCall [[ben]].\n\n### Sub\nmore\n\n## Step one\n- [ ] tick\n",
        );
        let got: Vec<(&str, &str, &str)> = s
            .iter()
            .map(|x| (x.anchor.as_str(), x.heading.as_str(), x.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("", "", "Intro text"),
                (
                    "step-one",
                    "Step one",
                    "Call Ben <Ode> +44 7700 900011. Sub more"
                ),
                ("step-one-2", "Step one", "tick"),
            ]
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Before you start!"), "before-you-start");
        assert_eq!(slug("  --  "), "");
        assert_eq!(slug("Étape 2: DC2"), "étape-2-dc2");
    }
}
