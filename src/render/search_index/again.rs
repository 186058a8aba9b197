//! A rebuild's search index: the previous build's search-index.js with the
//! documents of the items whose prose changed made again. What did not change is
//! not parsed into values and written out again: each other document and target
//! is copied as the previous file's JSON text. A word whose hits did not change
//! keeps its posting string; when no changed item gained or lost a section (no
//! target moved, the usual case), that is known from the hits on the changed
//! items' targets alone, without reading the rest of the string (the common words
//! of 10,000 runbooks are bitmaps over 51,000 targets).

use super::postings::{Word, decode_postings, hits_within, normal, word_lists};
use super::*;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::ops::Range;

/// The previous index as a rebuild reads it (see [`Index`]): each document,
/// target, word and posting string as its JSON text.
#[derive(Deserialize)]
struct Previous<'a> {
    k: Vec<String>,
    #[serde(borrow)]
    d: Vec<&'a RawValue>,
    #[serde(borrow)]
    t: Vec<&'a RawValue>,
    #[serde(borrow)]
    w: Vec<&'a RawValue>,
    #[serde(borrow)]
    p: Vec<&'a RawValue>,
}

/// The text of a JSON string; None when `raw` is not one.
fn text(raw: &RawValue) -> Option<Cow<'_, str>> {
    let json = raw.get();
    let inner = json.strip_prefix('"')?.strip_suffix('"')?;
    if inner.contains('\\') {
        serde_json::from_str::<String>(json).ok().map(Cow::Owned)
    } else {
        Some(Cow::Borrowed(inner))
    }
}

/// The document of a target's row, `[document, anchor, heading, excerpt]`.
fn target_doc(raw: &RawValue) -> Option<usize> {
    let rest = raw.get().strip_prefix('[')?;
    rest.get(..rest.find(',')?)?.parse().ok()
}

/// The index of a rebuild in which only the prose of the `changed` items differs
/// from the build that wrote `earlier` (its search-index.js): their documents are
/// made again, every other document, target and posting is taken from `earlier`,
/// with target numbers shifted where a changed item's sections grew or shrank.
/// The bytes are those [`search_index`] makes. None when `earlier` does not fit
/// this plan (the caller then makes the whole index).
pub fn search_index_again(input: &Input, earlier: &[u8], changed: &[ItemRef]) -> Option<Vec<u8>> {
    let plan = input.plan;
    let json =
        (earlier.strip_prefix(SCRIPT_HEAD.as_bytes()))?.strip_suffix(SCRIPT_TAIL.as_bytes())?;
    // Its text is copied as it is: it must hold no `<`, as no index written holds one
    // (see `push_json`).
    if memchr::memchr(b'<', json).is_some() {
        return None;
    }
    let old: Previous = serde_json::from_slice(json).ok()?;
    let items = indexed_items(plan);
    let docs = PAGES.len() + items.len();
    let kinds: Vec<String> = KINDS.iter().map(|k| input.catalog.text(k)).collect();
    let owner: Vec<usize> = old.t.iter().map(|t| target_doc(t)).collect::<Option<_>>()?;
    let sorted = owner.windows(2).all(|w| w[0] <= w[1]);
    if old.d.len() != docs || old.k != kinds || old.w.len() != old.p.len() || !sorted {
        return None;
    }
    // Each document's first target and count of targets, before and after.
    let mut old_count = vec![0u32; docs];
    for &d in &owner {
        *old_count.get_mut(d)? += 1;
    }
    if old_count.contains(&0) {
        return None;
    }
    let old_first = firsts(&old_count);
    let old_targets = owner.len();
    let wanted: rustc_hash::FxHashSet<ItemRef> = changed.iter().copied().collect();
    let fresh: Vec<(usize, Doc, Hits)> = (items.iter().enumerate())
        .filter(|(_, r)| wanted.contains(r))
        .map(|(k, &r)| (PAGES.len() + k, r))
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(d, r)| {
            let (mut hits, mut buf) = (Hits::default(), String::new());
            let private = input.options.include_private;
            let doc = item_doc(input, r, private, d as u32, None, &mut hits, &mut buf);
            (d, doc, hits)
        })
        .collect();
    let mut count = old_count.clone();
    let mut is_fresh = vec![false; docs];
    for (d, doc, _) in &fresh {
        is_fresh[*d] = true;
        count[*d] = u32::try_from(doc.targets.len()).ok()?;
    }
    // No changed document gained or lost a target: no target moved.
    let unmoved = count == old_count;
    let new_first = firsts(&count);
    let targets = count.iter().map(|&c| c as usize).sum::<usize>();
    // The new target of each old one, None for a changed document's.
    let moved: Vec<Option<u32>> = (owner.iter().enumerate())
        .map(|(i, &d)| (!is_fresh[d]).then(|| new_first[d] + (i as u32 - old_first[d])))
        .collect();
    // The changed documents' previous targets, in order.
    let changed_targets: Vec<Range<u32>> = (fresh.iter())
        .map(|(d, _, _)| old_first[*d]..old_first[*d] + old_count[*d])
        .collect();
    let mut added: FxHashMap<String, Vec<(u32, u8)>> = FxHashMap::default();
    for (d, _, hits) in &fresh {
        for (word, list) in &hits.0 {
            let to = added.entry(word.clone()).or_default();
            to.extend(
                list.iter()
                    .map(|h| (new_first[*d] + u32::from(h.target), h.weight)),
            );
        }
    }
    // A word none of whose hits moved or went, over as many targets as before, keeps
    // its posting string (it is what `postings` makes of the same hits) unless it
    // gains hits.
    let same_targets = targets == old_targets;
    // Each word's hits with the changed documents' previous ones taken out (`gone`),
    // and whether no other hit moved.
    let read = |p: &str| {
        let list = decode_postings(p, old_targets)?;
        let mut same = same_targets;
        let mut gone = Vec::new();
        let list: Vec<(u32, u8)> = (list.into_iter())
            .filter_map(|(t, w)| match moved[t as usize] {
                Some(to) => {
                    same &= to == t;
                    Some((to, w))
                }
                None => {
                    gone.push((t, w));
                    None
                }
            })
            .collect();
        Some((list, gone, same))
    };
    // When the hits of the changed documents' previous versions are the hits their
    // new versions bring, the word's postings are as they were.
    let mut words: Vec<Word> = (old.w.par_iter().zip(&old.p))
        .map(|(word, p)| {
            let word = text(word)?.into_owned();
            let p = text(p)?;
            let more = || normal(added.get(&word).cloned().unwrap_or_default());
            if unmoved && normal(hits_within(&p, old_targets, &changed_targets)?) == more() {
                // Debug builds (every test's) read the whole string too, so that
                // `word_lists` checks that it is what the hits make.
                let list = match cfg!(debug_assertions) {
                    true => read(&p)?.0,
                    false => Vec::new(),
                };
                return Some((word, list, Some(p.into_owned())));
            }
            let (list, gone, same) = read(&p)?;
            let kept = same && normal(gone) == more();
            Some((word, list, kept.then(|| p.into_owned())))
        })
        .collect::<Option<_>>()?;
    for (word, list, _) in &mut words {
        if let Some(more) = added.remove(word) {
            list.extend(more);
        }
    }
    words.extend(added.into_iter().map(|(word, list)| (word, list, None)));
    words.retain(|(_, list, kept)| kept.is_some() || !list.is_empty());
    let (w, p) = word_lists(words, targets);
    // The documents and their targets, in order: the previous file's text but for
    // the changed documents.
    let mut d_json = String::with_capacity(json.len() / 3);
    let mut t_json = String::with_capacity(json.len() / 2);
    let mut fresh = fresh.into_iter().peekable();
    for (i, row) in old.d.iter().enumerate() {
        if i > 0 {
            d_json.push(',');
        }
        if let Some((_, doc, _)) = fresh.next_if(|f| f.0 == i) {
            let (row, targets) = doc.into_row(i);
            push_json(&mut d_json, &row)?;
            for t in targets {
                if !t_json.is_empty() {
                    t_json.push(',');
                }
                push_json(&mut t_json, &t)?;
            }
        } else {
            d_json.push_str(row.get());
            let first = old_first[i] as usize;
            for t in old.t.get(first..first + old_count[i] as usize)? {
                if !t_json.is_empty() {
                    t_json.push(',');
                }
                t_json.push_str(t.get());
            }
        }
    }
    // As `script` writes an `Index`: its fields in order, compact.
    let mut out = String::with_capacity(earlier.len() + 4096);
    out.push_str(SCRIPT_HEAD);
    out.push_str("{\"k\":");
    push_json(&mut out, &kinds)?;
    out.push_str(",\"d\":[");
    out.push_str(&d_json);
    out.push_str("],\"t\":[");
    out.push_str(&t_json);
    out.push_str("],\"w\":");
    push_json(&mut out, &w)?;
    out.push_str(",\"p\":");
    push_json(&mut out, &p)?;
    out.push('}');
    out.push_str(SCRIPT_TAIL);
    Some(out.into_bytes())
}
