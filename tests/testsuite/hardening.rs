//! Hardening, round 2: each attack of a hostile plan (or of a web page against
//! `serve`) run for real, and its outcome checked.

use crate::harness::{NOW, example_copy, lifeboat};
use std::fs;
use std::path::Path;

/// A contact whose fields a spreadsheet would run as formulas, and real numbers.
fn formula_contact(plan: &Path) {
    fs::write(
        plan.join("contacts/mallory.md"),
        "+++\nname = \"=HYPERLINK(\\\"http://evil.example/\\\",\\\"Mallory\\\")\"\n\
         role = \"+cmd|' /C calc'!A0\"\nphone = \"+1 760 555 0110\"\n\
         mobile = \"+49 (0)511 12345\"\nlocation = \"@SUM(1+9)*cmd|' /C calc'!A0\"\n\
         email = \"mallory@example.org\"\n\n[private]\nhome_phone = \"+44 20 7946 9999\"\n\
         home_address = \"-2+3+cmd|' /C calc'!A0\"\n+++\nMallory.\n",
    )
    .expect("write contact");
}

#[test]
fn csv_export_neutralises_formulas_and_keeps_phone_numbers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    formula_contact(&plan);
    let file = dir.path().join("directory.csv");
    let run = lifeboat(&[
        "export",
        "csv",
        plan.to_str().expect("path"),
        "--include-private",
        "-o",
        file.to_str().expect("path"),
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut reader = csv::Reader::from_path(&file).expect("csv");
    let headers = reader.headers().expect("headers").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let mallory = rows
        .iter()
        .find(|r| &r[col("id")] == "mallory")
        .expect("mallory's row");
    assert_eq!(
        &mallory[col("name")],
        "'=HYPERLINK(\"http://evil.example/\",\"Mallory\")"
    );
    assert_eq!(&mallory[col("role")], "'+cmd|' /C calc'!A0");
    assert_eq!(&mallory[col("location")], "'@SUM(1+9)*cmd|' /C calc'!A0");
    assert_eq!(&mallory[col("home_address")], "'-2+3+cmd|' /C calc'!A0");
    assert_eq!(&mallory[col("phone")], "+1 760 555 0110");
    assert_eq!(&mallory[col("mobile")], "+49 (0)511 12345");
    assert_eq!(&mallory[col("home_phone")], "+44 20 7946 9999");
    // No cell anywhere starts as a formula.
    for row in &rows {
        for cell in row {
            let formula = cell.starts_with(['=', '@', '\t', '\r'])
                || (cell.starts_with(['+', '-'])
                    && !cell[1..]
                        .chars()
                        .all(|c| c.is_ascii_digit() || " ()./-".contains(c)));
            assert!(!formula, "a formula: {cell:?}");
        }
    }
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn private_exports_are_for_their_owner_only_and_nothing_planted_is_written_through() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    let p = plan.to_str().expect("path");
    let out = dir.path().join("out");
    fs::create_dir(&out).expect("out");
    // A file elsewhere, and links planted where the old (predictable) temporary
    // names were: `.NAME.lifeboat-PID.tmp` for the PIDs the next processes get.
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "keep me").expect("victim");
    let me = std::process::id();
    for pid in me..me + 3000 {
        for name in ["d.csv", "one.html", "d.vcf"] {
            let _ = std::os::unix::fs::symlink(
                &victim,
                out.join(format!(".{name}.lifeboat-{pid}.tmp")),
            );
        }
    }
    // What the process may create: 0600 for private files, 0666 for others, both
    // less the umask (the child inherits ours).
    let umask = || {
        fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                let line = s.lines().find(|l| l.starts_with("Umask:"))?.to_string();
                u32::from_str_radix(line.trim_start_matches("Umask:").trim(), 8).ok()
            })
            .unwrap_or(0o022)
    };
    let cases: [(&[&str], &str, u32); 5] = [
        (&["export", "csv", p, "--include-private"], "d.csv", 0o600),
        (&["export", "vcard", p, "--include-private"], "d.vcf", 0o600),
        (
            &["build", p, "--include-private", "--single-file"],
            "one.html",
            0o600,
        ),
        (&["export", "csv", p], "public.csv", 0o666),
        (&["build", p, "--single-file"], "public.html", 0o666),
    ];
    for (args, name, expected) in cases {
        let file = out.join(name);
        let mut args: Vec<&str> = args.to_vec();
        let f = file.to_str().expect("path").to_string();
        if args[0] == "export" {
            args.push("-o");
        }
        args.push(&f);
        args.extend(["--now", NOW]);
        let run = lifeboat(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(
            !fs::symlink_metadata(&file)
                .expect("written")
                .file_type()
                .is_symlink()
        );
        let m = mode(&file);
        let expected = expected & !umask();
        assert_eq!(m, expected, "{name}: mode {m:o}, not {expected:o}");
    }
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "keep me");
    // No temporary file is left behind.
    let left: Vec<String> = fs::read_dir(&out)
        .expect("out")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") && !n.contains(".lifeboat-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(unix)]
#[test]
fn a_site_link_that_came_with_the_plan_is_not_followed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    // Another site that the link points at; a build must not replace it.
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir(&elsewhere).expect("elsewhere");
    fs::write(elsewhere.join("index.html"), "other site").expect("write");
    let _ = fs::remove_dir_all(plan.join("site"));
    std::os::unix::fs::symlink(&elsewhere, plan.join("site")).expect("link");
    let run = lifeboat(&["build", plan.to_str().expect("path"), "--now", NOW]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("is a link") && run.stderr.contains("-o"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(elsewhere.join("index.html")).expect("kept"),
        "other site"
    );
    assert_eq!(
        fs::read_dir(&elsewhere).expect("elsewhere").count(),
        1,
        "nothing written there"
    );
    // A link the user names with -o is the user's choice.
    let mine = dir.path().join("mine");
    let target = dir.path().join("target");
    fs::create_dir(&target).expect("target");
    std::os::unix::fs::symlink(&target, &mine).expect("link");
    let run = lifeboat(&[
        "build",
        plan.to_str().expect("path"),
        "-o",
        mine.to_str().expect("path"),
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(target.join("index.html").is_file());
}

fn build(plan: &Path, out: &Path) -> crate::harness::Run {
    lifeboat(&[
        "build",
        plan.to_str().expect("path"),
        "-o",
        out.to_str().expect("path"),
        "--now",
        NOW,
    ])
}

#[test]
fn assets_that_would_run_script_are_refused_by_name() {
    for (name, content, says) in [
        (
            "assets/help.html",
            "<script>alert(document.domain)</script>",
            ".html",
        ),
        ("assets/old/page.HTM", "<script>alert(1)</script>", ".htm"),
        (
            "assets/feed.xml",
            "<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">alert(1)</x:script>",
            ".xml",
        ),
        (
            "assets/app.xhtml",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>",
            ".xhtml",
        ),
        ("assets/tool.js", "alert(1)", ".js"),
        (
            "assets/readme",
            "<html><script>alert(1)</script></html>",
            "starts like a web page",
        ),
        (
            "assets/photo.png",
            "\n<!DOCTYPE html><script>alert(1)</script>",
            "<!doctype html",
        ),
        (
            "assets/map.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            "<script",
        ),
        (
            "assets/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
            "onload",
        ),
        (
            "assets/link.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "javascript:",
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = example_copy(dir.path());
        let file = plan.join(name);
        fs::create_dir_all(file.parent().expect("folder")).expect("folder");
        fs::write(&file, content).expect("write");
        let out = dir.path().join("site");
        let run = build(&plan, &out);
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        assert!(
            run.stderr
                .contains(&format!("error[active-content]: {name}"))
                && run.stderr.contains(says)
                && run.stderr.contains("PDF"),
            "{name}: {}",
            run.stderr
        );
        assert!(!out.exists(), "{name}: a site was written");
        let check = lifeboat(&["check", plan.to_str().expect("path"), "--now", NOW]);
        assert_eq!(check.code, 1);
        assert!(check.stdout.contains("active-content") || check.stderr.contains("active-content"));
    }
    // An SVG without script is published and shown as an image.
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    fs::write(
        plan.join("assets/floor.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\"><rect width=\"20\" height=\"10\" fill=\"#369\"/></svg>",
    )
    .expect("svg");
    let runbook = plan.join("runbooks/ransomware-response.md");
    let text = fs::read_to_string(&runbook).expect("runbook");
    fs::write(
        &runbook,
        format!("{text}\n![Floor plan](../assets/floor.svg)\n"),
    )
    .expect("write");
    let out = dir.path().join("site");
    let run = build(&plan, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(out.join("assets/floor.svg").is_file());
    let page = fs::read_to_string(out.join("runbooks/ransomware-response.html")).expect("page");
    assert!(
        page.contains("<img src=\"../assets/floor.svg\""),
        "no image"
    );
}

#[test]
fn template_overrides_that_would_run_script_are_build_errors_at_their_line() {
    let layout = include_str!("../../themes/default/templates/layout.html");
    let theirs = "<script src=\"{{ root }}lifeboat.js\"></script>";
    assert!(layout.contains(theirs));
    let line_of = |text: &str, needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .expect("needle")
            + 1
    };
    for (template, text, needle) in [
        (
            "layout.html",
            layout.replace(
                theirs,
                &format!("{theirs}\n<script src=\"{{{{ root }}}}assets/x.txt\"></script>"),
            ),
            "assets/x.txt",
        ),
        (
            "layout.html",
            layout.replace("</body>", "<img src=\"x\" onerror=\"alert(1)\">\n</body>"),
            "onerror",
        ),
        (
            "layout.html",
            layout.replace(
                "<head>",
                "<head>\n<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
            ),
            "refresh",
        ),
        (
            "layout.html",
            layout.replace(
                "</body>",
                "<a href=\"&#106;avascript:alert(1)\">help</a>\n</body>",
            ),
            "avascript",
        ),
        (
            "layout.html",
            layout.replace("</body>", "<script>alert(1)</script>\n</body>"),
            "<script>alert",
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = example_copy(dir.path());
        fs::create_dir_all(plan.join("templates")).expect("templates");
        fs::write(plan.join("assets/x.txt"), "alert(document.domain)").expect("asset");
        fs::write(plan.join("templates").join(template), &text).expect("override");
        let out = dir.path().join("site");
        let run = build(&plan, &out);
        assert_eq!(run.code, 1, "{needle}: {}", run.stderr);
        let at = format!(
            "error[active-content]: templates/{template}:{}:",
            line_of(&text, needle)
        );
        assert!(
            run.stderr.contains(&at),
            "{needle}: wanted {at} in {}",
            run.stderr
        );
        assert!(!out.exists());
        let one = dir.path().join("one.html");
        let run = lifeboat(&[
            "build",
            plan.to_str().expect("path"),
            "--single-file",
            one.to_str().expect("path"),
            "--now",
            NOW,
        ]);
        assert_eq!(run.code, 1, "{needle}: single file: {}", run.stderr);
        assert!(!one.exists());
    }
    // The theme's own layout as an override builds.
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    fs::create_dir_all(plan.join("templates")).expect("templates");
    fs::write(plan.join("templates/layout.html"), layout).expect("override");
    let run = build(&plan, &dir.path().join("site"));
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// Builds the example plan with `change` made to it; returns the run. Time and
/// memory of these inputs are measured by `bench/runaway.sh`, not here.
fn build_changed(change: &dyn Fn(&Path)) -> crate::harness::Run {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = example_copy(dir.path());
    change(&plan);
    build(&plan, &dir.path().join("site"))
}

#[test]
fn runaway_inputs_end_in_ordinary_errors() {
    // A call tree that is one chain 20,000 deep.
    let run = build_changed(&|plan| {
        let n = 20_000;
        let people: String = (0..n)
            .map(|i| format!("[[contact]]\nid = \"p{i}\"\nname = \"Person {i}\"\nphone = \"+44 20 7946 {:04}\"\n\n", i % 10_000))
            .collect();
        fs::write(plan.join("contacts/chain.toml"), people).expect("people");
        let calls: String = (0..n - 1)
            .map(|i| format!("p{i} = [\"p{}\"]\n", i + 1))
            .collect();
        fs::write(
            plan.join("contacts/chain-tree.toml"),
            format!("[[call_tree]]\nid = \"chain\"\ntitle = \"Chain\"\nroot = \"p0\"\n[call_tree.calls]\n{calls}"),
        )
        .expect("tree");
    });
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error[call-tree-shape]: contacts/chain-tree.toml:")
            && run.stderr.contains("at most 32 levels"),
        "{}",
        run.stderr
    );
    // A loop of 20,000 callers is named once, found in one pass.
    let run = build_changed(&|plan| {
        let n = 20_000;
        let people: String = (0..n)
            .map(|i| format!("[[contact]]\nid = \"q{i}\"\nname = \"Q {i}\"\nphone = \"+44 20 7946 {:04}\"\n\n", i % 10_000))
            .collect();
        fs::write(plan.join("contacts/ring.toml"), people).expect("people");
        let calls: String = (0..n)
            .map(|i| format!("q{i} = [\"q{}\"]\n", (i + 1) % n))
            .collect();
        fs::write(
            plan.join("contacts/ring-tree.toml"),
            format!("[[call_tree]]\nid = \"ring\"\ntitle = \"Ring\"\n[call_tree.calls]\n{calls}"),
        )
        .expect("tree");
    });
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.matches("makes a loop").count() + run.stderr.matches("closes a loop").count(),
        1,
        "{}",
        &run.stderr[..run.stderr.len().min(2000)]
    );
    // Templates that loop or nest without end.
    for (text, says) in [
        (
            "{% for i in range(end=100000000) %}{{ i }}{% endfor %}".to_string(),
            "range",
        ),
        (
            "{% for i in range(end=1000) %}{% for j in range(end=1000) %}x{% endfor %}{% endfor %}"
                .to_string(),
            "range",
        ),
        (
            format!(
                "{}x{}",
                "{% if true %}".repeat(20_000),
                "{% endif %}".repeat(20_000)
            ),
            "nest more than 64",
        ),
        (
            format!("{{{{ {}1{} }}}}", "(".repeat(20_000), ")".repeat(20_000)),
            "brackets",
        ),
    ] {
        let run = build_changed(&|plan| {
            fs::create_dir_all(plan.join("templates")).expect("templates");
            fs::write(plan.join("templates/item-end.html"), &text).expect("override");
        });
        assert_eq!(run.code, 1, "{says}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{says}: {}", run.stderr);
    }
    // A small range is fine.
    let run = build_changed(&|plan| {
        fs::create_dir_all(plan.join("templates")).expect("templates");
        fs::write(
            plan.join("templates/item-end.html"),
            "{% for i in range(start=1, end=4) %}<i>{{ i }}</i>{% endfor %}",
        )
        .expect("override");
    });
    assert_eq!(run.code, 0, "{}", run.stderr);
    // 100,000 `{{` in a comms template build (in one pass; see the benchmark).
    let run = build_changed(&|plan| {
        fs::write(
            plan.join("comms/braces.md"),
            format!(
                "+++\ntitle = \"Braces\"\naudience = [\"all-staff\"]\nchannel = \"email\"\n+++\n{}x}}}}\n{}\n",
                "{{".repeat(100_000),
                "{{ a".repeat(100_000)
            ),
        )
        .expect("comms");
    });
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn copies_and_hard_links_of_a_large_asset_are_capped() {
    let run = build_changed(&|plan| {
        let big = plan.join("assets/big.bin");
        let f = fs::File::create(&big).expect("big");
        f.set_len(40 * 1024 * 1024).expect("sparse file");
        for i in 0..8 {
            fs::hard_link(&big, plan.join(format!("assets/link-{i}.bin"))).expect("link");
        }
    });
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("assets/ holds more than 256 MiB"),
        "{}",
        run.stderr
    );
}
