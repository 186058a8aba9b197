//! The default theme, embedded in the binary so that it runs with no files beside it.

use crate::diagnostic::{Code, Diagnostic, Location, closest, did_you_mean};

macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// Every template of the theme; a plan's `templates/` folder may replace any of them.
pub const TEMPLATES: &[(&str, &str)] = templates![
    "layout.html",
    "item-end.html",
    "index.html",
    "services.html",
    "service.html",
    "recovery-order.html",
    "processes.html",
    "process.html",
    "risks.html",
    "runbooks.html",
    "runbook.html",
    "contacts.html",
    "contact.html",
    "team.html",
    "vendors.html",
    "vendor.html",
    "comms.html",
    "template.html",
    "stakeholder.html",
    "exercises.html",
    "exercise.html",
    "health.html",
    "document.html",
    "readiness.html",
    "unlock.html",
    "call-tree.html",
    "cards.html",
    "log.html",
];

/// The stylesheet and script, written at the root of the site.
pub const STATIC: &[(&str, &[u8])] = &[
    (
        "lifeboat.css",
        include_bytes!("../../themes/default/static/lifeboat.css"),
    ),
    (
        "lifeboat.js",
        include_bytes!("../../themes/default/static/lifeboat.js"),
    ),
    (
        "fill-in.js",
        include_bytes!("../../themes/default/static/fill-in.js"),
    ),
    (
        "search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
    (
        "checklist.js",
        include_bytes!("../../themes/default/static/checklist.js"),
    ),
    (
        "log.js",
        include_bytes!("../../themes/default/static/log.js"),
    ),
    ("sw.js", include_bytes!("../../themes/default/static/sw.js")),
    (
        "unlock.js",
        include_bytes!("../../themes/default/static/unlock.js"),
    ),
];

/// The theme's file `name` as the site has it: `lifeboat.js` starts with the
/// interface's messages for the scripts (`window.lifeboatText`), in the plan's
/// language.
pub fn static_file(name: &str, catalog: &crate::i18n::Catalog) -> Option<Vec<u8>> {
    let (_, bytes) = STATIC.iter().find(|(n, _)| *n == name)?;
    if name != "lifeboat.js" {
        return Some(bytes.to_vec());
    }
    let mut out = format!("window.lifeboatText = {};\n", catalog.script_messages()).into_bytes();
    out.extend_from_slice(bytes);
    Some(out)
}

/// `unknown-template`: a file of the plan's `templates/` that replaces no template of
/// the theme and that no other template includes, imports or extends (a misspelt
/// override, such as `helth.html`, would otherwise be silently ignored).
pub fn unknown_overrides(templates: &[(String, String)]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (name, _) in templates {
        if TEMPLATES.iter().any(|(t, _)| t == name) {
            continue;
        }
        let used = templates.iter().any(|(other, text)| {
            other != name
                && (text.contains(&format!("\"{name}\"")) || text.contains(&format!("'{name}'")))
        });
        if used {
            continue;
        }
        let hint = did_you_mean(closest(name, TEMPLATES.iter().map(|(t, _)| *t)));
        out.push(Diagnostic::new(
            Code::UnknownTemplate,
            Location::Path(format!("templates/{name}")),
            format!(
                "templates/{name} replaces no template of the theme{hint} and no template uses it, \
                 so it changes nothing; an override has the name of the theme's template \
                 (layout.html, index.html, runbook.html, ...)"
            ),
        ));
    }
    out
}
