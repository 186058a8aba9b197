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

use autolink::autolinks;
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
                catalog: Some(&ENGLISH),
            },
        )
    }

    static ENGLISH: std::sync::LazyLock<crate::i18n::Catalog> =
        std::sync::LazyLock::new(crate::i18n::Catalog::english);
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
    fn a_heading_of_an_image_or_reference_is_named_by_their_text() {
        let (_d, plan) = plan();
        // A reference in a paragraph before an image's heading does not name it.
        let md = "Ask [[ben]].\n\n## ![Floor map](map.svg)\n\n## ![Gone](x.png) plan\n\n## Call [[ben]]\n";
        let out = html(&plan, md, "assets", "");
        for (id, name) in [
            ("floor-map", "Floor map"),
            ("gone-plan", "Gone plan"),
            ("call-ben-ode", "Call Ben &lt;Ode&gt;"),
        ] {
            assert!(out.contains(&format!("<h2 id=\"{id}\">")), "{id} {out}");
            assert!(
                out.contains(&format!("<li><a href=\"#{id}\">{name}</a></li>")),
                "{name} {out}"
            );
        }
        let headings: Vec<_> = text_sections(&plan, md, "assets", &ASSETS)
            .into_iter()
            .map(|s| (s.anchor, s.heading))
            .collect();
        assert_eq!(
            headings,
            [
                (String::new(), String::new()),
                ("floor-map".into(), "Floor map".into()),
                ("gone-plan".into(), "Gone plan".into()),
                (
                    "call-ben-ode".into(),
                    "Call Ben <Ode> +44 7700 900011".into()
                ),
            ] as [(String, String); 4]
        );
    }

    #[test]
    fn text_sections_carry_the_page_anchors_and_names_of_references() {
        let (_d, plan) = plan();
        let s = text_sections(
            &plan,
            "Intro *text*\n\n## Step one\nCall [[ben]].\n\n### Sub\nmore\n\n## Step one\n- [ ] tick\n",
            "runbooks",
            &ASSETS,
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
    fn a_page_reads_its_prose_as_the_search_index_does() {
        let (_d, plan) = plan();
        for md in [
            "See [the plan](../assets/plan.pdf#p2), then [gone](../assets/nope.pdf) and \
             [web](https://x.example/) ![map](../assets/map.svg) ![far](https://x.example/i.png).",
            "## Dear {{name}}\nSubject: [{{severity}}] {{ service }} is down {{}} {{a{b}}\n\n\
             - [ ] tell {{who}} & <them>\n\n## Step {{n}} of [[ben]]\n{{x}}",
            "{{start}} of a line, [[acme|the vendor]] [a [[ben]] link](../assets/a%20b%C3%A9.pdf)\n\n\
             > [!NOTE]\n> Call [[ben]].[^n]\n\n[^n]: Note with [[ehr]].\n\n| A | B |\n|---|---|\n| [x](../assets/plan.pdf) | y |",
            // An image kept (or not) changes the heading's text, so its anchor.
            "## ![map](../assets/map.svg \"m\")\ntext\n\n## ![gone](../assets/x.png) Floor\n\n## [p](../assets/plan.pdf) two",
        ] {
            for placeholders in [false, true] {
                let target = Target {
                    root: "../",
                    anchor_prefix: "",
                    source_dir: "runbooks",
                    placeholders,
                    outline: true,
                    assets: &ASSETS,
                    catalog: Some(&ENGLISH),
                };
                let (html, text) = to_html_and_text(&plan, md, &target);
                assert_eq!(html, to_html(&plan, md, &target), "{md:?}");
                // Marked placeholders are not read back: the index reads those again.
                match text {
                    Some(text) => assert_eq!(
                        text,
                        text_sections(&plan, md, "runbooks", &ASSETS),
                        "{md:?} {html}"
                    ),
                    None => assert!(placeholders, "{md:?}"),
                }
            }
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Before you start!"), "before-you-start");
        assert_eq!(slug("  --  "), "");
        assert_eq!(slug("Étape 2: DC2"), "étape-2-dc2");
    }
}
