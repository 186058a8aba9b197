//! Stage 2: analysis of a loaded plan: references, the dependency graph, call trees
//! and every warning of the spec. Pure: reads the plan, returns diagnostics.

mod checks;
pub mod graph;
mod references;
pub mod training;

pub use graph::recovery_waves;

use crate::diagnostic::Diagnostic;
use crate::model::{Date, Links, Plan};

/// What analysis finds: the plan's references as a graph, and its problems.
pub struct Analysis {
    pub links: Links,
    pub diagnostics: Vec<Diagnostic>,
}

/// Resolves the plan's references and runs every check, given today's date.
pub fn analyze(plan: &Plan, today: Date) -> Analysis {
    // Resolving references is the larger half; the checks run beside it.
    let ((links, mut out), checked) = rayon::join(
        || references::resolve(plan),
        || {
            let mut out = graph::dependency_cycles(plan);
            out.extend(graph::call_tree_shapes(plan));
            checks::objectives(plan, &mut out);
            checks::readiness(plan, today, &mut out);
            checks::dates(plan, today, &mut out);
            training::untrained(plan, today, &mut out);
            checks::phones(plan, &mut out);
            checks::owners(plan, &mut out);
            out
        },
    );
    out.extend(checked);
    Analysis {
        links,
        diagnostics: out,
    }
}
