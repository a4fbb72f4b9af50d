//! What can be wrong with a matching problem: each [`InputProblem`], and the
//! [`InstanceError`] that lists them all.

use eig_domain::{CandidateId, DefiId, TalentProfile};

/// One thing wrong with a [`MatchingInput`](crate::MatchingInput); [`InstanceError`] lists them all.
///
/// # Example
/// ```
/// use eig_matching::{Instance, InputProblem, MatchingInput};
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
///   "defis": [{"id": "d1", "seats": {"developer": 1}}],
///   "candidates": [{"id": "c1", "profile": "developer", "choices": []}],
///   "rankings": [{"defi": "d1", "profile": "developer", "ranks": [["c1"]]}]
/// }"#)?;
/// let err = Instance::new(&input).unwrap_err();
/// assert!(matches!(err.problems(), [InputProblem::RankingNotApplicant { .. }]));
/// assert_eq!(
///     err.problems()[0].to_string(),
///     "défi d1 : le classement du profil développeur·se nomme le candidat c1, qui n'a pas choisi \
///      ce défi : retirez-le du classement, ou proposez-lui une place (offers)"
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InputProblem {
    /// The team bounds are inverted.
    #[error(
        "les bornes d'équipe de {min} à {max} sont vides : team_min doit être au plus team_max"
    )]
    EmptyBounds {
        /// Fewest.
        min: u32,
        /// Most.
        max: u32,
    },
    /// Two défis share an id.
    #[error("le défi {defi} figure deux fois : gardez une seule entrée par défi")]
    DuplicateDefi {
        /// The id.
        defi: DefiId,
    },
    /// A défi's seats add up to a team size outside the bounds.
    #[error(
        "le défi {defi} a {seats} {}, hors des bornes d'équipe de {min} à {max} : donnez-lui de {min} à {max} places",
        if *seats > 1 { "places" } else { "place" }
    )]
    SeatsOutsideBounds {
        /// The défi.
        defi: DefiId,
        /// Its seats, all profiles.
        seats: u64,
        /// Fewest talents.
        min: u32,
        /// Most talents.
        max: u32,
    },
    /// Two candidates share an id.
    #[error("le candidat {candidate} figure deux fois : gardez une seule entrée par candidat")]
    DuplicateCandidate {
        /// The id.
        candidate: CandidateId,
    },
    /// A candidate's list is longer than the limit.
    #[error(
        "le candidat {candidate} a choisi {count} défis, plus que la limite de {limit} : gardez au plus {limit} choix"
    )]
    TooManyChoices {
        /// The candidate.
        candidate: CandidateId,
        /// Length of the list.
        count: usize,
        /// The limit.
        limit: u32,
    },
    /// A candidate chose a défi that does not exist.
    #[error(
        "le candidat {candidate} a choisi le défi inconnu {defi} : retirez ce choix ou ajoutez le défi"
    )]
    UnknownChoice {
        /// The candidate.
        candidate: CandidateId,
        /// The unknown défi.
        defi: DefiId,
    },
    /// A candidate chose the same défi twice.
    #[error(
        "le candidat {candidate} a choisi deux fois le défi {defi} : retirez l'un des deux choix"
    )]
    DuplicateChoice {
        /// The candidate.
        candidate: CandidateId,
        /// The défi.
        defi: DefiId,
    },
    /// A ranking is for a défi that does not exist.
    #[error("classement d'un défi inconnu {defi} : retirez ce classement ou ajoutez le défi")]
    RankingUnknownDefi {
        /// The défi.
        defi: DefiId,
    },
    /// A ranking is for a profile the défi has no seat for.
    #[error(
        "défi {defi} : classement du profil {profile}, pour lequel le défi n'a aucune place : retirez ce classement ou donnez au défi une place de ce profil"
    )]
    RankingWithoutSeat {
        /// The défi.
        defi: DefiId,
        /// The profile.
        profile: TalentProfile,
    },
    /// Two rankings for the same défi and profile.
    #[error("le défi {defi} a deux classements du profil {profile} : n'en gardez qu'un")]
    DuplicateRanking {
        /// The défi.
        defi: DefiId,
        /// The profile.
        profile: TalentProfile,
    },
    /// A ranking names a candidate that does not exist.
    #[error(
        "défi {defi} : le classement du profil {profile} nomme le candidat inconnu {candidate} : retirez-le du classement ou ajoutez-le aux candidats"
    )]
    RankingUnknownCandidate {
        /// The défi.
        defi: DefiId,
        /// The profile ranked.
        profile: TalentProfile,
        /// The unknown candidate.
        candidate: CandidateId,
    },
    /// A ranking names a candidate who did not choose the défi.
    #[error(
        "défi {defi} : le classement du profil {profile} nomme le candidat {candidate}, qui n'a pas choisi ce défi : retirez-le du classement, ou proposez-lui une place (offers)"
    )]
    RankingNotApplicant {
        /// The défi.
        defi: DefiId,
        /// The profile ranked.
        profile: TalentProfile,
        /// The candidate.
        candidate: CandidateId,
    },
    /// A ranking names a candidate of another profile.
    #[error(
        "défi {defi} : le classement du profil {profile} nomme le candidat {candidate}, dont le profil est {actual} : classez-le dans le classement de son profil"
    )]
    RankingWrongProfile {
        /// The défi.
        defi: DefiId,
        /// The profile ranked.
        profile: TalentProfile,
        /// The candidate.
        candidate: CandidateId,
        /// The candidate's profile.
        actual: TalentProfile,
    },
    /// A candidate appears twice in one ranking (ranks or offers).
    #[error(
        "défi {defi} : le classement du profil {profile} nomme deux fois le candidat {candidate} : gardez-le à un seul rang"
    )]
    RankedTwice {
        /// The défi.
        defi: DefiId,
        /// The profile ranked.
        profile: TalentProfile,
        /// The candidate.
        candidate: CandidateId,
    },
    /// A ranking has an empty tie group.
    #[error(
        "défi {defi} : le classement du profil {profile} a un rang sans candidat : retirez ce rang vide"
    )]
    EmptyTieGroup {
        /// The défi.
        defi: DefiId,
        /// The profile ranked.
        profile: TalentProfile,
    },
    /// An offer names a candidate who chose the défi (rank them instead).
    #[error(
        "défi {defi} : le classement du profil {profile} propose une place au candidat {candidate}, qui a choisi ce défi : classez-le au lieu de lui proposer une place"
    )]
    OfferToApplicant {
        /// The défi.
        defi: DefiId,
        /// The profile ranked.
        profile: TalentProfile,
        /// The candidate.
        candidate: CandidateId,
    },
    /// The problem is too large for 32-bit indices.
    #[error("trop de {what} ({count}) : le calcul ne peut en indexer autant, découpez l'entrée")]
    TooLarge {
        /// What overflowed.
        what: &'static str,
        /// How many.
        count: usize,
    },
}

/// Why a [`MatchingInput`](crate::MatchingInput) is not a valid problem: every problem found, by list (défis, then
/// candidates — their choices, then duplicate ids —, then rankings), each in input order.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput};
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 2, "team_max": 3, "max_choices": 1},
///   "defis": [{"id": "d1", "seats": {"developer": 1}}, {"id": "d1", "seats": {"developer": 2}}],
///   "candidates": [], "rankings": []
/// }"#)?;
/// let err = Instance::new(&input).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "2 problèmes dans les données d'affectation : le défi d1 a 1 place, hors des bornes \
///      d'équipe de 2 à 3 : donnez-lui de 2 à 3 places ; le défi d1 figure deux fois : gardez une \
///      seule entrée par défi"
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstanceError {
    pub(crate) problems: Vec<InputProblem>,
}

impl InstanceError {
    /// Every problem found.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Instance, InputProblem, MatchingInput};
    ///
    /// let input: MatchingInput = serde_json::from_str(r#"{
    ///   "limits": {"team_min": 3, "team_max": 2, "max_choices": 1},
    ///   "defis": [], "candidates": [], "rankings": []
    /// }"#)?;
    /// let err = Instance::new(&input).unwrap_err();
    /// assert_eq!(err.problems(), [InputProblem::EmptyBounds { min: 3, max: 2 }]);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn problems(&self) -> &[InputProblem] {
        &self.problems
    }
}

impl std::fmt::Display for InstanceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = if self.problems.len() > 1 { "s" } else { "" };
        write!(f, "{} problème{plural} dans les données d'affectation : ", self.problems.len())?;
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str(" ; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InstanceError {}
