//! Typed hand-offs: what one step decides, the next receives as a value.
//!
//! - An eligibility [`Decision`] turns a dossier into an [`EligibleDossier`], which carries
//!   the route the decision took; its funding input ([`EligibleDossier::funding`]) and its
//!   seats ([`EligibleDossier::seats`]) are derived from it, never retyped.
//! - A [`Selection`] turns eligible dossiers into [`Laureates`], in rank order; their funding
//!   input and matching input are derived from them.
//!
//! A wrong hand-off (a decision about another dossier or of another promotion, a refused
//! dossier, a laureate that was not among the eligible ones) is a [`HandOffError`].

use std::collections::{BTreeMap, BTreeSet};

use eig_domain::{CandidateId, DefiId, FundingRoute, Promotion};
use eig_eligibility::{
    CandidateApplication, Choice, Decision, DefiDossier, Outcome, Selection, SelectionStatus,
    Subject,
};
use eig_funding::{DefiFunding, DefiPlan, FundingError, PromotionInput, Scenario, TalentInput};
use eig_matching::{CandidateInput, DefiSeats, MatchingInput, MatchingLimits, RankingInput};

/// Why a step's output cannot be handed to the next step.
///
/// # Example
/// ```
/// use eig_campaign::{EligibleDossier, HandOffError};
/// use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion};
/// use eig_eligibility::{DefiDossier, evaluate_dossier};
///
/// let hosts = HostRoles::new(Host::new("Ministère".parse()?, HostKind::Ministry));
/// let dossier = DefiDossier::new(Defi::new("d1".parse()?, "D".parse()?, Promotion::Eig3, hosts, []));
/// let decision = evaluate_dossier(&dossier)?; // ineligible: no team, no mentor…
/// let err = EligibleDossier::from_decision(&dossier, &decision).unwrap_err();
/// assert!(matches!(err, HandOffError::NotEligible { .. }));
/// assert_eq!(err.to_string(), "la décision du dossier du défi d1 est \"inéligible\" : seul un enregistrement éligible reçoit un plan de financement ou une place");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HandOffError {
    /// The decision is about another record.
    #[error(
        "la décision donnée au {record} porte sur un autre enregistrement ({decision}) : donnez à chaque enregistrement sa propre décision"
    )]
    OtherRecord {
        /// What the decision is about.
        decision: String,
        /// The record handed with it.
        record: String,
    },
    /// The decision applied another promotion's rules than the record's.
    #[error(
        "{record} : décidé selon les règles de la promotion {decision}, alors qu'il est de la promotion {expected} : jugez-le selon les règles de la promotion {expected}"
    )]
    OtherPromotion {
        /// The record.
        record: String,
        /// The promotion of the decision.
        decision: Promotion,
        /// The promotion of the record.
        expected: Promotion,
    },
    /// The record is ineligible or incomplete.
    #[error(
        "la décision du {record} est \"{}\" : seul un enregistrement éligible reçoit un plan de financement ou une place",
        outcome_french(outcome)
    )]
    NotEligible {
        /// The record.
        record: String,
        /// Its outcome, in a word.
        outcome: &'static str,
    },
    /// An eligible dossier whose decision names no funding route.
    #[error(
        "le dossier du défi {defi} est éligible mais sa décision ne nomme aucune voie de financement : donnez la décision complète des règles"
    )]
    NoRoute {
        /// The défi.
        defi: DefiId,
    },
    /// A laureate of the selection is not among the eligible dossiers handed over.
    #[error(
        "le lauréat {defi} n'est pas parmi les dossiers éligibles : ne retenez que des dossiers éligibles"
    )]
    NotAmongEligible {
        /// The défi.
        defi: DefiId,
    },
    /// The promotion states no team bounds or no choice limit, so no assignment can be made.
    #[error(
        "la promotion {promotion} ne fixe pas de taille d'équipe ou de limite de choix : aucune affectation ne peut être calculée"
    )]
    NoLimits {
        /// The promotion.
        promotion: Promotion,
    },
}

/// An outcome word (`outcome_word`) as a person reads it.
fn outcome_french(word: &str) -> &'static str {
    match word {
        "eligible" => "éligible",
        "ineligible" => "inéligible",
        "incomplete" => "incomplet",
        _ => "non décidé",
    }
}

fn outcome_word(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Eligible { .. } => "eligible",
        Outcome::Ineligible { .. } => "ineligible",
        Outcome::Incomplete { .. } => "incomplete",
        _ => "not decided",
    }
}

/// Checks that `decision` is about `subject` of `promotion`.
fn check_subject(
    decision: &Decision,
    subject: &Subject,
    promotion: Promotion,
    record: impl Fn() -> String,
) -> Result<(), HandOffError> {
    if &decision.subject != subject {
        let decision = match &decision.subject {
            Subject::Dossier(id) => format!("dossier du défi {id}"),
            Subject::Candidate(id) => format!("candidat {id}"),
            _ => "enregistrement inconnu".to_owned(),
        };
        return Err(HandOffError::OtherRecord { decision, record: record() });
    }
    if decision.promotion != promotion {
        return Err(HandOffError::OtherPromotion {
            record: record(),
            decision: decision.promotion,
            expected: promotion,
        });
    }
    Ok(())
}

/// A dossier that `eig-eligibility` judged eligible, with the route its decision took.
///
/// Built only from the dossier and its decision ([`EligibleDossier::from_decision`]), so the
/// funding input cannot be given another route, another promotion or other hosts than the
/// ones judged.
///
/// # Example
/// ```
/// use eig_campaign::EligibleDossier;
/// use eig_domain::{Euros, FundingRoute};
/// use eig_eligibility::evaluate_dossier;
/// use eig_funding::{Payer, Scenario};
///
/// # let dossier = eig_campaign::default_campaign().dossiers[0].dossier.clone();
/// let decision = evaluate_dossier(&dossier)?;
/// let eligible = EligibleDossier::from_decision(&dossier, &decision)?;
/// // The first real EIG3 laureate: an operator, through its ministry.
/// assert_eq!(eligible.route(), FundingRoute::ThroughAdministrativeCarrier);
/// let plan = eligible.plan(&Scenario::default())?; // one talent per seat, ING reference cost
/// let seats = dossier.defi.team.len() as u64;
/// assert_eq!(plan.amount_of(Payer::PiaThroughCdc), Euros::from_whole(49_000 * seats));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EligibleDossier {
    dossier: DefiDossier,
    route: FundingRoute,
    talents: Vec<TalentInput>,
}

impl EligibleDossier {
    /// The dossier, if `decision` judged it eligible.
    ///
    /// # Errors
    /// [`HandOffError::OtherRecord`] or [`HandOffError::OtherPromotion`] when the decision is
    /// not this dossier's; [`HandOffError::NotEligible`] when it is ineligible or incomplete;
    /// [`HandOffError::NoRoute`] when the decision names no route.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::{EligibleDossier, HandOffError};
    /// use eig_eligibility::evaluate_dossier;
    ///
    /// let campaign = eig_campaign::default_campaign();
    /// let (first, second) = (&campaign.dossiers[0].dossier, &campaign.dossiers[1].dossier);
    /// let decision = evaluate_dossier(first)?;
    /// assert!(EligibleDossier::from_decision(first, &decision).is_ok());
    /// // The first dossier's decision cannot fund the second.
    /// assert!(matches!(EligibleDossier::from_decision(second, &decision),
    ///     Err(HandOffError::OtherRecord { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_decision(
        dossier: &DefiDossier,
        decision: &Decision,
    ) -> Result<EligibleDossier, HandOffError> {
        let defi = &dossier.defi;
        let record = || format!("dossier du défi {}", defi.id);
        check_subject(decision, &Subject::Dossier(defi.id.to_string()), defi.promotion, record)?;
        match decision.outcome {
            Outcome::Eligible { funding_route: Some(route) } => {
                Ok(EligibleDossier { dossier: dossier.clone(), route, talents: Vec::new() })
            }
            Outcome::Eligible { funding_route: None } => {
                Err(HandOffError::NoRoute { defi: defi.id.clone() })
            }
            ref other => {
                Err(HandOffError::NotEligible { record: record(), outcome: outcome_word(other) })
            }
        }
    }

    /// The dossier judged.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::EligibleDossier;
    /// use eig_eligibility::evaluate_dossier;
    ///
    /// let dossier = eig_campaign::default_campaign().dossiers[0].dossier.clone();
    /// let eligible = EligibleDossier::from_decision(&dossier, &evaluate_dossier(&dossier)?)?;
    /// assert_eq!(eligible.dossier(), &dossier);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dossier(&self) -> &DefiDossier {
        &self.dossier
    }

    /// The défi's id.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::EligibleDossier;
    /// use eig_eligibility::evaluate_dossier;
    ///
    /// let dossier = eig_campaign::default_campaign().dossiers[0].dossier.clone();
    /// let eligible = EligibleDossier::from_decision(&dossier, &evaluate_dossier(&dossier)?)?;
    /// assert_eq!(eligible.defi(), &dossier.defi.id);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn defi(&self) -> &DefiId {
        &self.dossier.defi.id
    }

    /// The route the decision took.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::EligibleDossier;
    /// use eig_domain::FundingRoute;
    /// use eig_eligibility::evaluate_dossier;
    ///
    /// let dossier = eig_campaign::default_campaign().dossiers[0].dossier.clone();
    /// let eligible = EligibleDossier::from_decision(&dossier, &evaluate_dossier(&dossier)?)?;
    /// assert_eq!(eligible.route(), FundingRoute::ThroughAdministrativeCarrier);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn route(&self) -> FundingRoute {
        self.route
    }

    /// The défi's funding input with `talents`: the route, the host's kind and the porteur
    /// administratif as the decision judged them.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::EligibleDossier;
    /// use eig_domain::Euros;
    /// use eig_eligibility::evaluate_dossier;
    /// use eig_funding::{EmployerCost, TalentInput};
    ///
    /// let dossier = eig_campaign::default_campaign().dossiers[0].dossier.clone();
    /// let eligible = EligibleDossier::from_decision(&dossier, &evaluate_dossier(&dossier)?)?;
    /// let cost = EmployerCost::Contract(Euros::from_whole(72_000));
    /// let input = eligible.funding_with([TalentInput::new("ada".parse()?).with_employer_cost(cost)]);
    /// assert_eq!((input.route, input.talents.len()), (eligible.route(), 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn funding_with(&self, talents: impl IntoIterator<Item = TalentInput>) -> DefiFunding {
        let hosts = &self.dossier.defi.hosts;
        let mut input = DefiFunding::new(self.defi().clone(), self.route, hosts.operational.kind);
        input.administrative_carrier = hosts.administrative.as_ref().map(|host| host.name.clone());
        input.talents = talents.into_iter().collect();
        input
    }

    /// The dossier with the talents to fund (their experience and employer cost), which
    /// [`EligibleDossier::funding`] then uses instead of one talent per seat at no cost.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::EligibleDossier;
    /// use eig_domain::Euros;
    /// use eig_eligibility::evaluate_dossier;
    /// use eig_funding::{EmployerCost, Payer, Scenario, TalentInput};
    ///
    /// let dossier = eig_campaign::default_campaign().dossiers[0].dossier.clone();
    /// let cost = EmployerCost::Contract(Euros::from_whole(80_000));
    /// let eligible = EligibleDossier::from_decision(&dossier, &evaluate_dossier(&dossier)?)?
    ///     .with_talents([TalentInput::new("ada".parse()?).with_employer_cost(cost)]);
    /// let plan = eligible.plan(&Scenario::default())?;
    /// assert_eq!(plan.amount_of(Payer::PiaThroughCdc), Euros::from_whole(56_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_talents(self, talents: impl IntoIterator<Item = TalentInput>) -> EligibleDossier {
        EligibleDossier { talents: talents.into_iter().collect(), ..self }
    }

    /// The défi's funding input: the talents given with [`EligibleDossier::with_talents`],
    /// or else one talent per requested seat, named `<défi>.seat<n>`, at no given cost
    /// (`eig-funding` then uses the ING reference where it applies and marks it as an
    /// estimate, and asks for each talent's experience where the pay grid needs it).
    ///
    /// # Example
    /// ```
    /// use eig_campaign::EligibleDossier;
    /// use eig_eligibility::evaluate_dossier;
    ///
    /// let dossier = eig_campaign::default_campaign().dossiers[0].dossier.clone();
    /// let eligible = EligibleDossier::from_decision(&dossier, &evaluate_dossier(&dossier)?)?;
    /// let input = eligible.funding();
    /// assert_eq!(input.talents.len(), dossier.defi.team.len());
    /// assert!(input.talents[0].talent.as_str().ends_with(".seat1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn funding(&self) -> DefiFunding {
        if !self.talents.is_empty() {
            return self.funding_with(self.talents.iter().cloned());
        }
        let defi = self.defi();
        self.funding_with(
            (1..=self.dossier.defi.team.len())
                .filter_map(|seat| format!("{defi}.seat{seat}").parse().ok())
                .map(TalentInput::new),
        )
    }

    /// The défi's plan under `scenario`, from [`EligibleDossier::funding`].
    ///
    /// # Errors
    /// The [`FundingError`] of [`eig_funding::plan_defi`].
    ///
    /// # Example
    /// ```
    /// use eig_campaign::EligibleDossier;
    /// use eig_eligibility::evaluate_dossier;
    /// use eig_funding::Scenario;
    ///
    /// let dossier = eig_campaign::default_campaign().dossiers[0].dossier.clone();
    /// let eligible = EligibleDossier::from_decision(&dossier, &evaluate_dossier(&dossier)?)?;
    /// assert_eq!(eligible.plan(&Scenario::default())?.defi, dossier.defi.id);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn plan(&self, scenario: &Scenario) -> Result<DefiPlan, FundingError> {
        eig_funding::plan_defi(self.dossier.defi.promotion, &self.funding(), scenario)
    }

    /// The défi's seats in the matching: one per requested seat, by profile.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::EligibleDossier;
    /// use eig_eligibility::evaluate_dossier;
    ///
    /// let dossier = eig_campaign::default_campaign().dossiers[0].dossier.clone();
    /// let eligible = EligibleDossier::from_decision(&dossier, &evaluate_dossier(&dossier)?)?;
    /// let seats = eligible.seats();
    /// assert_eq!(seats.seats.values().sum::<u32>() as usize, dossier.defi.team.len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn seats(&self) -> DefiSeats {
        self.dossier.defi.team.iter().fold(DefiSeats::new(self.defi().clone()), |seats, seat| {
            seats.with_seats(seat.profile, 1)
        })
    }
}

/// The laureates of a selection, in rank order, each an [`EligibleDossier`].
///
/// # Example
/// ```
/// use eig_campaign::{EligibleDossier, Laureates};
/// use eig_domain::Promotion;
/// use eig_eligibility::{JurySheet, ScoreScale, ScoredDossier, evaluate_dossier, select_laureates};
///
/// let campaign = eig_campaign::default_campaign();
/// let mut eligible = Vec::new();
/// for entry in campaign.dossiers.iter().take(3) {
///     eligible.push(EligibleDossier::from_decision(&entry.dossier, &evaluate_dossier(&entry.dossier)?)?);
/// }
/// let sheet = JurySheet {
///     promotion: Promotion::Eig3, places: 2, envelope: None,
///     scale: Some(ScoreScale { min: 1, max: 4 }), tie_break: Default::default(),
///     unfavourable_opinion: Default::default(), call: None,
///     dossiers: campaign.dossiers.iter().take(3).map(|entry| ScoredDossier {
///         defi: entry.dossier.defi.id.clone(), scores: entry.scores.clone(),
///         jury_rank: None, requested: None, jury_opinion: None,
///     }).collect(),
/// };
/// let laureates = Laureates::from_selection(&select_laureates(&sheet)?, &eligible)?;
/// assert_eq!(laureates.defis().len(), 2);
/// assert_eq!(laureates.funding().defis.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Laureates {
    promotion: Promotion,
    defis: Vec<EligibleDossier>,
}

impl Laureates {
    /// The selected dossiers of `selection`, in its rank order, taken from `eligible`.
    ///
    /// # Errors
    /// [`HandOffError::NotAmongEligible`] when a selected défi is not in `eligible`;
    /// [`HandOffError::OtherPromotion`] when one is of another promotion than the selection.
    ///
    /// # Example
    /// See [`Laureates`].
    pub fn from_selection(
        selection: &Selection,
        eligible: &[EligibleDossier],
    ) -> Result<Laureates, HandOffError> {
        let by_id: BTreeMap<&DefiId, &EligibleDossier> =
            eligible.iter().map(|dossier| (dossier.defi(), dossier)).collect();
        let mut defis = Vec::new();
        for ranked in &selection.ranking {
            if ranked.status != SelectionStatus::Selected {
                continue;
            }
            let Some(dossier) = by_id.get(&ranked.defi) else {
                return Err(HandOffError::NotAmongEligible { defi: ranked.defi.clone() });
            };
            let promotion = dossier.dossier.defi.promotion;
            if promotion != selection.promotion {
                return Err(HandOffError::OtherPromotion {
                    record: format!("dossier du défi {}", ranked.defi),
                    decision: selection.promotion,
                    expected: promotion,
                });
            }
            defis.push((*dossier).clone());
        }
        Ok(Laureates { promotion: selection.promotion, defis })
    }

    /// The laureates without `withdrawn` (the défis the jury withdrew from the promotion).
    pub(crate) fn without(self, withdrawn: &BTreeSet<DefiId>) -> Laureates {
        let defis =
            self.defis.into_iter().filter(|dossier| !withdrawn.contains(dossier.defi())).collect();
        Laureates { promotion: self.promotion, defis }
    }

    /// The promotion.
    ///
    /// # Example
    /// See [`Laureates`].
    pub fn promotion(&self) -> Promotion {
        self.promotion
    }

    /// The laureates, best ranked first.
    ///
    /// # Example
    /// See [`Laureates`].
    pub fn defis(&self) -> &[EligibleDossier] {
        &self.defis
    }

    /// The promotion's funding input: each laureate's [`EligibleDossier::funding`], in rank
    /// order (the order the envelope policy follows).
    ///
    /// # Example
    /// See [`Laureates`].
    pub fn funding(&self) -> PromotionInput {
        PromotionInput::new(self.promotion, self.defis.iter().map(EligibleDossier::funding))
    }

    /// Whether `defi` is a laureate.
    ///
    /// # Example
    /// ```
    /// # use eig_campaign::{EligibleDossier, Laureates};
    /// # use eig_domain::Promotion;
    /// # use eig_eligibility::{JurySheet, ScoreScale, ScoredDossier, evaluate_dossier, select_laureates};
    /// # let campaign = eig_campaign::default_campaign();
    /// # let entry = &campaign.dossiers[0];
    /// # let eligible = vec![EligibleDossier::from_decision(&entry.dossier, &evaluate_dossier(&entry.dossier)?)?];
    /// # let sheet = JurySheet { promotion: Promotion::Eig3, places: 1, envelope: None,
    /// #     scale: Some(ScoreScale { min: 1, max: 4 }), tie_break: Default::default(),
    /// #     unfavourable_opinion: Default::default(), call: None,
    /// #     dossiers: vec![ScoredDossier {
    /// #     defi: entry.dossier.defi.id.clone(), scores: entry.scores.clone(), jury_rank: None, requested: None, jury_opinion: None }] };
    /// let laureates = Laureates::from_selection(&select_laureates(&sheet)?, &eligible)?;
    /// assert!(laureates.contains(&entry.dossier.defi.id));
    /// assert!(!laureates.contains(&"another".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(&self, defi: &DefiId) -> bool {
        self.defis.iter().any(|dossier| dossier.defi() == defi)
    }

    /// An eligible application's candidate in the matching, with its chosen défis that are
    /// laureates (in its order of preference); `None` when none of its choices is a laureate.
    ///
    /// # Errors
    /// [`HandOffError::OtherRecord`] or [`HandOffError::OtherPromotion`] when the decision is
    /// not this application's (or not of the laureates' promotion); [`HandOffError::NotEligible`]
    /// when it is ineligible or incomplete.
    ///
    /// # Example
    /// See the crate's `small_matching` example.
    pub fn candidate(
        &self,
        application: &CandidateApplication,
        decision: &Decision,
    ) -> Result<Option<CandidateInput>, HandOffError> {
        let candidate = &application.candidate;
        let record = || format!("candidat {}", candidate.id);
        check_subject(
            decision,
            &Subject::Candidate(candidate.id.to_string()),
            self.promotion,
            record,
        )?;
        if !matches!(decision.outcome, Outcome::Eligible { .. }) {
            return Err(HandOffError::NotEligible {
                record: record(),
                outcome: outcome_word(&decision.outcome),
            });
        }
        let choices: Vec<DefiId> = self.laureate_choices(application).collect();
        Ok((!choices.is_empty())
            .then(|| CandidateInput::new(candidate.id.clone(), candidate.profile, choices)))
    }

    /// The défis an application chose that are laureates, in its order of preference.
    pub(crate) fn laureate_choices<'a>(
        &'a self,
        application: &'a CandidateApplication,
    ) -> impl Iterator<Item = DefiId> + 'a {
        application.choices.iter().flatten().filter_map(move |choice| match choice {
            Choice::Defi(defi) if self.contains(defi) => Some(defi.clone()),
            _ => None,
        })
    }

    /// The matching input: the laureates' seats, `candidates` (from
    /// [`Laureates::candidate`]), and the juries' rankings kept for the laureates and
    /// restricted to the candidates who chose the défi (a ranking may name only applicants;
    /// its offers only candidates in the matching), with the promotion's team and choice
    /// limits.
    ///
    /// # Errors
    /// [`HandOffError::NoLimits`] when the promotion states no team bounds or choice limit.
    ///
    /// # Example
    /// See the crate's `small_matching` example.
    pub fn matching(
        &self,
        candidates: Vec<CandidateInput>,
        rankings: &[RankingInput],
    ) -> Result<MatchingInput, HandOffError> {
        let promotion = self.promotion;
        let limits =
            MatchingLimits::for_promotion(promotion).ok_or(HandOffError::NoLimits { promotion })?;
        let choices: BTreeMap<&CandidateId, BTreeSet<&DefiId>> =
            candidates.iter().map(|c| (&c.id, c.choices.iter().collect())).collect();
        let rankings: Vec<RankingInput> = rankings
            .iter()
            .filter(|ranking| self.contains(&ranking.defi))
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
        let seats = self.defis.iter().map(EligibleDossier::seats);
        Ok(MatchingInput::new(limits, seats, candidates, rankings))
    }
}
