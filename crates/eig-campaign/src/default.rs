//! The embedded default campaign: the 2018 call (EIG3) with its real 15 laureate défis and
//! clearly labelled synthetic dossiers, candidates and jury rankings.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;
use eig_domain::{
    Candidate, CandidateId, CandidateStatus, CivilService, Commitment, Defi, DefiId, Experience,
    Host, HostKind, HostRoles, Label, LocalAuthorityLevel, PersonKind, Promotion, Seat, Studies,
    StudyLevel, SupportRole, TalentProfile,
};
use eig_eligibility::{
    ApplicationProcess, CandidateApplication, Choice, DefiDossier, FundingDeclaration, ScoreScale,
};
use eig_history::{History, RecordedHostKind};
use eig_matching::{RankingInput, SplitMix64};

use crate::campaign::{Campaign, CampaignCandidate, CampaignDossier};

/// The seed of the default campaign's generator (the year of the call).
const DEFAULT_SEED: u64 = 2018;
/// Applications to the EIG3 call for candidates: 170 (RAPPORT p. 14).
const EIG3_APPLICATIONS: usize = 170;
/// Défis selected in EIG3: 15 (RAPPORT p. 14).
const EIG3_PLACES: u32 = 15;

/// The défi jury's scale the default campaign assumes: AAP3 §4.4 lists five criteria but no
/// scale; JURY4's 1–4 is borrowed, and labelled as such in the campaign's notes.
const JURY4_SCALE: ScoreScale = ScoreScale { min: 1, max: 4 };

/// A Paris wall-clock instant of the default campaign (none falls in a DST change).
fn paris(
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
) -> DateTime<FixedOffset> {
    Paris.with_ymd_and_hms(year, month, day, hour, minute, second).single().map_or_else(
        || unreachable!("the default campaign's instants are outside DST changes"),
        |instant| instant.fixed_offset(),
    )
}

fn label(text: &str) -> Label {
    text.parse().unwrap_or_else(|_| unreachable!("the default campaign's labels are valid"))
}

fn id<T: std::str::FromStr>(text: &str) -> T {
    text.parse().unwrap_or_else(|_| unreachable!("the default campaign's ids are valid"))
}

/// `Karfu'R` → `eig3-karfu-r`.
fn slug(title: &str) -> String {
    let mut slug = String::from("eig3-");
    let mut dash = false;
    for c in title.chars() {
        let c = match c {
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'à' | 'â' => 'a',
            'ô' => 'o',
            'ç' => 'c',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && !slug.ends_with('-') {
            slug.push('-');
            dash = true;
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// The commitments AAP3 asks a laureate to attest (annexe 2) and make (§2.3–2.5).
fn eig3_commitments() -> BTreeSet<Commitment> {
    [
        Commitment::DataAccess,
        Commitment::OpenSourceAndOpenData,
        Commitment::WorkOutsideWalls,
        Commitment::Accompaniment,
        Commitment::ReuseSharedComponents,
        Commitment::SustainabilityPlan,
    ]
    .into_iter()
    .collect()
}

fn defi(id_text: &str, title: &str, hosts: HostRoles, team: &[TalentProfile]) -> Defi {
    Defi {
        id: id(id_text),
        title: label(title),
        promotion: Promotion::Eig3,
        hosts,
        team: team.iter().map(|&profile| Seat { profile }).collect(),
        support: vec![SupportRole::OperationalMentor, SupportRole::HighLevelMentor],
        commitments: eig3_commitments(),
    }
}

fn host(name: &str, kind: HostKind) -> Host {
    Host { name: label(name), kind, siren: None, siret: None }
}

fn funding(cofinancing: bool, self_funded: bool, alternative: bool) -> FundingDeclaration {
    FundingDeclaration {
        cofinancing_requested: Some(cofinancing),
        self_funded: Some(self_funded),
        alternative_funding: Some(alternative),
    }
}

fn dossier(
    defi: Defi,
    submitted_at: DateTime<FixedOffset>,
    declared: FundingDeclaration,
) -> DefiDossier {
    DefiDossier {
        defi,
        submitted_at: Some(submitted_at),
        funding: declared,
        carrier_convention: None,
        titre2_programme: None,
        economic_and_financial_ministries: None,
        purely_it_tooling: Some(false),
        beta_gouv_phase: None,
        team_exception_granted: None,
        project_team: None,
        contacts_identified: None,
        mentors_host_agents: None,
        mentors_have_time: None,
        eig_link_or_coach: None,
    }
}

/// Five synthetic scores on AAP3 §4.4's five criteria, drawn within `floor` ..= the top of
/// [`JURY4_SCALE`].
fn scores(rng: &mut SplitMix64, floor: u8) -> Vec<u8> {
    let span = u64::from(JURY4_SCALE.max - floor) + 1;
    (0..5).map(|_| floor + u8::try_from(rng.below(span)).unwrap_or(0)).collect()
}

/// The embedded default campaign: the 2018 call for défis and candidates (EIG3) with its
/// real 15 laureate défis (from `eig-history`), 6 synthetic dossiers each exercising one rule
/// of AAP3, 170 synthetic applications (the real number, RAPPORT p. 14) with seeded choices,
/// and seeded jury rankings. Every synthetic record is marked, and every assumption is in
/// its notes. What `eig run` decides when given no file.
///
/// # Example
/// ```
/// use eig_campaign::default_campaign;
///
/// let campaign = default_campaign();
/// assert_eq!(campaign.promotion, eig_domain::Promotion::Eig3);
/// assert_eq!(campaign.dossiers.iter().filter(|d| !d.synthetic).count(), 15);
/// assert_eq!(campaign.candidates.len(), 170);
/// assert_eq!(campaign, default_campaign()); // the same every time
/// ```
pub fn default_campaign() -> Campaign {
    let mut rng = SplitMix64::new(DEFAULT_SEED);
    let history = History::embedded();
    let mut dossiers = Vec::new();
    for (index, record) in history.defis_of(Promotion::Eig3).enumerate() {
        let team: Vec<TalentProfile> =
            record.profiles.iter().filter_map(|p| p.talent_profiles().first().copied()).collect();
        let operational_name = record.host_administration.as_str();
        let (hosts, declared, assumption) = match record.host_kind {
            RecordedHostKind::StateOperator => (
                HostRoles {
                    operational: host(operational_name, HostKind::StateOperator),
                    administrative: Some(host(
                        "Ministère de tutelle (synthétique)",
                        HostKind::Ministry,
                    )),
                },
                funding(true, false, false),
                "operator: its ministry of tutelle is named porteur administratif and co-financing is requested (assumed)",
            ),
            RecordedHostKind::IndependentAuthority => (
                HostRoles {
                    operational: host(operational_name, HostKind::IndependentAuthority),
                    administrative: None,
                },
                funding(false, false, true),
                "independent authority: declares alternative funding (assumed; AAP3 §3.1.2 leaves it that or a convention)",
            ),
            RecordedHostKind::Jurisdiction => (
                HostRoles {
                    operational: host(operational_name, HostKind::Jurisdiction),
                    administrative: None,
                },
                funding(false, true, false),
                "jurisdiction: self-funded (assumed, as the Cour des comptes did in EIG1, AAP3 §3.1.3)",
            ),
            _ => (
                HostRoles {
                    operational: host(operational_name, HostKind::Ministry),
                    administrative: None,
                },
                funding(true, false, false),
                "ministry or central administration (the data merges them): taken as the ministry, co-financing requested (assumed)",
            ),
        };
        let day = 4 + u32::try_from(index).unwrap_or(0) * 2 % 40;
        let submitted = if day <= 31 {
            paris(2018, 5, day, 11, 0, 0)
        } else {
            paris(2018, 6, day - 31, 11, 0, 0)
        };
        dossiers.push(CampaignDossier {
            synthetic: false,
            note: format!(
                "real EIG3 laureate défi ({} talents in the history); submission time, jury scores and {assumption} are synthetic",
                record.talents
            ),
            dossier: dossier(defi(&slug(record.title.as_str()), record.title.as_str(), hosts, &team), submitted, declared),
            scores: scores(&mut rng, 3),
            talents: Vec::new(),
        });
    }
    dossiers.extend(synthetic_dossiers(&mut rng));
    let real_defis: Vec<(DefiId, Vec<TalentProfile>)> = dossiers
        .iter()
        .filter(|d| !d.synthetic)
        .map(|d| {
            (d.dossier.defi.id.clone(), d.dossier.defi.team.iter().map(|s| s.profile).collect())
        })
        .collect();
    let candidates = default_candidates(&mut rng, &real_defis);
    let rankings = default_rankings(&mut rng, &real_defis, &candidates);
    Campaign {
        title: "Appel 2018 (EIG3) : 15 défis lauréats réels, dossiers, candidatures et classements synthétiques".to_owned(),
        notes: vec![
            "les 15 défis, leurs administrations et leurs équipes sont les lauréats réels d'EIG3 (eig-history) ; leurs heures de dépôt, notes du jury et déclarations de financement sont synthétiques ; leurs notes sont tirées entre 3 et 4, celles des dossiers synthétiques entre 1 et 4, pour que les 15 lauréats réels soient retenus".to_owned(),
            "6 dossiers et les 170 candidatures sont synthétiques (aucune donnée personnelle) ; 170 est le nombre réel de candidatures (RAPPORT p. 14) ; c-017 (fonctionnaire en poste), c-042 (membre du jury), c-073 (étudiant), c-101 (déposée à 17:00:01 le 15 octobre 2018) et c-128 (trois choix) exercent chacun une exclusion d'AAC3 art. 4–5".to_owned(),
            "chaque candidat choisit un ou deux défis réels, de préférence parmi ceux qui cherchent son profil ; les classements des jurys, par défi et par profil (AAC3 art. 6), sont tirés au hasard (graine 2018) et environ un candidat sur six n'y est pas classé".to_owned(),
            "les profils des candidats sont tirés dans les proportions des EIG de la promotion 3 (CHIFFRES : 56 % data science, 28 % développement, 16 % design)".to_owned(),
            "la sélection est supposée décidée le 14 décembre 2018 (AAC3 art. 6 : résultats avant le 15 décembre) et les missions commencer le 7 janvier 2019 (AAC3 art. 7 : courant janvier 2019)".to_owned(),
            "aucun coût total employeur n'est fourni : eig-funding prend la référence ING (70 000 € pour 10 mois à 4 000 € nets) et marque chaque montant comme une estimation".to_owned(),
            "EIG3 : l'échelle de notation du jury des défis n'est pas publiée (AAP3 §4.4 donne cinq critères, sans échelle) ; celle de JURY4 (1 à 4) est supposée".to_owned(),
        ],
        promotion: Promotion::Eig3,
        places: EIG3_PLACES,
        score_scale: Some(JURY4_SCALE),
        dossiers,
        candidates,
        rankings,
        lottery_seed: DEFAULT_SEED,
        jury_withdrawals: Vec::new(),
    }
}

/// Six synthetic dossiers, each exercising one rule of AAP3 (named in its note).
fn synthetic_dossiers(rng: &mut SplitMix64) -> Vec<CampaignDossier> {
    let mut out = Vec::new();
    let two = [TalentProfile::DataScientist, TalentProfile::Developer];
    let synthetic = |id_text: &str,
                     title: &str,
                     hosts: HostRoles,
                     declared,
                     note: &str,
                     rng: &mut SplitMix64| CampaignDossier {
        synthetic: true,
        note: note.to_owned(),
        dossier: dossier(defi(id_text, title, hosts, &two), paris(2018, 6, 14, 10, 0, 0), declared),
        scores: scores(rng, 1),
        talents: Vec::new(),
    };
    out.push(synthetic(
        "synth-region-sans-convention",
        "Région : données de transport (synthétique)",
        HostRoles { operational: host("Région (synthétique)", HostKind::LocalAuthority { level: LocalAuthorityLevel::Region }), administrative: None },
        funding(true, false, false),
        "synthetic: a collectivité territoriale asking for PIA co-financing without a convention with a ministry (AAP3 §3.1.2)",
        rng,
    ));
    out.push(synthetic(
        "synth-hopital-sans-convention",
        "Hôpital : parcours patients (synthétique)",
        HostRoles { operational: host("Centre hospitalier (synthétique)", HostKind::HealthEstablishment), administrative: None },
        funding(true, false, false),
        "synthetic: an établissement de santé asking for PIA co-financing without a convention (AAP3 §3.1.2)",
        rng,
    ));
    out.push(synthetic(
        "synth-operateur-sans-porteur",
        "Opérateur sans porteur administratif (synthétique)",
        HostRoles { operational: host("Établissement public (synthétique)", HostKind::StateOperator), administrative: None },
        funding(true, false, false),
        "synthetic: an operator asking for co-financing without naming its porteur administratif (AAP3 §3.1.1)",
        rng,
    ));
    out.push(synthetic(
        "synth-autofinance",
        "Direction autofinancée (synthétique)",
        HostRoles {
            operational: host("Direction générale (synthétique)", HostKind::CentralAdministration),
            administrative: None,
        },
        funding(false, true, false),
        "synthetic: a self-funded défi (AAP3 §3.1.3), eligible, scored below the real laureates",
        rng,
    ));
    let mut late = synthetic(
        "synth-depot-tardif",
        "Dossier reçu à 17h00m30s (synthétique)",
        HostRoles {
            operational: host("Ministère (synthétique)", HostKind::Ministry),
            administrative: None,
        },
        funding(true, false, false),
        "synthetic: received on 15 June 2018 at 17:00:30 Paris time, after the deadline (AAP3 §4.2)",
        rng,
    );
    late.dossier.submitted_at = Some(paris(2018, 6, 15, 17, 0, 30));
    out.push(late);
    let mut tooling = synthetic(
        "synth-outillage",
        "Refonte de l'outillage informatique (synthétique)",
        HostRoles {
            operational: host("Ministère (synthétique)", HostKind::Ministry),
            administrative: None,
        },
        funding(true, false, false),
        "synthetic: a purely IT « outillage » défi with no business problem (AAP3 §2.1)",
        rng,
    );
    tooling.dossier.purely_it_tooling = Some(true);
    out.push(tooling);

    out
}

/// About 170 synthetic applications (RAPPORT p. 14: 170 candidates), profiles drawn in the
/// proportions of the selected EIG3 talents (CHIFFRES: 56 % data scientists, 28 % developers,
/// 16 % designers), each choosing one or two of the real défis, preferring défis that seek
/// their profile. A few exercise the exclusions.
fn default_candidates(
    rng: &mut SplitMix64,
    defis: &[(DefiId, Vec<TalentProfile>)],
) -> Vec<CampaignCandidate> {
    let mut out = Vec::with_capacity(EIG3_APPLICATIONS);
    for n in 1..=EIG3_APPLICATIONS {
        let draw = rng.below(100);
        let profile = if draw < 56 {
            TalentProfile::DataScientist
        } else if draw < 84 {
            TalentProfile::Developer
        } else {
            TalentProfile::Designer
        };
        let wanted: Vec<&DefiId> =
            defis.iter().filter(|(_, team)| team.contains(&profile)).map(|(id, _)| id).collect();
        let pool: Vec<&DefiId> =
            if wanted.is_empty() { defis.iter().map(|(id, _)| id).collect() } else { wanted };
        let count = 1 + usize::try_from(rng.below(2)).unwrap_or(0);
        let mut choices: Vec<Choice> = Vec::new();
        while choices.len() < count.min(pool.len()) {
            let pick = pool[usize::try_from(rng.below(pool.len() as u64)).unwrap_or(0)];
            let choice = Choice::Defi(pick.clone());
            if !choices.contains(&choice) {
                choices.push(choice);
            }
        }
        let mut status = CandidateStatus {
            person: Some(PersonKind::Natural),
            civil_service: Some(CivilService::NotCivilServant),
            jury_member: Some(false),
            studies: Some(Studies::NotStudying),
            past_participations: Some(Vec::new()),
        };
        let mut submitted_at = paris(2018, 10, 1 + u32::try_from(n % 14).unwrap_or(0), 12, 0, 0);
        match n {
            17 => status.civil_service = Some(CivilService::InPost { last_day_in_post: None }),
            42 => status.jury_member = Some(true),
            73 => {
                status.studies = Some(Studies::Enrolled {
                    level: StudyLevel::FirstOrSecondCycle,
                    last_day: Some(NaiveDate::from_ymd_opt(2019, 6, 30).unwrap_or(NaiveDate::MIN)),
                });
            }
            101 => submitted_at = paris(2018, 10, 15, 17, 0, 1),
            128 => choices = defis.iter().take(3).map(|(id, _)| Choice::Defi(id.clone())).collect(),
            _ => {}
        }
        out.push(CampaignCandidate {
            synthetic: true,
            application: CandidateApplication {
                promotion: Promotion::Eig3,
                candidate: Candidate {
                    id: id(&format!("c-{n:03}")),
                    profile,
                    experience: Some(Experience::from_months(
                        u16::try_from(12 + rng.below(120)).unwrap_or(12),
                    )),
                    status,
                },
                submitted_at: Some(submitted_at),
                choices: Some(choices),
                selection_decided_on: NaiveDate::from_ymd_opt(2018, 12, 14),
                mission_start_on: NaiveDate::from_ymd_opt(2019, 1, 7),
                choices_submitted_at: None,
                process: ApplicationProcess::default(),
                readings: eig_eligibility::Readings::default(),
            },
        });
    }
    out
}

/// The juries' rankings: for each défi and each profile it seeks, its applicants of that
/// profile scored by a seeded draw; about one in six is judged unsuitable and not ranked
/// (AAC3 art. 6: a ranking per défi and per profile).
fn default_rankings(
    rng: &mut SplitMix64,
    defis: &[(DefiId, Vec<TalentProfile>)],
    candidates: &[CampaignCandidate],
) -> Vec<RankingInput> {
    let mut rankings = Vec::new();
    for (defi, team) in defis {
        let profiles: BTreeSet<TalentProfile> = team.iter().copied().collect();
        for profile in profiles {
            let mut scored: BTreeSet<(u64, CandidateId)> = BTreeSet::new();
            for candidate in candidates {
                let application = &candidate.application;
                let chose =
                    application.choices.iter().flatten().any(|c| *c == Choice::Defi(defi.clone()));
                if chose && application.candidate.profile == profile {
                    let score = rng.below(20);
                    if rng.below(6) != 0 {
                        scored.insert((score, application.candidate.id.clone()));
                    }
                }
            }
            let mut ranks: Vec<Vec<CandidateId>> = Vec::new();
            let mut last: Option<u64> = None;
            for (score, candidate) in scored.into_iter().rev() {
                if last == Some(score) {
                    if let Some(group) = ranks.last_mut() {
                        group.push(candidate);
                    }
                } else {
                    ranks.push(vec![candidate]);
                }
                last = Some(score);
            }
            rankings.push(RankingInput { defi: defi.clone(), profile, ranks, offers: Vec::new() });
        }
    }
    rankings
}
