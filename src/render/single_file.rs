//! `build --single-file FILE`: the whole site as one self-contained HTML file, for a
//! phone's downloads or an email attachment, where links between files do not work.
//! Every page is a section of the document, shown one at a time (`:target`, no
//! script needed); the stylesheet, the scripts and the search index are inline,
//! each script allowed by its hash in the page's policy; images of `assets/` are
//! `data:` URLs when small.

use super::theme;
use sha2::{Digest, Sha256};

/// What the single file adds to the theme's style: one page at a time.
pub const STYLE: &str = "<style>\n.sf-page { display: none; }\n\
.print-section.sf-page:target, .print-section.sf-page:has(:target) { display: block; }\n\
main:not(:has(.sf-page:target, .sf-page :target)) > #page-index { display: block; }\n\
@media print { .print-section.sf-page { display: block; } }\n</style>\n";

/// Files larger than this are left out of the single file.
const LARGEST_FILE: usize = 512 * 1024;

/// The scripts of the theme, in the order the document runs them.
const SCRIPTS: &[&str] = &[
    "lifeboat.js",
    "search.js",
    "checklist.js",
    "fill-in.js",
    "log.js",
];

/// The document from the layout's output for `single.html`: theme files put
/// inline, the page's policy made to allow exactly these scripts.
pub fn assemble(
    html: &str,
    index: &[u8],
    site_file: &dyn Fn(&str) -> Option<Vec<u8>>,
    catalog: &crate::i18n::Catalog,
) -> Vec<u8> {
    let html = html.replacen("<html lang=", "<html data-single-file lang=", 1);
    let html = html.as_str();
    let file = |name: &str| -> Vec<u8> { theme::static_file(name, catalog).unwrap_or_default() };
    let css = file("lifeboat.css");
    let css = String::from_utf8_lossy(&css);
    let mut scripts: Vec<String> = vec![String::from_utf8_lossy(index).into_owned()];
    scripts.extend(
        SCRIPTS
            .iter()
            .map(|n| String::from_utf8_lossy(&file(n)).replace("</script", "<\\/script")),
    );
    // An encrypted build: the sealed values (no `<` in them) and the script that
    // opens them, after the theme's.
    if let Some(sealed) = site_file("private.js") {
        scripts.push(String::from_utf8_lossy(&sealed).replace("</script", "<\\/script"));
        scripts.push(String::from_utf8_lossy(&file("unlock.js")).replace("</script", "<\\/script"));
    }
    let hashes: Vec<String> = scripts
        .iter()
        .map(|s| format!("'sha256-{}'", base64(&Sha256::digest(s.as_bytes()))))
        .collect();
    let policy = format!(
        "default-src 'none'; script-src {}; style-src 'unsafe-inline'; img-src data:; \
         connect-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
        hashes.join(" ")
    );
    let mut out = String::with_capacity(
        html.len() + css.len() + scripts.iter().map(String::len).sum::<usize>() + 4096,
    );
    let mut rest = html;
    // The policy the renderer put first is replaced by this document's.
    if let Some(at) = rest.find("<meta http-equiv=\"Content-Security-Policy\" content=\"") {
        let end = rest[at..].find("\">").map_or(at, |e| at + e + 2);
        out.push_str(&rest[..at]);
        out.push_str(&format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"
        ));
        rest = &rest[end..];
    }
    // The stylesheet inline.
    let link = "<link rel=\"stylesheet\" href=\"lifeboat.css\">";
    let rest = rest.replacen(link, &format!("<style>\n{css}\n</style>"), 1);
    // The theme's script elements go; all scripts are put before </body>.
    let mut body = String::with_capacity(rest.len());
    let mut r = rest.as_str();
    while let Some(at) = r.find("<script src=\"") {
        body.push_str(&r[..at]);
        match r[at..].find("</script>") {
            Some(end) => r = &r[at + end + "</script>".len()..],
            None => {
                r = "";
            }
        }
    }
    body.push_str(r);
    let body = inline_files(&body, site_file);
    let (before, after) = body.rsplit_once("</body>").unwrap_or((&body, ""));
    out.push_str(before);
    for s in &scripts {
        out.push_str("<script>");
        out.push_str(s);
        out.push_str("</script>\n");
    }
    out.push_str("</body>");
    out.push_str(after);
    out.into_bytes()
}

/// Links and images to the site's other files (`assets/`, vCards, the calendar) as
/// `data:` URLs, small files only; a larger or unknown one goes to the start page
/// (a link) or shows its alternative text (an image).
fn inline_files(html: &str, site_file: &dyn Fn(&str) -> Option<Vec<u8>>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let next = ["src=\"", "href=\""]
            .iter()
            .filter_map(|a| rest.find(a).map(|at| (at, a.len())))
            .min();
        let Some((at, len)) = next else { break };
        out.push_str(&rest[..at + len]);
        rest = &rest[at + len..];
        let end = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..end];
        let local = !value.is_empty()
            && !value.starts_with('#')
            && !value.contains(':')
            && !value.starts_with('/')
            && !value.starts_with("data:");
        if !local {
            out.push_str(value);
        } else {
            let path = percent_decode(value.split('#').next().unwrap_or_default());
            let bytes = site_file(&path).filter(|b| b.len() <= LARGEST_FILE);
            match bytes {
                Some(b) => {
                    out.push_str("data:");
                    out.push_str(mime(&path));
                    out.push_str(";base64,");
                    out.push_str(&base64(&b));
                }
                None if len == "src=\"".len() => out.push_str("data:,"),
                None => out.push_str("#page-index"),
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn mime(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "vcf" => "text/vcard;charset=utf-8",
        "ics" => "text/calendar;charset=utf-8",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

/// Standard base64, for `data:` URLs and script hashes.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The renderer's side of it: the whole site drawn into one file.
mod draw {
    use super::super::*;

    impl<'a> Renderer<'a> {
        /// The whole site as one HTML file (`build --single-file`): every page but the
        /// card sheets as a section of one document, shown one at a time.
        pub(in crate::render) fn single_file(&self) -> Result<Vec<u8>, Error> {
            // The A4 sheets of cards are in (the Letter ones would only repeat them).
            let all: Vec<Page> = pages(self.input.plan)
                .into_iter()
                .filter(|p| !matches!(p, Page::CardsLetter))
                .collect();
            let held: std::collections::HashSet<String> =
                all.iter().map(|&p| self.path_and_title(p).0).collect();
            let holds = |p: &str| held.contains(p);
            let instead = |p: &str| match p {
                "cards/letter.html" => Some(binder::page_anchor("cards/index.html")),
                _ => Some(binder::page_anchor("index.html")),
            };
            let sections: Vec<String> = all
                .par_iter()
                .map(|&p| {
                    let s = self.page(p, &|_| Ok(()), true)?;
                    let s = s.replacen(
                        "<section class=\"print-section\"",
                        "<section class=\"print-section sf-page\"",
                        1,
                    );
                    Ok(binder::links_inside(&s, &holds, &instead))
                })
                .collect::<Result<_, Error>>()?;
            let parts: Vec<&str> = sections.iter().map(String::as_str).collect();
            let title = self.input.plan.settings.info.title.value.clone();
            let page = self.wrap_parts("single.html", &title, "", single_file::STYLE, &parts)?;
            let html = String::from_utf8(page.bytes).map_err(|e| Error::Output(e.to_string()))?;
            let html = binder::links_inside(&html, &holds, &instead);
            let file = |path: &str| self.other_file(path).ok().flatten();
            Ok(single_file::assemble(
                &html,
                &search_index::search_index(&self.input),
                &file,
                self.input.catalog,
            ))
        }
    }
}
