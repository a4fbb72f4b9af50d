//! What can stop a campaign ([`CampaignError`]), and what stops one record while the others
//! are decided ([`RecordError`]).

use eig_domain::Promotion;
use eig_eligibility::EligibilityError;
use eig_funding::FundingError;
use eig_matching::{InstanceError, SolveError};
use serde::{Serialize, Serializer};

use crate::{handoff::HandOffError, withdrawal::WithdrawalError};

/// Why a whole campaign cannot be run: a step that concerns every record (the jury sheet,
/// the promotion's funding plan, the matching problem) cannot be computed. A record that
/// cannot be judged is not such an error: it is a [`RecordError`] in the result.
///
/// # Example
/// ```
/// use eig_campaign::{Campaign, CampaignError, run};
/// use eig_domain::Promotion;
///
/// // EIG3 publishes no score scale for the défi jury and this campaign gives none.
/// let campaign = Campaign::new("Essai", Promotion::Eig3, 1, 0);
/// let err = run(&campaign).unwrap_err();
/// assert!(matches!(err, CampaignError::JurySheet(_)));
/// assert_eq!(err.to_string(),
///     "feuille du jury : la promotion EIG3 ne publie pas de barème de notes : donnez-en un (note \
///      minimale et maximale)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CampaignError {
    /// The jury sheet cannot be judged (no scale, wrong number of scores…).
    #[error("feuille du jury : {0}")]
    JurySheet(#[source] EligibilityError),
    /// The laureates' funding plan cannot be computed.
    #[error("plan de financement des lauréats : {0}")]
    Funding(#[source] FundingError),
    /// A step's output cannot be handed to the next.
    #[error(transparent)]
    HandOff(#[from] HandOffError),
    /// The matching problem is not valid.
    #[error("affectation des candidats : {0}")]
    Matching(#[source] InstanceError),
    /// The assignment cannot be computed.
    #[error("calcul de l'affectation : {0}")]
    Assignment(#[source] SolveError),
    /// A withdrawal of the jury cannot be applied (a ground the promotion's call does not
    /// give, a défi that is not a laureate).
    #[error("retrait d'un défi par le jury, jury_withdrawals[{index}].{field} : {0}", index = .0.index(), field = .0.field())]
    Withdrawal(#[source] WithdrawalError),
}

/// Why one record of a campaign (a dossier or an application) was not judged. The other
/// records are decided; this one stays out of the later steps.
///
/// JSON: its message, a string.
///
/// # Example
/// ```
/// use eig_campaign::{Campaign, Judgement, RecordError, run};
///
/// let mut campaign = eig_campaign::default_campaign();
/// // An EIG1 dossier in an EIG3 campaign.
/// campaign.dossiers[0].dossier.defi.promotion = eig_domain::Promotion::Eig1;
/// let result = run(&campaign)?;
/// let Judgement::NotJudged { error } = &result.dossiers[0].judgement else { panic!() };
/// assert!(matches!(error, RecordError::OtherPromotion { .. }));
/// assert!(error.to_string().starts_with("il est de la promotion EIG1, l'appel de la promotion EIG3"));
/// // The other dossiers are decided.
/// assert!(matches!(result.dossiers[1].judgement, Judgement::Decided { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecordError {
    /// The record is of another promotion than the campaign.
    #[error(
        "il est de la promotion {record}, l'appel de la promotion {campaign} : il n'est pas jugé, \
         donnez-le à un appel de la promotion {record} ou corrigez sa promotion"
    )]
    OtherPromotion {
        /// The record's promotion.
        record: Promotion,
        /// The campaign's promotion.
        campaign: Promotion,
    },
    /// The eligibility rules cannot judge it (conflicting exceptions…).
    #[error(transparent)]
    Eligibility(#[from] EligibilityError),
    /// The eligible dossier's own funding plan cannot be computed, so the jury cannot weigh
    /// it against the envelope.
    #[error("son financement : {0}")]
    Funding(#[source] FundingError),
}

impl Serialize for RecordError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for RecordError {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RecordError".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = String::json_schema(generator);
        schema.insert(
            "description".to_owned(),
            "Why the record was not judged (the other records are decided).".into(),
        );
        schema
    }
}
