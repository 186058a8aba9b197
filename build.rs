//! Embeds example-plan/ (less its built site/) for `lifeboat init`. Cargo is told of
//! exactly what is embedded: each file, and each folder below the plan (for files
//! added there), never the plan folder itself, whose time changes whenever a build
//! of the example puts its site/ in place (which would recompile every time).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("example-plan");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut code = String::from("pub static EXAMPLE_PLAN: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in &files {
        let _ = writeln!(code, "    ({rel:?}, include_bytes!({abs:?})),");
    }
    code.push_str("];\n");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("example_plan.rs");
    std::fs::write(out, code).expect("write example_plan.rs");
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    if dir != root {
        println!("cargo:rerun-if-changed={}", dir.display());
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || (dir == root && name == "site") {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            println!("cargo:rerun-if-changed={}", path.display());
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            files.push((rel, path.display().to_string()));
        }
    }
}
