//! The interface's language: every word the site shows that is not the plan's own
//! comes from a Project Fluent catalogue (`themes/default/locales/LANG.ftl`, built
//! in for en, de, fr, es and nl), chosen by `language` in plan.toml. A plan's
//! `locales/LANG.ftl` overrides or adds messages for its language; whatever neither
//! gives falls back to English.
//!
//! A leaf: it knows Fluent, not the plan. `load` reads the plan's files and judges
//! them with [`problems`]; `render` draws with a [`Catalog`].

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// The built-in catalogues, English first: every message exists in English.
pub const BUILT_IN: [(&str, &str); 5] = [
    ("en", include_str!("../../themes/default/locales/en.ftl")),
    ("de", include_str!("../../themes/default/locales/de.ftl")),
    ("fr", include_str!("../../themes/default/locales/fr.ftl")),
    ("es", include_str!("../../themes/default/locales/es.ftl")),
    ("nl", include_str!("../../themes/default/locales/nl.ftl")),
];

/// Messages the theme's scripts use besides those named `js-*`.
const SCRIPT_EXTRA: &[&str] = &["log-time", "log-decision", "log-by"];

/// The messages the theme's scripts use, handed to them with the page's script
/// (`lifeboat.js` starts with them): those named `js-*` and a few the pages share.
/// Those with a `$n` are given in every plural form of the language, for the script
/// to pick with `Intl.PluralRules`.
pub fn script_message_ids() -> Vec<&'static str> {
    let mut out: Vec<&str> = message_ids()
        .into_iter()
        .filter(|id| id.starts_with("js-"))
        .collect();
    out.extend(SCRIPT_EXTRA);
    out
}

/// The built-in catalogue of `lang` (its primary language: `de-CH` is `de`).
pub fn built_in(lang: &str) -> Option<&'static str> {
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    BUILT_IN
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(lang) || l.eq_ignore_ascii_case(primary))
        .map(|(_, text)| *text)
}

/// Whether `lang` is written right to left (Hebrew, Arabic, Persian, Urdu, ...): its
/// script subtag when it names one (`az-Arab` is, `ku-Latn` is not), else its
/// primary language. The pages then say `dir="rtl"`; numbers stay left to right.
pub fn right_to_left(lang: &str) -> bool {
    const SCRIPTS: &[&str] = &[
        "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr", "mend",
    ];
    const LANGUAGES: &[&str] = &[
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "pnb", "ps", "sd", "syr", "ug", "ur",
        "yi", "ji", "nqo",
    ];
    let mut parts = lang.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    let script = parts.find(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic()));
    match script {
        Some(s) => SCRIPTS.iter().any(|r| r.eq_ignore_ascii_case(s)),
        None => LANGUAGES.iter().any(|l| l.eq_ignore_ascii_case(primary)),
    }
}

/// The file of a plan's `locales/` folder that speaks `lang`: `LANG.ftl`, else the
/// primary language's (`de.ftl` for `de-CH`).
pub fn plan_file<'f>(lang: &str, files: &'f [(String, String)]) -> Option<&'f (String, String)> {
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    let named = |l: &str| {
        files.iter().find(|(name, _)| {
            name.strip_suffix(".ftl")
                .is_some_and(|n| n.eq_ignore_ascii_case(l))
        })
    };
    named(lang).or_else(|| named(primary))
}

/// Every message id of the English catalogue, in its order.
pub fn message_ids() -> Vec<&'static str> {
    ids(BUILT_IN[0].1)
}

fn ids(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let Some((head, _)) = line.split_once('=') else {
            continue;
        };
        let head = head.trim_end();
        if !head.is_empty()
            && head.starts_with(|c: char| c.is_ascii_alphabetic())
            && head
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            out.push(head);
        }
    }
    out
}

/// A problem of a plan's `.ftl` file: where (byte range) and what.
pub struct Problem {
    pub range: std::ops::Range<usize>,
    pub message: String,
}

/// What is wrong with the text of a plan's `.ftl` file: its syntax errors, each at
/// the place it breaks (the messages that parse are still used).
pub fn problems(text: &str) -> Vec<Problem> {
    match FluentResource::try_new(text.to_string()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors
            .into_iter()
            .map(|e| Problem {
                range: e
                    .slice
                    .clone()
                    .map_or(e.pos.clone(), |s| e.pos.start..s.end.max(e.pos.end)),
                message: format!(
                    "this Fluent message does not parse ({}); write `id = text`, with \
                     placeables as {{ $name }} (see `lifeboat locale export en`)",
                    e.kind
                ),
            })
            .collect(),
    }
}

/// The values message `date` is given (each language takes the ones its form
/// needs): see [`Catalog::date`].
pub const DATE_VALUES: [&str; 5] = ["year", "mm", "dd", "day", "month"];

/// What of a plan's `.ftl` file (`text`, the file for the catalogue's language)
/// cannot be shown: a message that refers to a message, term or function that is
/// not there, back to itself, or expands too far. Shown, such a message would read
/// `{id}`. Each at the line of the message.
pub fn unresolved(catalog: &Catalog, text: &str) -> Vec<Problem> {
    use fluent_bundle::FluentError;
    use fluent_bundle::resolver::{ResolverError, errors::ReferenceKind};
    let bundle = &catalog.0.bundle;
    let theme_ids: std::collections::HashSet<&str> = message_ids().into_iter().collect();
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let Some(id) = ids(line).first().copied() else {
            continue;
        };
        if !seen.insert(id) {
            continue;
        }
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let _ = bundle.format_pattern(pattern, None, &mut errors);
        // Values are given when the message is shown: those of English's message
        // (a message the plan adds, for its own templates, may take any). Without
        // them, the default variant is read, which is what this looks at.
        let theme = theme_ids.contains(id);
        let given = if id == "date" {
            DATE_VALUES.iter().map(|v| v.to_string()).collect()
        } else {
            placeables_in(BUILT_IN[0].1, id)
        };
        let why = errors.iter().find_map(|e| match e {
            FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable {
                id: v,
            })) if !theme || given.contains(v) => None,
            FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable {
                id: v,
            })) => Some(format!(
                "`${v}` is not one of its values, which are: {}",
                if given.is_empty() {
                    "none".to_string()
                } else {
                    given
                        .iter()
                        .map(|g| format!("${g}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            )),
            FluentError::ResolverError(ResolverError::Cyclic) => {
                Some("it refers back to itself".to_string())
            }
            FluentError::ResolverError(ResolverError::TooManyPlaceables) => {
                Some("it expands to too many placeables".to_string())
            }
            FluentError::ResolverError(r) => Some(r.to_string()),
            other => Some(other.to_string()),
        });
        if let Some(why) = why {
            out.push(Problem {
                range: start..start + line.trim_end().len(),
                message: format!(
                    "message `{id}` cannot be shown as written ({why}): pages would show `{{…}}` \
                     in its place; use only the values and messages `lifeboat locale export en` \
                     shows for it, and do not refer back to the message itself"
                ),
            });
        }
    }
    out
}

/// How many English messages a catalogue for `lang` (built in, with the plan's
/// file) leaves untranslated: 0 for a built-in language.
pub fn missing(lang: &str, plan_text: Option<&str>) -> usize {
    if built_in(lang).is_some() {
        return 0;
    }
    let given: std::collections::HashSet<&str> =
        plan_text.map(ids).unwrap_or_default().into_iter().collect();
    message_ids()
        .iter()
        .filter(|id| !given.contains(*id))
        .count()
}

/// `lifeboat locale export LANG`: every message of the catalogue for LANG, English
/// where LANG is not built in (nor has the message), as one `.ftl` file.
pub fn export(lang: &str) -> String {
    let english = BUILT_IN[0].1;
    let Some(own) = built_in(lang) else {
        return format!(
            "# lifeboat interface messages for \"{lang}\": not built in, so every message is \
             the English one.\n# Translate the text after each `=`, keep every {{ $placeable }} \
             and save it as locales/{lang}.ftl in the plan.\n\n{english}"
        );
    };
    if own == english {
        return english.to_string();
    }
    // Messages the language lacks (none, for a complete built-in one) are added in
    // English at the end.
    let have: std::collections::HashSet<&str> = ids(own).into_iter().collect();
    let res = FluentResource::try_new(english.to_string()).ok();
    let mut out = own.to_string();
    if let Some(res) = res {
        let missing: Vec<&str> = ids(english)
            .into_iter()
            .filter(|id| !have.contains(id))
            .collect();
        if !missing.is_empty() {
            out.push_str("\n# Not yet translated: the English text.\n");
            for entry in res.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry
                    && missing.contains(&m.id.name)
                {
                    out.push_str(&fluent_syntax::serializer::serialize(
                        &fluent_syntax::ast::Resource {
                            body: vec![fluent_syntax::ast::Entry::Message(m.clone())],
                        },
                    ));
                }
            }
        }
    }
    out
}

/// A value for a message's placeable.
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(f64),
    /// HTML, inserted as it is into [`Catalog::html`]'s output (already escaped).
    Html(String),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as f64)
    }
}

/// The interface messages of one language, ready to format from any thread.
#[derive(Clone)]
pub struct Catalog(Arc<Inner>);

struct Inner {
    lang: String,
    bundle: FluentBundle<FluentResource>,
    /// Messages without placeables, formatted once.
    plain: FxHashMap<String, String>,
}

impl Catalog {
    /// The catalogue for `lang`: English, the built-in one of the language over it,
    /// the plan's file for it (`locales`: file name and text) over both.
    pub fn new(lang: &str, locales: &[(String, String)]) -> Catalog {
        let id: unic_langid::LanguageIdentifier = lang
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Pages are HTML: no Unicode isolation marks around placeables, but for a
        // language written right to left. There a value in a sentence (a version
        // "2025.2-rev.B", a date, a name in Latin letters) is set apart from the
        // words around it; without the marks "גרסה 2026.11-Entwurf-3" read
        // "Entwurf-3-2026.11".
        bundle.set_use_isolating(right_to_left(lang));
        // NUMBER(), which Fluent's own documentation uses for plurals and ordinals.
        let _ = bundle.add_builtins();
        let mut texts: Vec<String> = vec![BUILT_IN[0].1.to_string()];
        if let Some(own) = built_in(lang).filter(|t| *t != BUILT_IN[0].1) {
            texts.push(own.to_string());
        }
        if let Some((_, text)) = plan_file(lang, locales) {
            texts.push(text.clone());
        }
        for text in texts {
            // A file with errors still gives the messages that parse (the errors
            // are the loader's diagnostics).
            let res = match FluentResource::try_new(text) {
                Ok(r) => r,
                Err((r, _)) => r,
            };
            bundle.add_resource_overriding(res);
        }
        let mut plain = FxHashMap::default();
        for id in message_ids() {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            if errors.is_empty() {
                plain.insert(id.to_string(), text.into_owned());
            }
        }
        Catalog(Arc::new(Inner {
            lang: lang.to_string(),
            bundle,
            plain,
        }))
    }

    /// The English catalogue.
    pub fn english() -> Catalog {
        Catalog::new("en", &[])
    }

    pub fn lang(&self) -> &str {
        &self.0.lang
    }

    /// The text of a message without placeables (its id when there is no such
    /// message, which the catalogue test rules out for the theme's ids).
    pub fn text(&self, id: &str) -> String {
        match self.0.plain.get(id) {
            Some(t) => t.clone(),
            None => self.format(id, &[]),
        }
    }

    /// A value of one of the format's fixed vocabularies (a runbook's `kind`, an
    /// exercise's `status`) in the interface's words: message `<group>-<value>`.
    pub fn word(&self, group: &str, value: &str) -> String {
        self.text(&format!("{group}-{value}"))
    }

    /// The plain text of a message with its placeables filled in.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.formatted(id, args, &|_, a| match a {
            Arg::Text(t) | Arg::Html(t) => FluentValue::from(t.clone()),
            Arg::Number(n) => FluentValue::from(*n),
        })
    }

    /// The message as HTML: its text escaped, with [`Arg::Html`] values inserted as
    /// they are.
    pub fn html(&self, id: &str, args: &[(&str, Arg)]) -> String {
        // Each HTML value goes in as a marker from the private use area, which the
        // escaped text cannot hold otherwise, then replaces its marker.
        let text = self.formatted(id, args, &|i, a| match a {
            // Plan text cannot pose as a marker.
            Arg::Text(t) => FluentValue::from(
                t.chars()
                    .filter(|c| !('\u{F0000}'..='\u{F00FF}').contains(c))
                    .collect::<String>(),
            ),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Html(_) => FluentValue::from(marker(i)),
        });
        let mut out = crate::html::escape(&text);
        for (i, (_, a)) in args.iter().enumerate() {
            if let Arg::Html(h) = a {
                out = out.replacen(&marker(i), h, 1);
            }
        }
        out
    }

    fn formatted(
        &self,
        id: &str,
        args: &[(&str, Arg)],
        value: &dyn Fn(usize, &Arg) -> FluentValue<'static>,
    ) -> String {
        let bundle = &self.0.bundle;
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (i, (name, a)) in args.iter().enumerate() {
            fargs.set(*name, value(i, a));
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    /// A date the language's way (`date` of the catalogue: English keeps
    /// `2026-11-24`, German writes `24. November 2026`).
    /// Its values are [`DATE_VALUES`].
    pub fn date(&self, year: i32, month: u32, day: u32) -> String {
        let month_name = self.text(&format!("month-{month}"));
        self.format(
            "date",
            &[
                ("year", Arg::Text(year.to_string())),
                ("mm", Arg::Text(format!("{month:02}"))),
                ("dd", Arg::Text(format!("{day:02}"))),
                ("day", Arg::Text(day.to_string())),
                ("month", Arg::Text(month_name)),
            ],
        )
    }

    /// The script's messages as a JavaScript object literal (JSON, with `<` written
    /// as `\u003c` so that a page may inline it): each a string, or for a message
    /// with `$n` an object of its plural forms (`one`, `other`, ...) with `{n}`
    /// where the number goes, and `{x}` for other placeables.
    pub fn script_messages(&self) -> String {
        let rules = intl_pluralrules::PluralRules::create(
            self.0
                .lang
                .parse::<unic_langid::LanguageIdentifier>()
                .unwrap_or_default(),
            intl_pluralrules::PluralRuleType::CARDINAL,
        )
        .or_else(|_| {
            intl_pluralrules::PluralRules::create(
                "en".parse::<unic_langid::LanguageIdentifier>()
                    .unwrap_or_default(),
                intl_pluralrules::PluralRuleType::CARDINAL,
            )
        })
        .ok();
        let mut map = serde_json::Map::new();
        for id in script_message_ids() {
            let vars = placeables(id);
            let named: Vec<(&str, Arg)> = vars
                .iter()
                .filter(|v| *v != "n")
                .map(|v| (v.as_str(), Arg::Text(format!("{{{v}}}"))))
                .collect();
            if !vars.iter().any(|v| v == "n") {
                map.insert(id.to_string(), self.format(id, &named).into());
                continue;
            }
            let mut forms = serde_json::Map::new();
            for (category, sample) in plural_samples(rules.as_ref()) {
                let mut args = named.clone();
                args.push(("n", Arg::Number(sample as f64)));
                let text = self.format(id, &args);
                forms.insert(
                    category.into(),
                    text.replacen(&sample.to_string(), "{n}", 1).into(),
                );
            }
            map.insert(id.to_string(), forms.into());
        }
        serde_json::Value::Object(map)
            .to_string()
            .replace('<', "\\u003c")
    }
}

fn marker(i: usize) -> String {
    format!(
        "\u{F0000}{}\u{F0001}",
        char::from_u32(0xF0010 + i as u32).unwrap_or('\u{F0010}')
    )
}

/// The placeables (`$x`) of an English message.
fn placeables(id: &str) -> Vec<String> {
    placeables_in(BUILT_IN[0].1, id)
}

/// The placeables (`$x`) of message `id` in a catalogue's text, in order.
pub(crate) fn placeables_in(catalogue: &str, id: &str) -> Vec<String> {
    let mut lines = catalogue
        .lines()
        .skip_while(|l| l.split_once('=').is_none_or(|(h, _)| h.trim_end() != id));
    let mut text = String::new();
    if let Some(first) = lines.next() {
        text.push_str(first);
        for l in lines {
            // An indented line, or the `}` that closes a select expression.
            if l.starts_with([' ', '}']) || l.is_empty() {
                text.push('\n');
                text.push_str(l);
            } else {
                break;
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find('$') {
        rest = &rest[at + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// A number of each plural category of the language (CLDR: zero, one, two, few,
/// many, other), the smallest that has it.
fn plural_samples(rules: Option<&intl_pluralrules::PluralRules>) -> Vec<(&'static str, u64)> {
    use intl_pluralrules::PluralCategory as C;
    let mut out: Vec<(&'static str, u64)> = Vec::new();
    let Some(rules) = rules else {
        return vec![("one", 1), ("other", 2)];
    };
    for n in (0u64..=200).chain([1000, 1_000_000]) {
        let Ok(c) = rules.select(n) else { continue };
        let name = match c {
            C::ZERO => "zero",
            C::ONE => "one",
            C::TWO => "two",
            C::FEW => "few",
            C::MANY => "many",
            C::OTHER => "other",
        };
        if !out.iter().any(|(k, _)| *k == name) {
            out.push((name, n));
        }
    }
    out
}

#[cfg(test)]
mod tests;
