//! The default theme, embedded in the binary so that it runs with no files beside it.

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
];
