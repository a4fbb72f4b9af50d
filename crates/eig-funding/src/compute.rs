//! Computes plans: the formula of each promotion applied to each talent, the défi totals and
//! schedule, the promotion totals and the envelope outcome.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Months, NaiveDate};
use eig_domain::{
    ApproxDate, Basis, CandidateId, DateRange, DefiId, Document, Euros, FundingRoute,
    MissionLength, PayGrid, Promotion, PromotionFacts, Share, Source, Sourced,
};

use crate::{
    error::{FundingError, SplitError},
    input::{
        DefiFunding, EmployerCost, EnvelopePolicy, Phase, PromotionInput, Scenario, TalentInput,
    },
    parameter::{ParameterId, ParameterValue, UsedParameter, official_parameter, resolve},
    plan::{
        ByPayer, CostBasis, DefiPlan, EnvelopeOutcome, EnvelopeResolution, Formula, Grant,
        Intermediary, Part, PayUsed, Payer, PromotionPlan, Schedule, Surplus, SurplusTreatment,
        TalentPlan, TalentRef,
    },
    rule::RuleId,
    split::{RoundingRule, allocate, cents_of, fraction_of, split, split_evenly},
};

/// The plan of a whole promotion: every défi in rank order, the totals per payer and the
/// envelope outcome under the scenario's policy.
///
/// # Errors
/// A [`FundingError`] when an input the rules need is missing (an employer cost where no
/// reference applies, a contract length for DIG1), when a route does not exist in the
/// promotion, or when an amount overflows. An exceeded envelope is not an error: see
/// [`PromotionPlan::envelope`].
///
/// # Example
/// ```
/// use eig_domain::Euros;
/// use eig_funding::{EnvelopeOutcome, Payer, PromotionInput, Scenario, plan_promotion};
///
/// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
///       { "talent": "t1", "employer_cost": { "contract": "70000" } },
///       { "talent": "t2", "employer_cost": { "contract": "70000" } },
///       { "talent": "t3", "employer_cost": { "contract": "70000" } } ] } ] }"#)?;
/// let plan = plan_promotion(&input, &Scenario::default())?;
/// assert_eq!(plan.amount_of(Payer::PiaThroughCdc), Euros::from_whole(147_000));
/// assert_eq!(plan.amount_of(Payer::Host), Euros::from_whole(63_000));
/// assert!(matches!(plan.envelope, EnvelopeOutcome::Within { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn plan_promotion(
    input: &PromotionInput,
    scenario: &Scenario,
) -> Result<PromotionPlan, FundingError> {
    let mut defis = Vec::with_capacity(input.defis.len());
    let (mut context, totals) = plan_each_defi(input, scenario, true, |plan| defis.push(plan))?;
    let payer = envelope_payer(input.promotion);
    let envelope = context
        .envelope(payer, || {
            defis.iter().flat_map(|defi| defi.talents.iter().map(|talent| talent.amount_of(payer)))
        })
        .map_err(|err| err.at(None))?
        .outcome(
            defis.iter().flat_map(|defi| {
                defi.talents.iter().map(move |talent| (&defi.defi, &talent.talent))
            }),
        );
    Ok(PromotionPlan {
        promotion: input.promotion,
        rounding: scenario.rounding,
        envelope_policy: scenario.envelope_policy,
        defis,
        totals: ByPayer::from_map(totals),
        envelope,
        parameters: context.used_parameters(),
        estimated_costs: context.estimates,
    })
}

/// Each défi's plan in rank order, with the checks across défis (each défi and talent once),
/// handed to `each`; the context (its parameters, and its estimates when `list_estimates`) and
/// the promotion's totals.
pub(crate) fn plan_each_defi<'a>(
    input: &PromotionInput,
    scenario: &'a Scenario,
    list_estimates: bool,
    mut each: impl FnMut(DefiPlan),
) -> Result<(Context<'a>, BTreeMap<Payer, Euros>), FundingError> {
    let mut context = Context::new(input.promotion, scenario);
    context.list_estimates = list_estimates;
    let mut totals = zero_totals(input.promotion);
    let mut seen_defis: BTreeSet<&DefiId> = BTreeSet::new();
    let mut seen_talents: BTreeMap<&CandidateId, &DefiId> = BTreeMap::new();
    for defi in &input.defis {
        if !seen_defis.insert(&defi.defi) {
            return Err(FundingError::DefiRepeated { defi: defi.defi.clone() });
        }
        for talent in &defi.talents {
            if let Some(first) = seen_talents.insert(&talent.talent, &defi.defi) {
                return Err(FundingError::TalentRepeated {
                    defi: defi.defi.clone(),
                    talent: talent.talent.clone(),
                    first: first.clone(),
                });
            }
        }
        let plan = context.defi(defi).map_err(|err| err.at(Some(&defi.defi)))?;
        for (payer, &amount) in plan.totals.iter() {
            add_to(&mut totals, payer, amount).map_err(|err| err.at(None))?;
        }
        each(plan);
    }
    Ok((context, totals))
}

/// Each défi's plan computed again, in rank order (for
/// [`PromotionPlanStream::defis`](crate::PromotionPlanStream::defis)).
pub(crate) fn replan_defis<'a>(
    input: &'a PromotionInput,
    scenario: &'a Scenario,
) -> impl Iterator<Item = Result<DefiPlan, FundingError>> + 'a {
    let mut context = Context::new(input.promotion, scenario);
    // The estimates were listed by the first pass.
    context.list_estimates = false;
    input.defis.iter().map(move |defi| context.defi(defi).map_err(|err| err.at(Some(&defi.defi))))
}

/// The payer whose envelope a promotion has: the PIA's for EIG1–EIG3 (RAPPORT; AAP3 §1),
/// programme 352's for EIG4 (AAP4 §1); a scenario may give one to any promotion.
pub(crate) fn envelope_payer(promotion: Promotion) -> Payer {
    match promotion {
        Promotion::Eig1 | Promotion::Eig2 | Promotion::Eig3 => Payer::PiaThroughCdc,
        Promotion::Eig7 => Payer::Dinum,
        _ => Payer::Programme352,
    }
}

/// The plan of one défi of `promotion`.
///
/// # Errors
/// As [`plan_promotion`].
///
/// # Example
/// ```
/// use eig_domain::{Euros, Promotion};
/// use eig_funding::{DefiFunding, Payer, Scenario, plan_defi};
///
/// // EIG6: 20 000 € per recruited talent (AAP6 §3.3); no cost given: the ING reference.
/// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" },
///   "talents": [ { "talent": "t1", "experience": 72 } ] }"#)?;
/// let plan = plan_defi(Promotion::Eig6, &defi, &Scenario::default())?;
/// assert_eq!(plan.amount_of(Payer::Programme352), Euros::from_whole(20_000));
/// assert_eq!(plan.amount_of(Payer::Host), Euros::from_whole(50_000));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn plan_defi(
    promotion: Promotion,
    defi: &DefiFunding,
    scenario: &Scenario,
) -> Result<DefiPlan, FundingError> {
    Context::new(promotion, scenario).defi(defi).map_err(|err| err.at(Some(&defi.defi)))
}

/// Who pays a défi's talents: one payer the whole cost (self-funded, alternative funding), or
/// the promotion's co-financing formula and the host the rest.
#[derive(Clone, Copy)]
enum Payment {
    Whole(Payer, RuleId),
    Cofinanced(Kind),
}

/// How the programme's part of a talent is computed.
#[derive(Clone, Copy)]
enum Kind {
    Share { payer: Payer, parameter: ParameterId, rule: RuleId },
    Months,
    Flat { parameter: ParameterId, rule: RuleId },
}

const PARAMETERS: usize = ParameterId::ALL.len();

pub(crate) struct Context<'a> {
    promotion: Promotion,
    scenario: &'a Scenario,
    facts: PromotionFacts,
    /// Parameters, by `ParameterId` index.
    parameters: [Slot; PARAMETERS],
    used: [bool; PARAMETERS],
    estimates: Vec<TalentRef>,
    /// Whether `estimates` lists the talents whose cost is the ING estimate.
    list_estimates: bool,
}

/// A parameter as looked up once per plan.
#[derive(Clone, Default)]
enum Slot {
    #[default]
    NotLooked,
    Missing,
    Found(UsedParameter),
}

/// The facts of one talent's cost.
struct Cost {
    actual: Euros,
    planned: Option<Euros>,
    monthly: Option<Euros>,
    basis: CostBasis,
    months_worked: u8,
    pay: Option<PayUsed>,
}

impl<'a> Context<'a> {
    fn new(promotion: Promotion, scenario: &'a Scenario) -> Context<'a> {
        Context {
            promotion,
            scenario,
            facts: promotion.facts(),
            parameters: Default::default(),
            used: [false; PARAMETERS],
            estimates: Vec::new(),
            list_estimates: true,
        }
    }

    fn parameter(&mut self, id: ParameterId) -> Result<ParameterValue, FundingError> {
        let index = id as usize;
        let slot = &mut self.parameters[index];
        if matches!(slot, Slot::NotLooked) {
            *slot = match resolve(id, self.promotion, &self.scenario.overrides) {
                Some(parameter) => Slot::Found(parameter),
                None => Slot::Missing,
            };
        }
        match slot {
            Slot::Found(parameter) => {
                self.used[index] = true;
                Ok(parameter.value)
            }
            _ => Err(FundingError::ParameterMissing { id, promotion: self.promotion }),
        }
    }

    fn kind_error(
        &self,
        id: ParameterId,
        expected: &'static str,
        found: ParameterValue,
    ) -> FundingError {
        FundingError::ParameterKind { id, promotion: self.promotion, expected, found: found.kind() }
    }

    fn share(&mut self, id: ParameterId) -> Result<Share, FundingError> {
        match self.parameter(id)? {
            ParameterValue::Share(share) => Ok(share),
            other => Err(self.kind_error(id, "une part", other)),
        }
    }

    fn amount(&mut self, id: ParameterId) -> Result<Euros, FundingError> {
        match self.parameter(id)? {
            ParameterValue::Amount(amount) => Ok(amount),
            other => Err(self.kind_error(id, "un montant", other)),
        }
    }

    fn months(&mut self, id: ParameterId) -> Result<u8, FundingError> {
        match self.parameter(id)? {
            ParameterValue::Months(months) => Ok(months),
            other => Err(self.kind_error(id, "un nombre de mois", other)),
        }
    }

    pub(crate) fn used_parameters(&self) -> Vec<UsedParameter> {
        self.parameters
            .iter()
            .zip(self.used)
            .filter(|(_, used)| *used)
            .filter_map(|(slot, _)| match slot {
                Slot::Found(parameter) => Some(parameter.clone()),
                _ => None,
            })
            .collect()
    }

    /// The formula of the promotion for cofinanced routes (AAP3 §3.1.1, AAP4–AAP5 §3.3,
    /// AAP6 §3.3 and annexe 3, AAC6+ §2.2, REG7 §1.2).
    fn kind(&self, phase: Phase) -> Result<Kind, FundingError> {
        let promotion = self.promotion;
        Ok(match (promotion, phase) {
            (Promotion::Eig7, _) => Kind::Share {
                payer: Payer::Dinum,
                parameter: ParameterId::DinumShare,
                rule: RuleId::DinumPaysAll,
            },
            (Promotion::Dig1, _) => return Err(FundingError::NoRuleStated { promotion }),
            (_, Phase::Prolongation) => Kind::Flat {
                parameter: ParameterId::FlatPerProlongedTalent,
                rule: RuleId::FlatPerProlongedTalent,
            },
            (Promotion::Eig1 | Promotion::Eig2, _) => Kind::Share {
                payer: Payer::PiaThroughCdc,
                parameter: ParameterId::PiaShare,
                rule: RuleId::PiaPaysPay,
            },
            (Promotion::Eig3, _) => Kind::Share {
                payer: Payer::PiaThroughCdc,
                parameter: ParameterId::PiaShare,
                rule: RuleId::PiaShareOfEmployerCost,
            },
            (Promotion::Eig4 | Promotion::Eig5, _) => Kind::Months,
            (Promotion::Eig6, _) => Kind::Flat {
                parameter: ParameterId::FlatPerRecruitedTalent,
                rule: RuleId::FlatPerRecruitedTalent,
            },
            _ => return Err(FundingError::NoRuleStated { promotion }),
        })
    }

    /// Which routes exist in the promotion: PIA routes in EIG1–EIG3 (AAP3 §3.1), programme
    /// 352 routes in EIG4–EIG6, the délégation de gestion only in EIG5 (AAP5 §3.1, the one
    /// text that names it) and EIG4 (interpretation: AAC4 art. 2 fn. 2 excepts the economic
    /// and financial ministries from the décret de transfert without naming their route), only
    /// DINUM employment in EIG7 (REG7 §1.2).
    fn check_route(&self, defi: &DefiId, route: FundingRoute) -> Result<(), FundingError> {
        let promotion = self.promotion;
        if crate::routes::route_is_open(promotion, route) {
            Ok(())
        } else {
            Err(FundingError::RouteNotOpen { defi: defi.clone(), promotion, route })
        }
    }

    /// Which hosts a route is open to, where the texts say it with the host's kind alone.
    /// EIG3: « seul un ministère est éligible à un financement direct » (AAP3 §3.1.1; a
    /// central administration is read as its ministry's services, as `eig-eligibility` does).
    /// EIG4–EIG6: « Les administrations qui ne disposent pas d'un programme budgétaire (voir
    /// 3.1.) ne peuvent pas bénéficier d'un financement direct » (AAP4–AAP6 §3.2): a
    /// collectivité territoriale or an établissement de santé has no programme of the State
    /// budget, so neither the direct route nor the délégation de gestion on programme 352 is
    /// open to it (interpretation, `docs/rules/funding.md`). Every other pairing is trusted:
    /// which State body has a budget programme is a fact of the dossier that
    /// `eig-eligibility` judges.
    fn check_host(&self, defi: &DefiFunding) -> Result<(), FundingError> {
        let promotion = self.promotion;
        let (open, stated_in) = match (promotion, defi.route) {
            (Promotion::Eig3, FundingRoute::Direct) => (
                defi.host.is_ministry_or_central_administration(),
                Source::new(Document::Aap3, "§3.1.1"),
            ),
            (
                Promotion::Eig4 | Promotion::Eig5 | Promotion::Eig6,
                FundingRoute::Direct | FundingRoute::DelegationOfManagement,
            ) => {
                let document = match promotion {
                    Promotion::Eig4 => Document::Aap4,
                    Promotion::Eig5 => Document::Aap5,
                    _ => Document::Aap6,
                };
                (!defi.host.is_outside_state(), Source::new(document, "§3.2"))
            }
            _ => (true, Source::new(Document::Aap3, "§3.1")),
        };
        if !open {
            return Err(FundingError::RouteNotOpenToHost {
                defi: defi.defi.clone(),
                promotion,
                route: defi.route,
                host: defi.host,
                stated_in,
            });
        }
        if defi.route == FundingRoute::ThroughAdministrativeCarrier
            && defi.administrative_carrier.is_none()
        {
            return Err(FundingError::AdministrativeCarrierMissing { defi: defi.defi.clone() });
        }
        Ok(())
    }

    /// At most the promotion's team size, where a source states it as a rule without
    /// exceptions (EIG3–EIG7; EIG2's « sauf exception » (AAC2 art. 4) and EIG1's observed bounds are not
    /// checked: the exception is a fact `eig-eligibility` judges). Each talent once.
    fn check_team(&self, defi: &DefiFunding) -> Result<(), FundingError> {
        if let Some(Sourced { value: bounds, source }) = &self.facts.team_size {
            let max = usize::from(bounds.max);
            if bounds.basis == Basis::Rule
                && !bounds.exceptions_allowed
                && let Some(extra) = defi.talents.get(max)
            {
                return Err(FundingError::TeamTooLarge {
                    defi: defi.defi.clone(),
                    talent: extra.talent.clone(),
                    promotion: self.promotion,
                    talents: defi.talents.len(),
                    max: bounds.max,
                    stated_in: source.clone(),
                });
            }
        }
        let mut seen = BTreeSet::new();
        for talent in &defi.talents {
            if !seen.insert(&talent.talent) {
                return Err(FundingError::TalentRepeated {
                    defi: defi.defi.clone(),
                    talent: talent.talent.clone(),
                    first: defi.defi.clone(),
                });
            }
        }
        Ok(())
    }

    fn contract_months(&self, defi: &DefiFunding) -> Result<u8, FundingError> {
        let stated = match (defi.phase, self.facts.mission_length.as_ref().map(|s| s.value)) {
            (
                Phase::Initial,
                Some(
                    MissionLength::Months { months } | MissionLength::RenewableContract { months },
                ),
            ) => Some(months),
            _ => None,
        };
        match defi.contract_months.or(stated) {
            Some(0) => Err(FundingError::ZeroMonthContract { defi: defi.defi.clone() }),
            Some(months) => Ok(months),
            None => Err(FundingError::ContractLengthNeeded {
                defi: defi.defi.clone(),
                promotion: self.promotion,
            }),
        }
    }

    fn first_month(&self, phase: Phase) -> Option<NaiveDate> {
        if phase != Phase::Initial {
            return None;
        }
        match self.facts.mission_start.as_ref()?.value {
            ApproxDate::Day(day) => NaiveDate::from_ymd_opt(day.year(), day.month(), 1),
            ApproxDate::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
            ApproxDate::Year(_) => None,
        }
    }

    fn defi(&mut self, defi: &DefiFunding) -> Result<DefiPlan, FundingError> {
        self.check_route(&defi.defi, defi.route)?;
        self.check_host(defi)?;
        self.check_team(defi)?;
        let contract_months = self.contract_months(defi)?;
        let payment = match defi.route {
            FundingRoute::SelfFunded => Payment::Whole(Payer::Host, RuleId::SelfFunded),
            FundingRoute::AlternativeFunding => {
                Payment::Whole(Payer::AlternativeSource, RuleId::AlternativeFunding)
            }
            _ => Payment::Cofinanced(self.kind(defi.phase)?),
        };
        let through = (defi.route == FundingRoute::ThroughAdministrativeCarrier)
            .then_some(Intermediary::AdministrativeCarrier);
        let mut talents = Vec::with_capacity(defi.talents.len());
        let mut totals = zero_totals(self.promotion);
        for talent in &defi.talents {
            let cost = self.cost(defi, talent, contract_months)?;
            let plan = match payment {
                Payment::Whole(payer, rule) => whole(talent.talent.clone(), cost, payer, rule),
                Payment::Cofinanced(kind) => {
                    self.cofinanced(talent, cost, kind, through, contract_months)?
                }
            };
            for part in &plan.parts {
                add_to(&mut totals, part.payer, part.amount)?;
            }
            talents.push(plan);
        }
        let first_month = self.first_month(defi.phase);
        let subsidised = match payment {
            Payment::Cofinanced(Kind::Months) if !defi.talents.is_empty() => {
                self.subsidised_months(first_month, contract_months)?
            }
            _ => None,
        };
        let mut by_payer = BTreeMap::new();
        for (&payer, &total) in totals.iter().filter(|(_, total)| **total != Euros::ZERO) {
            let months = match &subsidised {
                Some((_, covered)) => {
                    let on_covered = payer == Payer::Programme352;
                    let placed: Vec<bool> =
                        covered.iter().map(|&month| month == on_covered).collect();
                    spread_on(total, &placed)?
                }
                None => split_evenly(total, u32::from(contract_months))?,
            };
            by_payer.insert(payer, months);
        }
        Ok(DefiPlan {
            promotion: self.promotion,
            defi: defi.defi.clone(),
            route: defi.route,
            administrative_carrier: defi.administrative_carrier.clone(),
            phase: defi.phase,
            contract_months,
            talents,
            totals: ByPayer::from_map(totals),
            schedule: Schedule {
                first_month,
                subsidised_period: subsidised.map(|(period, _)| period),
                by_payer: ByPayer::from_map(by_payer),
            },
        })
    }

    /// The months of the schedule that the EIG4/EIG5 subsidy covers (AAP4 §3.3: « 4 mois
    /// (septembre-décembre 2020) »; AAP5 §3.3: « 3 mois (1er octobre – 31 décembre 2021) »):
    /// the period of the official `subsidised_months` value, as one flag per contract month.
    /// `None` (the schedule then spreads every payer evenly) when the first month is unknown,
    /// the period does not fall within the contract, or does not count the months the plan
    /// uses (a scenario's override of `subsidised_months`).
    fn subsidised_months(
        &mut self,
        first_month: Option<NaiveDate>,
        contract_months: u8,
    ) -> Result<Option<(DateRange, Vec<bool>)>, FundingError> {
        let months = self.months(ParameterId::SubsidisedMonths)?;
        let period = official_parameter(ParameterId::SubsidisedMonths, self.promotion)
            .and_then(|parameter| parameter.validity.period);
        let (Some(first_month), Some(period)) = (first_month, period) else {
            return Ok(None);
        };
        // The official periods are whole calendar months (a test of the parameters table
        // checks it): a month of the schedule is covered when its first day is in the period.
        let covered: Vec<bool> = (0..u32::from(contract_months))
            .map(|index| {
                first_month
                    .checked_add_months(Months::new(index))
                    .is_some_and(|month| period.contains(month))
            })
            .collect();
        let counted = covered.iter().filter(|&&month| month).count();
        let period_months = std::iter::successors(Some(period.first()), |month| {
            month.checked_add_months(Months::new(1))
        })
        .take_while(|month| *month <= period.last())
        .count();
        let fits = counted == period_months && usize::from(months) == counted;
        Ok(fits.then_some((period, covered)))
    }

    /// The pay the grid gives the talent, when it can be read.
    fn pay(&self, talent: &TalentInput) -> Option<PayUsed> {
        let Sourced { value: grid, source } = self.facts.pay_grid.as_ref()?;
        let band = band(grid, talent)?;
        Some(PayUsed { net_monthly: band.0, variable: band.1, source: source.clone() })
    }

    fn cost(
        &mut self,
        defi: &DefiFunding,
        talent: &TalentInput,
        contract_months: u8,
    ) -> Result<Cost, FundingError> {
        let months_worked = talent.months_worked.unwrap_or(contract_months);
        if months_worked > contract_months {
            return Err(FundingError::MonthsOutOfRange {
                defi: defi.defi.clone(),
                talent: talent.talent.clone(),
                months_worked,
                contract_months,
            });
        }
        let pay = self.pay(talent);
        let rounding = self.scenario.rounding;
        let worked = |planned: Euros| {
            fraction_of(planned, u64::from(months_worked), u64::from(contract_months), rounding)
        };
        let (actual, planned, monthly, basis) = match talent.employer_cost {
            Some(EmployerCost::Contract(planned)) => {
                (worked(planned)?, Some(planned), None, CostBasis::GivenForContract)
            }
            Some(EmployerCost::Monthly(monthly)) => (
                monthly.checked_mul(u64::from(months_worked))?,
                None,
                Some(monthly),
                CostBasis::GivenMonthly,
            ),
            None => {
                let planned = self.reference_cost(defi, talent, pay.as_ref(), contract_months)?;
                (worked(planned)?, Some(planned), None, CostBasis::ReferenceEstimate)
            }
        };
        Ok(Cost { actual, planned, monthly, basis, months_worked, pay })
    }

    /// The ING reference: « le coût total employeur pour un EIG rémunéré 4000€ nets par mois
    /// pendant 10 mois s'élève à 70 000€ ». It applies only to that pay and length.
    fn reference_cost(
        &mut self,
        defi: &DefiFunding,
        talent: &TalentInput,
        pay: Option<&PayUsed>,
        contract_months: u8,
    ) -> Result<Euros, FundingError> {
        let needed = |why| FundingError::EmployerCostNeeded {
            defi: defi.defi.clone(),
            talent: talent.talent.clone(),
            why,
        };
        let Some(pay) = pay else {
            return Err(match &self.facts.pay_grid {
                Some(_) => FundingError::ExperienceNeeded {
                    defi: defi.defi.clone(),
                    talent: talent.talent.clone(),
                    promotion: self.promotion,
                },
                None => needed("aucune source ne donne la rémunération de cette promotion"),
            });
        };
        let reference_pay = self.amount(ParameterId::ReferenceNetMonthlyPay)?;
        let reference_months = self.months(ParameterId::ReferenceContractMonths)?;
        if pay.net_monthly != reference_pay || pay.variable.is_some() {
            return Err(needed("le coût de référence vaut pour une autre rémunération nette"));
        }
        if contract_months != reference_months {
            return Err(needed("le coût de référence vaut pour une autre durée de contrat"));
        }
        let cost = self.amount(ParameterId::ReferenceEmployerCost)?;
        if self.list_estimates {
            self.estimates
                .push(TalentRef { defi: defi.defi.clone(), talent: talent.talent.clone() });
        }
        Ok(cost)
    }

    fn cofinanced(
        &mut self,
        talent: &TalentInput,
        cost: Cost,
        kind: Kind,
        through: Option<Intermediary>,
        contract_months: u8,
    ) -> Result<TalentPlan, FundingError> {
        let rounding = self.scenario.rounding;
        let (payer, rule, programme, formula, treatment) = match kind {
            Kind::Share { payer, parameter, rule } => {
                let share = self.share(parameter)?;
                let parts = split(cost.actual, share, rounding);
                let formula = Formula::ShareOfCost { share, employer_cost: cost.actual };
                (payer, rule, parts.share, formula, SurplusTreatment::NoRuleStated)
            }
            Kind::Months => {
                let months = self.months(ParameterId::SubsidisedMonths)?;
                let subsidy = match (cost.monthly, cost.planned) {
                    (Some(monthly), _) => monthly.checked_mul(u64::from(months))?,
                    (None, Some(planned)) => months_of(planned, months, contract_months, rounding)?,
                    (None, None) => Euros::ZERO,
                };
                let formula = Formula::MonthsOfCost {
                    months,
                    monthly_cost: cost.monthly,
                    contract_cost: cost.planned,
                    contract_months,
                };
                let rule = RuleId::MonthsOfEmployerCost;
                (Payer::Programme352, rule, subsidy, formula, SurplusTreatment::NoRuleStated)
            }
            Kind::Flat { parameter, rule } => {
                let amount = self.amount(parameter)?;
                let treatment = SurplusTreatment::NotRefundedMayReduceNextTransfer;
                (Payer::Programme352, rule, amount, Formula::Flat { amount }, treatment)
            }
        };
        let (host, surplus) = if let Ok(rest) = cost.actual.checked_sub(programme) {
            (rest, None)
        } else {
            let amount = programme.checked_sub(cost.actual)?;
            (Euros::ZERO, Some(Surplus { amount, treatment }))
        };
        let parts = vec![
            Part { payer, amount: programme, through, rule },
            Part { payer: Payer::Host, amount: host, through: None, rule: RuleId::HostPaysRest },
        ];
        Ok(TalentPlan {
            talent: talent.talent.clone(),
            employer_cost: cost.actual,
            cost_basis: cost.basis,
            months_worked: cost.months_worked,
            pay: cost.pay,
            rule,
            formula,
            parts,
            surplus,
        })
    }

    /// The envelope outcome of `payer`'s amounts, one per talent in rank order (`amounts`
    /// gives them anew each time it is called), its talents named by position.
    pub(crate) fn envelope<I>(
        &mut self,
        payer: Payer,
        amounts: impl Fn() -> I,
    ) -> Result<Envelope, FundingError>
    where
        I: Iterator<Item = Euros>,
    {
        let envelope = match self.amount(ParameterId::ProgrammeEnvelope) {
            Ok(envelope) => envelope,
            Err(FundingError::ParameterMissing { .. }) => {
                return Ok(Envelope::Settled(EnvelopeOutcome::NoEnvelopeStated));
            }
            Err(other) => return Err(other),
        };
        let committed = Euros::checked_sum(amounts())?;
        let Ok(by) = committed.checked_sub(envelope) else {
            let left = envelope.checked_sub(committed)?;
            return Ok(Envelope::Settled(EnvelopeOutcome::Within {
                payer,
                envelope,
                committed,
                left,
            }));
        };
        if by == Euros::ZERO {
            return Ok(Envelope::Settled(EnvelopeOutcome::Within {
                payer,
                envelope,
                committed,
                left: Euros::ZERO,
            }));
        }
        let exceeded = Exceeded { payer, envelope, committed, by };
        Ok(match self.scenario.envelope_policy {
            EnvelopePolicy::RankOrder => {
                let mut covered = 0_u32;
                let mut first_not_covered = 0_usize;
                let mut covered_amount = Euros::ZERO;
                let mut all_covered = true;
                for amount in amounts() {
                    let next = covered_amount.checked_add(amount)?;
                    if all_covered && next <= envelope {
                        covered += 1;
                        first_not_covered += 1;
                        covered_amount = next;
                    } else {
                        all_covered = false;
                    }
                }
                let unused = envelope.checked_sub(covered_amount)?;
                Envelope::RankOrder { exceeded, covered, first_not_covered, covered_amount, unused }
            }
            EnvelopePolicy::ProRata => {
                let weights: Vec<u128> = amounts().map(cents_of).collect();
                let granted = allocate(envelope, &weights)?;
                Envelope::ProRata { exceeded, grants: amounts().zip(granted).collect() }
            }
        })
    }
}

/// An envelope outcome whose talents are named by their position among the promotion's
/// talents in rank order: what a [`PromotionPlanStream`] keeps instead of the lists of
/// [`EnvelopeResolution`].
#[derive(Clone, Debug)]
pub(crate) enum Envelope {
    /// No envelope, or the amounts fit: no talent to name.
    Settled(EnvelopeOutcome),
    /// Exceeded, in rank order: the talents from position `first_not_covered` (= `covered`)
    /// on are not covered.
    RankOrder {
        exceeded: Exceeded,
        covered: u32,
        first_not_covered: usize,
        covered_amount: Euros,
        unused: Euros,
    },
    /// Exceeded, pro rata: each talent's amount requested and granted, in rank order.
    ProRata { exceeded: Exceeded, grants: Vec<(Euros, Euros)> },
}

/// The figures of an exceeded envelope.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Exceeded {
    payer: Payer,
    envelope: Euros,
    committed: Euros,
    by: Euros,
}

impl Envelope {
    /// The outcome, `talents` being the promotion's talents in rank order.
    pub(crate) fn outcome<'d>(
        &self,
        talents: impl Iterator<Item = (&'d DefiId, &'d CandidateId)>,
    ) -> EnvelopeOutcome {
        let reference = |(defi, talent): (&DefiId, &CandidateId)| TalentRef {
            defi: defi.clone(),
            talent: talent.clone(),
        };
        let (exceeded, resolution) = match self {
            Envelope::Settled(outcome) => return outcome.clone(),
            Envelope::RankOrder {
                exceeded,
                covered,
                first_not_covered,
                covered_amount,
                unused,
            } => {
                let not_covered: Vec<TalentRef> =
                    talents.skip(*first_not_covered).map(reference).collect();
                let first_not_covered = not_covered
                    .first()
                    .cloned()
                    .unwrap_or_else(|| unreachable!("committed exceeds the envelope"));
                let resolution = EnvelopeResolution::RankOrder {
                    covered: *covered,
                    covered_amount: *covered_amount,
                    unused: *unused,
                    first_not_covered,
                    not_covered,
                };
                (exceeded, resolution)
            }
            Envelope::ProRata { exceeded, grants } => {
                let grants = talents
                    .zip(grants)
                    .map(|(talent, &(requested, granted))| Grant {
                        talent: reference(talent),
                        requested,
                        granted,
                    })
                    .collect();
                (exceeded, EnvelopeResolution::ProRata { grants })
            }
        };
        let Exceeded { payer, envelope, committed, by } = *exceeded;
        EnvelopeOutcome::Exceeded { payer, envelope, committed, by, resolution }
    }
}

/// The band's net pay and variable part for a talent: the only band of a one-band grid, or
/// the band of the talent's experience.
fn band(grid: &PayGrid, talent: &TalentInput) -> Option<(Euros, Option<Share>)> {
    let band = match grid.bands() {
        [only] => only,
        _ => grid.band_for(talent.experience?),
    };
    Some((band.net_monthly, band.variable))
}

/// `months` months of a contract of `contract_months` (> 0) months costing `cost`:
/// `cost × months / contract_months`, rounded once by `rounding`. Whole contracts are exact, so
/// a contract shorter than the subsidised months gives the same amount as the monthly cost
/// times the months (a surplus, not an error).
fn months_of(
    cost: Euros,
    months: u8,
    contract_months: u8,
    rounding: RoundingRule,
) -> Result<Euros, FundingError> {
    let whole = cost.checked_mul(u64::from(months / contract_months))?;
    let rest = months % contract_months;
    let part = fraction_of(cost, u64::from(rest), u64::from(contract_months), rounding)?;
    Ok(whole.checked_add(part)?)
}

fn whole(talent: CandidateId, cost: Cost, payer: Payer, rule: RuleId) -> TalentPlan {
    TalentPlan {
        talent,
        employer_cost: cost.actual,
        cost_basis: cost.basis,
        months_worked: cost.months_worked,
        pay: cost.pay,
        rule,
        formula: Formula::WholeCost { payer },
        parts: vec![Part { payer, amount: cost.actual, through: None, rule }],
        surplus: None,
    }
}

/// `total` spread evenly over the months flagged `true` (largest remainders, the odd cents to
/// the earlier months), zero on the others; over every month when none is flagged.
fn spread_on(total: Euros, placed: &[bool]) -> Result<Vec<Euros>, FundingError> {
    let count = placed.iter().filter(|&&month| month).count();
    let Ok(parts) = u32::try_from(count) else {
        return Err(SplitError::Overflow { operation: "le nombre de mois d'un échéancier" }.into());
    };
    if parts == 0 {
        let all = u32::try_from(placed.len()).map_err(|_| SplitError::Overflow {
            operation: "le nombre de mois d'un échéancier",
        })?;
        return Ok(split_evenly(total, all)?);
    }
    let mut amounts = split_evenly(total, parts)?.into_iter();
    Ok(placed
        .iter()
        .map(|&month| if month { amounts.next().unwrap_or(Euros::ZERO) } else { Euros::ZERO })
        .collect())
}

/// Every payer of the promotion at zero (see [`Payer::of_promotion`]).
fn zero_totals(promotion: Promotion) -> BTreeMap<Payer, Euros> {
    Payer::of_promotion(promotion).iter().map(|&payer| (payer, Euros::ZERO)).collect()
}

fn add_to(
    totals: &mut BTreeMap<Payer, Euros>,
    payer: Payer,
    amount: Euros,
) -> Result<(), FundingError> {
    let entry = totals.entry(payer).or_insert(Euros::ZERO);
    *entry = entry.checked_add(amount)?;
    Ok(())
}
