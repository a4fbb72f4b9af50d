//! Runs a campaign through the libraries: dossier eligibility → laureate selection → funding
//! plan against the envelope → candidate eligibility → talent assignment → verification.
//! Glue only: every decision is made by a library call.

use std::collections::{BTreeMap, BTreeSet};

use eig_domain::{CandidateId, DefiId, Euros, FundingRoute, Promotion, Source, TalentProfile};
use eig_eligibility::{
    Choice, Decision, DefiDossier, JurySheet, Outcome, ScoredDossier, Selection, SelectionStatus,
    evaluate_candidate, evaluate_dossier, select_laureates,
};
use eig_funding::{
    DefiInput as FundingDefi, EnvelopeOutcome, ParameterId, ParameterValue, PromotionInput,
    PromotionPlan, Scenario, TalentInput, official_parameter, plan_promotion,
};
use eig_matching::{
    CandidateInput, DefiInput as MatchingDefi, Explanations, Instance, Limits, MatchingInput,
    Options, RankingInput, Report, solve,
};
use serde::Serialize;

use crate::{campaign::Campaign, error::CliError};

/// The whole result of a campaign, in pipeline order.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct CampaignResult {
    pub(crate) title: String,
    pub(crate) promotion: Promotion,
    /// The campaign's notes: the assumptions made in assembling its data, which no source
    /// states.
    pub(crate) assumptions: Vec<String>,
    /// Where the envelope the selection applies is stated.
    pub(crate) envelope_source: Option<Source>,
    pub(crate) dossiers: Vec<DossierResult>,
    pub(crate) selection: Selection,
    pub(crate) funding: PromotionPlan,
    pub(crate) candidates: Vec<CandidateResult>,
    pub(crate) matching: MatchingResult,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct DossierResult {
    pub(crate) defi: DefiId,
    pub(crate) title: String,
    pub(crate) synthetic: bool,
    pub(crate) note: String,
    pub(crate) decision: Decision,
    /// What the requested team alone would commit against the promotion's envelope, as
    /// eig-funding counts it (the amount the selection counts), for eligible co-financed
    /// dossiers of a promotion with a stated envelope.
    pub(crate) requested: Option<Euros>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct CandidateResult {
    pub(crate) candidate: CandidateId,
    pub(crate) profile: TalentProfile,
    pub(crate) synthetic: bool,
    pub(crate) decision: Decision,
    /// Chosen défis that were not selected as laureates (they take no part in the assignment).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) choices_not_selected: Vec<DefiId>,
    pub(crate) assigned_to: Option<DefiId>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct MatchingResult {
    pub(crate) input: MatchingInput,
    pub(crate) report: Report,
    pub(crate) explanations: Explanations,
}

fn unjudgeable(what: impl std::fmt::Display, err: impl std::fmt::Display) -> CliError {
    CliError::Unjudgeable { input: what.to_string(), message: err.to_string() }
}

/// The official envelope of the promotion and its source, if the funding parameters state one.
fn envelope_of(promotion: Promotion) -> Option<(Euros, Source)> {
    let parameter = official_parameter(ParameterId::ProgrammeEnvelope, promotion)?;
    match parameter.value {
        ParameterValue::Amount(amount) => Some((amount, parameter.source)),
        _ => None,
    }
}

/// The funding input of one défi: its route, carrier and one talent per requested seat (no
/// employer cost given: eig-funding uses the ING reference and marks it as an estimate).
fn funding_defi(defi: &DefiId, route: FundingRoute, dossier: &DefiDossier) -> FundingDefi {
    FundingDefi {
        defi: defi.clone(),
        route,
        administrative_carrier: dossier
            .defi
            .hosts
            .administrative
            .as_ref()
            .map(|host| host.name.clone()),
        phase: eig_funding::Phase::Initial,
        contract_months: None,
        talents: (1..=dossier.defi.team.len())
            .filter_map(|seat| format!("{defi}.seat{seat}").parse().ok())
            .map(|talent| TalentInput {
                talent,
                experience: None,
                employer_cost: None,
                months_worked: None,
            })
            .collect(),
    }
}

/// A dossier judged eligible, with its route: what the later steps need of it.
type Routes<'c> = BTreeMap<DefiId, (FundingRoute, &'c DefiDossier)>;

/// Step 1: every dossier's eligibility, and what the programme would pay for each eligible
/// co-financed one.
fn judge_dossiers(campaign: &Campaign) -> Result<(Vec<DossierResult>, Routes<'_>), CliError> {
    let mut dossiers = Vec::with_capacity(campaign.dossiers.len());
    let mut routes = Routes::new();
    for entry in &campaign.dossiers {
        let defi = &entry.dossier.defi;
        let decision = evaluate_dossier(&entry.dossier)
            .map_err(|err| unjudgeable(format!("dossier {}", defi.id), err))?;
        let mut result = DossierResult {
            defi: defi.id.clone(),
            title: defi.title.to_string(),
            synthetic: entry.synthetic,
            note: entry.note.clone(),
            decision,
            requested: None,
        };
        if let Outcome::Eligible { funding_route: Some(route) } = result.decision.outcome {
            let input = funding_defi(&result.defi, route, &entry.dossier);
            // What this défi alone commits against the envelope, as eig-funding counts it (the
            // payer whose envelope it is depends on the promotion: the library decides).
            let alone = PromotionInput { promotion: campaign.promotion, defis: vec![input] };
            let plan = plan_promotion(&alone, &Scenario::default())
                .map_err(|err| unjudgeable(format!("funding of {}", defi.id), err))?;
            result.requested = match plan.envelope {
                EnvelopeOutcome::Within { committed, .. }
                | EnvelopeOutcome::Exceeded { committed, .. } => Some(committed),
                _ => None,
            };
            routes.insert(defi.id.clone(), (route, &entry.dossier));
        }
        dossiers.push(result);
    }
    Ok((dossiers, routes))
}

/// Step 2: the laureates among eligible dossiers, within places and the envelope.
fn select(
    campaign: &Campaign,
    dossiers: &[DossierResult],
) -> Result<(Selection, Option<Source>), CliError> {
    let promotion = campaign.promotion;
    let (envelope, envelope_source) = envelope_of(promotion).unzip();
    let sheet = JurySheet {
        promotion,
        places: campaign.places,
        envelope,
        scale: campaign.score_scale,
        dossiers: campaign
            .dossiers
            .iter()
            .zip(dossiers)
            .filter(|(_, result)| matches!(result.decision.outcome, Outcome::Eligible { .. }))
            .map(|(entry, result)| ScoredDossier {
                defi: result.defi.clone(),
                scores: entry.scores.clone(),
                jury_rank: None,
                requested: result.requested,
            })
            .collect(),
        // No ranking is given here (jury_rank is None), so the order only reads the totals.
        tie_break: eig_eligibility::TieBreak::default(),
    };
    let selection = select_laureates(&sheet).map_err(|err| unjudgeable("the jury sheet", err))?;
    Ok((selection, envelope_source))
}

/// Step 4: every application's eligibility; the eligible ones with their choices among the
/// laureates, for the assignment.
fn judge_candidates(
    campaign: &Campaign,
    laureates: &BTreeSet<&DefiId>,
) -> Result<(Vec<CandidateResult>, Vec<CandidateInput>), CliError> {
    let mut candidates = Vec::with_capacity(campaign.candidates.len());
    let mut matching_candidates = Vec::new();
    for entry in &campaign.candidates {
        let application = &entry.application;
        let decision = evaluate_candidate(application)
            .map_err(|err| unjudgeable(format!("candidate {}", application.candidate.id), err))?;
        let chosen = application.choices.iter().flatten().filter_map(|choice| match choice {
            Choice::Defi(defi) => Some(defi.clone()),
            Choice::Profile(_) => None,
        });
        let (kept, dropped): (Vec<DefiId>, Vec<DefiId>) =
            chosen.partition(|defi| laureates.contains(defi));
        if matches!(decision.outcome, Outcome::Eligible { .. }) && !kept.is_empty() {
            matching_candidates.push(CandidateInput {
                id: application.candidate.id.clone(),
                profile: application.candidate.profile,
                choices: kept,
            });
        }
        candidates.push(CandidateResult {
            candidate: application.candidate.id.clone(),
            profile: application.candidate.profile,
            synthetic: entry.synthetic,
            decision,
            choices_not_selected: dropped,
            assigned_to: None,
        });
    }
    Ok((candidates, matching_candidates))
}

/// Step 5's input: the laureates' seats, the eligible candidates, and the juries' rankings
/// restricted to them (a ranking may only name candidates who chose the défi or are offered
/// it).
fn matching_input(
    campaign: &Campaign,
    laureates: &[DefiId],
    routes: &Routes<'_>,
    candidates: Vec<CandidateInput>,
) -> Result<MatchingInput, CliError> {
    let promotion = campaign.promotion;
    let limits = Limits::for_promotion(promotion).ok_or_else(|| {
        unjudgeable(promotion, "no team bounds or choice limit for this promotion")
    })?;
    let choices: BTreeMap<&CandidateId, &[DefiId]> =
        candidates.iter().map(|c| (&c.id, c.choices.as_slice())).collect();
    let laureate_set: BTreeSet<&DefiId> = laureates.iter().collect();
    let rankings = campaign
        .rankings
        .iter()
        .filter(|ranking| laureate_set.contains(&ranking.defi))
        .map(|ranking| {
            let applied =
                |c: &&CandidateId| choices.get(c).is_some_and(|d| d.contains(&ranking.defi));
            RankingInput {
                defi: ranking.defi.clone(),
                profile: ranking.profile,
                ranks: ranking
                    .ranks
                    .iter()
                    .map(|group| group.iter().filter(applied).cloned().collect::<Vec<_>>())
                    .filter(|group| !group.is_empty())
                    .collect(),
                offers: ranking
                    .offers
                    .iter()
                    .filter(|c| choices.contains_key(c))
                    .cloned()
                    .collect(),
            }
        })
        .collect();
    let defis = laureates
        .iter()
        .filter_map(|defi| {
            let (_, dossier) = routes.get(defi)?;
            let mut seats = BTreeMap::new();
            for seat in &dossier.defi.team {
                *seats.entry(seat.profile).or_insert(0) += 1;
            }
            Some(MatchingDefi { id: defi.clone(), seats })
        })
        .collect();
    Ok(MatchingInput { limits, defis, candidates, rankings })
}

/// Runs `campaign`.
///
/// # Errors
/// A dossier, a candidate or the matching problem that the libraries cannot judge (e.g. a
/// promotion with no published rules, an invalid matching instance).
pub(crate) fn run(campaign: &Campaign) -> Result<CampaignResult, CliError> {
    let promotion = campaign.promotion;

    // 1–2. Dossier eligibility, then the laureates.
    let (dossiers, routes) = judge_dossiers(campaign)?;
    let (selection, envelope_source) = select(campaign, &dossiers)?;
    let laureates: Vec<DefiId> = selection
        .ranking
        .iter()
        .filter(|ranked| ranked.status == SelectionStatus::Selected)
        .map(|ranked| ranked.defi.clone())
        .collect();

    // 3. Funding plan of the laureates, in rank order, against the envelope.
    let input = PromotionInput {
        promotion,
        defis: laureates
            .iter()
            .filter_map(|defi| {
                let (route, dossier) = routes.get(defi)?;
                Some(funding_defi(defi, *route, dossier))
            })
            .collect(),
    };
    let funding = plan_promotion(&input, &Scenario::default())
        .map_err(|err| unjudgeable("the funding plan", err))?;

    // 4–5. Candidate eligibility, then the verified assignment.
    let laureate_set: BTreeSet<&DefiId> = laureates.iter().collect();
    let (mut candidates, matching_candidates) = judge_candidates(campaign, &laureate_set)?;
    let matching_input = matching_input(campaign, &laureates, &routes, matching_candidates)?;
    let instance =
        Instance::new(&matching_input).map_err(|err| unjudgeable("the matching problem", err))?;
    let options = Options { seed: campaign.lottery_seed, ..Options::default() };
    let solution = solve(&instance, &options).map_err(|err| unjudgeable("the assignment", err))?;
    for result in &mut candidates {
        result.assigned_to = solution.defi_of(&result.candidate).cloned();
    }
    let matching = MatchingResult {
        report: solution.report(),
        explanations: solution.explain(),
        input: matching_input,
    };

    Ok(CampaignResult {
        title: campaign.title.clone(),
        promotion,
        assumptions: campaign.notes.clone(),
        envelope_source,
        dossiers,
        selection,
        funding,
        candidates,
        matching,
    })
}
