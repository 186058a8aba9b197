//! Hostile plans: script, handler, remote and traversal payloads in every Markdown
//! construct pulldown-cmark knows and in every text field of the format. Every page
//! is parsed with an independent HTML5 parser (html5ever, through scraper) and must
//! hold nothing outside one allow-list of elements, attributes and URLs.

use lifeboat::model::Date;
use lifeboat::render;
use proptest::prelude::*;
use std::path::Path;
use std::sync::Mutex;

/// What a hostile plan author writes.
pub const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "\" onmouseover=\"alert(3)\" x=\"",
    "' onfocus='alert(4)' autofocus x='",
    "<svg onload=alert(5)>",
    "<iframe src=\"https://evil.example/\"></iframe>",
    "javascript:alert(6)",
    "[link](javascript:alert(7))",
    "[link](JaVaScRiPt:alert(8) \"t\")",
    "![remote](https://evil.example/x.png)",
    "![traversal](../../../../etc/passwd)",
    "[traversal](../assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd)",
    "[back](..\\..\\..\\secret.txt)",
    "[enc](..%2f..%2f..%2fetc%2fpasswd)",
    "<a href=\"https://evil.example\">x</a>",
    "<style>body{background:url(https://evil.example/)}</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "\u{0}\u{1b}[2J\u{7}\u{85}\u{fdd1}",
    "{{ get_env(name=\"HOME\") }}",
    "[[nope|<b onclick=alert(9)>x</b>]]",
    "[[svc-a|<b onclick=alert(10)>x</b>]]",
    "<object data=\"https://evil.example/\">",
    "[d](data:text/html;base64,PHNjcmlwdD4=)",
    "<meta http-equiv=refresh content=\"0;url=https://evil.example/\">",
    "<base href=\"https://evil.example/\">",
    "<form action=https://evil.example><button>x</button></form>",
    "<https://evil.example/autolink> <evil@evil.example>",
    "&lt;script&gt;alert(11)&lt;/script&gt; &#106;avascript:alert(12)",
    // Inside an inline script (the single file's search index), `<!--` then
    // `<script` would keep the parser from seeing where the script ends.
    "<!-- <script>",
];

/// Every construct of the plan dialect, with `{P}` where the payload goes.
pub const CONSTRUCTS: &[&str] = &[
    "{P}",
    "## {P}",
    "### {P} {#id onclick=alert(1)}",
    "{P}\n=====",
    "{P}\n-----",
    "- ## {P}",
    "> ## {P}",
    "> [!WARNING]\n> {P}\n> ## {P}",
    "| {P} | b |\n|---|---|\n| {P} | c |",
    "x[^1]\n\n[^1]: {P}",
    "[t](https://ok.example/ \"{P}\")",
    "![{P}](../assets/x.png \"{P}\")",
    "[[svc-a|{P}]]",
    "- [ ] {P}",
    "1. **{P}**",
    "`{P}`",
    "```{P}\n{P}\n```",
    "<div>\n{P}\n</div>",
    "[{P}](https://ok.example/)",
    "~~{P}~~ *{P}*",
    "* a\n  > - {P}",
    "    {P}",
];

/// `p` as a TOML basic string.
fn toml_str(p: &str) -> String {
    let mut out = String::from("\"");
    for c in p.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Markdown holding `p` in every construct.
pub fn prose(p: &str) -> String {
    CONSTRUCTS
        .iter()
        .map(|c| c.replace("{P}", p))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// A plan with `p` in every text field and every construct of every prose.
pub fn write_plan(dir: &Path, p: &str) {
    let s = toml_str(p);
    let body = toml_str(&prose(p));
    write(
        dir,
        "plan.toml",
        &format!(
            r#"[plan]
title = {s}
organization = {s}
version = {s}
classification = {s}
owner = "ana"
language = {s}

[policy]
tiers = [ {{ tier = 1, label = {s} }}, {{ tier = 2, label = {s} }} ]

[hotline]
label = {s}
phone = {s}
alt_phone = {s}
email = {s}

[[severity]]
level = {s}
title = {s}
criteria = {s}
notify = ["staff"]
call_tree = "tree"

[risk_matrix]
likelihood = [{s}, {s}, {s}]
impact = [{s}, {s}, {s}]
bands = [ {{ min = 1, label = {s} }}, {{ min = 4, label = {s} }} ]

[[card]]
id = "card"
title = {s}
audience = {s}
contacts = ["ana"]
back = {s}
"#
        ),
    );
    write(
        dir,
        "contacts/people.toml",
        &format!(
            r#"[[contact]]
id = "ana"
name = {s}
role = {s}
team = "ops"
phone = "+44 20 7946 0001"
mobile = {s}
email = {s}
location = {s}
body = {body}
[contact.private]
home_phone = {s}
personal_mobile = {s}
personal_email = {s}
home_address = {s}

[[contact]]
id = "ben"
name = {s}
phone = {s}

[[team]]
id = "ops"
name = {s}
lead = "ana"
members = ["ben"]
phone = {s}
body = {body}

[[call_tree]]
id = "tree"
title = {s}
root = "ana"
body = {body}
[call_tree.calls]
ana = ["ben"]
"#
        ),
    );
    write(
        dir,
        "vendors/v.toml",
        &format!(
            r#"[[vendor]]
id = "ven"
name = {s}
supplies = {s}
support_phone = {s}
support_email = {s}
support_url = {s}
account = {s}
sla = {s}
body = {body}
[[vendor.contact]]
name = {s}
role = {s}
phone = {s}
email = {s}
"#
        ),
    );
    write(
        dir,
        "risks/r.toml",
        &format!(
            r#"[[risk]]
id = "risk"
title = {s}
category = {s}
threat = {s}
vulnerability = {s}
likelihood = 2
impact = 3
owner = "ana"
services = ["svc-a"]
mitigations = [{s}, {s}]
body = {body}
"#
        ),
    );
    write(
        dir,
        "services/s.toml",
        &format!(
            r#"[[service]]
id = "svc-a"
name = {s}
tier = 1
owner = "ana"
location = {s}
vendors = ["ven"]
body = {body}

[[process]]
id = "proc"
name = {s}
services = ["svc-a"]
workaround = {s}
body = {body}
"#
        ),
    );
    write(
        dir,
        "runbooks/rb.md",
        &format!(
            "+++\ntitle = {s}\nservices = [\"svc-a\"]\nowner = \"ana\"\nscenarios = [{s}]\n+++\n{}\n",
            prose(p)
        ),
    );
    write(
        dir,
        "comms/t.md",
        &format!(
            "+++\ntitle = {s}\naudience = [\"staff\"]\n+++\nSubject: {{{{{p}}}}} {{{{x}}}}\n\n{}\n",
            prose(p)
        ),
    );
    write(
        dir,
        "comms/groups.toml",
        &format!(
            "[[stakeholder]]\nid = \"staff\"\nname = {s}\ncontacts = [\"ana\"]\nbody = {body}\n"
        ),
    );
    write(
        dir,
        "exercises/e.toml",
        &format!(
            r#"[[exercise]]
id = "ex"
title = {s}
date = 2026-09-01
status = "done"
runbooks = ["rb"]
participants = ["ana"]
body = {body}
[[exercise.finding]]
title = {s}
severity = "high"
action = {s}
owner = "ana"
due = 2026-01-01
"#
        ),
    );
    std::fs::create_dir_all(dir.join("assets")).expect("assets");
    std::fs::write(dir.join("assets/x.png"), b"\x89PNG").expect("asset");
}

/// Renders the plan in `dir` (errors and all) in memory: path and bytes of each file.
pub fn render_site(dir: &Path, include_private: bool) -> Vec<(String, Vec<u8>)> {
    let today = Date::new(2026, 11, 24).expect("date");
    let loaded = lifeboat::load::load(dir).expect("plan folder readable");
    let site_files =
        lifeboat::load::read_site_files(&loaded.root, &loaded.site).expect("site files");
    let mut diags = loaded.diagnostics;
    let analysis = lifeboat::analyze::analyze(&loaded.plan, today);
    diags.extend(analysis.diagnostics);
    let warnings = render::warnings(&loaded.plan, &loaded.sources, &diags, include_private);
    let options = render::Options {
        include_private,
        today,
        copy: None,
        private_script: None,
    };
    let files = Mutex::new(Vec::new());
    let sink = |f: &render::SiteFile| {
        files
            .lock()
            .expect("lock")
            .push((f.path.clone(), f.bytes.clone()));
        Ok(())
    };
    render::render(
        &render::Input {
            plan: &loaded.plan,
            sources: &loaded.sources,
            links: &analysis.links,
            warnings: &warnings,
            assets: &site_files.assets,
            templates: &site_files.templates,
            options: &options,
            catalog: &render::catalog(&loaded.plan, &loaded.site.locales),
        },
        &sink,
    )
    .expect("the theme renders any plan");
    let mut files = files.into_inner().expect("lock");
    files.sort();
    files
}

const ELEMENTS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "link",
    "body",
    "script",
    "a",
    "div",
    "span",
    "bdi",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "input",
    "pre",
    "code",
    "em",
    "strong",
    "del",
    "blockquote",
    "hr",
    "br",
    "img",
    "sup",
    "nav",
    "header",
    "main",
    "footer",
    "section",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "button",
    "svg",
    "g",
    "rect",
    "text",
    "tspan",
    "line",
    "desc",
    "small",
    "caption",
    "time",
    // The communication kit: card sheets, QR codes, the fill-in form of templates.
    "details",
    "summary",
    "path",
    "form",
    "label",
    // The reader: search box, incident log, the binder's page style (checked below).
    "textarea",
    "select",
    "option",
    "style",
];

/// The theme's scripts, the only ones a page may load.
const THEME_SCRIPTS: &[&str] = &[
    "lifeboat.js",
    "search.js",
    "checklist.js",
    "log.js",
    "fill-in.js",
];

const ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "href",
    "src",
    "alt",
    "title",
    "lang",
    "dir",
    "translate",
    "charset",
    "name",
    "content",
    "rel",
    "role",
    "aria-label",
    "aria-current",
    "aria-hidden",
    "type",
    "checked",
    "style",
    "scope",
    "data-name",
    "data-level",
    "viewbox",
    "width",
    "height",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "fill",
    "stroke",
    "text-anchor",
    "transform",
    "rx",
    "dominant-baseline",
    "stroke-width",
    "xmlns",
    "colspan",
    "align",
    "start",
    "disabled",
    "datetime",
    "data-date",
    "data-days",
    "data-card",
    "data-payload",
    "data-sms",
    "shape-rendering",
    "font-size",
    "font-family",
    "d",
    "download",
    "autocomplete",
    "aria-live",
    "hidden",
    "data-relative",
    "hidden",
    "data-show-after",
    "http-equiv",
    "data-plan",
    "data-plan-version",
    "data-built",
    "aria-labelledby",
    "aria-controls",
    "placeholder",
    "spellcheck",
    "data-entry",
    "data-export",
    "rows",
    "readonly",
    "for",
    "data-runbook",
    "data-estimated",
    "data-for",
    "data-label",
    "data-part",
    "data-print",
    "data-labels",
    "dy",
    "tabindex",
];

/// `url` as the page at `page` (relative to the site root) would load it: a fragment,
/// a web, mail or phone address (`web` only where allowed), or a file inside the site.
fn url_is_allowed(page: &str, url: &str, web: bool) -> bool {
    if url.starts_with('#') {
        return true;
    }
    let lower = url.to_ascii_lowercase();
    if let Some((scheme, _)) = lower.split_once(':') {
        let web_ok = web && ["http", "https", "mailto", "tel"].contains(&scheme);
        let web = scheme.starts_with("http");
        return web_ok && !(web && (lower.contains('\\') || !lower.contains("://")));
    }
    if url.starts_with('/') || url.contains('\\') || lower.contains("%2e") || lower.contains("%2f")
    {
        return false;
    }
    let mut depth: Vec<&str> = page.split('/').collect();
    depth.pop();
    let path = url.split(['#', '?']).next().unwrap_or_default();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if depth.pop().is_none() {
                    return false;
                }
            }
            p => depth.push(p),
        }
    }
    true
}

/// The only inline styles the theme writes: a cascade's depth, a card's place on its
/// sheet and the QR code's width, all plain numbers.
fn theme_style(value: &str) -> bool {
    let number = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.');
    if let Some(n) = value.strip_prefix("--depth: ") {
        return number(n);
    }
    // A numbered list's room for its widest number (`1000.`).
    if let Some(n) = value.strip_prefix("--digits:") {
        return number(n);
    }
    if let Some(w) = value
        .strip_prefix("width:")
        .and_then(|w| w.strip_suffix("mm"))
    {
        return number(w);
    }
    // A card's text drawn at the size it fits at.
    if let Some(pt) = value
        .strip_prefix("font-size:")
        .and_then(|w| w.strip_suffix("pt"))
    {
        return number(pt);
    }
    value
        .strip_prefix("left:")
        .and_then(|v| v.split_once("mm;top:"))
        .is_some_and(|(l, t)| number(l) && t.strip_suffix("mm").is_some_and(number))
}

/// Every element, attribute and URL of the page is on the allow-list.
pub fn assert_allowed(page: &str, html: &str) {
    let doc = scraper::Html::parse_document(html);
    let mut scripts = 0;
    for node in doc.tree.nodes() {
        match node.value() {
            scraper::Node::Element(e) => {
                let name = e.name();
                assert!(ELEMENTS.contains(&name), "{page}: element <{name}>");
                for (attr, value) in e.attrs() {
                    let attr = attr.to_ascii_lowercase();
                    assert!(
                        ATTRIBUTES.contains(&attr.as_str()),
                        "{page}: attribute {attr}=\"{value}\" on <{name}>"
                    );
                    match attr.as_str() {
                        "href" => assert!(
                            url_is_allowed(page, value, name == "a"),
                            "{page}: <{name} href=\"{value}\">"
                        ),
                        "src" => assert!(
                            url_is_allowed(page, value, false),
                            "{page}: <{name} src=\"{value}\">"
                        ),
                        "style" => assert!(theme_style(value), "{page}: style=\"{value}\""),
                        // How a table prints: only the build's marks.
                        "data-print" => assert!(
                            name == "table" && matches!(value, "small" | "records"),
                            "{page}: <{name} data-print=\"{value}\">"
                        ),
                        "data-labels" => assert!(
                            name == "table" && value == "above",
                            "{page}: <{name} data-labels=\"{value}\">"
                        ),
                        // Written by the build for a right-to-left language only,
                        // and around the check's English messages (health); the
                        // unlock form's message takes its own (`auto`).
                        "dir" => assert!(
                            (name == "html" && value == "rtl")
                                || (name == "span" && (value == "ltr" || value == "auto")),
                            "{page}: <{name} dir=\"{value}\">"
                        ),
                        _ => {}
                    }
                }
                match name {
                    "script" => {
                        scripts += 1;
                        assert!(
                            e.attr("src").is_some_and(|s| THEME_SCRIPTS.iter().any(|t| s
                                .strip_suffix(t)
                                .is_some_and(|r| r.is_empty() || r.ends_with('/')))),
                            "{page}: a script that is not the theme's"
                        );
                    }
                    // Only print.html's page style: numbers and escaped strings, nothing
                    // that loads or closes early.
                    "style" => {
                        let css: String = node
                            .children()
                            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                            .collect();
                        assert!(
                            page == "print.html"
                                && css.contains("@page")
                                && !css.contains("url(")
                                && !css.contains("@import")
                                && !css.contains('<'),
                            "{page}: <style> that is not the binder's page style: {css}"
                        );
                    }
                    "link" => assert!(
                        e.attr("rel") == Some("stylesheet")
                            && e.attr("href").is_some_and(|s| s.ends_with("lifeboat.css")),
                        "{page}: <link> that is not the theme's stylesheet"
                    ),
                    "meta" => assert!(
                        e.attr("charset").is_some()
                            || matches!(
                                e.attr("name"),
                                Some("viewport" | "generator" | "color-scheme")
                            )
                            || (e.attr("http-equiv") == Some("Content-Security-Policy")
                                && e.attr("content") == Some(lifeboat::render::CSP)),
                        "{page}: <meta> of the plan's"
                    ),
                    "input" => assert!(
                        matches!(e.attr("type"), Some("checkbox" | "text" | "search")),
                        "{page}: <input type={:?}>",
                        e.attr("type")
                    ),
                    _ => {}
                }
            }
            scraper::Node::Text(t) => {
                let bad = t.chars().find(|&c| {
                    (c.is_control() && !"\t\n\r".contains(c))
                        || ('\u{fdd0}'..='\u{fdef}').contains(&c)
                });
                assert!(bad.is_none(), "{page}: control character {bad:?} in text");
            }
            scraper::Node::Comment(c) => panic!("{page}: a comment <!--{}-->", &**c),
            _ => {}
        }
    }
    assert!(scripts <= THEME_SCRIPTS.len(), "{page}: {scripts} scripts");
    let scripts_in_body = doc
        .select(&scraper::Selector::parse("script").expect("selector"))
        .filter(|s| s.text().next().is_some())
        .count();
    assert_eq!(scripts_in_body, 0, "{page}: inline script");
}

fn assert_site_allowed(files: &[(String, Vec<u8>)]) {
    let mut pages = 0;
    for (path, bytes) in files {
        if path.ends_with(".html") {
            pages += 1;
            assert_allowed(path, std::str::from_utf8(bytes).expect("UTF-8 page"));
        }
        assert!(
            !path.contains("..") && !path.starts_with('/') && !path.contains('\\'),
            "a file outside the site: {path}"
        );
    }
    assert!(pages > 15, "only {pages} pages");
}

#[test]
fn every_payload_in_every_construct_and_field_stays_text() {
    for p in PAYLOADS {
        let dir = tempfile::tempdir().expect("temp dir");
        write_plan(dir.path(), p);
        for private in [false, true] {
            assert_site_allowed(&render_site(dir.path(), private));
        }
    }
}

#[test]
fn the_allow_list_check_catches_what_it_must() {
    for bad in [
        "<p onclick=\"x()\">a</p>",
        "<script>alert(1)</script>",
        "<a href=\"javascript:alert(1)\">a</a>",
        "<img src=\"https://evil.example/x.png\">",
        "<a href=\"../../etc/passwd\">a</a>",
        "<a href=\"assets/%2e%2e/x\">a</a>",
        "<iframe></iframe>",
        "<p>\u{1b}[2J</p>",
        "<svg onload=\"x()\"></svg>",
    ] {
        let caught = std::panic::catch_unwind(|| assert_allowed("runbooks/x.html", bad));
        assert!(caught.is_err(), "not caught: {bad}");
    }
    assert_allowed(
        "runbooks/x.html",
        "<p><a href=\"../assets/x.pdf#p\">a</a></p>",
    );
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(PAYLOADS).prop_map(str::to_string),
        proptest::sample::select(CONSTRUCTS).prop_map(str::to_string),
        proptest::sample::select(
            &[
                "<", ">", "\"", "'", "[", "]", "(", ")", "!", "#", "\n", "\n\n", "|", "`", "*",
                "> ", "- ", "[[", "]]", "{{", "}}", "&", ";", ":", "/", "\\", "%2e", "=",
            ][..]
        )
        .prop_map(str::to_string),
        "[a-z<>\"'=/:. ]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    /// Random mixes of payloads, constructs and Markdown punctuation.
    #[test]
    fn random_hostile_prose_stays_text(parts in proptest::collection::vec(fragment(), 1..12)) {
        let p = parts.concat();
        let dir = tempfile::tempdir().expect("temp dir");
        write_plan(dir.path(), &p);
        assert_site_allowed(&render_site(dir.path(), false));
    }
}

#[test]
fn no_private_value_reaches_a_default_build_by_any_door() {
    // Every private field planted, the phone numbers in a form that draws a
    // `phone-format` warning quoting them.
    let dir = tempfile::tempdir().expect("temp dir");
    write_plan(dir.path(), "Public text");
    let people = dir.path().join("contacts/people.toml");
    let text = std::fs::read_to_string(&people).expect("read");
    let planted = [
        "07700 900 PRIVHOME",
        "PRIVMOBILE 555",
        "priv-mail@private.example",
        "PRIVADDRESS 1 Hidden Lane",
    ];
    let text = text
        .replace(
            "home_phone = \"Public text\"",
            &format!("home_phone = \"{}\"", planted[0]),
        )
        .replace(
            "personal_mobile = \"Public text\"",
            &format!("personal_mobile = \"{}\"", planted[1]),
        )
        .replace(
            "personal_email = \"Public text\"",
            &format!("personal_email = \"{}\"", planted[2]),
        )
        .replace(
            "home_address = \"Public text\"",
            &format!("home_address = \"{}\"", planted[3]),
        );
    std::fs::write(&people, text).expect("write");
    let leaks = |files: &[(String, Vec<u8>)]| -> Vec<String> {
        let mut found = Vec::new();
        for (path, bytes) in files {
            let text = String::from_utf8_lossy(bytes);
            for p in planted {
                // Numbers may be written without their spaces (tel: links).
                let squeezed: String = p.chars().filter(|c| !c.is_whitespace()).collect();
                if text.contains(p) || text.contains(&squeezed) {
                    found.push(format!("{path}: {p}"));
                }
            }
        }
        found
    };
    let public = render_site(dir.path(), false);
    assert_eq!(leaks(&public), Vec::<String>::new());
    let health = public
        .iter()
        .find(|(p, _)| p == "health.html")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .expect("health page");
    assert!(health.contains("in a private detail"), "{health}");
    // The same plan with --include-private shows them: the test can see a leak.
    let private = render_site(dir.path(), true);
    assert!(leaks(&private).len() >= planted.len());
}
