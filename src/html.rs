//! HTML escaping, a leaf that every module writing HTML or vCard text uses (`render`,
//! `kit`, `serve`), and the markup of a number to call that prose and pages share
//! ([`tel_link`]): it imports nothing of the crate.

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
    // Runs of plain ASCII are copied whole; every other character is looked at on
    // its own (escaping is a twentieth of a large build's work).
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        let plain = b.is_ascii()
            && !matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')
            && (b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r'))
            && b != 0x7F;
        if plain {
            at += 1;
            continue;
        }
        out.push_str(&text[copied..at]);
        // `at` is on a character boundary: only ASCII bytes were passed over.
        let c = text[at..].chars().next().unwrap_or('\u{FFFD}');
        match c {
            c if forbidden(c) => out.push('\u{FFFD}'),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
        at += c.len_utf8();
        copied = at;
    }
    out.push_str(&text[copied..]);
    out
}

/// The span around a number to call, opened and closed: [`tel_link`] draws it, and
/// the Markdown renderer puts an author's `[text](tel:…)` link inside it.
pub const NUMBER_OPEN: &str = "<span class=\"nobr\">";
pub const NUMBER_CLOSE: &str = "</span>";

/// A number to call on a page: a `tel:` link (`href` is its `tel:` address) in a
/// span that does not wrap. On screen and on paper the link is a box of its own (a
/// tap target), and a browser may break a line on either side of a box even where
/// the text would not allow it (CSS Text 3, 5.1): the comma after a number started
/// the next line. Chromium keeps a box with what follows it when the box's parent
/// does not wrap; the link itself wraps as it did.
pub fn tel_link(href: &str, number: &str) -> String {
    tel_link_after("", href, number)
}

/// [`tel_link`] with `lead`, the punctuation written right before the number
/// (`(«`), inside the span: a line may not break between them either.
pub fn tel_link_after(lead: &str, href: &str, number: &str) -> String {
    format!(
        "{NUMBER_OPEN}{}<a class=\"tel\" href=\"{}\">{}</a>{NUMBER_CLOSE}",
        escape(lead),
        escape(href),
        escape(number)
    )
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
    use proptest::prelude::*;

    /// A character at a time: what [`escape`] must write.
    fn escape_slowly(text: &str) -> String {
        text.chars()
            .map(|c| match c {
                c if forbidden(c) => "\u{FFFD}".to_string(),
                '&' => "&amp;".to_string(),
                '<' => "&lt;".to_string(),
                '>' => "&gt;".to_string(),
                '"' => "&quot;".to_string(),
                '\'' => "&#39;".to_string(),
                c => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn escaping_known_text() {
        assert_eq!(
            escape("a<b>&\"c\" 'd'\u{0}\u{7F}\u{85}\u{FDD0}\u{FFFE}\u{10FFFF}\t\n\r é€😀"),
            "a&lt;b&gt;&amp;&quot;c&quot; &#39;d&#39;\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\t\n\r é€😀"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("plain"), "plain");
    }

    proptest! {
        #[test]
        fn escaping_is_the_same_as_a_character_at_a_time(text in "(?s).{0,80}") {
            prop_assert_eq!(escape(&text), escape_slowly(&text));
        }

        #[test]
        fn escaping_near_ascii_is_the_same(text in "[\\x00-\\x7f\u{80}-\u{9f}\u{fdd0}\u{fffe}é&<>\"']{0,80}") {
            prop_assert_eq!(escape(&text), escape_slowly(&text));
        }
    }
}
