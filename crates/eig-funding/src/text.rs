//! The plan written in French, for the people who sign conventions: every amount with its
//! rule, formula and source.

use std::fmt::Write as _;

use eig_domain::Promotion;

use crate::{
    input::{EnvelopePolicy, Phase},
    parameter::{ParameterId, UsedParameter},
    plan::{
        CostBasis, DefiPlan, EnvelopeOutcome, EnvelopeResolution, Formula, Intermediary, Payer,
        PromotionPlan, SurplusTreatment, TalentPlan, TalentRef,
    },
    rule::RuleId,
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
        let _ = writeln!(out, "Plan de financement — promotion {}", self.promotion.label());
        let _ = writeln!(out, "Arrondi : {}.", self.rounding.french());
        for defi in &self.defis {
            out.push('\n');
            write_defi(&mut out, defi);
        }
        out.push_str("\nTotaux de la promotion :\n");
        write_totals(&mut out, self.totals.iter().map(|(payer, amount)| (payer, *amount)));
        // An envelope no text states (a scenario's only) cites no text.
        let stated = !self.parameters.iter().any(|parameter| {
            parameter.id == ParameterId::ProgrammeEnvelope && parameter.official.is_none()
        });
        write_envelope(&mut out, &self.envelope, self.envelope_policy, self.promotion, stated);
        if !self.estimated_costs.is_empty() {
            // The reference as used (a scenario may override it), from the plan's parameters.
            let used = |id| {
                self.parameters
                    .iter()
                    .find(|parameter| parameter.id == id)
                    .map_or_else(|| "?".to_owned(), |parameter| parameter.value.to_french())
            };
            let _ = writeln!(
                out,
                "Coûts estimés (référence ING, {} pour {} à {} nets) : {}.",
                used(ParameterId::ReferenceEmployerCost),
                used(ParameterId::ReferenceContractMonths),
                used(ParameterId::ReferenceNetMonthlyPay),
                self.estimated_costs.iter().map(talent_ref).collect::<Vec<_>>().join(", ")
            );
        }
        out.push_str("\nParamètres utilisés :\n");
        for parameter in &self.parameters {
            write_parameter(&mut out, parameter);
        }
        out
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
        write_defi(&mut out, self);
        out
    }
}

fn write_defi(out: &mut String, defi: &DefiPlan) {
    let phase = match defi.phase {
        Phase::Prolongation => "prolongation",
        _ => "missions initiales",
    };
    let _ = write!(out, "Défi {} — {}", defi.defi, defi.route.french());
    if let Some(carrier) = &defi.administrative_carrier {
        let _ = write!(out, " (porteur administratif : {carrier})");
    }
    let _ = writeln!(out, " — {phase}, contrat de {} mois", defi.contract_months);
    for talent in &defi.talents {
        write_talent(out, talent, defi.promotion);
    }
    out.push_str("  Total du défi :\n");
    write_totals(out, defi.totals.iter().map(|(payer, amount)| (payer, *amount)));
    let _ = write!(out, "  Échéancier mensuel");
    if let Some(first) = defi.schedule.first_month {
        let _ = write!(out, " (mois 1 = {}", first.format("%m/%Y"));
        if let Some(period) = defi.schedule.subsidised_period {
            let sources: Vec<String> = RuleId::MonthsOfEmployerCost
                .sources_for(defi.promotion)
                .iter()
                .map(ToString::to_string)
                .collect();
            let _ = write!(
                out,
                " ; {} sur les mois subventionnés du {} au {}, {} ; {} sur les autres",
                Payer::Programme352,
                period.first().format("%d/%m/%Y"),
                period.last().format("%d/%m/%Y"),
                sources.join(", "),
                Payer::Host,
            );
        }
        out.push(')');
    }
    out.push_str(" :\n");
    for (payer, months) in defi.schedule.by_payer.iter() {
        let amounts: Vec<String> = months.iter().map(|amount| amount.to_french()).collect();
        let _ = writeln!(out, "    {payer} : {}", amounts.join(" | "));
    }
}

fn write_talent(out: &mut String, talent: &TalentPlan, promotion: Promotion) {
    let basis = match talent.cost_basis {
        CostBasis::GivenForContract => "fourni pour le contrat",
        CostBasis::GivenMonthly => "fourni par mois",
        _ => "estimation : référence ING",
    };
    let _ = write!(
        out,
        "  EIG {} : coût total employeur {} ({basis}), {} mois travaillés",
        talent.talent,
        talent.employer_cost.to_french(),
        talent.months_worked
    );
    if let Some(pay) = &talent.pay {
        let _ = write!(out, ", rémunération {} nets par mois", pay.net_monthly.to_french());
        if let Some(variable) = pay.variable {
            let _ = write!(out, " + part variable {variable}");
        }
        let _ = write!(out, " ({})", pay.source);
    }
    out.push('\n');
    for part in &talent.parts {
        let _ = write!(out, "    {} : {}", part.payer, part.amount.to_french());
        if part.rule == talent.rule {
            let _ = write!(out, " = {}", formula(&talent.formula));
        } else if part.rule == RuleId::HostPaysRest {
            out.push_str(" = le reste");
        }
        if part.through == Some(Intermediary::AdministrativeCarrier) {
            out.push_str(", versé au porteur administratif");
        }
        let _ = writeln!(out, " [{} — {}]", part.rule, sources(part.rule, promotion));
    }
    if let Some(surplus) = &talent.surplus {
        let _ = write!(out, "    Trop-perçu : {}", surplus.amount.to_french());
        match surplus.treatment {
            SurplusTreatment::NotRefundedMayReduceNextTransfer => {
                let _ = writeln!(
                    out,
                    " (non restitué l'année du versement ; le transfert de l'année suivante peut \
                     être minoré à hauteur du trop-perçu si l'administration est de nouveau \
                     lauréate) [{} — {}]",
                    RuleId::UnusedFlatNotRefunded,
                    sources(RuleId::UnusedFlatNotRefunded, promotion)
                );
            }
            // No rule: cite none (the AAP6 clause is for the flat amounts only).
            _ => out.push_str(" (aucun texte n'en règle le sort)\n"),
        }
    }
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
fn write_totals(out: &mut String, totals: impl Iterator<Item = (Payer, eig_domain::Euros)>) {
    for (payer, amount) in totals.filter(|(_, amount)| *amount != eig_domain::Euros::ZERO) {
        let _ = writeln!(out, "    {payer} : {}", amount.to_french());
    }
}

fn talent_ref(talent: &TalentRef) -> String {
    format!("{}/{}", talent.defi, talent.talent)
}

fn write_envelope(
    out: &mut String,
    outcome: &EnvelopeOutcome,
    policy: EnvelopePolicy,
    promotion: Promotion,
    stated: bool,
) {
    let cited = if stated {
        sources(RuleId::Envelope, promotion)
    } else {
        "aucun texte : valeur fournie par le scénario".to_owned()
    };
    let rule = format!("[{} — {cited}]", RuleId::Envelope);
    match outcome {
        EnvelopeOutcome::Within { payer, envelope, committed, left } => {
            let _ = writeln!(
                out,
                "Enveloppe ({payer}) : {} ; engagé {} ; reste {}. {rule}",
                envelope.to_french(),
                committed.to_french(),
                left.to_french()
            );
        }
        EnvelopeOutcome::Exceeded { payer, envelope, committed, by, resolution } => {
            let _ = writeln!(
                out,
                "Enveloppe ({payer}) : {} ; engagé {} ; DÉPASSÉE de {}. {rule}",
                envelope.to_french(),
                committed.to_french(),
                by.to_french()
            );
            match resolution {
                EnvelopeResolution::RankOrder {
                    covered,
                    covered_amount,
                    unused,
                    first_not_covered,
                    not_covered,
                } => {
                    let _ = writeln!(
                        out,
                        "  Règle : ordre de classement. L'enveloppe couvre les {covered} premiers \
                         EIG ({}) ; reste inutilisé {} ; premier EIG non couvert : {} ; non \
                         couverts : {}.",
                        covered_amount.to_french(),
                        unused.to_french(),
                        talent_ref(first_not_covered),
                        not_covered.iter().map(talent_ref).collect::<Vec<_>>().join(", ")
                    );
                }
                EnvelopeResolution::ProRata { grants } => {
                    out.push_str("  Règle : au prorata des montants.\n");
                    for grant in grants {
                        let _ = writeln!(
                            out,
                            "    {} : {} accordés sur {}",
                            talent_ref(&grant.talent),
                            grant.granted.to_french(),
                            grant.requested.to_french()
                        );
                    }
                }
            }
        }
        _ => {
            let policy = match policy {
                EnvelopePolicy::ProRata => "au prorata",
                _ => "ordre de classement",
            };
            let _ = writeln!(
                out,
                "Enveloppe : aucune source n'en fixe pour cette promotion (règle choisie : {policy})."
            );
        }
    }
}

fn write_parameter(out: &mut String, parameter: &UsedParameter) {
    let _ = write!(
        out,
        "  {} ({}) = {}",
        parameter.id,
        parameter.id.french(),
        parameter.value.to_french()
    );
    if parameter.overridden {
        match parameter.official {
            Some(official) => {
                let _ = write!(
                    out,
                    " — MODIFIÉ par le scénario (valeur officielle {})",
                    official.to_french()
                );
            }
            None => out.push_str(" — FOURNI par le scénario (aucune valeur officielle)"),
        }
    }
    if let (Some(source), Some(checked)) = (&parameter.source, parameter.last_checked_on) {
        let _ = write!(out, " — {source}, vérifié le {}", checked.format("%d/%m/%Y"));
    }
    out.push('\n');
}
