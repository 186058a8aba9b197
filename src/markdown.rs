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
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole },
                dest_url,
                ..
            }) => {
                let raw = &markdown[range.clone()];
                let text = has_pothole
                    .then(|| {
                        let inner = raw.trim_start_matches('[').trim_end_matches(']');
                        inner.split_once('|').map(|(_, t)| t.trim().to_string())
                    })
                    .flatten();
                refs.push(FoundReference {
                    range,
                    id: dest_url.trim().to_string(),
                    text,
                });
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
