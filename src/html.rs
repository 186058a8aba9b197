//! HTML escaping, a leaf that every module writing HTML or vCard text uses (`render`,
//! `kit`, `serve`): it imports nothing of the crate.

use std::borrow::Cow;

/// Characters that never reach a page: controls but tab, line feed and carriage
/// return (a NUL or an escape sequence from a plan), and Unicode noncharacters.
pub fn forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
        || (u32::from(c) & 0xFFFE) == 0xFFFE
}

/// `text` with each [`forbidden`] character replaced by U+FFFD.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().any(forbidden) {
        Cow::Owned(
            text.chars()
                .map(|c| if forbidden(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// Escapes text for HTML content and double-quoted attributes; [`forbidden`]
/// characters become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if forbidden(c) => out.push('\u{FFFD}'),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
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
