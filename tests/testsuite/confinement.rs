//! lifeboat never reads outside the plan folder nor writes outside OUT: symbolic
//! links out of the plan, FIFOs and devices among its files, planted manifests and
//! symbolic links inside OUT.

use crate::harness::{NOW, Run, example_copy, names_containing, sha256};
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs lifeboat, killing it (and failing) when it takes more than 60 s.
pub fn lifeboat_bounded(args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lifeboat"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lifeboat runs");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("lifeboat {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(ok.success());
}

/// Every file below `dir` with its bytes (symbolic links not followed).
fn all_bytes(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for e in walkdir(dir) {
        let meta = fs::symlink_metadata(&e).expect("meta");
        if meta.is_file() {
            out.push((e.clone(), fs::read(&e).expect("read")));
        }
    }
    out
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for e in entries {
        let p = e.expect("entry").path();
        let meta = fs::symlink_metadata(&p).expect("meta");
        if meta.is_dir() {
            out.extend(walkdir(&p));
        }
        out.push(p);
    }
    out.sort();
    out
}

#[test]
fn links_out_of_the_plan_fifos_and_devices_are_not_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let secret_dir = dir.path().join("secret");
    fs::create_dir_all(&secret_dir).expect("mkdir");
    fs::write(secret_dir.join("passwords.txt"), "SECRET-OUTSIDE-THE-PLAN").expect("write");
    fs::write(
        secret_dir.join("evil.md"),
        "+++\ntitle = \"SECRET-OUTSIDE-THE-PLAN\"\n+++\nSECRET-OUTSIDE-THE-PLAN\n",
    )
    .expect("write");
    fs::remove_dir_all(plan.join("assets")).ok();
    symlink(&secret_dir, plan.join("assets")).expect("link");
    symlink(secret_dir.join("evil.md"), plan.join("runbooks/evil.md")).expect("link");
    symlink("/dev/zero", plan.join("runbooks/zero.md")).expect("link");
    symlink(&secret_dir, plan.join("services/linked-folder")).expect("link");
    mkfifo(&plan.join("runbooks/pipe.md"));
    mkfifo(&plan.join("contacts/pipe.toml"));
    fs::create_dir_all(plan.join("templates")).expect("mkdir");
    symlink(
        secret_dir.join("passwords.txt"),
        plan.join("templates/layout.html"),
    )
    .expect("link");

    let p = plan.to_string_lossy();
    let check = lifeboat_bounded(&["check", &p, "--now", NOW]);
    for name in [
        "assets/",
        "runbooks/evil.md",
        "runbooks/zero.md",
        "runbooks/pipe.md",
        "contacts/pipe.toml",
        "templates/layout.html",
        "services/linked-folder",
    ] {
        assert!(
            check
                .stdout
                .lines()
                .any(|l| l.starts_with("warning[unreadable-file]") && l.contains(name)),
            "no diagnostic names {name}:\n{}",
            check.stdout
        );
    }
    assert!(!check.stdout.contains("SECRET-OUTSIDE"), "{}", check.stdout);
    let out = dir.path().join("out");
    let o = out.to_string_lossy();
    let build = lifeboat_bounded(&["build", &p, "-o", &o, "--now", NOW]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    for (path, bytes) in all_bytes(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("SECRET-OUTSIDE"),
            "{} publishes outside content",
            path.display()
        );
    }
}

fn build_into(plan: &Path, out: &Path, extra: &[&str]) -> Run {
    let (p, o) = (plan.to_string_lossy(), out.to_string_lossy());
    let mut args = vec!["build", &p, "-o", &o, "--now", NOW];
    args.extend(extra);
    lifeboat_bounded(&args)
}

#[test]
fn a_planted_manifest_deletes_nothing_outside_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "keep me").expect("write");
    let victim_dir = dir.path().join("victims");
    fs::create_dir_all(&victim_dir).expect("mkdir");
    let abs = victim_dir.join("abs.txt");
    fs::write(&abs, "keep me too").expect("write");
    let hash = sha256(b"keep me");
    for foreign in [false, true] {
        let out = dir.path().join(format!("out-{foreign}"));
        fs::create_dir_all(out.join("sub")).expect("mkdir");
        let entry = |p: &str, h: &str, n: usize| {
            format!("{{\"path\": {p:?}, \"sha256\": \"{h}\", \"bytes\": {n}}}")
        };
        let manifest = format!(
            "{{\"generator\": \"lifeboat 0.1.0\", \"plan_version\": \"1\", \"built\": \"x\", \"files\": [{}]}}",
            [
                entry("../victim.txt", &hash, 7),
                entry("sub/../../victim.txt", &hash, 7),
                entry(&abs.to_string_lossy(), &sha256(b"keep me too"), 11),
                entry("sub/x.html", &hash, 7),
            ]
            .join(", ")
        );
        fs::write(out.join("manifest.json"), manifest).expect("write");
        fs::write(out.join("sub/x.html"), "keep me").expect("write");
        if foreign {
            fs::write(out.join("README.txt"), "ours").expect("write");
        }
        let run = build_into(&plan, &out, &[]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stderr.contains("were ignored"), "{}", run.stderr);
        assert_eq!(fs::read_to_string(&victim).expect("victim kept"), "keep me");
        assert_eq!(fs::read_to_string(&abs).expect("kept"), "keep me too");
        assert!(victim_dir.is_dir());
        assert!(out.join("index.html").is_file());
        if foreign {
            assert_eq!(
                fs::read_to_string(out.join("README.txt")).expect("kept"),
                "ours"
            );
        }
    }
}

#[test]
fn a_link_inside_out_is_never_written_through() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir_all(&elsewhere).expect("mkdir");
    fs::write(elsewhere.join("mine.txt"), "mine").expect("write");
    for foreign in [false, true] {
        let out = dir.path().join(format!("out-{foreign}"));
        assert_eq!(build_into(&plan, &out, &[]).code, 0);
        fs::remove_dir_all(out.join("services")).expect("rm");
        symlink(&elsewhere, out.join("services")).expect("link");
        fs::remove_file(out.join("health.html")).expect("rm");
        symlink(elsewhere.join("mine.txt"), out.join("health.html")).expect("link");
        if foreign {
            fs::write(out.join("README.txt"), "ours").expect("write");
        }
        let before = fs::read_dir(&out).expect("read").count();
        let run = build_into(&plan, &out, &[]);
        let names: Vec<String> = fs::read_dir(&elsewhere)
            .expect("read")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            ["mine.txt"],
            "written through a link: {}",
            run.stderr
        );
        assert_eq!(
            fs::read_to_string(elsewhere.join("mine.txt")).expect("read"),
            "mine"
        );
        // Refused before anything changed, and said so.
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains("will not write through it"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("was left as it was"), "{}", run.stderr);
        assert_eq!(fs::read_dir(&out).expect("read").count(), before);
    }
}

#[test]
fn out_may_be_a_link_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let real = dir.path().join("real-site");
    fs::create_dir_all(&real).expect("mkdir");
    let link = dir.path().join("site-link");
    symlink(&real, &link).expect("link");
    for _ in 0..2 {
        let run = build_into(&plan, &link, &[]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert!(real.join("index.html").is_file());
    }
    fs::set_permissions(&real, fs::Permissions::from_mode(0o750)).expect("chmod");
    assert_eq!(build_into(&plan, &link, &[]).code, 0);
    let mode = fs::metadata(&real).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o750);
    // A new private site is for its owner only.
    let private = dir.path().join("private");
    assert_eq!(build_into(&plan, &private, &["--include-private"]).code, 0);
    let mode = fs::metadata(&private).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}

#[test]
fn a_rebuild_equals_a_clean_build_even_after_a_same_size_edit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let out = dir.path().join("site");
    assert_eq!(build_into(&plan, &out, &[]).code, 0);
    let page = out.join("services/ehr.html");
    let meta = fs::metadata(&page).expect("meta");
    let mut bytes = fs::read(&page).expect("read");
    let at = bytes.len() / 2;
    bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
    fs::write(&page, &bytes).expect("write");
    let f = fs::File::options().write(true).open(&page).expect("open");
    f.set_modified(meta.modified().expect("mtime"))
        .expect("touch");
    drop(f);
    assert_eq!(build_into(&plan, &out, &[]).code, 0);
    let clean = dir.path().join("clean");
    assert_eq!(build_into(&plan, &clean, &[]).code, 0);
    for (path, bytes) in all_bytes(&clean) {
        let rel = path.strip_prefix(&clean).expect("inside");
        assert_eq!(
            fs::read(out.join(rel)).expect("read"),
            bytes,
            "{}",
            rel.display()
        );
    }
}

#[test]
fn staging_folders_of_crashed_builds_are_removed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let out = dir.path().join("site");
    let crashed = dir.path().join(".site.lifeboat-new-4000001");
    let old = dir.path().join(".site.lifeboat-old-4000002");
    let other = dir.path().join(".other.lifeboat-new-4000003");
    for d in [&crashed, &old, &other] {
        fs::create_dir_all(d.join("runbooks")).expect("mkdir");
        fs::write(d.join("runbooks/x.html"), "half").expect("write");
    }
    assert_eq!(build_into(&plan, &out, &[]).code, 0);
    assert!(!crashed.exists() && !old.exists());
    assert!(other.exists(), "another OUT's staging folder is not ours");
    let left = names_containing(dir.path(), ".site.lifeboat");
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn an_out_the_build_would_read_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    for out in [
        plan.join("assets/site"),
        plan.join("runbooks/site"),
        plan.join("templates"),
        plan.clone(),
        dir.path().to_path_buf(),
    ] {
        let before = all_bytes(&plan);
        let run = build_into(&plan, &out, &[]);
        assert_eq!(run.code, 2, "{}: {}", out.display(), run.stderr);
        assert!(
            run.stderr.contains("choose an output folder"),
            "{}",
            run.stderr
        );
        assert_eq!(before, all_bytes(&plan), "the plan was changed");
    }
}

#[test]
fn verify_follows_no_link_reads_no_fifo_and_needs_its_manifest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let out = dir.path().join("site");
    let run = build_into(&plan, &out, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let manifest = fs::read(out.join("manifest.json")).expect("manifest");
    let fp = sha256(&manifest);
    assert!(
        run.stdout
            .contains(&format!("Fingerprint (SHA-256 of manifest.json): {fp}")),
        "{}",
        run.stdout
    );
    let o = out.to_string_lossy().into_owned();
    let verify = |extra: &[&str]| {
        let mut args = vec!["verify", o.as_str()];
        args.extend(extra);
        lifeboat_bounded(&args)
    };
    assert_eq!(verify(&["--fingerprint", &fp]).code, 0);
    assert_eq!(verify(&["--fingerprint", &fp.to_uppercase()]).code, 0);
    let wrong = verify(&["--fingerprint", &sha256(b"another")]);
    assert_eq!(wrong.code, 1);
    assert!(wrong.stderr.contains("fingerprint"), "{}", wrong.stderr);

    // A link to the same content outside, and a FIFO: changed, not followed or read.
    let copy = dir.path().join("outside.html");
    fs::copy(out.join("index.html"), &copy).expect("copy");
    fs::remove_file(out.join("index.html")).expect("rm");
    symlink(&copy, out.join("index.html")).expect("link");
    fs::remove_file(out.join("health.html")).expect("rm");
    mkfifo(&out.join("health.html"));
    let run = verify(&[]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("changed: index.html"), "{}", run.stdout);
    assert!(
        run.stdout.contains("changed: health.html"),
        "{}",
        run.stdout
    );

    // A manifest emptied, removed, or listing paths outside the site.
    for (content, line) in [
        (Some(""), "changed: manifest.json"),
        (None, "missing: manifest.json"),
        (
            Some(r#"{"generator":"x","plan_version":"1","built":"x","files":[]}"#),
            "",
        ),
        (
            Some(
                r#"{"generator":"x","plan_version":"1","built":"x","files":[{"path":"../site/index.html","sha256":"0","bytes":1}]}"#,
            ),
            "",
        ),
    ] {
        match content {
            Some(c) => fs::write(out.join("manifest.json"), c).expect("write"),
            None => {
                let _ = fs::remove_file(out.join("manifest.json"));
            }
        }
        let run = verify(&[]);
        assert_eq!(run.code, 1, "{content:?}: {}{}", run.stdout, run.stderr);
        assert!(run.stdout.contains(line), "{}", run.stdout);
    }
}

/// Unmounts on drop.
struct Mounted(PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn out_may_be_the_root_of_a_mounted_file_system() {
    // A USB stick's root cannot be renamed or swapped; a tmpfs mount stands in for
    // it. Mounting needs root (CI runs as root); elsewhere this test says so and passes.
    let dir = tempfile::tempdir().expect("temp dir");
    let stick = dir.path().join("stick");
    fs::create_dir_all(&stick).expect("mkdir");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64m", "tmpfs"])
        .arg(&stick)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    }
    let _guard = Mounted(stick.clone());
    let plan = example_copy(dir.path());
    for _ in 0..2 {
        let run = build_into(&plan, &stick, &[]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(stick.join("index.html").is_file());
        let run = lifeboat_bounded(&["verify", &stick.to_string_lossy()]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    }
    let staging = names_containing(&stick, "lifeboat-new");
    assert!(staging.is_empty(), "{staging:?}");
}

#[test]
fn recursive_templates_and_get_env_are_template_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let out = dir.path().join("site");
    assert_eq!(build_into(&plan, &out, &[]).code, 0);
    let before = all_bytes(&out);
    fs::create_dir_all(plan.join("templates")).expect("mkdir");
    for (text, expect) in [
        ("{% include \"health.html\" %}", "recurse"),
        ("{% include \"item-end.html\" %}", ""),
        (
            "{% macro m(n) %}{{ self::m(n=n) }}{% endmacro m %}{{ self::m(n=1) }}",
            "recurse",
        ),
        (
            "{{ get_env(name=\"HOME\", default=\"x\") }}",
            "get_env is not available",
        ),
    ] {
        fs::write(plan.join("templates/health.html"), text).expect("write");
        if text.contains("item-end") {
            fs::write(
                plan.join("templates/item-end.html"),
                "{% include \"health.html\" %}",
            )
            .expect("write");
        } else {
            let _ = fs::remove_file(plan.join("templates/item-end.html"));
        }
        let run = build_into(&plan, &out, &[]);
        assert_eq!(run.code, 1, "{text}: {}", run.stderr);
        assert!(run.stderr.contains(expect), "{}", run.stderr);
        assert_eq!(before, all_bytes(&out), "OUT changed");
        let staging = names_containing(dir.path(), "lifeboat-new");
        assert!(staging.is_empty(), "{staging:?}");
    }
}

#[test]
fn many_faults_on_one_line_cost_no_more_than_their_number() {
    // 200,000 dangling references on one line: positions come from a line index and
    // at most MAX_PER_FILE are shown, with a count of the rest (was quadratic).
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path();
    fs::write(
        plan.join("plan.toml"),
        "[plan]\ntitle = \"T\"\norganization = \"O\"\nversion = \"1\"\n",
    )
    .expect("write");
    fs::create_dir_all(plan.join("runbooks")).expect("mkdir");
    fs::write(
        plan.join("runbooks/r.md"),
        format!("+++\ntitle = \"R\"\n+++\n{}\n", "[[nope]] ".repeat(200_000)),
    )
    .expect("write");
    let run = lifeboat_bounded(&["check", &plan.to_string_lossy(), "--now", NOW]);
    assert_eq!(run.code, 1);
    let lines = run.stdout.lines().count();
    assert_eq!(
        lines,
        lifeboat::diagnostic::MAX_PER_FILE + 1,
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("199801 more problems in this file"),
        "{}",
        &run.stdout[..300]
    );
}

#[test]
fn building_into_the_current_folder_keeps_that_folder() {
    // `-o .` from inside OUT: swapping OUT would leave the user's shell in a removed
    // folder, so the files are moved in instead and the folder stays the same one.
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let out = dir.path().join("here");
    fs::create_dir_all(&out).expect("mkdir");
    let inode = fs::metadata(&out).expect("meta").ino();
    for _ in 0..2 {
        let run = Command::new(env!("CARGO_BIN_EXE_lifeboat"))
            .args(["build", &plan.to_string_lossy(), "-o", ".", "--now", NOW])
            .current_dir(&out)
            .output()
            .expect("runs");
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert_eq!(fs::metadata(&out).expect("meta").ino(), inode);
        assert!(out.join("index.html").is_file());
    }
    assert!(names_containing(&out, "lifeboat-new").is_empty());
    let verify = lifeboat_bounded(&["verify", &out.to_string_lossy()]);
    assert_eq!(verify.code, 0, "{}", verify.stdout);
}
