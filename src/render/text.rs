//! The catalogue in templates: `{{ t(id="x", name=value) }}` is a message as plain
//! text (tera escapes it), `{{ th(id="x", who_html=...) | safe }}` a message as HTML
//! whose `*_html` values go in as they are (the message's own text escaped).
//! A `{{ t(id="x") }}` without values is written into the template's source before
//! it is parsed: the same bytes, without a call on every page.

use crate::i18n::{Arg, Catalog};
use std::collections::HashMap;
use tera::Value;

/// `source` with each `{{ t(id="x") }}` replaced by the message's escaped text (`{`
/// and `}` written as entities, so that no message can add template syntax).
pub fn prepass(source: &str, catalog: &Catalog) -> String {
    const OPEN: &str = "{{ t(id=\"";
    const CLOSE: &str = "\") }}";
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(at) = rest.find(OPEN) {
        let after = &rest[at + OPEN.len()..];
        let Some(end) = after.find(CLOSE) else { break };
        let id = &after[..end];
        if !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            out.push_str(&rest[..at + OPEN.len()]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..at]);
        out.push_str(
            &crate::html::escape(&catalog.text(id))
                .replace('{', "&#123;")
                .replace('}', "&#125;"),
        );
        rest = &after[end + CLOSE.len()..];
    }
    out.push_str(rest);
    out
}

/// Registers `t` and `th` on `tera`.
pub fn register(tera: &mut tera::Tera, catalog: &Catalog) {
    let c = catalog.clone();
    tera.register_function("t", move |args: &HashMap<String, Value>| {
        let (id, args) = arguments(args)?;
        Ok(Value::String(c.format(&id, &args)))
    });
    let c = catalog.clone();
    tera.register_function("th", move |args: &HashMap<String, Value>| {
        let (id, args) = arguments(args)?;
        Ok(Value::String(c.html(&id, &args)))
    });
}

fn arguments(args: &HashMap<String, Value>) -> tera::Result<(String, Vec<(&str, Arg)>)> {
    let id = args
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| tera::Error::msg("t() and th() need id=\"message-id\""))?
        .to_string();
    let mut out: Vec<(&str, Arg)> = Vec::with_capacity(args.len());
    for (name, v) in args {
        if name == "id" {
            continue;
        }
        let (name, html) = match name.strip_suffix("_html") {
            Some(n) => (n, true),
            None => (name.as_str(), false),
        };
        let arg = match v {
            Value::String(s) if html => Arg::Html(s.clone()),
            Value::String(s) => Arg::Text(s.clone()),
            Value::Number(n) => Arg::Number(n.as_f64().unwrap_or(0.0)),
            Value::Null => Arg::Text(String::new()),
            other => Arg::Text(other.to_string()),
        };
        out.push((name, arg));
    }
    Ok((id, out))
}
