//! The plan written in French, for the people who sign conventions: every amount with its
//! rule, formula and source.

use std::fmt;

use eig_domain::{CandidateId, DefiId, Euros, Promotion};

use crate::{
    input::{EnvelopePolicy, Phase},
    parameter::{ParameterId, UsedParameter},
    plan::{
        ByPayer, CostBasis, DefiPlan, EnvelopeOutcome, EnvelopeResolution, Formula, Intermediary,
        Payer, PromotionPlan, SurplusTreatment, TalentPlan, TalentRef,
    },
    rule::RuleId,
    split::RoundingRule,
    stream::PromotionPlanStream,
};

impl PromotionPlan {
    /// The plan written in French.
    ///
    /// # Example
    /// ```
    /// use eig_funding::{PromotionInput, Scenario, plan_promotion};
    ///
    /// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
    ///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1" } ] } ] }"#)?;
    /// let text = plan_promotion(&input, &Scenario::default())?.to_french();
    /// assert!(text.contains("PIA (versé par la CDC) : 49\u{202f}000,00\u{a0}€"));
    /// assert!(text.contains("estimation"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_french(&self) -> String {
        let mut out = String::with_capacity(4096);
        // Writing into a `String` cannot fail.
        let _ = self.write_french(&mut out);
        out
    }

    /// Writes the plan in French into `out`, as [`PromotionPlan::to_french`] returns it,
    /// without building the whole text first (a large plan's text can be written to a
    /// file as it is rendered).
    ///
    /// # Errors
    /// Only those of `out`.
    ///
    /// # Example
    /// ```
    /// use eig_funding::{PromotionInput, Scenario, plan_promotion};
    ///
    /// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
    ///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1" } ] } ] }"#)?;
    /// let plan = plan_promotion(&input, &Scenario::default())?;
    /// let mut text = String::new();
    /// plan.write_french(&mut text)?;
    /// assert_eq!(text, plan.to_french());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_french<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        write_header(out, self.promotion, self.rounding)?;
        for defi in &self.defis {
            out.write_char('\n')?;
            write_defi(out, defi)?;
        }
        let summary = Summary {
            promotion: self.promotion,
            envelope_policy: self.envelope_policy,
            totals: &self.totals,
            parameters: &self.parameters,
        };
        let estimated = self.estimated_costs.iter().map(|talent| (&talent.defi, &talent.talent));
        write_footer(out, &summary, &self.envelope, estimated)
    }
}

impl PromotionPlanStream<'_> {
    /// Writes the plan in French into `out`, each défi's plan computed as it is written: the
    /// same text as [`PromotionPlan::to_french`] of [`plan_promotion`](crate::plan_promotion).
    ///
    /// # Errors
    /// Those of `out`; and [`fmt::Error`] if a défi's plan failed this time, which the checks
    /// of [`plan_promotion_stream`](crate::plan_promotion_stream) rule out.
    ///
    /// # Example
    /// ```
    /// use eig_funding::{PromotionInput, Scenario, plan_promotion, plan_promotion_stream};
    ///
    /// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
    ///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1" } ] },
    ///   { "defi": "d2", "route": "self_funded", "host": { "kind": "ministry" }, "talents": [ { "talent": "t2" } ] } ] }"#)?;
    /// let scenario = Scenario::default();
    /// let mut text = String::new();
    /// plan_promotion_stream(&input, &scenario)?.write_french(&mut text)?;
    /// assert_eq!(text, plan_promotion(&input, &scenario)?.to_french());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_french<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        write_header(out, self.promotion, self.rounding)?;
        for defi in self.defis() {
            out.write_char('\n')?;
            write_defi(out, &defi.map_err(|_| fmt::Error)?)?;
        }
        let summary = Summary {
            promotion: self.promotion,
            envelope_policy: self.envelope_policy,
            totals: &self.totals,
            parameters: &self.parameters,
        };
        // The envelope's talents are named only while they are written.
        write_footer(out, &summary, &self.envelope(), self.estimated_iter())
    }
}

impl DefiPlan {
    /// The défi's plan written in French.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_funding::{DefiFunding, Scenario, plan_defi};
    ///
    /// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "self_funded", "host": { "kind": "ministry" },
    ///   "talents": [ { "talent": "t1", "employer_cost": { "contract": "70000" } } ] }"#)?;
    /// let text = plan_defi(Promotion::Eig4, &defi, &Scenario::default())?.to_french();
    /// assert!(text.starts_with("Défi d1 — "));
    /// assert!(text.contains("administration d'accueil : 70\u{202f}000,00\u{a0}€"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_french(&self) -> String {
        let mut out = String::with_capacity(1024);
        // Writing into a `String` cannot fail.
        let _ = self.write_french(&mut out);
        out
    }

    /// Writes the défi's plan in French into `out`, as [`DefiPlan::to_french`] returns it.
    ///
    /// # Errors
    /// Only those of `out`.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_funding::{DefiFunding, Scenario, plan_defi};
    ///
    /// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "self_funded", "host": { "kind": "ministry" },
    ///   "talents": [ { "talent": "t1", "employer_cost": { "contract": "70000" } } ] }"#)?;
    /// let plan = plan_defi(Promotion::Eig4, &defi, &Scenario::default())?;
    /// let mut text = String::new();
    /// plan.write_french(&mut text)?;
    /// assert_eq!(text, plan.to_french());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_french<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        write_defi(out, self)
    }
}

/// What the text says after the défis, besides the envelope and the estimated costs.
struct Summary<'p> {
    promotion: Promotion,
    envelope_policy: EnvelopePolicy,
    totals: &'p ByPayer<Euros>,
    parameters: &'p [UsedParameter],
}

fn write_header<W: fmt::Write + ?Sized>(
    out: &mut W,
    promotion: Promotion,
    rounding: RoundingRule,
) -> fmt::Result {
    writeln!(out, "Plan de financement — promotion {}", promotion.label())?;
    writeln!(out, "Arrondi : {}.", rounding.french())
}

fn write_footer<'t, W: fmt::Write + ?Sized>(
    out: &mut W,
    plan: &Summary<'_>,
    envelope: &EnvelopeOutcome,
    mut estimated: impl Iterator<Item = (&'t DefiId, &'t CandidateId)>,
) -> fmt::Result {
    out.write_str("\nTotaux de la promotion :\n")?;
    write_totals(out, plan.totals.iter().map(|(payer, amount)| (payer, *amount)))?;
    // An envelope no text states (a scenario's only) cites no text.
    let stated = !plan.parameters.iter().any(|parameter| {
        parameter.id == ParameterId::ProgrammeEnvelope && parameter.official.is_none()
    });
    write_envelope(out, envelope, plan.envelope_policy, plan.promotion, stated)?;
    if let Some(first) = estimated.next() {
        // The reference as used (a scenario may override it), from the plan's parameters.
        let used = |id| {
            plan.parameters
                .iter()
                .find(|parameter| parameter.id == id)
                .map_or_else(|| "?".to_owned(), |parameter| parameter.value.to_french())
        };
        write!(
            out,
            "Coûts estimés (référence ING, {} pour {} à {} nets) : {}",
            used(ParameterId::ReferenceEmployerCost),
            used(ParameterId::ReferenceContractMonths),
            used(ParameterId::ReferenceNetMonthlyPay),
            Named(first)
        )?;
        for talent in estimated {
            write!(out, ", {}", Named(talent))?;
        }
        out.write_str(".\n")?;
    }
    out.write_str("\nParamètres utilisés :\n")?;
    for parameter in plan.parameters {
        write_parameter(out, parameter)?;
    }
    Ok(())
}

fn write_defi<W: fmt::Write + ?Sized>(out: &mut W, defi: &DefiPlan) -> fmt::Result {
    let phase = match defi.phase {
        Phase::Prolongation => "prolongation",
        _ => "missions initiales",
    };
    write!(out, "Défi {} — {}", defi.defi, defi.route.french())?;
    if let Some(carrier) = &defi.administrative_carrier {
        write!(out, " (porteur administratif : {carrier})")?;
    }
    writeln!(out, " — {phase}, contrat de {} mois", defi.contract_months)?;
    for talent in &defi.talents {
        write_talent(out, talent, defi.promotion)?;
    }
    out.write_str("  Total du défi :\n")?;
    write_totals(out, defi.totals.iter().map(|(payer, amount)| (payer, *amount)))?;
    write!(out, "  Échéancier mensuel")?;
    if let Some(first) = defi.schedule.first_month {
        write!(out, " (mois 1 = {}", first.format("%m/%Y"))?;
        if let Some(period) = defi.schedule.subsidised_period {
            let sources: Vec<String> = RuleId::MonthsOfEmployerCost
                .sources_for(defi.promotion)
                .iter()
                .map(ToString::to_string)
                .collect();
            write!(
                out,
                " ; {} sur les mois subventionnés du {} au {}, {} ; {} sur les autres",
                Payer::Programme352,
                period.first().format("%d/%m/%Y"),
                period.last().format("%d/%m/%Y"),
                sources.join(", "),
                Payer::Host,
            )?;
        }
        out.write_char(')')?;
    }
    out.write_str(" :\n")?;
    for (payer, months) in defi.schedule.by_payer.iter() {
        write!(out, "    {payer} : ")?;
        for (index, amount) in months.iter().enumerate() {
            if index > 0 {
                out.write_str(" | ")?;
            }
            out.write_str(&amount.to_french())?;
        }
        out.write_char('\n')?;
    }
    Ok(())
}

fn write_talent<W: fmt::Write + ?Sized>(
    out: &mut W,
    talent: &TalentPlan,
    promotion: Promotion,
) -> fmt::Result {
    let basis = match talent.cost_basis {
        CostBasis::GivenForContract => "fourni pour le contrat",
        CostBasis::GivenMonthly => "fourni par mois",
        _ => "estimation : référence ING",
    };
    write!(
        out,
        "  EIG {} : coût total employeur {} ({basis}), {} mois travaillés",
        talent.talent,
        talent.employer_cost.to_french(),
        talent.months_worked
    )?;
    if let Some(pay) = &talent.pay {
        write!(out, ", rémunération {} nets par mois", pay.net_monthly.to_french())?;
        if let Some(variable) = pay.variable {
            write!(out, " + part variable {variable}")?;
        }
        write!(out, " ({})", pay.source)?;
    }
    out.write_char('\n')?;
    for part in &talent.parts {
        write!(out, "    {} : {}", part.payer, part.amount.to_french())?;
        if part.rule == talent.rule {
            write!(out, " = {}", formula(&talent.formula))?;
        } else if part.rule == RuleId::HostPaysRest {
            out.write_str(" = le reste")?;
        }
        if part.through == Some(Intermediary::AdministrativeCarrier) {
            out.write_str(", versé au porteur administratif")?;
        }
        writeln!(out, " [{} — {}]", part.rule, sources(part.rule, promotion))?;
    }
    if let Some(surplus) = &talent.surplus {
        write!(out, "    Trop-perçu : {}", surplus.amount.to_french())?;
        match surplus.treatment {
            SurplusTreatment::NotRefundedMayReduceNextTransfer => {
                writeln!(
                    out,
                    " (non restitué l'année du versement ; le transfert de l'année suivante peut \
                     être minoré à hauteur du trop-perçu si l'administration est de nouveau \
                     lauréate) [{} — {}]",
                    RuleId::UnusedFlatNotRefunded,
                    sources(RuleId::UnusedFlatNotRefunded, promotion)
                )?;
            }
            // No rule: cite none (the AAP6 clause is for the flat amounts only).
            _ => out.write_str(" (aucun texte n'en règle le sort)\n")?,
        }
    }
    Ok(())
}

fn formula(formula: &Formula) -> String {
    match formula {
        Formula::ShareOfCost { share, employer_cost } => {
            format!("{share} × {}", employer_cost.to_french())
        }
        Formula::MonthsOfCost { months, monthly_cost: Some(monthly), .. } => {
            format!("{months} × {} (coût d'un mois)", monthly.to_french())
        }
        Formula::MonthsOfCost { months, contract_cost: Some(cost), contract_months, .. } => {
            format!("{months}/{contract_months} × {} (coût du contrat)", cost.to_french())
        }
        Formula::MonthsOfCost { months, .. } => format!("{months} mois de coût"),
        Formula::Flat { amount } => format!("forfait de {}", amount.to_french()),
        Formula::WholeCost { .. } => "la totalité du coût".to_owned(),
    }
}

fn sources(rule: RuleId, promotion: Promotion) -> String {
    rule.sources_for(promotion).iter().map(ToString::to_string).collect::<Vec<_>>().join(" ; ")
}

/// The payers who pay something (the JSON lists every payer of the promotion, at zero too).
fn write_totals<W: fmt::Write + ?Sized>(
    out: &mut W,
    totals: impl Iterator<Item = (Payer, Euros)>,
) -> fmt::Result {
    for (payer, amount) in totals.filter(|(_, amount)| *amount != Euros::ZERO) {
        writeln!(out, "    {payer} : {}", amount.to_french())?;
    }
    Ok(())
}

/// A talent as the text names it: `défi/talent`.
struct Named<'t>((&'t DefiId, &'t CandidateId));

impl<'t> Named<'t> {
    fn of(talent: &'t TalentRef) -> Named<'t> {
        Named((&talent.defi, &talent.talent))
    }
}

impl fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.0.0, self.0.1)
    }
}

fn write_envelope<W: fmt::Write + ?Sized>(
    out: &mut W,
    outcome: &EnvelopeOutcome,
    policy: EnvelopePolicy,
    promotion: Promotion,
    stated: bool,
) -> fmt::Result {
    let cited = if stated {
        sources(RuleId::Envelope, promotion)
    } else {
        "aucun texte : valeur fournie par le scénario".to_owned()
    };
    let rule = format!("[{} — {cited}]", RuleId::Envelope);
    match outcome {
        EnvelopeOutcome::Within { payer, envelope, committed, left } => writeln!(
            out,
            "Enveloppe ({payer}) : {} ; engagé {} ; reste {}. {rule}",
            envelope.to_french(),
            committed.to_french(),
            left.to_french()
        ),
        EnvelopeOutcome::Exceeded { payer, envelope, committed, by, resolution } => {
            writeln!(
                out,
                "Enveloppe ({payer}) : {} ; engagé {} ; DÉPASSÉE de {}. {rule}",
                envelope.to_french(),
                committed.to_french(),
                by.to_french()
            )?;
            match resolution {
                EnvelopeResolution::RankOrder {
                    covered,
                    covered_amount,
                    unused,
                    first_not_covered,
                    not_covered,
                } => {
                    write!(
                        out,
                        "  Règle : ordre de classement. L'enveloppe couvre les {covered} premiers \
                         EIG ({}) ; reste inutilisé {} ; premier EIG non couvert : {} ; non \
                         couverts : ",
                        covered_amount.to_french(),
                        unused.to_french(),
                        Named::of(first_not_covered),
                    )?;
                    for (index, talent) in not_covered.iter().enumerate() {
                        if index > 0 {
                            out.write_str(", ")?;
                        }
                        write!(out, "{}", Named::of(talent))?;
                    }
                    out.write_str(".\n")
                }
                EnvelopeResolution::ProRata { grants } => {
                    out.write_str("  Règle : au prorata des montants.\n")?;
                    for grant in grants {
                        writeln!(
                            out,
                            "    {} : {} accordés sur {}",
                            Named::of(&grant.talent),
                            grant.granted.to_french(),
                            grant.requested.to_french()
                        )?;
                    }
                    Ok(())
                }
            }
        }
        _ => {
            let policy = match policy {
                EnvelopePolicy::ProRata => "au prorata",
                _ => "ordre de classement",
            };
            writeln!(
                out,
                "Enveloppe : aucune source n'en fixe pour cette promotion (règle choisie : {policy})."
            )
        }
    }
}

fn write_parameter<W: fmt::Write + ?Sized>(out: &mut W, parameter: &UsedParameter) -> fmt::Result {
    write!(
        out,
        "  {} ({}) = {}",
        parameter.id,
        parameter.id.french(),
        parameter.value.to_french()
    )?;
    if parameter.overridden {
        match parameter.official {
            Some(official) => write!(
                out,
                " — MODIFIÉ par le scénario (valeur officielle {})",
                official.to_french()
            )?,
            None => out.write_str(" — FOURNI par le scénario (aucune valeur officielle)")?,
        }
    }
    if let (Some(source), Some(checked)) = (&parameter.source, parameter.last_checked_on) {
        write!(out, " — {source}, vérifié le {}", checked.format("%d/%m/%Y"))?;
    }
    out.write_char('\n')
}
