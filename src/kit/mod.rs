//! The communication kit's formats, which are not pages: vCard, iCalendar, CSV, QR
//! codes, and which wallet cards a plan prints. Used by the site (cards, `.vcf`,
//! `.ics`) and by `lifeboat export` alike, so that both give the same bytes.

pub mod cards;
pub mod csv;
pub mod ics;
pub mod qr;
pub mod vcard;
