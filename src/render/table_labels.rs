//! Every data cell of a table carries its column's heading (`data-label`), so that on
//! a phone a table reflows into label/value pairs instead of scrolling sideways
//! (the stylesheet shows the label before the value). One pass over the HTML a
//! template or the Markdown renderer wrote; the theme's tables and the plan's own
//! are treated alike, and a template that writes no table costs one search.

use std::borrow::Cow;

/// `html` with `data-label="…"` on each `<td>` whose column has a heading in the
/// table's `<thead>`.
pub fn label_cells(html: &str) -> Cow<'_, str> {
    if !html.contains("<table") {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(start) = rest.find("<table") {
        out.push_str(&rest[..start]);
        let table = &rest[start..];
        let end = table
            .find("</table>")
            .map_or(table.len(), |e| e + "</table>".len());
        label_table(&table[..end], &mut out);
        rest = &table[end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// One table, from `<table` to its `</table>`, labelled into `out`; a table that
/// does not fit a printed page as it is says how to print it (`data-print`, see
/// [`super::table_fit`]).
fn label_table(table: &str, out: &mut String) {
    use super::table_fit::{Fit, print_fit};
    let open = &table[..table.find('>').unwrap_or(table.len())];
    if !is_tag_end(table.as_bytes().get("<table".len())) || open.contains("data-print") {
        return label_rows(table, out);
    }
    let mark = match print_fit(table) {
        Fit::Normal => return label_rows(table, out),
        Fit::Small => "<table data-print=\"small\"",
        Fit::Records => "<table data-print=\"records\"",
        Fit::RecordsLabelsAbove => "<table data-print=\"records\" data-labels=\"above\"",
    };
    out.push_str(mark);
    label_rows(&table["<table".len()..], out);
}

/// What follows `<table` of one table, labelled into `out`.
fn label_rows(table: &str, out: &mut String) {
    let head = table.find("<thead").and_then(|s| {
        let e = table[s..].find("</thead>")? + s;
        Some((s, e))
    });
    let Some((hs, he)) = head else {
        out.push_str(table);
        return;
    };
    let mut labels = Vec::new();
    for (tag, content) in cells(&table[hs..he]) {
        let text = label_text(content);
        for _ in 0..span(tag) {
            labels.push(text.clone());
        }
    }
    out.push_str(&table[..he]);
    let body = &table[he..];
    let mut column = 0usize;
    let mut copied = 0;
    let mut at = 0;
    while let Some(lt) = body[at..].find('<').map(|i| i + at) {
        let tag = &body[lt..];
        at = lt + 1;
        if tag.starts_with("<tr") && is_tag_end(tag.as_bytes().get(3)) {
            column = 0;
        } else if (tag.starts_with("<td") || tag.starts_with("<th"))
            && is_tag_end(tag.as_bytes().get(3))
        {
            let close = tag.find('>').unwrap_or(tag.len());
            let open = &tag[..close];
            if open.starts_with("<td")
                && !open.contains("data-label")
                && let Some(label) = labels.get(column).filter(|l| !l.is_empty())
            {
                out.push_str(&body[copied..lt + 3]);
                out.push_str(" data-label=\"");
                out.push_str(label);
                out.push('"');
                copied = lt + 3;
            }
            column += span(open);
        }
    }
    out.push_str(&body[copied..]);
}

fn is_tag_end(b: Option<&u8>) -> bool {
    matches!(b, Some(b' ' | b'>' | b'\t' | b'\n'))
}

/// The `<th …>` / `<td …>` cells of a fragment: each opening tag and its content.
pub(super) fn cells(html: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(lt) = html[at..].find("<t").map(|i| i + at) {
        let tag = &html[lt..];
        at = lt + 2;
        if !((tag.starts_with("<th") || tag.starts_with("<td"))
            && is_tag_end(tag.as_bytes().get(3)))
        {
            continue;
        }
        let Some(gt) = tag.find('>') else { break };
        let name = &tag[1..3];
        let close = format!("</{name}>");
        let content_end = tag[gt..].find(&close).map_or(tag.len(), |e| e + gt);
        out.push((&tag[..gt], &tag[gt + 1..content_end]));
        at = lt + content_end;
    }
    out
}

/// How many columns a cell spans (`colspan`), at least one.
pub(super) fn span(open_tag: &str) -> usize {
    open_tag
        .split_once("colspan=\"")
        .and_then(|(_, v)| v.split('"').next()?.parse::<usize>().ok())
        .map_or(1, |n| n.clamp(1, 1000))
}

/// A heading's text as an attribute value: tags dropped, white space made one
/// space, quotes escaped (the text is HTML already: entities stay as written).
fn label_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c if c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            '"' => out.push_str("&quot;"),
            '>' => {}
            c => out.push(c),
        }
    }
    let t = out.trim_end().len();
    out.truncate(t);
    out
}

#[cfg(test)]
mod tests {
    use super::label_cells;

    #[test]
    fn cells_take_their_column_heading() {
        let html = "<p>x</p><div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">#</th>\
            <th>Person <em>name</em></th><th colspan=\"2\">Numbers</th></tr></thead><tbody>\
            <tr><td class=\"n\">1</td><td>Ana</td><td>+1</td><td>+2</td></tr>\
            <tr><th scope=\"row\">2</th><td>Ben &amp; Co</td><td colspan=\"2\">none</td></tr>\
            </tbody></table></div><table><tr><td>no head</td></tr></table>";
        let out = label_cells(html);
        assert_eq!(
            out,
            "<p>x</p><div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">#</th>\
            <th>Person <em>name</em></th><th colspan=\"2\">Numbers</th></tr></thead><tbody>\
            <tr><td data-label=\"#\" class=\"n\">1</td><td data-label=\"Person name\">Ana</td>\
            <td data-label=\"Numbers\">+1</td><td data-label=\"Numbers\">+2</td></tr>\
            <tr><th scope=\"row\">2</th><td data-label=\"Person name\">Ben &amp; Co</td>\
            <td data-label=\"Numbers\" colspan=\"2\">none</td></tr>\
            </tbody></table></div><table><tr><td>no head</td></tr></table>"
        );
    }

    #[test]
    fn a_table_too_wide_for_paper_is_marked_once() {
        let long = "Donaudampfschifffahrtsgesellschaftskapitänswitwe";
        let html = format!(
            "<table><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead><tbody>\
             <tr><td>{long}</td><td>{long}</td><td>{long}</td></tr></tbody></table>\
             <table-like><table class=\"x\"><tr><td>short</td></tr></table>"
        );
        let once = label_cells(&html).into_owned();
        assert!(
            once.starts_with("<table data-print=\"records\"><thead>"),
            "{once}"
        );
        assert!(once.contains("<table-like><table class=\"x\">"), "{once}");
        assert_eq!(label_cells(&once), once);
    }

    #[test]
    fn html_without_tables_is_not_copied() {
        assert!(matches!(
            label_cells("<p>plain</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
