//! Staff lists as CSV: which column holds what, in the spellings of HR systems,
//! Outlook, Google and Microsoft 365 exports in five languages.
//!
//! Most of its length is the table of column headings, one spelling a line.

use super::{Failure, Person, Report, joined, put_typed};
use std::collections::HashMap;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Name,
    Given,
    Middle,
    /// Dutch `tussenvoegsel` ("van den"): goes before the family name.
    Particle,
    Family,
    Prefix,
    Suffix,
    Role,
    Department,
    Phone,
    Mobile,
    HomePhone,
    PersonalMobile,
    Email,
    PersonalEmail,
    Location,
    HomeStreet,
    HomeCity,
    HomePostal,
    HomeRegion,
    HomeCountry,
    HomeAddress,
    Note,
}

impl Field {
    fn label(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Given => "given_name",
            Field::Middle => "given_name (middle name)",
            Field::Particle => "family_name (particle)",
            Field::Family => "family_name",
            Field::Prefix => "name (title before it)",
            Field::Suffix => "name (suffix after it)",
            Field::Role => "role",
            Field::Department => "the note (department)",
            Field::Phone => "phone",
            Field::Mobile => "mobile",
            Field::HomePhone => "private.home_phone",
            Field::PersonalMobile => "private.personal_mobile",
            Field::Email => "email",
            Field::PersonalEmail => "private.personal_email",
            Field::Location => "location",
            Field::HomeStreet
            | Field::HomeCity
            | Field::HomePostal
            | Field::HomeRegion
            | Field::HomeCountry
            | Field::HomeAddress => "private.home_address",
            Field::Note => "the note",
        }
    }
}

/// A heading as compared: lower case, letters and digits only.
fn normal(heading: &str) -> String {
    heading
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The field a column heading names, in the spellings exports use.
fn field_of(heading: &str) -> Option<Field> {
    use Field::*;
    let h = normal(heading);
    let table: &[(Field, &[&str])] = &[
        (
            Name,
            &[
                "name",
                "fullname",
                "displayname",
                "anzeigename",
                "vollständigername",
                "naam",
                "volledigenaam",
                "weergavenaam",
                "nomcomplet",
                "nomaffiché",
                "nombrecompleto",
                "contactname",
                "employeename",
                "person",
            ],
        ),
        (
            Given,
            &[
                "firstname",
                "givenname",
                "first",
                "forename",
                "vorname",
                "voornaam",
                "roepnaam",
                "prénom",
                "prenom",
                "nombre",
                "nombres",
                "preferredname",
            ],
        ),
        (
            Middle,
            &[
                "middlename",
                "additionalname",
                "zweitervorname",
                "secondprénom",
                "segundonombre",
            ],
        ),
        (
            Particle,
            &[
                "tussenvoegsel",
                "tussenvoegsels",
                "voorvoegsel",
                "nameprefixparticle",
            ],
        ),
        (
            Family,
            &[
                "lastname",
                "surname",
                "familyname",
                "last",
                "nachname",
                "familienname",
                "achternaam",
                "nom",
                "nomdefamille",
                "apellido",
                "apellidos",
            ],
        ),
        (
            Prefix,
            &[
                "title",
                "nameprefix",
                "prefix",
                "anrede",
                "titel",
                "aanhef",
                "civilité",
                "civilite",
                "tratamiento",
                "honorific",
            ],
        ),
        (
            Suffix,
            &["suffix", "namesuffix", "namenszusatz", "achtervoegsel"],
        ),
        (
            Role,
            &[
                "jobtitle",
                "position",
                "role",
                "function",
                "funktion",
                "stellenbezeichnung",
                "positie",
                "functie",
                "functietitel",
                "fonction",
                "poste",
                "intituléduposte",
                "puesto",
                "cargo",
                "organizationtitle",
                "organization1title",
                "businesstitle",
            ],
        ),
        (
            Department,
            &[
                "department",
                "dept",
                "abteilung",
                "afdeling",
                "service",
                "département",
                "departamento",
                "organizationdepartment",
                "organization1department",
                "team",
            ],
        ),
        (
            Phone,
            &[
                "businessphone",
                "workphone",
                "phone",
                "telephone",
                "telephonenumber",
                "phonenumber",
                "officephone",
                "directline",
                "telefon",
                "telefongeschäftlich",
                "geschäftlich",
                "telefonnummer",
                "durchwahl",
                "telefoonwerk",
                "telefoon",
                "telefoonnummer",
                "téléphoneprofessionnel",
                "téléphone",
                "telephoneprofessionnel",
                "teléfono",
                "teléfonodeltrabajo",
                "telefonodeltrabajo",
                "businessphone1",
            ],
        ),
        (
            Mobile,
            &[
                "mobilephone",
                "mobile",
                "cell",
                "cellphone",
                "mobilenumber",
                "mobiltelefon",
                "handy",
                "mobilfunk",
                "mobiel",
                "mobieltelefoon",
                "mobielenummer",
                "téléphonemobile",
                "telephonemobile",
                "portable",
                "móvil",
                "movil",
                "teléfonomóvil",
                "telefonomovil",
                "celular",
            ],
        ),
        (
            HomePhone,
            &[
                "homephone",
                "telefonprivat",
                "privat",
                "telefoonthuis",
                "téléphonepersonnel",
                "téléphonedomicile",
                "teléfonoparticular",
                "teléfonodecasa",
                "homephone1",
            ],
        ),
        (
            PersonalMobile,
            &[
                "personalmobile",
                "privatemobile",
                "handyprivat",
                "mobilprivat",
                "mobielprivé",
            ],
        ),
        (
            Email,
            &[
                "emailaddress",
                "email",
                "workemail",
                "businessemail",
                "emailadresse",
                "emailadres",
                "adresseemail",
                "adressedemessagerie",
                "courriel",
                "correoelectrónico",
                "correoelectronico",
                "correo",
                "mail",
            ],
        ),
        (
            PersonalEmail,
            &[
                "email2address",
                "personalemail",
                "homeemail",
                "privateemail",
                "emailprivat",
                "emailpersoonlijk",
                "courrielpersonnel",
            ],
        ),
        (
            Location,
            &[
                "officelocation",
                "office",
                "location",
                "büro",
                "buero",
                "standort",
                "raum",
                "locatie",
                "kantoor",
                "bureau",
                "ubicación",
                "ubicacion",
                "oficina",
                "site",
            ],
        ),
        (
            HomeStreet,
            &[
                "homestreet",
                "homeaddressstreet",
                "straßeprivat",
                "straatthuis",
            ],
        ),
        (
            HomeCity,
            &["homecity", "homeaddresscity", "ortprivat", "plaatsthuis"],
        ),
        (
            HomePostal,
            &[
                "homepostalcode",
                "homezip",
                "homeaddresspostalcode",
                "postleitzahlprivat",
            ],
        ),
        (
            HomeRegion,
            &[
                "homestate",
                "homeregion",
                "homeaddressregion",
                "bundeslandprivat",
            ],
        ),
        (
            HomeCountry,
            &[
                "homecountry",
                "homecountryregion",
                "homeaddresscountry",
                "landprivat",
            ],
        ),
        (
            HomeAddress,
            &[
                "homeaddress",
                "privatadresse",
                "adresseprivat",
                "adresthuis",
                "adressepersonnelle",
                "direcciónparticular",
            ],
        ),
        (
            Note,
            &[
                "notes",
                "note",
                "notizen",
                "notiz",
                "opmerkingen",
                "opmerking",
                "remarques",
                "notas",
                "comments",
            ],
        ),
    ];
    table
        .iter()
        .find(|(_, names)| names.contains(&h.as_str()))
        .map(|(f, _)| *f)
}

/// Google's `Phone 1 - Type` / `E-mail 2 - Value`: (phone?, number, is type).
fn typed(heading: &str) -> Option<(bool, String, bool)> {
    let h = heading.trim().to_lowercase();
    let (left, right) = h.rsplit_once('-')?;
    let right = right.trim();
    let is_type = match right {
        "type" => true,
        "value" => false,
        _ => return None,
    };
    let left = left.trim();
    let (kind, n) = left.rsplit_once(' ')?;
    let phone = match normal(kind).as_str() {
        "phone" => true,
        "email" => false,
        _ => return None,
    };
    n.parse::<u32>().ok()?;
    Some((phone, n.to_string(), is_type))
}

/// Reads a CSV export. Errors (a header without a name column, a file that is not
/// CSV) name the file.
pub fn read_csv(bytes: &[u8], shown: &str, report: &mut Report) -> Result<Vec<Person>, Failure> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first_line.iter().filter(|b| **b == c).count();
    let delimiter = if count(b';') > count(b',') {
        b';'
    } else if count(b'\t') > count(b',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| Failure(format!("{shown}: not a CSV file this can read: {e}")))?
        .clone();
    let mut fields: Vec<Option<Field>> = headers.iter().map(field_of).collect();
    // German exports write `Vorname` and `Name`: then Name is the family name.
    let has = |fields: &[Option<Field>], f: Field| fields.contains(&Some(f));
    if has(&fields, Field::Given) && !has(&fields, Field::Family) {
        for f in fields.iter_mut().filter(|f| **f == Some(Field::Name)) {
            *f = Some(Field::Family);
        }
    }
    let typed_cols: Vec<Option<(bool, String, bool)>> = headers.iter().map(typed).collect();
    if !fields
        .iter()
        .any(|f| matches!(f, Some(Field::Name | Field::Given | Field::Family)))
    {
        return Err(Failure(format!(
            "{shown}: no column of the header names a person (such as Name, First Name or \
             Last Name; found: {}): nothing was written. Rename the column, or export the \
             list with its name columns",
            headers
                .iter()
                .map(|h| format!("\"{}\"", h.trim()))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    // Each field once: a second column of the same kind (Outlook's `Business Phone
    // 2`) fills in only when the first is empty.
    for (i, h) in headers.iter().enumerate() {
        match (fields[i], &typed_cols[i]) {
            (Some(f), _) => report
                .mapped
                .push((shown.into(), h.trim().into(), f.label())),
            (None, Some((phone, _, is_type))) => report.mapped.push((
                shown.into(),
                h.trim().into(),
                match (phone, is_type) {
                    (true, false) => "phone, mobile or private.home_phone (by its type)",
                    (false, false) => "email or private.personal_email (by its type)",
                    _ => "the type of the value beside it",
                },
            )),
            (None, None) => {
                if !h.trim().is_empty() {
                    report.skipped.push((
                        shown.into(),
                        h.trim().into(),
                        "not a field of a contact".into(),
                    ));
                }
            }
        }
    }
    let mut people = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let row = n + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report
                    .rows_skipped
                    .push((shown.into(), row, format!("cannot be read: {e}")));
                continue;
            }
        };
        let mut p = Person::default();
        let (mut middle, mut particle, mut prefix, mut suffix) =
            (String::new(), String::new(), String::new(), String::new());
        let mut home: Vec<(Field, String)> = Vec::new();
        let mut pairs: HashMap<(bool, String), (Vec<String>, String)> = HashMap::new();
        for (i, value) in record.iter().enumerate() {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            if let Some(Some((phone, num, is_type))) = typed_cols.get(i) {
                let e = pairs.entry((*phone, num.clone())).or_default();
                if *is_type {
                    e.0 = value
                        .to_lowercase()
                        .split([',', ':', ' '])
                        .map(str::to_string)
                        .collect();
                } else {
                    e.1 = value.to_string();
                }
                continue;
            }
            let Some(Some(f)) = fields.get(i) else {
                continue;
            };
            let set = |slot: &mut String| {
                if slot.is_empty() {
                    *slot = value.to_string();
                }
            };
            match f {
                Field::Name => set(&mut p.name),
                Field::Given => set(&mut p.given),
                Field::Middle => set(&mut middle),
                Field::Particle => set(&mut particle),
                Field::Family => set(&mut p.family),
                Field::Prefix => set(&mut prefix),
                Field::Suffix => set(&mut suffix),
                Field::Role => set(&mut p.role),
                Field::Department => set(&mut p.department),
                Field::Phone => set(&mut p.phone),
                Field::Mobile => set(&mut p.mobile),
                Field::HomePhone => set(&mut p.home_phone),
                Field::PersonalMobile => set(&mut p.personal_mobile),
                Field::Email => set(&mut p.email),
                Field::PersonalEmail => set(&mut p.personal_email),
                Field::Location => set(&mut p.location),
                Field::Note => set(&mut p.note),
                f => home.push((*f, value.to_string())),
            }
        }
        let mut pairs: Vec<_> = pairs.into_iter().collect();
        pairs.sort();
        for ((phone, _), (types, value)) in pairs {
            put_typed(&mut p, phone, &types, &value);
        }
        if !particle.is_empty() && !p.family.is_empty() {
            p.family = format!("{particle} {}", p.family);
        }
        if !middle.is_empty() && !p.given.is_empty() {
            p.given = format!("{} {middle}", p.given);
        }
        home.sort_by_key(|(f, _)| *f as u8);
        if p.home_address.is_empty() && !home.is_empty() {
            p.home_address = home
                .iter()
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
                .join(", ");
        }
        if p.name.is_empty() {
            p.name = joined(&[&prefix, &p.given, &p.family, &suffix]);
        }
        if p.name.trim().is_empty() {
            if record.iter().any(|v| !v.trim().is_empty()) {
                report
                    .rows_skipped
                    .push((shown.into(), row, "has no name".into()));
            }
            continue;
        }
        people.push(p);
    }
    Ok(people)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_many_exports_are_known() {
        for (h, f) in [
            ("First Name", Field::Given),
            ("Last Name", Field::Family),
            ("Job Title", Field::Role),
            ("Business Phone", Field::Phone),
            ("Mobile Phone", Field::Mobile),
            ("Home Phone", Field::HomePhone),
            ("E-mail Address", Field::Email),
            ("Vorname", Field::Given),
            ("Nachname", Field::Family),
            ("Telefon (geschäftlich)", Field::Phone),
            ("E-Mail-Adresse", Field::Email),
            ("Voornaam", Field::Given),
            ("Tussenvoegsel", Field::Particle),
            ("Achternaam", Field::Family),
            ("Prénom", Field::Given),
            ("Téléphone mobile", Field::Mobile),
            ("Correo electrónico", Field::Email),
            ("\u{feff}Name", Field::Name),
        ] {
            assert_eq!(field_of(h), Some(f), "{h}");
        }
        assert_eq!(field_of("Birthday"), None);
        assert_eq!(typed("Phone 1 - Value"), Some((true, "1".into(), false)));
        assert_eq!(typed("E-mail 2 - Type"), Some((false, "2".into(), true)));
    }
}
