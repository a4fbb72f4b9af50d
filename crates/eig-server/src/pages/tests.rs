//! The layout of the texts: headings set apart from the sentences below them.

use super::layout_paragraphs;

/// A heading wrapped on two lines (AAP3 §2.1's) is one heading, not glued to the sentence
/// below it; a sentence wrapped the same way, with no section's number, stays a sentence.
#[test]
fn a_heading_wrapped_on_two_lines_is_one_heading() {
    let text = "2.1       Des défis à fort impact en termes de politique publique et/ou d’efficacité\n          \
                opérationnelle de l’administration\nLes défis doivent :\n      -    porter sur un enjeu ;";
    assert_eq!(
        layout_paragraphs(text),
        [
            "2.1       Des défis à fort impact en termes de politique publique et/ou d’efficacité \
             opérationnelle de l’administration",
            "Les défis doivent :\n      -    porter sur un enjeu ;",
        ]
    );
    let sentence = "Les défis à fort impact en termes de politique publique et/ou\nd’efficacité \
                    opérationnelle\nLes défis doivent :";
    assert_eq!(layout_paragraphs(sentence).len(), 1);
}

/// French agrees 0 and 1 with the singular.
#[test]
fn counts_agree_as_french_agrees_them() {
    assert_eq!(super::plural(0, "formulation", "formulations"), "0 formulation");
    assert_eq!(super::plural(1, "formulation", "formulations"), "1 formulation");
    assert_eq!(super::plural(2, "formulation", "formulations"), "2 formulations");
    assert_eq!(super::plural(1, "le paramètre", "les paramètres"), "le paramètre");
    assert_eq!(super::plural(3, "le paramètre", "les paramètres"), "les paramètres");
}
