//! Watching the plan folder: recursively (a vim save replaces the file, so single
//! files cannot be watched), or by polling for file systems that send no events
//! (network shares, WSL). Editor temporary files, `.git/` and the output folder are
//! ignored; changes are collected into batches after a short quiet time.

use notify::{EventKind, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long the folder must be quiet before a batch is built; how long a batch may
/// wait at most while changes keep coming.
const QUIET: Duration = Duration::from_millis(25);
const LONGEST: Duration = Duration::from_millis(300);
/// How often `--poll` looks.
pub const POLL_EVERY: Duration = Duration::from_millis(250);

/// A running watcher; dropping it stops watching.
pub struct Watch {
    _watcher: Option<Box<dyn Watcher + Send>>,
    events: Receiver<PathBuf>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

/// What polling compares of a file: size, time of change (to the nanosecond; notify's
/// poller compares seconds, and misses a second edit within the same second) and
/// inode (a file replaced by another).
type Seen = std::collections::HashMap<PathBuf, (u64, Option<std::time::SystemTime>, u64)>;

fn scan(root: &Path) -> Seen {
    let mut out = Seen::new();
    let walker = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || matters(root, e.path()));
    for e in walker.flatten() {
        if let Ok(m) = e.metadata() {
            #[cfg(unix)]
            let ino = std::os::unix::fs::MetadataExt::ino(&m);
            #[cfg(not(unix))]
            let ino = 0;
            out.insert(e.into_path(), (m.len(), m.modified().ok(), ino));
        }
    }
    out
}

/// Polls `root` until `stop`, sending every path that appeared, went or changed.
fn poll(
    root: PathBuf,
    tx: std::sync::mpsc::Sender<PathBuf>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
    let mut last = scan(&root);
    while !stop.load(std::sync::atomic::Ordering::SeqCst) {
        std::thread::sleep(POLL_EVERY);
        let now = scan(&root);
        let changed = now
            .iter()
            .filter(|(p, v)| last.get(*p) != Some(v))
            .map(|(p, _)| p)
            .chain(last.keys().filter(|p| !now.contains_key(*p)));
        for p in changed {
            if tx.send(p.clone()).is_err() {
                return;
            }
        }
        last = now;
    }
}

/// Whether a change to `path` (inside `plan`) can change the site: not editor
/// temporary files, hidden files, `.git/` or the output folder `site/`.
pub fn matters(plan: &Path, path: &Path) -> bool {
    let rel = path.strip_prefix(plan).unwrap_or(path);
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    if let Some(first) = parts.next()
        && (first == "site" || first == ".git")
    {
        return false;
    }
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return true;
    };
    // What the plan passes over (hidden, OS and editor files), and editors'
    // temporary files while they save.
    let temporary = crate::load::ignored(&name) || name.ends_with(".tmp");
    let hidden_folder = rel
        .components()
        .rev()
        .skip(1)
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    !temporary && !hidden_folder
}

impl Watch {
    /// Watches `plan` recursively, by events or (with `poll`) by polling.
    pub fn start(plan: &Path, by_polling: bool) -> notify::Result<Watch> {
        let (tx, events) = channel();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        if by_polling {
            let (root, stop2) = (plan.to_path_buf(), stop.clone());
            std::thread::spawn(move || poll(root, tx, stop2));
            return Ok(Watch {
                _watcher: None,
                events,
                stop,
            });
        }
        let root = plan.to_path_buf();
        let handler = move |res: notify::Result<notify::Event>| {
            let Ok(event) = res else { return };
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            for p in event.paths {
                if matters(&root, &p) {
                    let _ = tx.send(p);
                }
            }
        };
        let mut watcher: Box<dyn Watcher + Send> = Box::new(notify::recommended_watcher(handler)?);
        watcher.watch(plan, RecursiveMode::Recursive)?;
        Ok(Watch {
            _watcher: Some(watcher),
            events,
            stop,
        })
    }

    /// The next batch of changed paths: waits for a first change, then until the
    /// folder has been quiet for a moment. None when the watcher has stopped.
    pub fn next_batch(&self) -> Option<Vec<PathBuf>> {
        let first = self.events.recv().ok()?;
        let mut batch = vec![first];
        let started = Instant::now();
        loop {
            let left = LONGEST.saturating_sub(started.elapsed());
            match self.events.recv_timeout(QUIET.min(left)) {
                Ok(p) => batch.push(p),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if started.elapsed() >= LONGEST {
                break;
            }
        }
        batch.sort();
        batch.dedup();
        Some(batch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_git_and_the_output_folder_do_not_matter() {
        let plan = Path::new("/p");
        for ignored in [
            "/p/runbooks/.x.md.swp",
            "/p/runbooks/x.md~",
            "/p/runbooks/4913",
            "/p/runbooks/#x.md#",
            "/p/runbooks/.#x.md",
            "/p/runbooks/x.md___jb_tmp___",
            "/p/.DS_Store",
            "/p/.git/index",
            "/p/site/index.html",
            "/p/runbooks/.hidden/x.md",
        ] {
            assert!(!matters(plan, Path::new(ignored)), "{ignored}");
        }
        for kept in [
            "/p/runbooks/x.md",
            "/p/plan.toml",
            "/p/assets/map.svg",
            "/p/runbooks/sub",
        ] {
            assert!(matters(plan, Path::new(kept)), "{kept}");
        }
    }
}
