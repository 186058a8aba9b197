//! A plan kept in memory between changes, for `serve`: after an edit only the
//! changed files are read and parsed again; their items take the places of the old
//! ones, and every unchanged item is shared with the previous plan.
//!
//! When files are added, removed or renamed, file numbers (and with them every
//! position in the plan) change, so the whole plan is loaded again.

use super::*;

/// What one file gave, kept: its diagnostics and how many items of each kind.
struct FileState {
    diagnostics: Vec<Diagnostic>,
    counts: [usize; 11],
}

pub struct Workspace {
    dir: PathBuf,
    root: PlanRoot,
    found: Vec<Found>,
    /// What finding the files reported (links out of the plan, misspelt folders).
    found_diagnostics: Vec<Diagnostic>,
    files: Vec<FileState>,
    sources: Sources,
    /// The plan without its id index (built for each snapshot).
    plan: Plan,
    site: SiteList,
    /// The id index, while no id has changed.
    index: Option<Arc<FxHashMap<String, ItemRef>>>,
    /// The record of changes from git (read when the plan is loaded whole).
    git: Option<Vec<Change>>,
}

/// The plan as it is now: what `check` and `build` get from [`load`].
pub struct Snapshot {
    pub plan: Plan,
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
    pub site: SiteList,
    pub root: PlanRoot,
}

impl Workspace {
    /// Reads the whole plan in `dir`.
    pub fn load(dir: &Path) -> std::io::Result<Workspace> {
        let root = PlanRoot::new(dir)?;
        let mut found_diagnostics = Vec::new();
        let found = discover(dir, &root, &mut found_diagnostics)?;
        let site = site_files::list(dir, &root, &mut found_diagnostics)?;
        let results: Vec<FileResult> = found
            .par_iter()
            .enumerate()
            .map(|(i, (rel, path, folder))| read_file(&root, id_of(i), rel, path, *folder))
            .collect();
        let mut plan = empty_plan();
        let mut sources = Sources::default();
        let mut files = Vec::with_capacity(results.len());
        let mut settings = None;
        for result in results {
            let mut counts = [0; 11];
            for item in &result.items {
                counts[item.slot()] += 1;
            }
            files.push(FileState {
                diagnostics: result.diagnostics,
                counts,
            });
            sources.add(result.source);
            super::apply_document(&mut plan, result.document);
            if let Some(boxed) = result.settings {
                settings = Some(*boxed);
            }
            for item in result.items {
                place(&mut plan, item);
            }
        }
        if let Some((s, cards)) = settings {
            plan.settings = s;
            plan.cards = cards;
        }
        Ok(Workspace {
            dir: dir.to_path_buf(),
            root,
            found,
            found_diagnostics,
            files,
            sources,
            plan,
            site,
            index: None,
            git: super::document::GitLog::start(dir).and_then(|g| g.record().ok()),
        })
    }

    /// Takes in the changes to `paths` (files of the plan folder, as the watcher
    /// reports them). Re-reads only those files when the plan's files are the same;
    /// else loads the whole plan again. Returns whether it was loaded whole.
    pub fn update(&mut self, paths: &[PathBuf]) -> std::io::Result<bool> {
        // Only files the plan has, still there as files, and files that came and went
        // (an editor's or sed's temporary file): the same files, no need to look for
        // others (the usual case: an edit).
        let known: Option<Vec<usize>> = paths
            .iter()
            .filter(|p| self.position(p).is_some() || std::fs::symlink_metadata(p).is_ok())
            .map(|p| self.known_file(p))
            .collect();
        if let Some(mut changed) = known {
            changed.sort_unstable();
            changed.dedup();
            for i in changed {
                self.reread(i);
            }
            return Ok(false);
        }
        let mut found_diagnostics = Vec::new();
        let found = discover(&self.dir, &self.root, &mut found_diagnostics)?;
        let site = site_files::list(&self.dir, &self.root, &mut found_diagnostics)?;
        let same = found.len() == self.found.len()
            && found
                .iter()
                .zip(&self.found)
                .all(|(a, b)| a.0 == b.0 && a.2 == b.2);
        if !same {
            *self = Workspace::load(&self.dir)?;
            return Ok(true);
        }
        self.found_diagnostics = found_diagnostics;
        self.site = site;
        let mut changed: Vec<usize> = paths.iter().filter_map(|p| self.position(p)).collect();
        changed.sort_unstable();
        changed.dedup();
        for i in changed {
            self.reread(i);
        }
        Ok(false)
    }

    /// The number of the plan's file at `path` (as the watcher reports it), if the
    /// plan has one there.
    fn position(&self, path: &Path) -> Option<usize> {
        let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        // The file itself may be gone (an editor replacing it): its folder is not.
        let parent = path.parent().map(canonical)?;
        let full = parent.join(path.file_name()?);
        let rel = full.strip_prefix(canonical(&self.dir)).ok()?;
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        self.found.binary_search_by(|f| f.0.as_str().cmp(&rel)).ok()
    }

    /// Like [`Workspace::position`], and only for a regular file that is there (or
    /// a link the plan reads), not a folder, nor `assets/` or `templates/`, which
    /// are no files of the plan's items.
    fn known_file(&self, path: &Path) -> Option<usize> {
        let i = self.position(path)?;
        std::fs::metadata(&self.found[i].1)
            .ok()
            .filter(|m| m.is_file())
            .map(|_| i)
    }

    /// Reads file `i` again and puts its items in the places of its old ones.
    fn reread(&mut self, i: usize) {
        let (rel, path, folder) = &self.found[i];
        let result = read_file(&self.root, id_of(i), rel, path, *folder);
        // Where this file's items start in each list of the plan.
        let mut at = [0usize; 11];
        for f in &self.files[..i] {
            for (a, n) in at.iter_mut().zip(f.counts) {
                *a += n;
            }
        }
        let old = self.files[i].counts;
        let mut counts = [0; 11];
        for item in &result.items {
            counts[item.slot()] += 1;
        }
        // The id index stays valid while the file's ids (kinds and order) are the same.
        let old_ids: Vec<(usize, &str)> = (0..11)
            .flat_map(|slot| (at[slot]..at[slot] + old[slot]).map(move |index| (slot, index)))
            .filter(|&(slot, index)| index < self.plan.counts()[slot])
            .map(|(slot, index)| {
                let r = ItemRef {
                    kind: Kind::ALL[slot],
                    index,
                };
                (slot, self.plan.head(r).id.value.as_str())
            })
            .collect();
        let mut new_ids: Vec<(usize, &str)> =
            result.items.iter().map(|x| (x.slot(), x.id())).collect();
        new_ids.sort_by_key(|(slot, _)| *slot);
        if old_ids != new_ids || result.settings.is_some() {
            self.index = None;
        }
        let plan = &mut self.plan;
        let mut by_slot: [Vec<Item>; 11] = Default::default();
        for item in result.items {
            by_slot[item.slot()].push(item);
        }
        for (slot, items) in by_slot.into_iter().enumerate() {
            if items.is_empty() && old[slot] == 0 {
                continue;
            }
            splice(plan, slot, at[slot]..at[slot] + old[slot], items);
        }
        if let Some(boxed) = result.settings {
            let (s, cards) = *boxed;
            plan.settings = s;
            plan.cards = cards;
        }
        if super::document::FILES.contains(&rel.as_str()) {
            // A file that no longer parses holds nothing.
            match rel.as_str() {
                "changes.toml" => plan.document.changes.clear(),
                _ => plan.document.copies.clear(),
            }
            super::apply_document(plan, result.document);
        }
        self.sources.replace(id_of(i), result.source);
        self.files[i] = FileState {
            diagnostics: result.diagnostics,
            counts,
        };
    }

    /// The plan as it is now, with its id index and every diagnostic of loading.
    /// The items and texts are shared with the workspace.
    pub fn snapshot(&mut self) -> Snapshot {
        let mut plan = self.plan.clone();
        let sources = self.sources.clone();
        let mut diagnostics = self.found_diagnostics.clone();
        for f in &self.files {
            diagnostics.extend(f.diagnostics.iter().cloned());
        }
        if !self.found.iter().any(|f| f.0 == "plan.toml") {
            diagnostics.push(no_plan_toml());
        }
        match &self.index {
            Some(index) => plan.index = index.clone(),
            None => {
                let mut duplicates = Vec::new();
                index(&mut plan, &sources, &mut duplicates);
                // Kept only when no id is duplicated: a duplicate's place moves with
                // edits that keep every id.
                if duplicates.is_empty() {
                    self.index = Some(plan.index.clone());
                }
                diagnostics.extend(duplicates);
            }
        }
        missing_assets(&plan, &sources, &self.site, &mut diagnostics);
        let mut sources = sources;
        locales(&plan, &mut sources, &self.site, &mut diagnostics);
        if !self.found.iter().any(|f| f.0 == "changes.toml")
            && let Some(git) = &self.git
        {
            plan.document.from_git = !git.is_empty();
            plan.document.changes = git.clone();
        }
        Snapshot {
            plan,
            sources,
            diagnostics,
            site: self.site.clone(),
            root: self.root.clone(),
        }
    }
}

/// Replaces the items of one kind (`slot`, in [`Item`] order) at `range` with `items`.
fn splice(plan: &mut Plan, slot: usize, range: std::ops::Range<usize>, items: Vec<Item>) {
    macro_rules! kinds {
        ($($n:literal $list:ident $variant:ident),*) => {
            match slot {
                $($n => {
                    let new = items.into_iter().filter_map(|i| match i {
                        Item::$variant(x) => Some(x),
                        _ => None,
                    });
                    let end = range.end.min(plan.$list.len());
                    let start = range.start.min(end);
                    plan.$list.splice(start..end, new);
                })*
                _ => {}
            }
        };
    }
    kinds!(0 contacts Contact, 1 teams Team, 2 call_trees CallTree, 3 vendors Vendor,
        4 risks Risk, 5 services Service, 6 processes Process, 7 runbooks Runbook,
        8 templates Template, 9 stakeholders Stakeholder, 10 exercises Exercise);
}
