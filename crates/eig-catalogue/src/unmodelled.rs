//! What the code says of the normative sentences of the texts that no rule quotes: the rules
//! that model them all the same, or why none does.
//!
//! The law ↔ code pages and `docs/rules/coverage.md` count a normative sentence as modelled
//! when a rule quotes it. Some sentences are modelled by a rule that quotes another sentence
//! of the same passage (the closing of a list, the same condition said twice); the others are
//! not modelled, each for a reason. Both are written here, once, as data: a test of
//! `eig-server` fails when a normative sentence has neither a rule nor a reason, and when an
//! entry names no sentence of its texts or several.

use eig_domain::Document;

/// Why no rule models a normative sentence of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Unmodelled {
    /// A duty of the talents (or of their team) during the programme, once recruited: not a
    /// condition of an application.
    DuringProgramme,
    /// A commitment of the host administration that takes effect after the selection
    /// (recruiting, contracts, pay, reporting, the convention's clauses): not a condition of
    /// the dossier, and not checked by the rules.
    HostAfterSelection,
    /// What the dossier or the application must contain: the jury reads it; the rules take
    /// only whether it is complete (the `complete_dossier` rules).
    DossierContent,
    /// Where a dossier is filed: the rules take a dossier as received and judge its date.
    Filing,
    /// A quality the jury assesses (impact, feasibility in ten months): a judgement, not a fact
    /// a rule can check.
    JuryJudgement,
    /// The duties of the jury and of the selection's team (neutrality, confidentiality, the
    /// results kept until published).
    JuryConduct,
    /// A step of the selection decided by people (answering the jury's requests, an audition
    /// for another défi).
    SelectionProcedure,
    /// The commitment to respect the call itself: its conditions are the rules.
    RespectTheCall,
    /// A clause of the convention signed after the selection on its own amendment.
    ConventionClause,
    /// A condition of the dossier that no rule checks yet.
    NotYetModelled,
    /// What an administration's dossier (a défi's, or an EIG6+ request for prolongations) must
    /// describe or contain, which the jury reads: the rules take the facts the dossier states
    /// (its team, its mentors, its commitments, its contracts), not its wording; no rule judges
    /// whether such a dossier is complete.
    DefiDossierContent,
    /// A decision of the jury in a call the whole call does not run: a project withdrawn from
    /// the AMI Promotion 5 bis (the withdrawal of an EIG6 project is a selection rule,
    /// `eig6.selection.withdrawal_…`).
    JuryDecision,
}

impl Unmodelled {
    /// The reason in French, as the law ↔ code pages show it.
    ///
    /// # Example
    /// ```
    /// use eig_catalogue::Unmodelled;
    /// assert!(Unmodelled::JuryConduct.french().starts_with("devoir du jury"));
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            Unmodelled::DuringProgramme => {
                "devoir des EIG (ou de leur équipe) pendant le programme, une fois recrutés : ce \
                 n'est pas une condition de la candidature"
            }
            Unmodelled::HostAfterSelection => {
                "engagement de l'administration qui prend effet après la sélection (recrutement, \
                 contrats, rémunération, indicateurs, convention) : ce n'est pas une condition du \
                 dossier, les règles ne le vérifient pas"
            }
            Unmodelled::DossierContent => {
                "contenu du dossier ou de la candidature, que lit le jury : les règles ne jugent \
                 que sa complétude (règle du dossier complet)"
            }
            Unmodelled::Filing => {
                "lieu du dépôt : les règles prennent le dossier reçu et jugent sa date de dépôt"
            }
            Unmodelled::JuryJudgement => {
                "qualité qu'apprécie le jury (enjeu, faisabilité en dix mois) : un jugement, pas \
                 un fait qu'une règle vérifie"
            }
            Unmodelled::JuryConduct => {
                "devoir du jury et de l'équipe de sélection (neutralité, confidentialité, \
                 résultats tenus secrets jusqu'à leur publication)"
            }
            Unmodelled::SelectionProcedure => {
                "étape de la sélection décidée par des personnes (réponse aux demandes du jury, \
                 audition pour un autre défi)"
            }
            Unmodelled::RespectTheCall => {
                "engagement à respecter l'appel lui-même : ses conditions sont les règles"
            }
            Unmodelled::ConventionClause => {
                "clause de la convention signée après la sélection, sur sa propre modification"
            }
            Unmodelled::NotYetModelled => "condition du dossier qu'aucune règle ne vérifie encore",
            Unmodelled::DefiDossierContent => {
                "ce que le dossier d'une administration (défi ou demande de prolongation) décrit ou \
                 contient, que lit le jury : les règles prennent les faits que le dossier déclare \
                 (équipe, mentors, engagements, contrats), pas sa rédaction ; aucune règle ne juge \
                 si un tel dossier est complet"
            }
            Unmodelled::JuryDecision => {
                "décision du jury de retirer un projet de l'AMI Promotion 5 bis : l'AMI n'est pas \
                 un appel que l'appel entier exécute ; le retrait d'un projet EIG6 est une règle \
                 de sélection (AAC6 art. 5.6 et art. 6)"
            }
        }
    }

    /// The reason in English, as `docs/rules/coverage.md` lists it.
    ///
    /// # Example
    /// ```
    /// use eig_catalogue::Unmodelled;
    /// assert!(Unmodelled::Filing.english().starts_with("where a dossier is filed"));
    /// ```
    pub const fn english(self) -> &'static str {
        match self {
            Unmodelled::DuringProgramme => {
                "a duty of the talents (or of their team) during the programme, once recruited: \
                 not a condition of an application"
            }
            Unmodelled::HostAfterSelection => {
                "a commitment of the host administration that takes effect after the selection \
                 (recruiting, contracts, pay, indicators, the convention): not a condition of the \
                 dossier, and the rules do not check it"
            }
            Unmodelled::DossierContent => {
                "what the dossier or the application contains, which the jury reads: the rules \
                 judge only whether it is complete (the complete-dossier rule)"
            }
            Unmodelled::Filing => {
                "where a dossier is filed: the rules take the dossier received and judge its date"
            }
            Unmodelled::JuryJudgement => {
                "a quality the jury assesses (the stakes, feasibility in ten months): a judgement, \
                 not a fact a rule checks"
            }
            Unmodelled::JuryConduct => {
                "a duty of the jury and of the selection's team (neutrality, confidentiality, \
                 results kept until published)"
            }
            Unmodelled::SelectionProcedure => {
                "a step of the selection decided by people (answering the jury's requests, an \
                 audition for another défi)"
            }
            Unmodelled::RespectTheCall => {
                "the commitment to respect the call itself: its conditions are the rules"
            }
            Unmodelled::ConventionClause => {
                "a clause of the convention signed after the selection, on its own amendment"
            }
            Unmodelled::NotYetModelled => "a condition of the dossier that no rule checks yet",
            Unmodelled::DefiDossierContent => {
                "what an administration's dossier (a défi's or a request for prolongations) \
                 describes or contains, which the jury reads: the rules take the facts the dossier \
                 states (its team, its mentors, its commitments, its contracts), not its wording; \
                 no rule judges whether such a dossier is complete"
            }
            Unmodelled::JuryDecision => {
                "a decision of the jury to withdraw a project of the AMI Promotion 5 bis: the AMI \
                 is not a call the whole call runs; the withdrawal of an EIG6 project is a \
                 selection rule (AAC6 art. 5.6 and art. 6)"
            }
        }
    }
}

/// What the code says of a normative sentence no rule quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Note {
    /// These rules model it (they quote another sentence of the same passage).
    ModelledBy(&'static [&'static str]),
    /// No rule models it, for this reason.
    NotModelled(Unmodelled),
}

/// A normative sentence of one or several texts, found by words it holds (the text as
/// `eig_sources::normalise_quote` writes it: straight apostrophes, single spaces), and what
/// the code says of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SentenceNote {
    /// The texts holding the sentence.
    pub documents: &'static [Document],
    /// Words of the sentence that no other normative sentence of these texts holds.
    pub words: &'static str,
    /// The rules that model it, or why none does.
    pub note: Note,
}

/// What the code says of `sentence` (a normative sentence of `document`), when it says
/// anything: the first entry of [`sentence_notes`] for the document whose words the sentence
/// holds.
///
/// # Example
/// ```
/// use eig_catalogue::{Note, Unmodelled, sentence_note};
/// use eig_domain::Document;
///
/// let sentence = "Les EIG s'engagent à partager leur expérience au sein de l'administration.";
/// assert_eq!(
///     sentence_note(Document::Aac4, sentence),
///     Some(Note::NotModelled(Unmodelled::DuringProgramme))
/// );
/// assert_eq!(sentence_note(Document::Reg7, sentence), None);
/// ```
pub fn sentence_note(document: Document, sentence: &str) -> Option<Note> {
    sentence_notes()
        .iter()
        .find(|entry| entry.documents.contains(&document) && sentence.contains(entry.words))
        .map(|entry| entry.note)
}

/// Every note, by text.
///
/// # Example
/// ```
/// let notes = eig_catalogue::sentence_notes();
/// assert!(notes.iter().all(|entry| !entry.documents.is_empty() && !entry.words.is_empty()));
/// ```
pub fn sentence_notes() -> &'static [SentenceNote] {
    table::NOTES
}

/// The notes, by text: first the sentences modelled by a rule that quotes another sentence
/// of the passage, then the sentences no rule models.
mod table {
    use super::{Note, SentenceNote, Unmodelled};
    use eig_domain::Document;

    use Document::{
        Aac2, Aac3, Aac4, Aac5, Aac6, Aac6Plus, Aap3, Aap4, Aap5, Aap6, Ami5bis, Jury4,
    };
    use Note::{ModelledBy, NotModelled};
    use Unmodelled::{
        ConventionClause, DefiDossierContent, DossierContent, DuringProgramme, Filing,
        HostAfterSelection, JuryConduct, JuryDecision, JuryJudgement, RespectTheCall,
        SelectionProcedure,
    };

    const fn note(documents: &'static [Document], words: &'static str, note: Note) -> SentenceNote {
        SentenceNote { documents, words, note }
    }

    const CALLS_FOR_CANDIDATES: &[Document] = &[Aac3, Aac4, Aac5, Aac6, Ami5bis];
    const CALLS_FOR_PROJECTS: &[Document] = &[Aap4, Aap5, Aap6];

    pub(super) static NOTES: &[SentenceNote] = &[
        // Modelled by a rule that quotes another sentence of the passage.
        note(
            &[Aac2],
            "Ils doivent préciser le ou les défis",
            ModelledBy(&["eig2.candidate.choices"]),
        ),
        note(
            &[Aac2],
            "s'engagent à fournir tous les éléments nécessaires à l'étude de leur candidature, dans le cadre",
            ModelledBy(&["eig2.candidate.channel", "eig2.candidate.complete_dossier"]),
        ),
        note(
            &[Aac3],
            "s'engagent à fournir tous les éléments nécessaires",
            ModelledBy(&["eig3.candidate.complete_dossier"]),
        ),
        note(
            &[Aac4],
            "doivent fournir tous les éléments nécessaires",
            ModelledBy(&["eig4.candidate.complete_dossier"]),
        ),
        note(
            &[Aac5],
            "doivent fournir tous les éléments nécessaires",
            ModelledBy(&["eig5.candidate.complete_dossier"]),
        ),
        note(
            &[Aac6],
            "doivent fournir tous les éléments nécessaires",
            ModelledBy(&["eig6.candidate.complete_dossier"]),
        ),
        note(
            &[Ami5bis],
            "doivent fournir tous les éléments nécessaires",
            ModelledBy(&["eig5bis.candidate.complete_dossier"]),
        ),
        // The list opened by « s'engagent à : » starts with the start day (AAC4–AAC6, AMI 5 bis).
        note(
            &[Aac4],
            "Les candidats s'engagent à :",
            ModelledBy(&["eig4.candidate.start_availability"]),
        ),
        note(&[Aac5], "s'engagent à :", ModelledBy(&["eig5.candidate.start_availability"])),
        note(&[Aac6], "s'engagent à :", ModelledBy(&["eig6.candidate.start_availability"])),
        note(&[Ami5bis], "s'engagent à :", ModelledBy(&["eig5bis.candidate.start_availability"])),
        note(
            &[Aap4],
            "ne peuvent pas bénéficier d'un financement direct",
            ModelledBy(&["eig4.host.funding_route"]),
        ),
        note(
            &[Aap5],
            "ne peuvent pas bénéficier d'un financement direct",
            ModelledBy(&["eig5.host.funding_route"]),
        ),
        note(
            &[Aap5],
            "correctement dimensionnés, c'est-à-dire :",
            ModelledBy(&["eig5.defi.team_size", "eig5.defi.profiles"]),
        ),
        note(
            &[Aap5],
            "Pour chaque projet, l'administration doit :",
            ModelledBy(&["eig5.defi.project_lead", "eig5.defi.high_level_mentor"]),
        ),
        note(
            &[Aap4],
            "doit s'engager à : - mettre à disposition des EIG l'environnement technique",
            ModelledBy(&["eig4.defi.commitments"]),
        ),
        note(
            &[Aap5],
            "doit s'engager à : - mettre à disposition des EIG l'environnement technique",
            ModelledBy(&["eig5.defi.commitments"]),
        ),
        note(
            &[Aap6],
            "doit s'engager à : - mettre à disposition des EIG l'environnement technique",
            ModelledBy(&["eig6.defi.commitments"]),
        ),
        note(
            &[Aap6, Aac6Plus],
            "Elle s'engage à financer la part de rémunération des EIG non couverte",
            ModelledBy(&["funding.host_pays_rest"]),
        ),
        note(
            &[Aap6],
            "L'administration lauréate s'engage à prendre en charge les frais de déplacement",
            ModelledBy(&["eig6.defi.travel_costs"]),
        ),
        // The pre-selection's exclusions: the candidate rules refuse an ineligible candidate,
        // and the complete-dossier rule an incomplete dossier (the selection criteria are the
        // jury's).
        note(
            &[Aac2],
            "dossiers incomplets, ou les dossiers ne remplissant",
            ModelledBy(&["eig2.candidate.complete_dossier"]),
        ),
        note(
            &[Aac3],
            "dossiers incomplets, ou les dossiers ne remplissant",
            ModelledBy(&["eig3.candidate.complete_dossier"]),
        ),
        note(
            &[Aac4],
            "dossiers incomplets, ou les dossiers ne remplissant",
            ModelledBy(&["eig4.candidate.complete_dossier"]),
        ),
        note(
            &[Aac5],
            "dossiers incomplets, ou les dossiers ne remplissant",
            ModelledBy(&["eig5.candidate.complete_dossier"]),
        ),
        note(
            &[Aac6],
            "dossiers incomplets ou les dossiers ne remplissant",
            ModelledBy(&["eig6.candidate.complete_dossier"]),
        ),
        // The list this sentence opens is the two contract conditions (AAC6+ §2.1).
        note(
            &[Aac6Plus],
            "Sont éligibles à bénéficier du cofinancement",
            ModelledBy(&[
                "eig6plus.contract.continuous_until_29_december",
                "eig6plus.contract.same_pay",
            ]),
        ),
        // Not modelled.
        note(&[Aac2], "s'assurer de leur libre exploitation", NotModelled(DuringProgramme)),
        note(
            &[Aac2],
            "postulants doivent présenter une description détaillée",
            NotModelled(DossierContent),
        ),
        note(
            &[Aac2, Aac3, Aac4],
            "L'administration porteuse du défi s'engage à réaliser",
            NotModelled(HostAfterSelection),
        ),
        note(
            &[Aac5, Aac6, Ami5bis],
            "L'administration porteuse du projet s'engage à réaliser",
            NotModelled(HostAfterSelection),
        ),
        note(
            &[Aac2, Aac3, Aac4, Aac5, Aac6, Ami5bis],
            "s'engagent à répondre à toute demande d'informations",
            NotModelled(SelectionProcedure),
        ),
        note(&[Aac2, Aac3], "Les candidats s'engagent à :", NotModelled(DuringProgramme)),
        note(
            &[Aac2, Aac3, Aac4, Aac5, Aac6, Ami5bis],
            "Les EIG doivent se conformer aux procédures administratives",
            NotModelled(DuringProgramme),
        ),
        note(
            &[Aac2, Aac3],
            "mettre à disposition le fruit de leurs travaux",
            NotModelled(DuringProgramme),
        ),
        note(
            &[Aac2, Aac3, Aac4, Aac5, Aac6, Ami5bis],
            "Les EIG s'engagent à partager leur expérience",
            NotModelled(DuringProgramme),
        ),
        note(
            &[Aac2, Aac3, Aac4, Aac5, Aac6, Ami5bis],
            "doivent respecter plusieurs engagements, dont :",
            NotModelled(HostAfterSelection),
        ),
        note(
            &[Aac2, Aac3, Aac4, Aac5, Aac6, Ami5bis],
            "En participant à ce programme, les administrations lauréates",
            NotModelled(RespectTheCall),
        ),
        note(
            &[Aac3],
            "s'engagent à participer à la vie de la promotion",
            NotModelled(DuringProgramme),
        ),
        note(
            CALLS_FOR_CANDIDATES,
            "les principes de neutralité, de probité",
            NotModelled(JuryConduct),
        ),
        note(CALLS_FOR_CANDIDATES, "s'engagent à ne pas divulguer", NotModelled(JuryConduct)),
        note(
            CALLS_FOR_CANDIDATES,
            "En aucun cas les résultats ne peuvent être communiqués",
            NotModelled(JuryConduct),
        ),
        note(
            CALLS_FOR_CANDIDATES,
            "ne peuvent cumuler leur activité",
            NotModelled(DuringProgramme),
        ),
        note(
            &[Aac4, Aac5, Aac6, Ami5bis],
            "doivent respecter les dispositions législatives et réglementaires",
            NotModelled(DuringProgramme),
        ),
        note(
            &[Aac4, Aac5, Aac6, Ami5bis],
            "Si leur préférence ne peut pas être satisfaite",
            NotModelled(SelectionProcedure),
        ),
        // AAC4–AAC6's withdrawals are selection rules (`eigN.selection.withdrawal_…`); the
        // AMI 5 bis is not a call the whole call runs.
        note(&[Ami5bis], "Le jury se réserve le droit de retirer ce", NotModelled(JuryDecision)),
        // JURY4 tells the jurors what a good défi is: qualities they weigh.
        // « en équipes de 2 à 3 EIG » is what eig4.defi.team_size checks (AAP4 §2).
        note(&[Jury4], "Doit être réalisable en 10 mois", ModelledBy(&["eig4.defi.team_size"])),
        note(&[Jury4], "l'utilisation du numérique doit apporter", NotModelled(JuryJudgement)),
        note(&[Jury4], "doit être prête à voir sa façon de travailler", NotModelled(JuryJudgement)),
        note(&[Jury4], "Un accès aux utilisateurs et/ou aux métiers", NotModelled(JuryJudgement)),
        note(&[Jury4], "doit être bien placé dans la hiérarchie", NotModelled(JuryJudgement)),
        note(&[Jury4], "l'accueil des EIG doit avoir été anticipé", NotModelled(JuryJudgement)),
        note(
            &[Aac4, Aac5, Aac6],
            "s'engagent à apporter des éléments complémentaires",
            NotModelled(SelectionProcedure),
        ),
        // The complete-dossier rules of AAC4 and AAC5 name the CV among what a complete
        // dossier holds (AAC6 asks for no CV).
        note(
            &[Aac4],
            "Ils doivent obligatoirement fournir un CV",
            ModelledBy(&["eig4.candidate.complete_dossier"]),
        ),
        note(
            &[Aac5],
            "Ils doivent obligatoirement fournir un CV",
            ModelledBy(&["eig5.candidate.complete_dossier"]),
        ),
        note(
            &[Aap3],
            "Les défis doivent : - porter sur un enjeu signifiant",
            NotModelled(JuryJudgement),
        ),
        note(&[Aap3], "être réalisables sur une période de 10 mois", NotModelled(JuryJudgement)),
        note(
            &[Aap3, Aap4, Aap5, Aap6],
            "Cette équipe devra être décrite dans le dossier",
            NotModelled(DefiDossierContent),
        ),
        note(&[Aap3], "Le dossier de soumission doit être déposé sur le site", NotModelled(Filing)),
        note(&[Aap3, Aap4], "doit inclure les éléments suivants", NotModelled(DefiDossierContent)),
        note(
            &[Aap3, Aap4, Aap5, Aap6],
            "prendre en charge le recrutement administratif des EIG",
            NotModelled(HostAfterSelection),
        ),
        note(
            &[Aap4, Aap6],
            "solutions envisagées doivent : - Porter sur un enjeu signifiant",
            NotModelled(JuryJudgement),
        ),
        note(
            &[Aap5],
            "Les problématiques des projets et les solutions envisagées doivent :",
            NotModelled(JuryJudgement),
        ),
        note(&[Aap4], "Être réalisables sur une période de 10 mois", NotModelled(JuryJudgement)),
        note(&[Aap6], "permettre en 10 mois une phase d'exploration", NotModelled(JuryJudgement)),
        note(
            CALLS_FOR_PROJECTS,
            "Les administrations lauréates s'engagent à construire avec la DINUM",
            NotModelled(HostAfterSelection),
        ),
        note(
            CALLS_FOR_PROJECTS,
            "les administrations lauréates s'engagent à élaborer des contrats",
            NotModelled(HostAfterSelection),
        ),
        note(
            CALLS_FOR_PROJECTS,
            "prévoir une date d'arrivée des EIG",
            NotModelled(HostAfterSelection),
        ),
        // AAP4–AAP6: the host's commitment to the accompaniment (in each promotion's
        // `defi.commitments`) models the mentors' part, in part; the talents' part is a duty
        // during the programme.
        note(&[Aap4], "Ces sessions sont obligatoires", ModelledBy(&["eig4.defi.commitments"])),
        note(&[Aap5], "Ces sessions sont obligatoires", ModelledBy(&["eig5.defi.commitments"])),
        note(&[Aap6], "Ces sessions sont obligatoires", ModelledBy(&["eig6.defi.commitments"])),
        note(
            &[Aap4, Aap5, Aap6, Aac6Plus],
            "Le dossier doit être déposé sur le site",
            NotModelled(Filing),
        ),
        note(
            &[Aap5, Aap6, Aac6Plus],
            "Elle doit inclure les éléments suivants",
            NotModelled(DefiDossierContent),
        ),
        note(
            &[Aap6, Aac6Plus],
            "l'administration lauréate s'engage à construire avec la DINUM",
            NotModelled(HostAfterSelection),
        ),
        note(
            &[Aap6, Aac6Plus],
            "l'administration lauréate s'engage à élaborer des contrats",
            NotModelled(HostAfterSelection),
        ),
        note(
            &[Aap6, Aac6Plus],
            "La convention ne peut être modifiée",
            NotModelled(ConventionClause),
        ),
        // The same article of the model convention (annexe 3) in AAP6 and AAC6+, signed after
        // the selection; the dossier's commitment is modelled from AAP6 §4's own list.
        note(
            &[Aap6, Aac6Plus],
            "L'administration lauréate s'engage à mettre à disposition des EIG",
            NotModelled(HostAfterSelection),
        ),
        note(
            &[Aac6Plus],
            "L'administration lauréate s'engage à prendre en charge les frais de déplacement",
            NotModelled(HostAfterSelection),
        ),
    ];
}
