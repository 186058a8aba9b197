//! People's names cut into parts the way people write them, for vCard `N` (family;
//! given; additional; prefix; suffix) and for filing a directory by family name.
//!
//! A contact may state `given_name` and `family_name`; without them the full name
//! is cut here: titles at the front go to the prefix ("Prof. Dr. med.", "dr. ir."),
//! generational and degree suffixes at the end to the suffix ("Jr.", "III", "PhD"),
//! and name particles stay with the family name ("van den Bergh", "'t Hooft",
//! "El Amrani", "Ó Briain", "von Müller").

/// A name in vCard's five parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameParts {
    pub family: String,
    pub given: String,
    pub additional: String,
    pub prefix: String,
    pub suffix: String,
}

/// Titles written before a name (compared in lower case, with their dot).
const TITLES: &[&str] = &[
    "dr",
    "dr.",
    "prof",
    "prof.",
    "ir.",
    "ing.",
    "drs.",
    "mr.",
    "mr",
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "mx.",
    "mx",
    "sir",
    "dame",
    "herr",
    "frau",
    "mme",
    "mme.",
    "m.",
    "mlle",
    "sr.",
    "sra.",
    "dott.",
    "dott.ssa",
    "med.",
    "dent.",
    "vet.",
    "rer.",
    "nat.",
    "phil.",
    "jur.",
    "dipl.-ing.",
    "dipl.",
    "mag.",
    "univ.-prof.",
    "priv.-doz.",
    "pd",
    "rev.",
    "fr.",
    "hon.",
    "capt.",
    "col.",
    "lt.",
    "gen.",
    "sgt.",
    "insp.",
    "eng.",
    "lic.",
    "mgr",
    "mgr.",
    "ing",
    "doc.",
    "bc.",
];

/// What may follow a name.
const SUFFIXES: &[&str] = &[
    "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "phd", "ph.d.", "md", "m.d.", "mba", "msc",
    "bsc", "ma", "ba", "esq", "esq.", "rn", "frcs", "cbe", "obe", "mbe",
];

/// Name particles that belong to the family name that follows them.
const PARTICLES: &[&str] = &[
    "van", "von", "vom", "zu", "zum", "zur", "und", "den", "der", "de", "del", "della", "degli",
    "dei", "di", "da", "das", "dos", "do", "du", "des", "la", "le", "les", "lo", "'t", "’t", "t",
    "ter", "ten", "te", "het", "in", "op", "el", "al", "bin", "ibn", "bint", "ben", "abu", "ó",
    "o", "ní", "nic", "ua", "mac", "mc", "st.", "y", "e", "af", "av",
];

fn is(list: &[&str], token: &str) -> bool {
    let t = token.trim_end_matches(',').to_lowercase();
    list.contains(&t.as_str())
}

/// The parts of a full name as written.
pub fn split(full: &str) -> NameParts {
    let tokens: Vec<&str> = full.split_whitespace().collect();
    let mut start = 0;
    // Titles at the front, while a name is left after them.
    while start + 1 < tokens.len() && is(TITLES, tokens[start]) {
        start += 1;
    }
    let mut end = tokens.len();
    while end > start + 1 && is(SUFFIXES, tokens[end - 1]) {
        end -= 1;
    }
    let prefix = tokens[..start].join(" ");
    let suffix = tokens[end..].join(" ");
    let name = &tokens[start..end];
    let mut parts = NameParts {
        prefix,
        suffix,
        ..NameParts::default()
    };
    match name {
        [] => {}
        [one] => parts.family = one.trim_end_matches(',').to_string(),
        _ => {
            // The last word, and the particles before it (never the first word: a
            // given name stays).
            let mut family_from = name.len() - 1;
            while family_from > 1 && is(PARTICLES, name[family_from - 1]) {
                family_from -= 1;
            }
            parts.family = name[family_from..]
                .join(" ")
                .trim_end_matches(',')
                .to_string();
            parts.given = name[0].to_string();
            parts.additional = name[1..family_from].join(" ");
        }
    }
    parts
}

/// The family name without the particles it starts with, the way Dutch and German
/// directories file it ("van den Bergh" under B, "von Müller" under M); a particle
/// written with a capital (Belgian "Van Damme", "De Smet", "El Amrani", "O'Brien")
/// is part of the name and kept.
pub fn filing(family: &str) -> &str {
    let mut rest = family.trim();
    loop {
        let Some((word, after)) = rest.split_once(char::is_whitespace) else {
            return rest;
        };
        let lower = word.chars().next().is_some_and(|c| !c.is_uppercase());
        if lower && is(PARTICLES, word) && !after.trim().is_empty() {
            rest = after.trim_start();
        } else {
            return rest;
        }
    }
}

/// A key that sorts names in the order of the plan's language: letters folded to
/// their base (Ä with A, ß as ss) except where the language files them apart
/// (Swedish, Finnish, Danish and Norwegian put Å, Ä, Ö, Æ, Ø after Z).
pub fn collation_key(text: &str, language: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let lang = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    let nordic = matches!(lang.as_str(), "sv" | "fi" | "da" | "nb" | "nn" | "no");
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if nordic {
            // After z, in each language's own order.
            let late = match (lang.as_str(), c) {
                ("sv" | "fi", 'å') => Some('{'),
                ("sv" | "fi", 'ä') | ("da" | "nb" | "nn" | "no", 'æ') => Some('|'),
                ("sv" | "fi", 'ö') | ("da" | "nb" | "nn" | "no", 'ø') => Some('}'),
                ("da" | "nb" | "nn" | "no", 'å') => Some('~'),
                _ => None,
            };
            if let Some(l) = late {
                out.push('z');
                out.push(l);
                continue;
            }
        }
        match c {
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'ø' => out.push('o'),
            'œ' => out.push_str("oe"),
            'ł' => out.push('l'),
            'đ' => out.push('d'),
            'þ' => out.push_str("th"),
            _ => out.extend(
                c.to_string()
                    .nfd()
                    .filter(|d| !unicode_normalization::char::is_combining_mark(*d)),
            ),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(full: &str) -> (String, String, String, String, String) {
        let p = split(full);
        (p.family, p.given, p.additional, p.prefix, p.suffix)
    }

    #[test]
    fn names_are_cut_the_way_people_write_them() {
        let s = |x: &str| x.to_string();
        assert_eq!(
            n("dr. ir. Jan van den Bergh"),
            (s("van den Bergh"), s("Jan"), s(""), s("dr. ir."), s(""))
        );
        assert_eq!(
            n("Wouter 't Hooft"),
            (s("'t Hooft"), s("Wouter"), s(""), s(""), s(""))
        );
        assert_eq!(
            n("Mohammed El Amrani"),
            (s("El Amrani"), s("Mohammed"), s(""), s(""), s(""))
        );
        assert_eq!(
            n("Siobhán Ó Briain"),
            (s("Ó Briain"), s("Siobhán"), s(""), s(""), s(""))
        );
        assert_eq!(
            n("Prof. Dr. med. Anna von Müller"),
            (
                s("von Müller"),
                s("Anna"),
                s(""),
                s("Prof. Dr. med."),
                s("")
            )
        );
        assert_eq!(
            n("Prof. Dr. med. Jürgen Groß"),
            (s("Groß"), s("Jürgen"), s(""), s("Prof. Dr. med."), s(""))
        );
        assert_eq!(
            n("Martin Luther King Jr."),
            (s("King"), s("Martin"), s("Luther"), s(""), s("Jr."))
        );
        assert_eq!(
            n("Zoë Ångström"),
            (s("Ångström"), s("Zoë"), s(""), s(""), s(""))
        );
        assert_eq!(n("Madonna"), (s("Madonna"), s(""), s(""), s(""), s("")));
        assert_eq!(n("Dr."), (s("Dr."), s(""), s(""), s(""), s("")));
        assert_eq!(
            n("Van Morrison"),
            (s("Morrison"), s("Van"), s(""), s(""), s(""))
        );
        assert_eq!(
            n("Christopher O'Connell-Whitfield III"),
            (
                s("O'Connell-Whitfield"),
                s("Christopher"),
                s(""),
                s(""),
                s("III")
            )
        );
        assert_eq!(n(""), (s(""), s(""), s(""), s(""), s("")));
    }

    #[test]
    fn directories_file_by_family_name_in_the_languages_order() {
        assert_eq!(filing("van den Bergh"), "Bergh");
        assert_eq!(filing("von Müller"), "Müller");
        assert_eq!(filing("'t Hooft"), "Hooft");
        assert_eq!(filing("El Amrani"), "El Amrani");
        assert_eq!(filing("Van Damme"), "Van Damme");
        assert_eq!(filing("de"), "de");
        let mut de = vec!["Zimmer", "Öztürk", "Groß", "Gross", "Adler"];
        de.sort_by_key(|n| collation_key(n, "de"));
        assert_eq!(de, ["Adler", "Groß", "Gross", "Öztürk", "Zimmer"]);
        let mut sv = vec!["Öberg", "Zetterlund", "Ångström", "Andersson"];
        sv.sort_by_key(|n| collation_key(n, "sv"));
        assert_eq!(sv, ["Andersson", "Zetterlund", "Ångström", "Öberg"]);
    }
}
