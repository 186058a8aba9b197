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

/// Lines of a stretch (old and new together) compared line by line at most. Myers'
/// diff takes time growing with a stretch's length times its changes: two texts of
/// 50,000 lines with nothing in common took 21 s.
const MAX_COMPARED: usize = 2_000;

/// The changed lines of two texts.
fn lines(old: &str, new: &str) -> Vec<Line> {
    edits(old, new, MAX_COMPARED)
        .into_iter()
        .filter_map(|(op, line)| {
            let op = match op {
                similar::ChangeTag::Delete => "-",
                similar::ChangeTag::Insert => "+",
                similar::ChangeTag::Equal => return None,
            };
            // A blank line added or removed says nothing to a reader.
            if line.trim().is_empty() {
                return None;
            }
            Some(Line {
                op,
                text: line.trim_end_matches(['\n', '\r']).to_string(),
            })
        })
        .collect()
}

/// How `new` is `old` with lines removed and added, each line with its tag. Texts
/// of at most `max` lines together are compared line by line (Myers' diff). Longer
/// ones are held together first by the lines found once in each, in the same order
/// (as patience diff does); each stretch between them is compared line by line when
/// at most `max` lines are left once the lines it starts and ends with in common are
/// set aside, else all its old lines are removed and its new ones added. So no
/// text costs more than about `max` times its length.
fn edits<'t>(old: &'t str, new: &'t str, max: usize) -> Vec<(similar::ChangeTag, &'t str)> {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let mut out = Vec::new();
    if a.len() + b.len() <= max {
        stretch(&a, &b, max, &mut out);
        return out;
    }
    let (mut i, mut j) = (0, 0);
    for (ai, bj) in anchors(&a, &b) {
        stretch(&a[i..ai], &b[j..bj], max, &mut out);
        out.push((similar::ChangeTag::Equal, a[ai]));
        (i, j) = (ai + 1, bj + 1);
    }
    stretch(&a[i..], &b[j..], max, &mut out);
    out
}

/// One stretch of [`edits`].
fn stretch<'t>(
    a: &[&'t str],
    b: &[&'t str],
    max: usize,
    out: &mut Vec<(similar::ChangeTag, &'t str)>,
) {
    use similar::ChangeTag::{Delete, Equal, Insert};
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = (a[head..].iter().rev())
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (mid_a, mid_b) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    out.extend(a[..head].iter().map(|l| (Equal, *l)));
    if mid_a.len() + mid_b.len() <= max {
        for op in similar::capture_diff_slices(similar::Algorithm::Myers, mid_a, mid_b) {
            out.extend(op.iter_changes(mid_a, mid_b).map(|c| (c.tag(), c.value())));
        }
    } else {
        out.extend(mid_a.iter().map(|l| (Delete, *l)));
        out.extend(mid_b.iter().map(|l| (Insert, *l)));
    }
    out.extend(a[a.len() - tail..].iter().map(|l| (Equal, *l)));
}

/// The lines found once in `a` and once in `b`, as (place in `a`, place in `b`):
/// the longest run of them in the same order in both.
fn anchors(a: &[&str], b: &[&str]) -> Vec<(usize, usize)> {
    // For each line: how often, and where last, in `a` and in `b`.
    let mut seen: std::collections::HashMap<&str, [usize; 4]> = std::collections::HashMap::new();
    for (i, l) in a.iter().enumerate() {
        let e = seen.entry(l).or_default();
        (e[0], e[1]) = (e[0] + 1, i);
    }
    for (j, l) in b.iter().enumerate() {
        if let Some(e) = seen.get_mut(l) {
            (e[2], e[3]) = (e[2] + 1, j);
        }
    }
    let mut pairs: Vec<(usize, usize)> = (seen.values())
        .filter(|e| e[0] == 1 && e[2] == 1)
        .map(|e| (e[1], e[3]))
        .collect();
    pairs.sort_unstable();
    // The longest increasing run of places in `b` (patience sorting): `ends[k]` is
    // the pair ending the best run of k + 1 found so far, `before` each pair's
    // predecessor in its run.
    let mut ends: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; pairs.len()];
    for (p, &(_, j)) in pairs.iter().enumerate() {
        let k = ends.partition_point(|&e| pairs[e].1 < j);
        before[p] = k.checked_sub(1).map(|k| ends[k]);
        if k == ends.len() {
            ends.push(p);
        } else {
            ends[k] = p;
        }
    }
    let mut run = Vec::with_capacity(ends.len());
    let mut at = ends.last().copied();
    while let Some(p) = at {
        run.push(pairs[p]);
        at = before[p];
    }
    run.reverse();
    run
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
    use proptest::prelude::*;

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

    /// The old text is the kept and removed lines, the new one the kept and added.
    fn holds(old: &str, new: &str, max: usize) -> Result<(), TestCaseError> {
        use similar::ChangeTag::{Delete, Equal, Insert};
        let e = edits(old, new, max);
        let side = |not: similar::ChangeTag| -> String {
            e.iter()
                .filter(|(t, _)| *t != not)
                .map(|(_, l)| *l)
                .collect()
        };
        prop_assert_eq!(side(Insert), old);
        prop_assert_eq!(side(Delete), new);
        // Lines in the same place on both sides are never removed and added.
        let removed = e.iter().filter(|(t, _)| *t == Delete).count();
        let kept = e.iter().filter(|(t, _)| *t == Equal).count();
        prop_assert!(removed + kept == old.split_inclusive('\n').count());
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn edits_make_the_new_text_of_the_old_at_any_bound(
            old in proptest::collection::vec("[abc]{0,1}\n", 0..40),
            new in proptest::collection::vec("[abc]{0,1}\n", 0..40),
            unique in proptest::collection::vec(0usize..40, 0..6),
            max in 0usize..90,
        ) {
            // Some lines found once in each, so that stretches are held together.
            let (mut old, mut new) = (old, new);
            for (k, &at) in unique.iter().enumerate() {
                let line = format!("u{k}\n");
                old.insert(at.min(old.len()), line.clone());
                new.insert(at.min(new.len()), line);
            }
            holds(&old.concat(), &new.concat(), max)?;
        }
    }

    #[test]
    fn long_texts_with_nothing_in_common_are_not_compared_line_by_line() {
        let old: String = (0..50_000).map(|i| format!("line a {i}\n")).collect();
        let new: String = (0..50_000).map(|i| format!("line b {i}\n")).collect();
        let e = edits(&old, &new, MAX_COMPARED);
        assert_eq!(e.len(), 100_000);
        assert!(
            e[..50_000]
                .iter()
                .all(|(t, _)| *t == similar::ChangeTag::Delete)
        );
        // One line changed in each half of a long text: two lines out, two in.
        let edited = old.replacen("line a 10\n", "line x\n", 1);
        let edited = edited.replacen("line a 40000\n", "line y\n", 1);
        let d = lines(&old, &edited);
        let shown: Vec<String> = d.iter().map(|l| format!("{}{}", l.op, l.text)).collect();
        assert_eq!(shown, ["-line a 10", "+line x", "-line a 40000", "+line y"]);
    }
}
