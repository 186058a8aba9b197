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
        let render = |content: &str| {
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
        let shell = render(CONTENT_MARKER)?;
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
                let whole = render(&parts.concat())?;
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

#[cfg(test)]
mod tests {
    use super::*;

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
