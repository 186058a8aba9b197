//! manifest.json: every file of the site with its SHA-256 and size (spec §3), the
//! record a rebuild reuses, and the hashing of files as they stream by.

use super::WriteError;
use crate::render::reuse::Record;
use serde::{Deserialize, Serialize};
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
    mut each: impl FnMut(&[u8]) -> Result<(), WriteError>,
) -> Result<(String, u64), WriteError> {
    let mut hasher = Sha256::new();
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
        hasher.update(&buf[..n]);
        each(&buf[..n])?;
    }
    Ok((hex(&hasher.finalize()), bytes))
}
