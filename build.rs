//! Embeds example-plan/ (less its built site/) for `lifeboat init`. Cargo is told of
//! exactly what is embedded: each file, and each folder below the plan (for files
//! added there), never the plan folder itself, whose time changes whenever a build
//! of the example puts its site/ in place (which would recompile every time).
//!
//! Also sets LIFEBOAT_SOURCE, a hash of the source (src/, themes/, Cargo.lock): a
//! rebuild reuses a previous build's pages only when the same source drew them.

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

    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut source = Vec::new();
    for part in ["src", "themes", "Cargo.lock"] {
        println!("cargo:rerun-if-changed={}", here.join(part).display());
        every_file(here, &here.join(part), &mut source);
    }
    source.sort();
    // FNV-1a, 64 bits: names and contents, each with its length.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, bytes) in &source {
        for chunk in [name.as_bytes(), bytes.as_slice()] {
            for b in (chunk.len() as u64).to_le_bytes().iter().chain(chunk) {
                hash = (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
    }
    println!("cargo:rustc-env=LIFEBOAT_SOURCE={hash:016x}");
}

/// Every file at or below `path`, named relative to `root`, with its bytes.
fn every_file(root: &Path, path: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            every_file(root, &entry.path(), out);
        }
    } else if let Ok(bytes) = std::fs::read(path) {
        let rel = path.strip_prefix(root).unwrap_or(path);
        out.push((rel.to_string_lossy().replace('\\', "/"), bytes));
    }
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
