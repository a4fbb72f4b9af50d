//! The rules that decide after the calls, as constants: the selection (the jury's grids for
//! défis and candidates, its grounds to withdraw a défi, the EIG7 recruitment cap) and the
//! terms after it (the EIG7 contract's dates, the termination of a funding convention).
//! `crate::selection_rules` lists them; the functions that apply them take their sources
//! from here.

use eig_domain::{Document, Promotion};

use super::{Cite, Parameters, Rule};

/// A rule of the selection or the terms. Its parameters are attached where its definition is
/// built (`crate::selection_rules`): they read the grids and the periods the functions that
/// apply it compute, which themselves cite these constants.
const fn rule(id: &'static str, title: &'static str, source: Cite, quote: &'static str) -> Rule {
    Rule { id, title, source, quote, parameters: Parameters::NONE }
}

// The défis' grids (laureate selection).

pub(crate) const EIG3_GRID: Rule = rule(
    "eig3.selection.grid",
    "Grille d'analyse des défis éligibles (cinq critères)",
    Cite(Document::Aap3, "§4.4"),
    "Les défis éligibles seront évalués lors du processus de sélection selon la grille d’analyse suivante :",
);
pub(crate) const EIG4_GRID: Rule = rule(
    "eig4.selection.grid",
    "Grille d'analyse des défis éligibles (cinq critères)",
    Cite(Document::Aap4, "§5.5"),
    "Les défis éligibles seront évalués lors du processus de sélection selon la grille d’analyse suivante :",
);
pub(crate) const EIG4_SCALE: Rule = rule(
    "eig4.selection.scale",
    "Barème du jury : chaque critère noté de 1 à 4",
    Cite(Document::Jury4, "« Le jour J », 3)"),
    "Chaque critère est à noter selon le barème suivant : 1- pas du tout satisfaisant ; 2 - peu satisfaisant ; 3 – satisfaisant ; 4 – excellent.",
);
pub(crate) const EIG4_RANKING: Rule = rule(
    "eig4.selection.ranking",
    "Sélection finale selon le classement, les notes départageant les ex-aequo",
    Cite(Document::Jury4, "« Le jour J »"),
    "La sélection finale se fera en fonction du classement, mais aussi des notes et des commentaires que vous aurez faits et qui serviront à départager les défis ex-aequo.",
);
pub(crate) const EIG4_OPINION: Rule = rule(
    "eig4.selection.opinion",
    "Avis favorable ou défavorable du jury sur chaque défi",
    Cite(Document::Jury4, "« Le jour J », 4)"),
    "Il vous sera demandé d’y exprimer un avis favorable ou défavorable pour chaque défi, de classer les défis par ordre de préférence, et d’expliquer brièvement votre choix.",
);
pub(crate) const EIG5_GRID: Rule = rule(
    "eig5.selection.grid",
    "Grille d'analyse des projets éligibles (cinq critères)",
    Cite(Document::Aap5, "§5.5"),
    "Les projets éligibles seront évalués lors du processus de sélection selon la grille d’analyse suivante :",
);
pub(crate) const EIG6_GRID: Rule = rule(
    "eig6.selection.grid",
    "Grille d'analyse des projets éligibles, à pondération égale (cinq critères)",
    Cite(Document::Aap6, "§5.5"),
    "Les projets éligibles seront évalués lors du processus de sélection selon la grille d’analyse suivante, à pondération égale :",
);
pub(crate) const EIG6PLUS_GRID: Rule = rule(
    "eig6plus.selection.grid",
    "Critères de sélection des prolongations à cofinancer (cinq critères)",
    Cite(Document::Aac6Plus, "§3.5"),
    "Impact démontré en matière d’entrepreneuriat […] Engagements de pérennisation des EIG",
);
pub(crate) const EIG7_GRID: Rule = rule(
    "eig7.selection.grid",
    "Critères d'évaluation des dossiers des administrations (cinq critères)",
    Cite(Document::Reg7, "§3.7"),
    "L’évaluation des dossiers s’appuie sur les cinq critères suivants :",
);

// The candidates' grids.

pub(crate) const EIG4_CANDIDATE_GRID: Rule = rule(
    "eig4.selection.candidate_grid",
    "Candidats notés sur 4 pour chacun des cinq critères, notes additionnées",
    Cite(Document::Aac4, "art. 6.2"),
    "Chaque critère est évalué sur une note de 4. Les notes sont additionnées pour donner un score total de 20. Ces notes finales sont utilisées pour départager les candidats.",
);
pub(crate) const EIG5_CANDIDATE_GRID: Rule = rule(
    "eig5.selection.candidate_grid",
    "Candidats notés sur 4 pour chacun des cinq critères, notes additionnées",
    Cite(Document::Aac5, "art. 5.4"),
    "Chaque critère est évalué sur une note de 4. Les notes sont additionnées pour donner un score total de 20. Ces notes finales sont utilisées pour départager les candidats.",
);
pub(crate) const EIG6_CANDIDATE_GRID: Rule = rule(
    "eig6.selection.candidate_grid",
    "Candidats notés de 0 à 5 sur chaque critère, note moyenne globale",
    Cite(Document::Aac6, "art. 5.4"),
    "Chaque critère est évalué par une note de 0 à 5, accompagnée d'une appréciation. Les notes sont utilisées pour calculer une note moyenne globale de la candidature, également accompagnée d’une appréciation.",
);
pub(crate) const EIG5BIS_SAME_GRID: Rule = rule(
    "eig5bis.selection.same_grid",
    "Les EIG 5 bis sont sélectionnés sur la même grille que les autres candidats",
    Cite(Document::Ami5bis, "art. 5.4"),
    "Elle est réservée aux personnes retenues à l'issue de la phase de pré-sélection, ainsi qu’aux EIG 5 bis, sans aucune différence de traitement.",
);
pub(crate) const EIG7_CANDIDATE_GRID: Rule = rule(
    "eig7.selection.candidate_grid",
    "Dossiers de candidature notés de 0 à 5 sur deux critères, moyenne",
    Cite(Document::Reg7, "§2.7 a"),
    "Chaque critère est évalué par une note de 0 à 5. Les notes sont utilisées pour calculer une moyenne, accompagnée d’une appréciation, afin de départager les dossiers de candidature.",
);
pub(crate) const EIG7_INTERVIEW_GRID: Rule = rule(
    "eig7.selection.interview_grid",
    "Après les entretiens, cinq critères notés de 0 à 5, moyenne",
    Cite(Document::Reg7, "§2.7 b"),
    "À l’issue des entretiens, les deux critères précédents sont réévalués le cas échéant et complétés par trois autres critères, évalués au regard des échanges avec la ou le candidat(e) […] Chaque critère est évalué par une note de 0 à 5. Les notes sont utilisées pour calculer une moyenne, accompagnée d’une appréciation, afin de départager les candidat(e)s auditionné(e)s.",
);

// The jury's withdrawals of a défi.

const INSUFFICIENT: &str = "Le jury se réserve le droit de retirer un ou plusieurs défi(s) s’il considère que le nombre de candidatures est insuffisant.";
const NO_SOLUTION_DEFI: &str = "Le jury se réserve le droit de retirer ce défi de la promotion si aucune solution satisfaisante n’est trouvée.";
const NO_SOLUTION_PROJECT: &str = "Le jury se réserve le droit de retirer ce projet de la promotion si aucune solution satisfaisante n’est trouvée.";
const NOT_KEPT_DEFI: &str = "Le jury se réserve le droit de retirer ce défi de la promotion si cet engagement ne peut pas être tenu.";
const NOT_KEPT_PROJECT: &str = "Le jury se réserve le droit de retirer ce projet de la promotion si cet engagement ne peut pas être tenu.";
const NO_SOLUTION_TITLE: &str = "Retrait d'un défi par le jury : aucune solution satisfaisante";
const NO_SOLUTION_PROJECT_TITLE: &str =
    "Retrait d'un projet par le jury : aucune solution satisfaisante";
const NOT_KEPT_PROJECT_TITLE: &str =
    "Retrait d'un projet par le jury : engagement de recrutement et d'accueil non tenu";
const NOT_KEPT_TITLE: &str =
    "Retrait d'un défi par le jury : engagement de recrutement et d'accueil non tenu";

pub(crate) const EIG2_WITHDRAWAL_INSUFFICIENT: Rule = rule(
    "eig2.selection.withdrawal_insufficient_candidates",
    "Retrait d'un défi par le jury : nombre de candidatures insuffisant",
    Cite(Document::Aac2, "art. 3"),
    INSUFFICIENT,
);
pub(crate) const EIG3_WITHDRAWAL_NO_SOLUTION: Rule = rule(
    "eig3.selection.withdrawal_no_satisfactory_solution",
    NO_SOLUTION_TITLE,
    Cite(Document::Aac3, "art. 6.5"),
    NO_SOLUTION_DEFI,
);
pub(crate) const EIG4_WITHDRAWAL_NO_SOLUTION: Rule = rule(
    "eig4.selection.withdrawal_no_satisfactory_solution",
    NO_SOLUTION_TITLE,
    Cite(Document::Aac4, "art. 6.5"),
    NO_SOLUTION_DEFI,
);
pub(crate) const EIG5_WITHDRAWAL_NO_SOLUTION: Rule = rule(
    "eig5.selection.withdrawal_no_satisfactory_solution",
    NO_SOLUTION_PROJECT_TITLE,
    Cite(Document::Aac5, "art. 5.6"),
    NO_SOLUTION_PROJECT,
);
pub(crate) const EIG6_WITHDRAWAL_NO_SOLUTION: Rule = rule(
    "eig6.selection.withdrawal_no_satisfactory_solution",
    NO_SOLUTION_PROJECT_TITLE,
    Cite(Document::Aac6, "art. 5.6"),
    NO_SOLUTION_PROJECT,
);
pub(crate) const EIG4_WITHDRAWAL_NOT_KEPT: Rule = rule(
    "eig4.selection.withdrawal_commitment_not_kept",
    NOT_KEPT_TITLE,
    Cite(Document::Aac4, "art. 7"),
    NOT_KEPT_DEFI,
);
pub(crate) const EIG5_WITHDRAWAL_NOT_KEPT: Rule = rule(
    "eig5.selection.withdrawal_commitment_not_kept",
    NOT_KEPT_PROJECT_TITLE,
    Cite(Document::Aac5, "art. 6"),
    NOT_KEPT_PROJECT,
);
pub(crate) const EIG6_WITHDRAWAL_NOT_KEPT: Rule = rule(
    "eig6.selection.withdrawal_commitment_not_kept",
    NOT_KEPT_PROJECT_TITLE,
    Cite(Document::Aac6, "art. 6"),
    NOT_KEPT_PROJECT,
);

// The EIG7 recruitment cap.

pub(crate) const EIG7_RECRUITMENT_CAP: Rule = rule(
    "eig7.selection.recruitment_cap",
    "Entretiens sur mission dans la limite de 30 EIG recrutés en 2024",
    Cite(Document::Reg7, "§2.6 b"),
    "La sélection n’a pas valeur de proposition d’embauche. Elle permet uniquement d’accéder, le cas échéant, à des entretiens sur mission, en fonction des projets lauréats de la 7ème promotion EIG et à concurrence de 30 EIG recruté(e)s en 2024.",
);

// The terms after the selection.

pub(crate) const EIG7_CONTRACT: Rule = rule(
    "eig7.contract.duration",
    "Contrat de projet d'un an, renouvelable",
    Cite(Document::Reg7, "§2.3"),
    "Les EIG de la 7ème promotion sont recruté(e)s en contrat de projet d’une durée d’un an, renouvelable.",
);
pub(crate) const EIG7_RENEWAL_NOTICE: Rule = rule(
    "eig7.contract.renewal_notice",
    "Avis de renouvellement au moins deux mois avant la fin du contrat",
    Cite(Document::Reg7, "§2.3"),
    "La DINUM informe l’EIG de son intention de renouveler ou non le contrat en respectant un délai d’au moins deux mois avant la fin du contrat.",
);
pub(crate) const EIG7_RENEWAL_ANSWER: Rule = rule(
    "eig7.contract.renewal_answer",
    "Réponse de l'EIG au renouvellement dans les huit jours",
    Cite(Document::Reg7, "§2.3"),
    "L’EIG fait savoir à la DINUM si elle ou il accepte ou non le renouvellement dans les huit jours suivant la réception.",
);
pub(crate) const EIG7_PROBATION: Rule = rule(
    "eig7.contract.probation",
    "Période de probation de deux mois, interruption demandée au plus tard dix jours avant son terme",
    Cite(Document::Reg7, "§3.4 d"),
    "L’accueil d’un(e) EIG est soumis à une période de probation de 2 mois à compter de son arrivée dans l’administration partenaire. À la demande de la DINUM ou de l’administration partenaire, au plus tard dix jours avant le terme de la période de probation, l’interruption de la mission peut être considérée.",
);
pub(crate) const EIG6_CONVENTION_TERMINATION: Rule = rule(
    "eig6.convention.termination",
    "Résiliation de la convention de financement avec un préavis d'un mois",
    Cite(Document::Aap6, "annexe 3 art. 8"),
    "La DINUM peut décider de mettre fin à la convention avec un préavis d’un mois, en cas de non respect des engagements stipulés à l’article 3 de la présente convention.",
);
pub(crate) const EIG6PLUS_CONVENTION_TERMINATION: Rule = rule(
    "eig6plus.convention.termination",
    "Résiliation de la convention de cofinancement des prolongations avec un préavis d'un mois",
    Cite(Document::Aac6Plus, "annexe 3 art. 8"),
    "La DINUM peut décider de mettre fin à la convention avec un préavis d’un mois",
);

/// The selection rules of each promotion, in the order of the selection: the défis' grid,
/// the candidates' grids, the withdrawals, the cap.
pub(crate) const fn selection(promotion: Promotion) -> &'static [Rule] {
    match promotion {
        Promotion::Eig2 => &[EIG2_WITHDRAWAL_INSUFFICIENT],
        Promotion::Eig3 => &[EIG3_GRID, EIG3_WITHDRAWAL_NO_SOLUTION],
        Promotion::Eig4 => &[
            EIG4_GRID,
            EIG4_SCALE,
            EIG4_RANKING,
            EIG4_OPINION,
            EIG4_CANDIDATE_GRID,
            EIG4_WITHDRAWAL_NO_SOLUTION,
            EIG4_WITHDRAWAL_NOT_KEPT,
        ],
        Promotion::Eig5 => {
            &[EIG5_GRID, EIG5_CANDIDATE_GRID, EIG5_WITHDRAWAL_NO_SOLUTION, EIG5_WITHDRAWAL_NOT_KEPT]
        }
        Promotion::Eig6 => &[
            EIG6_GRID,
            EIG6PLUS_GRID,
            EIG6_CANDIDATE_GRID,
            EIG5BIS_SAME_GRID,
            EIG6_WITHDRAWAL_NO_SOLUTION,
            EIG6_WITHDRAWAL_NOT_KEPT,
        ],
        Promotion::Eig7 => {
            &[EIG7_GRID, EIG7_CANDIDATE_GRID, EIG7_INTERVIEW_GRID, EIG7_RECRUITMENT_CAP]
        }
        _ => &[],
    }
}

/// The terms of each promotion that follow the selection and decide a date.
pub(crate) const fn terms(promotion: Promotion) -> &'static [Rule] {
    match promotion {
        Promotion::Eig6 => &[EIG6_CONVENTION_TERMINATION, EIG6PLUS_CONVENTION_TERMINATION],
        Promotion::Eig7 => {
            &[EIG7_CONTRACT, EIG7_RENEWAL_NOTICE, EIG7_RENEWAL_ANSWER, EIG7_PROBATION]
        }
        _ => &[],
    }
}
