//! The wallet-card sheets: CR80 cards (85.60 x 53.98 mm) placed on A4 (2 x 5) or US
//! Letter (2 x 4) sheets with cut marks in the margins, each sheet of fronts followed
//! by its backs, columns mirrored for long-edge duplex. The faces are drawn here,
//! once for both paper sizes, since thousands of personal cards would be slow
//! through the template engine.

use super::*;
use crate::kit::cards::{Card, Entry};

pub const CARD_W: f64 = 85.60;
pub const CARD_H: f64 = 53.98;

/// Lines a face holds beside the QR code (each face carries the code, so that
/// whichever side faces up can be scanned).
const FRONT_LINES: usize = 8;
const PERSONAL_FRONT_CALLS: usize = 4;
const BACK_LINES: usize = 9;

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
    label: "A4",
    path: "cards/index.html",
    width: 210.0,
    height: 297.0,
    rows: 5,
};
pub const LETTER: Paper = Paper {
    class: "letter",
    label: "US Letter",
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
    pub paper_label: &'static str,
    pub other_paper: &'static str,
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
pub fn cards_page(paper: Paper, cards: &[Card], faces: &[Faces]) -> CardsPage {
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
                marks: marks(paper, mx, my, n * 2 + 1 + back as usize, back),
                faces: html,
            });
        }
    }
    let other = if paper.class == A4.class { LETTER } else { A4 };
    CardsPage {
        paper: paper.class,
        paper_label: paper.label,
        other_paper: other.label,
        other_href: other.path.rsplit('/').next().unwrap_or("").to_string(),
        per_sheet,
        cards: cards.len(),
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
fn marks(paper: Paper, mx: f64, my: f64, number: usize, back: bool) -> String {
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
    let side = if back {
        format!(
            "Sheet {number}: backs. Print on the reverse of sheet {} (both sides, flip on long edge).",
            number - 1
        )
    } else {
        format!("Sheet {number}: fronts. Print at 100 % (actual size), margins none, both sides.")
    };
    format!(
        "<svg class=\"sheet-marks\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" \
         width=\"{w}mm\" height=\"{h}mm\" aria-hidden=\"true\">\
         <path d=\"{d}\" stroke=\"#000\" stroke-width=\"0.2\" fill=\"none\"/>\
         <path d=\"{ruler}\" stroke=\"#000\" stroke-width=\"0.2\" fill=\"none\"/>\
         <text x=\"{tx}\" y=\"{ty}\" font-size=\"2.3\" font-family=\"sans-serif\">{side}</text>\
         <text x=\"{tx}\" y=\"{ty2}\" font-size=\"2.3\" font-family=\"sans-serif\">Cut along the marks: each card is 85.60 x 53.98 mm.</text>\
         <text x=\"{rx}\" y=\"{ry2}\" font-size=\"2.3\" font-family=\"sans-serif\">This ruler must measure 50 mm</text>\
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

/// A card's faces. `qr` is the code's SVG (drawn once for every card that carries
/// the same payload); `notes` gets what did not fit.
pub fn faces(c: &Ctx, card: &Card, qr: Option<&str>, notes: &mut Vec<String>) -> Faces {
    let plan = c.plan;
    let info = &plan.settings.info;
    let id = escape(&card.id);
    let head = format!(
        "<div class=\"card-head\"><span class=\"card-org\">{}</span>{}</div>",
        escape(&info.organization.value),
        info.classification
            .as_ref()
            .map(|x| format!("<span class=\"card-class\">{}</span>", escape(x)))
            .unwrap_or_default()
    );
    let hotline = plan.settings.hotline.as_ref();
    let hot_label = hotline
        .and_then(|h| h.label.as_ref())
        .map_or("Hotline", |l| l.value.as_str());
    let hot_number = hotline.and_then(|h| h.phone.as_ref().or(h.alt_phone.as_ref()));
    let foot = format!(
        "<div class=\"card-foot\"><span class=\"foot-version\">Plan {}</span>{}</div>",
        escape(&info.version.value),
        hot_number
            .map(|n| format!(
                "<span class=\"foot-label\">{}</span>{}",
                escape(hot_label),
                tel_link(&n.value)
            ))
            .unwrap_or_default()
    );
    let hotline_block = hot_number
        .map(|n| {
            format!(
                "<div class=\"card-hotline\"><span class=\"card-label\">{}</span>{}</div>",
                escape(hot_label),
                tel_link(&n.value)
            )
        })
        .unwrap_or_default();
    let qr_block = match (qr, &card.qr) {
        (Some(svg), Some(p)) => format!(
            "<figure class=\"card-qr\" style=\"width:{}mm\">{svg}<figcaption>Scan: {}</figcaption></figure>",
            p.side_mm,
            escape(&p.caption)
        ),
        _ => String::new(),
    };
    let mut front_lines = String::new();
    let mut back_lines = String::new();
    let title;
    match &card.personal {
        None => {
            title = card.title.clone();
            let (front, rest) = card.contacts.split_at(card.contacts.len().min(FRONT_LINES));
            front_lines.push_str(&list(front));
            if let Some(a) = &card.audience {
                back_lines.push_str(&format!(
                    "<p class=\"card-audience\">For: {}</p>",
                    escape(a)
                ));
            }
            if let Some(b) = &card.back {
                back_lines.push_str(&format!("<p class=\"card-note\">{}</p>", escape(b)));
                if b.chars().count() > 320 {
                    notes.push(format!(
                        "card {}: its back text has {} characters; about 320 fit",
                        card.id,
                        b.chars().count()
                    ));
                }
            }
            if !rest.is_empty() {
                let shown = rest.len().min(BACK_LINES / 2);
                back_lines.push_str(&heading("More numbers"));
                back_lines.push_str(&list(&rest[..shown]));
                if shown < rest.len() {
                    notes.push(format!(
                        "card {}: lists {} contacts; {} fit on the card, the rest are left out",
                        card.id,
                        card.contacts.len(),
                        FRONT_LINES + shown
                    ));
                }
            }
        }
        Some(p) => {
            title = card.title.clone();
            front_lines.push_str(&format!(
                "<p class=\"card-holder\">{}</p>",
                escape(&p.holder.name)
            ));
            match &p.called_by {
                Some(by) => {
                    front_lines.push_str(&heading("Called by"));
                    front_lines.push_str(&list(std::slice::from_ref(by)));
                }
                None => front_lines.push_str(&heading("You start this call tree")),
            }
            let (front, rest) = p.calls.split_at(p.calls.len().min(PERSONAL_FRONT_CALLS));
            if !p.calls.is_empty() {
                front_lines.push_str(&heading("You call, in order"));
                front_lines.push_str(&numbered(front, 1));
            }
            if let Some(to) = &p.report_to {
                front_lines.push_str(&heading("Report back to"));
                front_lines.push_str(&list(std::slice::from_ref(to)));
            } else {
                front_lines.push_str(&heading("Everyone reports back to you"));
            }
            let mut budget = BACK_LINES;
            if !rest.is_empty() {
                let shown = rest.len().min(budget - 1);
                back_lines.push_str(&heading("You call, continued"));
                back_lines.push_str(&numbered(&rest[..shown], front.len() + 1));
                budget -= shown + 1;
                if shown < rest.len() {
                    notes.push(format!(
                        "card {}: calls {} people; {} fit on the card, the rest are left out",
                        card.id,
                        p.calls.len(),
                        front.len() + shown
                    ));
                }
            }
            let alternates: Vec<(&Entry, &Entry)> = p
                .calls
                .iter()
                .zip(&p.alternates)
                .flat_map(|(who, alts)| alts.iter().map(move |a| (who, a)))
                .collect();
            if p.calls.is_empty() {
                back_lines.push_str(&format!(
                    "<p class=\"card-note\">When you are called: confirm you have the message, do \
                     what it asks, and report back{}.</p>",
                    p.report_to
                        .as_ref()
                        .map(|r| format!(" to {}", escape(&r.name)))
                        .unwrap_or_default()
                ));
            } else if budget > 2 {
                back_lines.push_str(&heading("No answer? Call their alternate"));
                budget -= 1;
                if alternates.is_empty() {
                    back_lines.push_str(
                        "<p class=\"card-note\">Leave a message, go on down your list, and say \
                         who did not answer when you report back.</p>",
                    );
                } else {
                    let mut items = String::new();
                    for (who, alt) in alternates.iter().take(budget) {
                        items.push_str(&format!(
                            "<li><span class=\"n\">{} <span class=\"for\">for {}</span></span>{}</li>",
                            escape(&alt.name),
                            escape(&who.name),
                            alt.number.as_deref().map(tel_link).unwrap_or_default()
                        ));
                    }
                    back_lines.push_str(&format!("<ul class=\"card-list\">{items}</ul>"));
                }
            }
        }
    }
    let front = format!(
        "<div class=\"card card-front\" data-card=\"{id}\"{anchor}>{head}\
         <div class=\"card-title\">{title}</div>\
         <div class=\"card-body\"><div class=\"card-text\">{hotline_block}{front_lines}</div>{qr_block}</div>\
         {foot}</div>",
        anchor = if card.personal.is_none() {
            format!(" id=\"card-{id}\"")
        } else {
            String::new()
        },
        title = escape(&title),
    );
    let back = format!(
        "<div class=\"card card-back\" data-card=\"{id}\">{head}\
         <div class=\"card-title\">{title}</div>\
         <div class=\"card-body\"><div class=\"card-text\">{back_lines}</div>{qr_block}</div>\
         {foot}</div>",
        title = escape(&title),
    );
    Faces { front, back }
}

fn tel_link(number: &str) -> String {
    format!(
        "<a class=\"tel\" href=\"{}\">{}</a>",
        escape(&tel_uri(number)),
        escape(number)
    )
}

fn heading(text: &str) -> String {
    format!("<p class=\"card-label\">{}</p>", escape(text))
}

fn entry_line(e: &Entry) -> String {
    format!(
        "<li><span class=\"n\">{}</span>{}</li>",
        escape(&e.name),
        e.number
            .as_deref()
            .map(tel_link)
            .unwrap_or_else(|| "<span class=\"no-number\">no number</span>".into())
    )
}

fn list(entries: &[Entry]) -> String {
    let items: String = entries.iter().map(entry_line).collect();
    if items.is_empty() {
        String::new()
    } else {
        format!("<ul class=\"card-list\">{items}</ul>")
    }
}

/// A list in calling order, numbered from `start` (the numbers are text, so that
/// each line keeps the name and number aligned as the other lists do).
fn numbered(entries: &[Entry], start: usize) -> String {
    let items: String = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            entry_line(&Entry {
                name: format!("{}. {}", start + i, e.name),
                ..e.clone()
            })
        })
        .collect();
    if items.is_empty() {
        String::new()
    } else {
        format!("<ul class=\"card-list\">{items}</ul>")
    }
}
