//! Inline SVG charts: the risk heat map and the impact-over-time chart of a process.
//! Drawn here, not in templates, because they are geometry; every text is escaped.

use super::measure;
use crate::html::escape;
use crate::model::RiskMatrix;
use std::fmt::Write;

/// Colours of the four kinds of band, low to extreme, readable in black-and-white
/// print by their labels.
const BAND_FILL: [&str; 4] = ["#cfe8cf", "#fbe7a1", "#f7b77a", "#e8837e"];

/// The colour class (`band-0` low .. `band-3` extreme) of the band at `index`,
/// spreading any number of bands over the four colours.
pub fn band_class(m: &RiskMatrix, index: Option<usize>) -> String {
    match index {
        Some(i) => format!("band-{}", palette_index(m.bands.len(), i)),
        None => "band-none".into(),
    }
}

fn palette_index(bands: usize, i: usize) -> usize {
    if bands <= 1 {
        0
    } else {
        (i * 3 + (bands - 1) / 2) / (bands - 1)
    }
    .min(3)
}

/// A likelihood x impact grid with the number of risks in each cell, coloured by the
/// band of the cell's score. `cells` holds (likelihood, impact) of each risk; ratings
/// off the matrix's scales are left out.
pub fn heat_map(
    m: &RiskMatrix,
    cells: &[(i64, i64)],
    title: &str,
    catalog: &crate::i18n::Catalog,
) -> String {
    let (nl, ni) = (m.likelihood.len(), m.impact.len());
    let mut counts = vec![0usize; nl * ni];
    for &(l, i) in cells {
        if l >= 1 && i >= 1 && (l as usize) <= nl && (i as usize) <= ni {
            counts[(i as usize - 1) * nl + (l as usize - 1)] += 1;
        }
    }
    // Labels are measured (DejaVu Sans, as the cards are) and wrapped, so that no
    // two overlap and none is cut at the chart's edge, and the chart stays narrow
    // enough to read on a phone (it is scaled to the screen): the impact's labels
    // wrap in a gutter as wide as their longest word (at least 120 px); the
    // likelihood's stand upright under their columns when a word is wider than one.
    let axis_w = |t: &str| measure::em(t, false) * AXIS_PX * 1.04;
    let small_w = |t: &str| measure::em(t, false) * SMALL_PX * 1.04;
    let longest = |labels: &[String], w: &dyn Fn(&str) -> f64| {
        labels
            .iter()
            .flat_map(|l| l.split_whitespace())
            .map(w)
            .fold(0.0, f64::max)
    };
    let cw = 64;
    let upright = longest(&m.likelihood, &small_w) > (cw - 6) as f64;
    let label_room = if upright {
        UPRIGHT_LINE
    } else {
        (cw - 6) as f64
    };
    let likelihood: Vec<Vec<String>> = m
        .likelihood
        .iter()
        .map(|l| {
            measure::wrap(
                l,
                label_room.max(longest(std::slice::from_ref(l), &small_w)),
                small_w,
            )
        })
        .collect();
    let gutter_room = longest(&m.impact, &axis_w).max(120.0);
    let impact: Vec<Vec<String>> = m
        .impact
        .iter()
        .map(|l| measure::wrap(l, gutter_room, axis_w))
        .collect();
    let gutter = impact
        .iter()
        .flatten()
        .map(|line| axis_w(line).ceil() as usize)
        .max()
        .unwrap_or(0);
    let left = (gutter + 36).max(120);
    let most = |labels: &[Vec<String>]| labels.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let ch = (most(&impact) * AXIS_LINE + 8).max(44);
    // Under the grid: the likelihood's labels (their lines' height, or upright their
    // longest line), then the axis title.
    let labels_h = if upright {
        likelihood
            .iter()
            .flatten()
            .map(|line| small_w(line).ceil() as usize)
            .max()
            .unwrap_or(0)
            + 8
    } else {
        most(&likelihood) * SMALL_LINE
    };
    let (top, bottom) = (10, 58 + labels_h);
    let under = top + ch * ni;
    let width = left + cw * nl + 10;
    let height = top + ch * ni + bottom;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"heat-map\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{label}\"><title>{t}</title>",
        t = escape(title),
        label = escape(&catalog.format(
            "heat-map-label",
            &[("title", title.into()), ("n", cells.len().into())]
        )),
    );
    for i in 0..ni {
        // Highest impact at the top.
        let y = top + ch * (ni - 1 - i);
        let lines = &impact[i];
        let first = y + ch / 2 + 4 - (lines.len().saturating_sub(1) * AXIS_LINE) / 2;
        lines_text(&mut s, left - 6, first, AXIS_LINE, "end", "axis", lines);
        for l in 0..nl {
            let x = left + cw * l;
            let score = ((l + 1) * (i + 1)) as i64;
            let fill = match m.band_of(score) {
                Some(b) => BAND_FILL[palette_index(m.bands.len(), b)],
                None => "#eeeeee",
            };
            let n = counts[i * nl + l];
            let _ = write!(
                s,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{cw}\" height=\"{ch}\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
            );
            if n > 0 {
                let _ = write!(
                    s,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"count\">{n}</text>",
                    x + cw / 2,
                    y + ch / 2 + 6
                );
            }
        }
    }
    for (l, lines) in likelihood.iter().enumerate() {
        let x = left + cw * l + cw / 2;
        if upright {
            // Turned to read upwards, ending under the column; the lines side by side.
            let x = x + 4 - (lines.len().saturating_sub(1) * SMALL_LINE) / 2;
            let y = under + 6;
            let _ = write!(s, "<g transform=\"rotate(-90 {x} {y})\">");
            lines_text(&mut s, x, y, SMALL_LINE, "end", "axis small", lines);
            s.push_str("</g>");
        } else {
            lines_text(
                &mut s,
                x,
                under + 16,
                SMALL_LINE,
                "middle",
                "axis small",
                lines,
            );
        }
    }
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis-title\">{}</text><text x=\"14\" y=\"{}\" class=\"axis-title\" transform=\"rotate(-90 14 {})\" text-anchor=\"middle\">{}</text></svg>",
        left + cw * nl / 2,
        under + 40 + labels_h,
        escape(&catalog.text("heat-axis-likelihood")),
        top + ch * ni / 2,
        top + ch * ni / 2,
        escape(&catalog.text("heat-axis-impact")),
    );
    s
}

/// The heat map's axis labels (`svg .axis`, `svg .small` in the stylesheet) in px,
/// their lines' height, and how long a line of an upright likelihood label may be.
const AXIS_PX: f64 = 12.0;
const SMALL_PX: f64 = 10.0;
const AXIS_LINE: usize = 14;
const SMALL_LINE: usize = 12;
const UPRIGHT_LINE: f64 = 110.0;

/// A label of one or more lines: a `<text>` whose lines are `<tspan>`s, the first at
/// `y`, each `step` below the one before.
fn lines_text(
    s: &mut String,
    x: usize,
    y: usize,
    step: usize,
    anchor: &str,
    class: &str,
    lines: &[String],
) {
    let _ = write!(
        s,
        "<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\" class=\"{class}\">"
    );
    for (n, line) in lines.iter().enumerate() {
        if n == 0 {
            let _ = write!(s, "<tspan x=\"{x}\">{}</tspan>", escape(line));
        } else {
            let _ = write!(s, "<tspan x=\"{x}\" dy=\"{step}\">{}</tspan>", escape(line));
        }
    }
    s.push_str("</text>");
}

/// The five impact ratings (0-5) of a process over time, one line each.
/// A row of a process's impact over time: when, and the five ratings (financial,
/// operational, reputational, legal, safety), 0 to 5.
#[derive(serde::Serialize)]
pub struct ImpactRow {
    pub after: Option<String>,
    pub ratings: [Option<i64>; 5],
}

pub fn impact_chart(rows: &[ImpactRow], catalog: &crate::i18n::Catalog) -> String {
    const SERIES: [(&str, &str); 5] = [
        ("impact-financial", "#1f5fa8"),
        ("impact-operational", "#b3541e"),
        ("impact-reputational", "#6b3fa0"),
        ("impact-legal", "#2e7d32"),
        ("impact-safety", "#c62828"),
    ];
    if rows.is_empty() {
        return String::new();
    }
    // The labels under the axis are centred on their points: the chart is widened
    // on either side for half of its first and last (`3 dagen`, measured as the
    // heat map's are). The legend's columns are as wide as its longest name.
    let axis_w = |t: &str| measure::em(t, false) * AXIS_PX * 1.04;
    let after: Vec<String> = (rows.iter())
        .map(|r| r.after.clone().unwrap_or_else(|| "?".into()))
        .collect();
    let half = |k: usize| (axis_w(&after[k]) / 2.0).ceil() as usize + 2;
    let (top, plot_h) = (16, 200);
    let left = 40.max(half(0));
    // Labels too wide for the room between two points take turns on as many lines
    // as they need (up to four; a label then sits between the points of the labels
    // above it); beyond that the plot is widened.
    let fits = |lines: usize, step: usize| {
        (lines..rows.len()).all(|k| half(k - lines) + half(k) + 4 <= lines * step)
    };
    let gaps = rows.len().saturating_sub(1).max(1);
    let mut step = 480 / gaps;
    let lines = match (1..=4).find(|&n| fits(n, step)) {
        Some(n) => n,
        None => {
            step = (4..rows.len())
                .map(|k| (half(k - 4) + half(k) + 4).div_ceil(4))
                .fold(step, usize::max);
            4
        }
    };
    let plot_w = (step * gaps).max(480);
    if rows.len() <= 1 {
        step = 0;
    }
    let shift = (lines - 1) * (AXIS_LINE + 2);
    let legend_w = (SERIES.iter())
        .map(|(name, _)| 20 + axis_w(&catalog.text(name)).ceil() as usize + 16)
        .fold(160, usize::max);
    let right = if rows.len() > 1 {
        half(rows.len() - 1)
    } else {
        half(0).saturating_sub(plot_w / 2)
    };
    let width = (left + plot_w + right.max(20)).max(left + 3 * legend_w);
    let bottom = 96 + shift;
    let height = top + plot_h + bottom;
    let x_of = |k: usize| left + if rows.len() > 1 { step * k } else { plot_w / 2 };
    let y_of = |v: i64| top + plot_h - (v.clamp(0, 5) as usize) * plot_h / 5;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"impact-chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\"><title>{}</title>",
        escape(&catalog.text("impact-chart-label")),
        escape(&catalog.text("impact-over-time")),
    );
    for v in 0..=5 {
        let y = y_of(v);
        let _ = write!(
            s,
            "<line x1=\"{left}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#dddddd\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"axis\">{v}</text>",
            left + plot_w,
            left - 8,
            y + 4
        );
    }
    for (k, label) in after.iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis\">{}</text>",
            x_of(k),
            top + plot_h + 18 + (k % lines) * (AXIS_LINE + 2),
            escape(label)
        );
    }
    for (n, (name, colour)) in SERIES.iter().enumerate() {
        let points: Vec<(usize, usize)> = rows
            .iter()
            .enumerate()
            .filter_map(|(k, r)| r.ratings[n].map(|v| (x_of(k), y_of(v))))
            .collect();
        // Lines of equal ratings would hide each other: shift each a little.
        let dy = n as i64 * 2 - 4;
        let shifted = |y: usize| (y as i64 + dy).max(0);
        if points.len() > 1 {
            let path: Vec<String> = points
                .iter()
                .map(|(x, y)| format!("{x},{}", shifted(*y)))
                .collect();
            let _ = write!(
                s,
                "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" points=\"{}\"/>",
                path.join(" ")
            );
        }
        for (x, y) in &points {
            let _ = write!(
                s,
                "<circle cx=\"{x}\" cy=\"{}\" r=\"4\" fill=\"{colour}\"/>",
                shifted(*y)
            );
        }
        let lx = left + (n % 3) * legend_w;
        let ly = top + plot_h + 58 + shift + (n / 3) * 20;
        let _ = write!(
            s,
            "<rect x=\"{lx}\" y=\"{}\" width=\"14\" height=\"4\" fill=\"{colour}\"/><text x=\"{}\" y=\"{}\" class=\"axis\">{}</text>",
            ly - 5,
            lx + 20,
            ly,
            escape(&catalog.text(name)),
        );
    }
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis-title\">{}</text></svg>",
        left + plot_w / 2,
        top + plot_h + 34 + shift,
        escape(&catalog.text("impact-axis-time")),
    );
    s
}

#[cfg(test)]
mod tests {
    use super::heat_map;
    use crate::model::RiskMatrix;

    fn viewbox(svg: &str) -> (usize, usize) {
        let v = svg.split("viewBox=\"0 0 ").nth(1).expect("viewBox");
        let mut n = v.split(['"', ' ']).map(|x| x.parse().expect("number"));
        (n.next().expect("width"), n.next().expect("height"))
    }

    #[test]
    fn long_labels_wrap_and_stand_upright_so_the_map_stays_narrow() {
        let catalog = crate::i18n::Catalog::new("de", &[]);
        let short = heat_map(&RiskMatrix::default(), &[(1, 1)], "t", &catalog);
        assert!(!short.contains("<g transform="), "{short}");
        let long = RiskMatrix {
            likelihood: [
                "Äußerst unwahrscheinlich",
                "Unwahrscheinlich",
                "Möglich",
                "Wahrscheinlich",
                "Nahezu sicher (mehrmals jährlich)",
            ]
            .map(String::from)
            .to_vec(),
            impact: [
                "Vernachlässigbar",
                "Gering",
                "Spürbar",
                "Erheblich",
                "Existenzbedrohend für die Versorgungssicherheit",
            ]
            .map(String::from)
            .to_vec(),
            ..RiskMatrix::default()
        };
        let svg = heat_map(&long, &[(5, 5)], "t", &catalog);
        // Upright labels under columns as wide as the short ones'; the long impact
        // label in lines, whole words each.
        assert_eq!(
            svg.matches("<g transform=\"rotate(-90 ").count(),
            5,
            "{svg}"
        );
        assert!(
            svg.contains(">Existenzbedrohend</tspan>")
                && svg.contains(">Versorgungssicherheit</tspan>"),
            "{svg}"
        );
        let (w, _) = viewbox(&svg);
        assert!(w <= viewbox(&short).0 + 80, "{w}");
        // Every text is escaped.
        let hostile = RiskMatrix {
            impact: vec!["<script>x</script>".into(); 5],
            ..RiskMatrix::default()
        };
        assert!(!heat_map(&hostile, &[], "t", &catalog).contains("<script>"));
    }

    #[test]
    fn the_impact_chart_makes_room_for_its_labels() {
        use super::{AXIS_PX, ImpactRow, impact_chart, measure};
        let catalog = crate::i18n::Catalog::new("nl", &[]);
        let rows = |labels: &[&str]| -> Vec<ImpactRow> {
            (labels.iter())
                .map(|l| ImpactRow {
                    after: Some(l.to_string()),
                    ratings: [Some(1); 5],
                })
                .collect()
        };
        // The last label is centred on the plot's right end: the chart reaches
        // past half of it ("3 dagen" went past the edge on paper).
        let svg = impact_chart(&rows(&["1 uur", "4 uur", "1 dag", "3 dagen"]), &catalog);
        let (w, _) = viewbox(&svg);
        let half = measure::em("3 dagen", false) * AXIS_PX / 2.0;
        assert!(w as f64 >= 40.0 + 480.0 + half, "{w}");
        let second = "y=\"250\" text-anchor=\"middle\" class=\"axis\">";
        assert!(!svg.contains(second), "no second line: {svg}");
        // Labels wider than the room between their points take turns on as many
        // lines as they need, and no two labels on a line overlap: 12 labels of
        // "12 weken en 12 dagen" overlapped on two lines.
        let apart = |labels: &[String]| {
            let many: Vec<&str> = labels.iter().map(String::as_str).collect();
            let svg = impact_chart(&rows(&many), &catalog);
            let mut placed: Vec<(f64, f64, usize)> = Vec::new();
            for t in svg.split("<text x=\"").skip(1) {
                let x: f64 = t[..t.find('"').expect("x")].parse().expect("x");
                let rest = &t[t.find("y=\"").expect("y") + 3..];
                let y: usize = rest[..rest.find('"').expect("y")].parse().expect("y");
                let Some(label) = labels.iter().find(|l| t.contains(&format!(">{l}</text>")))
                else {
                    continue;
                };
                let w = measure::em(label, false) * AXIS_PX;
                placed.push((x - w / 2.0, x + w / 2.0, y));
            }
            assert_eq!(placed.len(), labels.len(), "{svg}");
            for (i, a) in placed.iter().enumerate() {
                for b in &placed[i + 1..] {
                    assert!(
                        a.2 != b.2 || a.1 <= b.0 || b.1 <= a.0,
                        "{a:?} overlaps {b:?}: {svg}"
                    );
                }
                assert!(
                    a.0 >= 0.0 && a.1 <= viewbox(&svg).0 as f64,
                    "{a:?} is outside: {svg}"
                );
            }
            (
                placed
                    .iter()
                    .map(|p| p.2)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len(),
                viewbox(&svg).0,
            )
        };
        let long = |n: usize| {
            (1..=n)
                .map(|n| format!("{n} weken en {n} dagen"))
                .collect::<Vec<_>>()
        };
        assert_eq!(apart(&long(4)).0, 1);
        let (lines, w12) = apart(&long(12));
        assert!(lines >= 3, "{lines}");
        // Thirty such labels: four lines, and the plot widened.
        let (lines, w30) = apart(&long(30));
        assert_eq!(lines, 4);
        assert!(w30 > w12, "{w30} {w12}");
    }
}
