//! `lifeboat locale export LANG`: the interface's catalogue for LANG on standard
//! output, to translate and save as `locales/LANG.ftl` in a plan.

use std::io::Write;
use std::process::ExitCode;

pub fn export(lang: &str) -> ExitCode {
    let tag_ok = !lang.is_empty()
        && lang.len() <= 35
        && lang
            .split(['-', '_'])
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !tag_ok {
        eprintln!("error: \"{lang}\" is not a language tag; give one such as de, fr, pl or pt-BR");
        return ExitCode::from(2);
    }
    let text = lifeboat::i18n::export(lang);
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
