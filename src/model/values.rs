//! Value types of the plan format: durations, dates, phone numbers and ids.

use std::fmt;

/// A length of time, kept in minutes. Written `"15m"`, `"4h"`, `"2d"`, `"1w"`, `"1d12h"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Duration {
    pub minutes: u64,
}

impl Duration {
    /// 100 years: longer durations are mistakes, and would overflow date arithmetic.
    pub const MAX_MINUTES: u64 = 100 * 366 * 24 * 60;

    pub fn parse(text: &str) -> Result<Duration, String> {
        let hint = "write a number and a unit, e.g. \"15m\", \"4h\", \"2d\", \"1w\" or \"1d12h\"";
        if text.is_empty() {
            return Err(format!("empty duration: {hint}"));
        }
        let mut minutes: u64 = 0;
        let mut number: Option<u64> = None;
        for c in text.chars() {
            if let Some(d) = c.to_digit(10) {
                let n = number.unwrap_or(0);
                number = Some(
                    n.checked_mul(10)
                        .and_then(|n| n.checked_add(u64::from(d)))
                        .ok_or_else(|| format!("duration \"{text}\" is too long"))?,
                );
                continue;
            }
            let unit = match c {
                'm' => 1,
                'h' => 60,
                'd' => 60 * 24,
                'w' => 60 * 24 * 7,
                _ => return Err(format!("\"{text}\" is not a duration: {hint}")),
            };
            let n = number
                .take()
                .ok_or_else(|| format!("\"{text}\" is not a duration: {hint}"))?;
            minutes = n
                .checked_mul(unit)
                .and_then(|m| m.checked_add(minutes))
                .ok_or_else(|| format!("duration \"{text}\" is too long"))?;
        }
        if number.is_some() {
            return Err(format!(
                "\"{text}\" is not a duration: the number has no unit; {hint}"
            ));
        }
        if minutes > Duration::MAX_MINUTES {
            return Err(format!("duration \"{text}\" is longer than 100 years"));
        }
        Ok(Duration { minutes })
    }

    pub fn days(self) -> i64 {
        i64::try_from(self.minutes / (60 * 24)).unwrap_or(i64::MAX)
    }
}

impl Duration {
    /// The parts of the [`fmt::Display`] form: (count, unit), the unit one of
    /// `w`, `d`, `h`, `m`.
    pub fn parts(self) -> Vec<(u64, char)> {
        const DAY: u64 = 60 * 24;
        const WEEK: u64 = 7 * DAY;
        if self.minutes == 0 {
            return vec![(0, 'm')];
        }
        if self.minutes.is_multiple_of(WEEK) {
            return vec![(self.minutes / WEEK, 'w')];
        }
        let mut out = Vec::new();
        let mut rest = self.minutes;
        for (unit, size) in [('d', DAY), ('h', 60), ('m', 1)] {
            if rest >= size {
                out.push((rest / size, unit));
                rest %= size;
            }
        }
        out
    }
}

impl fmt::Display for Duration {
    /// The shortest exact form that reads naturally: `45m`, `4h`, `1d12h`, `90d`, `2w`.
    /// Weeks are used only for whole weeks.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const DAY: u64 = 60 * 24;
        const WEEK: u64 = 7 * DAY;
        if self.minutes == 0 {
            return write!(f, "0m");
        }
        if self.minutes.is_multiple_of(WEEK) {
            return write!(f, "{}w", self.minutes / WEEK);
        }
        let mut rest = self.minutes;
        for (unit, size) in [("d", DAY), ("h", 60), ("m", 1)] {
            if rest >= size {
                write!(f, "{}{unit}", rest / size)?;
                rest %= size;
            }
        }
        Ok(())
    }
}

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Why `text` is not a date: its form, or the part of it that does not exist
    /// ("month 13", "February 30, 2026").
    pub fn why_not(text: &str) -> String {
        let parts: Vec<&str> = text.split('-').collect();
        let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match (parts.as_slice(), numbers.as_deref()) {
            ([y, m, d], Some(&[year, month, day]))
                if y.len() == 4 && m.len() == 2 && d.len() == 2 =>
            {
                if !(1..=12).contains(&month) {
                    format!(
                        "\"{text}\" is not a date: there is no month {month} (months are 01 to 12)"
                    )
                } else {
                    let name = MONTHS[month as usize - 1];
                    let days = (28..=31)
                        .rev()
                        .find(|&d| Date::new(year as i32, month as u8, d as u8).is_some())
                        .unwrap_or(28);
                    format!(
                        "\"{text}\" is not a date: {name} {day}, {year} does not exist ({name} {year} has {days} days)"
                    )
                }
            }
            _ => format!("\"{text}\" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-24"),
        }
    }

    /// `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        if !(y.bytes().chain(m.bytes()).chain(d.bytes())).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days(self.to_days().saturating_add(days))
    }

    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days(i64::try_from(secs / 86_400).unwrap_or(0))
    }
}

/// As written in plans: `"1d12h"`.
impl serde::Serialize for Duration {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Phone numbers: international format is `+` then 7 to 15 digits, with spaces,
/// dashes or dots between them.
pub fn phone_is_international(number: &str) -> bool {
    let Some(rest) = number.strip_prefix('+') else {
        return false;
    };
    let digits = rest.bytes().filter(u8::is_ascii_digit).count();
    rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .bytes()
            .all(|b| b.is_ascii_digit() || b" -.".contains(&b))
        && (7..=15).contains(&digits)
}

/// The number as a `tel:` URI: what a phone dials, see [`dialled`].
pub fn tel_uri(number: &str) -> String {
    format!("tel:{}", dialled(number))
}

/// Words that put an extension after a number (`ext. 22`, `x22`, `DW 22`), in the
/// languages of the plans lifeboat has met; compared in small letters, dots aside.
const EXTENSION_WORDS: [&str; 13] = [
    "x",
    "ext",
    "extn",
    "extension",
    "dw",
    "durchwahl",
    "app",
    "poste",
    "toestel",
    "tst",
    "anexo",
    "ramal",
    "interno",
];

/// What a phone dials for a number as written: `+` and digits. A trunk `(0)` after
/// the country code (`+44 (0)20 7946 0000`) is left out, since it is not dialled from
/// abroad and a phone that dials it reaches no one. An extension (`ext. 22`, `x22`,
/// `, 22`) follows a pause (`,`), which iOS and Android dial after the call connects;
/// RFC 3966's `;ext=` is dialled by Android as letters. Other words (`(24h)`,
/// `mobile`) are not dialled.
pub fn dialled(number: &str) -> String {
    // Words before it (`Tel. +44 ...`) are not dialled either.
    let number = &number[number
        .find(|c: char| c.is_ascii_digit() || c == '+')
        .unwrap_or(number.len())..];
    let end = number
        .find(|c: char| c.is_alphabetic() || c == ',' || c == ';')
        .unwrap_or(number.len());
    let (mut main, rest) = number.split_at(end);
    // `+44 20 7946 0000 (24h)`: a bracket left open before a word is the word's.
    if let Some(open) = main.rfind('(').filter(|&o| !main[o..].contains(')')) {
        main = &main[..open];
    }
    let compact: String = main.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = match compact.strip_prefix('+') {
        Some(national) => format!("+{}", national.replacen("(0)", "", 1)),
        None => compact,
    };
    let mut out: String = compact
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    if let Some(ext) = extension(rest) {
        out.push(',');
        out.push_str(&ext);
    }
    out
}

/// The digits of an extension that `rest` (what follows a number's last digit
/// before a letter, `,` or `;`) gives, if it gives one.
fn extension(rest: &str) -> Option<String> {
    let rest = rest.trim_start();
    let after = match rest.strip_prefix([',', ';']) {
        Some(after) => after,
        None => {
            let word_end = rest
                .find(|c: char| !(c.is_alphabetic() || c == '.'))
                .unwrap_or(rest.len());
            let word = rest[..word_end].replace('.', "").to_lowercase();
            if !EXTENSION_WORDS.contains(&word.as_str()) {
                return None;
            }
            &rest[word_end..]
        }
    };
    let after = after.trim_start_matches([' ', ':', '.', ',', '-']);
    let digits: String = after
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ' ' || *c == '-')
        .filter(char::is_ascii_digit)
        .collect();
    (!digits.is_empty()).then_some(digits)
}

/// Ids use `a-z 0-9 - _ .`.
pub fn id_is_valid(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
}

/// Why an id (valid as such) cannot name a page on every USB stick: the site's
/// `<id>.html` must be a file name on FAT and NTFS too.
pub fn id_file_name_problem(id: &str) -> Option<&'static str> {
    const MAX: usize = 100;
    let base = id.split('.').next().unwrap_or(id);
    let reserved = matches!(base, "con" | "prn" | "aux" | "nul")
        || (base.len() == 4
            && (base.starts_with("com") || base.starts_with("lpt"))
            && base.as_bytes()[3].is_ascii_digit()
            && base.as_bytes()[3] != b'0');
    if reserved {
        Some(
            "is a name Windows reserves for a device, so its page cannot be a file on a FAT or NTFS USB stick",
        )
    } else if id.bytes().all(|b| b == b'.') {
        Some("is only dots, which names no file")
    } else if id.len() > MAX {
        Some("is longer than 100 characters, too long for a file name on many USB sticks")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_units_and_compounds() {
        assert_eq!(Duration::parse("15m").unwrap().minutes, 15);
        assert_eq!(Duration::parse("4h").unwrap().minutes, 240);
        assert_eq!(Duration::parse("2d").unwrap().minutes, 2880);
        assert_eq!(Duration::parse("1w").unwrap().minutes, 10080);
        assert_eq!(Duration::parse("1d12h").unwrap().minutes, 2160);
        assert_eq!(Duration::parse("0m").unwrap().minutes, 0);
        assert_eq!(Duration::parse("36600d").unwrap().days(), 36_600);
        for bad in [
            "",
            "4",
            "h",
            "4 h",
            "4x",
            "-1h",
            "1.5h",
            "99999999999999999999m",
            "99999999999999d",
            "36601d",
        ] {
            assert!(Duration::parse(bad).is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn durations_print_in_shortest_form() {
        for s in ["0m", "45m", "4h", "1d12h", "1w", "90d", "365d", "17d"] {
            assert_eq!(Duration::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(Duration::parse("90m").unwrap().to_string(), "1h30m");
        assert_eq!(Duration::parse("14d").unwrap().to_string(), "2w");
    }

    #[test]
    fn why_a_date_does_not_exist() {
        assert!(Date::why_not("2026-13-01").contains("no month 13"));
        assert!(
            Date::why_not("2026-02-30")
                .contains("February 30, 2026 does not exist (February 2026 has 28 days)")
        );
        assert!(Date::why_not("2024-02-30").contains("has 29 days"));
        assert!(Date::why_not("24.11.2026").contains("YYYY-MM-DD"));
    }

    #[test]
    fn dates_round_trip_through_day_numbers() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().to_days(), 11_017);
        for days in [-800_000, -1, 0, 59, 60, 11_016, 20_000, 100_000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        let d = Date::parse("2026-10-01").unwrap();
        assert_eq!(d.plus_days(180).to_string(), "2027-03-30");
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("26-1-1").is_none());
    }

    #[test]
    fn phones_and_ids() {
        assert!(phone_is_international("+44 20 7946 0000"));
        assert!(phone_is_international("+1-555.010.9999"));
        assert!(!phone_is_international("020 7946 0000"));
        assert!(!phone_is_international("+44 (0)20 7946 0000"));
        assert!(!phone_is_international("+12"));
        assert!(!phone_is_international("+call me"));
        assert_eq!(tel_uri("+44 20 7946-0000"), "tel:+442079460000");
        // The trunk (0) is not dialled from abroad; brackets around an area code are.
        assert_eq!(tel_uri("+44 (0)20 7946 0011"), "tel:+442079460011");
        assert_eq!(tel_uri("+49 (0) 30 1234-5678"), "tel:+493012345678");
        assert_eq!(tel_uri("+1 (212) 555-0100"), "tel:+12125550100");
        assert_eq!(tel_uri("030 (0) 1234"), "tel:03001234");
        // An extension after a pause, in the words plans use.
        for n in [
            "+1 (212) 555-0100 ext. 22",
            "+1 212 555 0100 x22",
            "+1 212 555 0100 Ext 22",
            "+1 212 555 0100, 22",
            "+1 212 555 0100 extension: 22",
        ] {
            assert_eq!(tel_uri(n), "tel:+12125550100,22", "{n}");
        }
        assert_eq!(tel_uri("+49 30 1234 0 DW 567"), "tel:+493012340,567");
        assert_eq!(
            tel_uri("+33 1 23 45 67 00 poste 4 12"),
            "tel:+33123456700,412"
        );
        // Words that are no extension are not dialled, nor a bracket they open.
        assert_eq!(tel_uri("+44 20 7946 0000 (24h)"), "tel:+442079460000");
        assert_eq!(tel_uri("+44 7700 900123 mobile"), "tel:+447700900123");
        assert_eq!(
            tel_uri("+44 7700 900123 (nights 2200-0600)"),
            "tel:+447700900123"
        );
        assert_eq!(tel_uri("+1 555 0100 x"), "tel:+15550100");
        assert_eq!(tel_uri("Tel. +44 20 7946 0000"), "tel:+442079460000");
        assert_eq!(
            tel_uri("mobile: +44 (0)7700 900123 x 5"),
            "tel:+447700900123,5"
        );
        assert_eq!(tel_uri("none"), "tel:");
        assert!(id_is_valid("ehr-v2.1_x"));
        assert!(!id_is_valid("EHR"));
        assert!(!id_is_valid("a b"));
        assert!(!id_is_valid(""));
    }
}
