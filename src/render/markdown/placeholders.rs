//! `{{name}}` placeholders of communication templates, for the reader to fill in.

use super::*;

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
pub(super) fn placeholders(text: &str) -> String {
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
