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
/// Chinese and Japanese put no space between words, so a run of their letters is
/// indexed as each two letters side by side, and its last letter alone: a query
/// split into the same pairs by `search.js` (a letter alone looked up as the start
/// of a pair, or a run's last) finds a word inside a sentence.
pub(super) fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .flat_map(|run| Pieces { run, at: 0 })
        .filter(|w| w.chars().count() <= LONGEST_WORD)
}

/// Letters of scripts written without spaces between words: Han (CJK unified
/// ideographs, extension A, compatibility), Hiragana and Katakana (full and half
/// width). `search.js` (`CJK`) names the same ranges. Not `measure::wide`, which
/// is about width: Korean (wide, but written with spaces) stays whole words.
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
            | '\u{31F0}'..='\u{31FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FF66}'..='\u{FF9F}')
}

/// The pieces of a run of letters and digits (see [`words_of`]): a stretch of other
/// letters whole; of the unspaced letters, each with the next one, and the last alone.
struct Pieces<'a> {
    run: &'a str,
    at: usize,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.run.get(self.at..).filter(|r| !r.is_empty())?;
        if rest.is_ascii() {
            self.at = self.run.len();
            return Some(rest);
        }
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let piece = if unspaced(first) {
            match chars.next() {
                Some((i, next)) if unspaced(next) => {
                    self.at += i;
                    return Some(&rest[..i + next.len_utf8()]);
                }
                _ => &rest[..first.len_utf8()],
            }
        } else {
            let end = (rest.char_indices())
                .find(|&(_, c)| unspaced(c))
                .map_or(rest.len(), |(i, _)| i);
            &rest[..end]
        };
        self.at += piece.len();
        Some(piece)
    }
}

/// The folded words of a text.
#[cfg(test)]
pub(super) fn fold_words(text: &str) -> impl Iterator<Item = String> + '_ {
    words_of(text).map(fold)
}
