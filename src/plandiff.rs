//! What changed between two versions of a plan, item by item, from their
//! `plan.json`: items added and removed by kind; for a changed item each field as
//! old → new, and its text (runbook steps, a template's message) as changed lines.
//! `lifeboat diff` prints it for the holder of an old copy and for changes.toml.

use serde::Serialize;
use serde_json::Value;

/// The kinds of items of plan.json, in the order a reader wants them (people and
/// vendors first: a changed number is what matters most in an outage).
pub const KINDS: [(&str, &str); 11] = [
    ("contacts", "contact"),
    ("vendors", "vendor"),
    ("teams", "team"),
    ("call_trees", "call tree"),
    ("runbooks", "runbook"),
    ("templates", "template"),
    ("services", "service"),
    ("processes", "process"),
    ("risks", "risk"),
    ("stakeholders", "stakeholder group"),
    ("exercises", "exercise"),
];

#[derive(Serialize, Debug, Default)]
pub struct Diff {
    pub added: Vec<ItemName>,
    pub removed: Vec<ItemName>,
    pub changed: Vec<Changed>,
}

#[derive(Serialize, Debug)]
pub struct ItemName {
    pub kind: &'static str,
    pub id: String,
    pub name: String,
}

#[derive(Serialize, Debug)]
pub struct Changed {
    pub kind: &'static str,
    pub id: String,
    pub name: String,
    pub fields: Vec<FieldChange>,
    /// Lines of the item's text: `+` added, `-` removed.
    pub lines: Vec<Line>,
}

#[derive(Serialize, Debug)]
pub struct FieldChange {
    pub field: String,
    pub old: String,
    pub new: String,
}

#[derive(Serialize, Debug)]
pub struct Line {
    pub op: &'static str,
    pub text: String,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// A value as a reader reads it: text as it is, lists joined, nothing as "(none)".
fn shown(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "(none)".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) if a.iter().all(|x| !x.is_object() && !x.is_array()) => a
            .iter()
            .map(|x| shown(Some(x)))
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    }
}

fn name_of(item: &Value) -> String {
    ["name", "title", "group"]
        .iter()
        .find_map(|k| item.get(k).and_then(Value::as_str))
        .unwrap_or("")
        .to_string()
}

fn items(plan: &Value, key: &str) -> Vec<(String, Value)> {
    plan.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| Some((x.get("id")?.as_str()?.to_string(), x.clone())))
                .collect()
        })
        .unwrap_or_default()
}

/// The fields of two versions of one item that differ (the text apart).
fn fields(old: &Value, new: &Value) -> Vec<FieldChange> {
    let mut keys: Vec<&String> = Vec::new();
    for v in [old, new] {
        if let Some(o) = v.as_object() {
            for k in o.keys() {
                if k != "id" && k != "body" && !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
    }
    keys.into_iter()
        .filter(|k| old.get(k.as_str()) != new.get(k.as_str()))
        .map(|k| FieldChange {
            field: k.clone(),
            old: shown(old.get(k.as_str())),
            new: shown(new.get(k.as_str())),
        })
        .collect()
}

/// The changed lines of two texts.
fn lines(old: &str, new: &str) -> Vec<Line> {
    similar::TextDiff::from_lines(old, new)
        .iter_all_changes()
        .filter_map(|c| {
            let op = match c.tag() {
                similar::ChangeTag::Delete => "-",
                similar::ChangeTag::Insert => "+",
                similar::ChangeTag::Equal => return None,
            };
            // A blank line added or removed says nothing to a reader.
            if c.value().trim().is_empty() {
                return None;
            }
            Some(Line {
                op,
                text: c.value().trim_end_matches(['\n', '\r']).to_string(),
            })
        })
        .collect()
}

/// What changed from `old` to `new` (two plan.json documents).
pub fn diff(old: &Value, new: &Value) -> Diff {
    let mut out = Diff::default();
    // The plan itself (plan.toml) and its document control, as fields.
    for (key, kind) in [("settings", "plan"), ("document", "document")] {
        let (o, n) = (old.get(key).cloned(), new.get(key).cloned());
        if o != n {
            let (o, n) = (o.unwrap_or(Value::Null), n.unwrap_or(Value::Null));
            let mut changes = Vec::new();
            flatten_changes("", &o, &n, &mut changes);
            out.changed.push(Changed {
                kind,
                id: key.into(),
                name: String::new(),
                fields: changes,
                lines: Vec::new(),
            });
        }
    }
    for (key, kind) in KINDS {
        let (o, n) = (items(old, key), items(new, key));
        for (id, item) in &n {
            if !o.iter().any(|(i, _)| i == id) {
                out.added.push(ItemName {
                    kind,
                    id: id.clone(),
                    name: name_of(item),
                });
            }
        }
        for (id, item) in &o {
            match n.iter().find(|(i, _)| i == id) {
                None => out.removed.push(ItemName {
                    kind,
                    id: id.clone(),
                    name: name_of(item),
                }),
                Some((_, now)) if now != item => {
                    let body = |v: &Value| {
                        v.get("body")
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_string()
                    };
                    out.changed.push(Changed {
                        kind,
                        id: id.clone(),
                        name: name_of(now),
                        fields: fields(item, now),
                        lines: lines(&body(item), &body(now)),
                    });
                }
                Some(_) => {}
            }
        }
    }
    out
}

/// Nested objects as dotted fields (`hotline.phone`).
fn flatten_changes(prefix: &str, old: &Value, new: &Value, out: &mut Vec<FieldChange>) {
    if let (Some(o), Some(n)) = (old.as_object(), new.as_object()) {
        let mut keys: Vec<&String> = o.keys().chain(n.keys()).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            let (a, b) = (
                o.get(k).unwrap_or(&Value::Null),
                n.get(k).unwrap_or(&Value::Null),
            );
            if a != b {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten_changes(&p, a, b, out);
            }
        }
        return;
    }
    out.push(FieldChange {
        field: prefix.to_string(),
        old: shown(Some(old)),
        new: shown(Some(new)),
    });
}

/// The diff as text: a section per kind of change.
pub fn text(d: &Diff) -> String {
    let mut out = String::new();
    if d.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    for c in &d.changed {
        let name = if c.name.is_empty() {
            String::new()
        } else {
            format!(" ({})", c.name)
        };
        out.push_str(&format!("changed {} {}{name}\n", c.kind, c.id));
        for f in &c.fields {
            out.push_str(&format!("    {}: {} → {}\n", f.field, f.old, f.new));
        }
        for l in &c.lines {
            out.push_str(&format!("    {} {}\n", l.op, l.text));
        }
    }
    for a in &d.added {
        out.push_str(&format!("added {} {} ({})\n", a.kind, a.id, a.name));
    }
    for r in &d.removed {
        out.push_str(&format!("removed {} {} ({})\n", r.kind, r.id, r.name));
    }
    out.push_str(&format!(
        "{} changed, {} added, {} removed\n",
        d.changed.len(),
        d.added.len(),
        d.removed.len()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_number_an_added_step_and_a_removed_vendor() {
        let old: Value = serde_json::json!({
            "settings": {"info": {"version": "1"}},
            "contacts": [{"id": "ana", "name": "Ana", "mobile": "+44 1", "body": ""}],
            "vendors": [{"id": "acme", "name": "Acme"}, {"id": "gone", "name": "Gone Ltd"}],
            "runbooks": [{"id": "rb", "title": "Failover", "body": "1. Stop\n2. Start\n"}],
        });
        let new: Value = serde_json::json!({
            "settings": {"info": {"version": "2"}},
            "contacts": [{"id": "ana", "name": "Ana", "mobile": "+44 2", "body": ""}],
            "vendors": [{"id": "acme", "name": "Acme"}],
            "runbooks": [{"id": "rb", "title": "Failover", "body": "1. Stop\n2. Check\n3. Start\n"}],
        });
        let d = diff(&old, &new);
        let t = text(&d);
        assert!(
            t.contains("changed plan settings\n    info.version: 1 → 2"),
            "{t}"
        );
        assert!(
            t.contains("changed contact ana (Ana)\n    mobile: +44 1 → +44 2"),
            "{t}"
        );
        assert!(
            t.contains(
                "changed runbook rb (Failover)\n    - 2. Start\n    + 2. Check\n    + 3. Start"
            ),
            "{t}"
        );
        assert!(t.contains("removed vendor gone (Gone Ltd)"), "{t}");
        assert!(!t.contains("acme"), "{t}");
        assert!(diff(&new, &new).is_empty());
    }
}
