//! Embeds the rule-case corpus and the register of interpretations, when the crate is built
//! inside the repository: every JSON or YAML file of the workspace that mentions `expected`
//! (the case files; `eig_cases::is_case_file` decides at run time which are), outside the
//! build directories, the Python package and the crates' embedded `data/` and `src/`.
//! Built from its package (`cargo package`), the crate finds no workspace and embeds nothing:
//! the catalogue then lists no case and no interpretation, and says so (`Corpus::is_empty`).

use std::{
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
};

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("../..");
    let is_workspace = fs::read_to_string(root.join("Cargo.toml"))
        .is_ok_and(|text| text.contains("[workspace]"))
        && root.join("crates/eig-catalogue").is_dir();
    let mut files = Vec::new();
    let mut register = None;
    if is_workspace {
        let root = root.canonicalize().unwrap_or(root);
        walk(&root, &root, &mut files);
        files.sort();
        let mut directories: Vec<PathBuf> =
            files.iter().filter_map(|(_, path)| path.parent().map(Path::to_path_buf)).collect();
        // A case folder added beside the others (`corpus/campaign/`) is seen through its
        // parent, which Cargo scans whole; the workspace's root and `crates/` are too wide.
        let parents: Vec<PathBuf> = directories
            .iter()
            .filter_map(|directory| directory.parent().map(Path::to_path_buf))
            .filter(|parent| *parent != root && *parent != root.join("crates"))
            .collect();
        directories.extend(parents);
        directories.sort();
        directories.dedup();
        for directory in directories {
            println!("cargo::rerun-if-changed={}", directory.display());
        }
        let path = root.join("docs/rules/assumptions.md");
        if path.is_file() {
            println!("cargo::rerun-if-changed={}", path.display());
            register = Some(path);
        }
    }
    let mut out = String::from("/// The case files: (path from the workspace root, text).\n");
    out.push_str("pub(crate) const FILES: &[(&str, &str)] = &[\n");
    for (name, path) in &files {
        let _ = writeln!(out, "    ({name:?}, include_str!({:?})),", path.display().to_string());
    }
    out.push_str("];\n/// The register of interpretations (docs/rules/assumptions.md).\n");
    match register {
        Some(path) => {
            let _ = writeln!(
                out,
                "pub(crate) const REGISTER: &str = include_str!({:?});",
                path.display().to_string()
            );
        }
        None => out.push_str("pub(crate) const REGISTER: &str = \"\";\n"),
    }
    let target = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("corpus.rs");
    if let Err(err) = fs::write(&target, out) {
        panic!("cannot write {}: {err}", target.display());
    }
}

/// Collects the candidate case files under `dir`.
fn walk(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let relative =
            path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        if path.is_dir() {
            let skipped = name.starts_with('.')
                || name.starts_with("target")
                || name == "node_modules"
                || relative == "python"
                || relative == "docs/sources"
                || (relative.starts_with("crates/")
                    && (relative.ends_with("/data") && relative.matches('/').count() == 2
                        || relative.ends_with("/src")));
            if !skipped {
                walk(root, &path, files);
            }
        } else if [".json", ".yaml", ".yml"].iter().any(|ext| name.ends_with(ext))
            && fs::read_to_string(&path).is_ok_and(|text| text.contains("expected"))
        {
            files.push((relative, path));
        }
    }
}
