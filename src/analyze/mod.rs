//! Stage 2: analysis of a loaded plan: references, the dependency graph, call trees
//! and every warning of the spec. Pure: reads the plan, returns diagnostics.

mod checks;
pub mod graph;
mod references;

pub use checks::call_tree_members;
pub use graph::recovery_waves;

use crate::diagnostic::Diagnostic;
use crate::model::{Date, Plan};

/// Every error and warning the plan's content calls for, given today's date.
pub fn analyze(plan: &Plan, today: Date) -> Vec<Diagnostic> {
    let mut out = references::check(plan);
    out.extend(graph::dependency_cycles(plan));
    out.extend(graph::call_tree_shapes(plan));
    checks::objectives(plan, &mut out);
    checks::readiness(plan, today, &mut out);
    checks::dates(plan, today, &mut out);
    checks::phones(plan, &mut out);
    checks::owners(plan, &mut out);
    out
}
