//! The Markdown renderer's tests: what plan prose becomes, and what it never does.

use super::*;

fn plan() -> (tempfile::TempDir, Plan) {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    std::fs::write(
        p.join("plan.toml"),
        "[plan]\ntitle = \"T\"\norganization = \"O\"\nversion = \"1\"\n",
    )
    .expect("write");
    std::fs::create_dir_all(p.join("contacts")).expect("dir");
    std::fs::write(
        p.join("contacts/people.toml"),
        "[[contact]]\nid = \"ben\"\nname = \"Ben <Ode>\"\nphone = \"+44 7700 900011\"\n\n\
         [[vendor]]\nid = \"acme\"\nname = \"Acme\"\nsupport_phone = \"+1 555 0100\"\n\n\
         [[service]]\nid = \"ehr\"\nname = \"EHR\"\n",
    )
    .expect("write");
    let loaded = crate::load::load(p).expect("loads");
    (dir, loaded.plan)
}

fn html(plan: &Plan, md: &str, dir: &str, prefix: &str) -> String {
    to_html(
        plan,
        md,
        &Target {
            root: "../",
            anchor_prefix: prefix,
            source_dir: dir,
            placeholders: true,
            outline: true,
            assets: &ASSETS,
            catalog: Some(&ENGLISH),
        },
    )
}

static ENGLISH: std::sync::LazyLock<crate::i18n::Catalog> =
    std::sync::LazyLock::new(crate::i18n::Catalog::english);
static ASSETS: std::sync::LazyLock<Vec<(String, Vec<u8>)>> = std::sync::LazyLock::new(|| {
    ["a bé.pdf", "map.svg", "plan.pdf"]
        .iter()
        .map(|p| (p.to_string(), Vec::new()))
        .collect()
});

#[test]
fn links_to_files_not_in_assets_are_text() {
    let (_d, plan) = plan();
    let out = html(
        &plan,
        "[a](../assets/nope.pdf) ![b](../assets/nope.png)",
        "runbooks",
        "",
    );
    assert!(!out.contains("href") && !out.contains("<img"), "{out}");
}

#[test]
fn every_number_to_call_stands_in_a_span_that_does_not_wrap() {
    // A bare number, an author's `tel:` link (any case) and a web link: only the
    // numbers are wrapped, and the span closes after the link.
    let (_d, plan) = plan();
    let out = html(
        &plan,
        "Call (+44 20 7946 0000), [the desk](tel:+442079460001). [web](https://example.org), [x](TEL:+1555).",
        "runbooks",
        "",
    );
    assert!(out.contains("Call <span class=\"nobr\">(<a class=\"tel\" href=\"tel:+442079460000\">+44 20 7946 0000</a></span>)"), "{out}");
    assert!(
        out.contains("<span class=\"nobr\"><a href=\"tel:+442079460001\">the desk</a></span>."),
        "{out}"
    );
    assert!(
        out.contains("<span class=\"nobr\"><a href=\"TEL:+1555\">x</a></span>."),
        "{out}"
    );
    assert!(
        out.contains(" <a href=\"https://example.org\">web</a>,"),
        "{out}"
    );
    assert_eq!(
        out.matches("<span").count(),
        out.matches("</span>").count(),
        "{out}"
    );
}

#[test]
fn references_name_the_item_and_its_number() {
    let (_d, plan) = plan();
    let out = html(
        &plan,
        "Call [[ben]], then [[acme|the vendor]]; see [[ehr]] and [[nope]].",
        "runbooks",
        "",
    );
    // The number in a span that does not wrap: the comma after it stays on its line.
    assert!(out.contains("<a href=\"../contacts/ben.html\">Ben &lt;Ode&gt;</a> <span class=\"nobr\"><a class=\"tel\" href=\"tel:+447700900011\">+44 7700 900011</a></span></span>,"), "{out}");
    assert!(out.contains("<a href=\"../vendors/acme.html\">the vendor</a> <span class=\"nobr\"><a class=\"tel\" href=\"tel:+15550100\">"), "{out}");
    assert!(
        out.contains("<a href=\"../services/ehr.html\">EHR</a>"),
        "{out}"
    );
    assert!(out.contains("<span class=\"ref\">nope</span>"), "{out}");
}

#[test]
fn headings_get_unique_anchors_and_the_title_keeps_h1() {
    let (_d, plan) = plan();
    let out = html(
        &plan,
        "# Top\n## Step one\n## Step one\n### Ünïcode & more {#custom}\n",
        "",
        "",
    );
    assert!(out.contains("<h2 id=\"top\">"), "{out}");
    assert!(
        out.contains("<h2 id=\"step-one\">") && out.contains("<h2 id=\"step-one-2\">"),
        "{out}"
    );
    assert!(out.contains("<h3 id=\"custom\">"), "{out}");
    let shared = html(&plan, "## Step\n[back](#step)\n", "", "rb--");
    assert!(
        shared.contains("id=\"rb--step\"") && shared.contains("href=\"#rb--step\""),
        "{shared}"
    );
}

#[test]
fn alerts_tasks_and_footnotes() {
    let (_d, plan) = plan();
    let out = html(
        &plan,
        "> [!CAUTION]\n> Hot.\n\n- [ ] a\n- [x] b\n\nText[^n].\n\n[^n]: Note.\n",
        "",
        "x--",
    );
    assert!(
        out.contains(
            "<div class=\"alert alert-caution\" role=\"note\"><p class=\"alert-title\">Caution</p>"
        ),
        "{out}"
    );
    assert!(
        out.contains("<input type=\"checkbox\" class=\"step\" aria-label=\"Done\"> a"),
        "{out}"
    );
    assert!(
        out.contains("<input type=\"checkbox\" class=\"step\" aria-label=\"Done\" checked> b"),
        "{out}"
    );
    assert!(
        out.contains("href=\"#x--fn-1\"") && out.contains("id=\"x--fn-1\""),
        "{out}"
    );
}

#[test]
fn links_are_kept_only_when_safe_and_assets_are_found() {
    let (_d, plan) = plan();
    let out = html(
        &plan,
        "[a](javascript:alert(1)) [b](https://x.example/) [c](../../assets/plan.pdf#p2) \
         [d](/etc/passwd) ![e](../../assets/map.svg) ![f](https://x.example/i.png) <b>raw</b>",
        "runbooks/site",
        "",
    );
    assert!(
        !out.contains("javascript") && out.starts_with("<p>a <a"),
        "{out}"
    );
    assert!(
        out.contains("<a href=\"https://x.example/\">b</a>"),
        "{out}"
    );
    assert!(
        out.contains("<a href=\"../assets/plan.pdf#p2\">c</a>"),
        "{out}"
    );
    assert!(!out.contains("/etc/passwd\""), "{out}");
    assert!(
        out.contains("<img src=\"../assets/map.svg\" alt=\"e\">"),
        "{out}"
    );
    assert!(
        out.contains("<a class=\"remote-image\" href=\"https://x.example/i.png\">f</a>"),
        "{out}"
    );
    assert!(out.contains("&lt;b&gt;raw&lt;/b&gt;"), "{out}");
}

#[test]
fn nothing_in_any_construct_escapes_the_filter() {
    let (_d, plan) = plan();
    for md in [
        "## <img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](https://e.example/i.png)",
        "Title <script>alert(1)</script>\n=====",
        "- ## <b onclick=alert(1)>x</b>\n  - > ## <i>y</i>",
        "> [!NOTE]\n> ## <svg onload=alert(1)>",
        "| <b>h</b> |\n|---|\n| [x](javascript:alert(1)) |",
        "x[^n]\n\n[^n]: ## <b>f</b> [y](vbscript:x)",
        "[t](https://ok.example \"<b>title</b>\") ![<b>alt</b>](x \"<b>\")",
        "[[ben|<b>text</b>]] [[<script>]]",
        "```js\"><script>\nx\n```",
    ] {
        let out = html(&plan, md, "runbooks", "");
        for bad in [
            "<img",
            "<script",
            "<b>",
            "<b ",
            "<i>",
            "<svg",
            "javascript:",
            "vbscript:",
            "src=\"https",
        ] {
            assert!(!out.contains(bad), "{md:?} gave {bad}: {out}");
        }
    }
}

#[test]
fn relative_links_are_judged_as_the_browser_resolves_them() {
    let (_d, plan) = plan();
    for dest in [
        "../assets/%2e%2e/%2e%2e/etc/passwd",
        "..%2f..%2fetc",
        "..\\..\\secret.txt",
        "../assets\\..\\..\\x",
        "%2fetc%2fpasswd",
        "../assets/.hidden",
        "jav&#x09;ascript:alert(1)",
        "../assets/%ff",
    ] {
        let out = html(&plan, &format!("[x]({dest})"), "runbooks", "");
        assert_eq!(out, "<p>x</p>\n", "{dest:?}");
    }
    let out = html(&plan, "[x](..\\assets\\a%20b%C3%A9.pdf#p)", "runbooks", "");
    assert!(
        out.contains("href=\"../assets/a%20b%C3%A9.pdf#p\""),
        "{out}"
    );
}

#[test]
fn control_characters_never_reach_the_html() {
    let (_d, plan) = plan();
    let out = html(
        &plan,
        "a\u{0}b\u{1b}[2J\u{7f}\u{85}\u{fdd1} `c\u{1}` <x\u{2}>",
        "",
        "",
    );
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert!(
        !escape("\u{0}\u{8}\u{fffe}")
            .chars()
            .any(|c| c != '\u{fffd}')
    );
}

#[test]
fn placeholders_are_marked() {
    let (_d, plan) = plan();
    let out = html(
        &plan,
        "Subject: [{{severity}}] {{ service }} is down {{}} {{a{b}}",
        "",
        "",
    );
    assert!(
        out.contains("<span class=\"placeholder\" data-name=\"severity\">{{severity}}</span>"),
        "{out}"
    );
    assert!(
        out.contains("data-name=\"service\">{{service}}</span>"),
        "{out}"
    );
    assert!(out.contains("{{}} {{a{b}}"), "{out}");
    let names: Vec<&str> = pieces("a {{x}}{{ y }} {{}} {{z")
        .into_iter()
        .filter_map(|p| match p {
            Piece::Placeholder(n) => Some(n),
            Piece::Text(_) => None,
        })
        .collect();
    assert_eq!(names, ["x", "y"]);
}

#[test]
fn an_outline_of_three_or_more_sections() {
    let (_d, plan) = plan();
    let out = html(
        &plan,
        "## One\n## Two `x`\n### Sub\n## Three & more\n",
        "",
        "rb--",
    );
    assert!(
        out.starts_with("<nav class=\"outline\" aria-label=\"On this page\"><details><summary>On this page</summary><ol><li><a href=\"#rb--one\">One</a></li><li><a href=\"#rb--two-x\">Two x</a></li><li><a href=\"#rb--three-more\">Three &amp; more</a></li></ol></details></nav>"),
        "{out}"
    );
    assert!(!html(&plan, "## One\n## Two\n", "", "").contains("outline"));
}

#[test]
fn a_heading_of_an_image_or_reference_is_named_by_their_text() {
    let (_d, plan) = plan();
    // A reference in a paragraph before an image's heading does not name it.
    let md =
        "Ask [[ben]].\n\n## ![Floor map](map.svg)\n\n## ![Gone](x.png) plan\n\n## Call [[ben]]\n";
    let out = html(&plan, md, "assets", "");
    for (id, name) in [
        ("floor-map", "Floor map"),
        ("gone-plan", "Gone plan"),
        ("call-ben-ode", "Call Ben &lt;Ode&gt;"),
    ] {
        assert!(out.contains(&format!("<h2 id=\"{id}\">")), "{id} {out}");
        assert!(
            out.contains(&format!("<li><a href=\"#{id}\">{name}</a></li>")),
            "{name} {out}"
        );
    }
    let headings: Vec<_> = text_sections(&plan, md, "assets", &ASSETS)
        .into_iter()
        .map(|s| (s.anchor, s.heading))
        .collect();
    assert_eq!(
        headings,
        [
            (String::new(), String::new()),
            ("floor-map".into(), "Floor map".into()),
            ("gone-plan".into(), "Gone plan".into()),
            (
                "call-ben-ode".into(),
                "Call Ben <Ode> +44 7700 900011".into()
            ),
        ] as [(String, String); 4]
    );
}

#[test]
fn text_sections_carry_the_page_anchors_and_names_of_references() {
    let (_d, plan) = plan();
    let s = text_sections(
        &plan,
        "Intro *text*\n\n## Step one\nCall [[ben]] or (+44 20 7946 0000).\n\n### Sub\nmore\n\n## Step one\n- [ ] tick\n",
        "runbooks",
        &ASSETS,
    );
    let got: Vec<(&str, &str, &str)> = s
        .iter()
        .map(|x| (x.anchor.as_str(), x.heading.as_str(), x.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("", "", "Intro text"),
            (
                "step-one",
                "Step one",
                "Call Ben <Ode> +44 7700 900011 or (+44 20 7946 0000). Sub more"
            ),
            ("step-one-2", "Step one", "tick"),
        ]
    );
}

#[test]
fn a_page_reads_its_prose_as_the_search_index_does() {
    let (_d, plan) = plan();
    for md in [
        "See [the plan](../assets/plan.pdf#p2), then [gone](../assets/nope.pdf) and \
         [web](https://x.example/) ![map](../assets/map.svg) ![far](https://x.example/i.png).",
        "Call (+44 20 7946 0000), [the desk](tel:+442079460001).",
        "## Dear {{name}}\nSubject: [{{severity}}] {{ service }} is down {{}} {{a{b}}\n\n\
         - [ ] tell {{who}} & <them>\n\n## Step {{n}} of [[ben]]\n{{x}}",
        "{{start}} of a line, [[acme|the vendor]] [a [[ben]] link](../assets/a%20b%C3%A9.pdf)\n\n\
         > [!NOTE]\n> Call [[ben]].[^n]\n\n[^n]: Note with [[ehr]].\n\n| A | B |\n|---|---|\n| [x](../assets/plan.pdf) | y |",
        // An image kept (or not) changes the heading's text, so its anchor.
        "## ![map](../assets/map.svg \"m\")\ntext\n\n## ![gone](../assets/x.png) Floor\n\n## [p](../assets/plan.pdf) two",
    ] {
        for placeholders in [false, true] {
            let target = Target {
                root: "../",
                anchor_prefix: "",
                source_dir: "runbooks",
                placeholders,
                outline: true,
                assets: &ASSETS,
                catalog: Some(&ENGLISH),
            };
            let (html, text) = to_html_and_text(&plan, md, &target);
            assert_eq!(html, to_html(&plan, md, &target), "{md:?}");
            // Marked placeholders are not read back: the index reads those again.
            match text {
                Some(text) => assert_eq!(
                    text,
                    text_sections(&plan, md, "runbooks", &ASSETS),
                    "{md:?} {html}"
                ),
                None => assert!(placeholders, "{md:?}"),
            }
        }
    }
}

#[test]
fn slugs() {
    assert_eq!(slug("Before you start!"), "before-you-start");
    assert_eq!(slug("  --  "), "");
    assert_eq!(slug("Étape 2: DC2"), "étape-2-dc2");
}

#[test]
fn a_web_address_with_a_backslash_is_no_link_beyond_it() {
    // A browser reads `\` in a web address as `/`: the link would go elsewhere than
    // its text says. An explicit link keeps its text only; a bare address is a
    // link up to the backslash.
    let (_d, plan) = plan();
    let out = html(
        &plan,
        "[a](https://ok.example\\x.evil.example/) and https://evil.example/\">\\x",
        "runbooks",
        "",
    );
    assert!(out.starts_with("<p>a and "), "{out}");
    assert!(
        out.contains("<a class=\"autolink\" href=\"https://evil.example/&quot;&gt;\">https://evil.example/&quot;&gt;</a>\\x"),
        "{out}"
    );
    assert!(!out.contains("\\\""), "no href holds a backslash: {out}");
}

#[test]
fn a_list_numbered_into_four_digits_gets_room_for_them() {
    let (_d, plan) = plan();
    // Steps from 1000, and 998 to 1000: room for four digits.
    let out = html(&plan, "1000. a\n1001. b\n", "runbooks", "");
    assert!(
        out.contains("<ol start=\"1000\" style=\"--digits:4\">\n<li>a</li>"),
        "{out}"
    );
    let out = html(&plan, "998. a\n999. b\n1000. c\n", "runbooks", "");
    assert!(out.contains("style=\"--digits:4\""), "{out}");
    // Nested, and with the largest start CommonMark allows.
    let out = html(&plan, "- x\n\n  123456789. deep\n", "runbooks", "");
    assert!(
        out.contains("<ol start=\"123456789\" style=\"--digits:9\">"),
        "{out}"
    );
    // Three digits fit the theme's indent: the list is as pulldown-cmark writes it.
    let out = html(&plan, "12. a\n13. b\n\n  more\n", "runbooks", "");
    assert!(out.contains("<ol start=\"12\">"), "{out}");
    let out = html(&plan, "1. a\n2. b\n", "runbooks", "");
    assert!(out.contains("<ol>\n<li>a</li>"), "{out}");
}

#[test]
fn phone_numbers_in_prose_are_tel_links() {
    let (_d, plan) = plan();
    let cases = [
        (
            "Call +31 20 123 4913 now.",
            Some(("tel:+31201234913", "+31 20 123 4913")),
        ),
        ("| a | +44 (0)20 7946 0011 |\n|---|---|\n", None),
        (
            "(+1 (212) 555-0100)",
            Some(("tel:+12125550100", "+1 (212) 555-0100")),
        ),
        (
            "+44 (0)20 7946 0011, then",
            Some(("tel:+442079460011", "+44 (0)20 7946 0011")),
        ),
        (
            "+49.30.1234.5678",
            Some(("tel:+493012345678", "+49.30.1234.5678")),
        ),
        (
            "l’officier de permanence («+33 2 40 41 20 20»).",
            Some(("tel:+33240412020", "+33 2 40 41 20 20")),
        ),
        (
            "当直（+81 52 123 4567）に電話する。",
            Some(("tel:+81521234567", "+81 52 123 4567")),
        ),
        (
            "当直は+81 52 123 4567。",
            Some(("tel:+81521234567", "+81 52 123 4567")),
        ),
        (
            "当直+81 52 123 4567に電話",
            Some(("tel:+81521234567", "+81 52 123 4567")),
        ),
    ];
    for (md, want) in cases {
        let out = html(&plan, md, "runbooks", "");
        if let Some((href, text)) = want {
            assert!(
                out.contains(&format!("<a class=\"tel\" href=\"{href}\">{text}</a>")),
                "{md}: {out}"
            );
        }
    }
    // Not numbers to dial: too short or long, run into a letter, a sign or a date,
    // in code, in a link, in a web address.
    for md in [
        "1+1 = 2, +5% and +12 345",
        "+44 20 7946 0000 24/7",
        "+44 20 7946 0000/2",
        "abc+44 20 7946 0000",
        "+44 20 7946 0000 1234 5678 9012",
        "`+44 20 7946 0000`",
        "[+44 20 7946 0000](https://example.org/)",
        "https://example.org/?q=+44207946000",
        "+44 20 7946 0000x",
    ] {
        let out = html(&plan, md, "runbooks", "");
        assert!(!out.contains("class=\"tel\""), "{md}: {out}");
    }
    // In a table cell too.
    let out = html(&plan, "| a |\n|---|\n| +31 20 123 4913 |\n", "runbooks", "");
    assert!(
        out.contains("<a class=\"tel\" href=\"tel:+31201234913\">"),
        "{out}"
    );
}
