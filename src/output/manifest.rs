//! manifest.json: every file of the site with its SHA-256 and size (spec §3), the
//! record a rebuild reuses, and the hashing of files as they stream by.

use super::WriteError;
use crate::render::reuse::Record;
use serde::{Deserialize, Serialize};
use sha2::digest::common::hazmat::{SerializableState, SerializedState};
use sha2::{Digest, Sha256};
use std::io::{self, Read};

pub const MANIFEST: &str = "manifest.json";

#[derive(Serialize, Deserialize)]
pub struct Manifest {
    pub generator: String,
    pub plan_version: String,
    /// When the site was built, `YYYY-MM-DDTHH:MM:SSZ`.
    pub built: String,
    /// The controlled copy this site is (`build --copy N`), and its holder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_holder: Option<String>,
    pub files: Vec<ManifestEntry>,
    /// What the next build may reuse of this one (see `render::reuse`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reuse: Option<Record>,
}

#[derive(Serialize, Deserialize)]
pub struct ManifestEntry {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

/// The manifest as JSON, one file a line: compact (10,000 runbooks make 20,000
/// entries), yet a change between two builds is a line of `diff`.
pub(super) fn manifest_json(m: &Manifest) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(64 + m.files.len() * 120);
    out.extend_from_slice(b"{\"generator\":");
    serde_json::to_writer(&mut out, &m.generator)?;
    out.extend_from_slice(b",\"plan_version\":");
    serde_json::to_writer(&mut out, &m.plan_version)?;
    out.extend_from_slice(b",\"built\":");
    serde_json::to_writer(&mut out, &m.built)?;
    if let Some(n) = m.copy {
        out.extend_from_slice(format!(",\"copy\":{n},\"copy_holder\":").as_bytes());
        serde_json::to_writer(&mut out, &m.copy_holder)?;
    }
    out.extend_from_slice(b",\"files\":[");
    for (i, f) in m.files.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        serde_json::to_writer(&mut out, f)?;
    }
    out.extend_from_slice(b"\n]");
    if let Some(r) = &m.reuse {
        out.extend_from_slice(b",\n\"reuse\":");
        serde_json::to_writer(&mut out, r)?;
    }
    out.extend_from_slice(b"}\n");
    Ok(out)
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// A digest in lower-case hexadecimal.
pub(super) fn hex(digest: &[u8]) -> String {
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    out
}

/// A manifest is at most this large (a site of about a million files).
pub(super) const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;

/// Reads `from` a buffer at a time, giving each to `each`: its SHA-256 and size.
/// More than `max` bytes is an error naming `shown`.
pub(super) fn stream(
    from: &mut dyn Read,
    max: u64,
    shown: &str,
    each: impl FnMut(&[u8]) -> Result<(), WriteError>,
) -> Result<(String, u64), WriteError> {
    stream_midway(from, max, shown, each).map(|(sha256, bytes, _)| (sha256, bytes))
}

/// [`stream`], with the hasher's states on the way (see [`Hashing`]).
pub(super) fn stream_midway(
    from: &mut dyn Read,
    max: u64,
    shown: &str,
    mut each: impl FnMut(&[u8]) -> Result<(), WriteError>,
) -> Result<(String, u64, Vec<String>), WriteError> {
    let mut hashing = Hashing::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut bytes: u64 = 0;
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(WriteError(format!("cannot read {shown}: {e}"))),
        };
        bytes += n as u64;
        if bytes > max {
            return Err(WriteError(format!(
                "{shown} is larger than {} MiB",
                max / (1024 * 1024)
            )));
        }
        hashing.update(&buf[..n]);
        each(&buf[..n])?;
    }
    Ok(hashing.finish())
}

/// How many bytes apart the states of a large file's SHA-256 that a rebuild may
/// resume from lie (kept in the record, [`Record::midway`]): a rebuild that
/// splices a new section into print.html (91 MB for 10,000 runbooks) hashes it
/// from the last state before its first change, not from its first byte.
pub(super) const MIDWAY: u64 = 4 * 1024 * 1024;

/// The bytes of a state kept (see [`Hashing`]).
const CORE: usize = 40;

/// A file's SHA-256 as its bytes go by, with the hasher's state after each
/// [`MIDWAY`] bytes: its eight words and count of blocks as sha2 serializes them
/// (the first [`CORE`] bytes; the rest, the buffer, is empty there), hexadecimal.
pub(super) struct Hashing {
    hasher: Sha256,
    at: u64,
    midway: Vec<String>,
}

impl Hashing {
    pub(super) fn new() -> Hashing {
        Hashing {
            hasher: Sha256::new(),
            at: 0,
            midway: Vec::new(),
        }
    }

    /// The hashing of a file whose first `states.len()` × [`MIDWAY`] bytes went by,
    /// from the states recorded on the way; None when any of them is not a state
    /// after as many bytes as its place says.
    pub(super) fn resume(states: &[String]) -> Option<Hashing> {
        let read = |n: usize, kept: &str| {
            let mut state = SerializedState::<Sha256>::default();
            if kept.len() != 2 * CORE {
                return None;
            }
            for (i, b) in state.iter_mut().take(CORE).enumerate() {
                *b = u8::from_str_radix(kept.get(2 * i..2 * i + 2)?, 16).ok()?;
            }
            // The count of blocks follows the 8 words.
            let blocks = u64::from_le_bytes(state.get(32..CORE)?.try_into().ok()?);
            (blocks == (n as u64 + 1) * MIDWAY / 64).then_some(state)
        };
        // Each state is one after as many bytes as its place says (the next
        // build's record keeps them all).
        let mut last = None;
        for (n, kept) in states.iter().enumerate() {
            last = Some(read(n, kept)?);
        }
        Some(Hashing {
            hasher: Sha256::deserialize(&last?).ok()?,
            at: states.len() as u64 * MIDWAY,
            midway: states.to_vec(),
        })
    }

    /// How many bytes went by.
    pub(super) fn at(&self) -> u64 {
        self.at
    }

    pub(super) fn update(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let to_next = MIDWAY - self.at % MIDWAY;
            let n = usize::try_from(to_next).map_or(bytes.len(), |t| t.min(bytes.len()));
            self.hasher.update(&bytes[..n]);
            self.at += n as u64;
            bytes = &bytes[n..];
            if self.at.is_multiple_of(MIDWAY) {
                // The hasher's words and count of blocks; its buffer is empty here.
                let state = self.hasher.serialize();
                self.midway.push(hex(state.get(..CORE).unwrap_or(&state)));
            }
        }
    }

    /// The SHA-256 (hexadecimal), the size and the states on the way.
    pub(super) fn finish(self) -> (String, u64, Vec<String>) {
        (hex(&self.hasher.finalize()), self.at, self.midway)
    }
}

/// The SHA-256 of `bytes` and, when it is at least [`MIDWAY`] long, the states on
/// the way (see [`Hashing`]).
pub(super) fn sha256_midway(bytes: &[u8]) -> (String, Vec<String>) {
    if (bytes.len() as u64) < MIDWAY {
        return (sha256_hex(bytes), Vec::new());
    }
    let mut h = Hashing::new();
    h.update(bytes);
    let (sha256, _, midway) = h.finish();
    (sha256, midway)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashing_resumed_from_a_state_on_the_way_ends_as_from_the_start() {
        let len = MIDWAY as usize * 2 + 12_345;
        let bytes: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
        let (whole, midway) = sha256_midway(&bytes);
        assert_eq!(whole, sha256_hex(&bytes));
        assert_eq!(midway.len(), 2);
        // Resumed after the first state, fed the rest in uneven pieces.
        let mut h = Hashing::resume(&midway[..1]).expect("a state");
        assert_eq!(h.at(), MIDWAY);
        for piece in bytes[MIDWAY as usize..].chunks(70_001) {
            h.update(piece);
        }
        let (sha256, size, states) = h.finish();
        assert_eq!((sha256, size, states), (whole, len as u64, midway.clone()));
        // A state that is not one after MIDWAY bytes is refused, as is one garbled.
        assert!(Hashing::resume(&midway[1..]).is_none());
        assert!(Hashing::resume(&["00".repeat(CORE)]).is_none());
        assert!(Hashing::resume(&[format!("{}00", midway[0])]).is_none());
        assert!(Hashing::resume(&["f".repeat(2 * CORE), midway[1].clone()]).is_none());
        assert!(Hashing::resume(&["zz".to_string()]).is_none());
        assert!(Hashing::resume(&[]).is_none());
    }
}
