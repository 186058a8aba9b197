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

mod autolink;
mod placeholders;
mod references;
mod safe;
mod structure;

use autolink::{autolinks, phone_numbers};
use placeholders::placeholders;
pub use placeholders::{Piece, pieces};
pub use references::{number_of, reference};
use safe::Safe;
use structure::Structure;

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
    /// The interface's words the prose gets (alert titles, labels); none for the
    /// search index's text, which holds none of them.
    pub catalog: Option<&'a crate::i18n::Catalog>,
}

impl Target<'_> {
    /// A message of the catalogue, escaped for HTML.
    fn word(&self, id: &str) -> String {
        crate::html::escape(&self.catalog.map_or_else(|| id.to_string(), |c| c.text(id)))
    }
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
    draw(plan, markdown, target, None)
}

/// [`to_html`], and the prose's [`text_sections`] read off the same events: an
/// item's own page gives the search index its text without a second parse. None
/// where the events differ from the index's own: with an anchor prefix, and with
/// placeholders marked (`{{ name }}` is drawn as `{{name}}`).
pub fn to_html_and_text(
    plan: &Plan,
    markdown: &str,
    target: &Target,
) -> (String, Option<Vec<TextSection>>) {
    if target.placeholders || !target.anchor_prefix.is_empty() {
        return (to_html(plan, markdown, target), None);
    }
    let mut text = TextWalker::new(target);
    let html = draw(plan, markdown, target, Some(&mut text));
    (html, Some(text.finish()))
}

fn draw(plan: &Plan, markdown: &str, target: &Target, text: Option<&mut TextWalker>) -> String {
    let mut body = String::with_capacity(markdown.len() + markdown.len() / 2);
    let source = crate::markdown::protect_nested_references(markdown);
    let mut structure = Structure::new(plan, &source, target);
    match text {
        Some(walker) => pulldown_cmark::html::push_html(
            &mut body,
            structure.by_ref().inspect(|e| walker.event(e)),
        ),
        None => pulldown_cmark::html::push_html(&mut body, structure.by_ref()),
    }
    let sections = structure.sections;
    if let Cow::Owned(labelled) = super::table_labels::label_cells(&body) {
        body = labelled;
    }
    if !(target.outline && sections.len() >= 3) {
        return body;
    }
    let on_this_page = target.word("on-this-page");
    let mut outline = format!(
        "<nav class=\"outline\" aria-label=\"{on_this_page}\"><details><summary>{on_this_page}</summary><ol>",
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
#[derive(Debug, PartialEq)]
pub struct TextSection {
    /// The anchor of its heading as the item's own page writes it; empty for the
    /// text before the first heading.
    pub anchor: String,
    pub heading: String,
    pub text: String,
}

/// The plain text of prose, cut at its sections (h1 and h2 headings), with the
/// same anchors as [`to_html`] gives them on the item's page: the events of the
/// same two passes, for the same source folder and `assets/` (an image kept or
/// dropped changes a heading's anchor), read as text (a reference is its item's
/// name and number).
pub fn text_sections(
    plan: &Plan,
    markdown: &str,
    source_dir: &str,
    assets: &[(String, Vec<u8>)],
) -> Vec<TextSection> {
    let target = Target {
        root: "",
        anchor_prefix: "",
        source_dir,
        placeholders: false,
        outline: false,
        assets,
        catalog: None,
    };
    let source = crate::markdown::protect_nested_references(markdown);
    let mut text = TextWalker::new(&target);
    for event in Structure::new(plan, &source, &target) {
        text.event(&event);
    }
    text.finish()
}

/// Reads the drawn events of prose as [`TextSection`]s. A link into `assets/` is read
/// as its text alone, as a link left as text is (no space after it).
struct TextWalker {
    out: Vec<TextSection>,
    /// In a heading: whether it starts a section (h1, h2).
    in_heading: Option<bool>,
    /// For each open link: whether it leads into `assets/`.
    links: Vec<bool>,
    /// How a link into `assets/` starts on this page (`../assets/`).
    assets: String,
}

impl TextWalker {
    fn new(target: &Target) -> TextWalker {
        TextWalker {
            out: vec![TextSection {
                anchor: String::new(),
                heading: String::new(),
                text: String::new(),
            }],
            in_heading: None,
            links: Vec::new(),
            assets: format!("{}assets/", target.root),
        }
    }

    fn event(&mut self, event: &Event) {
        let Some(current) = self.out.last_mut() else {
            return;
        };
        let words = |current: &mut TextSection, t: &str| {
            if self.in_heading == Some(true) {
                push_words(&mut current.heading, t);
            } else {
                push_words(&mut current.text, t);
            }
        };
        match event {
            Event::Html(html) => {
                if let Some(rest) = html.strip_prefix("<h2 id=\"") {
                    let anchor = rest.split('"').next().unwrap_or_default();
                    self.out.push(TextSection {
                        anchor: anchor.to_string(),
                        heading: String::new(),
                        text: String::new(),
                    });
                    self.in_heading = Some(true);
                } else if html.starts_with("<h")
                    && html.as_bytes().get(2).is_some_and(u8::is_ascii_digit)
                {
                    self.in_heading = Some(false);
                } else if html.starts_with("<a class=\"anchor\"") {
                    self.in_heading = None;
                    push_words(&mut current.text, " ");
                } else if [
                    "<span class=\"ref",
                    crate::html::NUMBER_OPEN,
                    "<a ",
                    "<img ",
                    "<span class=\"missing-image",
                    "<span class=\"remote-image",
                ]
                .iter()
                .any(|p| html.starts_with(p))
                {
                    words(current, &drawn_text(html));
                }
            }
            Event::Text(t) | Event::Code(t) => words(current, t),
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.links.push(dest_url.starts_with(&self.assets));
            }
            Event::End(TagEnd::Link) if self.links.pop() == Some(true) => {}
            Event::SoftBreak | Event::HardBreak | Event::End(_)
                if !current.text.ends_with(' ') && !current.text.is_empty() =>
            {
                current.text.push(' ');
            }
            _ => {}
        }
    }

    fn finish(mut self) -> Vec<TextSection> {
        for s in &mut self.out {
            let t = s.text.trim_end().len();
            s.text.truncate(t);
        }
        self.out
            .retain(|s| !s.anchor.is_empty() || !s.text.is_empty());
        self.out
    }
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

/// The text a reader takes from HTML this module drew: an image's is its
/// description (`alt`), anything else's the text between its tags.
fn drawn_text(html: &str) -> String {
    match html.strip_prefix("<img ") {
        Some(img) => img
            .split_once(" alt=\"")
            .and_then(|(_, alt)| alt.split_once('"'))
            .map_or_else(String::new, |(alt, _)| html_text(alt)),
        None => html_text(html),
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

pub use crate::html::slug;

#[cfg(test)]
mod tests;
