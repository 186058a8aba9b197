//! The allow-list: the first and only reader of the parser's events. Raw HTML becomes
//! text, links and images keep only addresses of the link policy, references are
//! drawn, bare addresses linked; control characters are replaced.

use super::*;

/// The allow-list, as the first and only reader of the parser's events. What comes
/// out is safe to give pulldown-cmark's HTML writer: `Event::Html` only as written
/// by this module, text and code without control characters, links and images
/// only with addresses of the link policy, headings without the author's
/// attributes, code blocks with a plain language name.
pub(super) struct Safe<'a, 'p> {
    pub(super) parser: std::iter::Peekable<pulldown_cmark::OffsetIter<'a>>,
    /// The Markdown as parsed (references inside links' text protected, see
    /// [`crate::markdown::protect_nested_references`]).
    pub(super) source: &'a str,
    pub(super) plan: &'p Plan,
    pub(super) target: &'p Target<'p>,
    /// Each open link: whether its address was kept, and whether it is a number.
    pub(super) links: Vec<Link>,
    /// Events decided but not yet given out.
    pub(super) queue: VecDeque<Event<'a>>,
    /// The `{...}` of a heading that is not an id, given back as its text before
    /// the heading ends.
    pub(super) heading_suffix: Option<String>,
    /// Inside a code block, or raw HTML shown as text: no autolinks there.
    pub(super) in_code: bool,
    /// The plain text of the last reference given out, for heading text.
    pub(super) last_reference: Option<String>,
}

/// An open link of the Markdown, as given out.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Link {
    /// Its address was refused: its text stays, the link goes.
    Dropped,
    Kept,
    /// A `tel:` link, given out in a span that does not wrap.
    Tel,
}

impl<'a, 'p> Safe<'a, 'p> {
    pub(super) fn new(plan: &'p Plan, markdown: &'a str, target: &'p Target<'p>) -> Self {
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
        // Joined in one string, made once: a `CowStr` made of each longer string would
        // copy all before it again (`[a](` 100,000 times took 4.6 s).
        let mut t = t;
        if let Some((Event::Text(_), _)) = self.parser.peek() {
            let mut joined = t.into_string();
            while let Some((Event::Text(_), _)) = self.parser.peek() {
                if let Some((Event::Text(more), _)) = self.parser.next() {
                    joined.push_str(&more);
                }
            }
            t = joined.into();
        }
        // In code, protected references are the text they were.
        if self.in_code && t.contains(crate::markdown::NESTED_OPEN) {
            return Event::Text(clean(&crate::markdown::unprotect(&t)).into_owned().into());
        }
        let nested = t.contains(crate::markdown::NESTED_OPEN);
        // Control characters are replaced after the protected references are found
        // (their marks are control characters).
        let t = if nested { t } else { clean_cow(t) };
        let linkable = !self.in_code && self.links.is_empty();
        // Web and mail addresses, and phone numbers outside them (`None`).
        let mut found: Vec<(std::ops::Range<usize>, Option<String>)> = Vec::new();
        if linkable {
            found.extend(autolinks(&t).into_iter().map(|(r, href)| (r, Some(href))));
            for r in phone_numbers(&t) {
                if !found
                    .iter()
                    .any(|(f, _)| f.start < r.end && r.start < f.end)
                {
                    found.push((r, None));
                }
            }
            found.sort_by_key(|(r, _)| r.start);
        }
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
            // The punctuation right before a number (`(«`) goes into its span.
            let before = &t[rest_at..range.start];
            let lead = if href.is_none() {
                let kept = before.trim_end_matches(|c: char| {
                    !c.is_alphanumeric() && !c.is_whitespace() && !crate::html::forbidden(c)
                });
                &before[kept.len()..]
            } else {
                ""
            };
            push_plain(&mut events, self, &before[..before.len() - lead.len()]);
            let text = &t[range.clone()];
            events.push(Event::Html(
                match href {
                    Some(href) => format!(
                        "<a class=\"autolink\" href=\"{}\">{}</a>",
                        escape(&href),
                        escape(text)
                    ),
                    None => crate::html::tel_link_after(lead, &tel_uri(text), text),
                }
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
                    let Some(dest) = dest else {
                        self.links.push(Link::Dropped);
                        continue;
                    };
                    let start = Event::Start(Tag::Link {
                        link_type,
                        dest_url: dest.clone().into(),
                        title: clean(&title).into_owned().into(),
                        id: "".into(),
                    });
                    if dest.to_ascii_lowercase().starts_with("tel:") {
                        // In a span that does not wrap, as `html::tel_link` draws a
                        // number: what is written against it stays on its line.
                        self.links.push(Link::Tel);
                        self.queue.push_back(start);
                        Event::Html(crate::html::NUMBER_OPEN.into())
                    } else {
                        self.links.push(Link::Kept);
                        start
                    }
                }
                Event::End(TagEnd::Link) => match self.links.pop() {
                    Some(Link::Dropped) => continue,
                    Some(Link::Tel) => {
                        self.queue
                            .push_back(Event::Html(crate::html::NUMBER_CLOSE.into()));
                        Event::End(TagEnd::Link)
                    }
                    _ => Event::End(TagEnd::Link),
                },
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
                // A numbered list whose numbers may reach four digits or more
                // (`1000.`) gets room for them before its items: the theme's indent
                // holds three, and a wider number is drawn past the page's edge,
                // cut off on paper. Its last number is at most its start plus its
                // lines (an item takes one at least).
                Event::Start(Tag::List(Some(start))) => {
                    let lines = self.source.get(range).map_or(1, |s| s.lines().count());
                    let last = start.saturating_add(lines.max(1) as u64 - 1);
                    let digits = last.checked_ilog10().unwrap_or(0) + 1;
                    if digits < 4 {
                        Event::Start(Tag::List(Some(start)))
                    } else {
                        Event::Html(
                            format!("<ol start=\"{start}\" style=\"--digits:{digits}\">\n").into(),
                        )
                    }
                }
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
                Event::Code(t) => {
                    Event::Code(clean(&crate::markdown::unprotect(&t)).into_owned().into())
                }
                Event::InlineMath(t) | Event::DisplayMath(t) => Event::Text(clean_cow(t)),
                Event::Start(Tag::MetadataBlock(_)) | Event::End(TagEnd::MetadataBlock(_)) => {
                    continue;
                }
                other => other,
            });
        }
    }
}

pub(super) fn clean_cow(text: CowStr<'_>) -> CowStr<'_> {
    match clean(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(s) => s.into(),
    }
}

/// `<a@b.example>`: pulldown-cmark writes `mailto:` before the address.
pub(super) fn email_address(dest: &str) -> Option<String> {
    let ok = !dest.is_empty()
        && dest
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"<>\"'`\\".contains(c));
    ok.then(|| dest.to_string())
}

/// The address a Markdown link may keep: web, mail and phone links as written,
/// fragments with this prose's prefix, and relative links into `assets/` rewritten
/// for the page. Anything else (`javascript:`, `data:`, absolute paths, addresses
/// that leave the site once the browser resolves them) is refused.
pub(super) fn link_address(dest: &str, target: &Target) -> Option<String> {
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
        // A browser reads `\` in a web address as `/`: the link would go elsewhere
        // than it says.
        let web = lower.starts_with("http");
        return (!(web && dest.contains('\\'))).then(|| dest.to_string());
    }
    asset_address(dest, target)
}

/// A relative link to a file of the plan's `assets/` folder, as seen from the page.
pub(super) fn asset_address(dest: &str, target: &Target) -> Option<String> {
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
pub(super) fn percent_encode(s: &str) -> String {
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
pub(super) fn image(dest: &str, title: &str, alt: &str, target: &Target, in_link: bool) -> String {
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
