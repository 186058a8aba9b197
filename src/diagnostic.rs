//! The one diagnostic type every stage reports with, and its text and JSON forms.

use crate::source::{FileId, Sources, Span};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The stable diagnostic codes of the plan format (spec section 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    Syntax,
    UnknownField,
    MissingField,
    InvalidValue,
    DuplicateId,
    UnknownReference,
    DependencyCycle,
    CallTreeShape,
    RtoInversion,
    RpoInversion,
    ProcessRto,
    VendorRestore,
    NoRunbook,
    NotExercised,
    PlanReviewOverdue,
    ContractEnding,
    FindingOverdue,
    NoPhone,
    PhoneFormat,
    MtdBudget,
    ContactUnverified,
    Unowned,
    UnreadableFile,
    MissingAsset,
    UnknownTemplate,
    ActiveContent,
    StrayFile,
    IncompleteLocale,
    UnapprovedChanges,
    DuplicateCopy,
    Untrained,
}

impl Code {
    pub const ALL: [Code; 31] = [
        Code::Syntax,
        Code::UnknownField,
        Code::MissingField,
        Code::InvalidValue,
        Code::DuplicateId,
        Code::UnknownReference,
        Code::DependencyCycle,
        Code::CallTreeShape,
        Code::RtoInversion,
        Code::RpoInversion,
        Code::ProcessRto,
        Code::VendorRestore,
        Code::NoRunbook,
        Code::NotExercised,
        Code::PlanReviewOverdue,
        Code::ContractEnding,
        Code::FindingOverdue,
        Code::NoPhone,
        Code::PhoneFormat,
        Code::MtdBudget,
        Code::ContactUnverified,
        Code::Unowned,
        Code::UnreadableFile,
        Code::MissingAsset,
        Code::UnknownTemplate,
        Code::ActiveContent,
        Code::StrayFile,
        Code::IncompleteLocale,
        Code::UnapprovedChanges,
        Code::DuplicateCopy,
        Code::Untrained,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::UnknownField => "unknown-field",
            Code::MissingField => "missing-field",
            Code::InvalidValue => "invalid-value",
            Code::DuplicateId => "duplicate-id",
            Code::UnknownReference => "unknown-reference",
            Code::DependencyCycle => "dependency-cycle",
            Code::CallTreeShape => "call-tree-shape",
            Code::RtoInversion => "rto-inversion",
            Code::RpoInversion => "rpo-inversion",
            Code::ProcessRto => "process-rto",
            Code::VendorRestore => "vendor-restore",
            Code::NoRunbook => "no-runbook",
            Code::NotExercised => "not-exercised",
            Code::PlanReviewOverdue => "plan-review-overdue",
            Code::ContractEnding => "contract-ending",
            Code::FindingOverdue => "finding-overdue",
            Code::NoPhone => "no-phone",
            Code::PhoneFormat => "phone-format",
            Code::MtdBudget => "mtd-budget",
            Code::ContactUnverified => "contact-unverified",
            Code::Unowned => "unowned",
            Code::UnreadableFile => "unreadable-file",
            Code::MissingAsset => "missing-asset",
            Code::UnknownTemplate => "unknown-template",
            Code::ActiveContent => "active-content",
            Code::StrayFile => "stray-file",
            Code::IncompleteLocale => "incomplete-locale",
            Code::UnapprovedChanges => "unapproved-changes",
            Code::DuplicateCopy => "duplicate-copy",
            Code::Untrained => "untrained",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Code::Syntax
            | Code::UnknownField
            | Code::MissingField
            | Code::InvalidValue
            | Code::DuplicateId
            | Code::UnknownReference
            | Code::DependencyCycle
            | Code::CallTreeShape
            | Code::ActiveContent
            | Code::DuplicateCopy => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

/// Where a diagnostic points: a file, and a byte offset in it when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A whole file, e.g. one that is not UTF-8.
    File(FileId),
    /// A path relative to the plan folder that has no loaded file (e.g. a missing plan.toml).
    Path(String),
    At(Span),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub message: String,
    pub location: Location,
    /// The message quotes a private value (`[contact.private]`): a site built without
    /// `--include-private` shows the warning without it.
    pub private: bool,
}

impl Diagnostic {
    pub fn new(code: Code, location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            location,
            private: false,
        }
    }

    /// The same diagnostic, marked as quoting a private value.
    pub fn quoting_private(mut self, private: bool) -> Self {
        self.private = private;
        self
    }

    pub fn at(code: Code, span: Span, message: impl Into<String>) -> Self {
        Self::new(code, Location::At(span), message)
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }
}

/// A diagnostic with its position worked out: what `check` prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}[{}]: ", self.code)?;
        if let Some(file) = &self.file {
            write!(f, "{}", Shown(file))?;
            if let (Some(line), Some(column)) = (self.line, self.column) {
                write!(f, ":{line}:{column}")?;
            }
            write!(f, ": ")?;
        }
        write!(f, "{}", Shown(&self.message))
    }
}

/// Text from a plan as a terminal should show it: control characters (a phone
/// number can hold an escape sequence that clears the screen) and bidirectional
/// overrides written as escapes (`\u{1b}`), never sent as they are.
pub struct Shown<'a>(pub &'a str);

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for c in self.0.chars() {
            let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            if c.is_control() || bidi {
                write!(f, "{}", c.escape_unicode())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// At most this many diagnostics are shown for one file; a count stands for the rest.
pub const MAX_PER_FILE: usize = 200;

/// Works out file, line and column of every diagnostic and sorts them by file,
/// line and column (diagnostics without a file come first). A file with more than
/// [`MAX_PER_FILE`] diagnostics shows its first ones and a count of the rest, so
/// that a million faults in one file cost no more than their number.
///
/// A syntax error comes first: reports are sorted with syntax errors before all
/// others. While a file does not parse, the items it would define are unknown, so
/// that `unknown-reference` is not reported at all (see [`held_back`], which says
/// how many were held back); it would bury the one real error under false ones.
pub fn reports(diagnostics: &[Diagnostic], sources: &Sources) -> Vec<Report> {
    let kept: Vec<Diagnostic>;
    let diagnostics = if held_back(diagnostics) > 0 {
        kept = diagnostics
            .iter()
            .filter(|d| d.code != Code::UnknownReference)
            .cloned()
            .collect();
        &kept[..]
    } else {
        diagnostics
    };
    let (shown, counts) = capped(diagnostics, sources);
    let mut out: Vec<Report> = shown.iter().map(|d| report(d, sources)).collect();
    out.extend(counts);
    sort_reports(&mut out);
    out.dedup();
    out
}

/// The diagnostics to show, at most [`MAX_PER_FILE`] a file (the first by place),
/// and for each file with more, a report that counts the rest. No line or column
/// is worked out here.
pub fn capped<'d>(
    diagnostics: &'d [Diagnostic],
    sources: &Sources,
) -> (Vec<&'d Diagnostic>, Vec<Report>) {
    let file_of = |d: &Diagnostic| match &d.location {
        Location::At(s) => Some(s.file),
        Location::File(f) => Some(*f),
        Location::Path(_) => None,
    };
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by_key(|d| {
        let start = match &d.location {
            Location::At(s) => s.start,
            _ => 0,
        };
        (file_of(d), start)
    });
    let mut shown = Vec::with_capacity(sorted.len().min(4 * MAX_PER_FILE));
    let mut counts = Vec::new();
    for group in sorted.chunk_by(|a, b| file_of(a) == file_of(b)) {
        let file = file_of(group[0]);
        let keep = if file.is_some() {
            group.len().min(MAX_PER_FILE)
        } else {
            group.len()
        };
        shown.extend_from_slice(&group[..keep]);
        if let (Some(id), [first, ..]) = (file, &group[keep..]) {
            let rest = &group[keep..];
            let errors = rest.iter().any(|d| d.severity() == Severity::Error);
            counts.push(Report {
                severity: if errors {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                code: first.code.as_str(),
                message: format!(
                    "{} more problems in this file are not shown (the first {MAX_PER_FILE} are): \
                     fix these and check again",
                    rest.len()
                ),
                file: Some(sources.get(id).path.clone()),
                line: None,
                column: None,
            });
        }
    }
    (shown, counts)
}

/// Sorts reports by file, line and column (those without a file first).
fn sort_reports(out: &mut [Report]) {
    let later = |r: &Report| r.code != Code::Syntax.as_str();
    out.sort_by(|a, b| {
        (
            later(a),
            &a.file,
            a.line,
            a.column,
            a.severity,
            a.code,
            &a.message,
        )
            .cmp(&(
                later(b),
                &b.file,
                b.line,
                b.column,
                b.severity,
                b.code,
                &b.message,
            ))
    });
}

/// How many references go unchecked because a file of the plan does not parse (0
/// when every file parses): the `unknown-reference` diagnostics [`reports`] leaves out.
pub fn held_back(diagnostics: &[Diagnostic]) -> usize {
    // A file of the plan that does not parse (a path alone, such as the size of
    // assets/, is no file whose items are missing).
    let unparsed = |d: &Diagnostic| {
        d.code == Code::Syntax && matches!(d.location, Location::At(_) | Location::File(_))
    };
    if !diagnostics.iter().any(unparsed) {
        return 0;
    }
    diagnostics
        .iter()
        .filter(|d| d.code == Code::UnknownReference)
        .count()
}

/// The note for references held back, if any: "note: 234 references were not
/// checked: ...".
pub fn held_back_note(diagnostics: &[Diagnostic]) -> Option<String> {
    let n = held_back(diagnostics);
    (n > 0).then(|| {
        format!(
            "{n} reference{} could not be checked while a file does not parse (the items it \
             defines are unknown until then): fix the syntax error{} above first",
            if n == 1 { "" } else { "s" },
            if diagnostics
                .iter()
                .filter(|d| d.code == Code::Syntax)
                .count()
                == 1
            {
                ""
            } else {
                "s"
            }
        )
    })
}

/// One diagnostic with its file, line and column worked out.
pub fn report(d: &Diagnostic, sources: &Sources) -> Report {
    let (file, line, column) = match &d.location {
        Location::Path(p) => (Some(p.clone()), None, None),
        Location::File(id) => (Some(sources.get(*id).path.clone()), None, None),
        Location::At(span) => {
            let f = sources.get(span.file);
            let (l, c) = f.line_column(span.start);
            (Some(f.path.clone()), Some(l), Some(c))
        }
    };
    Report {
        severity: d.severity(),
        code: d.code.as_str(),
        message: d.message.clone(),
        file,
        line,
        column,
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(word, c);
        if score > 0.8 && best.is_none_or(|(s, b)| score > s || (score == s && c < b)) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// `" (did you mean "x"?)"` or nothing.
pub fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion
        .map(|s| format!(" (did you mean \"{s}\"?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        let r = Report {
            severity: Severity::Warning,
            code: "phone-format",
            message: "phone number \"+44\u{1b}[2J\u{7}\u{202e}\" is odd".into(),
            file: Some("contacts/a\u{1b}.toml".into()),
            line: Some(1),
            column: Some(2),
        };
        let text = r.to_string();
        assert!(
            !text.chars().any(|c| c.is_control() || c == '\u{202e}'),
            "{text:?}"
        );
        assert!(text.contains("\\u{1b}[2J\\u{7}\\u{202e}"), "{text}");
    }

    #[test]
    fn closest_suggests_typos_only() {
        let ids = ["ana-ruiz", "ben-ode", "chen-li"];
        assert_eq!(closest("ana-ruis", ids), Some("ana-ruiz"));
        assert_eq!(closest("zzz", ids), None);
    }

    #[test]
    fn codes_are_unique_and_kebab_case() {
        let mut names: Vec<_> = Code::ALL.iter().map(|c| c.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        );
    }
}
