//! A whole call as data: the défi dossiers with their jury scores, the places, the
//! candidates' applications, the juries' rankings and the lottery seed.

use eig_domain::Promotion;
use eig_eligibility::{CandidateApplication, DefiDossier, ScoreScale};
use eig_funding::TalentInput;
use eig_matching::RankingInput;
use serde::{Deserialize, Serialize};

use crate::withdrawal::Withdrawal;

/// A whole call: the défi dossiers with their jury scores, the places, the candidates'
/// applications and the juries' rankings. [`run`](crate::run) decides it.
///
/// JSON: what `eig run FILE` reads (`eig schema campaign`).
///
/// # Example
/// ```
/// use eig_campaign::Campaign;
/// use eig_domain::Promotion;
/// use eig_eligibility::ScoreScale;
///
/// let campaign = Campaign::new("Appel 2018", Promotion::Eig3, 15, 2018)
///     .with_score_scale(ScoreScale { min: 1, max: 4 })
///     .with_note("the jury's scale is JURY4's, assumed for EIG3");
/// assert_eq!((campaign.places, campaign.lottery_seed), (15, 2018));
/// assert!(campaign.dossiers.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    /// What the campaign is.
    pub title: String,
    /// Assumptions made by whoever assembled the campaign's data (a value no source gives),
    /// carried into the result.
    #[serde(default)]
    pub notes: Vec<String>,
    /// The promotion whose rules apply; every dossier and application must be of it.
    pub promotion: Promotion,
    /// How many défis the jury may select.
    pub places: u32,
    /// The défi jury's score scale, required when the promotion publishes none (and then a
    /// value no source gives: say where it comes from in `notes`); eig-eligibility refuses a
    /// scale that differs from a published one.
    #[serde(default)]
    pub score_scale: Option<ScoreScale>,
    /// The défi dossiers, with the défi jury's scores.
    pub dossiers: Vec<CampaignDossier>,
    /// The candidates' applications.
    pub candidates: Vec<CampaignCandidate>,
    /// For each défi and profile, the jury's ranking of its applicants (best first; ties in
    /// one group; an applicant not ranked is not acceptable).
    pub rankings: Vec<RankingInput>,
    /// The seed of the lottery that breaks ties in rankings.
    pub lottery_seed: u64,
    /// The défis the jury withdraws from the promotion after the selection, each with its
    /// ground (AAC4 art. 6.5: « Le jury se réserve le droit de retirer ce défi de la promotion
    /// si aucune solution satisfaisante n’est trouvée. »): the jury's decisions, which no text
    /// computes. Each must be a laureate, on a ground the promotion's call gives. Absent from
    /// the JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jury_withdrawals: Vec<Withdrawal>,
}

impl Campaign {
    /// An empty campaign of `promotion` with its title, places and lottery seed; dossiers,
    /// candidates and rankings are added with the `with_*` methods.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::Campaign;
    /// use eig_domain::Promotion;
    ///
    /// let campaign = Campaign::new("Appel 2020", Promotion::Eig4, 17, 7);
    /// assert_eq!(campaign.promotion, Promotion::Eig4);
    /// assert!(campaign.score_scale.is_none());
    /// ```
    pub fn new(title: impl Into<String>, promotion: Promotion, places: u32, seed: u64) -> Campaign {
        Campaign {
            title: title.into(),
            notes: Vec::new(),
            promotion,
            places,
            score_scale: None,
            dossiers: Vec::new(),
            candidates: Vec::new(),
            rankings: Vec::new(),
            lottery_seed: seed,
            jury_withdrawals: Vec::new(),
        }
    }

    /// The campaign with one more assumption noted.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::Campaign;
    /// use eig_domain::Promotion;
    ///
    /// let campaign = Campaign::new("Essai", Promotion::Eig3, 1, 0).with_note("données fictives");
    /// assert_eq!(campaign.notes, ["données fictives"]);
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Campaign {
        self.notes.push(note.into());
        self
    }

    /// The campaign with the défi jury's score scale.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::Campaign;
    /// use eig_domain::Promotion;
    /// use eig_eligibility::ScoreScale;
    ///
    /// let campaign = Campaign::new("Essai", Promotion::Eig3, 1, 0)
    ///     .with_score_scale(ScoreScale { min: 1, max: 4 });
    /// assert_eq!(campaign.score_scale, Some(ScoreScale { min: 1, max: 4 }));
    /// ```
    #[must_use]
    pub fn with_score_scale(self, scale: ScoreScale) -> Campaign {
        Campaign { score_scale: Some(scale), ..self }
    }

    /// The campaign with one more dossier and its scores, one per criterion of the
    /// promotion's grid.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::Campaign;
    /// use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion};
    /// use eig_eligibility::DefiDossier;
    ///
    /// let hosts = HostRoles::new(Host::new("Ministère".parse()?, HostKind::Ministry));
    /// let defi = Defi::new("d1".parse()?, "Défi".parse()?, Promotion::Eig3, hosts, []);
    /// let campaign = Campaign::new("Essai", Promotion::Eig3, 1, 0)
    ///     .with_dossier(DefiDossier::new(defi), [4, 4, 3, 3, 2]);
    /// assert_eq!(campaign.dossiers[0].scores, [4, 4, 3, 3, 2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_dossier(
        mut self,
        dossier: DefiDossier,
        scores: impl IntoIterator<Item = u8>,
    ) -> Campaign {
        self.dossiers.push(CampaignDossier::new(dossier, scores));
        self
    }

    /// The campaign with one more application.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::Campaign;
    /// use eig_domain::{Candidate, Promotion, TalentProfile};
    /// use eig_eligibility::CandidateApplication;
    ///
    /// let candidate = Candidate::new("c-1".parse()?, TalentProfile::Designer);
    /// let campaign = Campaign::new("Essai", Promotion::Eig3, 1, 0)
    ///     .with_candidate(CandidateApplication::new(Promotion::Eig3, candidate));
    /// assert_eq!(campaign.candidates.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_candidate(mut self, application: CandidateApplication) -> Campaign {
        self.candidates.push(CampaignCandidate::new(application));
        self
    }

    /// The campaign with one more jury ranking (one défi, one profile).
    ///
    /// # Example
    /// ```
    /// use eig_campaign::Campaign;
    /// use eig_domain::{Promotion, TalentProfile};
    /// use eig_matching::RankingInput;
    ///
    /// let ranking = RankingInput::new("d1".parse()?, TalentProfile::Designer, [vec!["c-1".parse()?]]);
    /// let campaign = Campaign::new("Essai", Promotion::Eig3, 1, 0).with_ranking(ranking);
    /// assert_eq!(campaign.rankings.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_ranking(mut self, ranking: RankingInput) -> Campaign {
        self.rankings.push(ranking);
        self
    }
}

/// One défi dossier of a campaign, with the défi jury's scores.
///
/// # Example
/// ```
/// use eig_campaign::CampaignDossier;
/// use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion};
/// use eig_eligibility::DefiDossier;
///
/// let hosts = HostRoles::new(Host::new("Ministère".parse()?, HostKind::Ministry));
/// let defi = Defi::new("d1".parse()?, "Défi".parse()?, Promotion::Eig3, hosts, []);
/// let entry = CampaignDossier::new(DefiDossier::new(defi), [3, 3, 3, 3, 3])
///     .synthetic("made up to exercise the rules");
/// assert!(entry.synthetic);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CampaignDossier {
    /// Whether the dossier is made up to exercise the rules (not a real défi).
    #[serde(default)]
    pub synthetic: bool,
    /// What the dossier illustrates, and every assumption made for it.
    #[serde(default)]
    pub note: String,
    /// The dossier as filed.
    pub dossier: DefiDossier,
    /// The défi jury's scores, one per criterion of the promotion's grid.
    pub scores: Vec<u8>,
    /// The talents to fund if the défi is selected (their experience and employer cost), one
    /// per requested seat; empty: one talent per seat at no given cost, which
    /// `eig-funding` estimates with the ING reference where it applies (EIG3, EIG4, EIG7) and
    /// refuses where the pay grid needs each talent's experience (EIG5, EIG6: give them here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub talents: Vec<TalentInput>,
}

impl CampaignDossier {
    /// A real dossier with its scores and no note.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::CampaignDossier;
    /// use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion};
    /// use eig_eligibility::DefiDossier;
    ///
    /// let hosts = HostRoles::new(Host::new("Ministère".parse()?, HostKind::Ministry));
    /// let defi = Defi::new("d1".parse()?, "Défi".parse()?, Promotion::Eig3, hosts, []);
    /// let entry = CampaignDossier::new(DefiDossier::new(defi), [4, 4, 4, 4, 4]);
    /// assert!(!entry.synthetic && entry.note.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(dossier: DefiDossier, scores: impl IntoIterator<Item = u8>) -> CampaignDossier {
        CampaignDossier {
            synthetic: false,
            note: String::new(),
            dossier,
            scores: scores.into_iter().collect(),
            talents: Vec::new(),
        }
    }

    /// The dossier with the talents to fund if it is selected.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::CampaignDossier;
    /// use eig_domain::{Defi, Experience, Host, HostKind, HostRoles, Promotion};
    /// use eig_eligibility::DefiDossier;
    /// use eig_funding::TalentInput;
    ///
    /// let hosts = HostRoles::new(Host::new("Ministère".parse()?, HostKind::Ministry));
    /// let defi = Defi::new("d1".parse()?, "Défi".parse()?, Promotion::Eig5, hosts, []);
    /// let talent = TalentInput::new("t1".parse()?).with_experience(Experience::from_years(6));
    /// let entry = CampaignDossier::new(DefiDossier::new(defi), [4; 5]).with_talents([talent]);
    /// assert_eq!(entry.talents.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_talents(self, talents: impl IntoIterator<Item = TalentInput>) -> CampaignDossier {
        CampaignDossier { talents: talents.into_iter().collect(), ..self }
    }

    /// The dossier marked as made up, with what it illustrates.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::CampaignDossier;
    /// use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion};
    /// use eig_eligibility::DefiDossier;
    ///
    /// let hosts = HostRoles::new(Host::new("Ministère".parse()?, HostKind::Ministry));
    /// let defi = Defi::new("d1".parse()?, "Défi".parse()?, Promotion::Eig3, hosts, []);
    /// let entry = CampaignDossier::new(DefiDossier::new(defi), []).synthetic("a late dossier");
    /// assert_eq!(entry.note, "a late dossier");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn synthetic(self, note: impl Into<String>) -> CampaignDossier {
        CampaignDossier { synthetic: true, note: note.into(), ..self }
    }
}

/// One candidate of a campaign.
///
/// # Example
/// ```
/// use eig_campaign::CampaignCandidate;
/// use eig_domain::{Candidate, Promotion, TalentProfile};
/// use eig_eligibility::CandidateApplication;
///
/// let candidate = Candidate::new("c-1".parse()?, TalentProfile::Designer);
/// let entry = CampaignCandidate::new(CandidateApplication::new(Promotion::Eig3, candidate));
/// assert!(!entry.synthetic);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CampaignCandidate {
    /// Whether the candidate is made up (always, in the default campaign: no personal data).
    #[serde(default)]
    pub synthetic: bool,
    /// The application.
    pub application: CandidateApplication,
}

impl CampaignCandidate {
    /// A real candidate's application.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::CampaignCandidate;
    /// use eig_domain::{Candidate, Promotion, TalentProfile};
    /// use eig_eligibility::CandidateApplication;
    ///
    /// let candidate = Candidate::new("c-1".parse()?, TalentProfile::Developer);
    /// let entry = CampaignCandidate::new(CandidateApplication::new(Promotion::Eig3, candidate));
    /// assert_eq!(entry.application.candidate.id.as_str(), "c-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(application: CandidateApplication) -> CampaignCandidate {
        CampaignCandidate { synthetic: false, application }
    }

    /// The application marked as made up.
    ///
    /// # Example
    /// ```
    /// use eig_campaign::CampaignCandidate;
    /// use eig_domain::{Candidate, Promotion, TalentProfile};
    /// use eig_eligibility::CandidateApplication;
    ///
    /// let candidate = Candidate::new("c-1".parse()?, TalentProfile::Developer);
    /// let entry = CampaignCandidate::new(CandidateApplication::new(Promotion::Eig3, candidate))
    ///     .synthetic();
    /// assert!(entry.synthetic);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn synthetic(self) -> CampaignCandidate {
        CampaignCandidate { synthetic: true, ..self }
    }
}
