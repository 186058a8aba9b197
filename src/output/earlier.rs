//! What a rebuild takes from the previous build's files in OUT: a file kept as it
//! is, read back, or spliced with new bytes, each only when it is still what that
//! build wrote (see the text of `output`).

use super::manifest::{Hashing, MIDWAY, ManifestEntry, sha256_hex, stream_midway};
use super::safe_fs::{changed_at, open_regular, read_exact_len};
use super::{Staging, WriteError, io_error};
use crate::render::reuse::{Part, Record};
use std::fs;
use std::io::{self, Read};
use std::path::PathBuf;

impl Staging {
    /// Where the previous build's file at `path` is, what that build's manifest
    /// says of it (SHA-256 and size), and whether it is settled: unchanged since
    /// that build, known without reading it (see the module's text). None when it
    /// is not a regular file of that size with no link on the way, or no previous
    /// build wrote it.
    pub(super) fn earlier_place(&self, path: &str) -> Option<(PathBuf, &(String, u64), bool)> {
        let old = self.previous.as_ref()?;
        let entry = old.hashes.get(path)?;
        // The folders the previous build's files are in were checked once (see
        // `previous_site`): one look at the file itself is left.
        let folder = path.rsplit_once('/').map(|(dir, _)| dir);
        if folder.is_some_and(|dir| !old.folders.contains(dir)) {
            return None;
        }
        let at = self.out.join(path);
        let meta = fs::symlink_metadata(&at).ok()?;
        if !meta.is_file() || meta.len() != entry.1 {
            return None;
        }
        let settled = (old.settled.zip(changed_at(&meta))).is_some_and(|(m, f)| f < m);
        Some((at, entry, settled))
    }

    /// Whether OUT holds `bytes` (whose SHA-256 is `sha256`) at `path` already, as
    /// the previous build wrote them: never judged by size or time alone.
    pub(super) fn unchanged(&self, path: &str, sha256: &str, bytes: &[u8]) -> bool {
        let Some((at, entry, settled)) = self.earlier_place(path) else {
            return false;
        };
        if entry.0 != sha256 || entry.1 != bytes.len() as u64 {
            return false;
        }
        settled || read_exact_len(&at, entry.1).is_ok_and(|b| b.as_deref() == Some(bytes))
    }

    /// The states of the SHA-256 of the previous build's file at `path` on the way,
    /// as that build recorded them (see `manifest::Hashing`).
    fn earlier_midway(&self, path: &str) -> Option<&Vec<String>> {
        self.previous.as_ref()?.reuse.as_ref()?.midway.get(path)
    }

    /// What the previous build in OUT recorded for a rebuild, if anything.
    pub fn earlier(&self) -> Option<&Record> {
        self.previous.as_ref()?.reuse.as_ref()
    }

    /// Keeps the previous build's file at `path` in the new site as it is; false
    /// when it is not as that build wrote it.
    pub fn keep(&self, path: &str) -> bool {
        let Some((at, (sha256, bytes), settled)) = self.earlier_place(path) else {
            return false;
        };
        let same = settled
            || read_exact_len(&at, *bytes)
                .ok()
                .flatten()
                .is_some_and(|b| sha256_hex(&b) == *sha256);
        if same {
            if let Some(states) = self.earlier_midway(path) {
                self.midway_states(path, states.clone());
            }
            self.record(ManifestEntry {
                path: path.to_string(),
                sha256: sha256.clone(),
                bytes: *bytes,
            });
        }
        same
    }

    /// The bytes of the previous build's file at `path`, when they are what that
    /// build wrote (see [`Staging::keep`]).
    pub fn read_earlier(&self, path: &str) -> Option<Vec<u8>> {
        let (at, (sha256, len), settled) = self.earlier_place(path)?;
        let bytes = read_exact_len(&at, *len).ok().flatten()?;
        (settled || sha256_hex(&bytes) == *sha256).then_some(bytes)
    }

    /// Writes `path` made of `parts`: pieces of the previous build's file there and
    /// new bytes, streamed a buffer at a time and hashed on the way (print.html is
    /// 91 MB for 10,000 runbooks: neither version is held whole). The bytes before
    /// the first new one are the previous file's: they are copied by the kernel and
    /// hashed only from the last state of the previous file's SHA-256 recorded
    /// before them (see `manifest::Hashing`). Ok(false) when the previous file is
    /// not as that build wrote it, or a piece does not lie inside it; nothing is
    /// moved into OUT then. When the result is the previous file's bytes, it is
    /// kept as it is.
    pub fn splice(&self, path: &str, parts: &[Part]) -> Result<bool, WriteError> {
        use std::io::{Seek, SeekFrom, Write};
        let Some((at, (sha256, len), settled)) = self.earlier_place(path) else {
            return Ok(false);
        };
        let (earlier, len) = (sha256.clone(), *len);
        let inside_file = |from: usize, to: Option<usize>| {
            let to = to.map_or(len, |t| t as u64);
            from as u64 <= to && to <= len
        };
        if (parts.iter()).any(|p| matches!(p, Part::Earlier(f, t) if !inside_file(*f, *t))) {
            return Ok(false);
        }
        let Ok(mut old) = open_regular(&at) else {
            return Ok(false);
        };
        // Not known to be unchanged: it is read whole and hashed first (and the
        // states on the way are those of its bytes).
        let states = if settled {
            self.earlier_midway(path).cloned().unwrap_or_default()
        } else {
            match stream_midway(&mut old, len, path, |_| Ok(())) {
                Ok((sha256, bytes, states)) if (&sha256, bytes) == (&earlier, len) => states,
                _ => return Ok(false),
            }
        };
        // The new file's first bytes that are the previous file's, at the same places.
        let (mut same, mut lead) = (0u64, 0);
        for part in parts {
            match part {
                Part::Earlier(from, to) if *from as u64 == same => {
                    same = to.map_or(len, |t| t as u64);
                    lead += 1;
                }
                _ => break,
            }
        }
        let resumed = usize::try_from(same / MIDWAY)
            .ok()
            .map(|n| n.min(states.len()))
            .filter(|&n| n > 0)
            .and_then(|n| Hashing::resume(&states[..n]));
        let mut hashing = resumed.unwrap_or_else(Hashing::new);
        let p = self.place(path)?;
        let mut out = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&p)
            .map_err(|e| io_error("write", &p, e))?;
        let read = |e: io::Error| io_error("read", &at, e);
        // The bytes the resumed hash has seen: copied as they are (by the kernel,
        // `copy_file_range`, where it can).
        let skipped = hashing.at();
        if skipped > 0 {
            old.seek(SeekFrom::Start(0)).map_err(read)?;
            let copied = io::copy(&mut (&old).take(skipped), &mut out)
                .map_err(|e| io_error("write", &p, e))?;
            if copied != skipped {
                return Ok(false);
            }
        }
        let mut put = |b: &[u8]| {
            hashing.update(b);
            out.write_all(b).map_err(|e| io_error("write", &p, e))
        };
        let mut buf = vec![0u8; 256 * 1024];
        for (i, part) in parts.iter().enumerate() {
            let (mut from, to) = match part {
                Part::New(b) => {
                    put(b)?;
                    continue;
                }
                Part::Earlier(from, to) => (*from as u64, to.map_or(len, |t| t as u64)),
            };
            // The leading pieces (at the same places in both files) were copied up
            // to `skipped` already.
            if i < lead {
                if to <= skipped {
                    continue;
                }
                from = from.max(skipped);
            }
            old.seek(SeekFrom::Start(from)).map_err(read)?;
            let mut left = to - from;
            while left > 0 {
                let want = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
                let n = match old.read(&mut buf[..want]) {
                    // Shorter than the manifest said: changed under us.
                    Ok(0) => return Ok(false),
                    Ok(n) => n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(read(e)),
                };
                put(&buf[..n])?;
                left -= n as u64;
            }
        }
        let (sha256, bytes, states) = hashing.finish();
        if (&sha256, bytes) == (&earlier, len) {
            let _ = fs::remove_file(&p);
        } else {
            self.stage(path);
        }
        self.midway_states(path, states);
        self.record(ManifestEntry {
            path: path.to_string(),
            sha256,
            bytes,
        });
        Ok(true)
    }
}
