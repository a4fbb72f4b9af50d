use std::{fs, path::Path};

use super::{FILES, places, problem, slug};

/// Every file of `docs/rules/` and `docs/matching.md` is embedded, as it is in the repository:
/// a file added to the catalogue and not to [`FILES`] would make its citations fail.
#[test]
fn the_catalogue_embedded_is_the_repository_s() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut on_disk: Vec<String> = fs::read_dir(root.join("docs/rules"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .map(|path| format!("docs/rules/{}", path.file_name().unwrap().to_string_lossy()))
        .collect();
    on_disk.push("docs/matching.md".to_owned());
    on_disk.sort();
    let mut embedded: Vec<String> = FILES.iter().map(|(name, _)| (*name).to_owned()).collect();
    embedded.sort();
    assert_eq!(embedded, on_disk);
    for (name, text) in FILES {
        assert_eq!(fs::read_to_string(root.join(name)).unwrap(), text, "{name}");
    }
}

#[test]
fn the_places_of_a_file() {
    assert_eq!(slug("Routes per promotion"), "routes-per-promotion");
    assert_eq!(slug("`funding.rounding`"), "fundingrounding");
    let text = "# Title\n## 4. Mechanisms\n### 4.1 Deferred acceptance\n```sh\n# not a heading\n```\n### `a.rule`\n";
    assert_eq!(
        places(text),
        ["#title", "#4-mechanisms", " §4", "#41-deferred-acceptance", " §4.1", "#a.rule", "#arule",]
    );
}

#[test]
fn a_citation_of_the_catalogue_points_to_what_exists() {
    for good in [
        "docs/rules/eligibility.md",
        "docs/rules/funding.md#funding.rounding",
        "docs/rules/funding.md#routes-per-promotion",
        "docs/matching.md §7",
        "docs/matching.md §4.1",
    ] {
        assert_eq!(problem(good), None, "{good}");
    }
    let nearest = |cited: &str| problem(cited).and_then(|problem| problem.nearest);
    assert_eq!(nearest("docs/rules/fundng.md#foo").as_deref(), Some("docs/rules/funding.md"));
    assert_eq!(
        nearest("docs/rules/funding.md#funding.roundng").as_deref(),
        Some("docs/rules/funding.md#funding.rounding")
    );
    assert_eq!(nearest("docs/matching.md §71").as_deref(), Some("docs/matching.md §7"));
}
