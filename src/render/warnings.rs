//! The warnings of `check`, each with the item it is about, for the plan health page.

use crate::diagnostic::{Diagnostic, Location, Report, Severity, capped, report};
use crate::html::clean;
use crate::model::{ItemRef, Kind, Plan};
use crate::source::{FileId, Sources};

/// A warning of `check`, with the item it concerns.
pub struct Warning {
    pub report: Report,
    pub item: Option<ItemRef>,
}

/// The warnings among `diagnostics`, sorted as `check` prints them, each with the
/// item whose text holds its place. Without `include_private`, a warning that quotes
/// a private value keeps its code and place but not its message.
pub fn warnings(
    plan: &Plan,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    include_private: bool,
) -> Vec<Warning> {
    // Items by file and start: the item holding a place is the last that starts before it.
    let mut starts: Vec<(FileId, u32, ItemRef)> = plan
        .items()
        .filter(|(r, _)| r.kind != Kind::Card)
        .map(|(r, head)| (head.at.file, head.at.start, r))
        .collect();
    starts.sort_unstable_by_key(|s| (s.0, s.1));
    // As `check` shows them: at most MAX_PER_FILE a file, and a count of the rest
    // (see `crate::diagnostic::MAX_PER_FILE`).
    let warnings: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Warning)
        .cloned()
        .collect();
    let (kept, counts) = capped(&warnings, sources);
    let counts = counts
        .into_iter()
        .map(|report| Warning { report, item: None });
    let mut out: Vec<Warning> = kept
        .into_iter()
        .map(|d| {
            let item = match d.location {
                Location::At(span) => {
                    let end = starts.partition_point(|s| (s.0, s.1) <= (span.file, span.start));
                    end.checked_sub(1)
                        .map(|i| starts[i])
                        .filter(|s| s.0 == span.file)
                        .map(|s| s.2)
                }
                _ => None,
            };
            let mut report = report(d, sources);
            report.message = without_relative_days(&clean(&report.message));
            if d.private && !include_private {
                report.message = format!(
                    "{} in a private detail, left out of this site (built without \
                     --include-private): run `lifeboat check` to see it",
                    d.code.as_str()
                );
            }
            Warning { report, item }
        })
        .chain(counts)
        .collect();
    out.sort_by(|a, b| {
        let key = |w: &Warning| {
            let r = &w.report;
            (r.file.clone(), r.line, r.column, r.code, r.message.clone())
        };
        key(a).cmp(&key(b))
    });
    out.dedup_by(|a, b| a.report == b.report);
    out
}

/// A message without "(52 days from now)": true only on the day of the build, while
/// the site is read weeks later. The page shows the date, and the reader's browser
/// says how far it is from today.
fn without_relative_days(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(" (") {
        let after = &rest[at + 2..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let tail = &after[digits..];
        if digits > 0 && tail.starts_with(" days from now)") {
            out.push_str(&rest[..at]);
            rest = &tail[" days from now)".len()..];
        } else {
            out.push_str(&rest[..at + 2]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn relative_days_are_left_to_the_reader() {
        assert_eq!(
            super::without_relative_days("ends on 2027-01-31 (68 days from now); (x) (3 days)"),
            "ends on 2027-01-31; (x) (3 days)"
        );
    }
}

#[cfg(test)]
mod never_panics {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn on_any_message(text in "([0-9]{1,3}| \\(| days from now\\)|é|2027-01-31|[a-z ])*") {
            // No panic; the text only ever gets shorter.
            let out = super::without_relative_days(&text);
            prop_assert!(out.len() <= text.len());
            let _ = crate::render::views::dates_marked(&text);
        }
    }
}
