//! What every page shares: the layout around its content, the page's security
//! policy put first, and the check of what a template override wrote.

use super::*;

/// Stands for the content in the layout's output (see `Renderer::wrap_parts`).
pub(super) const CONTENT_MARKER: &str = "\u{FDD1}lifeboat-content\u{FDD1}";

/// The context of `layout.html`, which wraps every page's content.
#[derive(Serialize)]
pub(super) struct Layout<'a> {
    site: &'a SiteView,
    root: &'a str,
    title: &'a str,
    /// The page's path, e.g. `services/ehr.html`.
    path: &'a str,
    content: &'a str,
    /// More for the head (print.html's page style).
    head: &'a str,
}

/// Where the policy goes: after `<!DOCTYPE html><html ...><head>` when the page
/// starts so (as the theme's layout does: valid HTML), else right after the doctype,
/// before anything a template wrote (a browser puts a leading `<meta>` into the
/// head all the same).
pub(super) fn split_doctype(html: &str) -> (&str, &str) {
    let lower_starts =
        |s: &str, p: &str| s.get(..p.len()).is_some_and(|x| x.eq_ignore_ascii_case(p));
    // Past a tag that starts `rest` (no `>` inside its attributes is possible when
    // what follows is only white space and the next expected tag).
    let past = |rest: &str, tag: &str| -> Option<usize> {
        let t = rest.trim_start();
        if !lower_starts(t, tag) {
            return None;
        }
        let lead = rest.len() - t.len();
        Some(lead + t.find('>')? + 1)
    };
    let Some(doctype) = past(html, "<!doctype") else {
        return ("", html);
    };
    let cut = past(&html[doctype..], "<html")
        .map(|n| doctype + n)
        .and_then(|at| {
            let head = past(&html[at..], "<head>")?;
            Some(at + head)
        })
        .unwrap_or(doctype);
    let cut = if html[cut..].starts_with('\n') {
        cut + 1
    } else {
        cut
    };
    (&html[..cut], &html[cut..])
}

impl<'a> Renderer<'a> {
    pub(super) fn fragment<T: Serialize>(
        &self,
        template: &str,
        path: &str,
        c: &Ctx,
        page: T,
    ) -> Result<String, Error> {
        let context = tera::Context::from_serialize(Fragment {
            site: &self.site,
            root: c.root,
            page,
        })
        .map_err(|e| tera_error(format!("cannot render {path}"), &e))?;
        template_guard::new_page();
        let html = self
            .tera
            .render(template, &context)
            .map_err(|e| tera_error(format!("template {template} failed for {path}"), &e))?;
        self.guard(template, path, &html)?;
        Ok(match table_labels::label_cells(&html) {
            std::borrow::Cow::Borrowed(_) => html,
            std::borrow::Cow::Owned(labelled) => labelled,
        })
    }

    /// With template overrides, what a template wrote for `path` may not run script
    /// (see [`template_guard::active_markup`]): the error names the override and line
    /// that wrote it, or the template.
    pub(super) fn guard(&self, template: &str, path: &str, html: &str) -> Result<(), Error> {
        if self.input.templates.is_empty() {
            return Ok(());
        }
        let Some(found) = template_guard::active_markup(html) else {
            return Ok(());
        };
        let what = found.what.as_str();
        let place = match template_guard::source_line(self.input.templates, &found) {
            Some((name, line)) => format!("templates/{name}:{line}"),
            None => format!("templates/{template}"),
        };
        Err(Error::Template(format!(
            "error[active-content]: {place}: the template override puts {what} into {path}; \
             only the theme's scripts may run in the site: remove it from the override"
        )))
    }

    /// A whole page: the layout around its content, which comes in parts.
    pub(super) fn wrap(
        &self,
        path: &str,
        title: &str,
        root: &str,
        parts: &[&str],
    ) -> Result<SiteFile, Error> {
        self.wrap_parts(path, title, root, "", parts)
    }

    /// A whole page whose content comes in parts (print.html: one per section). The
    /// layout is rendered around a marker and the content put in its place, so that
    /// a large page is not copied through the template engine.
    pub(super) fn wrap_parts(
        &self,
        path: &str,
        title: &str,
        root: &str,
        head: &str,
        parts: &[&str],
    ) -> Result<SiteFile, Error> {
        let render = |title: &str, content: &str| {
            let context = tera::Context::from_serialize(Layout {
                site: &self.site,
                root,
                title,
                path,
                content,
                head,
            })
            .map_err(|e| tera_error(format!("cannot render {path}"), &e))?;
            template_guard::new_page();
            self.tera
                .render("layout.html", &context)
                .map_err(|e| tera_error(format!("template layout.html failed for {path}"), &e))
        };
        let shell = match self.shells.shell(path, root, title, head, &render)? {
            Some(shell) => shell,
            None => render(title, CONTENT_MARKER)?,
        };
        self.guard("layout.html", path, &shell)?;
        let bytes = match shell.split_once(CONTENT_MARKER) {
            Some((before, after)) if !after.contains(CONTENT_MARKER) => {
                let (doctype, before) = split_doctype(before);
                let len = CSP_META.len()
                    + before.len()
                    + after.len()
                    + parts.iter().map(|p| p.len()).sum::<usize>();
                let mut bytes = Vec::with_capacity(len + doctype.len());
                bytes.extend_from_slice(doctype.as_bytes());
                bytes.extend_from_slice(CSP_META.as_bytes());
                bytes.extend_from_slice(before.as_bytes());
                for p in parts {
                    bytes.extend_from_slice(p.as_bytes());
                }
                bytes.extend_from_slice(after.as_bytes());
                bytes
            }
            // A layout that does not show `content` once, as it is: render it whole.
            _ => {
                let whole = render(title, &parts.concat())?;
                let (doctype, rest) = split_doctype(&whole);
                [doctype, CSP_META, rest].concat().into_bytes()
            }
        };
        Ok(SiteFile {
            path: path.to_string(),
            bytes,
        })
    }
}

/// Stands for the page's title while a shell is drawn for a kind of page (a
/// character from the private use area: the escaping keeps it as it is).
const TITLE_MARKER: &str = "\u{E000}lifeboat-title\u{E000}";

/// The theme's layout drawn once for each kind of page instead of once for each of
/// a large plan's thousands of pages (a tenth of a build's work): what the layout
/// writes depends on the page only through `root`, `title` and the tests of `path`
/// it makes, so pages alike in those get the same shell with their own title put
/// in. Only for the theme's own layout, whose tests of `path` are read from its
/// source (`path == "..."`, `path is starting_with("...")`; any other use of
/// `path` turns the shells off), and never for a page with more for the head.
pub(super) struct Shells {
    tests: Option<PathTests>,
    catalog: crate::i18n::Catalog,
    organization: String,
    /// Each kind's shell; none for a kind whose shell did not show the title
    /// exactly once (each of its pages is drawn on its own).
    drawn: std::sync::Mutex<HashMap<(String, String), Drawn>>,
}

/// A kind's shell, or none when its pages are drawn each on its own.
type Drawn = Option<std::sync::Arc<Shell>>;

struct PathTests {
    exact: Vec<String>,
    prefixes: Vec<String>,
}

/// A layout drawn around [`CONTENT_MARKER`] with [`TITLE_MARKER`] for the title,
/// and the page title message as it shows the marker.
struct Shell {
    html: String,
    title: String,
}

impl Shells {
    pub(super) fn new(
        overrides: &[(String, String)],
        catalog: &crate::i18n::Catalog,
        organization: &str,
    ) -> Shells {
        let overridden = overrides.iter().any(|(n, _)| n == "layout.html");
        Shells {
            tests: (!overridden)
                .then(theme_layout)
                .flatten()
                .and_then(path_tests),
            catalog: catalog.clone(),
            organization: organization.to_string(),
            drawn: std::sync::Mutex::new(HashMap::new()),
        }
    }

    /// The layout for `path` without its content (see [`CONTENT_MARKER`]), from the
    /// shell of its kind, drawn with `render` when first needed. None when the page
    /// is to be drawn on its own.
    fn shell(
        &self,
        path: &str,
        root: &str,
        title: &str,
        head: &str,
        render: &dyn Fn(&str, &str) -> Result<String, Error>,
    ) -> Result<Option<String>, Error> {
        let Some(tests) = &self.tests else {
            return Ok(None);
        };
        if !head.is_empty() {
            return Ok(None);
        }
        let kind = match tests.exact.iter().any(|p| p == path) {
            true => path.to_string(),
            false => tests
                .prefixes
                .iter()
                .filter(|p| path.starts_with(p.as_str()))
                .fold(String::from("\0"), |k, p| k + p + "\0"),
        };
        let key = (root.to_string(), kind);
        let known = self.drawn.lock().ok().and_then(|d| d.get(&key).cloned());
        let shell = match known {
            Some(Some(s)) => s,
            Some(None) => return Ok(None),
            None => {
                let html = render(TITLE_MARKER, CONTENT_MARKER)?;
                let title = crate::html::escape(&self.page_title(TITLE_MARKER));
                // The title message shows once, and the title nowhere else.
                let once = html.matches(&title).count() == 1
                    && html.matches(TITLE_MARKER).count() == title.matches(TITLE_MARKER).count();
                let s = once.then(|| std::sync::Arc::new(Shell { html, title }));
                if let Ok(mut d) = self.drawn.lock() {
                    d.insert(key, s.clone());
                }
                match s {
                    Some(s) => s,
                    None => return Ok(None),
                }
            }
        };
        let own = crate::html::escape(&self.page_title(title));
        let html = shell.html.replacen(&shell.title, &own, 1);
        // Drawn the long way as well in debug builds (every test's build): the same bytes.
        #[cfg(debug_assertions)]
        {
            let whole = render(title, CONTENT_MARKER)?;
            assert_eq!(html, whole, "the shell of {path} differs from its layout");
        }
        Ok(Some(html))
    }

    /// The page title message, as the layout writes it with `title`.
    fn page_title(&self, title: &str) -> String {
        use crate::i18n::Arg;
        self.catalog.format(
            "page-title",
            &[
                ("title", Arg::Text(title.to_string())),
                ("organization", Arg::Text(self.organization.clone())),
            ],
        )
    }
}

/// The theme's own `layout.html`.
fn theme_layout() -> Option<&'static str> {
    theme::TEMPLATES
        .iter()
        .find(|(n, _)| *n == "layout.html")
        .map(|(_, t)| *t)
}

/// The tests of `path` a layout makes, when it makes no other use of `path`.
fn path_tests(layout: &str) -> Option<PathTests> {
    let mut tests = PathTests {
        exact: Vec::new(),
        prefixes: Vec::new(),
    };
    for (at, _) in layout.match_indices("path") {
        let before = layout[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            return None;
        }
        let rest = &layout[at + "path".len()..];
        let (list, quoted) = if let Some(r) = rest.strip_prefix(" == \"") {
            (&mut tests.exact, r)
        } else if let Some(r) = rest.strip_prefix(" is starting_with(\"") {
            (&mut tests.prefixes, r)
        } else {
            return None;
        };
        let (value, _) = quoted.split_once('"')?;
        list.push(value.to_string());
    }
    Some(tests)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shells_only_where_the_layout_tests_path_and_nothing_else() {
        let theme = theme_layout().expect("the theme has a layout");
        let tests = path_tests(theme).expect("the theme's layout only tests path");
        assert!(tests.exact.iter().any(|p| p == "runbooks/index.html"));
        assert!(tests.exact.iter().any(|p| p == "print.html"));
        assert_eq!(tests.prefixes, ["runbooks/", "comms/"]);
        // Any other use of path: every page is drawn on its own.
        assert!(path_tests("<p>{{ path }}</p>").is_none());
        assert!(path_tests("{% if path != \"x\" %}{% endif %}").is_none());
        assert!(path_tests("{{ page.path }}").is_none());
        assert!(path_tests("{% if path == \"x\" %}").is_some());
        // A layout of the plan's own is never drawn once for many pages.
        let catalog = crate::i18n::Catalog::english();
        let own = [(
            "layout.html".to_string(),
            "{{ content | safe }}".to_string(),
        )];
        assert!(Shells::new(&own, &catalog, "Org").tests.is_none());
        assert!(Shells::new(&[], &catalog, "Org").tests.is_some());
    }

    #[test]
    fn the_policy_goes_first_whatever_the_layout() {
        let theme = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">";
        assert_eq!(
            split_doctype(theme),
            (
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n",
                "<meta charset=\"utf-8\">"
            )
        );
        // Anything a template writes before <head> keeps the policy right after the doctype.
        let hostile = "<!doctype html><html x=\">\"><script>alert(1)</script><head>";
        assert_eq!(split_doctype(hostile).0, "<!doctype html>");
        assert_eq!(split_doctype("<script>x</script><!DOCTYPE html>").0, "");
        // Text beyond ASCII where a tag name is looked for is no problem.
        assert_eq!(split_doctype("<!doctypé>é").0, "");
        assert_eq!(split_doctype("é<!DOCTYPE html>").0, "");
        assert_eq!(split_doctype("<!DOCTYPE html><htmlé>").0, "<!DOCTYPE html>");
    }
}
