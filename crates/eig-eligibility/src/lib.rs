//! Eligibility rules of each promotion of the *Entrepreneurs d'intérêt général* programme,
//! explained and cited.
//!
//! - **Défi dossiers** ([`evaluate_dossier`]): who may propose a défi and on which
//!   [`FundingRoute`](eig_domain::FundingRoute) (AAP3 §3.1; AAP4–AAP6 §3; REG7 §1.2, §3.1),
//!   what the défi must be (team, profiles, mentors, commitments), and the submission
//!   deadline in Paris time.
//! - **Candidates** ([`evaluate_candidate`]): natural person, civil servants in post, jury
//!   members, students, former EIG5 talents, choice limits (AAC2–AAC6 art. 3–5; REG7 §2.1);
//!   the AMI Promotion 5 bis for EIG5 talents not prolonged ([`evaluate_eig5bis`]).
//! - **Batches** ([`evaluate_dossiers`], [`evaluate_candidates`]): one result per record; a
//!   record that cannot be judged gets a [`BatchError`] naming it, the others are decided.
//! - **EIG6+ prolongations** ([`evaluate_prolongation`]): the 2023 co-financing of promotion
//!   6's prolongations (AAC6+ §2.1, §3.3), judged per talent
//!   ([`evaluate_prolongation_by_talent`]; AAC6+ §2.2: « 20 000 euros par EIG prolongé(e) »).
//! - **EIG7 terms** ([`eig7_contract_terms`], [`eig7_renewal_answer_by`],
//!   [`eig7_recruitment_cap`]): the dates REG7 §2.3 and §3.4 d give, and the cap of 30
//!   recruitments in 2024 (§2.6 b).
//! - **Termination of a funding convention** ([`convention_termination`]): the day it takes
//!   effect, one month after its notification (AAP6 annexe 3 art. 8: « avec un préavis d’un
//!   mois »).
//! - **Laureate selection** ([`select_laureates`]): rank by the jury's scores on the
//!   promotion's grid, then select within places and an optional envelope.
//! - **Candidate scoring** ([`rank_candidates`]): the jury's marks on each promotion's
//!   candidate grid ([`candidate_grid`]: AAC4 art. 6.2, AAC5 art. 5.4, AAC6 art. 5.4, REG7
//!   §2.7) turned into one ranking per (défi, profile) with ties, the shape the matching takes;
//!   per profile alone for the EIG6 and EIG7 pre-selections (AAC6 art. 4, REG7 §2.6 a).
//!
//! One rule set per promotion ([`rule_set`]); EIG1 and DIG1 have no published call rules and
//! return [`EligibilityError::NoPublishedRules`]. A [`Decision`] is tri-state ([`Outcome`]:
//! eligible with its funding route, ineligible with *every* failing rule, incomplete with the
//! missing inputs) and carries a trace of every rule evaluated (stable id, result, facts,
//! parameters, [`Source`](eig_domain::Source)). [`render_french`] explains a decision as
//! CRPA art. R. 311-3-1-2 requires. Two exceptions that conflict are an error naming both.
//!
//! Pure: no IO, no clock; the submission instant is an input. The catalogue of rules, with
//! the sentences they implement and the interpretations taken, is `docs/rules/eligibility.md`.
//!
//! # Example
//! ```
//! use eig_domain::FundingRoute;
//! use eig_eligibility::{evaluate_dossier, DefiDossier, Outcome};
//!
//! let dossier: DefiDossier = serde_json::from_str(r#"{
//!   "defi": {
//!     "id": "eig3-ia", "title": "IA", "promotion": "EIG3",
//!     "hosts": {"operational": {"name": "Ministère de l'Intérieur", "kind": {"kind": "ministry"}}},
//!     "team": [{"profile": "data_scientist"}, {"profile": "developer"}],
//!     "support": ["operational_mentor", "high_level_mentor"],
//!     "commitments": ["data_access", "open_source_and_open_data", "accompaniment",
//!                     "work_outside_walls", "reuse_shared_components", "sustainability_plan"]
//!   },
//!   "submitted_at": "2018-06-15T14:59:59Z",
//!   "funding": {"cofinancing_requested": true},
//!   "purely_it_tooling": false
//! }"#)?;
//! let decision = evaluate_dossier(&dossier)?;
//! assert_eq!(decision.outcome, Outcome::Eligible { funding_route: Some(FundingRoute::Direct) });
//!
//! let late = DefiDossier { submitted_at: Some("2018-06-15T17:00:00+02:00".parse()?), ..dossier };
//! assert!(matches!(evaluate_dossier(&late)?.outcome, Outcome::Ineligible { .. }));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[doc(alias = "lot")]
pub use crate::batch::{BatchError, evaluate_candidates, evaluate_dossiers};
#[doc(alias = "calendrier")]
pub use crate::calls::{eig5bis_call, prolongation_call};
#[doc(alias = "notation")]
#[doc(alias = "classement")]
#[doc(alias = "candidats")]
pub use crate::candidate_scoring::{
    Aggregation, CandidateGrid, CandidateRanking, CandidateRankings, CandidateScoreSheet,
    CandidateScores, ListKey, ScoredCandidate, candidate_grid, rank_candidates,
};
#[doc(alias = "résiliation")]
#[doc(alias = "convention de financement")]
#[doc(alias = "préavis")]
pub use crate::convention_terms::{
    ConventionTermination, FundingConvention, convention_termination,
};
#[doc(alias = "que faudrait-il changer")]
#[doc(alias = "contrefactuel")]
pub use crate::counterfactual::{
    Blocked, Change, ChangeOptions, ChangeSet, Counterfactuals, MAX_CHANGES, MAX_EVALUATIONS,
    MAX_SETS, changes_to_eligible_application, changes_to_eligible_dossier, render_changes_french,
};
pub use crate::definitions::{rule_definition, rule_definitions};
#[doc(alias = "règles")]
#[doc(alias = "contrat de projet")]
#[doc(alias = "probation")]
pub use crate::eig7_terms::{
    Eig7ContractTerms, RecruitmentCap, eig7_contract_terms, eig7_recruitment_cap,
    eig7_renewal_answer_by,
};
#[doc(alias = "erreur")]
pub use crate::error::EligibilityError;
#[doc(alias = "rendu")]
#[doc(alias = "explication")]
pub use crate::french::{RuleLine, RuleStatus, reason_in_french, render_french, rule_lines};
#[doc(alias = "jury")]
#[doc(alias = "notation")]
pub use crate::grid::{Criterion, ScoreScale, ScoringGrid, ScoringPhase};
#[doc(alias = "dossier")]
#[doc(alias = "candidature")]
#[doc(alias = "autofinancement")]
pub use crate::input::{
    AcceptanceLastDay, ApplicationProcess, BetaPhase, CandidateApplication, Choice, CoachException,
    DefiDossier, FundingDeclaration, Readings,
};
#[doc(alias = "libellé")]
pub use crate::labels::{input_label, parameter_label};
#[doc(alias = "décision")]
#[doc(alias = "éligibilité")]
pub use crate::outcome::{
    Decision, Fact, Failure, Outcome, Reason, RuleResult, Subject, TraceEntry, Value,
};
#[doc(alias = "prolongation")]
#[doc(alias = "EIG6+")]
pub use crate::prolongation::{
    ProlongationDecision, ProlongationRequest, ProlongedContract, TalentOutcome,
    evaluate_prolongation, evaluate_prolongation_by_talent, prolongation_rule_ids,
    prolongation_rules,
};
#[doc(alias = "5bis")]
pub use crate::rules::{
    RuleDefinition, RuleSet, eig5bis_rule_ids, eig5bis_rules, evaluate_candidate, evaluate_dossier,
    evaluate_eig5bis, rule_set,
};
#[doc(alias = "jury")]
#[doc(alias = "lauréats")]
pub use crate::selection::{
    JuryCall, JuryOpinion, JurySheet, Ranked, ScoredDossier, Selection, SelectionStatus, TieBreak,
    UnfavourableOpinion, select_laureates,
};
#[doc(alias = "règles de sélection")]
#[doc(alias = "contrat")]
pub use crate::selection_rules::{selection_rule_ids, selection_rules, terms_rules};
#[doc(alias = "retrait")]
pub use crate::withdrawal::WithdrawalGround;

/// A promotion's list of rules and the list of their ids, in the same order, from one list of
/// names: the trace's order and the definitions' cannot drift apart.
macro_rules! rules_and_ids {
    ($vis:vis $rules:ident, $ids:ident: [$($rule:ident),* $(,)?]) => {
        $vis const $rules: &[Rule] = &[$($rule),*];
        $vis const $ids: &[&str] = &[$($rule.id),*];
    };
}

mod batch;
mod calls;
mod candidate_scoring;
mod convention_terms;
mod counterfactual;
mod definitions;
mod eig7_terms;
mod error;
mod french;
mod grid;
mod input;
mod labels;
mod outcome;
mod prolongation;
mod rules;
mod selection;
mod selection_rules;
mod withdrawal;
