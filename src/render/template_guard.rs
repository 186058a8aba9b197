//! What templates may not do: include, extend or import themselves (directly or
//! through others), or call a macro that calls itself. Tera would recurse until the
//! stack overflows and the process aborts; here it is a template error instead.

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

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
