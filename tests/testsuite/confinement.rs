//! lifeboat never reads outside the plan folder nor writes outside OUT: symbolic
//! links out of the plan, FIFOs and devices among its files, planted manifests and
//! symbolic links inside OUT.

use crate::harness::{NOW, Run, root};
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

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for e in fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let (src, dst) = (e.path(), to.join(e.file_name()));
        if e.file_type().expect("type").is_dir() {
            if e.file_name() != "site" {
                copy_dir(&src, &dst);
            }
        } else {
            fs::copy(&src, &dst).expect("copy");
        }
    }
}

/// A copy of the example plan in `dir`.
pub fn example_copy(dir: &Path) -> PathBuf {
    let plan = dir.join("plan");
    copy_dir(&root().join("example-plan"), &plan);
    plan
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
