//! The problem as embedders write it: défis with seats by profile, candidates with their
//! ordered choices, and the juries' rankings (one per défi and per profile), all by id.

use std::collections::BTreeMap;

use eig_domain::{CandidateId, ChoiceLimit, DefiId, Promotion, TalentProfile, TeamBounds};
use serde::{Deserialize, Serialize};

/// The bounds the matching enforces: team size of a running défi and length of a
/// candidate's list of choices.
///
/// EIG2–EIG6 teams count 2 or 3 talents (AAC2 art. 4; AAP3 §2.2; AAP4–AAP6 §2), EIG7 teams
/// 1 or 2 (REG7 §3.4 b); candidates choose up to 3 défis (AAC2 art. 4), 2 (AAC3 art. 4), 3
/// profiles or projects (AAC4 art. 5; AAC5 art. 5 §2) or 3 to 5 projects (AAC6 art. 5), as
/// [`Promotion::facts`] records them. Both are inputs: a plain hospitals/residents instance uses
/// `team_min = 0`.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_matching::MatchingLimits;
///
/// let eig3 = MatchingLimits::for_promotion(Promotion::Eig3).expect("AAC3 states both");
/// assert_eq!((eig3.team_min, eig3.team_max, eig3.max_choices), (2, 3, 2));
/// let plain = MatchingLimits { team_min: 0, team_max: 40, max_choices: 10 };
/// assert!(plain.team_min <= plain.team_max);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
// Named `Limits` in serde's messages and in the JSON Schemas, as before its rename.
#[serde(rename = "Limits", deny_unknown_fields)]
pub struct MatchingLimits {
    /// Fewest talents in a running défi (0: no lower quota).
    pub team_min: u32,
    /// Most talents in a défi; the seats of a défi add up to at most this.
    pub team_max: u32,
    /// Most défis on a candidate's list.
    pub max_choices: u32,
}

impl MatchingLimits {
    /// The limits stated for `promotion`: its team bounds and its choice limit; `None` when
    /// the sources give one of them for no promotion (EIG1, EIG7's pool, DIG1).
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_matching::MatchingLimits;
    ///
    /// // EIG6: teams of 2 or 3 (AAP6 §2), 3 to 5 projects by preference (AAC6 art. 5).
    /// let eig6 = MatchingLimits::for_promotion(Promotion::Eig6).expect("stated for EIG6");
    /// assert_eq!((eig6.team_min, eig6.team_max, eig6.max_choices), (2, 3, 5));
    /// assert_eq!(MatchingLimits::for_promotion(Promotion::Eig1), None);
    /// ```
    pub fn for_promotion(promotion: Promotion) -> Option<MatchingLimits> {
        let facts = promotion.facts();
        let team = facts.team_size?.value;
        let choices = facts.choice_limit?.value;
        Some(MatchingLimits::from_domain(team, choices))
    }

    /// The limits read from the vocabulary's [`TeamBounds`] and [`ChoiceLimit`].
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_matching::MatchingLimits;
    ///
    /// let facts = Promotion::Eig3.facts();
    /// let (team, choices) = (facts.team_size.expect("AAP3 §2.2"), facts.choice_limit.expect("AAC3"));
    /// let limits = MatchingLimits::from_domain(team.value, choices.value);
    /// assert_eq!(Some(limits), MatchingLimits::for_promotion(Promotion::Eig3));
    /// ```
    pub fn from_domain(team: TeamBounds, choices: ChoiceLimit) -> MatchingLimits {
        MatchingLimits {
            team_min: u32::from(team.min),
            team_max: u32::from(team.max),
            max_choices: u32::from(choices.max),
        }
    }
}

/// A défi offered in the matching: its id and its seats by profile.
///
/// Named apart from `eig_funding::DefiFunding` (a défi's funding input).
///
/// JSON: `{"id": "d1", "seats": {"developer": 1, "designer": 1}}`.
///
/// # Example
/// ```
/// use eig_domain::TalentProfile;
/// use eig_matching::DefiSeats;
///
/// let defi: DefiSeats = serde_json::from_str(r#"{"id": "d1", "seats": {"developer": 2}}"#)?;
/// assert_eq!(defi.seats[&TalentProfile::Developer], 2);
/// assert!(serde_json::from_str::<DefiSeats>(r#"{"id": "d1", "seats": {}, "min": 2}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DefiSeats {
    /// The défi.
    pub id: DefiId,
    /// How many seats of each profile (e.g. 1 developer + 1 data scientist + 1 designer).
    #[cfg_attr(feature = "schemars", schemars(schema_with = "seats_schema"))]
    pub seats: BTreeMap<TalentProfile, u32>,
}

/// The schema of [`DefiSeats::seats`]: its keys are profiles (schemars says only that they
/// are strings).
#[cfg(feature = "schemars")]
fn seats_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let profile = generator.subschema_for::<TalentProfile>();
    let count = generator.subschema_for::<u32>();
    schemars::json_schema!({
        "type": "object",
        "propertyNames": profile,
        "additionalProperties": count,
    })
}

impl DefiSeats {
    /// A défi with no seat yet; seats are added with [`DefiSeats::with_seats`].
    ///
    /// # Example
    /// ```
    /// use eig_domain::TalentProfile;
    /// use eig_matching::DefiSeats;
    ///
    /// let defi = DefiSeats::new("d1".parse()?)
    ///     .with_seats(TalentProfile::Developer, 2)
    ///     .with_seats(TalentProfile::Designer, 1);
    /// assert_eq!(defi.seats.values().sum::<u32>(), 3);
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    pub fn new(id: DefiId) -> DefiSeats {
        DefiSeats { id, seats: BTreeMap::new() }
    }

    /// The défi with `count` more seats of `profile`.
    ///
    /// # Example
    /// ```
    /// use eig_domain::TalentProfile;
    /// use eig_matching::DefiSeats;
    ///
    /// let defi = DefiSeats::new("d1".parse()?)
    ///     .with_seats(TalentProfile::Developer, 1)
    ///     .with_seats(TalentProfile::Developer, 1);
    /// assert_eq!(defi.seats[&TalentProfile::Developer], 2);
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    #[must_use]
    pub fn with_seats(mut self, profile: TalentProfile, count: u32) -> DefiSeats {
        let seats = self.seats.entry(profile).or_insert(0);
        *seats = seats.saturating_add(count);
        self
    }
}

/// A candidate: profile and choices, best first.
///
/// JSON: `{"id": "c1", "profile": "developer", "choices": ["d2", "d1"]}`.
///
/// # Example
/// ```
/// use eig_matching::CandidateInput;
///
/// let json = r#"{"id": "c1", "profile": "designer", "choices": ["d2", "d1"]}"#;
/// let candidate: CandidateInput = serde_json::from_str(json)?;
/// assert_eq!(candidate.choices[0].as_str(), "d2");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CandidateInput {
    /// The candidate.
    pub id: CandidateId,
    /// The profile applied for.
    pub profile: TalentProfile,
    /// The défis chosen, by preference (« par ordre de préférence », AAC4 art. 5).
    #[cfg_attr(feature = "schemars", schemars(extend("uniqueItems" = true)))]
    pub choices: Vec<DefiId>,
}

impl CandidateInput {
    /// A candidate with their profile and choices, best first.
    ///
    /// # Example
    /// ```
    /// use eig_domain::TalentProfile;
    /// use eig_matching::CandidateInput;
    ///
    /// let candidate = CandidateInput::new("c1".parse()?, TalentProfile::Designer,
    ///     ["d2".parse()?, "d1".parse()?]);
    /// assert_eq!(candidate.choices[0].as_str(), "d2");
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    pub fn new(
        id: CandidateId,
        profile: TalentProfile,
        choices: impl IntoIterator<Item = DefiId>,
    ) -> CandidateInput {
        CandidateInput { id, profile, choices: choices.into_iter().collect() }
    }
}

/// A jury's ranking of the applicants of one profile to one défi (« une liste par défi et par
/// profil », AAC3 art. 6.5).
///
/// `ranks` lists tie groups, best first: `[["c1"], ["c2", "c3"]]` ranks `c1` first and `c2`,
/// `c3` second *ex aequo*. An applicant the jury does not rank is not acceptable to it.
/// `offers` lists, by preference, candidates of that profile who did **not** choose the défi
/// and to whom the jury would offer a seat left empty (« le jury peut proposer à un candidat
/// auditionné un défi pour lequel il n’aurait pas déposé sa candidature », AAC3 art. 6.5);
/// they are used only by the optional post-phase.
///
/// # Example
/// ```
/// use eig_matching::RankingInput;
///
/// let json = r#"{"defi": "d1", "profile": "developer", "ranks": [["c1"], ["c2", "c3"]]}"#;
/// let ranking: RankingInput = serde_json::from_str(json)?;
/// assert_eq!(ranking.ranks[1].len(), 2); // c2 and c3 ex aequo
/// assert!(ranking.offers.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RankingInput {
    /// The défi.
    pub defi: DefiId,
    /// The profile ranked.
    pub profile: TalentProfile,
    /// Tie groups of applicants, best first.
    #[cfg_attr(feature = "schemars", schemars(inner(length(min = 1))))]
    pub ranks: Vec<Vec<CandidateId>>,
    /// Non-applicants the jury would offer an empty seat to, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<CandidateId>,
}

impl RankingInput {
    /// A jury's ranking of one profile for one défi: tie groups of applicants, best first;
    /// offers are added with [`RankingInput::with_offers`].
    ///
    /// # Example
    /// ```
    /// use eig_domain::TalentProfile;
    /// use eig_matching::RankingInput;
    ///
    /// // c1 first, c2 and c3 second ex aequo.
    /// let ranking = RankingInput::new("d1".parse()?, TalentProfile::Developer,
    ///     [vec!["c1".parse()?], vec!["c2".parse()?, "c3".parse()?]]);
    /// assert_eq!(ranking.ranks[1].len(), 2);
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    pub fn new(
        defi: DefiId,
        profile: TalentProfile,
        ranks: impl IntoIterator<Item = Vec<CandidateId>>,
    ) -> RankingInput {
        RankingInput { defi, profile, ranks: ranks.into_iter().collect(), offers: Vec::new() }
    }

    /// The ranking with the non-applicants the jury would offer an empty seat to, best first.
    ///
    /// # Example
    /// ```
    /// use eig_domain::TalentProfile;
    /// use eig_matching::RankingInput;
    ///
    /// let ranking = RankingInput::new("d1".parse()?, TalentProfile::Developer, [vec!["c1".parse()?]])
    ///     .with_offers(["c9".parse()?]);
    /// assert_eq!(ranking.offers.len(), 1);
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    #[must_use]
    pub fn with_offers(self, offers: impl IntoIterator<Item = CandidateId>) -> RankingInput {
        RankingInput { offers: offers.into_iter().collect(), ..self }
    }
}

/// A whole matching problem, by id, as read from JSON; [`crate::Instance::new`] validates it.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput};
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 0, "team_max": 3, "max_choices": 2},
///   "defis": [{"id": "d1", "seats": {"developer": 1}}],
///   "candidates": [{"id": "c1", "profile": "developer", "choices": ["d1"]}],
///   "rankings": [{"defi": "d1", "profile": "developer", "ranks": [["c1"]]}]
/// }"#)?;
/// let instance = Instance::new(&input)?;
/// assert_eq!(instance.candidate_count(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MatchingInput {
    /// Team and choice bounds.
    pub limits: MatchingLimits,
    /// The défis.
    pub defis: Vec<DefiSeats>,
    /// The candidates.
    pub candidates: Vec<CandidateInput>,
    /// The juries' rankings.
    pub rankings: Vec<RankingInput>,
}

impl MatchingInput {
    /// A problem with its limits, défis, candidates and rankings.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Promotion, TalentProfile};
    /// use eig_matching::{CandidateInput, DefiSeats, Instance, MatchingLimits, MatchingInput, RankingInput};
    ///
    /// let limits = MatchingLimits::for_promotion(Promotion::Eig3).expect("AAP3 and AAC3 state them");
    /// let input = MatchingInput::new(
    ///     limits,
    ///     [DefiSeats::new("d1".parse()?).with_seats(TalentProfile::Developer, 2)],
    ///     [
    ///         CandidateInput::new("c1".parse()?, TalentProfile::Developer, ["d1".parse()?]),
    ///         CandidateInput::new("c2".parse()?, TalentProfile::Developer, ["d1".parse()?]),
    ///     ],
    ///     [RankingInput::new("d1".parse()?, TalentProfile::Developer,
    ///         [vec!["c1".parse()?, "c2".parse()?]])],
    /// );
    /// assert_eq!(Instance::new(&input)?.candidate_count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        limits: MatchingLimits,
        defis: impl IntoIterator<Item = DefiSeats>,
        candidates: impl IntoIterator<Item = CandidateInput>,
        rankings: impl IntoIterator<Item = RankingInput>,
    ) -> MatchingInput {
        MatchingInput {
            limits,
            defis: defis.into_iter().collect(),
            candidates: candidates.into_iter().collect(),
            rankings: rankings.into_iter().collect(),
        }
    }
}
