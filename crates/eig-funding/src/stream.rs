//! A promotion's plan whose défis' plans are computed when they are read: what a plan of
//! hundreds of thousands of défis is written from without holding it whole.

use serde::{Serialize, Serializer, ser::SerializeSeq as _, ser::SerializeStruct as _};

use eig_domain::{CandidateId, DefiId, Euros, Promotion};

use crate::{
    compute::{Envelope, envelope_payer, plan_each_defi, replan_defis},
    error::FundingError,
    input::{DefiFunding, EnvelopePolicy, PromotionInput, Scenario, TalentInput},
    parameter::UsedParameter,
    plan::{ByPayer, CostBasis, DefiPlan, EnvelopeOutcome, PromotionPlan, TalentRef},
    split::RoundingRule,
};

/// The plan of a whole promotion, as [`plan_promotion`](crate::plan_promotion) gives it, with its défis' plans
/// computed again when they are read instead of kept: every défi is planned once here — every
/// check and amount, the totals, the envelope — and dropped, so the errors are those of
/// [`plan_promotion`](crate::plan_promotion), found before anything is written. A plan of hundreds of thousands of
/// défis can then be written (as JSON: it serializes as the [`PromotionPlan`]; or in French)
/// without being held whole in memory.
///
/// # Errors
/// As [`plan_promotion`](crate::plan_promotion), the same error for the same input.
///
/// # Example
/// ```
/// use eig_funding::{Payer, PromotionInput, Scenario, plan_promotion, plan_promotion_stream};
///
/// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1" } ] },
///   { "defi": "d2", "route": "self_funded", "host": { "kind": "ministry" }, "talents": [ { "talent": "t2" } ] } ] }"#)?;
/// let scenario = Scenario::default();
/// let stream = plan_promotion_stream(&input, &scenario)?;
/// let whole = plan_promotion(&input, &scenario)?;
/// assert_eq!(stream.totals, whole.totals);
/// assert_eq!(serde_json::to_string(&stream)?, serde_json::to_string(&whole)?);
/// let second = stream.defis().nth(1).transpose()?.map(|defi| defi.amount_of(Payer::Host));
/// assert_eq!(second, Some(whole.defis[1].amount_of(Payer::Host)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn plan_promotion_stream<'a>(
    input: &'a PromotionInput,
    scenario: &'a Scenario,
) -> Result<PromotionPlanStream<'a>, FundingError> {
    let payer = envelope_payer(input.promotion);
    let talents = input.defis.iter().map(|defi| defi.talents.len()).sum();
    // The envelope payer's amount of each talent, in rank order: all the envelope needs; and
    // the positions of the talents whose cost is the ING estimate.
    let mut amounts = Vec::with_capacity(talents);
    let mut estimated = Vec::new();
    let (mut context, totals) = plan_each_defi(input, scenario, false, |plan| {
        for talent in &plan.talents {
            if talent.cost_basis == CostBasis::ReferenceEstimate {
                estimated.push(amounts.len());
            }
            amounts.push(talent.amount_of(payer));
        }
    })?;
    let envelope =
        context.envelope(payer, || amounts.iter().copied()).map_err(|err| err.at(None))?;
    Ok(PromotionPlanStream::new(
        input,
        scenario,
        ByPayer::from_map(totals),
        envelope,
        context.used_parameters(),
        estimated,
    ))
}

/// A promotion's plan as [`plan_promotion_stream`](crate::plan_promotion_stream) gives it:
/// the figures of the [`PromotionPlan`] without its défis' plans, which
/// [`PromotionPlanStream::defis`] computes again, one at a time, from the input it borrows,
/// nor its lists of talents, which it keeps as positions in the input
/// ([`PromotionPlanStream::envelope`], [`PromotionPlanStream::estimated_costs`]).
///
/// It serializes as the [`PromotionPlan`] does, byte for byte, computing each défi's plan as
/// it is written; [`PromotionPlanStream::write_french`] writes the text of
/// [`PromotionPlan::to_french`] the same way.
///
/// # Example
/// ```
/// use eig_domain::Euros;
/// use eig_funding::{EnvelopeOutcome, Payer, PromotionInput, Scenario, plan_promotion_stream};
///
/// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1" } ] } ] }"#)?;
/// let scenario = Scenario::default();
/// let stream = plan_promotion_stream(&input, &scenario)?;
/// assert_eq!(stream.totals.amount_of(Payer::PiaThroughCdc), Euros::from_whole(49_000));
/// assert!(matches!(stream.envelope(), EnvelopeOutcome::Within { .. }));
/// assert_eq!(stream.estimated_costs().len(), 1);
/// assert_eq!(stream.defis().count(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct PromotionPlanStream<'a> {
    /// The promotion.
    pub promotion: Promotion,
    /// The rounding rule used.
    pub rounding: RoundingRule,
    /// The envelope policy used.
    pub envelope_policy: EnvelopePolicy,
    /// Each payer's total over the promotion, as [`PromotionPlan::totals`].
    pub totals: ByPayer<Euros>,
    /// Every parameter used, with its source; `overridden` marks the scenario's.
    pub parameters: Vec<UsedParameter>,
    /// The envelope outcome, its talents by position.
    envelope: Envelope,
    /// The positions of the talents whose cost is the ING reference estimate.
    estimated: Vec<usize>,
    input: &'a PromotionInput,
    scenario: &'a Scenario,
}

impl<'a> PromotionPlanStream<'a> {
    pub(crate) fn new(
        input: &'a PromotionInput,
        scenario: &'a Scenario,
        totals: ByPayer<Euros>,
        envelope: Envelope,
        parameters: Vec<UsedParameter>,
        estimated: Vec<usize>,
    ) -> PromotionPlanStream<'a> {
        PromotionPlanStream {
            promotion: input.promotion,
            rounding: scenario.rounding,
            envelope_policy: scenario.envelope_policy,
            totals,
            parameters,
            envelope,
            estimated,
            input,
            scenario,
        }
    }

    /// The envelope outcome, as [`PromotionPlan::envelope`]. The talents it lists are kept
    /// as positions and named here: call it once.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Euros;
    /// use eig_funding::{EnvelopeOutcome, PromotionInput, Scenario, plan_promotion_stream};
    ///
    /// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
    ///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1" } ] } ] }"#)?;
    /// let scenario = Scenario::default();
    /// let EnvelopeOutcome::Within { left, .. } = plan_promotion_stream(&input, &scenario)?.envelope()
    /// else {
    ///     panic!("within")
    /// };
    /// assert_eq!(left, Euros::from_whole(1_500_000 - 49_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn envelope(&self) -> EnvelopeOutcome {
        self.envelope.outcome(self.talents().map(|(defi, talent)| (&defi.defi, &talent.talent)))
    }

    /// The talents whose cost is the ING reference estimate, as
    /// [`PromotionPlan::estimated_costs`]. They are kept as positions and named here: call it
    /// once.
    ///
    /// # Example
    /// ```
    /// use eig_funding::{PromotionInput, Scenario, plan_promotion_stream};
    ///
    /// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
    ///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
    ///     { "talent": "t1", "employer_cost": { "contract": "65000" } }, { "talent": "t2" } ] } ] }"#)?;
    /// let scenario = Scenario::default();
    /// let estimated = plan_promotion_stream(&input, &scenario)?.estimated_costs();
    /// assert_eq!(estimated.iter().map(|t| t.talent.as_str()).collect::<Vec<_>>(), ["t2"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn estimated_costs(&self) -> Vec<TalentRef> {
        self.estimated_iter()
            .map(|(defi, talent)| TalentRef { defi: defi.clone(), talent: talent.clone() })
            .collect()
    }

    /// The talents whose cost is the ING reference estimate, by reference.
    pub(crate) fn estimated_iter(&self) -> impl Iterator<Item = (&'a DefiId, &'a CandidateId)> {
        let mut positions = self.estimated.iter().copied().peekable();
        self.talents().enumerate().filter_map(move |(position, (defi, talent))| {
            (positions.next_if_eq(&position).is_some()).then_some((&defi.defi, &talent.talent))
        })
    }

    /// Every talent of the input, in rank order, with its défi.
    fn talents(&self) -> impl Iterator<Item = (&'a DefiFunding, &'a TalentInput)> {
        self.input
            .defis
            .iter()
            .flat_map(|defi| defi.talents.iter().map(move |talent| (defi, talent)))
    }

    /// Each défi's plan in rank order, computed anew: the plans of [`PromotionPlan::defis`].
    /// None fails, since the same computation succeeded when the stream was made; the
    /// `Result` is only there to say so without a panic.
    ///
    /// # Example
    /// ```
    /// use eig_funding::{PromotionInput, Scenario, plan_promotion, plan_promotion_stream};
    ///
    /// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG4", "defis": [
    ///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1" } ] } ] }"#)?;
    /// let scenario = Scenario::default();
    /// let defis = plan_promotion_stream(&input, &scenario)?.defis().collect::<Result<Vec<_>, _>>()?;
    /// assert_eq!(defis, plan_promotion(&input, &scenario)?.defis);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn defis(&self) -> impl Iterator<Item = Result<DefiPlan, FundingError>> + 'a {
        replan_defis(self.input, self.scenario)
    }

    /// The whole [`PromotionPlan`], every défi's plan computed and kept.
    ///
    /// # Errors
    /// None in practice: see [`PromotionPlanStream::defis`].
    ///
    /// # Example
    /// ```
    /// use eig_funding::{PromotionInput, Scenario, plan_promotion, plan_promotion_stream};
    ///
    /// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG6", "defis": [
    ///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1", "experience": 72 } ] } ] }"#)?;
    /// let scenario = Scenario::default();
    /// assert_eq!(plan_promotion_stream(&input, &scenario)?.into_plan()?, plan_promotion(&input, &scenario)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_plan(self) -> Result<PromotionPlan, FundingError> {
        let defis = self.defis().collect::<Result<Vec<_>, _>>()?;
        Ok(PromotionPlan {
            promotion: self.promotion,
            rounding: self.rounding,
            envelope_policy: self.envelope_policy,
            defis,
            envelope: self.envelope(),
            estimated_costs: self.estimated_costs(),
            totals: self.totals,
            parameters: self.parameters,
        })
    }
}

/// The fields of [`PromotionPlan`], in its order and with its names.
impl Serialize for PromotionPlanStream<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut plan = serializer.serialize_struct("PromotionPlan", 8)?;
        plan.serialize_field("promotion", &self.promotion)?;
        plan.serialize_field("rounding", &self.rounding)?;
        plan.serialize_field("envelope_policy", &self.envelope_policy)?;
        plan.serialize_field("defis", &Defis(self))?;
        plan.serialize_field("totals", &self.totals)?;
        // Each list of talents is named only while it is written.
        plan.serialize_field("envelope", &self.envelope())?;
        plan.serialize_field("parameters", &self.parameters)?;
        plan.serialize_field("estimated_costs", &EstimatedCosts(self))?;
        plan.end()
    }
}

/// The défis' plans, each computed as it is serialized.
struct Defis<'s, 'a>(&'s PromotionPlanStream<'a>);

impl Serialize for Defis<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut defis = serializer.serialize_seq(Some(self.0.input.defis.len()))?;
        for defi in self.0.defis() {
            defis.serialize_element(&defi.map_err(serde::ser::Error::custom)?)?;
        }
        defis.end()
    }
}

/// The talents whose cost is the ING estimate, each named as it is serialized.
struct EstimatedCosts<'s, 'a>(&'s PromotionPlanStream<'a>);

impl Serialize for EstimatedCosts<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut talents = serializer.serialize_seq(Some(self.0.estimated.len()))?;
        for (defi, talent) in self.0.estimated_iter() {
            talents.serialize_element(&TalentRef { defi: defi.clone(), talent: talent.clone() })?;
        }
        talents.end()
    }
}
