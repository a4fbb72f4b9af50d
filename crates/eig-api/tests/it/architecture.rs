//! The workspace's layers as a test (the way rust-analyzer keeps its own): the dependencies
//! that `cargo metadata` reports must point down the layers of ARCHITECTURE.md.

use std::collections::BTreeMap;

use serde_json::Value;

mod modules;

/// Each crate's floor: a crate may depend (normal or build dependency) only on crates of a
/// lower floor. `eig-testkit` sits above the operations layer because it re-exports its
/// fixtures, and nothing may depend on it but as a dev-dependency.
const FLOORS: [(&str, u8); 14] = [
    ("eig-domain", 0),
    ("eig-sources", 1),
    ("eig-history", 1),
    ("eig-eligibility", 1),
    ("eig-funding", 1),
    ("eig-matching", 1),
    ("eig-campaign", 2),
    ("eig-cases", 3),
    // The rules catalogue sits beside the case format, reading the corpus through it.
    ("eig-catalogue", 4),
    ("eig-api", 5),
    ("eig-testkit", 6),
    ("eig-server", 6),
    ("eig-cli", 7),
    ("eig-benches", 8),
];

/// The rule crates: independent of each other.
const RULES: [&str; 4] = ["eig-history", "eig-eligibility", "eig-funding", "eig-matching"];

/// The shells: above the operations layer, and the server never above the command.
const SHELLS: [&str; 2] = ["eig-cli", "eig-server"];

/// A dependency of a workspace crate on another: (from, to, kind: "normal", "dev", "build").
type Edge = (String, String, String);

/// What breaks the layering in `edges`, one line each.
fn violations(edges: &[Edge]) -> Vec<String> {
    let floors: BTreeMap<&str, u8> = FLOORS.into_iter().collect();
    let mut found = Vec::new();
    for (from, to, kind) in edges {
        let (Some(&high), Some(&low)) = (floors.get(from.as_str()), floors.get(to.as_str())) else {
            found.push(format!("{from} → {to}: a crate with no floor in FLOORS"));
            continue;
        };
        if kind == "dev" {
            continue;
        }
        if to == "eig-testkit" {
            found.push(format!("{from} → eig-testkit: the test kit is a dev-dependency only"));
        }
        if low >= high {
            found
                .push(format!("{from} (floor {high}) → {to} (floor {low}): points up or sideways"));
        }
        if RULES.contains(&from.as_str()) && RULES.contains(&to.as_str()) {
            found.push(format!("{from} → {to}: a rule crate depends on another"));
        }
    }
    for shell in SHELLS {
        let on_api = edges
            .iter()
            .any(|(from, to, kind)| from == shell && to == "eig-api" && kind == "normal");
        if !on_api {
            found
                .push(format!("{shell}: a shell that is not above the operations layer (eig-api)"));
        }
    }
    found
}

/// The dependencies between the workspace's crates, from `cargo metadata`.
fn workspace_edges() -> Vec<Edge> {
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.toml");
    let output = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--no-deps", "--offline", "--manifest-path"])
        .arg(manifest)
        .output()
        .expect("cargo metadata runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let metadata: Value = serde_json::from_slice(&output.stdout).unwrap();
    let packages = metadata["packages"].as_array().unwrap();
    let names: Vec<&str> = packages.iter().map(|p| p["name"].as_str().unwrap()).collect();
    let mut edges = Vec::new();
    for package in packages {
        let from = package["name"].as_str().unwrap();
        for dependency in package["dependencies"].as_array().unwrap() {
            let to = dependency["name"].as_str().unwrap();
            if names.contains(&to) && to != from {
                let kind = dependency["kind"].as_str().unwrap_or("normal");
                edges.push((from.to_owned(), to.to_owned(), kind.to_owned()));
            }
        }
    }
    edges
}

#[test]
fn dependencies_point_down_the_layers() {
    let edges = workspace_edges();
    assert!(edges.len() > 20, "{edges:?}");
    let found = violations(&edges);
    assert!(found.is_empty(), "{found:#?}");
    // Every crate of the workspace has its floor.
    let floors: Vec<&str> = FLOORS.iter().map(|(name, _)| *name).collect();
    for (from, _, _) in &edges {
        assert!(floors.contains(&from.as_str()), "{from} has no floor");
    }
}

/// The check can fail: each kind of wrong arrow is reported.
#[test]
fn wrong_arrows_are_reported() {
    let edge = |from: &str, to: &str, kind: &str| (from.to_owned(), to.to_owned(), kind.to_owned());
    let shells_on_api =
        [edge("eig-cli", "eig-api", "normal"), edge("eig-server", "eig-api", "normal")];
    assert!(violations(&shells_on_api).is_empty());
    for (wrong, says) in [
        (edge("eig-domain", "eig-funding", "normal"), "points up"),
        (edge("eig-funding", "eig-eligibility", "normal"), "points up or sideways"),
        (edge("eig-campaign", "eig-testkit", "normal"), "dev-dependency only"),
        (edge("eig-server", "eig-cli", "normal"), "points up"),
        (edge("eig-api", "eig-server", "build"), "points up"),
    ] {
        let mut edges = shells_on_api.to_vec();
        edges.push(wrong.clone());
        let found = violations(&edges);
        assert!(found.iter().any(|line| line.contains(says)), "{wrong:?}: {found:?}");
    }
    // A dev-dependency may point anywhere, the test kit included.
    let mut edges = shells_on_api.to_vec();
    edges.push(edge("eig-eligibility", "eig-testkit", "dev"));
    assert!(violations(&edges).is_empty());
    // A shell that bypasses the operations layer.
    assert!(
        violations(&[edge("eig-cli", "eig-api", "normal")])
            .iter()
            .any(|line| line.starts_with("eig-server"))
    );
}
