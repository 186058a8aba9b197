//! QR codes: the payload in byte mode (with an ECI 26 designator, UTF-8, when it is
//! not ASCII), error correction M, drawn as inline SVG.
//!
//! The bit stream is built here rather than by the `qrcode` crate's automatic
//! segmentation, which puts UTF-8 bytes into Kanji segments that ZXing-based phone
//! readers show as mojibake.

use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, QrCode, Version};

/// ECI designator of UTF-8.
pub const ECI_UTF8: u32 = 26;

/// A payload encoded: its modules, `width` a side, dark first.
pub struct Qr {
    pub width: usize,
    dark: Vec<bool>,
}

/// The bit stream of `payload` at `version`: ECI 26 when not ASCII, then one byte
/// segment, then the terminator and padding of level M. Fails when it does not fit.
pub fn bits(payload: &[u8], version: i16) -> Option<Bits> {
    let mut bits = Bits::new(Version::Normal(version));
    if !payload.is_ascii() {
        bits.push_eci_designator(ECI_UTF8).ok()?;
    }
    bits.push_byte_data(payload).ok()?;
    bits.push_terminator(EcLevel::M).ok()?;
    Some(bits)
}

/// The smallest version (1 to `max_version`) that holds `payload`, encoded.
pub fn encode(payload: &str, max_version: i16) -> Option<Qr> {
    let bytes = payload.as_bytes();
    let version = (1..=max_version.min(40)).find(|&v| bits(bytes, v).is_some())?;
    let code = QrCode::with_bits(bits(bytes, version)?, EcLevel::M).ok()?;
    Some(Qr {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
    })
}

/// The largest version whose modules, with the 4-module quiet zone on each side,
/// are at least `module_mm` wide in a square of `side_mm`.
pub fn max_version(side_mm: f64, module_mm: f64) -> i16 {
    let modules = (side_mm / module_mm).floor() as i64 - 8;
    ((modules - 17) / 4).clamp(1, 40) as i16
}

/// Quiet zone, in modules, on each side.
pub const QUIET: usize = 4;

impl Qr {
    /// Whether the module at column `x`, row `y` is dark (outside the code: light).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// Modules a side with the quiet zone.
    pub fn side(&self) -> usize {
        self.width + 2 * QUIET
    }

    /// The code as an SVG path to stroke one unit wide: each row of modules a line
    /// through its middle, `M x y.5` to its first run of dark modules, `h n` along
    /// it, `m gap 0` to the next; a coordinate system of one unit a module, quiet
    /// zone included. About half the bytes of a rectangle a run, which counts when
    /// thousands of cards carry a code.
    pub fn path(&self) -> String {
        let mut d = String::with_capacity(self.width * self.width / 2);
        for y in 0..self.width {
            // Where the pen is on this row, once it is on it.
            let mut pen: Option<usize> = None;
            let mut x = 0;
            while x < self.width {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.is_dark(x, y) {
                    x += 1;
                }
                match pen {
                    None => d.push_str(&format!("M{} {}.5", start + QUIET, y + QUIET)),
                    Some(p) => d.push_str(&format!("m{} 0", start - p)),
                }
                d.push_str(&format!("h{}", x - start));
                pen = Some(x);
            }
        }
        d
    }

    /// Inline SVG: `class="qr"`, a `viewBox` with the quiet zone, crisp edges, a white
    /// ground (a dark page or print setting must not swallow the quiet zone), and
    /// the payload in `data-payload` (escaped here; line ends as character
    /// references, since an HTML parser turns a raw CR LF in an attribute into LF).
    pub fn svg(&self, payload: &str, label: &str) -> String {
        let side = self.side();
        let esc = crate::html::escape;
        format!(
            "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
             shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"{}\" data-payload=\"{}\">\
             <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
             <path stroke=\"#000\" stroke-width=\"1\" d=\"{}\"/></svg>",
            esc(label),
            esc(payload).replace('\r', "&#13;").replace('\n', "&#10;"),
            self.path()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rasterizes the code (quiet zone included) at `scale` pixels a module and
    /// decodes it with `rqrr`, a decoder that shares no code with the encoder.
    fn decode(q: &Qr, scale: usize) -> Vec<u8> {
        let side = q.side() * scale;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            let (mx, my) = (x / scale, y / scale);
            let dark = mx >= QUIET && my >= QUIET && q.is_dark(mx - QUIET, my - QUIET);
            if dark { 0 } else { 255 }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one code found");
        let mut out = Vec::new();
        grids[0].decode_to(&mut out).expect("decodes");
        out
    }

    /// The first segments of the stream: (mode indicator, ECI value or byte count).
    fn segments(payload: &str) -> Vec<(u8, usize)> {
        let bytes = bits(payload.as_bytes(), 10).expect("fits").into_bytes();
        let bit = |i: usize| (bytes[i / 8] >> (7 - i % 8)) & 1;
        let take = |at: &mut usize, n: usize| {
            let mut v = 0usize;
            for _ in 0..n {
                v = v << 1 | bit(*at) as usize;
                *at += 1;
            }
            v
        };
        let mut at = 0;
        let mut out = Vec::new();
        loop {
            let mode = take(&mut at, 4) as u8;
            match mode {
                0b0111 => out.push((mode, take(&mut at, 8))),
                // Versions 10 and up count bytes in 16 bits.
                0b0100 => {
                    let n = take(&mut at, 16);
                    at += 8 * n;
                    out.push((mode, n));
                }
                _ => return out,
            }
        }
    }

    #[test]
    fn ascii_is_one_byte_segment_and_decodes() {
        let p = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ruiz;Ana;;;\r\nFN:Ana Ruiz\r\nTEL:+44 7700 900001\r\nEND:VCARD\r\n";
        assert_eq!(segments(p), vec![(0b0100, p.len())]);
        let q = encode(p, 40).expect("encodes");
        assert_eq!(decode(&q, 4), p.as_bytes());
    }

    #[test]
    fn beyond_ascii_gets_eci_26_and_a_byte_segment_never_kanji() {
        for p in ["Zoë Ångström", "José Núñez", "山田太郎", "Ünïcödé ✓"] {
            assert_eq!(segments(p), vec![(0b0111, 26), (0b0100, p.len())], "{p}");
            let q = encode(p, 40).expect("encodes");
            assert_eq!(String::from_utf8(decode(&q, 3)).expect("UTF-8"), p);
        }
    }

    #[test]
    fn the_smallest_version_that_fits_is_used_and_the_limit_holds() {
        assert_eq!(encode("x", 40).expect("fits").width, 21);
        // Version 1 at M holds 14 bytes.
        assert_eq!(encode(&"x".repeat(14), 40).expect("fits").width, 21);
        assert_eq!(encode(&"x".repeat(15), 40).expect("fits").width, 25);
        assert!(encode(&"x".repeat(15), 1).is_none());
        // 26 mm at 0.4 mm a module: 65 modules with the quiet zone, version 10.
        assert_eq!(max_version(26.0, 0.4), 10);
        assert_eq!(max_version(5.0, 0.4), 1);
    }

    #[test]
    fn the_svg_is_marked_and_escaped() {
        let q = encode("a\"<b>", 40).expect("fits");
        let svg = q.svg("a\"<b>", "QR code");
        assert!(svg.starts_with("<svg class=\"qr\""));
        assert!(svg.contains("viewBox=\"0 0 29 29\""));
        assert!(svg.contains("data-payload=\"a&quot;&lt;b&gt;\""));
        assert!(svg.contains("shape-rendering=\"crispEdges\""));
        let svg = q.svg("a\r\nb", "QR code");
        assert!(svg.contains("data-payload=\"a&#13;&#10;b\""), "{svg}");
    }
}
