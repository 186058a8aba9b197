//! The site's data files: plan.json, the search index, the vCards and the calendar.

use super::*;

/// The contact and calendar files: `contacts.vcf` (every contact and team),
/// `contacts/<id>.vcf` for each person, `exercises.ics`. Private fields only with
/// `--include-private`. They show no prose: those that `keep` keeps as the previous
/// build wrote them are not made again (see `reuse`).
pub(super) fn kit_files(
    input: &Input,
    keep: &(dyn Fn(&str) -> bool + Sync),
    put: &(dyn Fn(SiteFile) -> Result<(), Error> + Sync),
) -> Result<(), Error> {
    let plan = input.plan;
    let private = input.options.include_private;
    let file = |path: String, bytes: &dyn Fn() -> String| {
        if keep(&path) {
            return Ok(());
        }
        let bytes = bytes().into_bytes();
        put(SiteFile { path, bytes })
    };
    file("contacts.vcf".into(), &|| {
        kit::vcard::directory(plan, private)
    })?;
    plan.contacts.par_iter().try_for_each(|c| {
        file(format!("contacts/{}.vcf", c.head.id.value), &|| {
            kit::vcard::contact(plan, c, private).to_text()
        })
    })?;
    file("exercises.ics".into(), &|| {
        kit::ics::exercises(plan, input.options.today, input.catalog)
    })
}

impl<'a> Renderer<'a> {
    /// A file of the site that is not a page, by its path.
    pub(super) fn other_file(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
        let input = &self.input;
        let plan = input.plan;
        let private = input.options.include_private;
        Ok(match path {
            "plan.json" => Some(plan_json::plan_json(input, &self.waves)?),
            "search-index.js" => Some(search_index::search_index(input)),
            "private.js" => input.options.private_script.clone().map(String::into_bytes),
            "contacts.vcf" => Some(kit::vcard::directory(plan, private).into_bytes()),
            "exercises.ics" => {
                Some(kit::ics::exercises(plan, input.options.today, input.catalog).into_bytes())
            }
            _ => {
                if let Some(id) = path
                    .strip_prefix("contacts/")
                    .and_then(|p| p.strip_suffix(".vcf"))
                {
                    return Ok(plan
                        .lookup(id)
                        .filter(|r| r.kind == Kind::Contact)
                        .map(|r| {
                            kit::vcard::contact(plan, &plan.contacts[r.index], private)
                                .to_text()
                                .into_bytes()
                        }));
                }
                if let Some(bytes) = theme::static_file(path, input.catalog) {
                    return Ok(Some(bytes));
                }
                path.strip_prefix("assets/").and_then(|a| {
                    input
                        .assets
                        .binary_search_by(|(p, _)| p.as_str().cmp(a))
                        .ok()
                        .map(|i| input.assets[i].1.clone())
                })
            }
        })
    }
}
