//! Generations: each successful build of `serve` is one, immutable, published at once
//! as a whole. Pages are drawn from it when first asked for and kept with it, so a
//! browser never sees a page of one build beside a page of another.

use crate::analyze::Analysis;
use crate::diagnostic::Report;
use crate::load::{SiteFiles, Snapshot};
use crate::model::{Date, Links, Plan};
use crate::render::{self, Input, Options, Site, Templates, Warning};
use crate::source::Sources;
use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// What a generation is drawn from, owned.
pub struct Owned {
    plan: Plan,
    sources: Sources,
    links: Links,
    warnings: Vec<Warning>,
    /// `assets/` and `templates/`, shared by generations while they do not change.
    site_files: Arc<SiteFiles>,
    options: Options,
    catalog: crate::i18n::Catalog,
}

self_cell::self_cell!(
    struct Drawn {
        owner: Owned,
        #[covariant]
        dependent: Site,
    }
);

/// One build, ready to serve.
pub struct Generation {
    /// Unique for this server process and build: `<server>-<n>`.
    pub id: String,
    drawn: Drawn,
    pages: Mutex<HashMap<String, Arc<Vec<u8>>>>,
}

impl Generation {
    /// Draws nothing yet: checks that the templates parse, so that a broken override
    /// is an error of the build, not of every page.
    pub fn new(
        id: String,
        snapshot: Snapshot,
        analysis: Analysis,
        site_files: Arc<SiteFiles>,
        templates: Templates,
        include_private: bool,
        today: Date,
    ) -> Result<Generation, String> {
        let all: Vec<_> = snapshot
            .diagnostics
            .iter()
            .chain(&analysis.diagnostics)
            .cloned()
            .collect();
        let warnings = render::warnings(&snapshot.plan, &snapshot.sources, &all, include_private);
        let owned = Owned {
            plan: snapshot.plan,
            sources: snapshot.sources,
            links: analysis.links,
            warnings,
            site_files,
            options: Options {
                include_private,
                today,
                copy: None,
                private_script: None,
            },
            catalog: templates.catalog().clone(),
        };
        let drawn = Drawn::try_new(owned, |o| {
            Site::new(
                &Input {
                    plan: &o.plan,
                    sources: &o.sources,
                    links: &o.links,
                    warnings: &o.warnings,
                    assets: &o.site_files.assets,
                    templates: &o.site_files.templates,
                    options: &o.options,
                    catalog: &o.catalog,
                },
                templates,
            )
            .map_err(|e| e.to_string())
        })?;
        Ok(Generation {
            id,
            drawn,
            pages: Mutex::new(HashMap::new()),
        })
    }

    /// The file at `path`, drawn now or earlier; None when the site has none there.
    pub fn file(&self, path: &str) -> Result<Option<Arc<Vec<u8>>>, String> {
        if let Some(hit) = self.pages.lock().ok().and_then(|p| p.get(path).cloned()) {
            return Ok(Some(hit));
        }
        let drawn = self
            .drawn
            .borrow_dependent()
            .file(path)
            .map_err(|e| e.to_string())?;
        Ok(drawn.map(|bytes| {
            let bytes = Arc::new(bytes);
            if let Ok(mut p) = self.pages.lock() {
                p.insert(path.to_string(), bytes.clone());
            }
            bytes
        }))
    }

    /// Notes on the cards, as `build` prints them.
    pub fn notes(&self) -> Vec<String> {
        self.drawn.borrow_dependent().notes()
    }
}

/// What the server shows: the last good generation, and the errors of the latest
/// build when it failed.
pub struct State {
    /// None until a build of the plan succeeds.
    pub generation: Option<Arc<Generation>>,
    /// The diagnostics (as `check` prints them) that stopped the latest build.
    pub errors: Option<Arc<Vec<Report>>>,
    /// Counts every change of the two above; a waiting browser is told of each.
    pub version: u64,
}

/// The generation served (if any), the errors of the latest build, the version.
pub type Now = (Option<Arc<Generation>>, Option<Arc<Vec<Report>>>, u64);

/// The state, and a way to wait for its next change.
pub struct Published {
    state: Mutex<State>,
    changed: Condvar,
}

impl Default for Published {
    fn default() -> Published {
        Published {
            state: Mutex::new(State {
                generation: None,
                errors: None,
                version: 1,
            }),
            changed: Condvar::new(),
        }
    }
}

impl Published {
    /// The current state (cheap: shared pointers).
    pub fn now(&self) -> Now {
        match self.state.lock() {
            Ok(s) => (s.generation.clone(), s.errors.clone(), s.version),
            Err(poisoned) => {
                let s = poisoned.into_inner();
                (s.generation.clone(), s.errors.clone(), s.version)
            }
        }
    }

    /// Makes `generation` the one served, as a whole, and clears the errors.
    pub fn publish(&self, generation: Generation) {
        self.update(|s| {
            s.generation = Some(Arc::new(generation));
            s.errors = None;
        });
    }

    /// The latest build failed: the last good generation stays, with its errors.
    pub fn fail(&self, errors: Vec<Report>) {
        self.update(|s| s.errors = Some(Arc::new(errors)));
    }

    fn update(&self, f: impl FnOnce(&mut State)) {
        let mut s = match self.state.lock() {
            Ok(s) => s,
            Err(p) => p.into_inner(),
        };
        f(&mut s);
        s.version += 1;
        drop(s);
        self.changed.notify_all();
    }

    /// Waits until the version differs from `seen`, or `timeout` passes; the version
    /// then.
    pub fn wait(&self, seen: u64, timeout: Duration) -> u64 {
        let s = match self.state.lock() {
            Ok(s) => s,
            Err(p) => p.into_inner(),
        };
        let s = match self
            .changed
            .wait_timeout_while(s, timeout, |s| s.version == seen)
        {
            Ok((s, _)) => s,
            Err(p) => p.into_inner().0,
        };
        s.version
    }
}
