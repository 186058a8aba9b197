//! `search-index.js`: what the search box searches, as a classic script that sets
//! `window.lifeboatIndex` (a `fetch` of JSON fails on `file://`). It is loaded when
//! the box is first used.
//!
//! Small on purpose, since phones open it: every item is a document (its title, page,
//! a line of facts and its phone numbers as digits), every section of its prose a
//! target (anchor, heading and a short excerpt, never the whole text), and each
//! folded word a posting list of targets. A list is written as base-36 gaps, or as
//! a bitmap over all targets when the word is in most of them (as the common words
//! of a large plan are). Words are folded as `themes/default/static/search.js`
//! folds the query: lower case, accents off (`Ångström` is `angstrom`).

use super::Input;
use super::markdown::text_sections;
use super::paths;
use crate::model::{ItemRef, Kind, Opt, Plan};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// How much a word counts where it is found.
const TITLE: u8 = 3;
const FIELD: u8 = 2;
const BODY: u8 = 1;
/// Characters of a section kept to show under a result.
const EXCERPT: usize = 64;
/// Longer words are not indexed (a hash, a pasted key): nobody types them.
const LONGEST_WORD: usize = 40;

#[derive(Serialize)]
struct Index {
    /// Kind labels; a document's first field indexes them.
    k: Vec<&'static str>,
    /// Documents: `[kind, title, page, facts, phone digits separated by spaces]`.
    d: Vec<(usize, String, String, String, String)>,
    /// Targets: `[document, anchor, heading, excerpt]`.
    t: Vec<(usize, String, String, String)>,
    /// Folded words, sorted (by UTF-16 code units, as JavaScript compares).
    w: Vec<String>,
    /// For each word: title and field hits `gap*2 + is_title` in base 36, `|`, then
    /// prose hits as gaps or, after `~`, a bitmap of 6 targets a character.
    p: Vec<String>,
}

/// One item's words before they are merged.
struct Doc {
    kind: usize,
    title: String,
    page: String,
    facts: String,
    phones: Vec<String>,
    /// (anchor, heading, text) of each target; the first is the item itself.
    targets: Vec<(String, String, String)>,
    /// Words found in title and fields, with their weight.
    words: Vec<(String, u8)>,
}

const KINDS: &[&str] = &[
    "Page",
    "Contact",
    "Team",
    "Call tree",
    "Vendor",
    "Risk",
    "Service",
    "Process",
    "Runbook",
    "Template",
    "Stakeholders",
    "Exercise",
];

fn kind_label(kind: Kind) -> usize {
    match kind {
        Kind::Contact => 1,
        Kind::Team => 2,
        Kind::CallTree => 3,
        Kind::Vendor => 4,
        Kind::Risk => 5,
        Kind::Service => 6,
        Kind::Process => 7,
        Kind::Runbook => 8,
        Kind::Template => 9,
        Kind::Stakeholder => 10,
        Kind::Exercise => 11,
        Kind::Card => 0,
    }
}

/// The site's pages that are not an item's, findable by their titles.
const PAGES: &[(&str, &str, &str)] = &[
    (
        "What to do now",
        "index.html",
        "hotline severity first steps",
    ),
    (
        "Recovery order",
        "recovery-order.html",
        "restore waves dependencies",
    ),
    (
        "Incident log",
        "log.html",
        "decisions actions record timeline",
    ),
    ("Plan health", "health.html", "warnings checks"),
    ("Wallet cards", "cards/index.html", "print card qr"),
    (
        "The whole plan, printable",
        "print.html",
        "print binder pdf",
    ),
    ("Risk register", "risks/index.html", "heat map risks"),
    (
        "Business impact analysis",
        "processes/index.html",
        "bia processes impact",
    ),
    (
        "Communications",
        "comms/index.html",
        "templates stakeholders messages",
    ),
    (
        "Exercises",
        "exercises/index.html",
        "tests tabletop schedule",
    ),
];

/// The index as the script file's bytes.
pub fn search_index(input: &Input) -> Vec<u8> {
    let plan = input.plan;
    let private = input.options.include_private;
    let items: Vec<ItemRef> = plan
        .items()
        .filter(|(r, _)| r.kind != Kind::Card)
        .map(|(r, _)| r)
        .collect();
    let mut docs: Vec<Doc> = PAGES
        .iter()
        .map(|(title, page, words)| Doc {
            kind: 0,
            title: (*title).to_string(),
            page: (*page).to_string(),
            facts: String::new(),
            phones: Vec::new(),
            targets: vec![(String::new(), String::new(), String::new())],
            words: fold_words(title)
                .map(|w| (w, TITLE))
                .chain(fold_words(words).map(|w| (w, FIELD)))
                .collect(),
        })
        .collect();
    docs.par_extend(items.par_iter().map(|&r| item_doc(plan, r, private)));

    // Targets in document order; each word's hits, merged in parallel.
    let mut first_target = Vec::with_capacity(docs.len());
    let mut n = 0usize;
    for d in &docs {
        first_target.push(n);
        n += d.targets.len();
    }
    let hits: BTreeMap<String, Vec<(u32, u8)>> = docs
        .par_iter()
        .enumerate()
        .fold(
            BTreeMap::new,
            |mut map: BTreeMap<String, Vec<(u32, u8)>>, (i, d)| {
                let base = first_target[i] as u32;
                for (w, weight) in &d.words {
                    map.entry(w.clone()).or_default().push((base, *weight));
                }
                for (k, (_, heading, text)) in d.targets.iter().enumerate() {
                    let t = base + k as u32;
                    for w in fold_words(heading).chain(fold_words(text)) {
                        map.entry(w).or_default().push((t, BODY));
                    }
                }
                map
            },
        )
        .reduce(BTreeMap::new, |mut a, b| {
            for (w, mut v) in b {
                a.entry(w).or_default().append(&mut v);
            }
            a
        });
    let mut words: Vec<(String, Vec<(u32, u8)>)> = hits.into_iter().collect();
    // JavaScript compares strings by UTF-16 code units.
    words.par_sort_unstable_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    let (w, p): (Vec<String>, Vec<String>) = words
        .into_par_iter()
        .map(|(word, hits)| {
            let list = postings(hits, n);
            (word, list)
        })
        .unzip();

    let mut t = Vec::with_capacity(n);
    let mut d = Vec::with_capacity(docs.len());
    for (i, doc) in docs.into_iter().enumerate() {
        for (anchor, heading, text) in doc.targets {
            t.push((i, anchor, heading, excerpt(&text)));
        }
        d.push((
            doc.kind,
            doc.title,
            doc.page,
            doc.facts,
            doc.phones.join(" "),
        ));
    }
    let index = Index {
        k: KINDS.to_vec(),
        d,
        t,
        w,
        p,
    };
    let json = serde_json::to_string(&index).unwrap_or_else(|_| "{}".into());
    // Inlined in the single file too: no `</script>` may end it early.
    let json = json.replace("</", "<\\/");
    let mut out = String::with_capacity(json.len() + 64);
    out.push_str("// lifeboat search index (generated)\nwindow.lifeboatIndex = ");
    out.push_str(&json);
    out.push_str(";\n");
    out.into_bytes()
}

/// The posting string of one word (see [`Index::p`]).
fn postings(mut hits: Vec<(u32, u8)>, targets: usize) -> String {
    hits.sort_unstable();
    // Title and field hits are kept per target with their best weight; prose hits
    // once per target.
    let mut high: Vec<(u32, u8)> = Vec::new();
    let mut body: Vec<u32> = Vec::new();
    for (t, w) in hits {
        if w == BODY {
            if body.last() != Some(&t) {
                body.push(t);
            }
        } else if let Some(last) = high.last_mut().filter(|l| l.0 == t) {
            last.1 = last.1.max(w);
        } else {
            high.push((t, w));
        }
    }
    let mut out = String::new();
    let mut prev = 0u32;
    for (i, (t, w)) in high.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_base36(&mut out, u64::from(t - prev) * 2 + u64::from(*w == TITLE));
        prev = *t;
    }
    out.push('|');
    let mut gaps = String::new();
    let mut prev = 0u32;
    for (i, t) in body.iter().enumerate() {
        if i > 0 {
            gaps.push(',');
        }
        push_base36(&mut gaps, u64::from(t - prev));
        prev = *t;
    }
    let bitmap_len = targets.div_ceil(6) + 1;
    if gaps.len() > bitmap_len {
        const DIGITS: &[u8; 64] =
            b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
        let mut bits = vec![0u8; targets.div_ceil(6)];
        for t in body {
            bits[t as usize / 6] |= 1 << (t % 6);
        }
        out.push('~');
        out.extend(bits.into_iter().map(|b| DIGITS[b as usize] as char));
    } else {
        out.push_str(&gaps);
    }
    out
}

fn push_base36(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 14];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[i..].iter().map(|&b| b as char));
}

/// The start of a section's text, cut at a word.
fn excerpt(text: &str) -> String {
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
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::with_capacity(text.len());
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
    out
}

/// The folded words of a text: runs of letters and digits.
pub fn fold_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().count() <= LONGEST_WORD)
        .map(fold)
}

fn opt(o: &Opt<String>) -> Option<&str> {
    o.as_ref().map(|x| x.value.as_str())
}

/// The digits of a phone number, as the search box compares them.
fn digits(number: &str) -> String {
    number.chars().filter(char::is_ascii_digit).collect()
}

fn item_doc(plan: &Plan, r: ItemRef, private: bool) -> Doc {
    let head = plan.head(r);
    let title = plan.name_of(r).to_string();
    let name = |id: &Opt<String>| {
        id.as_ref().map(|x| {
            plan.lookup(&x.value)
                .map_or(x.value.as_str(), |r| plan.name_of(r))
                .to_string()
        })
    };
    let names = |ids: &[crate::model::Text]| -> Vec<String> {
        ids.iter()
            .map(|x| {
                plan.lookup(&x.value)
                    .map_or(x.value.as_str(), |r| plan.name_of(r))
                    .to_string()
            })
            .collect()
    };
    // Facts shown under the title; every field searchable.
    let mut facts: Vec<String> = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut phones: Vec<String> = Vec::new();
    let mut phone = |p: Option<&str>, facts: &mut Vec<String>, show: bool| {
        if let Some(p) = p {
            phones.push(digits(p));
            if show {
                facts.push(p.to_string());
            }
        }
    };
    let i = r.index;
    match r.kind {
        Kind::Contact => {
            let x = &plan.contacts[i];
            facts.extend(opt(&x.role).map(str::to_string));
            facts.extend(name(&x.team));
            phone(opt(&x.phone), &mut facts, true);
            phone(opt(&x.mobile), &mut facts, x.phone.is_none());
            fields.extend(opt(&x.email).map(str::to_string));
            fields.extend(opt(&x.location).map(str::to_string));
            if private && let Some(p) = &x.private {
                phone(opt(&p.home_phone), &mut facts, false);
                phone(opt(&p.personal_mobile), &mut facts, false);
                fields.extend(opt(&p.personal_email).map(str::to_string));
                fields.extend(opt(&p.home_address).map(str::to_string));
            }
        }
        Kind::Team => {
            let x = &plan.teams[i];
            facts.extend(name(&x.lead).map(|l| format!("lead {l}")));
            phone(opt(&x.phone), &mut facts, true);
            fields.extend(names(&x.members));
        }
        Kind::CallTree => {
            let x = &plan.call_trees[i];
            facts.extend(name(&x.root).map(|l| format!("starts with {l}")));
        }
        Kind::Vendor => {
            let x = &plan.vendors[i];
            facts.extend(opt(&x.supplies).map(str::to_string));
            phone(opt(&x.support_phone), &mut facts, true);
            facts.extend(opt(&x.account).map(|a| format!("account {a}")));
            fields.extend(opt(&x.support_email).map(str::to_string));
            fields.extend(opt(&x.sla).map(str::to_string));
            for c in &x.contacts {
                fields.push(c.name.value.clone());
                fields.extend(opt(&c.role).map(str::to_string));
                fields.extend(opt(&c.email).map(str::to_string));
                phone(opt(&c.phone), &mut facts, false);
            }
        }
        Kind::Risk => {
            let x = &plan.risks[i];
            facts.extend(opt(&x.category).map(str::to_string));
            fields.extend(opt(&x.threat).map(str::to_string));
            fields.extend(opt(&x.vulnerability).map(str::to_string));
            fields.extend(opt(&x.treatment).map(str::to_string));
            fields.extend(name(&x.owner));
        }
        Kind::Service => {
            let x = &plan.services[i];
            facts.extend(x.tier.as_ref().map(|t| format!("tier {}", t.value)));
            facts.extend(x.rto.as_ref().map(|d| format!("RTO {}", d.value)));
            facts.extend(name(&x.owner));
            fields.extend(name(&x.team));
            fields.extend(opt(&x.location).map(str::to_string));
            fields.extend(names(&x.vendors));
        }
        Kind::Process => {
            let x = &plan.processes[i];
            facts.extend(name(&x.owner));
            fields.extend(opt(&x.workaround).map(str::to_string));
            fields.extend(names(&x.services));
        }
        Kind::Runbook => {
            let x = &plan.runbooks[i];
            facts.extend(opt(&x.kind).map(str::to_string));
            facts.extend(x.scenarios.iter().map(|s| s.value.clone()));
            facts.extend(x.estimated.as_ref().map(|d| format!("about {}", d.value)));
            fields.extend(names(&x.services));
            fields.extend(name(&x.owner));
        }
        Kind::Template => {
            let x = &plan.templates[i];
            facts.extend(opt(&x.channel).map(str::to_string));
            facts.extend(x.severity.iter().map(|s| s.value.clone()));
            fields.extend(names(&x.audience));
        }
        Kind::Stakeholder => {
            let x = &plan.stakeholders[i];
            facts.extend(opt(&x.channel).map(str::to_string));
            fields.extend(names(&x.contacts));
        }
        Kind::Exercise => {
            let x = &plan.exercises[i];
            facts.extend(opt(&x.kind).map(str::to_string));
            facts.extend(x.date.as_ref().map(|d| d.value.to_string()));
            facts.extend(opt(&x.status).map(str::to_string));
            fields.extend(opt(&x.outcome).map(str::to_string));
        }
        Kind::Card => {}
    }
    let mut words: Vec<(String, u8)> = fold_words(&title)
        .chain(fold_words(&head.id.value))
        .map(|w| (w, TITLE))
        .collect();
    for f in facts.iter().chain(&fields) {
        words.extend(fold_words(f).map(|w| (w, FIELD)));
    }
    let mut targets = vec![(String::new(), String::new(), String::new())];
    let sections = text_sections(plan, &head.body.markdown);
    for s in sections {
        if s.anchor.is_empty() {
            targets[0].2 = s.text;
        } else {
            targets.push((s.anchor, s.heading, s.text));
        }
    }
    Doc {
        kind: kind_label(r.kind),
        title,
        page: paths::page(plan, r).unwrap_or_default(),
        facts: facts.join(" · "),
        phones,
        targets,
        words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_as_the_search_box_folds_them() {
        assert_eq!(fold("Ångström"), "angstrom");
        assert_eq!(fold("Straße Øre Łódź"), "strasse ore lodz");
        assert_eq!(
            fold("JOSÉ Núñez"),
            "josé núñez"
                .replace('é', "e")
                .replace('ú', "u")
                .replace('ñ', "n")
        );
        let w: Vec<String> = fold_words("ehr-failover: Zoë's 2nd").collect();
        assert_eq!(w, ["ehr", "failover", "zoe", "s", "2nd"]);
    }

    #[test]
    fn postings_are_gaps_or_a_bitmap() {
        // Targets 1 (title), 4 (field) and prose in 2 and 3.
        let p = postings(
            vec![(4, FIELD), (1, TITLE), (2, BODY), (3, BODY), (2, BODY)],
            1000,
        );
        assert_eq!(p, "3,6|2,1");
        // A word in every target of 12 is a bitmap of two characters, all bits set.
        let all: Vec<(u32, u8)> = (0..12).map(|t| (t, BODY)).collect();
        assert_eq!(postings(all, 12), "|~__");
    }
}
