//! How a table goes across a printed page. On paper a table cannot scroll: one wider
//! than the text column is cut at the page's edge or shrinks the whole document to
//! fit. The build works out each table's narrowest width (its columns' longest
//! pieces that cannot break, in DejaVu Sans, wider than the fonts readers fall back
//! to) at the print stylesheet's table sizes. A table that fits in 9 pt is left as it
//! is; one that fits in 8 pt is marked `data-print="small"`; one that fits in neither
//! is marked `data-print="records"`, and the print stylesheet shows it as one
//! labelled record a row.

use super::measure::{char_em, wide};

/// The text column of a printed page in CSS px: A4 (210 mm) less the 15 mm margins,
/// narrower than US Letter's.
const PAGE_PX: f64 = 180.0 / 25.4 * 96.0;
/// The print stylesheet's table type, and that of a table marked small, in pt.
const NORMAL_PT: f64 = 9.0;
const SMALL_PT: f64 = 8.0;
/// A cell's padding, left and right together, in em (`.3em` each side), and its
/// border in px.
const PADDING_EM: f64 = 0.6;
const BORDER_PX: f64 = 1.0;
/// Room for what the estimate does not see (kerning, a fallback font's widths).
const SLACK: f64 = 1.04;
/// A list inside a cell is indented by the browser: 40 px, in em of 9 pt.
const LIST_EM: f64 = 40.0 / 12.0;

/// How a table is printed.
#[derive(Debug, PartialEq)]
pub enum Fit {
    /// As it is, in 9 pt.
    Normal,
    /// In 8 pt: `data-print="small"`.
    Small,
    /// One labelled record a row: `data-print="records"`.
    Records,
    /// As records, each label above its value (`data-labels="above"` too): a
    /// column heading has a word wider than the records' label gutter, in which it
    /// would break inside the word ("Wiederanlaufreihe|nfolge").
    RecordsLabelsAbove,
}

/// More columns than fit a page at their narrowest (one letter and padding each).
const MAX_COLUMNS: usize = 100;

/// How `table` (from `<table` to its `</table>`) goes across a printed page.
pub fn print_fit(table: &str) -> Fit {
    let Some(columns) = min_columns_em(table) else {
        return Fit::Records;
    };
    let width = |pt: f64| -> f64 {
        let px = pt * 4.0 / 3.0;
        columns
            .iter()
            .map(|em| (em * SLACK + PADDING_EM) * px + BORDER_PX)
            .sum()
    };
    if width(NORMAL_PT) <= PAGE_PX {
        Fit::Normal
    } else if width(SMALL_PT) <= PAGE_PX {
        Fit::Small
    } else if widest_heading_em(table) * SLACK * LABEL_PT * 4.0 / 3.0 > GUTTER_PX {
        Fit::RecordsLabelsAbove
    } else {
        Fit::Records
    }
}

/// A record's label: the column's heading in 8 pt bold, in a gutter 31 mm wide
/// (`table[data-print="records"]` in the print stylesheet), in CSS px.
const LABEL_PT: f64 = 8.0;
const GUTTER_PX: f64 = 31.0 / 25.4 * 96.0;

/// The widest piece that cannot break of the table's column headings (its first
/// row's `<th>`s, which label its records), in em of bold type.
fn widest_heading_em(table: &str) -> f64 {
    let Some(head) = table.split("<tr").nth(1) else {
        return 0.0;
    };
    super::table_labels::cells(head)
        .into_iter()
        .take(MAX_COLUMNS)
        .filter(|(open, _)| open.starts_with("<th"))
        .map(|(_, content)| min_content_em(content, true))
        .fold(0.0, f64::max)
}

/// Each column's narrowest width in em: its widest cell's longest piece that cannot
/// break; `None` for a table of more than [`MAX_COLUMNS`].
fn min_columns_em(table: &str) -> Option<Vec<f64>> {
    let mut columns: Vec<f64> = Vec::new();
    let mut spanning: Vec<(usize, usize, f64)> = Vec::new();
    for row in table.split("<tr").skip(1) {
        let mut column = 0;
        for (open, content) in super::table_labels::cells(row) {
            let span = super::table_labels::span(open);
            if column + span > MAX_COLUMNS {
                return None;
            }
            let width = cell_min_em(open, content) + depth_em(open);
            if span == 1 {
                if columns.len() <= column {
                    columns.resize(column + 1, 0.0);
                }
                columns[column] = columns[column].max(width);
            } else {
                spanning.push((column, span, width));
            }
            column += span;
        }
    }
    // A cell across columns widens the last of them if they are together narrower
    // (their padding counts towards it).
    for (first, span, width) in spanning {
        let last = first + span - 1;
        if last >= columns.len() {
            columns.resize(last + 1, 0.0);
        }
        let together: f64 =
            columns[first..=last].iter().sum::<f64>() + (last - first) as f64 * PADDING_EM;
        if together < width {
            columns[last] += width - together;
        }
    }
    Some(columns)
}

/// A call tree's person is indented by their depth in the cascade (`--depth: N`,
/// `.cascade-table .step-person` in the stylesheet): the indent in em.
fn depth_em(open_tag: &str) -> f64 {
    open_tag
        .split_once("--depth:")
        .and_then(|(_, v)| {
            v.trim_start()
                .split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse::<u32>()
                .ok()
        })
        .map_or(0.0, |d| 0.5 + f64::from(d.min(6)) * 0.9)
}

/// How a piece of text may break, as the print stylesheet sets it. Nothing in a
/// table that fits breaks inside a word (an address or a host name broken anywhere
/// squeezes its column to a few letters): a word too long for the page makes the
/// table one record a row, where it breaks anywhere.
#[derive(Clone, Copy, PartialEq)]
enum Wrap {
    /// At spaces, after a hyphen and around East Asian characters.
    Normal,
    /// Nowhere: telephone numbers, status badges, step numbers, dates.
    Never,
}

/// Classes whose text the stylesheet keeps on one line.
fn unbroken(class: &str) -> bool {
    (class.split_ascii_whitespace())
        .any(|k| matches!(k, "tel" | "state" | "step-number" | "date" | "relative"))
}

/// The widest piece of a cell (its opening tag and HTML) that cannot break.
fn cell_min_em(open: &str, content: &str) -> f64 {
    let wrap = if unbroken(attribute(open, "class")) {
        Wrap::Never
    } else {
        Wrap::Normal
    };
    min_content_em_from(content, open.starts_with("<th"), wrap)
}

/// The widest piece of a cell's HTML that cannot break, in em of the table's type.
fn min_content_em(html: &str, heading: bool) -> f64 {
    min_content_em_from(html, heading, Wrap::Normal)
}

/// [`min_content_em`] of HTML whose text breaks as `wrap` says where no element
/// says otherwise.
fn min_content_em_from(html: &str, heading: bool, wrap: Wrap) -> f64 {
    // What each open element sets: how text breaks, bold, list depth, and whether
    // it is a tag (a box whose sides widen the text at its ends).
    let mut stack: Vec<(Wrap, bool, usize, bool)> = vec![(wrap, heading, 0, false)];
    let mut widest: f64 = 0.0;
    let mut piece = 0.0;
    let mut indent = 0.0;
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        let &(wrap, bold, lists, _) = stack.last().unwrap_or(&(Wrap::Normal, heading, 0, false));
        if c == '<' {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let tag = &rest[..end];
            rest = &rest[end..];
            let bare = tag.trim_start_matches(['<', '/']);
            let name_len = bare.bytes().take_while(u8::is_ascii_alphanumeric).count();
            // Tag names as the renderer writes them: lower case (an override's upper
            // case is copied, no more).
            let lowered;
            let name: &str = if bare[..name_len].bytes().any(|b| b.is_ascii_uppercase()) {
                lowered = bare[..name_len].to_ascii_lowercase();
                &lowered
            } else {
                &bare[..name_len]
            };
            let closing = tag.starts_with("</");
            let void = matches!(name, "br" | "wbr" | "img" | "hr" | "input") || tag.ends_with("/>");
            if !inline(name) || name == "wbr" {
                widest = widest.max(piece + indent);
                piece = 0.0;
            }
            if closing {
                if stack.len() > 1 && stack.pop().is_some_and(|s| s.3) {
                    piece += TAG_SIDE_EM;
                }
                indent = stack.last().map_or(0.0, |s| s.2 as f64) * LIST_EM;
            } else if !void {
                let class = attribute(tag, "class");
                let has = |c: &str| class.split_ascii_whitespace().any(|k| k == c);
                let wrap = if unbroken(class) { Wrap::Never } else { wrap };
                let bold =
                    bold || matches!(name, "strong" | "b" | "th") || has("state") || has("score");
                let lists = lists + usize::from(matches!(name, "ul" | "ol"));
                let tag = has("tag") || has("score");
                if tag {
                    piece += TAG_SIDE_EM;
                }
                stack.push((wrap, bold, lists, tag));
                indent = lists as f64 * LIST_EM;
            }
            continue;
        }
        let (ch, len) = if c == '&' {
            entity(rest)
        } else {
            (c, c.len_utf8())
        };
        rest = &rest[len..];
        let w = char_em(ch, bold);
        match wrap {
            Wrap::Never => {
                piece += if ch.is_whitespace() {
                    char_em(' ', bold)
                } else {
                    w
                }
            }
            Wrap::Normal => {
                if (ch.is_whitespace() && !matches!(ch, '\u{A0}' | '\u{2007}' | '\u{202F}'))
                    || ch == '\u{200B}'
                {
                    widest = widest.max(piece + indent);
                    piece = 0.0;
                } else if wide(ch) {
                    widest = widest.max(piece + indent).max(w + indent);
                    piece = 0.0;
                } else {
                    piece += w;
                    if ch == '-' || ch == '\u{2010}' || ch == '\u{AD}' {
                        widest = widest.max(piece + indent);
                        piece = 0.0;
                    }
                }
            }
        }
    }
    widest.max(piece + indent)
}

/// One side of a `.tag` or a `.score` in a printed table (`padding: 0 .2em`, and a
/// tag's 1 px border, in the print stylesheet), in em of 8 pt, the smaller type.
const TAG_SIDE_EM: f64 = 0.2 + 1.0 / (SMALL_PT * 4.0 / 3.0);

/// Elements that flow in a line of text; any other begins a new line.
fn inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "code"
            | "del"
            | "em"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "wbr"
    )
}

/// The value of attribute `name` in an opening tag as the renderer writes it
/// (`name="…"`), or "".
fn attribute<'a>(tag: &'a str, name: &str) -> &'a str {
    let mut at = 0;
    while let Some(i) = tag[at..].find(name).map(|i| i + at) {
        at = i + name.len();
        let before = tag[..i].chars().next_back();
        if matches!(before, Some(' ' | '\t' | '\n'))
            && let Some(value) = tag[at..].strip_prefix("=\"")
        {
            return value.split('"').next().unwrap_or("");
        }
    }
    ""
}

/// The character an entity at the start of `s` stands for, and its length; a lone
/// `&` is itself.
fn entity(s: &str) -> (char, usize) {
    let Some(end) = s.bytes().take(12).position(|b| b == b';') else {
        return ('&', 1);
    };
    let body = &s[1..end];
    let c = match body {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{A0}'),
        _ => body
            .strip_prefix("#x")
            .or_else(|| body.strip_prefix("#X"))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .or_else(|| body.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32),
    };
    // An unknown named entity counts as one wide letter.
    (c.unwrap_or('M'), end + 1)
}

#[cfg(test)]
mod tests {
    use super::{Fit, TAG_SIDE_EM, cell_min_em, min_content_em, print_fit};

    fn table(rows: &[&[&str]]) -> String {
        let mut t = String::from("<table><tbody>");
        for row in rows {
            t.push_str("<tr>");
            for cell in *row {
                t.push_str(&format!("<td>{cell}</td>"));
            }
            t.push_str("</tr>");
        }
        t + "</tbody></table>"
    }

    #[test]
    fn a_cell_is_as_narrow_as_its_longest_piece_that_cannot_break() {
        let word = min_content_em("Wiederanlauf", false);
        assert!((min_content_em("des Wiederanlauf der", false) - word).abs() < 1e-9);
        // A number does not break, however many spaces it has.
        let number = min_content_em(
            "<a class=\"tel\" href=\"tel:+4946218320000\">+49 4621 83 20000</a>",
            false,
        );
        assert!(number > min_content_em("+49", false) * 4.0, "{number}");
        // Code and addresses break where words do.
        let host = min_content_em("<code>kis-db-01.uk-nordfriesland.example</code>", false);
        assert!((host - min_content_em("nordfriesland.example", false)).abs() < 1e-9);
        // After a hyphen, around Chinese characters.
        assert!(
            min_content_em("Müller-Lüdenscheidt", false)
                < min_content_em("MüllerLüdenscheidt", false) * 0.8
        );
        assert!(min_content_em("王小明", false) <= 1.0);
        // Headings are bold, entities one character.
        assert!(min_content_em("Verantwortlich", true) > min_content_em("Verantwortlich", false));
        assert!((min_content_em("A&amp;B", false) - min_content_em("A&B", false)).abs() < 1e-9);
        // A tag's sides widen its first and last word (a risk's category).
        let word = min_content_em("Netzleitsystem", false);
        let tagged = min_content_em("Risk <span class=\"tag\">Netzleitsystem</span>", false);
        assert!(
            (tagged - word - 2.0 * TAG_SIDE_EM).abs() < 1e-9,
            "{tagged} {word}"
        );
        let two = min_content_em(
            "<span class=\"tag\">Netzleitsystem Netzleitsystem</span>",
            false,
        );
        assert!((two - word - TAG_SIDE_EM).abs() < 1e-9, "{two} {word}");
    }

    #[test]
    fn a_date_is_one_piece_in_a_cell_or_a_time_marked_relative() {
        // Text breaks after a hyphen, a date cell (the stylesheet's `td.date`) not.
        let loose = min_content_em("2026-06-10", false);
        let cell = cell_min_em("<td class=\"date\">", "2026-06-10");
        assert!(cell > loose * 1.5, "{cell} {loose}");
        assert!((cell_min_em("<td>", "2026-06-10") - loose).abs() < 1e-9);
        let time = cell_min_em(
            "<td>",
            "<time class=\"relative\" datetime=\"2026-06-10\">2026-06-10</time> overdue",
        );
        assert!((time - cell).abs() < 1e-9, "{time} {cell}");
    }

    #[test]
    fn a_table_is_printed_as_it_is_smaller_or_as_records_as_its_columns_fit() {
        // A no-break space holds its words together.
        assert!(min_content_em("4&nbsp;Stunden", false) > min_content_em("Stunden", false));
        let narrow = table(&[&["Name", "Role"], &["Ana Lind", "Lead"]]);
        assert_eq!(print_fit(&narrow), Fit::Normal);
        let long = "Donaudampfschifffahrtsgesellschaftskapitänswitwe";
        assert_eq!(print_fit(&table(&[&[long, long, long]])), Fit::Records);
        // Ten columns of short words fit; ten of long ones do not.
        assert_eq!(print_fit(&table(&[&["Status"; 10]])), Fit::Normal);
        assert_eq!(
            print_fit(&table(&[&["Wiederanlaufreihenfolge"; 10]])),
            Fit::Records
        );
        // Between the two: fits in 8 pt, not in 9.
        let mid = (1..=40)
            .map(|n| table(&[&["Status"; 1].repeat(n)[..]]))
            .map(|t| print_fit(&t))
            .collect::<Vec<_>>();
        assert!(mid.contains(&Fit::Small), "{mid:?}");
        // A cell across columns counts as wide as it is.
        let spanned = format!(
            "<table><tr><td>a</td><td>b</td></tr><tr><td colspan=\"2\">{}</td></tr></table>",
            [long; 3].join("")
        );
        assert_eq!(print_fit(&spanned), Fit::Records);
        // A heading word wider than the records' label gutter: labels above values.
        let headed = |heading: &str| {
            format!(
                "<table><thead><tr>{}</tr></thead><tbody><tr>{}</tr></tbody></table>",
                format!("<th>{heading}</th>").repeat(3),
                format!("<td>{long}</td>").repeat(3)
            )
        };
        assert_eq!(print_fit(&headed("Zuständig")), Fit::Records);
        assert_eq!(print_fit(&headed("Verantwortlich")), Fit::Records);
        assert_eq!(
            print_fit(&headed("Wiederanlaufreihenfolge")),
            Fit::RecordsLabelsAbove
        );
        assert_eq!(
            print_fit(&headed("Reihenfolge des Wiederanlaufs")),
            Fit::Records
        );
        // Malformed or huge markup is measured, never a panic nor a huge allocation.
        let many = format!(
            "<table><tr>{}</tr></table>",
            "<td colspan=\"1000\">x</td>".repeat(10_000)
        );
        assert_eq!(print_fit(&many), Fit::Records);
        for html in [
            "<table><tr><td>&#xZZ;<b",
            "<table><tr><td colspan=\"3\">x",
            "<table><tr><td>&",
            "<table><tr><td>&#1114112;x</td>",
        ] {
            let _ = print_fit(html);
        }
    }
}
