//! The operations of the *Entrepreneurs d'intérêt général* rules as **one table**: every
//! operation once — its name, its request and response shapes with their JSON Schemas, its
//! parameters, its errors with stable codes, its examples and its French text — from which the
//! `eig` command's subcommands, the HTTP service's routes and OpenAPI document, `eig schema`,
//! `eig example` and any binding derive. Pure: no IO, no clock, no environment.
//!
//! - **Typed functions**, one per operation: [`decide_eligibility`], [`explain_decision`],
//!   [`changes_to_eligibility`],
//!   [`decide_prolongation`], [`decide_ami5bis`], [`select_laureates`], [`rank_candidates`],
//!   [`eig7_terms`], [`eig7_recruitment_cap`], [`convention_termination`], [`plan_funding`], [`plan_funding_scenario`], [`funding_calendar`],
//!   [`assign_talents`], [`run_call`], [`simulate`], [`simulate_candidate`], [`run_cases`], [`official_figures`],
//!   [`list_parameters`], [`list_rules`], [`diff_rules`], [`vocabulary`].
//! - **The table**: [`operations`] (each an [`Operation`]: `id`, `command`, `method`, `path`,
//!   shapes, [`Param`]s, [`Operation::run`] from a [`Request`] to JSON,
//!   [`Operation::run_french`] to text) and [`shapes`] (each a [`Shape`]: kind, name,
//!   [`Shape::schema`], [`Shape::example`]).
//! - **Errors**: [`ApiError`] — an [`ErrorKind`] (its HTTP status and exit code), a stable
//!   [`ApiError::code`], a JSON path, a French message; reading with [`parse`] and
//!   [`parse_for`].
//! - **The fixtures** the examples are made of: [`fixtures`], a complete and eligible dossier,
//!   application, funding input, matching problem and whole call for each promotion EIG2–EIG7
//!   (re-exported by `eig-testkit`).
//! - **The shapes** the rule crates do not define: [`EligibilityInput`], [`EligibilityOutput`],
//!   [`RecordAnswer`], [`ExplainInput`], [`Explanation`], [`FundingRequest`], [`MatchOutput`],
//!   [`HistoryOutput`], [`Simulation`], [`SimulationResult`], [`CandidateSimulation`],
//!   [`CandidateSimulationResult`], [`TypedAnswer`], [`Vocabulary`], [`Eig7Terms`],
//!   [`TestOutput`].
//!
//! # Example
//! ```
//! use std::collections::BTreeMap;
//! use eig_api::{Request, Surface, operation, shape};
//!
//! // The table's entry for jury selection, run on its shape's example.
//! let op = operation("selectLaureates").unwrap();
//! assert_eq!((op.command, op.path), ("selection", "/v1/selection"));
//! let example = shape(op.input.unwrap()).unwrap().example(None)?.to_string();
//! let answer = op.run(&Request::new(&example, &BTreeMap::new(), Surface::Command))?;
//! assert!(answer.contains("\"ranking\""));
//! # Ok::<(), eig_api::ApiError>(())
//! ```

pub use crate::{
    answers::{AnswerError, TypedAnswer},
    error::{ApiError, ErrorKind},
    operations::{
        assign_talents, candidates_judged, changes_to_eligibility, convention_termination,
        decide_ami5bis, decide_eligibility, decide_prolongation, diff_rules, diff_sides,
        dossiers_judged, eig7_recruitment_cap, eig7_terms, explain_decision, funding_calendar,
        list_parameters, list_rules, matching_problems, official_figures, plan_funding,
        plan_funding_scenario, rank_candidates, run_call, run_case_text, run_case_text_with,
        run_cases, select_laureates, simulate, simulate_candidate, solve_and_report, test_output,
        vocabulary,
    },
    read::{Surface, parse, parse_for, shorten},
    shapes::{
        CandidateSimulation, CandidateSimulationResult, CaseResult, ChangesAnswer, Eig7Terms,
        EligibilityInput, EligibilityOutput, ExplainInput, Explanation, FundingRequest,
        HistoryOutput, LabelledValue, MatchOutput, ProlongationAnswer, RecordAnswer,
        SchemaDocument, Simulation, SimulationResult, TalentField, TalentMissing, TestOutput,
        Vocabulary,
    },
    stream::EligibilityAnswer,
    table::{
        Answer, Direction, MAX_NODE_LIMIT, Method, Operation, Param, ParamType, Refusal, Request,
        Shape, operation, operations, parse_promotion, shape, shapes,
    },
};

/// The answers in French for a person, as the command prints them.
pub mod french {
    pub use crate::{
        campaign_text::campaign,
        text::{decision_line, history, judged_line, matching, outcome, outcome_line, subject},
    };
}

mod answers;
mod campaign_text;
mod error;
mod examples;
pub mod fixtures;
mod operations;
mod read;
mod schema;
mod shapes;
mod stream;
mod table;
mod text;
