//! The wallet-card sheets: CR80 cards (85.60 x 53.98 mm) placed on A4 (2 x 5) or US
//! Letter (2 x 4) sheets with cut marks in the margins, each sheet of fronts followed
//! by its backs, columns mirrored for long-edge duplex. The faces are drawn in
//! [`faces`], once for both paper sizes, since thousands of personal cards would be
//! slow through the template engine.

mod faces;

pub use faces::faces;

use super::card_text;
use super::*;
use crate::kit::cards::Card;

pub const CARD_W: f64 = 85.60;
pub const CARD_H: f64 = 53.98;

#[derive(Clone, Copy)]
pub struct Paper {
    pub class: &'static str,
    pub label: &'static str,
    pub path: &'static str,
    pub width: f64,
    pub height: f64,
    pub rows: usize,
}

pub const A4: Paper = Paper {
    class: "a4",
    label: "paper-a4",
    path: "cards/index.html",
    width: 210.0,
    height: 297.0,
    rows: 5,
};
pub const LETTER: Paper = Paper {
    class: "letter",
    label: "paper-letter",
    path: "cards/letter.html",
    width: 215.9,
    height: 279.4,
    rows: 4,
};

/// Both faces of a card, drawn.
pub struct Faces {
    pub front: String,
    pub back: String,
}

#[derive(Serialize)]
pub struct CardsPage {
    pub paper: &'static str,
    pub paper_label: String,
    pub other_paper: String,
    pub other_href: String,
    pub per_sheet: usize,
    pub cards: usize,
    pub sheets: Vec<Sheet>,
    pub width_mm: String,
    pub height_mm: String,
    pub list: Vec<CardListRow>,
}

#[derive(Serialize)]
pub struct Sheet {
    /// 1-based, counting fronts and backs.
    pub number: usize,
    pub back: bool,
    pub marks: String,
    pub faces: String,
}

#[derive(Serialize)]
pub struct CardListRow {
    pub id: String,
    pub title: String,
    pub audience: Option<String>,
    pub anchor: Option<String>,
}

fn mm(v: f64) -> String {
    format!("{v:.2}")
}

/// The pages of sheets on `paper`, with the faces drawn by [`faces`].
pub fn cards_page(
    paper: Paper,
    cards: &[Card],
    faces: &[Faces],
    catalog: &crate::i18n::Catalog,
) -> CardsPage {
    let per_row = 2;
    let per_sheet = per_row * paper.rows;
    let mx = (paper.width - per_row as f64 * CARD_W) / 2.0;
    let my = (paper.height - paper.rows as f64 * CARD_H) / 2.0;
    let mut sheets = Vec::new();
    for (n, chunk) in faces.chunks(per_sheet).enumerate() {
        for back in [false, true] {
            let mut html = String::new();
            for (i, f) in chunk.iter().enumerate() {
                let (row, col) = (i / per_row, i % per_row);
                // Long-edge duplex turns the sheet over left to right: a back sits
                // behind its front in the mirrored column.
                let col = if back { per_row - 1 - col } else { col };
                let (x, y) = (mx + col as f64 * CARD_W, my + row as f64 * CARD_H);
                let face = if back { &f.back } else { &f.front };
                html.push_str(&face.replacen(
                    "<div class=\"card ",
                    &format!(
                        "<div style=\"left:{}mm;top:{}mm\" class=\"card ",
                        mm(x),
                        mm(y)
                    ),
                    1,
                ));
            }
            sheets.push(Sheet {
                number: sheets.len() + 1,
                back,
                marks: marks(paper, mx, my, n * 2 + 1 + back as usize, back, catalog),
                faces: html,
            });
        }
    }
    let other = if paper.class == A4.class { LETTER } else { A4 };
    CardsPage {
        paper: paper.class,
        paper_label: catalog.text(paper.label),
        other_paper: catalog.text(other.label),
        other_href: other.path.rsplit('/').next().unwrap_or("").to_string(),
        per_sheet,
        cards: faces.len(),
        sheets,
        width_mm: mm(paper.width),
        height_mm: mm(paper.height),
        list: cards
            .iter()
            .map(|k| CardListRow {
                id: k.id.clone(),
                title: k.title.clone(),
                audience: k
                    .audience
                    .clone()
                    .or_else(|| k.personal.as_ref().map(|p| p.holder.name.clone())),
                anchor: k.personal.is_none().then(|| format!("card-{}", k.id)),
            })
            .collect(),
    }
}

/// Cut marks in the margins at every card edge (no browser prints CSS `marks`), the
/// note on how to print, and a 50 mm ruler to check the scale: one SVG in mm.
fn marks(
    paper: Paper,
    mx: f64,
    my: f64,
    number: usize,
    back: bool,
    catalog: &crate::i18n::Catalog,
) -> String {
    let (w, h) = (paper.width, paper.height);
    let mut d = String::new();
    for i in 0..=2 {
        let x = mx + i as f64 * CARD_W;
        d.push_str(&format!("M{} {}V{}", mm(x), mm(my - 6.0), mm(my - 1.0)));
        d.push_str(&format!(
            "M{} {}V{}",
            mm(x),
            mm(h - my + 1.0),
            mm(h - my + 6.0)
        ));
    }
    for j in 0..=paper.rows {
        let y = my + j as f64 * CARD_H;
        d.push_str(&format!("M{} {}H{}", mm(mx - 6.0), mm(y), mm(mx - 1.0)));
        d.push_str(&format!(
            "M{} {}H{}",
            mm(w - mx + 1.0),
            mm(y),
            mm(w - mx + 6.0)
        ));
    }
    // The ruler: 50 mm with a tick every 10 mm, right of the middle mark.
    let (rx, ry) = (mx + CARD_W + 6.0, 2.0);
    let mut ruler = format!("M{} {}H{}", mm(rx), mm(ry + 3.0), mm(rx + 50.0));
    for t in 0..=5 {
        let x = rx + t as f64 * 10.0;
        ruler.push_str(&format!("M{} {}V{}", mm(x), mm(ry + 1.0), mm(ry + 3.0)));
    }
    let side = crate::html::escape(&if back {
        catalog.format(
            "sheet-backs",
            &[("n", number.into()), ("front", (number - 1).into())],
        )
    } else {
        catalog.format("sheet-fronts", &[("n", number.into())])
    });
    let cut = crate::html::escape(&catalog.text("sheet-cut"));
    let ruler_text = crate::html::escape(&catalog.text("sheet-ruler"));
    format!(
        "<svg class=\"sheet-marks\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" \
         width=\"{w}mm\" height=\"{h}mm\" aria-hidden=\"true\">\
         <path d=\"{d}\" stroke=\"#000\" stroke-width=\"0.2\" fill=\"none\"/>\
         <path d=\"{ruler}\" stroke=\"#000\" stroke-width=\"0.2\" fill=\"none\"/>\
         <text x=\"{tx}\" y=\"{ty}\" font-size=\"2.3\" font-family=\"sans-serif\">{side}</text>\
         <text x=\"{tx}\" y=\"{ty2}\" font-size=\"2.3\" font-family=\"sans-serif\">{cut}</text>\
         <text x=\"{rx}\" y=\"{ry2}\" font-size=\"2.3\" font-family=\"sans-serif\">{ruler_text}</text>\
         </svg>",
        w = mm(w),
        h = mm(h),
        tx = mm(mx + 2.0),
        ty = mm(ry + 1.2),
        ty2 = mm(ry + 4.2),
        rx = mm(rx),
        ry2 = mm(ry + 6.0),
        side = escape(&side),
    )
}
