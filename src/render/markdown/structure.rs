//! The second pass: the plan's structure (anchored headings with unique ids,
//! alerts, tasks, footnotes, scrolling tables, placeholders) drawn from events that
//! [`super::safe`] has already made safe. Only HTML written here is emitted as HTML.

use super::*;

/// The second pass: the plan's structure drawn from safe events.
pub(super) struct Structure<'a, 'p> {
    pub(super) safe: Safe<'a, 'p>,
    pub(super) target: &'p Target<'p>,
    /// Events decided but not yet given out.
    pub(super) pending: VecDeque<Event<'a>>,
    pub(super) slugs: HashMap<String, usize>,
    /// Every anchor given on the page.
    pub(super) taken: HashSet<String>,
    pub(super) footnotes: HashMap<String, usize>,
    /// Anchor and text of each section (h2).
    pub(super) sections: Vec<(String, String)>,
}

/// Ids the theme writes on pages that hold prose: a heading never takes one.
pub(super) const THEME_IDS: [&str; 14] = [
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
pub(super) fn reserved(id: &str) -> bool {
    THEME_IDS.contains(&id)
        || id.ends_with("-facts")
        || id
            .strip_prefix("fn-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

impl<'a, 'p> Structure<'a, 'p> {
    pub(super) fn new(plan: &'p Plan, source: &'a str, target: &'p Target<'p>) -> Self {
        Structure {
            safe: Safe::new(plan, source, target),
            target,
            pending: VecDeque::new(),
            slugs: HashMap::new(),
            taken: HashSet::new(),
            footnotes: HashMap::new(),
            sections: Vec::new(),
        }
    }

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
                let title = self.target.word(title);
                Event::Html(
                    format!("<div class=\"alert alert-{class}\" role=\"note\"><p class=\"alert-title\">{title}</p>\n").into(),
                )
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => Event::Html("</div>\n".into()),
            Event::TaskListMarker(done) => Event::Html(
                format!(
                    "<input type=\"checkbox\" class=\"step\" aria-label=\"{}\"{}> ",
                    self.target.word("done"),
                    if done { " checked" } else { "" }
                )
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
        // A reference drawn before the heading (in a paragraph) does not name it.
        self.safe.last_reference = None;
        while let Some(e) = self.safe.next() {
            match &e {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                Event::Html(html) => match self.safe.last_reference.take() {
                    Some(name) => text.push_str(&name),
                    None => text.push_str(&super::drawn_text(html)),
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
            format!(
                "<a class=\"anchor\" href=\"#{id}\" aria-label=\"{}\">#</a></h{h}>\n",
                target.word("link-to-section")
            )
            .into(),
        ));
        Some(Event::Html(format!("<h{h} id=\"{id}\">").into()))
    }
}

pub(super) fn alert(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "alert-note"),
        BlockQuoteKind::Tip => ("tip", "alert-tip"),
        BlockQuoteKind::Important => ("important", "alert-important"),
        BlockQuoteKind::Warning => ("warning", "alert-warning"),
        BlockQuoteKind::Caution => ("caution", "alert-caution"),
    }
}
