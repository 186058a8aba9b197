//! `lifeboat build`: the plan checked, then rendered into a site folder (staged, then
//! put in place: see `output`) or one HTML file.

use super::{plan_name, print_render_error, untouched, when, write_whole};
use lifeboat::diagnostic::{Severity, held_back_note, reports};
use lifeboat::model::Date;
use lifeboat::{output, render};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// `build`: OUT is `-o`, else PLAN/site, unless that is a link that came with the plan.
pub fn run(
    plan: &Path,
    out: Option<PathBuf>,
    include_private: bool,
    now: Option<Date>,
    verbose: bool,
    single_file: Option<&Path>,
    controls: Controls,
) -> ExitCode {
    let out = match out {
        Some(o) => o,
        None => {
            // A link named `site` came with the plan: where it points is not the
            // user's choice, so it is not followed.
            let site = plan.join("site");
            if std::fs::symlink_metadata(&site).is_ok_and(|m| m.file_type().is_symlink())
                && single_file.is_none()
            {
                eprintln!(
                    "error: {} is a link, and a link that came with the plan does not choose \
                     where lifeboat writes: nothing was built. Name the output folder with \
                     -o OUT (it may be a link you made), or remove the link.",
                    site.display()
                );
                return ExitCode::from(2);
            }
            site
        }
    };
    build(
        plan,
        &out,
        include_private,
        now,
        verbose,
        single_file,
        controls,
    )
}

/// What a build controls beyond the site's content: which controlled copy it is,
/// and the passphrase of an encrypted build.
pub struct Controls {
    pub copy: Option<i64>,
    pub passphrase: Option<String>,
}

/// The passphrase of `--encrypt-private`: from FILE (its first line), else from
/// LIFEBOAT_PASSPHRASE; never the command line. An error message when it is
/// missing or too short.
pub fn passphrase(file: Option<&Path>) -> Result<String, String> {
    let text = match file {
        Some(f) => std::fs::read_to_string(f)
            .map_err(|e| format!("cannot read the passphrase file {}: {e}", f.display()))?
            .lines()
            .next()
            .unwrap_or("")
            .to_string(),
        None => std::env::var("LIFEBOAT_PASSPHRASE").map_err(|_| {
            "--encrypt-private needs a passphrase: --passphrase-file FILE or the \
             LIFEBOAT_PASSPHRASE environment variable (never on the command line, where \
             other users and the shell history see it)"
                .to_string()
        })?,
    };
    match lifeboat::sealed::weak(&text) {
        Some(why) => Err(why),
        None => Ok(text),
    }
}

fn build(
    dir: &Path,
    out: &Path,
    include_private: bool,
    now: Option<Date>,
    verbose: bool,
    single_file: Option<&Path>,
    controls: Controls,
) -> ExitCode {
    let copy = controls.copy;
    let started = Instant::now();
    let (today, built) = when(now);
    if single_file.is_some() {
        // No site folder is written: OUT is not looked at.
    } else if let Err(e) = output::check_out_place(dir, out) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    // What the previous build left in OUT (its manifest lists 20,000 files for
    // 10,000 runbooks) is read while the plan is; nothing is written to OUT before
    // the plan is known to be sound.
    let (loaded, looked) = rayon::join(
        || lifeboat::load::load(dir),
        || single_file.is_none().then(|| output::Staging::look(out)),
    );
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot read the plan folder {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    let t_load = started.elapsed();

    // While the plan is checked, the two longest preparations of a site that need
    // only the plan: its files hashed (what it is drawn from: see `render::reuse`)
    // and the templates parsed.
    let catalog = render::catalog(&loaded.plan, &loaded.site.locales);
    let (analysis, prepared) = rayon::join(
        || lifeboat::analyze::analyze(&loaded.plan, today),
        || match single_file {
            // --single-file draws one file whole: nothing to prepare.
            Some(file) => Err(file),
            None => Ok(rayon::join(
                || render::reuse::hash_files(&loaded.plan, &loaded.sources, include_private),
                || render::Templates::new(&loaded.site.templates, &catalog),
            )),
        },
    );
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(analysis.diagnostics);
    diagnostics.extend(render::unknown_overrides(&loaded.site.templates));
    let all = reports(&diagnostics, &loaded.sources);
    for r in &all {
        eprintln!("{r}");
    }
    if let Some(note) = held_back_note(&diagnostics) {
        eprintln!("note: {note}");
    }
    let errors = all.iter().filter(|r| r.severity == Severity::Error).count();
    if errors > 0 {
        eprintln!(
            "error: {errors} error{} in the plan {}: nothing was built{}",
            if errors == 1 { "" } else { "s" },
            plan_name(dir),
            untouched(out)
        );
        return ExitCode::from(1);
    }
    let t_check = started.elapsed();
    // Loading is done: rendering gives memory back less eagerly (see `purge_delay`).
    crate::purge_delay(10);
    // A controlled copy must be on the distribution list.
    let holder = match copy {
        None => None,
        Some(n) => match loaded.plan.document.copy(n) {
            Some(c) => Some(loaded.plan.contact_name(&c.holder.value)),
            None => {
                let list = &loaded.plan.document.copies;
                eprintln!(
                    "error: copy {n} is not on the distribution list ({}): nothing was built{}",
                    if list.is_empty() {
                        "the plan has no distribution.toml".to_string()
                    } else {
                        format!(
                            "copies {}",
                            list.iter()
                                .map(|c| c.number.value.to_string())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    },
                    untouched(out)
                );
                return ExitCode::from(2);
            }
        },
    };

    // The single file holds the assets (as data: URLs); a site folder gets them
    // copied from the plan a buffer at a time, so only their names are read here.
    let site_files = if single_file.is_some() {
        match lifeboat::load::read_site_files(&loaded.root, &loaded.site) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        lifeboat::load::SiteFiles {
            assets: (loaded.site.assets.iter())
                .map(|(rel, _)| (rel.clone(), Vec::new()))
                .collect(),
            templates: loaded.site.templates.clone(),
        }
    };
    let plan = &loaded.plan;
    let warnings = render::warnings(plan, &loaded.sources, &diagnostics, include_private);
    // An encrypted build seals every private value with the passphrase (a fresh
    // salt and IV each time: private.js is the one file that differs between builds).
    let private_script = match &controls.passphrase {
        None => None,
        Some(p) => match lifeboat::sealed::seal(p, &render::private_values(plan)) {
            Ok(e) => Some(lifeboat::sealed::script(&e)),
            Err(e) => {
                eprintln!("error: {e}: nothing was built{}", untouched(out));
                return ExitCode::from(2);
            }
        },
    };
    let options = render::Options {
        include_private,
        today,
        copy,
        private_script,
    };
    let input = render::Input {
        plan,
        sources: &loaded.sources,
        links: &analysis.links,
        warnings: &warnings,
        assets: &site_files.assets,
        templates: &site_files.templates,
        options: &options,
        catalog: &catalog,
    };
    let (files, templates) = match prepared {
        Ok(prepared) => prepared,
        Err(file) => return build_single_file(&input, file, started),
    };
    // What the site is drawn from (when it is what the previous build in OUT was
    // drawn from but for some pages' prose, only those are drawn again), beside the
    // staging folder begun (the previous manifest read).
    let (fingerprint, staging) = rayon::join(
        || render::reuse::fingerprint(&input, &binary(), &loaded.site.locales, files),
        || match looked {
            Some(looked) => looked.and_then(|l| output::Staging::begin_after(l, include_private)),
            None => output::Staging::begin(out, include_private),
        },
    );
    let staging = match staging {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let templates = match templates {
        Ok(t) => t,
        Err(e) => {
            print_render_error(&e);
            eprintln!("error: nothing was built{}", untouched(out));
            return ExitCode::from(1);
        }
    };
    let mut begun = Some(staging);
    let mut again = true;
    let (staging, rendered) = loop {
        // The site goes to a staging folder as it is rendered; the commit puts it in place.
        let staging = match begun.take() {
            Some(s) => s,
            None => match output::Staging::begin(out, include_private) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            },
        };
        let record = (staging.earlier()).filter(|r| again && r.key == fingerprint.key);
        let copied = loaded.site.assets.par_iter().try_for_each(|(rel, path)| {
            let (mut file, max) = lifeboat::load::open_asset(&loaded.root, rel, path)?;
            staging
                .copy(
                    &format!("assets/{rel}"),
                    &mut file,
                    max,
                    &format!("assets/{rel}"),
                )
                .map_err(|e| e.0)
        });
        if let Err(e) = copied {
            eprintln!("error: {e}");
            eprintln!("error: nothing was built{}", untouched(out));
            return ExitCode::from(2);
        }
        let sink = |f: &render::SiteFile| staging.write(f).map_err(|e| e.0);
        let rendered = match &record {
            Some(record) => {
                let keep = |path: &str| staging.keep(path);
                let read = |path: &str| staging.read_earlier(path);
                let splice = |path: &str, parts: &[render::reuse::Part]| {
                    staging.splice(path, parts).map_err(|e| e.0)
                };
                let earlier = render::reuse::Earlier {
                    record,
                    keep: &keep,
                    read: &read,
                    splice: &splice,
                };
                match render::render_again(&input, templates.clone(), &fingerprint, &earlier, &sink)
                {
                    // The previous pages cannot be reused: the whole site is drawn (into a
                    // new staging folder; files whose bytes did not change stay as they are).
                    Ok(None) => {
                        again = false;
                        continue;
                    }
                    Ok(Some(r)) => Ok(r),
                    Err(e) => Err(e),
                }
            }
            None => render::render_with(&input, templates.clone(), &sink),
        };
        break (staging, rendered);
    };
    for note in &staging.notes {
        eprintln!("note: {note}");
    }
    let rendered = match rendered {
        Ok(r) => r,
        Err(e) => {
            print_render_error(&e);
            eprintln!("error: nothing was built{}", untouched(out));
            return ExitCode::from(match e {
                render::Error::Template(_) => 1,
                render::Error::Output(_) => 2,
            });
        }
    };
    // What a card could not hold is a warning (and counted in the summary below);
    // the rest are notes.
    let mut card_warnings = 0;
    for note in &rendered.notes {
        match note.strip_prefix("warning: ") {
            Some(w) => {
                card_warnings += 1;
                eprintln!("warning: {w}");
            }
            None => eprintln!("note: {note}"),
        }
    }
    let t_render = started.elapsed();
    let controlled = copy.zip(holder);
    let drawn = rendered.drawn;
    let record = (!rendered.binder.is_empty()).then_some(render::reuse::Record {
        binder: rendered.binder,
        data: rendered.data,
        ..fingerprint
    });
    let (manifest, manifest_bytes) =
        match staging.commit(&plan.settings.info.version, &built, controlled, record) {
            Ok(m) => m,
            Err(e) => {
                // The message says what became of OUT.
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
    let pages = manifest
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .count();
    let t_write = started.elapsed();
    if verbose {
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        eprintln!("load    {:>8.1} ms", ms(t_load));
        eprintln!("check   {:>8.1} ms", ms(t_check - t_load));
        eprintln!(
            "render  {:>8.1} ms  ({drawn} page{} drawn{}, written to a temporary folder as they are done)",
            ms(t_render - t_check),
            if drawn == 1 { "" } else { "s" },
            if drawn + 1 < pages {
                ", the rest kept from the previous build"
            } else {
                ""
            }
        );
        eprintln!(
            "write   {:>8.1} ms  (manifest, new files moved into place)",
            ms(t_write - t_render)
        );
    }
    let items: usize = plan.counts().iter().sum();
    let warned = warnings.len() + card_warnings;
    eprintln!(
        "Built {pages} pages ({items} items, {} warning{}) into {} in {:.2}s",
        warned,
        if warned == 1 { "" } else { "s" },
        out.display(),
        t_write.as_secs_f64()
    );
    // Whoever copies the site records this; `verify --fingerprint` checks a copy.
    println!(
        "Fingerprint (SHA-256 of manifest.json): {}",
        output::fingerprint(&manifest_bytes)
    );
    // The process ends now: freeing every item of a large plan would only cost time.
    std::mem::forget(loaded.plan);
    std::mem::forget(loaded.sources);
    std::mem::forget(analysis.links);
    ExitCode::SUCCESS
}

/// The lifeboat that builds: its version and a hash of the source it was compiled
/// from (another lifeboat may draw every page differently).
fn binary() -> String {
    format!(
        "lifeboat {} {}",
        env!("CARGO_PKG_VERSION"),
        env!("LIFEBOAT_SOURCE")
    )
}

/// `build --single-file FILE`: the site as one HTML file, written whole or not at all.
fn build_single_file(input: &render::Input, file: &Path, started: Instant) -> ExitCode {
    let bytes = match render::single_file(input) {
        Ok(b) => b,
        Err(e) => {
            print_render_error(&e);
            eprintln!("error: nothing was written to {}", file.display());
            return ExitCode::from(1);
        }
    };
    if file.is_dir() {
        eprintln!(
            "error: {} is a folder; --single-file takes the path of the HTML file to write",
            file.display()
        );
        return ExitCode::from(2);
    }
    if let Err(e) = write_whole(file, &bytes, input.options.include_private) {
        eprintln!("error: cannot write {}: {e}", file.display());
        return ExitCode::from(2);
    }
    eprintln!(
        "Built the whole plan as one file, {} ({} KiB), in {:.2}s",
        file.display(),
        bytes.len() / 1024,
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
