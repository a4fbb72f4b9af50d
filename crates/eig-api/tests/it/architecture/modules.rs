//! No circle of imports between the modules of a crate: read from the sources, each
//! top-level module of a crate (`mod money;` in `lib.rs`, with its files under `money/`) is a
//! node, and an arrow goes from it to every other top-level module it names through
//! `crate::…` or a `super::` that climbs to the crate's root, in a `use`, a path or a macro's
//! tokens; a name the crate's root re-exports counts as the module it comes from. The
//! `#[cfg(test)]` items are left out: a unit test may reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use syn::visit::Visit;

/// The crates whose modules are checked: every crate of the workspace (eig-cli's root is its
/// `main.rs`).
const CRATES: [&str; 13] = [
    "eig-domain",
    "eig-sources",
    "eig-history",
    "eig-eligibility",
    "eig-funding",
    "eig-campaign",
    "eig-cases",
    "eig-catalogue",
    "eig-api",
    "eig-server",
    "eig-testkit",
    "eig-matching",
    "eig-cli",
];

/// The arrows between a crate's top-level modules: for each (from, to), one place that makes
/// it, e.g. `money.rs: crate::error::MoneyError`.
type Graph = BTreeMap<(String, String), String>;

/// The graph of the crate whose `src/` files `read` returns (by path relative to `src/`,
/// `lib.rs` or `main.rs` the root).
fn module_graph(read: &dyn Fn(&str) -> Option<String>) -> Graph {
    let root = read("lib.rs").or_else(|| read("main.rs")).expect("src/lib.rs or src/main.rs");
    let root = syn::parse_file(&root).expect("the crate's root parses");
    let mut modules = BTreeSet::new();
    let mut re_exports = BTreeMap::new();
    read_root(&root.items, &[], &mut modules, &mut re_exports);
    let mut graph = Graph::new();
    for module in &modules {
        // The module's files: its own, then those of the modules it declares in them.
        let own = [format!("{module}.rs"), format!("{module}/mod.rs")]
            .into_iter()
            .find_map(|path| read(&path).map(|text| (path, text)));
        let Some(own) = own else {
            panic!("no file for the module {module}");
        };
        let mut files = vec![(own.0, own.1, 1, format!("{module}/"))];
        while let Some((path, text, depth, children)) = files.pop() {
            let file = syn::parse_file(&text).unwrap_or_else(|err| panic!("{path}: {err}"));
            let mut refs = References { depth, paths: Vec::new(), files: Vec::new() };
            refs.visit_file(&file);
            for child in refs.files {
                let child_path =
                    [format!("{children}{child}.rs"), format!("{children}{child}/mod.rs")]
                        .into_iter()
                        .find_map(|path| read(&path).map(|text| (path, text)));
                let Some((child_path, child_text)) = child_path else {
                    panic!("{path}: no file for the module {child}");
                };
                files.push((child_path, child_text, depth + 1, format!("{children}{child}/")));
            }
            for (segments, depth) in refs.paths {
                let Some(target) = resolve(&segments, depth, &modules, &re_exports) else {
                    continue;
                };
                if target != *module {
                    graph
                        .entry((module.clone(), target))
                        .or_insert_with(|| format!("{path}: {}", segments.join("::")));
                }
            }
        }
    }
    graph
}

/// The crate root's items: its file modules (into `modules`), and the names it re-exports,
/// by their path from the root, with the module each comes from (into `re_exports`).
fn read_root(
    items: &[syn::Item],
    prefix: &[String],
    modules: &mut BTreeSet<String>,
    re_exports: &mut BTreeMap<Vec<String>, String>,
) {
    for item in items {
        match item {
            syn::Item::Mod(module) if is_test(&module.attrs) => {}
            syn::Item::Mod(module) => match &module.content {
                None if prefix.is_empty() => {
                    modules.insert(module.ident.to_string());
                }
                None => panic!("a file module inside an inline module of the root"),
                Some((_, items)) => {
                    let mut inner = prefix.to_vec();
                    inner.push(module.ident.to_string());
                    read_root(items, &inner, modules, re_exports);
                }
            },
            syn::Item::Use(item) => {
                let mut leaves = Vec::new();
                use_leaves(&item.tree, &mut Vec::new(), &mut leaves);
                for (mut path, name) in leaves {
                    if path.first().is_some_and(|first| first == "crate") {
                        path.remove(0);
                    }
                    if let Some(from) = path.first() {
                        let mut key = prefix.to_vec();
                        key.push(name);
                        re_exports.insert(key, from.clone());
                    }
                }
            }
            _ => {}
        }
    }
}

/// The top-level module that a path, written `depth` modules below the root, names; `None`
/// for a path inside its own module, to another crate or to an item of the root itself.
fn resolve(
    segments: &[String],
    depth: usize,
    modules: &BTreeSet<String>,
    re_exports: &BTreeMap<Vec<String>, String>,
) -> Option<String> {
    let climbs = segments.iter().take_while(|segment| *segment == "super").count();
    let from_root = if segments.first().is_some_and(|first| first == "crate") {
        &segments[1..]
    } else if climbs > 0 && climbs >= depth {
        &segments[climbs..]
    } else {
        return None;
    };
    let first = from_root.first()?;
    if modules.contains(first) {
        return Some(first.clone());
    }
    (1..=from_root.len()).rev().find_map(|len| re_exports.get(&from_root[..len]).cloned())
}

/// Whether the attributes hold `#[cfg(test)]`.
fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && attr.parse_args::<syn::Ident>().is_ok_and(|ident| ident == "test")
    })
}

/// The leaves of a `use` tree: the path to each name and the name it is bound to (`*` for a
/// glob).
fn use_leaves(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
    match tree {
        syn::UseTree::Path(path) => {
            prefix.push(path.ident.to_string());
            use_leaves(&path.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(name) => {
            let mut path = prefix.clone();
            path.push(name.ident.to_string());
            out.push((path, name.ident.to_string()));
        }
        syn::UseTree::Rename(rename) => {
            let mut path = prefix.clone();
            path.push(rename.ident.to_string());
            out.push((path, rename.rename.to_string()));
        }
        syn::UseTree::Glob(_) => out.push((prefix.clone(), "*".to_owned())),
        syn::UseTree::Group(group) => {
            for tree in &group.items {
                use_leaves(tree, prefix, out);
            }
        }
    }
}

/// The paths a file names (with the depth below the root where each is written) and the
/// file modules it declares.
struct References {
    depth: usize,
    paths: Vec<(Vec<String>, usize)>,
    files: Vec<String>,
}

impl<'ast> Visit<'ast> for References {
    fn visit_item_mod(&mut self, module: &'ast syn::ItemMod) {
        if is_test(&module.attrs) {
            return;
        }
        if module.content.is_none() {
            self.files.push(module.ident.to_string());
        } else {
            self.depth += 1;
            syn::visit::visit_item_mod(self, module);
            self.depth -= 1;
        }
    }

    fn visit_item_fn(&mut self, function: &'ast syn::ItemFn) {
        if !is_test(&function.attrs) {
            syn::visit::visit_item_fn(self, function);
        }
    }

    fn visit_item_impl(&mut self, block: &'ast syn::ItemImpl) {
        if !is_test(&block.attrs) {
            syn::visit::visit_item_impl(self, block);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        if is_test(&item.attrs) {
            return;
        }
        let mut leaves = Vec::new();
        use_leaves(&item.tree, &mut Vec::new(), &mut leaves);
        self.paths.extend(leaves.into_iter().map(|(path, _)| (path, self.depth)));
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments = path.segments.iter().map(|segment| segment.ident.to_string()).collect();
        self.paths.push((segments, self.depth));
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // A macro's arguments are tokens: `crate :: money :: Euros` once printed.
        let tokens = mac.tokens.to_string();
        let words: Vec<&str> = tokens.split_whitespace().collect();
        for (at, word) in words.iter().enumerate() {
            let starts = matches!(*word, "crate" | "super")
                && (at == 0 || !matches!(words[at - 1], "::" | "super"));
            if !starts {
                continue;
            }
            let mut segments = vec![(*word).to_owned()];
            let mut next = at + 1;
            while words.get(next) == Some(&"::") && words.get(next + 1).is_some() {
                segments.push(words[next + 1].to_owned());
                next += 2;
            }
            self.paths.push((segments, self.depth));
        }
        syn::visit::visit_macro(self, mac);
    }
}

/// The circles of `graph`: each strongly connected set of two modules or more, with the
/// arrows inside it.
fn circles(graph: &Graph) -> Vec<Vec<String>> {
    let mut arrows: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in graph.keys() {
        arrows.entry(from).or_default().push(to);
        arrows.entry(to).or_default();
    }
    // The modules that reach `start`, and that `start` reaches: the circle through it is
    // their intersection.
    let reach = |start: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![start];
        while let Some(node) = todo.pop() {
            for &next in &arrows[node] {
                if seen.insert(next) {
                    todo.push(next);
                }
            }
        }
        seen
    };
    let mut found: BTreeSet<BTreeSet<&str>> = BTreeSet::new();
    for &node in arrows.keys() {
        let forward = reach(node);
        if forward.contains(node) {
            let circle = forward.into_iter().filter(|other| reach(other).contains(node)).collect();
            found.insert(circle);
        }
    }
    found
        .into_iter()
        .map(|circle| {
            graph
                .iter()
                .filter(|((from, to), _)| {
                    circle.contains(from.as_str()) && circle.contains(to.as_str())
                })
                .map(|((from, to), place)| format!("{from} → {to} ({place})"))
                .collect()
        })
        .collect()
}

/// The files of a crate's `src/`, read by path.
fn sources(krate: &str) -> impl Fn(&str) -> Option<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(krate).join("src");
    move |path| std::fs::read_to_string(src.join(path)).ok()
}

#[test]
fn the_modules_of_a_crate_import_each_other_without_circles() {
    let mut found = Vec::new();
    for krate in CRATES {
        let graph = module_graph(&sources(krate));
        for circle in circles(&graph) {
            found.push(format!("{krate}: {circle:#?}"));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    // The graph is read: the modules of the larger crates import each other.
    for krate in ["eig-domain", "eig-eligibility", "eig-matching", "eig-cli"] {
        assert!(module_graph(&sources(krate)).len() > 5, "{krate}");
    }
}

/// The check can fail: a circle through a `use`, a path, a macro, a re-export of the root, or
/// a `super::` that climbs to the root is reported; a test module is not.
#[test]
fn circles_between_modules_are_reported() {
    let files: BTreeMap<&str, &str> = BTreeMap::from([
        (
            "lib.rs",
            "pub use crate::b::B;\npub mod api { pub use crate::c::C; }\nmod a;\nmod b;\nmod c;\n#[cfg(test)] mod tests;",
        ),
        (
            "a.rs",
            "use crate::{b::B as Bee, d};\nmod inner;\n#[cfg(test)] mod tests { use crate::c::C; }",
        ),
        ("a/inner.rs", "fn f() { super::super::c::g(); }"),
        ("b.rs", "pub struct B(crate::api::C);\nfn f() { let _ = super::A; }"),
        (
            "c.rs",
            "pub struct C;\nfn f() { format!(\"{}\", crate :: B); }\nfn g() { let _ = self::C; }",
        ),
    ]);
    let read = |path: &str| files.get(path).map(|text| (*text).to_owned());
    let graph = module_graph(&read);
    let arrows: Vec<(&str, &str)> =
        graph.keys().map(|(from, to)| (from.as_str(), to.as_str())).collect();
    assert_eq!(arrows, [("a", "b"), ("a", "c"), ("b", "c"), ("c", "b")]);
    assert_eq!(graph[&("a".to_owned(), "c".to_owned())], "a/inner.rs: super::super::c::g");
    let found = circles(&graph);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].len(), 2);
    assert!(found[0][0].starts_with("b → c (b.rs: crate::api::C)"), "{found:#?}");
    // Without the arrow back, no circle.
    let mut graph = graph;
    graph.remove(&("c".to_owned(), "b".to_owned()));
    assert!(circles(&graph).is_empty());
}
