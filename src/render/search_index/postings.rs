//! Posting strings: the targets a word is found in, written as base-36 gaps or a
//! bitmap (see [`super::Index::p`]), and read back by a rebuild.

use super::*;
use std::ops::Range;

/// The digits of a posting bitmap, 6 targets each.
const DIGITS: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// The index's words and their posting strings (see [`Index::w`], [`Index::p`]),
/// from each word's hits as (target, weight), over `targets` targets.
pub(super) fn word_lists(mut words: Vec<Word>, targets: usize) -> (Vec<String>, Vec<String>) {
    // JavaScript compares strings by UTF-16 code units.
    words.par_sort_unstable_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    (words.into_par_iter())
        .map(|(word, hits, kept)| {
            // Debug builds (every test's) check that a kept string is the one the
            // hits make.
            #[cfg(debug_assertions)]
            if let Some(k) = &kept {
                assert_eq!(*k, postings(hits.clone(), targets), "postings of {word}");
            }
            let p = kept.unwrap_or_else(|| postings(hits, targets));
            (word, p)
        })
        .unzip()
}

/// A word of the index, its hits as (target, weight), and its posting string when
/// that is known already (see [`super::again`]).
pub(super) type Word = (String, Vec<(u32, u8)>, Option<String>);

/// A posting string (see [`Index::p`]) read back: (target, weight) of each hit,
/// title and field hits first. None when it is not one [`postings`] writes for
/// `targets` targets.
pub(super) fn decode_postings(p: &str, targets: usize) -> Option<Vec<(u32, u8)>> {
    read_postings(p, targets, None)
}

/// The hits of a posting string (as [`decode_postings`] reads them) on the targets
/// of `ranges` (in order, apart) alone: of a bitmap, only the digits that hold
/// those targets are read.
pub(super) fn hits_within(
    p: &str,
    targets: usize,
    ranges: &[Range<u32>],
) -> Option<Vec<(u32, u8)>> {
    read_postings(p, targets, Some(ranges))
}

fn read_postings(p: &str, targets: usize, only: Option<&[Range<u32>]>) -> Option<Vec<(u32, u8)>> {
    let (high, body) = p.split_once('|')?;
    let target = |t: u64| u32::try_from(t).ok().filter(|&t| (t as usize) < targets);
    let wanted = |t: u32| {
        only.is_none_or(|ranges| {
            let i = ranges.partition_point(|r| r.end <= t);
            ranges.get(i).is_some_and(|r| r.start <= t)
        })
    };
    let mut out = Vec::new();
    let mut at = 0u64;
    for v in high.split(',').filter(|v| !v.is_empty()) {
        let v = u64::from_str_radix(v, 36).ok()?;
        at += v / 2;
        let t = target(at)?;
        if wanted(t) {
            out.push((t, if v % 2 == 1 { TITLE } else { FIELD }));
        }
    }
    if let Some(bits) = body.strip_prefix('~') {
        let bits = bits.as_bytes();
        // The digits read: all, or those that hold the targets wanted.
        let digits: Vec<Range<usize>> = match only {
            None => std::iter::once(0..bits.len()).collect(),
            Some(ranges) => {
                let mut digits: Vec<Range<usize>> = Vec::new();
                for r in ranges {
                    let d = r.start as usize / 6..(r.end as usize).div_ceil(6).min(bits.len());
                    // Two ranges may share a digit: it is read once.
                    match digits.last_mut() {
                        Some(last) if d.start <= last.end => last.end = last.end.max(d.end),
                        _ => digits.push(d),
                    }
                }
                digits
            }
        };
        for i in digits.into_iter().flatten() {
            let b = DIGIT_VALUE[usize::from(*bits.get(i)?)];
            if b >= 64 {
                return None;
            }
            for k in (0..6).filter(|k| b & (1 << k) != 0) {
                let t = target(i as u64 * 6 + k)?;
                if wanted(t) {
                    out.push((t, BODY));
                }
            }
        }
    } else {
        let mut at = 0u64;
        for v in body.split(',').filter(|v| !v.is_empty()) {
            at += u64::from_str_radix(v, 36).ok()?;
            let t = target(at)?;
            if wanted(t) {
                out.push((t, BODY));
            }
        }
    }
    Some(out)
}

/// The value of each byte as one of [`DIGITS`], 255 for a byte that is not one.
pub(super) const DIGIT_VALUE: [u8; 256] = {
    let mut v = [255u8; 256];
    let mut i = 0;
    while i < DIGITS.len() {
        v[DIGITS[i] as usize] = i as u8;
        i += 1;
    }
    v
};

/// What a word's posting string holds of its `hits`: title and field hits per
/// target with their best weight, and the targets of prose hits, each once, in
/// order.
pub(super) fn normal(mut hits: Vec<(u32, u8)>) -> (Vec<(u32, u8)>, Vec<u32>) {
    hits.sort_unstable();
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
    (high, body)
}

/// The posting string of one word (see [`Index::p`]).
pub(super) fn postings(hits: Vec<(u32, u8)>, targets: usize) -> String {
    let (high, body) = normal(hits);
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

pub(super) fn push_base36(out: &mut String, mut n: u64) {
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
