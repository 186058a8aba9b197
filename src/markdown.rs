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

/// Every `[[id]]` reference of `markdown` outside code, in order.
pub fn references(markdown: &str) -> Vec<FoundReference> {
    if !markdown.contains("[[") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        if let Event::Start(Tag::Link {
            link_type: LinkType::WikiLink { has_pothole },
            dest_url,
            ..
        }) = event
        {
            let raw = &markdown[range.clone()];
            let text = has_pothole
                .then(|| {
                    let inner = raw.trim_start_matches('[').trim_end_matches(']');
                    inner.split_once('|').map(|(_, t)| t.trim().to_string())
                })
                .flatten();
            out.push(FoundReference {
                range,
                id: dest_url.trim().to_string(),
                text,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
