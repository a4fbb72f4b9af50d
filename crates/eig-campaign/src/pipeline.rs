//! Runs a campaign through the rule crates: dossier eligibility → laureate selection →
//! funding plan against the envelope → candidate eligibility → talent assignment →
//! verification. Every decision is a rule crate's; this only sequences them and hands each
//! step's output to the next as a value ([`EligibleDossier`], [`Laureates`]).

use eig_domain::{CandidateId, DefiId, Euros, Promotion, Source, TalentProfile};
use eig_eligibility::{
    CandidateApplication, Decision, JurySheet, ScoredDossier, Selection, evaluate_candidate,
    evaluate_dossier, select_laureates,
};
use eig_funding::{
    EnvelopeOutcome, ParameterId, ParameterValue, PromotionInput, PromotionPlan, Scenario,
    official_parameter, plan_promotion,
};
use eig_matching::{
    CandidateInput, Explanations, Instance, MatchingInput, MatchingReport, Options, solve,
};
use serde::Serialize;

use crate::{
    campaign::Campaign,
    error::{CampaignError, RecordError},
    handoff::{EligibleDossier, Laureates},
    withdrawal::{self, WithdrawnDefi},
};

/// The whole result of a campaign, in pipeline order. JSON: what `eig run --format json`
/// prints.
///
/// # Example
/// ```
/// let result = eig_campaign::run(&eig_campaign::default_campaign())?;
/// assert_eq!(result.dossiers.len(), 21);
/// assert_eq!(result.selection.ranking.iter().filter(|r| r.status == eig_eligibility::SelectionStatus::Selected).count(), 15);
/// assert!(result.candidates.iter().any(|c| c.assigned_to.is_some()));
/// # Ok::<(), eig_campaign::CampaignError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CampaignResult {
    /// The campaign's title.
    pub title: String,
    /// The promotion whose rules applied.
    pub promotion: Promotion,
    /// The campaign's notes: the assumptions made in assembling its data, which no source
    /// states.
    pub assumptions: Vec<String>,
    /// Where the envelope the selection applies is stated.
    pub envelope_source: Option<Source>,
    /// Every dossier, in input order.
    pub dossiers: Vec<DossierResult>,
    /// The laureate selection among the eligible dossiers.
    pub selection: Selection,
    /// The laureates the jury withdrew from the promotion after the selection, with the
    /// ground and its source (absent from the JSON when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub withdrawn_by_jury: Vec<WithdrawnDefi>,
    /// The laureates' funding plan, in rank order, against the envelope.
    pub funding: PromotionPlan,
    /// Every application, in input order.
    pub candidates: Vec<CandidateResult>,
    /// The verified assignment.
    pub matching: MatchingResult,
}

impl CampaignResult {
    /// The records that could not be judged, with their errors: dossiers first, then
    /// applications, in input order.
    ///
    /// # Example
    /// ```
    /// let result = eig_campaign::run(&eig_campaign::default_campaign())?;
    /// assert_eq!(result.not_judged().count(), 0);
    /// # Ok::<(), eig_campaign::CampaignError>(())
    /// ```
    pub fn not_judged(&self) -> impl Iterator<Item = (String, &RecordError)> {
        let dossiers = self.dossiers.iter().filter_map(|dossier| match &dossier.judgement {
            Judgement::NotJudged { error } => {
                Some((format!("dossier du défi {}", dossier.defi), error))
            }
            Judgement::Decided { .. } => None,
        });
        let candidates =
            self.candidates.iter().filter_map(|candidate| match &candidate.judgement {
                Judgement::NotJudged { error } => {
                    Some((format!("candidat {}", candidate.candidate), error))
                }
                Judgement::Decided { .. } => None,
            });
        dossiers.chain(candidates)
    }
}

/// A record's judgement: its eligibility decision, or why it could not be judged. JSON: a
/// `decision` or an `error` field of the record's result.
///
/// # Example
/// ```
/// use eig_campaign::Judgement;
///
/// let result = eig_campaign::run(&eig_campaign::default_campaign())?;
/// assert!(matches!(result.dossiers[0].judgement, Judgement::Decided { .. }));
/// assert!(result.dossiers[0].judgement.decision().is_some());
/// # Ok::<(), eig_campaign::CampaignError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Judgement {
    /// The rules decided it.
    Decided {
        /// The decision, with its trace.
        decision: Decision,
    },
    /// It could not be judged; the other records were.
    NotJudged {
        /// Why.
        error: RecordError,
    },
}

impl Judgement {
    /// The decision, if the record was judged.
    ///
    /// # Example
    /// See [`Judgement`].
    pub fn decision(&self) -> Option<&Decision> {
        match self {
            Judgement::Decided { decision } => Some(decision),
            Judgement::NotJudged { .. } => None,
        }
    }
}

/// One dossier's result.
///
/// # Example
/// ```
/// let result = eig_campaign::run(&eig_campaign::default_campaign())?;
/// let first = &result.dossiers[0];
/// assert!(!first.synthetic);
/// assert!(first.requested.is_some()); // an eligible co-financed EIG3 dossier
/// # Ok::<(), eig_campaign::CampaignError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DossierResult {
    /// The défi.
    pub defi: DefiId,
    /// Its title.
    pub title: String,
    /// Whether the dossier is made up.
    pub synthetic: bool,
    /// What the dossier illustrates.
    pub note: String,
    /// Its decision, or why it could not be judged.
    #[serde(flatten)]
    pub judgement: Judgement,
    /// What the requested team alone would commit against the promotion's envelope, as
    /// eig-funding counts it (the amount the selection counts), for eligible co-financed
    /// dossiers of a promotion with a stated envelope.
    pub requested: Option<Euros>,
}

/// One application's result.
///
/// # Example
/// ```
/// let result = eig_campaign::run(&eig_campaign::default_campaign())?;
/// let assigned = result.candidates.iter().filter(|c| c.assigned_to.is_some()).count();
/// assert!(assigned > 0);
/// # Ok::<(), eig_campaign::CampaignError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CandidateResult {
    /// The candidate.
    pub candidate: CandidateId,
    /// The profile applied for.
    pub profile: TalentProfile,
    /// Whether the candidate is made up.
    pub synthetic: bool,
    /// Its decision, or why it could not be judged.
    #[serde(flatten)]
    pub judgement: Judgement,
    /// Chosen défis that were not selected as laureates (they take no part in the assignment).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices_not_selected: Vec<DefiId>,
    /// Chosen défis that were selected and then withdrawn by the jury (they take no part in
    /// the assignment either).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices_withdrawn: Vec<DefiId>,
    /// The défi the candidate is assigned to.
    pub assigned_to: Option<DefiId>,
}

/// The assignment: the input handed to `eig-matching`, its report and explanations.
///
/// # Example
/// ```
/// let result = eig_campaign::run(&eig_campaign::default_campaign())?;
/// assert_eq!(result.matching.input.defis.len(), 15);
/// # Ok::<(), eig_campaign::CampaignError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MatchingResult {
    /// The matching input built from the laureates and the eligible candidates.
    pub input: MatchingInput,
    /// The assignment's report (teams, placements, the verifier's certificate).
    pub report: MatchingReport,
    /// Why each candidate is where they are.
    pub explanations: Explanations,
}

/// The official envelope of the promotion and its source, if the funding parameters state one.
fn envelope_of(promotion: Promotion) -> Option<(Euros, Source)> {
    let parameter = official_parameter(ParameterId::ProgrammeEnvelope, promotion)?;
    match parameter.value {
        ParameterValue::Amount(amount) => Some((amount, parameter.source)),
        _ => None,
    }
}

/// Step 1: every dossier's eligibility; for each eligible one, what it alone would commit
/// against the envelope, as eig-funding counts it.
fn judge_dossiers(campaign: &Campaign) -> (Vec<DossierResult>, Vec<EligibleDossier>) {
    let mut results = Vec::with_capacity(campaign.dossiers.len());
    let mut eligible = Vec::new();
    for entry in &campaign.dossiers {
        let defi = &entry.dossier.defi;
        let mut requested = None;
        let judgement = match judge_dossier(campaign.promotion, &entry.dossier) {
            Ok((decision, None)) => Judgement::Decided { decision },
            Ok((decision, Some(dossier))) => {
                let dossier = dossier.with_talents(entry.talents.iter().cloned());
                // The payer whose envelope it is depends on the promotion: eig-funding decides.
                let alone = PromotionInput::new(campaign.promotion, [dossier.funding()]);
                match plan_promotion(&alone, &Scenario::default()) {
                    Ok(plan) => {
                        requested = match plan.envelope {
                            EnvelopeOutcome::Within { committed, .. }
                            | EnvelopeOutcome::Exceeded { committed, .. } => Some(committed),
                            _ => None,
                        };
                        eligible.push(dossier);
                        Judgement::Decided { decision }
                    }
                    Err(err) => Judgement::NotJudged { error: RecordError::Funding(err) },
                }
            }
            Err(error) => Judgement::NotJudged { error },
        };
        results.push(DossierResult {
            defi: defi.id.clone(),
            title: defi.title.to_string(),
            synthetic: entry.synthetic,
            note: entry.note.clone(),
            judgement,
            requested,
        });
    }
    (results, eligible)
}

/// One dossier's decision, and the dossier as eligible when it is.
fn judge_dossier(
    promotion: Promotion,
    dossier: &eig_eligibility::DefiDossier,
) -> Result<(Decision, Option<EligibleDossier>), RecordError> {
    let record = dossier.defi.promotion;
    if record != promotion {
        return Err(RecordError::OtherPromotion { record, campaign: promotion });
    }
    let decision = evaluate_dossier(dossier)?;
    let eligible = EligibleDossier::from_decision(dossier, &decision).ok();
    Ok((decision, eligible))
}

/// Step 2: the laureates among eligible dossiers, within places and the envelope.
fn select(
    campaign: &Campaign,
    dossiers: &[DossierResult],
    eligible: &[EligibleDossier],
) -> Result<(Selection, Option<Source>), CampaignError> {
    let promotion = campaign.promotion;
    let (envelope, envelope_source) = envelope_of(promotion).unzip();
    let eligible_ids: std::collections::BTreeSet<&DefiId> =
        eligible.iter().map(EligibleDossier::defi).collect();
    let sheet = JurySheet {
        promotion,
        places: campaign.places,
        envelope,
        scale: campaign.score_scale,
        tie_break: eig_eligibility::TieBreak::default(),
        unfavourable_opinion: eig_eligibility::UnfavourableOpinion::default(),
        call: None,
        dossiers: campaign
            .dossiers
            .iter()
            .zip(dossiers)
            .filter(|(_, result)| eligible_ids.contains(&result.defi))
            .map(|(entry, result)| ScoredDossier {
                defi: result.defi.clone(),
                scores: entry.scores.clone(),
                jury_rank: None,
                requested: result.requested,
                jury_opinion: None,
            })
            .collect(),
    };
    let selection = select_laureates(&sheet).map_err(CampaignError::JurySheet)?;
    Ok((selection, envelope_source))
}

/// Step 4: every application's eligibility; the eligible ones with their choices among the
/// laureates, for the assignment.
fn judge_candidates(
    campaign: &Campaign,
    laureates: &Laureates,
    withdrawn: &[WithdrawnDefi],
) -> (Vec<CandidateResult>, Vec<CandidateInput>) {
    let is_withdrawn = |defi: &DefiId| withdrawn.iter().any(|w| &w.defi == defi);
    let mut results = Vec::with_capacity(campaign.candidates.len());
    let mut matching = Vec::new();
    for entry in &campaign.candidates {
        let application = &entry.application;
        let judgement = if application.promotion == campaign.promotion {
            match evaluate_candidate(application) {
                Ok(decision) => Judgement::Decided { decision },
                Err(err) => Judgement::NotJudged { error: err.into() },
            }
        } else {
            let record = application.promotion;
            Judgement::NotJudged {
                error: RecordError::OtherPromotion { record, campaign: campaign.promotion },
            }
        };
        // An eligible application goes to the matching with its choices among the laureates;
        // a refused or incomplete one, or one that chose no laureate, does not.
        if let Some(decision) = judgement.decision()
            && let Ok(Some(candidate)) = laureates.candidate(application, decision)
        {
            matching.push(candidate);
        }
        let chosen: Vec<DefiId> = application
            .choices
            .iter()
            .flatten()
            .filter_map(|choice| match choice {
                eig_eligibility::Choice::Defi(defi) => Some(defi.clone()),
                eig_eligibility::Choice::Profile(_) => None,
            })
            .collect();
        results.push(CandidateResult {
            candidate: application.candidate.id.clone(),
            profile: application.candidate.profile,
            synthetic: entry.synthetic,
            judgement,
            choices_not_selected: chosen
                .iter()
                .filter(|defi| !laureates.contains(defi) && !is_withdrawn(defi))
                .cloned()
                .collect(),
            choices_withdrawn: chosen.into_iter().filter(is_withdrawn).collect(),
            assigned_to: None,
        });
    }
    (results, matching)
}

/// Runs `campaign`: every record is judged; those that cannot be are in the result with
/// their [`RecordError`] and take no part in the later steps.
///
/// # Errors
/// A [`CampaignError`] when a step that concerns every record cannot be computed: the jury
/// sheet (no score scale where the promotion publishes none, a wrong number of scores), the
/// laureates' funding plan, a promotion without team bounds or choice limit, an invalid
/// matching problem (a ranking naming a candidate twice…).
///
/// # Example
/// ```
/// use eig_campaign::{default_campaign, run};
///
/// let result = run(&default_campaign())?;
/// assert_eq!(result.promotion, eig_domain::Promotion::Eig3);
/// assert!(result.matching.report.certificate.placed > 0);
/// # Ok::<(), eig_campaign::CampaignError>(())
/// ```
pub fn run(campaign: &Campaign) -> Result<CampaignResult, CampaignError> {
    // 1–2. Dossier eligibility, then the laureates.
    let (dossiers, eligible) = judge_dossiers(campaign);
    let (selection, envelope_source) = select(campaign, &dossiers, &eligible)?;
    let laureates = Laureates::from_selection(&selection, &eligible)?;
    // The jury's withdrawals: the défis withdrawn leave the laureates.
    let applications: Vec<&CandidateApplication> =
        campaign.candidates.iter().map(|entry| &entry.application).collect();
    let (laureates, withdrawn_by_jury) =
        withdrawal::apply(&campaign.jury_withdrawals, laureates, &applications, &campaign.rankings)
            .map_err(CampaignError::Withdrawal)?;

    // 3. Funding plan of the laureates, in rank order, against the envelope.
    let funding = plan_promotion(&laureates.funding(), &Scenario::default())
        .map_err(CampaignError::Funding)?;

    // 4–5. Candidate eligibility, then the verified assignment.
    let (mut candidates, matching_candidates) =
        judge_candidates(campaign, &laureates, &withdrawn_by_jury);
    let input = laureates.matching(matching_candidates, &campaign.rankings)?;
    let instance = Instance::new(&input).map_err(CampaignError::Matching)?;
    let options = Options { seed: campaign.lottery_seed, ..Options::default() };
    let solution = solve(&instance, &options).map_err(CampaignError::Assignment)?;
    for result in &mut candidates {
        result.assigned_to = solution.defi_of(&result.candidate).cloned();
    }
    let matching =
        MatchingResult { report: solution.report(), explanations: solution.explain(), input };

    Ok(CampaignResult {
        title: campaign.title.clone(),
        promotion: campaign.promotion,
        assumptions: campaign.notes.clone(),
        envelope_source,
        dossiers,
        selection,
        withdrawn_by_jury,
        funding,
        candidates,
        matching,
    })
}
