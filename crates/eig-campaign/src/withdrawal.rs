//! A défi the jury withdraws from the promotion after the selection, on a ground its call's
//! text gives: AAC2 art. 3 (« s’il considère que le nombre de candidatures est insuffisant »),
//! AAC3 art. 6.5, AAC4 art. 6.5, AAC5 art. 5.6, AAC6 art. 5.6 and AMI5bis art. 5.6 (« si aucune
//! solution satisfaisante n’est trouvée »), AAC4 art. 7, AAC5 art. 6, AAC6 art. 6 and AMI5bis
//! art. 6 (« si cet engagement ne peut pas être tenu »).
//!
//! No text gives a number of candidates below which they are « insuffisant », nor what makes a
//! solution « satisfaisante » (AAC3 art. 6.5): the withdrawal is the jury's decision, an input of the campaign
//! ([`Withdrawal`]), checked against the promotion's text (a ground the text does not give is
//! a [`WithdrawalError`]). A withdrawn défi takes no part in the laureates' funding nor in the
//! assignment; the candidates who chose it or were ranked for it are reported
//! ([`WithdrawnDefi`]).

use std::collections::BTreeSet;

use eig_domain::{CandidateId, DefiId, Promotion, Source};
use serde::{Deserialize, Serialize};

use eig_eligibility::CandidateApplication;
pub use eig_eligibility::WithdrawalGround;
use eig_matching::RankingInput;

use crate::handoff::Laureates;

/// The jury's withdrawal of one selected défi, with its ground.
///
/// JSON: `{"defi": "eig4-a", "ground": "no_satisfactory_solution"}`, an element of the
/// campaign's `jury_withdrawals`.
///
/// # Example
/// ```
/// use eig_campaign::{Withdrawal, WithdrawalGround};
///
/// let withdrawal: Withdrawal =
///     serde_json::from_str(r#"{"defi": "eig4-a", "ground": "commitment_not_kept"}"#)?;
/// assert_eq!(withdrawal.ground, WithdrawalGround::CommitmentNotKept);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    /// The défi withdrawn: one of the laureates.
    pub defi: DefiId,
    /// The ground, one that the promotion's call gives.
    pub ground: WithdrawalGround,
}

/// A défi the jury withdrew: why, where the text gives the ground, and the candidates it
/// concerned.
///
/// # Example
/// ```
/// use eig_campaign::{Withdrawal, WithdrawalGround, default_campaign, run};
///
/// let mut campaign = default_campaign();
/// let result = run(&campaign)?;
/// let first = result.matching.input.defis[0].id.clone();
/// campaign.jury_withdrawals =
///     vec![Withdrawal { defi: first.clone(), ground: WithdrawalGround::NoSatisfactorySolution }];
/// let result = run(&campaign)?;
/// let withdrawn = &result.withdrawn_by_jury[0];
/// assert_eq!((&withdrawn.defi, withdrawn.source.to_string().as_str()), (&first, "AAC3 art. 6.5"));
/// assert_eq!(withdrawn.rule, "eig3.selection.withdrawal_no_satisfactory_solution");
/// assert!(result.matching.input.defis.iter().all(|defi| defi.id != first));
/// assert!(withdrawn.explanation.starts_with(&format!("Le défi {first} est retiré de la promotion par le jury")));
/// # Ok::<(), eig_campaign::CampaignError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct WithdrawnDefi {
    /// The défi.
    pub defi: DefiId,
    /// The ground.
    pub ground: WithdrawalGround,
    /// The selection rule that gives the ground (`eig3.selection.withdrawal_no_satisfactory_solution`),
    /// as the rules catalogue (`eig rules`) lists it.
    pub rule: &'static str,
    /// Where the promotion's call gives it.
    pub source: Source,
    /// The sentence, verbatim.
    pub quote: &'static str,
    /// The candidates who chose it or whom a jury ranked for it, in the campaign's order: they
    /// take part in the assignment with their other choices only.
    pub candidates: Vec<CandidateId>,
    /// Why, in French, with the source.
    pub explanation: String,
}

/// Why the jury's withdrawals cannot be applied: each names the withdrawal
/// (`jury_withdrawals[i]`) and its field.
///
/// # Example
/// ```
/// use eig_campaign::{CampaignError, Withdrawal, WithdrawalError, WithdrawalGround, default_campaign, run};
///
/// let mut campaign = default_campaign(); // EIG3
/// let defi = run(&campaign)?.matching.input.defis[0].id.clone();
/// campaign.jury_withdrawals = vec![Withdrawal { defi, ground: WithdrawalGround::CommitmentNotKept }];
/// let err = run(&campaign).unwrap_err();
/// assert!(matches!(err, CampaignError::Withdrawal(WithdrawalError::GroundNotInText { index: 0, .. })));
/// assert!(err.to_string().starts_with("retrait d'un défi par le jury, jury_withdrawals[0].ground :"));
/// # Ok::<(), eig_campaign::CampaignError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WithdrawalError {
    /// The promotion's call does not give this ground.
    #[error(
        "jury_withdrawals[{index}].ground : le texte de l'appel de la promotion {promotion} ne \
         prévoit pas le retrait d'un défi pour le motif {} ({}) ; {}",
        ground.name(),
        ground.french(),
        grounds_of(*promotion)
    )]
    GroundNotInText {
        /// The withdrawal's position in `jury_withdrawals`.
        index: usize,
        /// The défi.
        defi: DefiId,
        /// The ground given.
        ground: WithdrawalGround,
        /// The campaign's promotion.
        promotion: Promotion,
    },
    /// The défi is not among the laureates: only a selected défi can be withdrawn from the
    /// promotion.
    #[error(
        "jury_withdrawals[{index}].defi : le défi {defi} n'est pas lauréat de la sélection : seul un \
         défi sélectionné peut être retiré de la promotion"
    )]
    NotALaureate {
        /// The withdrawal's position.
        index: usize,
        /// The défi.
        defi: DefiId,
    },
    /// The same défi is withdrawn twice.
    #[error(
        "jury_withdrawals[{index}].defi : le défi {defi} est déjà retiré plus haut dans la liste : \
         gardez un seul retrait"
    )]
    Duplicate {
        /// The second withdrawal's position.
        index: usize,
        /// The défi.
        defi: DefiId,
    },
}

impl WithdrawalError {
    /// The error's stable code.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::WithdrawalError;
    ///
    /// let err = WithdrawalError::NotALaureate { index: 1, defi: "d".parse()? };
    /// assert_eq!((err.code(), err.index(), err.field()), ("withdrawal_not_a_laureate", 1, "defi"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn code(&self) -> &'static str {
        match self {
            WithdrawalError::GroundNotInText { .. } => "withdrawal_ground_not_in_text",
            WithdrawalError::NotALaureate { .. } => "withdrawal_not_a_laureate",
            WithdrawalError::Duplicate { .. } => "duplicate_withdrawal",
        }
    }

    /// The withdrawal's position in the campaign's `jury_withdrawals`.
    ///
    /// # Example
    /// See [`WithdrawalError::code`].
    pub const fn index(&self) -> usize {
        match self {
            WithdrawalError::GroundNotInText { index, .. }
            | WithdrawalError::NotALaureate { index, .. }
            | WithdrawalError::Duplicate { index, .. } => *index,
        }
    }

    /// The field at fault (`ground` or `defi`).
    ///
    /// # Example
    /// See [`WithdrawalError::code`].
    pub const fn field(&self) -> &'static str {
        match self {
            WithdrawalError::GroundNotInText { .. } => "ground",
            WithdrawalError::NotALaureate { .. } | WithdrawalError::Duplicate { .. } => "defi",
        }
    }
}

/// The grounds a promotion's call gives, for messages.
fn grounds_of(promotion: Promotion) -> String {
    let grounds: Vec<String> = WithdrawalGround::ALL
        .into_iter()
        .filter_map(|ground| {
            ground.source(promotion).map(|source| format!("{} ({source})", ground.name()))
        })
        .collect();
    if grounds.is_empty() {
        format!("le texte de la promotion {promotion} ne prévoit aucun retrait de défi par le jury")
    } else {
        format!("motifs prévus : {}", grounds.join(", "))
    }
}

/// Checks a campaign's withdrawals against its promotion and its laureates, and returns the
/// laureates that stay and the défis withdrawn, each with the `applications` that chose it or
/// that `rankings` rank for it.
pub(crate) fn apply(
    withdrawals: &[Withdrawal],
    laureates: Laureates,
    applications: &[&CandidateApplication],
    rankings: &[RankingInput],
) -> Result<(Laureates, Vec<WithdrawnDefi>), WithdrawalError> {
    let promotion = laureates.promotion();
    let mut seen = BTreeSet::new();
    let mut withdrawn = Vec::with_capacity(withdrawals.len());
    for (index, withdrawal) in withdrawals.iter().enumerate() {
        let defi = &withdrawal.defi;
        let Some(rule) = withdrawal.ground.rule(promotion) else {
            return Err(WithdrawalError::GroundNotInText {
                index,
                defi: defi.clone(),
                ground: withdrawal.ground,
                promotion,
            });
        };
        if !laureates.contains(defi) {
            return Err(WithdrawalError::NotALaureate { index, defi: defi.clone() });
        }
        if !seen.insert(defi.clone()) {
            return Err(WithdrawalError::Duplicate { index, defi: defi.clone() });
        }
        let candidates = concerned(applications, rankings, defi);
        let explanation =
            explanation(defi, withdrawal.ground, &rule.source, rule.quote, &candidates);
        withdrawn.push(WithdrawnDefi {
            defi: defi.clone(),
            ground: withdrawal.ground,
            rule: rule.id,
            source: rule.source,
            quote: rule.quote,
            candidates,
            explanation,
        });
    }
    Ok((laureates.without(&seen), withdrawn))
}

/// The candidates who chose `defi` or whom a jury ranked for it, in the campaign's order.
fn concerned(
    applications: &[&CandidateApplication],
    rankings: &[RankingInput],
    defi: &DefiId,
) -> Vec<CandidateId> {
    let ranked: BTreeSet<&CandidateId> = rankings
        .iter()
        .filter(|ranking| &ranking.defi == defi)
        .flat_map(|ranking| ranking.ranks.iter().flatten())
        .collect();
    applications
        .iter()
        .filter(|application| {
            ranked.contains(&application.candidate.id)
                || application
                    .choices
                    .iter()
                    .flatten()
                    .any(|choice| matches!(choice, eig_eligibility::Choice::Defi(d) if d == defi))
        })
        .map(|application| application.candidate.id.clone())
        .collect()
}

/// The withdrawal in French.
fn explanation(
    defi: &DefiId,
    ground: WithdrawalGround,
    source: &Source,
    quote: &str,
    candidates: &[CandidateId],
) -> String {
    let who = if candidates.is_empty() {
        String::from("Aucun candidat ne l'avait choisi ni n'était classé pour lui.")
    } else {
        let ids: Vec<&str> = candidates.iter().map(CandidateId::as_str).collect();
        format!(
            "Candidats qui l'avaient choisi ou étaient classés pour lui, affectés selon leurs \
             autres choix seulement : {}.",
            ids.join(", ")
        )
    };
    format!(
        "Le défi {defi} est retiré de la promotion par le jury : {} ({source} : « {quote} »). Il \
         ne prend part ni au financement des lauréats ni à l'affectation des candidats. {who}",
        ground.french()
    )
}
