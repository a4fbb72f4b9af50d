//! The grounds on which a call lets the jury withdraw a défi it selected: AAC2 art. 3, AAC3
//! art. 6.5, AAC4 art. 6.5 and art. 7, AAC5 art. 5.6 and art. 6, AAC6 art. 5.6 and art. 6. Each
//! ground of each promotion is a selection rule (`eigN.selection.withdrawal_…`,
//! [`selection_rules`](crate::selection_rules)); `eig_campaign::run` applies the jury's
//! withdrawals, an input, and refuses a ground the promotion's call does not give.

use eig_domain::{Promotion, Source};
use serde::{Deserialize, Serialize};

use crate::rules::{Rule, RuleDefinition};

/// A ground on which a call lets the jury withdraw a défi.
///
/// JSON: `"insufficient_candidates"`, `"no_satisfactory_solution"` or `"commitment_not_kept"`.
///
/// # Example
/// ```
/// use eig_eligibility::WithdrawalGround;
/// use eig_domain::Promotion;
///
/// let ground = WithdrawalGround::InsufficientCandidates;
/// assert_eq!(ground.source(Promotion::Eig2).map(|s| s.to_string()), Some("AAC2 art. 3".to_owned()));
/// assert_eq!(ground.source(Promotion::Eig4), None); // AAC4 does not give this ground
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WithdrawalGround {
    /// The jury considers the number of applications insufficient (AAC2 art. 3: « Le jury se
    /// réserve le droit de retirer un ou plusieurs défi(s) s’il considère que le nombre de
    /// candidatures est insuffisant. »). EIG2 only.
    InsufficientCandidates,
    /// No auditioned candidate meets the criteria for a profile and the host's solutions are not
    /// satisfactory (AAC4 art. 6.5: « Le jury se réserve le droit de retirer ce défi de la
    /// promotion si aucune solution satisfaisante n’est trouvée. »). EIG3 to EIG6.
    NoSatisfactorySolution,
    /// The host cannot keep its commitment to carry out every procedure of the talents'
    /// recruitment and welcome (AAC4 art. 7: « Le jury se réserve le droit de retirer ce défi de
    /// la promotion si cet engagement ne peut pas être tenu. »). EIG4 to EIG6.
    CommitmentNotKept,
}

impl WithdrawalGround {
    /// Every ground, in the order of the enum (a new ground joins it: see the unit test).
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::WithdrawalGround;
    /// assert_eq!(WithdrawalGround::ALL.len(), 3);
    /// assert_eq!(WithdrawalGround::ALL[0], WithdrawalGround::InsufficientCandidates);
    /// ```
    pub const ALL: [WithdrawalGround; 3] = [
        WithdrawalGround::InsufficientCandidates,
        WithdrawalGround::NoSatisfactorySolution,
        WithdrawalGround::CommitmentNotKept,
    ];

    /// Where the promotion's call gives this ground, or `None` when it does not.
    ///
    /// # Example
    /// See [`WithdrawalGround`].
    pub fn source(self, promotion: Promotion) -> Option<Source> {
        self.of(promotion).map(|rule| rule.source.source())
    }

    /// The sentence of the promotion's call that gives this ground, verbatim.
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::WithdrawalGround;
    /// use eig_domain::Promotion;
    ///
    /// let sentence = WithdrawalGround::CommitmentNotKept.sentence(Promotion::Eig6);
    /// assert!(sentence.is_some_and(|s| s.ends_with("si cet engagement ne peut pas être tenu.")));
    /// ```
    pub fn sentence(self, promotion: Promotion) -> Option<&'static str> {
        self.of(promotion).map(|rule| rule.quote)
    }

    /// The ground in French.
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::WithdrawalGround;
    ///
    /// assert_eq!(WithdrawalGround::InsufficientCandidates.french(), "nombre de candidatures insuffisant");
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            WithdrawalGround::InsufficientCandidates => "nombre de candidatures insuffisant",
            WithdrawalGround::NoSatisfactorySolution => {
                "aucune solution satisfaisante trouvée pour un profil sans candidat retenu"
            }
            WithdrawalGround::CommitmentNotKept => {
                "engagement de réaliser les procédures de recrutement et d'accueil non tenu"
            }
        }
    }

    /// The name the JSON gives the ground.
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::WithdrawalGround;
    ///
    /// assert_eq!(WithdrawalGround::CommitmentNotKept.name(), "commitment_not_kept");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            WithdrawalGround::InsufficientCandidates => "insufficient_candidates",
            WithdrawalGround::NoSatisfactorySolution => "no_satisfactory_solution",
            WithdrawalGround::CommitmentNotKept => "commitment_not_kept",
        }
    }

    /// The rule of the promotion's call that gives this ground, or `None` when it gives none.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_eligibility::WithdrawalGround;
    ///
    /// let rule = WithdrawalGround::NoSatisfactorySolution.rule(Promotion::Eig3).unwrap();
    /// assert_eq!(rule.id, "eig3.selection.withdrawal_no_satisfactory_solution");
    /// assert_eq!(rule.source.to_string(), "AAC3 art. 6.5");
    /// assert!(WithdrawalGround::CommitmentNotKept.rule(Promotion::Eig3).is_none());
    /// ```
    pub fn rule(self, promotion: Promotion) -> Option<RuleDefinition> {
        self.of(promotion).map(|rule| rule.definition())
    }

    fn of(self, promotion: Promotion) -> Option<Rule> {
        use crate::rules::selection as rules;
        Some(match (self, promotion) {
            (WithdrawalGround::InsufficientCandidates, Promotion::Eig2) => {
                rules::EIG2_WITHDRAWAL_INSUFFICIENT
            }
            (WithdrawalGround::NoSatisfactorySolution, Promotion::Eig3) => {
                rules::EIG3_WITHDRAWAL_NO_SOLUTION
            }
            (WithdrawalGround::NoSatisfactorySolution, Promotion::Eig4) => {
                rules::EIG4_WITHDRAWAL_NO_SOLUTION
            }
            (WithdrawalGround::NoSatisfactorySolution, Promotion::Eig5) => {
                rules::EIG5_WITHDRAWAL_NO_SOLUTION
            }
            (WithdrawalGround::NoSatisfactorySolution, Promotion::Eig6) => {
                rules::EIG6_WITHDRAWAL_NO_SOLUTION
            }
            (WithdrawalGround::CommitmentNotKept, Promotion::Eig4) => {
                rules::EIG4_WITHDRAWAL_NOT_KEPT
            }
            (WithdrawalGround::CommitmentNotKept, Promotion::Eig5) => {
                rules::EIG5_WITHDRAWAL_NOT_KEPT
            }
            (WithdrawalGround::CommitmentNotKept, Promotion::Eig6) => {
                rules::EIG6_WITHDRAWAL_NOT_KEPT
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::WithdrawalGround;

    /// A new ground fails to compile here until it is given its place in the order, and
    /// then fails until it joins `ALL` there.
    #[test]
    fn every_ground_is_in_all() {
        let next = |ground: WithdrawalGround| match ground {
            WithdrawalGround::InsufficientCandidates => {
                Some(WithdrawalGround::NoSatisfactorySolution)
            }
            WithdrawalGround::NoSatisfactorySolution => Some(WithdrawalGround::CommitmentNotKept),
            WithdrawalGround::CommitmentNotKept => None,
        };
        let mut walked = vec![WithdrawalGround::InsufficientCandidates];
        while let Some(ground) = walked.last().copied().and_then(next) {
            walked.push(ground);
        }
        assert_eq!(walked, WithdrawalGround::ALL);
    }

    /// A ground's rule is the definition the catalogue lists under its id.
    #[test]
    fn a_grounds_rule_is_the_catalogued_definition() {
        let mut found = 0;
        for promotion in eig_domain::Promotion::ALL {
            for ground in WithdrawalGround::ALL {
                if let Some(rule) = ground.rule(promotion) {
                    assert_eq!(crate::rule_definition(rule.id), Some(rule));
                    found += 1;
                }
            }
        }
        assert_eq!(found, 8);
    }
}
