//! What templates may not do: include, extend or import themselves (directly or
//! through others), or call a macro that calls itself (tera would recurse until the
//! stack overflows and the process aborts; here it is a template error instead); and
//! what the pages of a plan with overrides may not hold ([`active_markup`]): a
//! script other than the theme's, an event handler, a `javascript:` URL or a
//! refresh. The page's policy allows scripts from files (`script-src 'self' file:`),
//! which would let an override load a script it brought in `assets/`.

use std::collections::HashMap;

/// The string literals of a tag's arguments.
fn literals(args: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = args;
    while let Some(start) = rest.find(['"', '\'', '`']) {
        let quote = &rest[start..start + 1];
        let after = &rest[start + 1..];
        let Some(end) = after.find(quote) else { break };
        out.push(&after[..end]);
        rest = &after[end + 1..];
    }
    out
}

/// The tags (`{% ... %}`) and expressions (`{{ ... }}`) of a template, in order,
/// without their delimiters and whitespace control.
fn pieces(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(['{']) {
        let after = &rest[start..];
        let (is_tag, close) = if after.starts_with("{%") {
            (true, "%}")
        } else if after.starts_with("{{") {
            (false, "}}")
        } else {
            rest = &rest[start + 1..];
            continue;
        };
        let Some(end) = after[2..].find(close) else {
            break;
        };
        let inner = after[2..2 + end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        out.push((is_tag, inner));
        rest = &after[2 + end + 2..];
    }
    out
}

/// The template name and the chain of names that leads back to it, if the
/// templates include, extend or import themselves, or a macro calls itself.
pub fn find_recursion(templates: &[(&str, &str)]) -> Option<String> {
    // Nodes: "t" for a template, "t::m" for macro m of template t.
    let mut edges: HashMap<String, Vec<String>> = HashMap::new();
    for (name, text) in templates {
        let mut aliases: HashMap<&str, &str> = HashMap::from([("self", *name)]);
        let mut current: Option<String> = None;
        for (is_tag, inner) in pieces(text) {
            let (word, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
            if is_tag {
                match word {
                    "include" | "extends" => {
                        for target in literals(args) {
                            edges
                                .entry(name.to_string())
                                .or_default()
                                .push(target.to_string());
                        }
                    }
                    "import" => {
                        if let Some(target) = literals(args).first() {
                            edges
                                .entry(name.to_string())
                                .or_default()
                                .push(target.to_string());
                            if let Some((_, alias)) = args.rsplit_once(" as ") {
                                aliases.insert(alias.trim(), target);
                            }
                        }
                    }
                    "macro" => {
                        let m = args.split('(').next().unwrap_or("").trim();
                        current = Some(format!("{name}::{m}"));
                    }
                    "endmacro" => current = None,
                    _ => {}
                }
            }
            // Macro calls `ns::m(` anywhere in a tag or expression.
            let from = current.clone().unwrap_or_else(|| name.to_string());
            let mut rest = inner;
            while let Some(at) = rest.find("::") {
                let ns_start = rest[..at]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                let ns = &rest[ns_start..at];
                let after = &rest[at + 2..];
                let m_end = after
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                let m = &after[..m_end];
                if let Some(t) = aliases.get(ns)
                    && !m.is_empty()
                {
                    edges
                        .entry(from.clone())
                        .or_default()
                        .push(format!("{t}::{m}"));
                }
                rest = after;
            }
        }
    }
    // Depth-first search for a loop, in a fixed order.
    let mut nodes: Vec<&String> = edges.keys().collect();
    nodes.sort();
    let mut state: HashMap<&str, u8> = HashMap::new(); // 1 on the path, 2 done
    for start in nodes {
        let mut path: Vec<(&str, usize)> = vec![(start.as_str(), 0)];
        while let Some(&mut (node, ref mut next)) = path.last_mut() {
            if *next == 0 {
                if state.get(node) == Some(&2) {
                    path.pop();
                    continue;
                }
                state.insert(node, 1);
            }
            let targets = edges.get(node).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(t) = targets.get(*next) {
                *next += 1;
                match state.get(t.as_str()) {
                    Some(1) => {
                        let from = path.iter().position(|(n, _)| *n == t.as_str()).unwrap_or(0);
                        let mut ring: Vec<&str> = path[from..].iter().map(|(n, _)| *n).collect();
                        ring.push(t);
                        return Some(ring.join(" -> "));
                    }
                    Some(_) => {}
                    None => path.push((t.as_str(), 0)),
                }
            } else {
                state.insert(node, 2);
                path.pop();
            }
        }
    }
    None
}

/// How deeply an override may nest blocks (`{% if %}`, `{% for %}`, ...) or
/// brackets in an expression. Tera parses both by recursion: thousands deep would
/// overflow the stack and abort the process.
pub const MAX_NESTING: usize = 64;
/// How many numbers `range` may give in all while one template renders.
pub const RANGE_BUDGET: usize = 100_000;

thread_local! {
    static RANGE_LEFT: std::cell::Cell<usize> = const { std::cell::Cell::new(RANGE_BUDGET) };
}

/// A template starts rendering: the `range` budget is full again.
pub fn new_page() {
    RANGE_LEFT.with(|c| c.set(RANGE_BUDGET));
}

/// Tera's `range(end, start=0, step_by=1)` with a budget: what the numbers of all
/// its calls while one template renders add up to may not pass [`RANGE_BUDGET`]
/// (nested loops multiply, so the budget is shared).
pub fn bounded_range(args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let num = |key: &str, default: Option<i64>| -> tera::Result<i64> {
        match args.get(key) {
            Some(v) => v
                .as_i64()
                .ok_or_else(|| tera::Error::msg(format!("range: `{key}` must be a whole number"))),
            None => default.ok_or_else(|| tera::Error::msg("range: `end` is missing")),
        }
    };
    let (start, end, step) = (
        num("start", Some(0))?,
        num("end", None)?,
        num("step_by", Some(1))?,
    );
    if step <= 0 {
        return Err(tera::Error::msg("range: `step_by` must be 1 or more"));
    }
    let count = if end > start {
        usize::try_from((end - start + step - 1) / step).unwrap_or(usize::MAX)
    } else {
        0
    };
    let left = RANGE_LEFT.with(|c| c.get());
    if count > left {
        return Err(tera::Error::msg(format!(
            "range: {count} numbers, and a page's templates may count at most {RANGE_BUDGET} in all"
        )));
    }
    RANGE_LEFT.with(|c| c.set(left - count));
    Ok(tera::Value::Array(
        (0..count)
            .map(|i| tera::Value::from(start + i as i64 * step))
            .collect(),
    ))
}

/// Why an override nests too deeply, if it does: more than [`MAX_NESTING`] open
/// blocks, or brackets in one expression.
pub fn too_deep(overrides: &[(String, String)]) -> Option<String> {
    const OPENS: [&str; 6] = ["if", "for", "block", "macro", "filter", "raw"];
    for (name, text) in overrides {
        let mut depth = 0usize;
        for (is_tag, inner) in pieces(text) {
            let mut brackets = 0usize;
            for c in inner.chars() {
                match c {
                    '(' | '[' | '{' => brackets += 1,
                    ')' | ']' | '}' => brackets = brackets.saturating_sub(1),
                    _ => {}
                }
                if brackets > MAX_NESTING {
                    return Some(format!(
                        "templates/{name}: an expression nests brackets more than {MAX_NESTING} deep; simplify it"
                    ));
                }
            }
            if !is_tag {
                continue;
            }
            let word = inner.split_whitespace().next().unwrap_or_default();
            if OPENS.contains(&word) {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(format!(
                        "templates/{name}: blocks ({{% if %}}, {{% for %}}, ...) nest more than {MAX_NESTING} deep; simplify the override"
                    ));
                }
            } else if word.starts_with("end") {
                depth = depth.saturating_sub(1);
            }
        }
    }
    None
}

/// The theme's scripts, the only ones a page may load.
pub const THEME_SCRIPTS: [&str; 7] = [
    "lifeboat.js",
    "search.js",
    "checklist.js",
    "log.js",
    "fill-in.js",
    "search-index.js",
    "private.js",
];

/// An attribute's value with character references decoded (as a browser decodes
/// them before it reads the URL), control characters and whitespace dropped, in
/// lower case.
fn url_as_read(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(c) = rest.chars().next() {
        if c == '&' {
            let end = rest.find(';').filter(|&e| e <= 12);
            if let Some(end) = end {
                let entity = &rest[1..end];
                let decoded = match entity.to_ascii_lowercase().as_str() {
                    "colon" => Some(':'),
                    "tab" | "newline" => Some(' '),
                    e => e
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32),
                };
                if let Some(d) = decoded {
                    out.push(d);
                    rest = &rest[end + 1..];
                    continue;
                }
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_lowercase()
}

/// Markup that would run script: what it is (for a person), the tag's name, and
/// the text that most likely stands in the template as written (an attribute's
/// name or value), to find its line.
#[derive(Debug, PartialEq)]
pub struct Finding {
    pub what: String,
    pub tag: String,
    pub key: String,
}

/// The first markup in a page that would run script: a `<script>` that is not one of
/// [`THEME_SCRIPTS`] by `src` (or that holds code), an event-handler attribute, a
/// `javascript:` or `vbscript:` URL, or `<meta http-equiv="refresh">`. Plan text in
/// pages is escaped, so every `<` here starts markup a template wrote.
pub fn active_markup(html: &str) -> Option<Finding> {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(at) = html[i..].find('<') {
        let start = i + at;
        i = start + 1;
        if html[start..].starts_with("<!--") {
            i = html[start..]
                .find("-->")
                .map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let name_end = html[i..]
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .map_or(html.len(), |e| i + e);
        let name = html[i..name_end].to_ascii_lowercase();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        // The attributes, up to the end of the tag.
        let mut j = name_end;
        let mut attrs: Vec<(String, Option<&str>)> = Vec::new();
        loop {
            while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= bytes.len() || bytes[j] == b'>' {
                break;
            }
            let a_end = html[j..]
                .find(|c: char| c.is_whitespace() || c == '>' || c == '=' || c == '/')
                .map_or(html.len(), |e| j + e)
                .max(j + 1);
            let a_name = html[j..a_end].to_ascii_lowercase();
            j = a_end;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let mut value = None;
            if j < bytes.len() && bytes[j] == b'=' {
                j += 1;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < bytes.len() && (bytes[j] == b'"' || bytes[j] == b'\'') {
                    let q = bytes[j] as char;
                    let v_end = html[j + 1..].find(q).map_or(html.len(), |e| j + 1 + e);
                    value = Some(&html[j + 1..v_end]);
                    j = (v_end + 1).min(html.len());
                } else {
                    let v_end = html[j..]
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .map_or(html.len(), |e| j + e);
                    value = Some(&html[j..v_end]);
                    j = v_end;
                }
            }
            attrs.push((a_name, value));
        }
        i = j.max(i);
        let get = |n: &str| attrs.iter().find(|(a, _)| a == n).and_then(|(_, v)| *v);
        let shown = || {
            let end = (j + 1).min(html.len());
            let mut t: String = html[start..end].chars().take(80).collect();
            if end - start > t.len() {
                t.push('…');
            }
            t
        };
        if name == "script" || name.ends_with(":script") {
            let theirs = get("src").is_some_and(|src| {
                let src = src.trim_start_matches("./");
                let src = src.trim_start_matches("../");
                THEME_SCRIPTS.contains(&src)
            });
            let body_end = html.as_bytes()[i..]
                .windows(8)
                .position(|w| w.eq_ignore_ascii_case(b"</script"))
                .map_or(html.len(), |e| i + e);
            let body = html.get(i + 1..body_end).unwrap_or_default();
            if !theirs || !body.trim().is_empty() {
                let key = match get("src") {
                    Some(src) if !theirs => src.trim_start_matches("../").to_string(),
                    _ => body.trim().chars().take(40).collect(),
                };
                return Some(Finding {
                    what: format!("a script that is not the theme's: {}", shown()),
                    tag: name,
                    key,
                });
            }
        }
        for (a, v) in &attrs {
            if a.len() > 2 && a.starts_with("on") {
                return Some(Finding {
                    what: format!("an event handler ({a}): {}", shown()),
                    tag: name,
                    key: a.clone(),
                });
            }
            if let Some(v) = v {
                let url = url_as_read(v);
                if url.starts_with("javascript:") || url.starts_with("vbscript:") {
                    let scheme = &url[..url.find(':').unwrap_or(0) + 1];
                    return Some(Finding {
                        what: format!("a {scheme} URL: {}", shown()),
                        tag: name,
                        key: v.trim().chars().take(40).collect(),
                    });
                }
            }
        }
        if name == "meta"
            && get("http-equiv").is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh"))
        {
            return Some(Finding {
                what: format!("a refresh: {}", shown()),
                tag: name,
                key: "refresh".into(),
            });
        }
    }
    None
}

/// Where in the overrides a finding came from: the first line that holds its tag
/// and key, else its key, else its tag; None when no override holds any of them.
pub fn source_line(overrides: &[(String, String)], f: &Finding) -> Option<(String, usize)> {
    let key = f.key.to_lowercase();
    let tag = format!("<{}", f.tag);
    let find = |test: &dyn Fn(&str) -> bool| {
        overrides.iter().find_map(|(name, text)| {
            text.lines()
                .position(|l| test(&l.to_lowercase()))
                .map(|n| (name.clone(), n + 1))
        })
    };
    let has_key = |l: &str| !key.is_empty() && l.contains(&key);
    find(&|l| l.contains(&tag) && has_key(l))
        .or_else(|| find(&has_key))
        .or_else(|| find(&|l| l.contains(&tag)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_themes_scripts_and_no_handlers_urls_or_refresh() {
        let fine = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><!-- <script>x</script> -->\
                    <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"></head>\
                    <body><p title=\"on=1 onclick=x\">&lt;script&gt; onload=</p><a href=\"https://x.example/\">x</a>\
                    <script src=\"../lifeboat.js\"></script><script src=\"search.js\"></script></body></html>";
        assert_eq!(active_markup(fine), None);
        for bad in [
            "<script src=\"../assets/x.js\"></script>",
            "<SCRIPT SRC='assets/x.js'></SCRIPT>",
            "<script src=\"lifeboat.js\">alert(1)</script>",
            "<script>alert(1)</script>",
            "<svg><script>alert(1)</script></svg>",
            "<img src=x onerror=alert(1)>",
            "<body onload=\"x()\">",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"&#106;avascript&colon;alert(1)\">x</a>",
            "<a href=\"java&#x09;script:alert(1)\">x</a>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "<meta http-equiv=Refresh content=0>",
            "<div/onmouseover='x'>",
        ] {
            assert!(active_markup(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn finds_includes_and_macros_that_recurse() {
        let ok = [
            (
                "layout.html",
                "{% include \"part.html\" %}{{ content | safe }}",
            ),
            ("part.html", "{% import \"m.html\" as m %}{{ m::x(a=1) }}"),
            (
                "m.html",
                "{% macro x(a) %}{{ self::y() }}{% endmacro x %}{% macro y() %}y{% endmacro %}",
            ),
        ];
        assert_eq!(find_recursion(&ok), None);
        let own = [("health.html", "{%- include 'health.html' -%}")];
        assert_eq!(
            find_recursion(&own).as_deref(),
            Some("health.html -> health.html")
        );
        let pair = [
            ("a.html", "{% extends \"b.html\" %}"),
            (
                "b.html",
                "{% include [\"x.html\", \"a.html\"] ignore missing %}",
            ),
        ];
        assert_eq!(
            find_recursion(&pair).as_deref(),
            Some("a.html -> b.html -> a.html")
        );
        let mac = [(
            "h.html",
            "{% macro m(n) %}{{ self::m(n=n) }}{% endmacro m %}{{ self::m(n=1) }}",
        )];
        assert_eq!(
            find_recursion(&mac).as_deref(),
            Some("h.html::m -> h.html::m")
        );
    }
}

#[cfg(test)]
mod never_panics {
    use proptest::prelude::*;

    proptest! {
        /// Whatever a template holds, the guard answers (no slicing inside a character).
        #[test]
        fn on_any_template(text in "(\\{\\{|\\{%|%\\}|\\}\\}|::|[a-zé«» ()\"'~-]){0,40}") {
            let _ = super::find_recursion(&[("a.html", text.as_str()), ("é.html", "{% include \"a.html\" %}")]);
        }

        /// Whatever a page holds, the markup check answers.
        #[test]
        fn markup_check_on_any_page(text in "(<|>|<script|</script|=|\"|'|&#|;|on|/|é|[a-z ]){0,60}") {
            if let Some(f) = super::active_markup(&text) {
                let _ = super::source_line(&[("a.html".into(), text.clone())], &f);
            }
        }
    }
}
