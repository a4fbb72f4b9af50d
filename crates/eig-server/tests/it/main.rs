//! The OpenAPI document's assembly, on small schemas (the whole service is tested through
//! `eig serve` in crates/eig-cli/tests/it/serve.rs).

mod builders;

use eig_server::{Api, Endpoint, Method, Problem, QueryParameter, openapi};
use serde_json::{Value, json};

fn api() -> Api {
    let mut api = Api::new("test", "0.0.0");
    // Two schemas define `Id` differently, and share `Name` as it is.
    api.schema(
        "In",
        json!({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
               "properties": {"id": {"$ref": "#/$defs/Id"}, "name": {"$ref": "#/$defs/Name"}},
               "$defs": {"Id": {"type": "string"}, "Name": {"type": "string", "maxLength": 9}}}),
    );
    api.schema(
        "Out",
        json!({"type": "object",
               "properties": {"id": {"$ref": "#/$defs/Id"}, "items": {"type": "array",
                   "items": {"$ref": "#/$defs/Name"}}},
               "$defs": {"Id": {"type": "integer"}, "Name": {"type": "string", "maxLength": 9}}}),
    );
    api.endpoint(
        Endpoint::new(Method::Post, "/v1/thing", "Une chose.", "Out", |_| Ok("{}".to_owned()))
            .with_input("In"),
    );
    api.endpoint(
        Endpoint::new(Method::Get, "/v1/thing", "La chose.", "Out", |_| Ok("{}".to_owned()))
            .with_parameter(QueryParameter {
                name: "promotion",
                description: "La promotion.",
                required: true,
                schema: json!({"type": "string", "enum": ["EIG3"]}),
            }),
    );
    api
}

#[test]
fn definitions_are_hoisted_and_clashes_renamed() {
    let document = openapi(&api());
    let schemas = &document["components"]["schemas"];
    assert_eq!(schemas["In_Id"], json!({"type": "string"}));
    assert_eq!(schemas["Out_Id"], json!({"type": "integer"}));
    assert_eq!(schemas["Name"], json!({"type": "string", "maxLength": 9}));
    assert!(schemas.get("Id").is_none());
    assert_eq!(schemas["In"]["properties"]["id"]["$ref"], "#/components/schemas/In_Id");
    assert_eq!(schemas["Out"]["properties"]["id"]["$ref"], "#/components/schemas/Out_Id");
    assert_eq!(schemas["Out"]["properties"]["items"]["items"]["$ref"], "#/components/schemas/Name");
    // No `$defs` nor `$schema` left inside a component; no reference to `#/$defs/`.
    let text = document.to_string();
    assert!(
        !text.contains("#/$defs/") && !text.contains("\"$defs\"") && !text.contains("\"$schema\"")
    );
}

#[test]
fn a_definition_differs_when_what_it_refers_to_differs() {
    // `Dossier` reads the same in both schemas but refers to two different `Promotion`s; `Defi`
    // is a schema of its own that `Wide` also defines, as it is.
    let mut api = Api::new("test", "0.0.0");
    let dossier = json!({"type": "object", "properties": {"promotion": {"$ref": "#/$defs/Promotion"},
                         "defi": {"$ref": "#/$defs/Defi"}}});
    let defi = json!({"type": "object", "properties": {"id": {"type": "string"}}});
    api.schema(
        "Narrow",
        json!({"$ref": "#/$defs/Dossier", "$defs": {"Dossier": dossier,
        "Defi": defi, "Promotion": {"enum": ["EIG6"]}}}),
    );
    api.schema(
        "Wide",
        json!({"$ref": "#/$defs/Dossier", "$defs": {"Dossier": dossier,
        "Defi": defi, "Promotion": {"enum": ["EIG3", "EIG6"]}}}),
    );
    api.schema(
        "Defi",
        json!({"title": "Defi", "type": "object",
        "properties": {"id": {"type": "string"}}}),
    );
    let document = openapi(&api);
    let schemas = &document["components"]["schemas"];
    let promotion = |dossier: &str| schemas[dossier]["properties"]["promotion"]["$ref"].clone();
    assert_eq!(schemas["Narrow"]["$ref"], "#/components/schemas/Narrow_Dossier");
    assert_eq!(schemas["Wide"]["$ref"], "#/components/schemas/Wide_Dossier");
    assert_eq!(promotion("Narrow_Dossier"), "#/components/schemas/Narrow_Promotion");
    assert_eq!(promotion("Wide_Dossier"), "#/components/schemas/Wide_Promotion");
    assert_eq!(schemas["Narrow_Promotion"]["enum"], json!(["EIG6"]));
    // The schema `Defi` and the two definitions of the same text are one component.
    assert_eq!(
        schemas["Narrow_Dossier"]["properties"]["defi"]["$ref"],
        "#/components/schemas/Defi"
    );
    assert!(schemas["Defi"].get("title").is_none(), "a component is named by its name only");
    assert!(schemas.get("Narrow_Defi").is_none() && schemas.get("Dossier").is_none());
}

#[test]
fn operations_become_path_items() {
    let document = openapi(&api());
    assert_eq!(document["openapi"], "3.1.0");
    let item = &document["paths"]["/v1/thing"];
    assert_eq!(item["post"]["operationId"], "postV1Thing");
    assert_eq!(
        item["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/In"
    );
    assert_eq!(
        item["get"]["parameters"][0],
        json!({"name": "promotion", "in": "query",
        "description": "La promotion.", "required": true, "schema": {"type": "string", "enum": ["EIG3"]}})
    );
    assert!(item["get"].get("requestBody").is_none());
    for method in ["get", "post"] {
        let responses = &item[method]["responses"];
        assert_eq!(
            responses["200"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/Out"
        );
        assert_eq!(
            responses["default"]["content"]["application/problem+json"]["schema"]["$ref"],
            "#/components/schemas/Problem"
        );
    }
    // The fixed routes are documented too, and every reference resolves.
    assert!(document["paths"]["/healthz"]["get"].is_object());
    assert!(document["paths"]["/openapi.json"]["get"].is_object());
    let mut references = Vec::new();
    collect_references(&document, &mut references);
    for reference in references {
        let name = reference.strip_prefix("#/components/schemas/").unwrap();
        assert!(document["components"]["schemas"][name].is_object(), "{reference}");
    }
}

fn collect_references(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match child {
                    Value::String(target) if key == "$ref" => out.push(target.clone()),
                    _ => collect_references(child, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_references(item, out)),
        _ => {}
    }
}

#[test]
fn every_problem_document_has_the_fields_of_rfc_9457() {
    for problem in [
        Problem::syntax("d", 2, 3),
        Problem::invalid("d", "$.a"),
        Problem::unjudgeable("d"),
        Problem::parameter("promotion", "d"),
        Problem::internal(),
        Problem::new(404, "not-found", "Adresse inconnue", "d"),
    ] {
        let document = problem.document("/v1/x");
        for field in ["type", "title", "status", "detail", "instance"] {
            assert!(document.get(field).is_some(), "{field} in {document}");
        }
        assert!(document["type"].as_str().unwrap().starts_with("urn:eig:problem:"));
        assert!((400..600).contains(&document["status"].as_u64().unwrap()));
    }
}

mod pages {
    //! The law ↔ code pages and the coverage of the texts.

    use std::collections::BTreeSet;

    /// docs/rules/coverage.md is the coverage the data gives.
    #[test]
    fn the_coverage_page_is_the_data() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules/coverage.md");
        let generated = eig_server::coverage_markdown();
        if std::env::var_os("EIG_UPDATE_DOCS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            kept == generated,
            "docs/rules/coverage.md differs from the data: regenerate it (EIG_UPDATE_DOCS=1)"
        );
    }

    /// Every normative sentence of every text is modelled by a rule (quoted, or named by the
    /// notes of `eig_catalogue::sentence_notes`), or carries the reason none models it.
    #[test]
    fn every_normative_sentence_is_modelled_or_has_its_reason() {
        let mut without = Vec::new();
        let mut counted = 0;
        for text in eig_server::coverage() {
            for sentence in &text.sentences {
                counted += 1;
                if sentence.rules().is_empty() && sentence.reason().is_none() {
                    without.push(format!("{}: {}", text.document, sentence.text));
                }
            }
        }
        assert!(counted > 200, "{counted} normative sentences");
        assert!(without.is_empty(), "no rule and no reason:\n{}", without.join("\n"));
    }

    /// Each note names, in each of its texts, exactly one normative sentence, which no rule
    /// quotes (a note on a quoted sentence would hide the quote); the rules a note names
    /// exist.
    #[test]
    fn every_note_names_one_unquoted_sentence_of_each_of_its_texts() {
        let coverage = eig_server::coverage();
        let catalogue = eig_catalogue::catalogue(
            None,
            None,
            eig_catalogue::Corpus::embedded(),
            eig_catalogue::Register::embedded(),
        );
        let ids: BTreeSet<&str> = catalogue
            .promotions
            .iter()
            .flat_map(|promotion| &promotion.rules)
            .map(|rule| rule.id.as_str())
            .collect();
        let mut wrong = Vec::new();
        for note in eig_catalogue::sentence_notes() {
            for document in note.documents {
                let text = coverage.iter().find(|text| text.document == *document);
                let found: Vec<&eig_server::NormativeSentence> = text
                    .map(|text| {
                        text.sentences.iter().filter(|s| s.text.contains(note.words)).collect()
                    })
                    .unwrap_or_default();
                match found.as_slice() {
                    [one] if one.quoted_by.is_empty() => {}
                    [one] => wrong.push(format!(
                        "{document} {:?}: quoted by {:?}",
                        note.words, one.quoted_by
                    )),
                    _ => wrong.push(format!(
                        "{document} {:?}: {} normative sentences",
                        note.words,
                        found.len()
                    )),
                }
            }
            if let eig_catalogue::Note::ModelledBy(rules) = note.note {
                for rule in rules {
                    assert!(ids.contains(rule), "{:?}: no rule {rule}", note.words);
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// A sentence is normative whatever its case, with the exclusions' words; a heading or a
    /// page's number is not glued to the sentence below it, and a page break does not cut a
    /// sentence; RAPPORT and ING, which state no rule, are not counted.
    #[test]
    fn normative_sentences_are_found_and_cut_as_the_text_means_them() {
        use eig_domain::Document::{Aac2, Aac5, Aac6, Aac6Plus, Aap3, Aap5, Ing, Rapport};
        let coverage = eig_server::coverage();
        let sentences = |document: eig_domain::Document| -> Vec<String> {
            coverage
                .iter()
                .find(|text| text.document == document)
                .map(|text| text.sentences.iter().map(|s| s.text.clone()).collect())
                .unwrap_or_default()
        };
        let has = |document, start: &str| sentences(document).iter().any(|s| s.starts_with(start));
        assert!(has(Aac6Plus, "Sont éligibles à bénéficier du cofinancement"));
        assert!(has(Aac2, "Les candidats inéligibles, les dossiers incomplets"));
        // "l'article 5.4. seront écartés" is one sentence.
        assert!(has(Aac5, "Les candidats inéligibles"));
        assert!(!has(Aac5, "seront écartés"));
        assert!(has(Aap3, "La candidature des administrations à l'appel à projets"));
        assert!(has(Aac6, "Les candidat(e)s au programme s'engagent à répondre"));
        assert!(sentences(Aap5).iter().any(|s| {
            s.ends_with("rémunérés 3 500 ou 4 000 euros nets par mois selon les profils retenus.")
        }));
        for text in &coverage {
            for sentence in &text.sentences {
                let first = sentence.text.split_whitespace().next().unwrap_or_default();
                assert!(
                    first != "Article" && !first.chars().all(|c| c.is_ascii_digit()),
                    "{}: {}",
                    text.document,
                    sentence.text
                );
            }
        }
        assert!(!coverage.iter().any(|text| matches!(text.document, Rapport | Ing)));
        let markdown = eig_server::coverage_markdown();
        // A text is counted when a rule quotes it, and every counted text has a sentence
        // modelled (JURY4's team of 2 to 3 EIG is eig4.defi.team_size's).
        assert!(!markdown.contains("| RAPPORT |") && !markdown.contains("| 0 % |"));
    }

    /// The reasons fit their sentences: a call for projects' dossier content is not given the
    /// candidates' complete-dossier rule; the CV of AAC4 and AAC5 is modelled by their
    /// complete-dossier rules; the same article of the model convention in AAP6 and AAC6+
    /// has the same note.
    #[test]
    fn the_reasons_fit_their_sentences() {
        use eig_catalogue::{Note, Unmodelled};
        use eig_domain::Document::{Aac4, Aac5, Aac6Plus, Aap3, Aap4, Aap5, Aap6};
        let coverage = eig_server::coverage();
        let find = |document, words: &str| {
            coverage
                .iter()
                .find(|text| text.document == document)
                .and_then(|text| text.sentences.iter().find(|s| s.text.contains(words)))
                .cloned()
                .unwrap_or_else(|| panic!("{document}: no sentence {words:?}"))
        };
        for document in [Aap3, Aap4, Aap5, Aap6, Aac6Plus] {
            let text = coverage.iter().find(|text| text.document == document).unwrap();
            for sentence in &text.sentences {
                assert_ne!(
                    sentence.reason(),
                    Some(Unmodelled::DossierContent),
                    "{document}: {}",
                    sentence.text
                );
            }
        }
        assert_eq!(find(Aac4, "fournir un CV").rules(), ["eig4.candidate.complete_dossier"]);
        assert_eq!(find(Aac5, "fournir un CV").rules(), ["eig5.candidate.complete_dossier"]);
        assert_eq!(find(Aap4, "Ces sessions sont obligatoires").rules(), ["eig4.defi.commitments"]);
        let words = "à publier sous licence libre le code source des développements";
        assert_eq!(find(Aap6, words).note, find(Aac6Plus, words).note);
        assert!(matches!(find(Aap6, words).note, Some(Note::NotModelled(_))));
    }

    /// A prolongation rule's page shows its logic from the corpus's runs, not a funding
    /// rule's words; no page says "ci-dessous" with nothing below, and counts agree.
    #[test]
    fn every_rule_page_gives_its_own_logic() {
        let pages = eig_server::rule_pages();
        for id in eig_eligibility::prolongation_rule_ids() {
            let page = &pages[&format!("regle-{id}.html")];
            assert!(!page.contains("Règle de financement"), "{id}");
            assert!(page.contains("<p>Elle lit :</p>"), "{id}");
        }
        for (name, page) in pages.iter().filter(|(name, _)| name.starts_with("regle-")) {
            if page.contains("ci-dessous") {
                assert!(
                    page.contains("<h2>Paramètres</h2>"),
                    "{name}: « ci-dessous » and no parameter"
                );
            }
            assert!(!page.contains("(1 formulations)"), "{name}");
        }
    }

    /// Every rule page quotes the rule's sentence or says that no text states it in a
    /// sentence; the funding rules quote theirs where a text has one (only the EIG1–EIG2
    /// envelope, a table of RAPPORT, has none).
    #[test]
    fn every_rule_page_quotes_its_sentence_or_says_there_is_none() {
        let pages = eig_server::rule_pages();
        // Only the rules no text states say so, on their own pages.
        let says_none: Vec<&String> = pages
            .iter()
            .filter(|(name, page)| {
                name.starts_with("regle-") && page.contains("Aucune phrase des textes ne l'énonce")
            })
            .map(|(name, _)| name)
            .collect();
        assert_eq!(says_none.len(), 2, "{says_none:?}");
        assert!(says_none.iter().all(|name| name.contains("funding.envelope")), "{says_none:?}");
        let catalogue = eig_catalogue::catalogue(
            None,
            None,
            eig_catalogue::Corpus::embedded(),
            eig_catalogue::Register::embedded(),
        );
        let unquoted: BTreeSet<String> = catalogue
            .promotions
            .iter()
            .flat_map(|promotion| &promotion.rules)
            .filter(|rule| rule.source.quote.is_none())
            .map(|rule| format!("{} {}", rule.id, rule.promotion))
            .collect();
        assert_eq!(
            unquoted,
            BTreeSet::from([
                "funding.envelope EIG1".to_owned(),
                "funding.envelope EIG2".to_owned()
            ])
        );
    }

    /// ING's Markdown is rendered (headings, lists, no `**`, `:::` or link targets); a text's
    /// headings are headings; a rule whose sentence ends with a colon shows the list that
    /// follows in its context.
    #[test]
    fn markdown_is_rendered_and_a_list_follows_its_colon() {
        let pages = eig_server::rule_pages();
        let ing = &pages["texte-ING.html"];
        for raw in ["**", ":::", "](http", "[[toc]]", "&amp;#x", "### "] {
            assert!(!ing.contains(raw), "ING shows {raw:?} raw");
        }
        assert!(ing.contains("<h2>Postes de dépenses</h2>"), "{ing}");
        assert!(ing.contains("<ul>\n<li>Rémunération des EIG : "), "{ing}");
        let aac6 = &pages["texte-AAC6.html"];
        assert!(aac6.contains("<h2>Article 7 – Engagements des candidat(e)s</h2>"), "{aac6}");
        // AAC4 art. 8: the sentence ending with a colon, and the start day in the list below.
        let start = &pages["regle-eig4.candidate.start_availability.html"];
        let context = &start[start.find("<blockquote class=\"contexte\">").unwrap()..];
        let context = &context[..context.find("</blockquote>").unwrap()];
        assert!(context.contains("<mark>Les candidats s'engagent à :</mark>"), "{context}");
        assert!(context.contains("Commencer leur défi"), "{context}");
    }

    /// Every link of every page names a page that exists, and its anchor, if any, an element
    /// of that page.
    #[test]
    fn every_link_resolves() {
        let pages = eig_server::rule_pages();
        let mut links = 0;
        let mut anchors = 0;
        for (name, html) in pages {
            for link in html.split("href=\"").skip(1) {
                let target = &link[..link.find('"').unwrap()];
                let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
                let file = if file.is_empty() { name.as_str() } else { file };
                links += 1;
                let Some(page) = pages.get(file) else {
                    panic!("{name}: link to {target}, which is no page");
                };
                if !anchor.is_empty() {
                    anchors += 1;
                    assert!(
                        page.contains(&format!("id=\"{anchor}\"")),
                        "{name}: link to {target}, whose anchor is not on {file}"
                    );
                }
            }
        }
        assert!(links > 500, "{links} links");
        assert!(anchors > 100, "{anchors} links to an anchor");
    }

    /// Every rule has its page, and a text page links each modelled sentence to its rule.
    #[test]
    fn rules_have_pages_and_texts_link_them() {
        let pages = eig_server::rule_pages();
        for promotion in eig_domain::Promotion::ALL {
            if let Ok(set) = eig_eligibility::rule_set(promotion) {
                for id in set.dossier_rule_ids().iter().chain(set.candidate_rule_ids()) {
                    assert!(pages.contains_key(&format!("regle-{id}.html")), "{id}: no page");
                }
            }
        }
        let aap3 = &pages["texte-AAP3.html"];
        assert!(aap3.contains("href=\"regle-eig3.dossier.deadline.html\""));
        assert!(aap3.contains("<mark id=\"phrase-"));
    }

    /// A funding rule's page says what it computes, in words, and shows the corpus's worked
    /// examples under the official parameters (no scenario's override).
    #[test]
    fn funding_rule_pages_give_the_formula_in_words() {
        let pages = eig_server::rule_pages();
        let pia = &pages["regle-funding.pia_share_of_employer_cost-EIG3.html"];
        assert!(pia.contains("<li>70\u{a0}% du coût total employeur du talent"), "{pia}");
        assert!(!pia.contains("60\u{a0}% du coût"), "a scenario's override shown as the rule");
        assert!(pia.contains("coût employeur 70\u{202f}000,00\u{a0}€ : 70\u{a0}%"), "{pia}");
        assert!(!pia.contains("70000.00"), "an amount not in French: {pia}");
        let months = &pages["regle-funding.months_of_employer_cost-EIG4.html"];
        assert!(months.contains("mois de coût employeur du talent"), "{months}");
        let flat = &pages["regle-funding.host_pays_rest-EIG6.html"];
        assert!(flat.contains("un forfait de 20\u{202f}000,00\u{a0}€ par talent"), "{flat}");
    }
}
