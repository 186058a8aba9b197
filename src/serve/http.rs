//! The HTTP side of `serve`: files of the current generation, from memory only, under
//! paths that cannot leave the site; the reload script and the error overlay added to
//! served HTML (never to `build` output); the long poll that tells browsers of a
//! new generation.

use super::generation::Published;
use super::server::{Request, Response};
use crate::diagnostic::Report;
use crate::html::escape;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How many browsers may wait for a change at once; more are told to come back.
pub const MAX_WAITING: usize = 64;
/// How long a browser's wait lasts before it asks again.
const WAIT: Duration = Duration::from_secs(25);

const RELOAD_JS: &str = include_str!("reload.js");

/// The path of a request as a path of the site (`runbooks/x.html`), or None when it
/// could name anything outside it: `..` or `.` segments (also percent-encoded),
/// encoded slashes or backslashes, backslashes, NUL or other control characters,
/// `//`, or escapes that are not UTF-8. A folder means its `index.html`.
pub fn site_path(url: &str) -> Option<String> {
    let raw = url.split(['?', '#']).next().unwrap_or_default();
    let rest = raw.strip_prefix('/')?;
    let lower = rest.to_ascii_lowercase();
    if rest.contains('\\')
        || lower.contains("%2f")
        || lower.contains("%5c")
        || lower.contains("%00")
    {
        return None;
    }
    let decoded = percent_decode(rest)?;
    if decoded.chars().any(|c| c.is_control() || c == '\\') {
        return None;
    }
    let mut parts: Vec<&str> = decoded.split('/').collect();
    let folder = parts.last().is_some_and(|p| p.is_empty());
    if folder {
        parts.pop();
    }
    if parts
        .iter()
        .any(|p| p.is_empty() || *p == "." || *p == "..")
        && !(parts.is_empty())
    {
        return None;
    }
    let mut path = parts.join("/");
    if folder {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The content type of a file of the site, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("pdf") => "application/pdf",
        Some("vcf") => "text/vcard; charset=utf-8",
        Some("ics") => "text/calendar; charset=utf-8",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(status: u16, content_type: &'static str, body: Vec<u8>) -> Response {
    Response {
        status,
        content_type,
        body,
    }
}

fn not_found() -> Response {
    Response::text(404, "Not found\n")
}

/// The errors as JSON for the browser's overlay.
fn errors_json(errors: Option<&[Report]>) -> serde_json::Value {
    serde_json::to_value(errors.unwrap_or_default()).unwrap_or(serde_json::Value::Null)
}

/// The overlay of a failed build, drawn into served pages (the script keeps it up
/// to date without a reload).
fn overlay(errors: &[Report]) -> String {
    let mut out = String::from(
        "<div id=\"lifeboat-overlay\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff5f5;color:#000;border-top:4px solid #b00;padding:12px 16px;font:14px/1.4 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.2)\">\
         <strong>The plan has errors: this is the last version that built.</strong> Fix them and the page updates by itself.<ul style=\"margin:.5em 0 0;padding-left:1.2em\">",
    );
    for e in errors {
        let place = match (&e.file, e.line, e.column) {
            (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}"),
            (Some(f), Some(l), None) => format!("{f}:{l}"),
            (Some(f), _, _) => f.clone(),
            _ => String::new(),
        };
        out.push_str(&format!(
            "<li><code>{}[{}]</code> <code>{}</code> {}</li>",
            escape(e.severity.as_str()),
            escape(e.code),
            escape(&place),
            escape(&e.message)
        ));
    }
    out.push_str("</ul></div>");
    out
}

/// The answer to one request (GET or HEAD).
pub fn handle(req: &Request, published: &Published, waiting: &AtomicUsize) -> Response {
    let url = req.target.as_str();
    let Some(path) = site_path(url) else {
        return not_found();
    };
    match path.as_str() {
        "_lifeboat/reload.js" => {
            return respond(200, content_type("x.js"), RELOAD_JS.as_bytes().to_vec());
        }
        "_lifeboat/wait" => {
            let query = url.split_once('?').map_or("", |(_, q)| q);
            let param = |name: &str| {
                query
                    .split('&')
                    .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
            };
            let seen: u64 = param("v").and_then(|v| v.parse().ok()).unwrap_or(0);
            // A page of another generation (or of a server before a restart, whose
            // versions started again) is answered at once.
            let current = published.now().0.map(|g| g.id.clone()).unwrap_or_default();
            let seen = match param("g") {
                Some(g) if g != current => u64::MAX,
                _ => seen,
            };
            if waiting.fetch_add(1, Ordering::SeqCst) >= MAX_WAITING {
                waiting.fetch_sub(1, Ordering::SeqCst);
                return Response::text(503, "Too many waiting\n");
            }
            published.wait(seen, WAIT);
            waiting.fetch_sub(1, Ordering::SeqCst);
            let (generation, errors, version) = published.now();
            let body = serde_json::json!({
                "version": version,
                "generation": generation.as_ref().map_or("", |g| g.id.as_str()),
                "errors": errors_json(errors.as_deref().map(Vec::as_slice)),
            });
            return respond(200, "application/json", body.to_string().into_bytes());
        }
        _ => {}
    }
    let (generation, errors, version) = published.now();
    let Some(generation) = generation else {
        // No build has succeeded yet: every page says why, and reloads when fixed.
        let errors = errors.as_deref().map(Vec::as_slice).unwrap_or_default();
        let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>The plan has errors</title></head>\
             <body><h1>The plan does not build yet</h1><p>lifeboat serve shows the site as soon as these are fixed.</p></body></html>";
        return respond(
            503,
            content_type("x.html"),
            served_html(page.as_bytes(), "", version, Some(errors)),
        );
    };
    let file = match generation.file(&path) {
        Ok(Some(f)) => f,
        // Browsers ask for an icon the site does not have: no error for that.
        Ok(None) if path == "favicon.ico" => return respond(204, "image/x-icon", Vec::new()),
        Ok(None) => return not_found(),
        Err(e) => return Response::text(500, &format!("{e}\n")),
    };
    let ctype = content_type(&path);
    if !path.ends_with(".html") {
        return respond(200, ctype, file.to_vec());
    }
    respond(
        200,
        ctype,
        served_html(
            &file,
            &generation.id,
            version,
            errors.as_deref().map(Vec::as_slice),
        ),
    )
}

/// A page as served: the policy lets the page ask this server for changes, the
/// overlay of a failed build, and the reload script before `</body>`.
pub fn served_html(
    page: &[u8],
    generation: &str,
    version: u64,
    errors: Option<&[Report]>,
) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    let text = text.replacen("connect-src 'none'", "connect-src 'self'", 1);
    let mut tail = String::new();
    if let Some(e) = errors {
        tail.push_str(&overlay(e));
    }
    tail.push_str(&format!(
        "<script src=\"/_lifeboat/reload.js\" data-generation=\"{}\" data-version=\"{version}\"></script>\n",
        escape(generation)
    ));
    let at = text.rfind("</body>").unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + tail.len());
    out.push_str(&text[..at]);
    out.push_str(&tail);
    out.push_str(&text[at..]);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_site_are_refused_in_every_encoding() {
        for bad in [
            "/../plan.toml",
            "/runbooks/../../etc/passwd",
            "/%2e%2e/plan.toml",
            "/%2E%2E/%2e%2e/etc/passwd",
            "/runbooks/%2e%2e%2fplan.toml",
            "/runbooks%2f..%2fplan.toml",
            "/..%5c..%5cetc%5cpasswd",
            "/runbooks\\..\\plan.toml",
            "/index.html%00.png",
            "/%00",
            "//etc/passwd",
            "/./index.html",
            "/runbooks/./x.html",
            "/%ff%fe",
            "/%zz",
            "relative.html",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            site_path("/runbooks/").as_deref(),
            Some("runbooks/index.html")
        );
        assert_eq!(
            site_path("/runbooks/x.html?v=1#top").as_deref(),
            Some("runbooks/x.html")
        );
        assert_eq!(
            site_path("/contacts/zo%C3%AB.html").as_deref(),
            Some("contacts/zoë.html")
        );
    }

    #[test]
    fn served_pages_get_the_script_and_may_connect_to_the_server() {
        let page = b"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; connect-src 'none'\"><body><p>x</p></body>";
        let out = String::from_utf8(served_html(page, "g-1", 3, None)).unwrap();
        assert!(out.contains("connect-src 'self'"));
        assert!(
            out.ends_with("data-version=\"3\"></script>\n</body>"),
            "{out}"
        );
        assert!(!out.contains("lifeboat-overlay"));
    }
}
