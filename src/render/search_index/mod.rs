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
use super::markdown::{TextSection, text_sections};
use super::paths;

mod again;
mod docs;
mod postings;
mod words;

use crate::model::{ItemRef, Kind, Opt, Plan};
pub use again::search_index_again;
use docs::item_doc;
#[cfg(test)]
use postings::postings;
use postings::{Word, word_lists};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
#[cfg(test)]
use words::{fold, fold_words};
use words::{fold_into, words_of};

/// Each folded word's hits, as (document, its target, weight), gathered per thread
/// as the items are read, then merged. Target numbers are made global once every
/// document's count of targets is known; no item's text is kept meanwhile.
#[derive(Default)]
struct Hits(FxHashMap<String, Vec<Hit>>);

#[derive(Clone, Copy, PartialEq)]
struct Hit {
    doc: u32,
    target: u16,
    weight: u8,
}

impl Hits {
    fn add(&mut self, word: &str, hit: Hit) {
        // A word said again in the same section adds nothing.
        if let Some(v) = self.0.get_mut(word) {
            if v.last() != Some(&hit) {
                v.push(hit);
            }
        } else {
            self.0.insert(word.to_string(), vec![hit]);
        }
    }

    /// Every word of `text` (folded) as found in `target` of `doc`.
    fn text(&mut self, text: &str, doc: u32, target: u16, weight: u8, buf: &mut String) {
        for w in words_of(text) {
            fold_into(w, buf);
            self.add(
                buf,
                Hit {
                    doc,
                    target,
                    weight,
                },
            );
        }
    }

    fn merge(mut self, other: Hits) -> Hits {
        if self.0.len() < other.0.len() {
            return other.merge(self);
        }
        for (w, mut v) in other.0 {
            self.0.entry(w).or_default().append(&mut v);
        }
        self
    }
}

/// How much a word counts where it is found.
const TITLE: u8 = 3;
const FIELD: u8 = 2;
const BODY: u8 = 1;

#[derive(Serialize)]
struct Index {
    /// Kind labels; a document's first field indexes them.
    k: Vec<String>,
    /// Documents: `[kind, title, page, facts, phone digits separated by spaces]`.
    d: Vec<DocRow>,
    /// Targets: `[document, anchor, heading, excerpt]`.
    t: Vec<TargetRow>,
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
    /// (anchor, heading, excerpt) of each target; the first is the item itself.
    targets: Vec<(String, String, String)>,
}

/// A document as the index holds it (see [`Index::d`]), and a target ([`Index::t`]).
type DocRow = (usize, String, String, String, String);
type TargetRow = (usize, String, String, String);

impl Doc {
    /// The document as document `i` of the index, and its targets.
    fn into_row(self, i: usize) -> (DocRow, impl Iterator<Item = TargetRow>) {
        let row = (
            self.kind,
            self.title,
            self.page,
            self.facts,
            self.phones.join(" "),
        );
        let targets = (self.targets.into_iter()).map(move |(a, h, e)| (i, a, h, e));
        (row, targets)
    }
}

const KINDS: &[&str] = &[
    "kind-page",
    "kind-contact",
    "kind-team",
    "kind-call-tree",
    "kind-vendor",
    "kind-risk",
    "kind-service",
    "kind-process",
    "kind-runbook",
    "kind-template",
    "kind-stakeholder",
    "kind-exercise",
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

/// The site's pages that are not an item's, findable by their titles (a message
/// each) and by a few words of the language and of English.
const PAGES: &[(&str, &str, &str)] = &[
    ("title-start", "index.html", "hotline severity first steps"),
    (
        "title-recovery",
        "recovery-order.html",
        "restore waves dependencies",
    ),
    ("title-log", "log.html", "decisions actions record timeline"),
    ("title-health", "health.html", "warnings checks"),
    ("search-page-cards", "cards/index.html", "print card qr"),
    ("search-page-print", "print.html", "print binder pdf"),
    ("search-page-risks", "risks/index.html", "heat map risks"),
    (
        "title-impact",
        "processes/index.html",
        "bia processes impact",
    ),
    (
        "title-comms",
        "comms/index.html",
        "templates stakeholders messages",
    ),
    (
        "title-exercises",
        "exercises/index.html",
        "tests tabletop schedule",
    ),
    (
        "title-readiness",
        "readiness.html",
        "training awareness readiness roles",
    ),
    (
        "title-document",
        "document.html",
        "approval changes distribution copies version",
    ),
];

/// The items that are documents of the index, in its order (after [`PAGES`]).
fn indexed_items(plan: &Plan) -> Vec<ItemRef> {
    plan.items()
        .filter(|(r, _)| r.kind != Kind::Card)
        .map(|(r, _)| r)
        .collect()
}

/// Each item's prose as text, read off its own page as the page was drawn (see
/// [`super::markdown::to_html_and_text`]), so that the index does not parse the
/// plan's Markdown a second time. An item without a page (a risk) is read here.
#[derive(Default)]
pub struct Texts(std::sync::Mutex<FxHashMap<ItemRef, Vec<TextSection>>>);

impl Texts {
    pub fn put(&self, r: ItemRef, sections: Vec<TextSection>) {
        if let Ok(mut map) = self.0.lock() {
            map.insert(r, sections);
        }
    }

    fn take(&self, r: ItemRef) -> Option<Vec<TextSection>> {
        self.0.lock().ok()?.remove(&r)
    }
}

/// The index as the script file's bytes.
pub fn search_index(input: &Input) -> Vec<u8> {
    search_index_with(input, None)
}

/// [`search_index`], with the prose's text the pages read already.
pub fn search_index_with(input: &Input, texts: Option<&Texts>) -> Vec<u8> {
    let plan = input.plan;
    let private = input.options.include_private;
    let items = indexed_items(plan);
    let mut hits = Hits::default();
    let mut buf = String::new();
    let mut docs: Vec<(usize, Doc)> = Vec::with_capacity(PAGES.len() + items.len());
    let catalog = input.catalog;
    for (i, (title, page, words)) in PAGES.iter().enumerate() {
        let words = format!("{words} {}", catalog.text(&format!("search-words-{title}")));
        let title = catalog.text(title);
        hits.text(&title, i as u32, 0, TITLE, &mut buf);
        hits.text(&words, i as u32, 0, FIELD, &mut buf);
        docs.push((
            i,
            Doc {
                kind: 0,
                title,
                page: (*page).to_string(),
                facts: String::new(),
                phones: Vec::new(),
                targets: vec![(String::new(), String::new(), String::new())],
            },
        ));
    }
    let (items_docs, item_hits) = items
        .par_iter()
        .enumerate()
        .fold(
            || (Vec::new(), Hits::default(), String::new()),
            |(mut docs, mut hits, mut buf), (k, &r)| {
                let d = PAGES.len() + k;
                let sections = texts.and_then(|t| t.take(r));
                docs.push((
                    d,
                    item_doc(input, r, private, d as u32, sections, &mut hits, &mut buf),
                ));
                (docs, hits, buf)
            },
        )
        .map(|(docs, hits, _)| (docs, hits))
        .reduce(
            || (Vec::new(), Hits::default()),
            |(mut da, ha), (mut db, hb)| {
                da.append(&mut db);
                (da, ha.merge(hb))
            },
        );
    docs.extend(items_docs);
    docs.sort_unstable_by_key(|(i, _)| *i);
    let hits = hits.merge(item_hits);

    // Targets in document order.
    let counts: Vec<u32> = docs.iter().map(|(_, d)| d.targets.len() as u32).collect();
    let first_target = firsts(&counts);
    let n = counts.iter().map(|&c| c as usize).sum();
    let words: Vec<Word> = (hits.0.into_par_iter())
        .map(|(word, hits)| {
            let global = hits
                .into_iter()
                .map(|h| (first_target[h.doc as usize] + u32::from(h.target), h.weight))
                .collect();
            (word, global, None)
        })
        .collect();
    let (w, p) = word_lists(words, n);

    let mut t = Vec::with_capacity(n);
    let mut d = Vec::with_capacity(docs.len());
    for (i, (_, doc)) in docs.into_iter().enumerate() {
        let (row, targets) = doc.into_row(i);
        t.extend(targets);
        d.push(row);
    }
    let index = Index {
        k: KINDS.iter().map(|k| catalog.text(k)).collect(),
        d,
        t,
        w,
        p,
    };
    script(&index)
}

/// What search-index.js holds before and after the index.
const SCRIPT_HEAD: &str = "// lifeboat search index (generated)\nwindow.lifeboatIndex = ";
const SCRIPT_TAIL: &str = ";\n";

/// The index as the script file's bytes.
fn script(index: &Index) -> Vec<u8> {
    let mut out = String::from(SCRIPT_HEAD);
    if push_json(&mut out, index).is_none() {
        out.push_str("{}");
    }
    out.push_str(SCRIPT_TAIL);
    out.into_bytes()
}

/// `value` as the index holds it: JSON without `<`. The index is inlined in the
/// single file too: no `<` at all (`</script>` would end the element early, `<!--`
/// then `<script` would keep the parser from finding its end). JSON has `<` only
/// inside strings, where `\u003c` says the same.
fn push_json(out: &mut String, value: &impl Serialize) -> Option<()> {
    let json = serde_json::to_string(value).ok()?;
    out.push_str(&json.replace('<', "\\u003c"));
    Some(())
}

/// Where each document's targets begin, from how many each has.
fn firsts(counts: &[u32]) -> Vec<u32> {
    (counts.iter())
        .scan(0u32, |n, c| {
            let at = *n;
            *n += c;
            Some(at)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::postings::{decode_postings, hits_within};
    use super::*;
    use std::ops::Range;

    #[test]
    fn postings_read_back_as_written() {
        // Gaps (a few targets) and a bitmap (most of them), titles and fields.
        let few = vec![(3, BODY), (3, TITLE), (9, FIELD), (40, BODY), (41, BODY)];
        let most: Vec<(u32, u8)> = (0..50).filter(|t| t % 7 != 0).map(|t| (t, BODY)).collect();
        for (hits, targets) in [(few, 50), (most, 50), (vec![(0, TITLE)], 1)] {
            let p = postings(hits.clone(), targets);
            let back = decode_postings(&p, targets).expect("read back");
            assert_eq!(postings(back, targets), p);
        }
        assert!(postings((0..50).map(|t| (t, BODY)).collect(), 50).contains('~'));
        for bad in ["", "1,2", "zz|", "|~!", "2|", "|2"] {
            assert!(
                decode_postings(bad, 1).is_none(),
                "{bad:?} is not a posting of 1 target"
            );
        }
    }

    proptest::proptest! {
        /// A rebuild reads a word's hits on the changed documents' targets alone
        /// (of a bitmap, only the digits that hold them): they are the hits the
        /// whole string holds there.
        #[test]
        fn the_hits_within_ranges_are_those_the_whole_string_holds_there(
            targets in 1usize..200,
            hits in proptest::collection::vec((0u32..200, 1u8..4), 0..150),
            cuts in proptest::collection::vec(0u32..201, 0..10),
            picks in proptest::collection::vec(proptest::bool::ANY, 10),
        ) {
            let n = targets as u32;
            let hits: Vec<(u32, u8)> = hits.into_iter().map(|(t, w)| (t % n, w)).collect();
            let p = postings(hits, targets);
            // Ranges in order, apart or side by side, some sharing a bitmap digit.
            let mut cuts: Vec<u32> = cuts.into_iter().map(|c| c % (n + 1)).collect();
            cuts.sort_unstable();
            cuts.dedup();
            let ranges: Vec<Range<u32>> = (cuts.windows(2).zip(&picks))
                .filter(|(_, pick)| **pick)
                .map(|(w, _)| w[0]..w[1])
                .collect();
            let mut want: Vec<(u32, u8)> = (decode_postings(&p, targets).expect("read back"))
                .into_iter()
                .filter(|(t, _)| ranges.iter().any(|r| r.contains(t)))
                .collect();
            let mut within = hits_within(&p, targets, &ranges).expect("read back");
            want.sort_unstable();
            within.sort_unstable();
            proptest::prop_assert_eq!(within, want, "{} in {:?}", p, ranges);
        }
    }

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
    fn chinese_and_japanese_are_indexed_two_letters_at_a_time() {
        let w: Vec<String> = fold_words("浄水場へ TKS番号 王小明 号 ＬＣＰ-101が").collect();
        assert_eq!(
            w,
            [
                "浄水",
                "水場",
                "場へ",
                "へ",
                "tks",
                "番号",
                "号",
                "王小",
                "小明",
                "明",
                "号",
                "ｌｃｐ",
                "101",
                "か"
            ]
        );
        // A voiced kana folds as the search box folds it (its mark off).
        assert_eq!(fold("が"), "か");
        // A long sentence is indexed, not dropped as a word too long to type.
        let sentence = "中央監視制御システムが停止した場合には以下の手順に従って第一浄水場と第二浄水場を現場制御盤から手動運転に切り替える";
        assert!(sentence.chars().count() > 40);
        assert!(fold_words(sentence).any(|w| w == "浄水"));
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
