//! How wide text is, worked out at build time: the advance widths of DejaVu Sans
//! (the cards' first font and the print stylesheet's, and wider than the fonts
//! readers fall back to, so text drawn in another font only has more room);
//! characters outside its table count as wide. The wallet cards, the charts and the
//! print layout of tables measure with it.

mod widths;

/// The width of `text` in em.
pub fn em(text: &str, bold: bool) -> f64 {
    f64::from(text.chars().map(|c| units(c, bold)).sum::<u32>()) / 1000.0
}

/// The width of one character in em.
pub fn char_em(c: char, bold: bool) -> f64 {
    f64::from(units(c, bold)) / 1000.0
}

/// The width of one character in thousandths of an em.
fn units(c: char, bold: bool) -> u32 {
    let table = if bold {
        &widths::BOLD
    } else {
        &widths::REGULAR
    };
    let cp = u32::from(c);
    match cp {
        0x20..0x250 => u32::from(table[(cp - 0x20) as usize]),
        // Combining marks sit on the letter before them.
        0x300..0x370 => 0,
        _ if wide(c) => 1000,
        _ => 800,
    }
}

/// East Asian wide and full-width characters: one em each, and a line may break
/// before and after each.
pub fn wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..0x1200
        | 0x2E80..0xA4D0
        | 0xAC00..0xD7A4
        | 0xF900..0xFB00
        | 0xFE30..0xFE50
        | 0xFF00..0xFF61
        | 0xFFE0..0xFFE7
        | 0x20000..)
}

/// The lines `text` takes in a box `width` wide, wrapped at spaces (and inside a
/// word longer than the box, as `overflow-wrap: anywhere` does), where `measure`
/// says how wide a piece of text is: the text of each.
pub fn wrap(text: &str, width: f64, measure: impl Fn(&str) -> f64) -> Vec<String> {
    let space = measure(" ");
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0.0;
    for word in text.split_whitespace() {
        let w = measure(word);
        if !line.is_empty() && used + space + w <= width {
            line.push(' ');
            line.push_str(word);
            used += space + w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if w <= width {
            line.push_str(word);
            used = w;
            continue;
        }
        // A word wider than the box breaks where it must.
        used = 0.0;
        for c in word.chars() {
            let cw = measure(c.encode_utf8(&mut [0; 4]));
            if used + cw > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
            }
            line.push(c);
            used += cw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}
