//! GFM's extended autolinks: bare `https://`, `www.` and e-mail addresses in text.

/// GFM's extended autolinks in plain text: `https://…`, `http://…`, `www.…` and
/// e-mail addresses, each with the address it links to. Trailing punctuation
/// (`.,:;!?*_~'"`, an unbalanced `)`) and what follows a `\` are not part of a link.
pub(super) fn autolinks(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    if !text.contains(['.', '@']) {
        return out;
    }
    let bytes = text.as_bytes();
    let boundary = |i: usize| {
        i == 0 || {
            let b = bytes[i - 1];
            b.is_ascii_whitespace() || b"*_~(\"'".contains(&b)
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        let lower_start = rest
            .get(..8)
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let scheme = if lower_start.starts_with("https://") {
            Some(8)
        } else if lower_start.starts_with("http://") {
            Some(7)
        } else if lower_start.starts_with("www.") {
            Some(0)
        } else {
            None
        };
        if let Some(skip) = scheme.filter(|_| boundary(i)) {
            // A backslash ends it too (GFM would go on): a browser reads `\` in a web
            // address as `/`, so the link would go elsewhere than its text says.
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '<' || c == '\\')
                .unwrap_or(rest.len());
            let candidate = trim_trailing(&rest[..end]);
            let domain_end = candidate[skip..]
                .find(['/', '?', '#', ':'])
                .map_or(candidate.len(), |d| d + skip);
            let domain = &candidate[skip..domain_end];
            if valid_domain(domain) {
                let href = if skip == 0 {
                    format!("http://{candidate}")
                } else {
                    candidate.to_string()
                };
                out.push((i..i + candidate.len(), href));
                i += candidate.len().max(1);
                continue;
            }
        }
        if bytes[i] == b'@' {
            // The local part before it, the domain after it.
            let local_start = text[..i]
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || ".+-_".contains(c)))
                .map_or(0, |p| p + 1);
            let after = &text[i + 1..];
            let dom_len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || ".-_".contains(c)))
                .unwrap_or(after.len());
            let domain = after[..dom_len].trim_end_matches('.');
            let taken = out.last().is_some_and(|(r, _)| r.end > local_start);
            if local_start < i && !taken && valid_domain(domain) && !domain.ends_with(['-', '_']) {
                let range = local_start..i + 1 + domain.len();
                out.push((range.clone(), format!("mailto:{}", &text[range])));
                i += 1 + domain.len();
                continue;
            }
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// An autolink without the punctuation that ends a sentence around it.
pub(super) fn trim_trailing(link: &str) -> &str {
    let mut link = link;
    loop {
        let before = link.len();
        link = link.trim_end_matches(['.', ',', ':', ';', '!', '?', '*', '_', '~', '\'', '"']);
        if link.ends_with(')') && link.matches('(').count() < link.matches(')').count() {
            link = &link[..link.len() - 1];
        }
        if link.len() == before {
            return link;
        }
    }
}

/// A domain GFM links: letters, digits, `-` and `_` in parts joined by dots, at
/// least two parts, no `_` in the last two.
pub(super) fn valid_domain(domain: &str) -> bool {
    let parts: Vec<&str> = domain.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        })
        && parts[parts.len() - 2..].iter().all(|p| !p.contains('_'))
}

/// A letter of a script written without spaces between words (Chinese, Japanese,
/// Thai): a number may stand right against it (`当直は+81 52 123 4567`).
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}' // Thai, Lao
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}' // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK Unified Ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK Compatibility Ideographs
        | '\u{FF66}'..='\u{FF9F}' // Halfwidth Katakana
    )
}

/// Phone numbers in international format in plain text (`+31 20 123 4913`,
/// `+44 (0)20 7946 0011`, `+1 (212) 555-0100`): `+` and 7 to 15 digits in groups
/// separated by one space, `-` or `.`, or bracketed. Made `tel:` links, so that a
/// reader taps them and a right-to-left page sets their groups in order. A number
/// that runs into a letter, a digit or a sign (`24/7`, `+5%`) is left as text;
/// punctuation may close it, a French `»` or a Japanese `。` too.
pub(super) fn phone_numbers(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(p) = text[from..].find('+') {
        let start = from + p;
        from = start + 1;
        let before = text[..start].chars().next_back();
        if before
            .is_some_and(|c| (c.is_alphanumeric() && !unspaced(c)) || "+-./_=&%:@#\\".contains(c))
        {
            continue;
        }
        let (mut at, mut digits, mut end) = (start + 1, 0usize, start);
        while at < b.len() {
            let c = b[at];
            if c.is_ascii_digit() {
                digits += 1;
                at += 1;
                end = at;
            } else if b" -.".contains(&c) && end == at {
                let next = b.get(at + 1).copied().unwrap_or(b' ');
                if next.is_ascii_digit() || next == b'(' {
                    at += 1;
                } else {
                    break;
                }
            } else if c == b'(' && end > start && (end == at || b[at - 1] == b' ') {
                let inner = b[at + 1..]
                    .iter()
                    .take_while(|d| d.is_ascii_digit())
                    .count();
                if (1..=4).contains(&inner) && b.get(at + 1 + inner) == Some(&b')') {
                    digits += inner;
                    at += inner + 2;
                    end = at;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let after = text[end..].chars().next();
        // Closing quotes and brackets and the stops of other scripts end it too
        // (`«+33 2 40 41 20 20»`, `+81 52 123 4567。`).
        let ends_cleanly = after.is_none_or(|c| {
            c.is_whitespace()
                || unspaced(c)
                || ".,;:!?)\"'<*_~]»›’”」』）】〕〉》。、，；：！？".contains(c)
        });
        // A sign or `/` right after the number's last group (`24/7`, `1-2`) makes it
        // something else.
        let runs_on = text[end..].starts_with(['.', ',', '-']) && {
            let next = text[end + 1..].chars().next();
            next.is_some_and(|c| c.is_ascii_digit())
        };
        if end > start + 1 && (7..=15).contains(&digits) && ends_cleanly && !runs_on {
            out.push(start..end);
            from = end;
        }
    }
    out
}
