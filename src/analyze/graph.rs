//! The service dependency graph (loops, recovery waves) and the shape of call trees.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;
use crate::source::Span;
use std::collections::{HashMap, HashSet};

/// Direct dependencies of each service, as indices into `plan.services`
/// (dangling references and non-services left out), in the order written,
/// with the reference each edge came from.
pub fn dependencies(plan: &Plan) -> Vec<Vec<(usize, &Text)>> {
    plan.services
        .iter()
        .map(|s| {
            s.depends_on
                .iter()
                .filter_map(|d| match plan.lookup(&d.value) {
                    Some(ItemRef {
                        kind: Kind::Service,
                        index,
                    }) => Some((index, d)),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

/// Restoration waves: every service a service needs comes in an earlier wave.
/// Services on or behind a dependency loop are left out.
pub fn recovery_waves(plan: &Plan) -> Vec<Vec<usize>> {
    let deps = dependencies(plan);
    let (waves, _) = waves_of(&deps);
    waves
}

/// Waves, and the services that could not be placed (loops and what needs them).
fn waves_of(deps: &[Vec<(usize, &Text)>]) -> (Vec<Vec<usize>>, Vec<bool>) {
    let n = deps.len();
    let mut waiting: Vec<usize> = deps.iter().map(Vec::len).collect();
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (s, ds) in deps.iter().enumerate() {
        for &(d, _) in ds {
            dependents[d].push(s);
        }
    }
    let mut placed = vec![false; n];
    let mut current: Vec<usize> = (0..n).filter(|&s| waiting[s] == 0).collect();
    let mut waves = Vec::new();
    while !current.is_empty() {
        let mut next = Vec::new();
        for &s in &current {
            placed[s] = true;
            for &t in &dependents[s] {
                waiting[t] -= 1;
                if waiting[t] == 0 {
                    next.push(t);
                }
            }
        }
        next.sort_unstable();
        waves.push(std::mem::replace(&mut current, next));
    }
    (waves, placed)
}

/// One `dependency-cycle` error per loop of services.
pub fn dependency_cycles(plan: &Plan) -> Vec<Diagnostic> {
    let deps = dependencies(plan);
    let (_, placed) = waves_of(&deps);
    let mut out = Vec::new();
    // 0: not seen, 1 + k: seen on walk k.
    let mut seen = vec![0usize; deps.len()];
    for start in 0..deps.len() {
        if placed[start] || seen[start] != 0 {
            continue;
        }
        let walk = start + 1;
        let mut path: Vec<(usize, &Text)> = Vec::new();
        let mut at = start;
        loop {
            if seen[at] == walk {
                // A new loop: the part of the path from `at` on.
                let from = path.iter().position(|(s, _)| *s == at).unwrap_or(0);
                out.extend(cycle_error(plan, &path[from..]));
                break;
            }
            if seen[at] != 0 {
                break;
            }
            seen[at] = walk;
            // An unplaced service always has an unplaced dependency.
            let Some(&(next, via)) = deps[at].iter().find(|(d, _)| !placed[*d]) else {
                break;
            };
            path.push((at, via));
            at = next;
        }
    }
    out
}

/// The error for a loop of services (None for an empty path, which cannot happen).
fn cycle_error(plan: &Plan, cycle: &[(usize, &Text)]) -> Option<Diagnostic> {
    // Start the loop at the service written first, so the report is stable.
    let first = (0..cycle.len())
        .min_by_key(|&i| {
            let span = plan.services[cycle[i].0].head.id.span;
            (span.file, span.start)
        })
        .unwrap_or(0);
    let ordered: Vec<_> = cycle[first..].iter().chain(&cycle[..first]).collect();
    let (_, via) = ordered.first()?;
    let mut names: Vec<&str> = ordered
        .iter()
        .map(|(s, _)| plan.services[*s].head.id.value.as_str())
        .collect();
    names.push(names[0]);
    Some(Diagnostic::at(
        Code::DependencyCycle,
        via.span,
        format!(
            "services depend on each other in a loop: {}; none of them can be restored first",
            names.join(" -> ")
        ),
    ))
}

/// How many levels a call tree may have (the root is level 1). Real cascades have
/// three to six; the numbering of each level ("1.2.3") grows with its depth, so a
/// chain thousands deep would cost pages the square of its length.
pub const MAX_CALL_DEPTH: usize = 32;

/// The call that closes the loop above `from` in a call tree, if there is one:
/// walking up from caller to caller, the first call to someone already passed. What
/// a walk finds is kept for everyone it passed (`known`), and a later walk that meets
/// one of them stops there with the same answer, so that all the walks of a tree
/// cost as much as its calls, however long its chains.
fn closing<'a>(
    from: &'a str,
    caller_of: &HashMap<&'a str, (&'a str, Span)>,
    known: &mut HashMap<&'a str, Option<Span>>,
) -> Option<(Span, String)> {
    let mut seen: Vec<&str> = vec![from];
    let mut index: HashMap<&str, usize> = HashMap::from([(from, 0)]);
    let mut at = from;
    let found = loop {
        // Met before: the same loop (already named, by its span) or none.
        if let Some(k) = known.get(at) {
            break k.map(|span| (span, String::new()));
        }
        let Some(&(up, span)) = caller_of.get(at) else {
            break None;
        };
        if let Some(&i) = index.get(up) {
            // In call order: up calls the last one passed, ..., back to up.
            let mut ring: Vec<&str> = seen[i..].to_vec();
            ring.reverse();
            ring.insert(0, up);
            break Some((span, ring.join(" -> ")));
        }
        index.insert(up, seen.len());
        seen.push(up);
        at = up;
    };
    for s in seen {
        known.insert(s, found.as_ref().map(|f| f.0));
    }
    found
}

/// `call-tree-shape`: a loop, someone called by two callers, or a caller nobody calls.
/// A loop is reported at the call that closes it.
pub fn call_tree_shapes(plan: &Plan) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for tree in &plan.call_trees {
        let name = &tree.head.id.value;
        // Who calls each person, and where that call is written.
        let mut caller_of: HashMap<&str, (&str, Span)> = HashMap::new();
        for (caller, callees) in &tree.calls {
            for callee in callees {
                if callee.value == caller.value {
                    out.push(Diagnostic::at(
                        Code::CallTreeShape,
                        callee.span,
                        format!("call tree \"{name}\": {} calls themselves", callee.value),
                    ));
                    continue;
                }
                if let Some(first) = caller_of.insert(&callee.value, (&caller.value, callee.span)) {
                    caller_of.insert(&callee.value, first);
                    out.push(Diagnostic::at(
                        Code::CallTreeShape,
                        callee.span,
                        format!(
                            "call tree \"{name}\": {} is called by both {} and {}; \
                             everyone but the root is called by exactly one caller",
                            callee.value, first.0, caller.value
                        ),
                    ));
                }
            }
        }
        let mut known: HashMap<&str, Option<Span>> = HashMap::new();
        let loop_at = |span: Span, ring: &str| {
            Diagnostic::at(
                Code::CallTreeShape,
                span,
                format!(
                    "call tree \"{name}\": this call closes a loop of callers ({ring}); a call tree has no loops"
                ),
            )
        };
        let root = match &tree.root {
            Some(root) => Some(root.value.as_str()),
            None => {
                let starts: Vec<&str> = tree
                    .calls
                    .iter()
                    .map(|(c, _)| c.value.as_str())
                    .filter(|c| !caller_of.contains_key(c))
                    .collect();
                match starts.as_slice() {
                    [one] => Some(*one),
                    [] if tree.calls.is_empty() => None,
                    [] => {
                        let first = tree.calls.first().map(|(c, _)| c.value.as_str());
                        match first.and_then(|f| closing(f, &caller_of, &mut known)) {
                            Some((span, ring)) => out.push(loop_at(span, &ring)),
                            None => out.push(Diagnostic::at(
                                Code::CallTreeShape,
                                tree.head.at,
                                format!("call tree \"{name}\": every caller is called by someone, so the calls make a loop"),
                            )),
                        }
                        continue;
                    }
                    _ => {
                        out.push(Diagnostic::at(
                            Code::CallTreeShape,
                            tree.head.at,
                            format!(
                                "call tree \"{name}\" has no `root` and {} people that nobody calls ({}); \
                                 set `root` to the person who starts the cascade",
                                starts.len(),
                                starts.join(", ")
                            ),
                        ));
                        continue;
                    }
                }
            }
        };
        if let Some(root) = root
            && tree.root.is_some()
            && let Some(&(caller, span)) = caller_of.get(root)
        {
            out.push(Diagnostic::at(
                Code::CallTreeShape,
                span,
                format!("call tree \"{name}\": {caller} calls the root {root}, which makes a loop; nobody calls the root"),
            ));
            continue;
        }
        // Everyone the cascade reaches from the root.
        let calls: HashMap<&str, &Vec<Text>> = tree
            .calls
            .iter()
            .map(|(c, list)| (c.value.as_str(), list))
            .collect();
        let mut reached: HashSet<&str> = root.into_iter().collect();
        let mut queue: Vec<(&str, usize)> = root.into_iter().map(|r| (r, 1)).collect();
        let mut too_deep = false;
        while let Some((at, depth)) = queue.pop() {
            for callee in calls.get(at).into_iter().flat_map(|l| l.iter()) {
                if caller_of.get(callee.value.as_str()).map(|c| c.0) == Some(at)
                    && reached.insert(&callee.value)
                {
                    if depth + 1 > MAX_CALL_DEPTH && !too_deep {
                        too_deep = true;
                        out.push(Diagnostic::at(
                            Code::CallTreeShape,
                            callee.span,
                            format!(
                                "call tree \"{name}\": {} would be called at level {}; a call tree \
                                 may be at most {MAX_CALL_DEPTH} levels deep (real ones have a few): \
                                 let callers call more people each, or split the tree",
                                callee.value,
                                depth + 1
                            ),
                        ));
                    }
                    queue.push((&callee.value, depth + 1));
                }
            }
        }
        let mut loops: HashSet<Span> = HashSet::new();
        for (caller, _) in &tree.calls {
            let c = caller.value.as_str();
            if reached.contains(c) {
                continue;
            }
            // Not reached: a loop (reported once, at its closing call), or a cascade
            // cut off from the root.
            match closing(c, &caller_of, &mut known) {
                Some((span, ring)) => {
                    if loops.insert(span) {
                        out.push(loop_at(span, &ring));
                    }
                }
                None => out.push(Diagnostic::at(
                    Code::CallTreeShape,
                    caller.span,
                    format!(
                        "call tree \"{name}\": {c} makes calls but is never reached from the root {}",
                        root.unwrap_or("?")
                    ),
                )),
            }
        }
    }
    out
}
