//! Reading one TOML table into typed values, with a diagnostic for every key the
//! format does not have, every required key that is absent and every bad value.

use crate::diagnostic::{Code, Diagnostic, closest, did_you_mean};
use crate::model::{Date, Duration};
use crate::source::{FileId, Span, Spanned};
use toml::de::{DeTable, DeValue};

type TomlValue<'i> = toml::Spanned<DeValue<'i>>;

/// Where the table being read sits: its file and how far into the file its TOML starts
/// (a Markdown front matter block starts after the `+++` line).
#[derive(Clone, Copy)]
pub struct Origin {
    pub file: FileId,
    pub base: usize,
}

impl Origin {
    pub fn span(self, range: std::ops::Range<usize>) -> Span {
        Span::new(self.file, range).shifted(self.base)
    }
}

/// A table of one item (or sub-item) being read. Call [`Fields::finish`] at the end
/// to report the keys nobody asked for.
pub struct Fields<'t, 'i, 'd> {
    table: &'t DeTable<'i>,
    origin: Origin,
    /// Where the item starts: missing fields are reported here.
    pub at: Span,
    /// What the table is, for messages: `service`, `finding`, `[plan]`.
    what: &'static str,
    known: &'static [&'static str],
    pub diags: &'d mut Vec<Diagnostic>,
}

impl<'t, 'i, 'd> Fields<'t, 'i, 'd> {
    pub fn new(
        table: &'t DeTable<'i>,
        origin: Origin,
        at: Span,
        what: &'static str,
        known: &'static [&'static str],
        diags: &'d mut Vec<Diagnostic>,
    ) -> Self {
        Fields {
            table,
            origin,
            at,
            what,
            known,
            diags,
        }
    }

    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// A sub-table read with the same diagnostics sink.
    pub fn nested<'u>(
        &'u mut self,
        table: &'t DeTable<'i>,
        at: Span,
        what: &'static str,
        known: &'static [&'static str],
    ) -> Fields<'t, 'i, 'u> {
        Fields::new(table, self.origin, at, what, known, self.diags)
    }

    fn get(&self, key: &str) -> Option<&'t TomlValue<'i>> {
        debug_assert!(
            self.known.contains(&key),
            "{key} is not a known key of {}",
            self.what
        );
        self.table.get(key)
    }

    fn span_of(&self, v: &TomlValue<'_>) -> Span {
        self.origin.span(v.span())
    }

    pub fn report(&mut self, code: Code, span: Span, message: String) {
        self.diags.push(Diagnostic::at(code, span, message));
    }

    fn wrong_type(&mut self, key: &str, v: &TomlValue<'_>, expected: &str) {
        let span = self.span_of(v);
        let found = v.get_ref().type_str();
        // A number or a word where text belongs (`phone = +4420...`, `tier = one`
        // is a syntax error): the same in quotes.
        let raw = match v.get_ref() {
            DeValue::Integer(i) => Some(i.as_str()),
            DeValue::Float(f) => Some(f.as_str()),
            DeValue::Boolean(b) => Some(if *b { "true" } else { "false" }),
            _ => None,
        };
        let hint = match raw {
            Some(raw) if expected == "a string" => {
                format!(": write it in quotes, {key} = \"{raw}\"")
            }
            _ => String::new(),
        };
        self.report(
            Code::InvalidValue,
            span,
            format!(
                "`{key}` of {} must be {expected}, found {found}{hint}",
                self.what
            ),
        );
    }

    pub fn missing(&mut self, key: &str) {
        let at = self.at;
        let what = self.what;
        self.report(
            Code::MissingField,
            at,
            format!("{what} has no `{key}`, which is required"),
        );
    }

    /// Whether `key` is a key of this kind of table.
    pub fn knows(&self, key: &str) -> bool {
        self.known.contains(&key)
    }

    /// Whether the table has this key at all.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn string(&mut self, key: &str) -> Option<Spanned<String>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Spanned::new(s.to_string(), self.span_of(v))),
            _ => {
                self.wrong_type(key, v, "a string");
                None
            }
        }
    }

    /// A required string; when absent (or of the wrong type) `fallback` stands in,
    /// placed at the item, so that later stages still have a value.
    pub fn required_string(&mut self, key: &str, fallback: &str) -> Spanned<String> {
        if !self.has(key) {
            self.missing(key);
        }
        self.string(key)
            .unwrap_or_else(|| Spanned::new(fallback.to_string(), self.at))
    }

    /// A list of strings (ids or text).
    pub fn strings(&mut self, key: &str) -> Vec<Spanned<String>> {
        match self.get(key) {
            Some(v) => self.strings_of(key, v),
            None => Vec::new(),
        }
    }

    /// `v`, the value of `key`, as a list of strings.
    pub fn strings_of(&mut self, key: &str, v: &TomlValue<'_>) -> Vec<Spanned<String>> {
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(key, v, "a list of strings, e.g. [\"a\", \"b\"]");
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Spanned::new(s.to_string(), self.span_of(item))),
                _ => self.wrong_type(key, item, "a list of strings"),
            }
        }
        out
    }

    pub fn integer(
        &mut self,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<Spanned<i64>> {
        let v = self.get(key)?;
        let DeValue::Integer(i) = v.get_ref() else {
            self.wrong_type(key, v, "a whole number");
            return None;
        };
        let span = self.span_of(v);
        match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
            Ok(n) if range.contains(&n) => Some(Spanned::new(n, span)),
            _ => {
                let msg = format!(
                    "`{key}` of {} must be from {} to {}, found {}",
                    self.what,
                    range.start(),
                    range.end(),
                    i.as_str()
                );
                self.report(Code::InvalidValue, span, msg);
                None
            }
        }
    }

    pub fn boolean(&mut self, key: &str) -> Option<Spanned<bool>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(Spanned::new(*b, self.span_of(v))),
            _ => {
                self.wrong_type(key, v, "true or false");
                None
            }
        }
    }

    pub fn duration(&mut self, key: &str) -> Option<Spanned<Duration>> {
        let v = self.get(key)?;
        let DeValue::String(s) = v.get_ref() else {
            self.wrong_type(key, v, "a duration string such as \"4h\"");
            return None;
        };
        let span = self.span_of(v);
        match Duration::parse(s) {
            Ok(d) => Some(Spanned::new(d, span)),
            Err(e) => {
                let what = self.what;
                self.report(Code::InvalidValue, span, format!("`{key}` of {what}: {e}"));
                None
            }
        }
    }

    /// A TOML date or date-time (its date is kept); `"YYYY-MM-DD"` in quotes is accepted too.
    pub fn date(&mut self, key: &str) -> Option<Spanned<Date>> {
        let v = self.get(key)?;
        let span = self.span_of(v);
        let date = match v.get_ref() {
            DeValue::Datetime(dt) => dt
                .date
                .and_then(|d| Date::new(i32::from(d.year), d.month, d.day)),
            DeValue::String(s) => Date::parse(s),
            _ => {
                self.wrong_type(key, v, "a date such as 2026-10-01");
                return None;
            }
        };
        if date.is_none() {
            let what = self.what;
            self.report(
                Code::InvalidValue,
                span,
                format!("`{key}` of {what} is not a date: write it as YYYY-MM-DD, e.g. 2026-10-01"),
            );
        }
        date.map(|d| Spanned::new(d, span))
    }

    /// A string that must be one of `allowed`.
    pub fn choice(&mut self, key: &str, allowed: &[&str]) -> Option<Spanned<String>> {
        let s = self.string(key)?;
        if allowed.contains(&s.value.as_str()) {
            return Some(s);
        }
        let hint = did_you_mean(closest(&s.value, allowed.iter().copied()));
        let msg = format!(
            "`{key}` of {} is \"{}\", which is not one of {}{hint}",
            self.what,
            s.value,
            allowed.join(", ")
        );
        self.report(Code::InvalidValue, s.span, msg);
        None
    }

    /// A list of choices.
    pub fn choices(&mut self, key: &str, allowed: &[&str]) -> Vec<Spanned<String>> {
        let list = self.strings(key);
        let mut out = Vec::with_capacity(list.len());
        for s in list {
            if allowed.contains(&s.value.as_str()) {
                out.push(s);
            } else {
                let hint = did_you_mean(closest(&s.value, allowed.iter().copied()));
                let msg = format!(
                    "`{key}` of {} has \"{}\", which is not one of {}{hint}",
                    self.what,
                    s.value,
                    allowed.join(", ")
                );
                self.report(Code::InvalidValue, s.span, msg);
            }
        }
        out
    }

    /// A table (`[x]` or an inline table).
    pub fn table(&mut self, key: &str) -> Option<(&'t DeTable<'i>, Span)> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some((t, self.span_of(v))),
            _ => {
                self.wrong_type(key, v, "a table");
                None
            }
        }
    }

    /// An array of tables (`[[x]]` or a list of inline tables).
    pub fn tables(&mut self, key: &str) -> Vec<(&'t DeTable<'i>, Span)> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(key, v, &format!("an array of tables, written [[{key}]]"));
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, self.span_of(item))),
                _ => self.wrong_type(key, item, "a table"),
            }
        }
        out
    }

    /// Reports every key of the table that the format does not have.
    pub fn finish(self) {
        for (key, _) in self.table.iter() {
            let name: &str = key.get_ref();
            if self.known.contains(&name) {
                continue;
            }
            let hint = did_you_mean(closest(name, self.known.iter().copied()));
            let span = self.origin.span(key.span());
            self.diags.push(Diagnostic::at(
                Code::UnknownField,
                span,
                format!("unknown field `{name}` in {}{hint}", self.what),
            ));
        }
    }
}
