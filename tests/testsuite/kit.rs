//! The communication kit, judged from built sites and exports as a reader's tools
//! would: every QR code decoded by an independent decoder (`rqrr`) and its vCard read
//! by an independent parser (`ical`), the `.vcf` and `.ics` parsed, personal cards
//! checked against the call tree, exports compared with the site's files.

use crate::harness::{NOW, build_site, lifeboat, root};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn kit_plan() -> PathBuf {
    root().join("tests/testsuite/plans/kit-aangstroem")
}

/// Plans the QR and vCard checks run on: not only the example.
fn plans() -> Vec<PathBuf> {
    vec![
        kit_plan(),
        root().join("example-plan"),
        root().join("tests/testsuite/plans/stress-muehlenbach"),
        // Japanese: UTF-8 payloads three bytes a letter, behind an ECI designator.
        root().join("tests/testsuite/plans/tokai-suido-ja"),
        // French: names with ’ and accents, every kind of QR code.
        root().join("tests/testsuite/plans/metropole-loire-fr"),
    ]
}

fn read(site: &Path, path: &str) -> String {
    std::fs::read_to_string(site.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn pages(site: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(site) {
        let e = e.expect("walk");
        let p = e.path();
        if p.extension().is_some_and(|x| x == "html") {
            let rel = p.strip_prefix(site).expect("inside").to_string_lossy();
            out.insert(
                rel.replace('\\', "/"),
                std::fs::read_to_string(p).expect("UTF-8"),
            );
        }
    }
    out
}

fn select<'a>(doc: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let sel = scraper::Selector::parse(css).expect("selector");
    doc.select(&sel).collect()
}

fn text_of(e: &scraper::ElementRef) -> String {
    e.text().collect::<Vec<_>>().join("")
}

/// The dark modules of a QR code's path, stroked one unit wide: a line along a row
/// (`M x y`, `m dx dy`, `h n`, `H x`; absolute and relative) darkens the modules it
/// passes through, the row being the one the line runs through the middle of.
fn modules(d: &str, side: usize) -> Vec<bool> {
    let mut dark = vec![false; side * side];
    let mut tokens: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in d.chars() {
        if c.is_ascii_alphabetic() || c == ' ' || c == ',' || (c == '-' && !cur.is_empty()) {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
            if c.is_ascii_alphabetic() {
                tokens.push(c.to_string());
            } else if c == '-' {
                cur.push(c);
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    let num = |t: &String| t.parse::<f64>().expect("a number in the path");
    let (mut x, mut y) = (0.0f64, 0.0f64);
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].as_str();
        match t {
            "M" | "m" => {
                let (a, b) = (num(&tokens[i + 1]), num(&tokens[i + 2]));
                (x, y) = if t == "M" { (a, b) } else { (x + a, y + b) };
                i += 3;
            }
            "h" | "H" => {
                let to = if t == "h" {
                    x + num(&tokens[i + 1])
                } else {
                    num(&tokens[i + 1])
                };
                let row = y.floor() as usize;
                for col in x.min(to) as usize..x.max(to) as usize {
                    dark[row * side + col] = true;
                }
                x = to;
                i += 2;
            }
            other => panic!("path command {other} is not one a QR code's path uses"),
        }
    }
    dark
}

/// Draws an SVG QR code (viewBox `0 0 side side`, its white ground and black path)
/// at `scale` pixels a unit and decodes it with `rqrr`.
fn decode_svg(svg: &scraper::ElementRef) -> Vec<u8> {
    let view: Vec<f64> = svg
        .value()
        .attr("viewBox")
        .expect("viewBox")
        .split_whitespace()
        .map(|v| v.parse().expect("number"))
        .collect();
    assert_eq!(view.len(), 4);
    let side = view[2] as usize;
    let scale = 4;
    let paths = select_in(svg, "path");
    assert_eq!(paths.len(), 1, "one path");
    assert_eq!(paths[0].value().attr("stroke-width"), Some("1"));
    let dark = modules(paths[0].value().attr("d").expect("d"), side);
    let px = side * scale;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
        if dark[(y / scale) * side + x / scale] {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the drawing");
    let mut out = Vec::new();
    grids[0].decode_to(&mut out).expect("the QR code decodes");
    out
}

fn select_in<'a>(e: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let sel = scraper::Selector::parse(css).expect("selector");
    e.select(&sel).collect()
}

/// Every property of every card in a vCard file, read by the `ical` crate.
fn vcards(text: &str) -> Vec<Vec<(String, String, String)>> {
    ical::VcardParser::new(std::io::BufReader::new(text.as_bytes()))
        .map(|c| {
            let c = c.expect("the vCard parses");
            c.properties
                .iter()
                .map(|p| {
                    let params = p
                        .params
                        .as_ref()
                        .map(|ps| {
                            ps.iter()
                                .map(|(k, v)| format!("{k}={}", v.join(",")))
                                .collect::<Vec<_>>()
                                .join(";")
                        })
                        .unwrap_or_default();
                    (p.name.clone(), params, p.value.clone().unwrap_or_default())
                })
                .collect()
        })
        .collect()
}

fn value<'a>(card: &'a [(String, String, String)], name: &str) -> Option<&'a str> {
    card.iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, _, v)| v.as_str())
}

#[test]
fn every_qr_code_decodes_to_its_payload_and_vcards_parse() {
    let dir = tempfile::tempdir().expect("temp dir");
    for plan in plans() {
        let out = dir.path().join(plan.file_name().expect("name"));
        build_site(&plan, &out, &[]);
        let mut codes = 0;
        let mut beyond_ascii = 0;
        for (page, html) in pages(&out) {
            let doc = scraper::Html::parse_document(&html);
            for svg in select(&doc, "svg.qr") {
                codes += 1;
                let payload = svg.value().attr("data-payload").expect("data-payload");
                let decoded = decode_svg(&svg);
                assert_eq!(
                    String::from_utf8(decoded).expect("UTF-8"),
                    payload,
                    "{page}: the code holds its data-payload"
                );
                if !payload.is_ascii() {
                    beyond_ascii += 1;
                }
                // A module at least 0.4 mm: the figure's width over the modules.
                let side: f64 = svg
                    .value()
                    .attr("viewBox")
                    .expect("viewBox")
                    .split_whitespace()
                    .nth(2)
                    .and_then(|v| v.parse().ok())
                    .expect("side");
                let figure = svg
                    .parent()
                    .and_then(scraper::ElementRef::wrap)
                    .expect("figure");
                let width: f64 = figure
                    .value()
                    .attr("style")
                    .and_then(|s| s.strip_prefix("width:")?.strip_suffix("mm")?.parse().ok())
                    .expect("the figure's width in mm");
                assert!(
                    width / side >= 0.4 - 1e-9,
                    "{page}: modules of {} mm",
                    width / side
                );
                assert_eq!(svg.value().attr("shape-rendering"), Some("crispEdges"));
                if payload.starts_with("BEGIN:VCARD") {
                    assert!(payload.ends_with("END:VCARD\r\n"), "{page}: {payload:?}");
                    assert!(!payload.replace("\r\n", "").contains('\n'), "CRLF only");
                    let cards = vcards(payload);
                    assert_eq!(cards.len(), 1, "{page}: one card in the code");
                    let card = &cards[0];
                    assert_eq!(value(card, "VERSION"), Some("3.0"));
                    assert!(value(card, "N").is_some() && value(card, "FN").is_some());
                    assert!(value(card, "TEL").is_some(), "{page}: a number");
                } else {
                    assert!(payload.starts_with("https://"), "{page}: {payload}");
                }
            }
        }
        assert!(codes > 0, "{}: QR codes on the cards", plan.display());
        if plan == kit_plan() {
            assert!(beyond_ascii > 0, "names beyond ASCII were encoded");
        }
    }
}

#[test]
fn names_beyond_ascii_arrive_intact_in_codes_and_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build_site(&kit_plan(), &out, &[]);
    let cards = read(&out, "cards/index.html");
    let doc = scraper::Html::parse_document(&cards);
    let staff = select(&doc, ".card-front[data-card=\"personalkort\"] svg.qr");
    let payload = staff[0].value().attr("data-payload").expect("payload");
    let card = &vcards(payload)[0];
    assert_eq!(value(card, "FN"), Some("José Núñez"));
    assert_eq!(value(card, "N"), Some("Núñez;José;;;"));
    let all = vcards(&read(&out, "contacts.vcf"));
    // Six people and one team.
    assert_eq!(all.len(), 7);
    let names: Vec<&str> = all.iter().filter_map(|c| value(c, "FN")).collect();
    assert!(names.contains(&"Zoë Ångström"), "{names:?}");
    assert!(names.contains(&"IT-drift & nätverk"), "{names:?}");
    // Escaped as RFC 2426 says, and read back so by the parser.
    assert!(
        names.contains(&"Ana Lind\\; Söderberg\\, \"Jr\""),
        "{names:?}"
    );
    let zoe = vcards(&read(&out, "contacts/zoe-angstrom.vcf"));
    assert_eq!(zoe.len(), 1);
    assert_eq!(value(&zoe[0], "N"), Some("Ångström;Zoë;;;"));
    assert_eq!(value(&zoe[0], "TITLE"), Some("IT-chef"));
    let tels: Vec<&(String, String, String)> = zoe[0].iter().filter(|p| p.0 == "TEL").collect();
    assert_eq!(
        tels.len(),
        2,
        "work and mobile, no private number: {tels:?}"
    );
    // Each person's page offers their card.
    assert!(
        read(&out, "contacts/zoe-angstrom.html").contains("href=\"../contacts/zoe-angstrom.vcf\"")
    );
}

#[test]
fn private_values_reach_only_include_private_builds_and_exports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let secrets = [
        "+46 8 999 99 91",
        "zoe.hemlig@privat.example",
        "+46 70 999 99 92",
        "Hemliggatan",
    ];
    let public = dir.path().join("public");
    build_site(&kit_plan(), &public, &[]);
    for e in walkdir::WalkDir::new(&public) {
        let e = e.expect("walk");
        if e.file_type().is_file() {
            let text =
                String::from_utf8_lossy(&std::fs::read(e.path()).expect("read")).into_owned();
            for s in secrets {
                assert!(!text.contains(s), "{}: {s}", e.path().display());
            }
        }
    }
    let plan = kit_plan();
    let p = plan.to_string_lossy();
    for what in ["vcard", "ics", "csv", "json"] {
        let run = lifeboat(&["export", what, &p, "--now", NOW]);
        assert_eq!(run.code, 0, "{what}: {}", run.stderr);
        for s in secrets {
            assert!(!run.stdout.contains(s), "export {what}: {s}");
        }
    }
    let private = dir.path().join("private");
    build_site(&kit_plan(), &private, &["--include-private"]);
    let zoe = read(&private, "contacts/zoe-angstrom.vcf");
    assert!(zoe.contains("TEL;TYPE=HOME,VOICE:+46 8 999 99 91"), "{zoe}");
    assert!(zoe.contains("zoe.hemlig@privat.example"), "{zoe}");
    // Cards are printed and carried: never private, whatever the build.
    let cards = read(&private, "cards/index.html");
    for s in secrets {
        assert!(!cards.contains(s), "cards: {s}");
    }
    let run = lifeboat(&["export", "csv", &p, "--include-private"]);
    assert!(run.stdout.contains("Hemliggatan 7"), "{}", run.stdout);
}

#[test]
fn personal_cards_name_the_right_caller_callees_and_report_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build_site(&kit_plan(), &out, &[]);
    for page in ["cards/index.html", "cards/letter.html"] {
        let html = read(&out, page);
        let doc = scraper::Html::parse_document(&html);
        let front = |who: &str| {
            let id = format!("call-tree:larm:{who}");
            let faces = select(&doc, &format!(".card.card-front[data-card=\"{id}\"]"));
            assert_eq!(faces.len(), 1, "{page}: the front of {id}");
            assert_eq!(
                select(&doc, &format!(".card.card-back[data-card=\"{id}\"]")).len(),
                1,
                "{page}: the back of {id}"
            );
            text_of(&faces[0])
        };
        // In order: what must come after what on the card.
        let in_order = |text: &str, parts: &[&str]| {
            let mut at = 0;
            for p in parts {
                let found = text[at..]
                    .find(p)
                    .unwrap_or_else(|| panic!("{page}: {p:?} after position {at} in {text:?}"));
                at += found + p.len();
            }
        };
        let zoe = front("zoe-angstrom");
        in_order(
            &zoe,
            &[
                "Larmkedja vid allvarlig IT-störning",
                "Zoë Ångström",
                "You start this call tree",
                "You call, in order",
                "1. José Núñez",
                "+46 70 222 22 22",
                "2. Ben Ode",
                "+46 70 333 33 33",
                "Report back to",
                "Ana Lind",
                "+46 70 666 66 66",
                // The hotline in the foot: the front is for the cascade.
                "IT-jour",
                "+46 10 123 45 67",
            ],
        );
        let jose = front("jose-nunez");
        in_order(
            &jose,
            &[
                "José Núñez",
                "Called by",
                "Zoë Ångström",
                "+46 70 111 11 11",
                "You call, in order",
                "1. Chen Li",
                "2. Dana Kim",
                "+46 70 555 55 55",
                "Report back to",
                "Ana Lind",
            ],
        );
        assert!(!jose.contains("Ben Ode"), "{jose}");
        let ben = front("ben-ode");
        in_order(
            &ben,
            &[
                "Called by",
                "Zoë Ångström",
                "You call, in order",
                "1. Ana Lind",
                "Report back to",
                "Ana Lind",
            ],
        );
        let chen = front("chen-li");
        in_order(
            &chen,
            &[
                "Chen Li",
                "Called by",
                "José Núñez",
                "Report back to",
                "Ana Lind",
            ],
        );
        assert!(!chen.contains("You call"), "{chen}");
        let ana = front("ana-lind");
        in_order(
            &ana,
            &["Called by", "Ben Ode", "Everyone reports back to you"],
        );
        // Every card shows organization, plan version, classification and hotline.
        for face in select(&doc, ".card") {
            let t = text_of(&face);
            for must in [
                "Fjällbacka Kommun",
                "2026.11-β",
                "INTERNT",
                "+46 10 123 45 67",
            ] {
                assert!(t.contains(must), "{page}: {must} on {t:?}");
            }
        }
        // The back of a caller's card names their callees' alternates.
        let back = select(
            &doc,
            ".card.card-back[data-card=\"call-tree:larm:zoe-angstrom\"]",
        );
        let back = text_of(&back[0]);
        in_order(
            &back,
            &[
                "No answer? Call their alternate",
                "Chen Li",
                "for José Núñez",
                "Dana Kim",
                "for Ben Ode",
            ],
        );
    }
}

/// `left:Xmm;top:Ymm` of a face.
fn place(e: &scraper::ElementRef) -> (f64, f64) {
    let s = e.value().attr("style").expect("style");
    let (l, t) = s
        .strip_prefix("left:")
        .and_then(|s| s.split_once("mm;top:"))
        .expect("left/top");
    (
        l.parse().expect("x"),
        t.trim_end_matches("mm").parse().expect("y"),
    )
}

#[test]
fn sheets_hold_ten_or_eight_cards_with_backs_mirrored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build_site(&root().join("example-plan"), &out, &[]);
    for (page, per_sheet, width) in [
        ("cards/index.html", 10, 210.0),
        ("cards/letter.html", 8, 215.9),
    ] {
        let html = read(&out, page);
        let doc = scraper::Html::parse_document(&html);
        let sheets = select(&doc, "section.sheet");
        let cards = select(&doc, ".card-front").len();
        assert!(
            cards > per_sheet,
            "{page}: the example fills more than a sheet"
        );
        assert_eq!(sheets.len(), 2 * cards.div_ceil(per_sheet), "{page}");
        for pair in sheets.chunks(2) {
            let fronts = select_in(&pair[0], ".card-front");
            let backs = select_in(&pair[1], ".card-back");
            assert!(
                fronts.len() <= per_sheet && fronts.len() == backs.len(),
                "{page}"
            );
            assert!(pair[1].value().classes().any(|c| c == "backs"));
            for (f, b) in fronts.iter().zip(&backs) {
                assert_eq!(f.value().attr("data-card"), b.value().attr("data-card"));
                let ((fx, fy), (bx, by)) = (place(f), place(b));
                // Long-edge duplex: the back is at the mirrored place of its front.
                assert!((fy - by).abs() < 0.01, "{page}: same row");
                assert!(
                    (fx + 85.6 + bx - width).abs() < 0.02,
                    "{page}: mirrored column {fx} {bx}"
                );
            }
            // Cut marks and the ruler are drawn in the sheet's margins.
            assert_eq!(select_in(&pair[0], "svg.sheet-marks").len(), 1);
        }
    }
}

#[test]
fn call_trees_have_pages_and_references_link_to_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build_site(&kit_plan(), &out, &[]);
    let tree = read(&out, "call-trees/larm.html");
    let doc = scraper::Html::parse_document(&tree);
    let rows = select(&doc, "table.cascade-table tbody tr");
    let order: Vec<String> = rows
        .iter()
        .map(|r| text_of(&select_in(r, "td.step-person a")[0]))
        .collect();
    assert_eq!(
        order,
        [
            "Zoë Ångström",
            "José Núñez",
            "Chen Li",
            "Dana Kim",
            "Ben Ode",
            "Ana Lind; Söderberg, \"Jr\""
        ]
    );
    for tel in [
        "tel:+46701111111",
        "tel:+46701111112",
        "tel:+46702222222",
        "tel:+46705555555",
    ] {
        assert!(tree.contains(&format!("href=\"{tel}\"")), "{tel}");
    }
    // José's alternate is named with the number to call.
    let jose = text_of(&rows[1]);
    assert!(
        jose.contains("Chen Li") && jose.contains("+46 70 444 44 44"),
        "{jose}"
    );
    assert!(tree.contains("Report back") && tree.contains("No answer?"));
    assert!(read(&out, "index.html").contains("href=\"call-trees/larm.html\""));
    assert!(read(&out, "runbooks/larmrutin.html").contains("href=\"../call-trees/larm.html\""));
    assert!(read(&out, "contacts/jose-nunez.html").contains("href=\"../call-trees/larm.html\""));
    assert!(read(&out, "print.html").contains("Larmkedja vid allvarlig IT-störning"));
}

#[test]
fn the_calendar_parses_with_all_day_events_and_folded_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build_site(&kit_plan(), &out, &[]);
    let text = read(&out, "exercises.ics");
    for line in text.split_inclusive('\n') {
        assert!(line.ends_with("\r\n"), "CRLF: {line:?}");
        assert!(line.len() - 2 <= 75, "{} octets: {line:?}", line.len() - 2);
    }
    let cals: Vec<_> = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()))
        .map(|c| c.expect("the calendar parses"))
        .collect();
    assert_eq!(cals.len(), 1);
    let events = &cals[0].events;
    assert_eq!(events.len(), 3, "planned, done and cancelled");
    let mut uids = Vec::new();
    for e in events {
        let get = |n: &str| e.properties.iter().find(|p| p.name == n);
        uids.push(get("UID").and_then(|p| p.value.clone()).expect("UID"));
        assert_eq!(
            get("DTSTAMP").and_then(|p| p.value.clone()).as_deref(),
            Some("20261124T000000Z")
        );
        let start = get("DTSTART").expect("DTSTART");
        let params = start.params.clone().unwrap_or_default();
        assert!(
            params
                .iter()
                .any(|(k, v)| k == "VALUE" && v == &["DATE".to_string()])
        );
    }
    uids.dedup();
    assert_eq!(uids.len(), 3);
    let summary = |id: &str| {
        events
            .iter()
            .find(|e| {
                e.properties.iter().any(|p| {
                    p.name == "UID" && p.value.as_deref().is_some_and(|v| v.starts_with(id))
                })
            })
            .expect(id)
    };
    let tabletop = summary("2026-05-skrivbordsovning");
    let s = tabletop
        .properties
        .iter()
        .find(|p| p.name == "SUMMARY")
        .and_then(|p| p.value.clone());
    assert_eq!(
        s.as_deref(),
        Some("Skrivbordsövning: ransomware\\; \"värsta fallet\"\\, del 1")
    );
    // A plan without a language: the description in English, a line a field.
    let description = tabletop
        .properties
        .iter()
        .find(|p| p.name == "DESCRIPTION")
        .and_then(|p| p.value.clone())
        .unwrap_or_default();
    let lines: Vec<&str> = description.split("\\n").collect();
    assert_eq!(
        &lines[..3],
        ["Kind: tabletop", "Status: done", "Outcome: partial"],
        "{description}"
    );
    assert!(
        lines[3].starts_with("Facilitator: Ana Lind"),
        "{description}"
    );
    assert!(
        lines
            .last()
            .is_some_and(|l| l.starts_with("Finding (open): Återställningen")),
        "{description}"
    );
    let cancelled = summary("2026-03-installd");
    assert!(
        cancelled
            .properties
            .iter()
            .any(|p| p.name == "STATUS" && p.value.as_deref() == Some("CANCELLED"))
    );
}

#[test]
fn exports_give_the_site_s_files_and_a_csv_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    let plan = kit_plan();
    build_site(&plan, &out, &[]);
    let p = plan.to_string_lossy();
    for (what, file) in [
        ("vcard", "contacts.vcf"),
        ("ics", "exercises.ics"),
        ("json", "plan.json"),
    ] {
        let run = lifeboat(&["export", what, &p, "--now", NOW]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(
            run.stdout,
            read(&out, file),
            "export {what} is the site's {file}"
        );
    }
    let csv_file = dir.path().join("directory.csv");
    let run = lifeboat(&["export", "csv", &p, "-o", &csv_file.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "to the file, not standard output");
    let mut reader = csv::Reader::from_path(&csv_file).expect("CSV");
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "id",
            "kind",
            "name",
            "role",
            "team",
            "phone",
            "mobile",
            "email",
            "location",
            "verified",
            "alternates",
            "lead",
            "members"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 7);
    let ana = rows.iter().find(|r| &r[0] == "ana-lind").expect("ana");
    assert_eq!(&ana[2], "Ana Lind; Söderberg, \"Jr\"");
    let team = rows.iter().find(|r| &r[0] == "drift").expect("team");
    assert_eq!(
        (&team[1], &team[11], &team[12]),
        ("team", "zoe-angstrom", "jose-nunez; ben-ode")
    );
    // A plan with errors exports nothing.
    let broken = tempfile::tempdir().expect("temp dir");
    std::fs::write(broken.path().join("plan.toml"), "[plan]\ntitle = 1\n").expect("write");
    let run = lifeboat(&["export", "vcard", &broken.path().to_string_lossy()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.is_empty() && run.stderr.contains("nothing was exported"),
        "{}",
        run.stderr
    );
}

#[test]
fn templates_offer_a_fill_in_form_and_the_matrix_names_who_is_told() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build_site(&kit_plan(), &out, &[]);
    let page = read(&out, "comms/sms-larm.html");
    let doc = scraper::Html::parse_document(&page);
    let inputs: Vec<&str> = select(&doc, "form.fill-in input")
        .iter()
        .filter_map(|i| i.value().attr("data-name"))
        .collect();
    assert_eq!(inputs, ["tjänst", "starttid", "nästa"]);
    assert_eq!(
        select(&doc, ".message .placeholder[data-name=\"tjänst\"]").len(),
        2
    );
    assert_eq!(
        select(&doc, ".message[data-sms] ~ .message-tools .sms-count").len(),
        1
    );
    let comms = read(&out, "comms/index.html");
    let doc = scraper::Html::parse_document(&comms);
    let row = text_of(&select(&doc, "table")[1].clone());
    // The channel in the interface's words (the plan's language falls back to
    // English: "SMS" for `channel = "sms"`).
    let table = &select(&doc, "table")[1];
    let channel = scraper::Selector::parse("tbody td:nth-child(2)").expect("selector");
    let channels: Vec<String> = table
        .select(&channel)
        .map(|td| td.text().collect::<String>())
        .collect();
    assert!(channels.iter().any(|c| c == "SMS"), "{channels:?}");
    for must in [
        "All personal",
        "30m",
        "Ana Lind",
        "SEV1",
        "SMS-larm till jouren",
    ] {
        assert!(row.contains(must), "{must} in {row}");
    }
}

#[test]
fn a_german_plans_calendar_speaks_german() {
    // The calendar's name, each event's kind and the labels of its description are
    // the plan's language, as its pages are; the exercise's own words as written.
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    build_site(
        &root().join("tests/testsuite/plans/klinikum-nord-de"),
        &out,
        &[],
    );
    let text = read(&out, "exercises.ics");
    let cals: Vec<_> = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()))
        .map(|c| c.expect("the calendar parses"))
        .collect();
    let cal = &cals[0];
    let name = cal
        .properties
        .iter()
        .find(|p| p.name == "X-WR-CALNAME")
        .and_then(|p| p.value.clone())
        .expect("a calendar name");
    assert!(name.ends_with(": Übungen"), "{name}");
    let event = cal
        .events
        .iter()
        .find(|e| {
            e.properties.iter().any(|p| {
                p.name == "SUMMARY"
                    && p.value.as_deref() == Some("Planspiel Verschlüsselungstrojaner")
            })
        })
        .expect("the tabletop exercise");
    let get = |n: &str| {
        event
            .properties
            .iter()
            .find(|p| p.name == n)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    assert_eq!(get("CATEGORIES"), "Planspiel");
    // The parser keeps RFC 5545's escapes: `\n` between lines, `\,` in lists.
    let description = get("DESCRIPTION");
    let lines: Vec<&str> = description.split("\\n").collect();
    assert_eq!(lines[0], "Art: Planspiel", "{description}");
    assert_eq!(lines[1], "Status: durchgeführt", "{description}");
    assert!(lines.contains(&"Ergebnis: teilweise"), "{description}");
    assert!(
        lines.iter().any(|l| l.starts_with("Ablaufpläne: ")),
        "{description}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("Teilnehmende: ")),
        "{description}"
    );
    for english in [
        "Kind:",
        "Outcome:",
        "Runbooks:",
        "Participants:",
        "Finding (",
        "tabletop",
        "partial",
    ] {
        assert!(!text.contains(english), "{english} in {text}");
    }
}

#[test]
fn a_qr_code_that_leaves_out_the_second_number_says_so_and_keeps_the_first() {
    // The Japanese hotline's name takes three bytes a letter, twice (N and FN): its
    // vCard fits the card's code only without the e-mail, the organisation and the
    // second number. The build says which, in words an author reads rightly.
    let plan = root().join("tests/testsuite/plans/tokai-suido-ja");
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let run = lifeboat(&[
        "build",
        &plan.to_string_lossy(),
        "-o",
        &site.to_string_lossy(),
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "zenshokuin: the QR code for hotline leaves out EMAIL, ORG, its other numbers (TEL) \
             to keep its modules at least 0.4 mm wide"
        ),
        "{}",
        run.stderr
    );
    let html = std::fs::read_to_string(site.join("cards/index.html")).expect("cards");
    let payloads: Vec<&str> = html
        .split("data-payload=\"")
        .skip(1)
        .filter_map(|p| p.split('"').next())
        .filter(|p| p.contains("FN:情報システム課"))
        .collect();
    assert!(!payloads.is_empty());
    for p in payloads {
        assert!(p.contains("TEL;TYPE=WORK,VOICE:+81 52-123-4567"), "{p}");
        assert!(!p.contains("+81 90-1234-5678"), "{p}");
    }
}

#[test]
fn a_hotline_label_too_long_for_any_readable_code_is_named_hotline_in_it() {
    // A label of 200 characters, twice in the vCard (N and FN), fits no code a card
    // draws with 0.4 mm modules: the code names the number with the interface's word
    // for a hotline instead of shrinking its modules, and the build says so. The card
    // shows the label.
    for (language, word) in [("en", "Hotline"), ("de", "Notfallnummer")] {
        hotline_named_in(language, word);
    }
}

fn hotline_named_in(language: &str, word: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = crate::harness::example_copy(dir.path());
    let label = "Zentrale IT-Störungsannahme, Krisenstab-Bereitschaft und Leitstelle der \
                 Netzbetriebe Strom, Gas, Wasser und Fernwärme (rund um die Uhr, auch an \
                 Sonn- und Feiertagen, mit Rückruf binnen 15 Minuten)";
    let toml = std::fs::read_to_string(plan.join("plan.toml")).expect("plan.toml");
    let toml = toml.replace(
        "label = \"IT Major Incident Bridge\"",
        &format!("label = \"{label}\""),
    );
    let toml = toml.replace("language = \"en\"", &format!("language = \"{language}\""));
    std::fs::write(plan.join("plan.toml"), toml).expect("plan.toml");
    let site = dir.path().join("site");
    let run = build_site(&plan, &site, &[]);
    assert!(
        run.stderr.contains(&format!(
            "staff-card: the QR code for hotline names it \"{word}\": its label is too long \
             for a 34 mm code with 0.4 mm modules"
        )),
        "{}",
        run.stderr
    );
    let html = std::fs::read_to_string(site.join("cards/index.html")).expect("cards");
    let doc = scraper::Html::parse_document(&html);
    let mut hotline_codes = 0;
    for svg in select(&doc, "svg.qr") {
        let payload = svg.value().attr("data-payload").expect("data-payload");
        let decoded = String::from_utf8(decode_svg(&svg)).expect("UTF-8");
        assert_eq!(decoded, payload);
        let side: f64 = (svg.value().attr("viewBox").expect("viewBox"))
            .split_whitespace()
            .nth(2)
            .and_then(|v| v.parse().ok())
            .expect("side");
        let width: f64 = (svg.parent().and_then(scraper::ElementRef::wrap))
            .and_then(|f| f.value().attr("style"))
            .and_then(|s| s.strip_prefix("width:")?.strip_suffix("mm")?.parse().ok())
            .expect("the figure's width in mm");
        assert!(width / side >= 0.4 - 1e-9, "modules of {} mm", width / side);
        if payload.contains("+44 20 7946 0000") && !payload.contains("FN:Ana") {
            hotline_codes += 1;
            let card = &vcards(payload)[0];
            assert_eq!(value(card, "FN"), Some(word), "{payload}");
            assert_eq!(value(card, "TEL"), Some("+44 20 7946 0000"), "{payload}");
        }
    }
    assert!(hotline_codes > 0, "the hotline's codes");
    // The card itself shows the whole label.
    assert!(
        html.contains(&label.replace('\'', "&#39;")),
        "the label on the card"
    );
}

#[test]
fn a_number_with_a_trunk_zero_or_an_extension_is_dialled_as_a_phone_must() {
    // "+44 (0)7700 ..." is how many European directories write a number; a phone that
    // dials the 0 after +44 reaches no one. "ext. 22" dialled as digits reaches
    // another number. The page shows each as written (with the build's warning);
    // the tel: link and the vCard dial the number, and the extension after a pause.
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = crate::harness::example_copy(dir.path());
    let people = std::fs::read_to_string(plan.join("contacts/people.toml")).expect("people");
    let people = people
        .replace(
            "phone = \"+44 7700 900011\"",
            "phone = \"+44 (0)7700 900011\"",
        )
        .replace(
            "phone = \"+44 7700 900021\"",
            "phone = \"+1 (212) 555-0100 ext. 22\"",
        );
    std::fs::write(plan.join("contacts/people.toml"), people).expect("people");
    let site = dir.path().join("site");
    let run = build_site(&plan, &site, &[]);
    assert_eq!(
        run.stderr.matches("warning[phone-format]").count(),
        2,
        "{}",
        run.stderr
    );
    for (page, shown, tel) in [
        ("ben-ode", "+44 (0)7700 900011", "tel:+447700900011"),
        (
            "chen-li",
            "+1 (212) 555-0100 ext. 22",
            "tel:+12125550100,22",
        ),
    ] {
        let html =
            std::fs::read_to_string(site.join(format!("contacts/{page}.html"))).expect("page");
        let doc = scraper::Html::parse_document(&html);
        let links: Vec<(String, String)> = select(&doc, "a.tel")
            .iter()
            .map(|a| {
                let href = a.value().attr("href").unwrap_or_default().to_string();
                (a.text().collect::<String>(), href)
            })
            .collect();
        assert!(
            links.contains(&(shown.to_string(), tel.to_string())),
            "{page}: {links:?}"
        );
        let vcf = std::fs::read_to_string(site.join(format!("contacts/{page}.vcf"))).expect("vcf");
        let card = &vcards(&vcf)[0];
        // The ical crate gives the value as written in the file, escapes and all.
        let number = value(card, "TEL").expect("TEL").replace("\\,", ",");
        assert_eq!(format!("tel:{number}"), tel, "{vcf}");
    }
    // The search box finds the number as written, as dialled from abroad and at home.
    let config = dir.path().join("search.json");
    let searches = serde_json::json!({
        "site": site,
        "phone": false,
        "searches": [
            ["+44 7700 900011", "Ben Ode"],
            ["+44 (0)7700 900011", "Ben Ode"],
            ["07700 900011", "Ben Ode"],
            ["212 555-0100", "Chen Li"],
        ],
    });
    std::fs::write(&config, searches.to_string()).expect("config");
    let last = crate::harness::node_check("reader_check.js", &[config.as_os_str()]);
    assert!(last.ends_with("problems=0"), "{last}");
}
