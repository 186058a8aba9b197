//! How much room text takes on a wallet card, worked out at build time so that the
//! build knows what fits, shrinks what must, moves what cannot fit to the back or a
//! card that continues, and says so. Widths are those of DejaVu Sans (the cards'
//! first font, and wider than the fonts they fall back to, so a card drawn in another
//! font only has more room); characters outside its table count as wide.

use crate::render::measure::em;

/// Millimetres per typographic point.
pub const MM_PER_PT: f64 = 25.4 / 72.0;
/// The cards' line height, as the stylesheet sets it.
pub const LINE: f64 = 1.25;

/// The width of `text` in mm at `pt` points; `caps` for text the stylesheet writes
/// in capitals.
pub fn width_mm(text: &str, pt: f64, bold: bool, caps: bool) -> f64 {
    let w = if caps {
        em(&text.to_uppercase(), bold)
    } else {
        em(text, bold)
    };
    w * pt * MM_PER_PT * 1.02
}

/// The lines `text` takes in a box `width` mm wide, wrapped at spaces (and inside a
/// word longer than the box, as `overflow-wrap: anywhere` does): the text of each.
pub fn wrap(text: &str, width: f64, pt: f64, bold: bool) -> Vec<String> {
    crate::render::measure::wrap(text, width, |s| width_mm(s, pt, bold, false))
}

/// The lines of a label (`.card-label`), which the stylesheet writes in capitals
/// and spaces by 0.02 em a letter.
pub fn wrap_label(text: &str, width: f64, pt: f64) -> Vec<String> {
    crate::render::measure::wrap(text, width, |s| {
        width_mm(s, pt, false, true) + 0.02 * s.chars().count() as f64 * pt * MM_PER_PT
    })
}

/// The height in mm of `lines` lines at `pt` points.
pub fn height(lines: usize, pt: f64) -> f64 {
    lines as f64 * pt * LINE * MM_PER_PT
}

/// The largest size from `max` down to `min` (in quarter points) at which `text`
/// fits `width` on one line, if any.
pub fn one_line_size(text: &str, width: f64, max: f64, min: f64, bold: bool) -> Option<f64> {
    let mut pt = max;
    while pt >= min - 1e-9 {
        if width_mm(text, pt, bold, false) <= width {
            return Some(pt);
        }
        pt -= 0.25;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_those_of_the_font() {
        // DejaVu Sans: digits are 0.636 em, "M" 0.863 em, a space 0.318 em.
        assert!((em("0123456789", false) - 6.36).abs() < 0.01);
        assert!((em("M", false) - 0.863).abs() < 0.001);
        assert!(em("Groß", true) > em("Groß", false));
        assert_eq!(em("王小明", false), 3.0);
    }

    #[test]
    fn a_label_is_measured_as_drawn_in_capitals() {
        // A label as wide as the box in small letters takes two lines in capitals.
        let label = "Sie rufen der Reihe nach an";
        let width = width_mm(label, 6.5, false, false) + 0.1;
        assert_eq!(wrap(label, width, 6.5, false).len(), 1);
        let lines = wrap_label(label, width, 6.5);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines.join(" "), label);
    }

    #[test]
    fn text_wraps_at_spaces_and_inside_long_words() {
        let lines = wrap("Prof. Dr. med. Jürgen Groß", 20.0, 7.0, false);
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.join(" "), "Prof. Dr. med. Jürgen Groß");
        let long = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerk";
        let lines = wrap(long, 20.0, 7.0, false);
        assert!(lines.len() >= 3);
        assert_eq!(lines.concat(), long);
        for l in &lines {
            assert!(width_mm(l, 7.0, false, false) <= 20.0 + 1.0);
        }
    }
}
