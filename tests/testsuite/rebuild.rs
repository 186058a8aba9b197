//! A rebuild after a change (`build` into a folder a previous build wrote): when only
//! the prose of items with a Markdown file of their own changed, only their pages
//! are drawn again and every other file is the previous build's, not written
//! again; whatever else changed draws the whole site. Either way the site is byte
//! for byte the one a clean build into a new folder makes.

use crate::harness::{NOW, build_site, copy_dir, lifeboat, root, sha256};
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Builds `plan` into `out` with `--verbose`; the number of pages drawn.
fn build(plan: &Path, out: &Path) -> usize {
    let run = lifeboat(&[
        "build",
        &plan.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--now",
        NOW,
        "--verbose",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = (run.stderr.lines())
        .find(|l| l.starts_with("render"))
        .unwrap_or_else(|| panic!("no render line in:\n{}", run.stderr));
    let (_, rest) = line.split_once('(').expect("a figure");
    rest.split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {line}"))
}

/// A file's inode and change time (which a write, a rename or a new hard link to
/// it would change).
type Stamp = (u64, i64, i64);

/// Every file under `dir`, with its bytes and [`Stamp`].
fn files(dir: &Path) -> BTreeMap<String, (Vec<u8>, Stamp)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read") {
            let p = entry.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let rel = p.strip_prefix(dir).expect("inside");
            let meta = fs::metadata(&p).expect("metadata");
            out.insert(
                rel.to_string_lossy().replace('\\', "/"),
                (
                    fs::read(&p).expect("read"),
                    (meta.ino(), meta.ctime(), meta.ctime_nsec()),
                ),
            );
        }
    }
    out
}

/// Changes one byte in the middle of `file`, as a hand edit of the site would (the
/// size stays).
fn change_a_byte(file: &Path) {
    let mut bytes = fs::read(file).expect("read");
    let at = bytes.len() / 2;
    bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
    fs::write(file, bytes).expect("write");
}

/// The Markdown files of a plan folder (`runbooks/x.md`, ...), sorted.
fn markdown_files(plan: &Path, folder: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(plan.join(folder))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| p.extension().is_some_and(|e| e == "md"));
    out.sort();
    out
}

fn edit(file: &Path, f: impl FnOnce(String) -> String) {
    let text = fs::read_to_string(file).expect("read");
    let changed = f(text.clone());
    assert_ne!(
        text,
        changed,
        "the edit of {} changes nothing",
        file.display()
    );
    fs::write(file, changed).expect("write");
}

/// The page a Markdown file of `folder` becomes.
fn page_of(file: &Path, folder: &str) -> String {
    let stem = file.file_stem().expect("name").to_string_lossy();
    format!("{folder}/{stem}.html")
}

/// What a rebuild should draw.
enum Draws<'p> {
    Nothing,
    Only(&'p str),
    All,
}

/// After each edit: the rebuild draws what it should, its site is the clean
/// build's, a page that did not change is the same file as before (not written
/// again) and the edited page is a new one.
fn rebuild_after(plan: &Path, out: &Path, clean: &Path, what: &str, draws: Draws) {
    let before = files(out);
    let drawn = build(plan, out);
    let after = files(out);
    let _ = fs::remove_dir_all(clean);
    build(plan, clean);
    let fresh = files(clean);
    let differ: Vec<&String> = (after.keys().chain(fresh.keys()))
        .filter(|k| after.get(*k).map(|f| &f.0) != fresh.get(*k).map(|f| &f.0))
        .collect();
    assert!(
        differ.is_empty(),
        "{}: after {what}, the rebuild differs from a clean build in {differ:?}",
        plan.display()
    );
    assert_eq!(
        lifeboat(&["verify", &out.to_string_lossy()]).code,
        0,
        "{what}: verify"
    );
    match draws {
        Draws::Nothing => {
            assert_eq!(drawn, 0, "{what}: nothing drawn");
            let new: Vec<&String> = (before.iter())
                .filter(|(k, f)| after.get(*k).is_none_or(|a| a.1 != f.1))
                .map(|(k, _)| k)
                .collect();
            assert!(
                new.is_empty(),
                "{what}: every file is the previous build's, untouched, not {new:?}"
            );
        }
        Draws::Only(page) => {
            assert_eq!(drawn, 1, "{}: {what} draws only {page}", plan.display());
            assert_ne!(before[page].1, after[page].1, "{what}: {page} is new");
            assert_ne!(before[page].0, after[page].0, "{what}: {page} changed");
            // The binder holds every page but the contacts'.
            if !page.starts_with("contacts/") {
                assert_ne!(before["print.html"].0, after["print.html"].0, "{what}");
            }
            let same: Vec<&String> = (before.keys())
                .filter(|k| k.ends_with(".html") && *k != page && *k != "print.html")
                .filter(|k| after.get(*k).is_some_and(|a| a.1 == before[*k].1))
                .collect();
            let pages = before.keys().filter(|k| k.ends_with(".html")).count();
            assert_eq!(
                same.len(),
                pages - 2,
                "{what}: every other page is the previous build's file"
            );
        }
        Draws::All => assert!(drawn > 1, "{what}: the whole site is drawn ({drawn})"),
    }
}

#[test]
fn a_rebuild_draws_only_changed_prose_and_equals_a_clean_build() {
    let plans = [
        root().join("example-plan"),
        root().join("tests/testsuite/plans/klinikum-nord-de"),
        root().join("tests/testsuite/plans/water-utility-us"),
        root().join("tests/testsuite/plans/markdown-gfm"),
    ];
    for source in plans {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = dir.path().join("plan");
        copy_dir(&source, &plan);
        let (out, clean) = (dir.path().join("site"), dir.path().join("clean"));
        let all = build(&plan, &out);
        assert!(
            all > 10,
            "{}: a first build draws every page",
            plan.display()
        );
        // The record says where plan.json holds each page's item's body (a JSON
        // string), for a rebuild to splice.
        let manifest: serde_json::Value =
            serde_json::from_slice(&fs::read(out.join("manifest.json")).expect("read"))
                .expect("json");
        let data = manifest["reuse"]["data"].as_array().expect("data").clone();
        let json = fs::read(out.join("plan.json")).expect("plan.json");
        assert!(data.len() > 5, "{}: {data:?}", plan.display());
        for s in &data {
            let at = |i: usize| s[i].as_u64().expect("offset") as usize;
            let body: String = serde_json::from_slice(&json[at(0)..at(1)]).expect("a string");
            assert!(json[..at(0)].ends_with(b"\"body\":"), "{body}");
        }
        // Again with nothing changed: nothing drawn, the same site.
        rebuild_after(&plan, &out, &clean, "no change", Draws::Nothing);
        let runbooks = markdown_files(&plan, "runbooks");
        let first = &runbooks[0];
        let page = page_of(first, "runbooks");
        edit(first, |t| {
            format!("{t}\nOne more paragraph, *added* after the build.\n")
        });
        rebuild_after(&plan, &out, &clean, "a paragraph added", Draws::Only(&page));
        // A word swapped for another, the sections as they were: the search index
        // keeps every other word's postings, and loses this page's hits of the old
        // word.
        edit(first, |t| t.replace("*added* after", "*appended* after"));
        rebuild_after(&plan, &out, &clean, "a word swapped", Draws::Only(&page));
        // A word changed in the middle of the prose (its headings' outline too).
        edit(first, |t| {
            let (front, body) = t.split_at(t.rfind("+++").expect("front matter") + 3);
            format!(
                "{front}{}",
                body.replacen("\n## ", "\n## Now: ", 1)
                    .replacen(" the ", " THE ", 1)
            )
        });
        rebuild_after(
            &plan,
            &out,
            &clean,
            "a word and a heading changed",
            Draws::Only(&page),
        );
        // A section added, with words no other page has (the search index gets a
        // target and words more), then taken out again.
        let section = "\n## Zusätzlicher Abschnitt\n\nQuokkaßtraße zebrafisch-übung.\n";
        edit(first, |t| format!("{t}{section}"));
        rebuild_after(&plan, &out, &clean, "a section added", Draws::Only(&page));
        let index = fs::read_to_string(out.join("search-index.js")).expect("index");
        assert!(
            index.contains("\"quokkasstrasse\""),
            "the new word is indexed"
        );
        edit(first, |t| t.replace(section, ""));
        rebuild_after(&plan, &out, &clean, "a section removed", Draws::Only(&page));
        let index = fs::read_to_string(out.join("search-index.js")).expect("index");
        assert!(!index.contains("quokkasstrasse"), "the word left the index");
        // Prose of another kind of item with a page of its own.
        // (The kit's vCards and calendar show no prose of contacts or exercises: a
        // rebuild keeps them.)
        for folder in [
            "services",
            "comms",
            "processes",
            "vendors",
            "exercises",
            "contacts",
        ] {
            if let Some(f) = markdown_files(&plan, folder).first() {
                let page = page_of(f, folder);
                edit(f, |t| format!("{t}\nA note for the {folder} page.\n"));
                rebuild_after(
                    &plan,
                    &out,
                    &clean,
                    &format!("{folder} prose"),
                    Draws::Only(&page),
                );
            }
        }
        // A reference in the prose links two items: other pages show that.
        let owner = fs::read_to_string(first)
            .expect("read")
            .lines()
            .find_map(|l| {
                l.strip_prefix("owner = \"")
                    .map(|o| o.trim_end_matches('"').to_string())
            })
            .expect("the runbook has an owner");
        edit(first, |t| format!("{t}\nAsk [[{owner}]].\n"));
        rebuild_after(&plan, &out, &clean, "a reference added", Draws::All);
        // The front matter: the title shows on other pages.
        edit(first, |t| t.replacen("title = \"", "title = \"Now: ", 1));
        rebuild_after(&plan, &out, &clean, "a title changed", Draws::All);
        // A new runbook, and then gone again.
        let new = plan.join("runbooks/zz-added-after-the-build.md");
        fs::copy(first, &new).expect("copy");
        rebuild_after(&plan, &out, &clean, "a runbook added", Draws::All);
        fs::remove_file(&new).expect("remove");
        rebuild_after(&plan, &out, &clean, "a runbook removed", Draws::All);
        // A page changed by hand in the site is not reused (the same size, too).
        change_a_byte(&out.join("recovery-order.html"));
        edit(first, |t| format!("{t}\nAnd a last line.\n"));
        rebuild_after(
            &plan,
            &out,
            &clean,
            "a page of the site tampered with",
            Draws::All,
        );
        // So is print.html, which a rebuild splices: changed to the same size, or
        // cut short.
        let print = out.join("print.html");
        change_a_byte(&print);
        edit(first, |t| format!("{t}\nOne line more.\n"));
        rebuild_after(&plan, &out, &clean, "print.html tampered with", Draws::All);
        let bytes = fs::read(&print).expect("read");
        fs::write(&print, &bytes[..bytes.len() - 10]).expect("write");
        edit(first, |t| format!("{t}\nAnd one more.\n"));
        rebuild_after(&plan, &out, &clean, "print.html cut short", Draws::All);
        // plan.json, which a rebuild splices too, is made again when it is not as
        // the previous build wrote it.
        change_a_byte(&out.join("plan.json"));
        edit(first, |t| format!("{t}\nA last word.\n"));
        rebuild_after(
            &plan,
            &out,
            &clean,
            "plan.json tampered with",
            Draws::Only(&page_of(first, "runbooks")),
        );
    }
}

#[test]
fn a_rebuild_never_reuses_a_site_the_record_does_not_describe() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan");
    copy_dir(&root().join("example-plan"), &plan);
    let out = dir.path().join("site");
    build(&plan, &out);
    // The record is kept in manifest.json, not as a file of the site of its own.
    let manifest = out.join("manifest.json");
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(&manifest).expect("read")).expect("json");
    let key = json["reuse"]["key"].as_str().expect("a key").to_string();
    assert_eq!(key.len(), 64);
    let listed = json["files"].as_array().expect("files").len();
    assert_eq!(listed + 1, files(&out).len(), "every file is listed");
    // A record that does not fit the plan: the whole site is drawn, and a new
    // record kept.
    let text = fs::read_to_string(&manifest).expect("read");
    fs::write(&manifest, text.replace(&key, &"0".repeat(64))).expect("write");
    let runbook = &markdown_files(&plan, "runbooks")[0];
    edit(runbook, |t| format!("{t}\nMore.\n"));
    assert!(build(&plan, &out) > 10);
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(&manifest).expect("read")).expect("json");
    assert_eq!(json["reuse"]["key"].as_str(), Some(key.as_str()));
    // A record whose sections are not in order is not used either.
    let text = fs::read_to_string(&manifest).expect("read");
    let broken = text.replacen("\"binder\":[[", "\"binder\":[[999999999,0,0],[", 1);
    assert_ne!(text, broken);
    fs::write(&manifest, broken).expect("write");
    edit(runbook, |t| format!("{t}\nAnd more.\n"));
    assert!(build(&plan, &out) > 10);
    // Other options draw another site: the record of the build before does not fit.
    let run = lifeboat(&[
        "build",
        &plan.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--now",
        "2026-12-24",
        "--verbose",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stderr.contains("kept from the previous build"),
        "{}",
        run.stderr
    );
    assert_eq!(lifeboat(&["verify", &out.to_string_lossy()]).code, 0);
}

/// print.html of a large plan (10,000 runbooks make 91 MB) is hashed, when a
/// rebuild splices it, from the state of its SHA-256 that the previous build kept
/// for the last few MiB before the change: the site is still the clean build's,
/// manifest included, when that state is the previous build's, when print.html was
/// rewritten with the same bytes (so it is read whole again) and when the state
/// kept is garbled.
#[test]
fn a_rebuild_hashes_a_large_print_html_from_the_state_before_the_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan");
    copy_dir(&root().join("example-plan"), &plan);
    // 24 runbooks of about 250 KB of prose each, after every other in the binder.
    let model = fs::read_to_string(plan.join("runbooks/db-cluster-restore.md")).expect("read");
    let words = [
        "replica", "vault", "restore", "confirm", "ledger", "quorum", "bridge",
    ];
    let mut seed = 7u64;
    for n in 0..24 {
        let mut prose = String::new();
        while prose.len() < 250_000 {
            for _ in 0..60 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                prose.push_str(words[(seed >> 33) as usize % words.len()]);
                prose.push(' ');
            }
            prose.push_str("done.\n\n");
        }
        let text = model.replacen("title = \"", &format!("title = \"Bulk {n:02}: "), 1);
        fs::write(
            plan.join(format!("runbooks/zz-bulk-{n:02}.md")),
            format!("{text}\n## Bulk\n\n{prose}"),
        )
        .expect("write");
    }
    let (out, clean) = (dir.path().join("site"), dir.path().join("clean"));
    build(&plan, &out);
    let print = out.join("print.html");
    let states = || -> usize {
        let manifest: serde_json::Value =
            serde_json::from_slice(&fs::read(out.join("manifest.json")).expect("read"))
                .expect("json");
        manifest["reuse"]["midway"]["print.html"]
            .as_array()
            .map_or(0, Vec::len)
    };
    let size = fs::metadata(&print).expect("print.html").len();
    assert!(size > 6 << 20, "print.html is {size} bytes");
    assert_eq!(states() as u64, size / (4 << 20), "a state every 4 MiB");
    // The last runbook's section lies past the first state.
    let last = plan.join("runbooks/zz-bulk-23.md");
    let at = |needle: &str| {
        let bytes = fs::read(&print).expect("read");
        memchr::memmem::find(&bytes, needle.as_bytes()).expect("in print.html")
    };
    assert!(at("id=\"page-runbooks-zz-bulk-23\"") > 4 << 20);
    let page = page_of(&last, "runbooks");
    edit(&last, |t| {
        format!("{t}\nA paragraph added after the build.\n")
    });
    rebuild_after(
        &plan,
        &out,
        &clean,
        "a late runbook changed",
        Draws::Only(&page),
    );
    // print.html written again with the same bytes: not known to be unchanged, so it
    // is read whole, and the states are those of its bytes.
    fs::write(&print, fs::read(&print).expect("read")).expect("write");
    edit(&last, |t| format!("{t}\nAnother one.\n"));
    rebuild_after(
        &plan,
        &out,
        &clean,
        "print.html rewritten",
        Draws::Only(&page),
    );
    // Garbled states are not used: print.html is hashed from its first byte.
    let manifest = out.join("manifest.json");
    let mut text = fs::read_to_string(&manifest).expect("read");
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    for state in json["reuse"]["midway"]["print.html"]
        .as_array()
        .expect("states")
    {
        let state = state.as_str().expect("a state");
        text = text.replace(state, &"f".repeat(state.len()));
    }
    fs::write(&manifest, text).expect("write");
    edit(&last, |t| format!("{t}\nAnd a third.\n"));
    rebuild_after(&plan, &out, &clean, "a state garbled", Draws::Only(&page));
    assert_eq!(states() as u64, size / (4 << 20));
}

/// A rebuild copies the previous search index's documents as their JSON text. A
/// `<` in that text (an index no build writes: it would end the `<script>` of the
/// single file) is never copied, even when the manifest was made to vouch for it:
/// the whole index is made again.
#[test]
fn a_rebuild_never_copies_a_less_than_sign_out_of_the_previous_search_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan");
    copy_dir(&root().join("example-plan"), &plan);
    let (out, clean) = (dir.path().join("site"), dir.path().join("clean"));
    build(&plan, &out);
    let index = out.join("search-index.js");
    let text = fs::read_to_string(&index).expect("read");
    let title = "\"What to do now\"";
    assert!(text.contains(title), "the start page's document");
    let tampered = text.replacen(title, "\"What</script><script>alert(1)</script>\"", 1);
    fs::write(&index, &tampered).expect("write");
    // The manifest, written after it, vouches for the tampered index.
    let manifest = out.join("manifest.json");
    let entry = |sha: &str, bytes: usize| {
        format!("{{\"path\":\"search-index.js\",\"sha256\":\"{sha}\",\"bytes\":{bytes}}}")
    };
    let m = fs::read_to_string(&manifest).expect("read");
    let vouched = m.replace(
        &entry(&sha256(text.as_bytes()), text.len()),
        &entry(&sha256(tampered.as_bytes()), tampered.len()),
    );
    assert_ne!(m, vouched, "the manifest lists the index");
    fs::write(&manifest, vouched).expect("write");
    let runbook = &markdown_files(&plan, "runbooks")[0];
    edit(runbook, |t| format!("{t}\nA line after the tampering.\n"));
    rebuild_after(
        &plan,
        &out,
        &clean,
        "a previous index holding <",
        Draws::Only(&page_of(runbook, "runbooks")),
    );
    let index = fs::read_to_string(&index).expect("read");
    assert!(!index.contains('<'), "no < in the rebuilt index");
}

#[test]
fn the_record_of_a_default_build_does_not_depend_on_private_values() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan");
    copy_dir(&root().join("example-plan"), &plan);
    let out = dir.path().join("site");
    build(&plan, &out);
    let before = fs::read(out.join("manifest.json")).expect("read");
    // The record's key would otherwise let anyone with the site try every number.
    edit(&plan.join("contacts/people.toml"), |t| {
        t.replace(
            "home_phone = \"+44 20 7946 1240\"",
            "home_phone = \"+44 20 7946 1299\"",
        )
    });
    assert_eq!(build(&plan, &out), 0, "a private value changes no page");
    assert_eq!(fs::read(out.join("manifest.json")).expect("read"), before);
    // With --include-private the pages show it: the whole site is drawn.
    let private = dir.path().join("private");
    build_site(&plan, &private, &["--include-private"]);
    let key = |site: &Path| {
        let json: serde_json::Value =
            serde_json::from_slice(&fs::read(site.join("manifest.json")).expect("read"))
                .expect("json");
        json["reuse"]["key"].as_str().expect("key").to_string()
    };
    let first = key(&private);
    edit(&plan.join("contacts/people.toml"), |t| {
        t.replace("+44 20 7946 1299", "+44 20 7946 1298")
    });
    build_site(&plan, &private, &["--include-private"]);
    assert_ne!(key(&private), first);
    let page = fs::read_to_string(private.join("contacts/ben-ode.html")).expect("read");
    assert!(
        page.contains("7946 1298"),
        "the new private number is shown"
    );
}

#[test]
fn builds_into_one_folder_at_once_take_turns() {
    // Two builds of different sites (another date) into the same OUT at once: each
    // waits for the one writing OUT, so the site is always one build's whole, never
    // a mix of the two.
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan");
    copy_dir(&root().join("example-plan"), &plan);
    let out = dir.path().join("site");
    build(&plan, &out);
    let runbook = &markdown_files(&plan, "runbooks")[0];
    for round in 0..12 {
        edit(runbook, |t| format!("{t}\nRound {round}.\n"));
        let children: Vec<_> = ["2026-11-24", "2026-11-25", "2026-11-26"]
            .iter()
            .map(|now| {
                std::process::Command::new(env!("CARGO_BIN_EXE_lifeboat"))
                    .args(["build", &plan.to_string_lossy(), "-o"])
                    .arg(&out)
                    .args(["--now", now])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for child in children {
            let done = child.wait_with_output().expect("wait");
            assert!(
                done.status.success(),
                "{}",
                String::from_utf8_lossy(&done.stderr)
            );
        }
        let run = lifeboat(&["verify", &out.to_string_lossy()]);
        assert_eq!(run.code, 0, "round {round}: {}{}", run.stdout, run.stderr);
    }
}
