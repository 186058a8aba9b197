//! Private numbers on every copy, readable only with the passphrase: an encrypted
//! build (`--encrypt-private`) seals every private value in `private.js`, which an
//! independent implementation (Python's `cryptography`) opens with the passphrase
//! and not without; no private value, digits-only forms included, is anywhere else
//! in the output of any fixture plan; in Chromium over file:// the form unlocks,
//! keeps the key for the session and locks again.

use crate::harness::{NOW, copy_dir, lifeboat, node_check, root};
use std::path::{Path, PathBuf};

const PASSPHRASE: &str = "correct horse battery staple";

/// Builds `plan` encrypted into `out` with the passphrase in a file.
fn encrypted_build(plan: &Path, out: &Path, dir: &Path) -> crate::harness::Run {
    let file = dir.join("passphrase.txt");
    std::fs::write(&file, format!("{PASSPHRASE}\n")).expect("passphrase file");
    lifeboat(&[
        "build",
        &plan.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--now",
        NOW,
        "--encrypt-private",
        "--passphrase-file",
        &file.to_string_lossy(),
    ])
}

/// Opens `private.js` with Python's `cryptography` (PBKDF2HMAC and AESGCM), as any
/// tool that reads the envelope would.
fn python_open(private_js: &Path, passphrase: &str) -> Result<String, String> {
    let script = r#"
import base64, json, sys
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
text = open(sys.argv[1]).read()
env = json.loads(text[text.index("{"):text.rindex("}") + 1])
assert env["v"] == 1 and env["kdf"] == "PBKDF2-SHA256" and env["cipher"] == "AES-256-GCM", env
assert env["iterations"] >= 600000, env["iterations"]
assert len(base64.b64decode(env["salt"])) == 16 and len(base64.b64decode(env["iv"])) == 12
key = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=base64.b64decode(env["salt"]),
                 iterations=env["iterations"]).derive(sys.argv[2].encode())
sys.stdout.write(AESGCM(key).decrypt(base64.b64decode(env["iv"]), base64.b64decode(env["data"]), None).decode())
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(private_js)
        .arg(passphrase)
        .output()
        .expect("python3 runs (.ci/run installs python3-cryptography)");
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// A copy of `src` with one more person who has every kind of private value.
fn with_private_person(src: &Path, dir: &Path) -> PathBuf {
    let plan = dir.join("plan");
    copy_dir(src, &plan);
    std::fs::create_dir_all(plan.join("contacts")).expect("contacts/");
    std::fs::write(
        plan.join("contacts/zz-private-test.toml"),
        r#"[[contact]]
id = "zz-private-test"
name = "Quentin Privatperson"
phone = "+44 7700 900777"

[contact.private]
home_phone = "+44 20 7946 7319"
personal_mobile = "+44 7700 955128"
personal_email = "quentin.home@mail.example"
home_address = "17 Hidden Lane, Secretville"
"#,
    )
    .expect("private person");
    plan
}

/// Every private value of the plan, and the digits of each number.
fn private_values(plan: &Path) -> Vec<String> {
    let loaded = lifeboat::load::load(plan).expect("plan");
    let mut out = Vec::new();
    for c in &loaded.plan.contacts {
        let Some(p) = &c.private else { continue };
        for v in [
            &p.home_phone,
            &p.personal_mobile,
            &p.personal_email,
            &p.home_address,
        ]
        .into_iter()
        .flatten()
        {
            out.push(v.value.clone());
            let digits: String = v.value.chars().filter(char::is_ascii_digit).collect();
            // Digit strings short enough to occur by chance (in the search index's
            // base-36 numbers) say nothing.
            if digits.len() >= 7 {
                out.push(digits.clone());
            }
            // Without the country code's leading digits, as a number may be written.
            if digits.len() >= 9 {
                out.push(digits[2..].to_string());
            }
        }
    }
    out
}

#[test]
fn private_js_opens_with_the_passphrase_in_python_and_not_without() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = with_private_person(&root().join("example-plan"), dir.path());
    let site = dir.path().join("site");
    let run = encrypted_build(&plan, &site, dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let plain = python_open(&site.join("private.js"), PASSPHRASE).expect("opens");
    let json: serde_json::Value = serde_json::from_str(&plain).expect("JSON inside");
    for v in private_values(&plan)
        .iter()
        .filter(|v| !v.chars().all(|c| c.is_ascii_digit()))
    {
        assert!(
            plain.contains(v.as_str()),
            "{v} is not in the sealed values"
        );
    }
    assert_eq!(
        json["contacts"]["ana-ruiz"]["home_phone"],
        "+44 20 7946 1234"
    );
    assert!(python_open(&site.join("private.js"), "correct horse battery stapler").is_err());
    // A second build seals again, with a fresh salt and IV: every other file is the same.
    let again = dir.path().join("again");
    assert_eq!(encrypted_build(&plan, &again, dir.path()).code, 0);
    let a = std::fs::read_to_string(site.join("private.js")).expect("a");
    let b = std::fs::read_to_string(again.join("private.js")).expect("b");
    assert_ne!(a, b);
    for e in walkdir::WalkDir::new(&site).into_iter().flatten() {
        let rel = e.path().strip_prefix(&site).expect("rel").to_path_buf();
        if e.file_type().is_file()
            && rel != Path::new("private.js")
            && rel != Path::new("manifest.json")
        {
            assert_eq!(
                std::fs::read(e.path()).expect("a"),
                std::fs::read(again.join(&rel)).expect("b"),
                "{}",
                rel.display()
            );
        }
    }
    // verify works on an encrypted copy.
    let v = lifeboat(&["verify", &site.to_string_lossy()]);
    assert_eq!(v.code, 0, "{}", v.stderr);
}

#[test]
fn no_private_value_is_anywhere_in_an_encrypted_build_of_any_fixture_plan() {
    for src in crate::phone::fixture_plans() {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = with_private_person(&src, dir.path());
        let values = private_values(&plan);
        assert!(values.len() >= 6, "{}", src.display());
        let site = dir.path().join("site");
        let run = encrypted_build(&plan, &site, dir.path());
        assert_eq!(run.code, 0, "{}: {}", src.display(), run.stderr);
        let single = dir.path().join("single.html");
        let file = dir.path().join("passphrase.txt");
        let one = lifeboat(&[
            "build",
            &plan.to_string_lossy(),
            "--single-file",
            &single.to_string_lossy(),
            "--now",
            NOW,
            "--encrypt-private",
            "--passphrase-file",
            &file.to_string_lossy(),
        ]);
        assert_eq!(one.code, 0, "{}", one.stderr);
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&site)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        files.push(single.clone());
        for f in files {
            let bytes = std::fs::read(&f).expect("file");
            let text = String::from_utf8_lossy(&bytes);
            for v in &values {
                assert!(
                    !text.contains(v.as_str()),
                    "{}: {} holds \"{v}\"",
                    src.display(),
                    f.display()
                );
            }
        }
        // The single file carries the sealed values and the script that opens them.
        let html = std::fs::read_to_string(&single).expect("single");
        assert!(html.contains("window.lifeboatPrivate = {"));
    }
}

#[test]
fn a_missing_or_short_passphrase_builds_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    let plan = root().join("example-plan");
    let short = dir.path().join("short.txt");
    std::fs::write(&short, "tooshort\n").expect("write");
    let run = lifeboat(&[
        "build",
        &plan.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--encrypt-private",
        "--passphrase-file",
        &short.to_string_lossy(),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("at least 12"), "{}", run.stderr);
    assert!(!out.exists());
    // Without a file and without LIFEBOAT_PASSPHRASE.
    let out2 = std::process::Command::new(env!("CARGO_BIN_EXE_lifeboat"))
        .args([
            "build",
            &plan.to_string_lossy(),
            "-o",
            &out.to_string_lossy(),
            "--encrypt-private",
        ])
        .env_remove("LIFEBOAT_PASSPHRASE")
        .output()
        .expect("runs");
    assert_eq!(out2.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out2.stderr).contains("LIFEBOAT_PASSPHRASE"));
    assert!(!out.exists());
    // From the environment it builds.
    let ok = std::process::Command::new(env!("CARGO_BIN_EXE_lifeboat"))
        .args([
            "build",
            &plan.to_string_lossy(),
            "-o",
            &out.to_string_lossy(),
            "--encrypt-private",
            "--now",
            NOW,
        ])
        .env("LIFEBOAT_PASSPHRASE", PASSPHRASE)
        .output()
        .expect("runs");
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(out.join("private.js").is_file());
    // Not with --include-private.
    let both = lifeboat(&[
        "build",
        &plan.to_string_lossy(),
        "--include-private",
        "--encrypt-private",
    ]);
    assert_eq!(both.code, 2);
}

#[test]
fn the_browser_unlocks_keeps_the_key_for_the_session_and_locks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = with_private_person(&root().join("example-plan"), dir.path());
    // A private mobile written with the trunk (0) and an extension: its link dials
    // neither the 0 nor the letters (as the build's own links, `kit.rs`).
    let people = plan.join("contacts/ana-ruiz.md");
    let text = std::fs::read_to_string(&people).expect("ana-ruiz.md");
    let text = text.replacen(
        "home_phone = \"+44 20 7946 1234\"",
        "home_phone = \"+44 20 7946 1234\"\npersonal_mobile = \"+44 (0)7700 955 666 ext. 12\"",
        1,
    );
    assert!(text.contains("955 666"));
    std::fs::write(&people, text).expect("people");
    let site = dir.path().join("site");
    assert_eq!(encrypted_build(&plan, &site, dir.path()).code, 0);
    let config = serde_json::json!({
        "site": site,
        "passphrase": PASSPHRASE,
        "contact": "contacts/ana-ruiz.html",
        "second": "call-trees/major-incident.html",
        "number": "+44 20 7946 1234",
        "tel": "tel:+442079461234",
        "dialled": "020 7946 1234",
        "also": [["+44 (0)7700 955 666 ext. 12", "tel:+447700955666,12"]],
        "wrong": "Wrong passphrase: nothing was unlocked.",
    });
    let cfg = dir.path().join("unlock.json");
    std::fs::write(&cfg, config.to_string()).expect("config");
    let last = node_check("unlock_check.js", &[cfg.as_os_str()]);
    assert!(last.ends_with("problems=0"), "{last}");
}

/// The unlock form in other organisations' plans, with their own private numbers: a
/// German one, whose message is German, and a Hebrew one, whose catalogue lacks the
/// message, so that the English fallback must read left to right on a right-to-left
/// page (as written, its full stop came first). Search finds each number as dialled
/// at home, with the trunk 0.
#[test]
fn the_browser_unlocks_a_german_and_a_hebrew_plan_in_their_own_words() {
    for (fixture, contact, second, number, dialled, wrong) in [
        (
            "klinikum-nord-de",
            "friedrich-koenig",
            "krisenstab-it",
            "+49 4621 555 909",
            "04621 555 909",
            "Falsche Passphrase: nichts wurde entsperrt.",
        ),
        (
            "galil-he",
            "michal-ben-david",
            "tzevet-mashber",
            "+972 4 666 0101",
            "04 666 0101",
            "Wrong passphrase: nothing was unlocked.",
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = root().join("tests/testsuite/plans").join(fixture);
        let site = dir.path().join("site");
        let built = encrypted_build(&plan, &site, dir.path());
        assert_eq!(built.code, 0, "{fixture}: {}", built.stderr);
        let tel: String = number
            .chars()
            .filter(|c| *c == '+' || c.is_ascii_digit())
            .collect();
        let config = serde_json::json!({
            "site": site,
            "passphrase": PASSPHRASE,
            "contact": format!("contacts/{contact}.html"),
            "second": format!("call-trees/{second}.html"),
            "number": number,
            "tel": format!("tel:{tel}"),
            "dialled": dialled,
            "wrong": wrong,
            "direction": "ltr",
        });
        let cfg = dir.path().join("unlock.json");
        std::fs::write(&cfg, config.to_string()).expect("config");
        let last = node_check("unlock_check.js", &[cfg.as_os_str()]);
        assert!(last.ends_with("problems=0"), "{fixture}: {last}");
    }
}
