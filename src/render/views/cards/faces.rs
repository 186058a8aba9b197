//! The faces of a card laid out at build time, in the font's widths: text shrinks
//! (not below 6 pt) or wraps; what cannot fit goes to the back, or to a card that
//! continues; what is still left is left out with a warning naming the field.
//!
//! Longer than most files: one layout, whose steps (measure, shrink, wrap, move to
//! the back, continue, leave out) depend on each other; split, they would pass a
//! dozen values back and forth.

use super::*;

/// The card's padding, and the room inside it.
const PAD: f64 = 3.0;
const INNER_W: f64 = CARD_W - 2.0 * PAD;
const INNER_H: f64 = CARD_H - 2.0 * PAD;
/// Between the text and the QR code.
const GAP: f64 = 1.5;
/// Sizes in points: body text, labels, the hotline's number, the title; nothing is
/// set smaller than `MIN_PT`.
const BODY_PT: f64 = 7.0;
const LABEL_PT: f64 = 6.5;
const HOTLINE_PT: f64 = 10.0;
const TITLE_PT: f64 = 9.0;
const MIN_PT: f64 = 6.0;
/// A label's margin above it, in mm (the stylesheet's `.card-label`).
const LABEL_MARGIN: f64 = 0.4;
/// A card's text may run on over this many cards; what is left then is left out.
const MAX_CARDS: usize = 3;
/// Room kept free on each face for rounding between this model and the browser.
const SLACK: f64 = 0.6;

/// One piece of a face's text column: its HTML and height. Pieces of a group (the
/// people you call) are headed by the group's label where the group starts, and by
/// its "continued" label on the next face.
struct Piece {
    html: String,
    height: f64,
    group: Option<usize>,
    /// What the reader would miss if it were left out, for the build's warning.
    field: &'static str,
}

struct Group {
    label: String,
    continued: String,
}

/// The height of a label `width` mm wide, with its margin.
fn label_height(text: &str, width: f64) -> f64 {
    card_text::height(card_text::wrap_label(text, width, LABEL_PT).len(), LABEL_PT) + LABEL_MARGIN
}

/// Text as lines of its own at the largest size from `max` down to [`MIN_PT`] that
/// keeps it within `room` mm of height (or at `MIN_PT`): one piece a line.
fn paragraph(
    text: &str,
    class: &str,
    width: f64,
    max: f64,
    room: f64,
    bold: bool,
    field: &'static str,
) -> Vec<Piece> {
    let mut pt = max;
    let mut lines = card_text::wrap(text, width, pt, bold);
    while pt > MIN_PT && card_text::height(lines.len(), pt) > room {
        pt = (pt - 0.25).max(MIN_PT);
        lines = card_text::wrap(text, width, pt, bold);
    }
    lines
        .into_iter()
        .map(|line| Piece {
            html: format!(
                "<p class=\"{class}\" style=\"font-size:{pt}pt\">{}</p>",
                escape(&line)
            ),
            height: card_text::height(1, pt),
            group: None,
            field,
        })
        .collect()
}

/// A name with its number: on one line at the largest size down to 6.5 pt that fits,
/// else the name wraps and the number goes below it.
fn entry_piece(name: &str, number: Option<&str>, width: f64, group: usize, none: &str) -> Piece {
    let (tel, tel_text) = match number {
        Some(n) => (tel_link(n), n.to_string()),
        None => (
            format!("<span class=\"no-number\">{}</span>", escape(none)),
            none.to_string(),
        ),
    };
    let name_w = |pt| card_text::width_mm(name, pt, false, false);
    let tel_w = |pt| card_text::width_mm(&tel_text, pt, true, false);
    let mut pt = BODY_PT;
    let mut lines = None;
    while pt >= 6.5 {
        if name_w(pt) + 1.0 + tel_w(pt) <= width {
            lines = Some(1);
            break;
        }
        pt -= 0.25;
    }
    let lines = lines.unwrap_or_else(|| {
        pt = BODY_PT;
        card_text::wrap(name, width, pt, false).len()
            + card_text::wrap(&tel_text, width, pt, true).len()
    });
    Piece {
        html: format!(
            "<div class=\"card-entry\"{}><span class=\"n\">{}</span>{tel}</div>",
            if pt < BODY_PT {
                format!(" style=\"font-size:{pt}pt\"")
            } else {
                String::new()
            },
            escape(name)
        ),
        height: card_text::height(lines, pt),
        group: Some(group),
        field: "a contact",
    }
}

/// The faces' shared parts: head, title and foot, each drawn to fit the card's
/// width (shrunk, then wrapped; never cut), with their heights.
struct Frame {
    head: String,
    title: String,
    foot: String,
    /// Heights of the head, and of the title and foot together.
    head_h: f64,
    title_foot_h: f64,
}

/// `compact`: the head and title at the smallest size, for a card whose QR code
/// needs the room.
fn frame(
    organization: &str,
    classification: Option<&str>,
    (title, part): (&str, &str),
    foot: Foot,
    compact: bool,
    width: f64,
) -> Frame {
    let org_pt = if compact { MIN_PT } else { LABEL_PT };
    let (title_max, title_min) = if compact {
        (BODY_PT, MIN_PT)
    } else {
        (TITLE_PT, BODY_PT)
    };
    // Head: organization and classification on one line if they fit at 6 pt or more,
    // else each on lines of its own.
    const CLASS_BOX: f64 = 2.6;
    let class_w = |pt| {
        classification.map_or(0.0, |c| {
            card_text::width_mm(c, pt, true, false) + CLASS_BOX + 2.0
        })
    };
    let mut pt = BODY_PT;
    let mut one_line = false;
    while pt >= MIN_PT {
        if card_text::width_mm(organization, pt, true, false) + class_w(pt.min(LABEL_PT)) <= INNER_W
        {
            one_line = true;
            break;
        }
        pt -= 0.25;
    }
    let (head, head_h) = if one_line {
        let cpt = pt.min(LABEL_PT);
        (
            format!(
                "<div class=\"card-head\" style=\"font-size:{pt}pt\"><span class=\"card-org\">{}</span>{}</div>",
                escape(organization),
                classification
                    .map(|c| format!(
                        "<span class=\"card-class\" style=\"font-size:{cpt}pt\">{}</span>",
                        escape(c)
                    ))
                    .unwrap_or_default()
            ),
            card_text::height(1, pt),
        )
    } else {
        let org = card_text::wrap(organization, INNER_W, org_pt, true).len();
        let class = classification.map_or(0, |c| {
            card_text::wrap(c, INNER_W - CLASS_BOX, MIN_PT, true).len()
        });
        (
            format!(
                "<div class=\"card-head stacked\"><span class=\"card-org\" style=\"font-size:{org_pt}pt\">{}</span>{}</div>",
                escape(organization),
                classification
                    .map(|c| format!(
                        "<span class=\"card-class\" style=\"font-size:{MIN_PT}pt\">{}</span>",
                        escape(c)
                    ))
                    .unwrap_or_default()
            ),
            card_text::height(org, org_pt) + card_text::height(class, MIN_PT) + 0.5,
        )
    };
    // Title: one line from 9 pt down to 7 pt, else wrapped at 7 pt; measured with
    // the "(1/2)" a card that continues adds to it (`part`).
    let measured = format!("{title}{part}");
    let (tpt, tlines) = match card_text::one_line_size(&measured, width, title_max, title_min, true)
    {
        Some(pt) => (pt, 1),
        None => (
            title_min,
            card_text::wrap(&measured, width, title_min, true).len(),
        ),
    };
    let title_html = format!(
        "<div class=\"card-title\" style=\"font-size:{tpt}pt\">{}</div>",
        escape(title)
    );
    // Title margins and rule: .3 + .8 + .3 mm.
    let title_h = card_text::height(tlines, tpt) + 1.4;
    // Foot: version, hotline label and number on one line if they fit at 6 pt or
    // more, else the version on a line and the label with the number below.
    // A hotline label too long for the foot's line gives way to the word "Hotline"
    // (the front names it in full).
    let mut foot = foot;
    let (version, number) = (foot.version.clone(), foot.number.clone());
    let parts_w = |pt, label: Option<&str>| {
        card_text::width_mm(&version, pt, false, false)
            + label.map_or(0.0, |l| card_text::width_mm(l, pt, false, false) + 2.0)
            + number
                .as_deref()
                .map_or(0.0, |n| card_text::width_mm(n, pt, true, false) + 2.0)
    };
    let mut pt = LABEL_PT;
    let mut fits = false;
    'sizes: for label in [
        foot.label.clone(),
        foot.label.as_ref().map(|_| foot.short_label.clone()),
    ] {
        pt = LABEL_PT;
        while pt >= MIN_PT {
            if parts_w(pt, label.as_deref()) <= width {
                fits = true;
                foot.label = label;
                break 'sizes;
            }
            pt -= 0.25;
        }
    }
    if !fits {
        // On two lines: the version, then the label and number, the label shortened
        // to "Hotline" when the two do not fit one line.
        let num_w = number
            .as_deref()
            .map_or(0.0, |n| card_text::width_mm(n, MIN_PT, true, false) + 2.0);
        if foot
            .label
            .as_deref()
            .is_some_and(|l| card_text::width_mm(l, MIN_PT, false, false) + num_w > width)
        {
            foot.label = Some(foot.short_label.clone());
        }
    }
    let number = foot.number.as_deref().map(tel_link).unwrap_or_default();
    let label = foot
        .label
        .as_deref()
        .map(|l| format!("<span class=\"foot-label\">{}</span>", escape(l)))
        .unwrap_or_default();
    let (foot_html, foot_h) = if fits {
        (
            format!(
                "<div class=\"card-foot\" style=\"font-size:{pt}pt\"><span class=\"foot-version\">{}</span>{label}{number}</div>",
                escape(&foot.version)
            ),
            card_text::height(1, pt),
        )
    } else {
        let v = card_text::wrap(&foot.version, width, MIN_PT, false).len();
        let l = foot.label.as_deref().map_or(0, |l| {
            let w = width
                - foot
                    .number
                    .as_deref()
                    .map_or(0.0, |n| card_text::width_mm(n, MIN_PT, true, false) + 2.0);
            card_text::wrap(l, w.max(width / 2.0), MIN_PT, false).len()
        });
        (
            format!(
                "<div class=\"card-foot stacked\" style=\"font-size:{MIN_PT}pt\"><span class=\"foot-version\">{}</span><span class=\"foot-call\">{label}{number}</span></div>",
                escape(&foot.version)
            ),
            card_text::height(v + l.max(1), MIN_PT),
        )
    };
    Frame {
        head,
        title: title_html,
        foot: foot_html,
        // The foot's rule and padding: .2 + .3 mm.
        head_h,
        title_foot_h: title_h + foot_h + 0.5,
    }
}

#[derive(Clone)]
struct Foot {
    version: String,
    label: Option<String>,
    number: Option<String>,
    /// The word the label gives way to when it is too long ("Hotline").
    short_label: String,
}

/// A card's faces: front and back, then the faces of the cards that continue it when
/// its text does not fit on one (each says "2/2"). `qr` is the code's SVG (drawn once
/// for every card that carries the same payload); `notes` gets what was moved to
/// another card or left out, naming the card and the field.
pub fn faces(c: &Ctx, card: &Card, qr: Option<&str>, notes: &mut Vec<String>) -> Vec<Faces> {
    let mut first = Vec::new();
    let faces = laid_out(c, card, qr, &mut first, "");
    if faces.len() < 2 {
        notes.extend(first);
        return faces;
    }
    // A card that continues says so in its title ("(1/2)"), which may take another
    // line: laid out again with room for it (digits are all as wide).
    laid_out(c, card, qr, notes, " (3/3)")
}

/// [`faces`], the title measured with `part` after it.
fn laid_out(
    c: &Ctx,
    card: &Card,
    qr: Option<&str>,
    notes: &mut Vec<String>,
    part: &str,
) -> Vec<Faces> {
    let plan = c.plan;
    let info = &plan.settings.info;
    let hotline = plan.settings.hotline.as_ref();
    let hotline_word = c.t("hotline");
    let none = c.t("no-number");
    let hot_label = hotline
        .and_then(|h| h.label.as_ref())
        .map_or(hotline_word.as_str(), |l| l.value.as_str());
    let hot_number = hotline.and_then(|h| h.phone.as_ref().or(h.alt_phone.as_ref()));
    // A head, title or foot field longer than a few lines even at 6 pt beside the
    // QR code is left out of the card (not cut), and the build says so.
    let narrow = INNER_W - card.qr.as_ref().map_or(0.0, |p| p.side_mm) - GAP;
    let mut keep = |text: &str, lines: usize, bold: bool, field: &str| -> bool {
        let ok = card_text::wrap(text, narrow, MIN_PT, bold).len() <= lines;
        if !ok {
            notes.push(format!(
                "warning: card {}: {field} is left out: it is too long for a card ({} characters)",
                card.id,
                text.chars().count()
            ));
        }
        ok
    };
    let version = c.catalog.format(
        "card-plan-version",
        &[("version", info.version.value.as_str().into())],
    );
    let version = if keep(&version, 2, false, "the plan version") {
        version
    } else {
        String::new()
    };
    let label = hot_number
        .map(|_| hot_label.to_string())
        .filter(|l| keep(l, 3, false, "the hotline's label"));
    let number = hot_number
        .map(|n| n.value.clone())
        .filter(|n| keep(n, 2, true, "the hotline's number"));
    let organization = Some(info.organization.value.as_str())
        .filter(|o| keep(o, 3, true, "the organization"))
        .unwrap_or_default();
    let classification = info
        .classification
        .as_ref()
        .map(|c| c.as_str())
        .filter(|c| keep(c, 3, true, "the classification"));
    let title = Some(card.title.as_str())
        .filter(|t| keep(t, 3, true, "the title"))
        .unwrap_or_default();
    let foot = Foot {
        version,
        label,
        number,
        short_label: hotline_word.clone(),
    };
    let mut frame = frame(
        organization,
        classification,
        (title, part),
        foot.clone(),
        false,
        INNER_W,
    );
    // The QR code keeps its size (its modules must stay readable). Where the head,
    // title and foot leave too little room under it, the title and foot move into
    // the text column beside the code ("tight"), which then runs from the head to
    // the card's bottom.
    let qr_side = card
        .qr
        .as_ref()
        .filter(|_| qr.is_some())
        .map_or(0.0, |p| p.side_mm);
    let mut tight = false;
    if INNER_H - frame.head_h - frame.title_foot_h - SLACK < qr_side {
        tight = true;
        frame = self::frame(
            organization,
            classification,
            (title, part),
            foot,
            true,
            INNER_W - qr_side - GAP,
        );
        if INNER_H - frame.head_h - SLACK < qr_side {
            notes.push(format!(
                "warning: card {}: the organization and classification leave too little room for its {qr_side} mm QR code, which reaches into the card's edge: shorten them",
                card.id
            ));
        }
    }
    let body_h = INNER_H - frame.head_h - SLACK - if tight { 0.0 } else { frame.title_foot_h };
    // The room for the text: in a tight card, what the title and foot leave.
    let text_h = body_h - if tight { frame.title_foot_h } else { 0.0 };
    // The QR code beside the text, its caption wrapped under it; without room for
    // the caption, the code alone.
    let (qr_block, text_w) = match (qr, &card.qr) {
        (Some(svg), Some(p)) => {
            let caption = c.catalog.format(
                "card-scan",
                &[(
                    "what",
                    p.caption_id
                        .map_or_else(|| p.caption.clone(), |id| c.t(id))
                        .into(),
                )],
            );
            let lines = card_text::wrap(&caption, p.side_mm, LABEL_PT, false).len();
            let with_caption = p.side_mm + card_text::height(lines, LABEL_PT) <= body_h;
            if !with_caption {
                notes.push(format!(
                    "warning: card {}: the caption under the QR code (\"{caption}\") is left out: the card has no room for it",
                    card.id
                ));
            }
            (
                format!(
                    "<figure class=\"card-qr\" style=\"width:{}mm\">{svg}{}</figure>",
                    p.side_mm,
                    if with_caption {
                        format!("<figcaption>{}</figcaption>", escape(&caption))
                    } else {
                        String::new()
                    }
                ),
                INNER_W - p.side_mm - GAP,
            )
        }
        _ => (String::new(), INNER_W),
    };
    let mut groups = Vec::new();
    let mut group = |label: &str, continued: &str| {
        groups.push(Group {
            label: label.to_string(),
            continued: continued.to_string(),
        });
        groups.len() - 1
    };
    let hotline_piece = hot_number.map(|n| Piece {
        html: format!(
            "<div class=\"card-hotline\"><span class=\"card-label\">{}</span>{}</div>",
            escape(hot_label),
            tel_link(&n.value)
        ),
        height: card_text::height(
            card_text::wrap_label(hot_label, text_w, LABEL_PT).len(),
            LABEL_PT,
        ) + card_text::height(1, HOTLINE_PT)
            + 0.6,
        group: None,
        field: "the hotline",
    });
    let label_piece = |text: &str, field| Piece {
        html: heading(text),
        height: label_height(text, text_w),
        group: None,
        field,
    };
    // The front's pieces, then the back's: what does not fit on the front goes to
    // the back, what does not fit there to the next card.
    // A personal card has the hotline in its foot: its front is for the cascade.
    let mut front: Vec<Piece> = if card.personal.is_none() {
        hotline_piece.into_iter().collect()
    } else {
        Vec::new()
    };
    let mut back: Vec<Piece> = Vec::new();
    match &card.personal {
        None => {
            let numbers = group("", &c.t("card-more-numbers"));
            for e in &card.contacts {
                front.push(entry_piece(
                    &e.name,
                    e.number.as_deref(),
                    text_w,
                    numbers,
                    &none,
                ));
            }
            if let Some(a) = &card.audience {
                back.extend(paragraph(
                    &c.catalog.format("card-for", &[("who", a.as_str().into())]),
                    "card-audience",
                    text_w,
                    BODY_PT,
                    text_h / 3.0,
                    true,
                    "its audience",
                ));
            }
            if let Some(b) = &card.back {
                back.extend(paragraph(
                    b,
                    "card-note",
                    text_w,
                    BODY_PT,
                    text_h,
                    false,
                    "its back text",
                ));
            }
        }
        Some(p) => {
            front.push(Piece {
                html: format!("<p class=\"card-holder\">{}</p>", escape(&p.holder.name)),
                height: card_text::height(
                    card_text::wrap(&p.holder.name, text_w, BODY_PT, true).len(),
                    BODY_PT,
                ),
                group: None,
                field: "the holder's name",
            });
            match &p.called_by {
                Some(by) => {
                    let g = group(&c.t("card-called-by"), &c.t("card-called-by"));
                    front.push(entry_piece(
                        &by.name,
                        by.number.as_deref(),
                        text_w,
                        g,
                        &none,
                    ));
                }
                None => front.push(label_piece(&c.t("card-you-start"), "who calls you")),
            }
            let calls = group(&c.t("card-you-call"), &c.t("card-you-call-more"));
            for (i, e) in p.calls.iter().enumerate() {
                front.push(entry_piece(
                    &format!("{}. {}", i + 1, e.name),
                    e.number.as_deref(),
                    text_w,
                    calls,
                    &none,
                ));
            }
            match &p.report_to {
                Some(to) => {
                    let g = group(&c.t("card-report-back"), &c.t("card-report-back"));
                    front.push(entry_piece(
                        &to.name,
                        to.number.as_deref(),
                        text_w,
                        g,
                        &none,
                    ));
                }
                None => front.push(label_piece(
                    &c.t("card-everyone-reports"),
                    "whom to report to",
                )),
            }
            if p.calls.is_empty() {
                back.extend(paragraph(
                    &match &p.report_to {
                        Some(r) => c
                            .catalog
                            .format("card-when-called-to", &[("who", r.name.as_str().into())]),
                        None => c.t("card-when-called"),
                    },
                    "card-note",
                    text_w,
                    BODY_PT,
                    text_h,
                    false,
                    "what to do when called",
                ));
            } else {
                let alts = group(
                    &c.t("card-no-answer-alternate"),
                    &c.t("card-alternates-more"),
                );
                let mut any = false;
                for (who, list) in p.calls.iter().zip(&p.alternates) {
                    for a in list {
                        any = true;
                        back.push(entry_piece(
                            &c.catalog.format(
                                "card-alternate-for",
                                &[
                                    ("alternate", a.name.as_str().into()),
                                    ("who", who.name.as_str().into()),
                                ],
                            ),
                            a.number.as_deref(),
                            text_w,
                            alts,
                            &none,
                        ));
                    }
                }
                if !any {
                    back.push(label_piece(
                        &c.t("card-no-answer"),
                        "what to do without an answer",
                    ));
                    back.extend(paragraph(
                        &c.t("card-no-answer-text"),
                        "card-note",
                        text_w,
                        BODY_PT,
                        text_h / 2.0,
                        false,
                        "what to do without an answer",
                    ));
                }
            }
        }
    }
    // A piece taller than a whole face (a name of hundreds of characters) is left out.
    let tallest_label = (groups.iter())
        .flat_map(|g| [&g.label, &g.continued])
        .map(|l| label_height(l, text_w))
        .fold(0.0, f64::max);
    for pieces in [&mut front, &mut back] {
        pieces.retain(|p| {
            let fits = p.height + tallest_label <= text_h;
            if !fits {
                notes.push(format!(
                    "warning: card {}: {} is left out: it is too long for a card",
                    card.id, p.field
                ));
            }
            fits
        });
    }
    // Place the pieces: the front's on the front, the rest with the back's.
    let mut queue: std::collections::VecDeque<Piece> = front.into_iter().collect();
    let mut started = vec![false; groups.len()];
    let mut columns = vec![fill(&mut queue, &groups, &mut started, text_h, text_w)];
    queue.extend(back);
    while !queue.is_empty() && columns.len() < MAX_CARDS * 2 {
        columns.push(fill(&mut queue, &groups, &mut started, text_h, text_w));
    }
    if columns.len() % 2 == 1 {
        columns.push(String::new());
    }
    let cards = columns.len() / 2;
    if cards > 1 {
        notes.push(format!(
            "warning: card {}: its text does not fit on one card and continues on {cards} cards",
            card.id
        ));
    }
    if !queue.is_empty() {
        let mut fields: Vec<&str> = queue.iter().map(|p| p.field).collect();
        fields.dedup();
        notes.push(format!(
            "warning: card {}: {} left out ({} lines): they do not fit on {MAX_CARDS} cards",
            card.id,
            fields.join(", "),
            queue.len()
        ));
    }
    let id = escape(&card.id);
    columns
        .chunks(2)
        .enumerate()
        .map(|(n, pair)| {
            let part = if cards > 1 {
                format!(" data-part=\"{}\"", n + 1)
            } else {
                String::new()
            };
            let title = if cards > 1 {
                frame.title.replacen("</div>", &format!(" ({}/{cards})</div>", n + 1), 1)
            } else {
                frame.title.clone()
            };
            let face = |side: &str, text: &str, anchor: &str| {
                if tight {
                    format!(
                        "<div class=\"card card-{side} tight\" data-card=\"{id}\"{part}{anchor}>{}\
                         <div class=\"card-body\"><div class=\"card-text\">{title}<div class=\"card-lines\">{text}</div>{}</div>{qr_block}</div></div>",
                        frame.head, frame.foot
                    )
                } else {
                    format!(
                        "<div class=\"card card-{side}\" data-card=\"{id}\"{part}{anchor}>{}{title}\
                         <div class=\"card-body\"><div class=\"card-text\">{text}</div>{qr_block}</div>{}</div>",
                        frame.head, frame.foot
                    )
                }
            };
            let anchor = if card.personal.is_none() && n == 0 {
                format!(" id=\"card-{id}\"")
            } else {
                String::new()
            };
            Faces {
                front: face("front", &pair[0], &anchor),
                back: face("back", pair.get(1).map_or("", String::as_str), ""),
            }
        })
        .collect()
}

/// The pieces from the front of `queue` that fit in `room` mm (a column `width` mm
/// wide), as one column's HTML. A group's label comes with its first piece on the
/// face (never alone at the bottom); on a face after the one where the group
/// started, its "continued" label.
fn fill(
    queue: &mut std::collections::VecDeque<Piece>,
    groups: &[Group],
    started: &mut [bool],
    room: f64,
    width: f64,
) -> String {
    let mut html = String::new();
    let mut used = 0.0;
    let mut current = None;
    while let Some(piece) = queue.front() {
        let label = piece.group.filter(|g| current != Some(*g)).map(|g| {
            let text = if started[g] {
                &groups[g].continued
            } else {
                &groups[g].label
            };
            (g, text.clone())
        });
        let label_h = label
            .as_ref()
            .filter(|(_, t)| !t.is_empty())
            .map_or(0.0, |(_, t)| label_height(t, width));
        if used + label_h + piece.height > room {
            break;
        }
        if let Some((g, text)) = label {
            if !text.is_empty() {
                html.push_str(&heading(&text));
            }
            started[g] = true;
            current = Some(g);
        } else if piece.group.is_none() {
            current = None;
        }
        used += label_h + piece.height;
        if let Some(p) = queue.pop_front() {
            html.push_str(&p.html);
        }
    }
    html
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
