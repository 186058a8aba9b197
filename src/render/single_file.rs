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

/// Assets larger than this are left out of the single file (their alt text stays).
const LARGEST_ASSET: usize = 512 * 1024;

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
pub fn assemble(html: &str, index: &[u8], assets: &[(String, Vec<u8>)]) -> Vec<u8> {
    let file = |name: &str| -> &[u8] {
        theme::STATIC
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(&[][..], |(_, b)| *b)
    };
    let css = String::from_utf8_lossy(file("lifeboat.css"));
    let mut scripts: Vec<String> = vec![String::from_utf8_lossy(index).into_owned()];
    scripts.extend(
        SCRIPTS
            .iter()
            .map(|n| String::from_utf8_lossy(file(n)).replace("</script", "<\\/script")),
    );
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
    let body = body.replacen("<html lang=", "<html data-single-file lang=", 1);
    let body = inline_assets(&body, assets);
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

/// `src="assets/..."` as `data:` URLs (small files only).
fn inline_assets(html: &str, assets: &[(String, Vec<u8>)]) -> String {
    const SRC: &str = "src=\"assets/";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(SRC) {
        out.push_str(&rest[..at]);
        rest = &rest[at + SRC.len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        let name = percent_decode(&rest[..end]);
        let found = assets
            .binary_search_by(|(p, _)| p.as_str().cmp(&name))
            .ok()
            .map(|i| &assets[i].1)
            .filter(|b| b.len() <= LARGEST_ASSET);
        match found {
            Some(bytes) => {
                out.push_str("src=\"data:");
                out.push_str(mime(&name));
                out.push_str(";base64,");
                out.push_str(&base64(bytes));
            }
            None => out.push_str("src=\"data:,"),
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
        _ => "application/octet-stream",
    }
}

/// Standard base64, for `data:` URLs and script hashes.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
