//! Words as the search box sees them: folded, split, and a section's excerpt.

/// Characters of a section kept to show under a result.
const EXCERPT: usize = 64;
/// Longer words are not indexed (a hash, a pasted key): nobody types them.
const LONGEST_WORD: usize = 40;

/// The start of a section's text, cut at a word.
pub(super) fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT {
        return text.to_string();
    }
    let cut: String = text.chars().take(EXCERPT).collect();
    let at = cut
        .rfind(' ')
        .filter(|&i| i > EXCERPT / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

/// A word folded for search: lower case, accents and marks off, a few letters
/// that are not accented forms written out (ß, æ, ø, ...). `search.js` folds the
/// query the same way.
#[cfg(test)]
pub(super) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] into `out` (cleared first): no allocation for a plain ASCII word.
pub(super) fn fold_into(text: &str, out: &mut String) {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    out.clear();
    if text.is_ascii() {
        out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for c in text.to_lowercase().nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'đ' | 'ð' => out.push('d'),
            'þ' => out.push_str("th"),
            'ı' => out.push('i'),
            c => out.push(c),
        }
    }
}

/// The words of a text: runs of letters and digits, not too long to be typed.
pub(super) fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().count() <= LONGEST_WORD)
}

/// The folded words of a text.
#[cfg(test)]
pub(super) fn fold_words(text: &str) -> impl Iterator<Item = String> + '_ {
    words_of(text).map(fold)
}
