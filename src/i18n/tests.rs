use super::*;

/// The placeables of a message, sorted (translations may reorder them).
fn placeables_in(text: &str, id: &str) -> Vec<String> {
    let mut out = super::placeables_in(text, id);
    out.sort();
    out
}

#[test]
fn every_built_in_catalogue_parses_and_has_every_message_with_its_placeables() {
    let english = BUILT_IN[0].1;
    let ids = message_ids();
    assert!(ids.len() > 300, "{} messages", ids.len());
    for (lang, text) in BUILT_IN {
        assert!(
            FluentResource::try_new(text.to_string()).is_ok(),
            "{lang}.ftl does not parse: {:?}",
            FluentResource::try_new(text.to_string())
                .err()
                .map(|(_, e)| e)
        );
        let own = super::ids(text);
        let mut seen = std::collections::HashSet::new();
        for id in &own {
            assert!(seen.insert(*id), "{lang}.ftl has {id} twice");
            assert!(ids.contains(id), "{lang}.ftl has {id}, which English lacks");
        }
        for id in &ids {
            assert!(own.contains(id), "{lang}.ftl lacks {id}");
            if *id == "date" {
                // A date is offered as year, mm, dd, day and month (the name):
                // each language takes the ones its form needs.
                let offered = DATE_VALUES;
                let used = placeables_in(text, id);
                assert!(
                    used.iter().all(|p| offered.contains(&p.as_str())),
                    "{lang}: {used:?}"
                );
                assert!(
                    used.contains(&"year".to_string()),
                    "{lang}: a date without its year"
                );
                continue;
            }
            assert_eq!(
                placeables_in(text, id),
                placeables_in(english, id),
                "{lang}.ftl: {id} must use the placeables English uses"
            );
        }
    }
}

#[test]
fn translations_are_translations() {
    // A catalogue copied from English would pass the completeness test: at most a
    // few dozen words (RTO, SLA, A4, Service, Menu ...) may be the same as in English.
    let en = Catalog::new("en", &[]);
    for (lang, _) in &BUILT_IN[1..] {
        let c = Catalog::new(lang, &[]);
        let same: Vec<&str> = message_ids()
            .into_iter()
            .filter(|id| !id.starts_with("search-words-"))
            .filter(|id| c.text(id) == en.text(id) && c.text(id).chars().any(char::is_alphabetic))
            .collect();
        assert!(
            same.len() < 45,
            "{lang}: {} messages as in English: {same:?}",
            same.len()
        );
    }
}

#[test]
fn a_plan_file_overrides_and_falls_back_to_english() {
    let files = vec![(
        "pl.ftl".to_string(),
        "nav-start = Start planu\nhotline = Infolinia\n".to_string(),
    )];
    let c = Catalog::new("pl", &files);
    assert_eq!(c.text("nav-start"), "Start planu");
    assert_eq!(c.text("nav-runbooks"), "Runbooks");
    assert_eq!(missing("pl", Some(&files[0].1)), message_ids().len() - 2);
    assert_eq!(missing("de", None), 0);
    assert_eq!(missing("de-AT", None), 0);
    // German with a plan's change of one word.
    let de = Catalog::new(
        "de-CH",
        &[(
            "de.ftl".to_string(),
            "hotline = Notfallnummer\n".to_string(),
        )],
    );
    assert_eq!(de.text("hotline"), "Notfallnummer");
    assert_ne!(de.text("nav-runbooks"), "Runbooks");
}

#[test]
fn html_escapes_the_text_and_keeps_html_values() {
    let files = vec![(
        "xx.ftl".to_string(),
        "owner-is = <b>{ $who }</b> & co\n".to_string(),
    )];
    let c = Catalog::new("xx", &files);
    let out = c.html(
        "owner-is",
        &[("who", Arg::Html("<a href=\"x\">A</a>".into()))],
    );
    assert_eq!(out, "&lt;b&gt;<a href=\"x\">A</a>&lt;/b&gt; &amp; co");
    // Plan text cannot pose as the marker of an HTML value.
    let out = c.html(
        "owner-is",
        &[("who", Arg::Text("\u{F0000}\u{F0010}\u{F0001}<i>".into()))],
    );
    assert!(!out.contains('<') || out.starts_with("&lt;b&gt;"), "{out}");
    assert!(!out.contains("<i>"), "{out}");
}

#[test]
fn malformed_files_are_reported_where_they_break() {
    let text = "nav-start = Start\nthis is not fluent\nhotline = Hotline\n";
    let found = problems(text);
    assert_eq!(found.len(), 1);
    let line = text[..found[0].range.start].matches('\n').count() + 1;
    assert_eq!(line, 2);
    assert!(problems("nav-start = Start\n").is_empty());
}

#[test]
fn script_messages_carry_the_plural_forms_of_the_language() {
    let de: serde_json::Value =
        serde_json::from_str(&Catalog::new("de", &[]).script_messages()).unwrap_or_default();
    assert_eq!(de["js-in-days"]["one"], "(in {n} Tag)");
    assert!(
        de["js-in-days"]["other"]
            .as_str()
            .is_some_and(|s| s.contains("{n}"))
    );
    assert!(
        de["js-search-nothing"]
            .as_str()
            .is_some_and(|s| s.contains("{query}"))
    );
    let export = export("de");
    assert!(export.contains("nav-runbooks ="));
    let pl = export_for_missing();
    assert!(pl.contains("nav-runbooks = Runbooks"));
}

fn export_for_missing() -> String {
    export("pl")
}

#[test]
fn dates_read_the_languages_way() {
    assert_eq!(Catalog::new("en", &[]).date(2026, 11, 24), "2026-11-24");
    assert_eq!(
        Catalog::new("de", &[]).date(2026, 11, 24),
        "24. November 2026"
    );
    assert_eq!(Catalog::new("fr", &[]).date(2026, 11, 4), "4 novembre 2026");
    assert_eq!(
        Catalog::new("es", &[]).date(2026, 3, 1),
        "1 de marzo de 2026"
    );
    assert_eq!(
        Catalog::new("nl", &[]).date(2026, 10, 24),
        "24 oktober 2026"
    );
}

#[test]
fn right_to_left_by_script_or_language() {
    for rtl in [
        "he",
        "he-IL",
        "ar",
        "AR-eg",
        "fa",
        "ur_PK",
        "yi",
        "az-Arab",
        "pa-Arab-PK",
    ] {
        assert!(super::right_to_left(rtl), "{rtl}");
    }
    for ltr in [
        "en", "de-CH", "ku-Latn", "tr", "", "hello", "arn", "her", "ar-Latn",
    ] {
        assert!(!super::right_to_left(ltr), "{ltr}");
    }
}

#[test]
fn a_plan_file_may_use_number_and_its_own_terms_but_not_what_is_not_there() {
    let text = "-org = Fixture Org\n\
                warnings-from-check = { NUMBER($n) } Warnungen ({ -org })\n\
                nav-start = { -nowhere }\n\
                nav-runbooks = { nav-runbooks } x\n\
                hotline-call = { $label } { $number }\n\
                date = { $day }. { $month } { $year }\n\
                my-own = { $anything }\n";
    let files = [("pl.ftl".to_string(), text.to_string())];
    let c = Catalog::new("pl", &files);
    assert_eq!(
        c.format("warnings-from-check", &[("n", Arg::Number(3.0))]),
        "3 Warnungen (Fixture Org)"
    );
    let lines: Vec<usize> = unresolved(&c, text)
        .iter()
        .map(|p| text[..p.range.start].lines().count() + 1)
        .collect();
    // The unknown term, the message that refers to itself, `$number`; not `date`
    // (its values are offered to every language) nor a message the plan adds.
    assert_eq!(lines, [3, 4, 5]);
}

#[test]
fn every_warning_code_says_what_it_means_in_the_interfaces_words() {
    // The health page of a plan in another language shows `code-CODE` beside the
    // check's English message: missing, it showed the id itself.
    let ids = message_ids();
    let missing: Vec<String> = (crate::diagnostic::Code::ALL.iter())
        .filter(|c| c.severity() == crate::diagnostic::Severity::Warning)
        .map(|c| format!("code-{}", c.as_str()))
        .filter(|id| !ids.contains(&id.as_str()))
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
    assert!(ids.contains(&"code-untrained"));
}

#[test]
fn a_right_to_left_interface_sets_each_value_apart_from_its_sentence() {
    let args = [
        ("version", "2025.2-rev.B".into()),
        ("built", "2026-12-01".into()),
    ];
    let he = Catalog::new(
        "he",
        &[(
            "he.ftl".to_string(),
            "edition = גרסה { $version }, נבנתה { $built }\n".to_string(),
        )],
    );
    assert_eq!(
        he.format("edition", &args),
        "גרסה \u{2068}2025.2-rev.B\u{2069}, נבנתה \u{2068}2026-12-01\u{2069}"
    );
    // Left to right, the page's text stays free of the marks.
    let en = Catalog::english().format("edition", &args);
    assert!(!en.contains(['\u{2068}', '\u{2069}']), "{en}");
    assert!(en.contains("2025.2-rev.B"), "{en}");
}

#[test]
fn french_sets_a_no_break_space_before_its_high_punctuation() {
    // A colon, semicolon, question or exclamation mark, or a closing guillemet,
    // never starts a line of a French page; the apostrophe is typographic.
    let fr = Catalog::new("fr", &[]);
    let mut checked = 0;
    for id in message_ids() {
        let text = fr.text(id);
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if matches!(c, ':' | ';' | '?' | '!' | '»') && i > 0 {
                checked += 1;
                // No space at all (`06:00`) is no break either.
                assert!(
                    chars[i - 1] != ' ',
                    "fr {id}: a space that may break before {c}: {text:?}"
                );
            }
            if *c == '«' {
                assert!(chars.get(i + 1) != Some(&' '), "fr {id}: {text:?}");
            }
        }
        assert!(
            !text.contains('\''),
            "fr {id}: a typewriter apostrophe: {text:?}"
        );
    }
    assert!(checked > 40, "{checked}");
    assert_eq!(fr.text("colon"), "\u{a0}:");
}
