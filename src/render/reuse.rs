//! A rebuild that draws only what changed. The site's inputs are fingerprinted in
//! two parts: the prose of each item that has a Markdown file of its own (which
//! only that item's page, the binder, the search index and plan.json show), and
//! everything else, the *skeleton* (every other byte of every file of the plan
//! with those bodies cut out, the links, the warnings, the options, the template
//! overrides, the catalogue and the lifeboat binary itself). When the skeleton is
//! the previous build's, only the pages whose prose changed are drawn again: every
//! other page is the previous build's file (left in place by the output stage), and
//! print.html gets the new sections spliced into the previous one. Whatever does
//! not match draws the whole site, as a first build does.
//!
//! The [`Record`] of a build (the fingerprint and where each section lies in
//! print.html) is kept by the output stage beside the site's manifest.

use super::pages::{in_binder, pages, prose_item};
use super::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

/// Where print.html holds each page's section: start and end (bytes) and the
/// page's place in the site's page order, in the order of the binder.
pub type Sections = Vec<(usize, usize, usize)>;

/// What a build was drawn from, and where print.html holds each page's section:
/// kept in the site's manifest.json (`"reuse"`) for the next build.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Record {
    /// The skeleton's SHA-256, hexadecimal.
    pub key: String,
    /// For each page, in the site's page order: a hash of the prose only that page
    /// shows (the first 64 bits of its SHA-256, hexadecimal), or None for a page
    /// drawn from the skeleton alone.
    pub prose: Vec<Option<String>>,
    pub binder: Sections,
    /// Where plan.json holds the body of the item of each page that shows one;
    /// empty when unknown.
    #[serde(default)]
    pub data: Sections,
    /// For each large file of the site (print.html, plan.json), the states of its
    /// SHA-256 every few MiB on the way (see `output`): a rebuild that splices it
    /// hashes it from the last one before its first change. Kept by the output
    /// stage.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub midway: BTreeMap<String, Vec<String>>,
}

impl Record {
    /// Whether the sections (of print.html, of plan.json) lie in order, none
    /// overlapping, each naming a page.
    pub fn valid(&self) -> bool {
        [&self.binder, &self.data].iter().all(|sections| {
            let mut last = 0;
            sections.iter().all(|&(start, end, page)| {
                let ok = start >= last && end >= start && page < self.prose.len();
                last = end;
                ok
            })
        })
    }
}

/// Feeds `bytes` with its length first, so that two inputs cannot run together.
fn feed(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The hashes of a plan's files that a [`fingerprint`] is made of, the longest
/// part of making it (46 MB of text for 10,000 runbooks): each page's prose, and
/// each file with that prose (and, for a build without `include_private`, the
/// private values) cut out. Made from the loaded plan alone, so that a build
/// makes it while the plan is checked.
pub struct FileHashes {
    include_private: bool,
    prose: Vec<Option<String>>,
    files: Vec<sha2::digest::Output<Sha256>>,
}

/// See [`FileHashes`].
pub fn hash_files(
    plan: &Plan,
    sources: &crate::source::Sources,
    include_private: bool,
) -> FileHashes {
    let all = pages(plan);
    // The pages whose item's prose is all of its Markdown file after the front
    // matter: that part is cut from the skeleton and hashed for the page alone.
    let mut cut: HashMap<crate::source::FileId, Vec<std::ops::Range<usize>>> = HashMap::new();
    let bodies: Vec<Option<&str>> = all
        .iter()
        .map(|&p| {
            let r = prose_item(p)?;
            let head = plan.head(r);
            let file = sources.get(head.at.file);
            if !file.path.ends_with(".md") || cut.contains_key(&head.at.file) {
                return None;
            }
            let range = head.body.markdown.range_in(&file.text)?;
            cut.insert(head.at.file, vec![range]);
            Some(&*head.body.markdown)
        })
        .collect();
    let prose: Vec<Option<String>> = (bodies.par_iter())
        .map(|b| b.map(|b| hex(&Sha256::digest(b.as_bytes())[..8])))
        .collect();
    // A default build shows no private value, so none is in its fingerprint
    // either (the manifest, which keeps it, is read by everyone who has the site).
    if !include_private {
        for c in &plan.contacts {
            let Some(p) = &c.private else { continue };
            let values = [
                &p.home_phone,
                &p.personal_mobile,
                &p.personal_email,
                &p.home_address,
            ];
            for v in values.into_iter().flatten() {
                let range = v.span.start as usize..v.span.end as usize;
                cut.entry(v.span.file).or_default().push(range);
            }
        }
    }
    // Each file is hashed on its own, in parallel.
    let ids: Vec<_> = sources.ids().collect();
    let files = ids
        .par_iter()
        .map(|id| {
            let mut h = Sha256::new();
            let file = sources.get(*id);
            feed(&mut h, file.path.as_bytes());
            let text = file.text.as_bytes();
            let mut ranges = cut.get(id).cloned().unwrap_or_default();
            ranges.sort_by_key(|r| r.start);
            let mut from = 0;
            for r in ranges {
                feed(
                    &mut h,
                    text.get(from..r.start.max(from)).unwrap_or_default(),
                );
                from = from.max(r.end);
            }
            feed(&mut h, text.get(from..).unwrap_or_default());
            h.finalize()
        })
        .collect();
    FileHashes {
        include_private,
        prose,
        files,
    }
}

/// The fingerprint of `input` (see the module's text): the key and the prose
/// hashes of a [`Record`], without the binder. `build` names the lifeboat binary
/// (its version and file), `locales` the plan's `locales/` files, `files` the
/// hashes of the plan's files ([`hash_files`], for the same plan and
/// `include_private`).
pub fn fingerprint(
    input: &Input,
    build: &str,
    locales: &[(String, String)],
    files: FileHashes,
) -> Record {
    let plan = input.plan;
    debug_assert_eq!(files.include_private, input.options.include_private);
    let mut h = Sha256::new();
    feed(&mut h, b"lifeboat reuse 3");
    feed(&mut h, build.as_bytes());
    let o = input.options;
    feed(
        &mut h,
        format!(
            "{} {:?} {:?} {}",
            o.include_private,
            o.today,
            o.copy,
            o.private_script.is_some()
        )
        .as_bytes(),
    );
    feed(&mut h, input.catalog.lang().as_bytes());
    for (name, text) in locales.iter().chain(input.templates) {
        feed(&mut h, name.as_bytes());
        feed(&mut h, text.as_bytes());
    }
    feed(&mut h, b"assets");
    for (name, _) in input.assets {
        feed(&mut h, name.as_bytes());
    }
    feed(&mut h, b"sources");
    for d in files.files {
        h.update(d);
    }
    // What the plan holds that is not a file's text (the record of changes from
    // git), and what the analysis made of the whole.
    feed(&mut h, format!("{:?}", plan.settings).as_bytes());
    feed(&mut h, format!("{:?}", plan.document).as_bytes());
    feed(&mut h, format!("{:?}", plan.cards).as_bytes());
    feed(&mut h, b"links");
    // Each link as bytes (kinds, indexes, field name), hashed together.
    let mut bytes = Vec::with_capacity(input.links.len() * 24);
    for l in input.links.all() {
        bytes.push(l.from.kind as u8);
        bytes.extend((l.from.index as u64).to_le_bytes());
        bytes.extend(l.field.as_bytes());
        bytes.push(0);
        bytes.push(l.to.kind as u8);
        bytes.extend((l.to.index as u64).to_le_bytes());
    }
    h.update(&bytes);
    feed(&mut h, b"warnings");
    for w in input.warnings {
        feed(&mut h, format!("{:?} {:?}", w.report, w.item).as_bytes());
    }
    Record {
        key: hex(&h.finalize()),
        prose: files.prose,
        binder: Vec::new(),
        data: Vec::new(),
        midway: BTreeMap::new(),
    }
}

/// What a rebuild takes from the previous build, through the output stage.
pub struct Earlier<'e> {
    /// The previous build's record.
    pub record: &'e Record,
    /// Puts the previous build's file at `path` into the new site as it is;
    /// false when it cannot (then the whole site is drawn).
    pub keep: &'e (dyn Fn(&str) -> bool + Sync),
    /// The previous build's file at a path (search-index.js), when it is still as
    /// that build wrote it.
    pub read: &'e (dyn Fn(&str) -> Option<Vec<u8>> + Sync),
    /// Writes the file at a path (print.html) made of the [`Part`]s, pieces of the
    /// previous build's file there and new bytes, without holding either whole:
    /// Ok(false) when that file is not as the previous build wrote it, or a piece
    /// does not lie inside it (then the whole site is drawn).
    pub splice: &'e Splice<'e>,
}

/// See [`Earlier::splice`].
pub type Splice<'a> = dyn Fn(&str, &[Part]) -> Result<bool, String> + Sync + 'a;

/// A piece of a file that a rebuild splices (see [`Earlier::splice`]).
#[derive(Debug, PartialEq, Eq)]
pub enum Part<'a> {
    /// The previous build's bytes from `.0` up to `.1`, or to its end (None).
    Earlier(usize, Option<usize>),
    New(&'a [u8]),
}

/// What was rendered: notes for the build's output, and where print.html holds
/// each section (the binder of the next build's [`Record`]; empty when unknown).
pub struct Rendered {
    pub notes: Vec<String>,
    /// How many pages were drawn (the rest were the previous build's).
    pub drawn: usize,
    pub binder: Sections,
    /// Where plan.json holds each page's item's body (see [`Record::data`]).
    pub data: Sections,
}

/// Where each section of the binder lies in print.html's bytes, or nothing when
/// the layout did not keep the pieces as they are.
pub(super) fn sections_in(bytes: &[u8], front: &str, pieces: &[(&str, Option<usize>)]) -> Sections {
    let Some(mut at) = memchr::memmem::find(bytes, front.as_bytes()) else {
        return Vec::new();
    };
    at += front.len();
    let mut out = Vec::new();
    for (piece, page) in pieces {
        let end = at + piece.len();
        if bytes.get(at..end) != Some(piece.as_bytes()) {
            return Vec::new();
        }
        if let Some(page) = page {
            out.push((at, end, *page));
        }
        at = end;
    }
    out
}

impl<'a> Renderer<'a> {
    /// The rebuild of the module's text; None when the previous build cannot be
    /// reused (the caller then draws the whole site).
    pub(super) fn again(
        &self,
        now: &Record,
        earlier: &Earlier,
        put: &(dyn Fn(SiteFile) -> Result<(), Error> + Sync),
    ) -> Result<Option<(Sections, usize)>, Error> {
        let all = pages(self.input.plan);
        let before = earlier.record;
        let Some(changed) = changed(now, before, all.len()) else {
            return Ok(None);
        };
        // Every page that did not change must be as the previous build wrote it;
        // that is looked at while print.html is spliced (whose staged copy is
        // dropped with the rest when it is not). The splice, the longest part of a
        // rebuild's drawing, is begun first.
        let keep = || {
            (all.par_iter().zip(&changed))
                .filter(|(_, c)| !**c)
                .all(|(&p, _)| (earlier.keep)(&self.path_and_title(p).0))
        };
        let (print, kept) = rayon::join(|| self.print_again(&all, &changed, earlier, put), keep);
        if !kept {
            return Ok(None);
        }
        print
    }

    /// print.html of a rebuild: the previous one with the sections of the `changed`
    /// pages drawn again (and those pages written). None when it cannot be.
    fn print_again(
        &self,
        all: &[Page],
        changed: &[bool],
        earlier: &Earlier,
        put: &(dyn Fn(SiteFile) -> Result<(), Error> + Sync),
    ) -> Result<Option<(Sections, usize)>, Error> {
        let before = earlier.record;
        let fresh: Vec<usize> = (0..all.len()).filter(|&i| changed[i]).collect();
        // Nothing changed: print.html is the previous build's too.
        if fresh.is_empty() && (earlier.keep)("print.html") {
            return Ok(Some((before.binder.clone(), 0)));
        }
        // A page the binder holds must have its section in the previous one.
        let in_print: std::collections::HashSet<usize> =
            before.binder.iter().map(|s| s.2).collect();
        if (fresh.iter()).any(|&i| in_binder(all[i]) && !in_print.contains(&i)) {
            return Ok(None);
        }
        let sections: HashMap<usize, String> = fresh
            .par_iter()
            .map(|&i| {
                let s = self.page(all[i], put, in_binder(all[i]))?;
                Ok((i, self.binder_links(&s)))
            })
            .collect::<Result<_, Error>>()?;
        // print.html: the previous one with the new sections in place of the old.
        let (parts, binder) = splice_sections(&before.binder, &sections);
        let spliced = (earlier.splice)("print.html", &parts).map_err(Error::Output)?;
        Ok(spliced.then_some((binder, fresh.len())))
    }
}

/// The parts of print.html when the `sections` of some pages (by their place in
/// the site's page order) take the place of theirs in the previous one, whose
/// sections lie at `before`; and where each section lies in the new one. Unchanged
/// stretches of the previous file are one part each.
pub(super) fn splice_sections<'s>(
    before: &[(usize, usize, usize)],
    sections: &'s HashMap<usize, String>,
) -> (Vec<Part<'s>>, Sections) {
    let mut parts = Vec::new();
    let mut binder = Vec::with_capacity(before.len());
    // The stretch of the previous file not yet in `parts`, and the new file's size.
    let (mut from, mut at) = (0, 0);
    for &(start, end, page) in before {
        match sections.get(&page) {
            Some(s) => {
                at += start - from;
                parts.push(Part::Earlier(from, Some(start)));
                parts.push(Part::New(s.as_bytes()));
                binder.push((at, at + s.len(), page));
                at += s.len();
                from = end;
            }
            None => {
                let len = end - start;
                binder.push((at + start - from, at + start - from + len, page));
            }
        }
    }
    parts.push(Part::Earlier(from, None));
    (parts, binder)
}

/// Which of the `pages` changed since the `before` build, when the pages drawn
/// `now` may be drawn again alone: none when the rest of the plan changed, or more
/// than a quarter of the pages (drawing them all then costs about the same).
pub(super) fn changed(now: &Record, before: &Record, pages: usize) -> Option<Vec<bool>> {
    if before.key != now.key || before.prose.len() != pages || before.binder.is_empty() {
        return None;
    }
    let changed: Vec<bool> = (now.prose.iter().zip(&before.prose))
        .map(|(n, b)| n.is_some() && n != b)
        .collect();
    let count = changed.iter().filter(|c| **c).count();
    (count * 4 <= pages).then_some(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_few_changed_pages_of_the_same_plan_are_drawn_alone() {
        let hash = |c: &str| Some(c.repeat(16));
        let before = Record {
            key: "ab".repeat(32),
            prose: vec![hash("a"), hash("b"), None, hash("c"), hash("d")],
            binder: vec![(0, 10, 0)],
            ..Record::default()
        };
        let mut now = before.clone();
        assert_eq!(changed(&now, &before, 5), Some(vec![false; 5]));
        now.prose[1] = hash("e");
        assert_eq!(
            changed(&now, &before, 5),
            Some(vec![false, true, false, false, false])
        );
        // More than a quarter: all are drawn.
        now.prose[3] = hash("f");
        assert_eq!(changed(&now, &before, 5), None);
        // Another plan, another number of pages, a record without the binder.
        let other = Record {
            key: "cd".repeat(32),
            ..before.clone()
        };
        assert_eq!(changed(&other, &before, 5), None);
        assert_eq!(changed(&before, &before, 6), None);
        let no_binder = Record {
            binder: Vec::new(),
            ..before.clone()
        };
        assert_eq!(changed(&before, &no_binder, 5), None);
    }

    #[test]
    fn changed_sections_are_spliced_between_stretches_of_the_previous_file() {
        // Sections of pages 0, 1 and 2 at 10..20, 25..40 and 40..50.
        let before = vec![(10, 20, 0), (25, 40, 1), (40, 50, 2)];
        let sections: HashMap<usize, String> = [(1, "abc".to_string())].into();
        let (parts, binder) = splice_sections(&before, &sections);
        assert_eq!(
            parts,
            vec![
                Part::Earlier(0, Some(25)),
                Part::New(b"abc"),
                Part::Earlier(40, None)
            ]
        );
        assert_eq!(binder, vec![(10, 20, 0), (25, 28, 1), (28, 38, 2)]);
        // Nothing changed: the previous file whole, the sections where they were.
        let none = HashMap::new();
        let (parts, binder) = splice_sections(&before, &none);
        assert_eq!(parts, vec![Part::Earlier(0, None)]);
        assert_eq!(binder, before);
    }

    #[test]
    fn a_record_is_valid_only_with_sections_in_order_naming_pages() {
        let r = Record {
            key: "ab".repeat(32),
            prose: vec![None, Some("cd".repeat(8))],
            binder: vec![(10, 20, 0), (25, 40, 1)],
            data: vec![(5, 8, 1)],
            midway: [("print.html".to_string(), vec!["00".repeat(40)])].into(),
        };
        assert!(r.valid());
        let json = serde_json::to_string(&r).expect("json");
        assert_eq!(serde_json::from_str::<Record>(&json).ok(), Some(r.clone()));
        let overlapping = Record {
            binder: vec![(10, 20, 0), (15, 30, 1)],
            ..r.clone()
        };
        assert!(!overlapping.valid());
        let no_page = Record {
            binder: vec![(10, 20, 2)],
            ..r
        };
        assert!(!no_page.valid());
    }
}
