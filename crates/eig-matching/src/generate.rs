//! A seeded instance generator, for tests, benchmarks and comparisons with other software.
//!
//! Every défi offers the same seats; each candidate has a profile drawn uniformly among the
//! seats' profiles and chooses distinct défis uniformly at random; each jury orders its
//! applicants uniformly at random, leaves some unranked and ties some with the previous one.
//! Ids are `d0…` and `c0…`, zero-padded so that their order is the generation order.
//! Built in compact form (ids made once, lists by index: no id lookups), then validated by
//! [`Instance::from_compact`] like any input. Same configuration ⇒ same instance.

use std::collections::BTreeMap;

use eig_domain::{CandidateId, DefiId, TalentProfile};
use serde::{Deserialize, Serialize};

use crate::{
    compact::{CompactInput, keys::Ids},
    input::MatchingLimits,
    instance::Instance,
    lottery::SplitMix64,
};

/// What to generate.
///
/// # Example
/// ```
/// use eig_matching::{GeneratorConfig, generate};
///
/// let instance = generate(&GeneratorConfig::eig_call(7));
/// assert_eq!((instance.candidate_count(), instance.defi_count()), (170, 15));
/// assert_eq!(generate(&GeneratorConfig::eig_call(7)), instance);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GeneratorConfig {
    /// Seed of the generator.
    pub seed: u64,
    /// How many candidates.
    pub candidates: u32,
    /// How many défis.
    pub defis: u32,
    /// The seats of every défi.
    pub seats: BTreeMap<TalentProfile, u32>,
    /// Team and choice limits (`max_choices` is also how many défis each candidate chooses,
    /// or all of them if fewer). Team bounds that do not hold the seats of a défi are widened
    /// to hold them, so that the generated instance is valid.
    pub limits: MatchingLimits,
    /// Chance, in percent, that a jury ranks an applicant.
    pub ranked_percent: u32,
    /// Chance, in percent, that a ranked applicant ties with the previous one.
    pub tie_percent: u32,
}

impl GeneratorConfig {
    fn eig_seats() -> BTreeMap<TalentProfile, u32> {
        BTreeMap::from([
            (TalentProfile::Developer, 1),
            (TalentProfile::DataScientist, 1),
            (TalentProfile::Designer, 1),
        ])
    }

    /// An EIG-size call: 170 candidates, 15 défis of 3 seats (developer, data scientist,
    /// designer), teams of 2 or 3, at most 2 choices (EIG3: AAC3 art. 4), juries ranking
    /// 80 % of their applicants with 10 % ties.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, Options, generate, solve};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(2018));
    /// assert_eq!((instance.candidate_count(), instance.defi_count()), (170, 15));
    /// let solution = solve(&instance, &Options::default())?;
    /// assert!(solution.certificate().running <= 15);
    /// # Ok::<(), eig_matching::SolveError>(())
    /// ```
    pub fn eig_call(seed: u64) -> GeneratorConfig {
        GeneratorConfig {
            seed,
            candidates: 170,
            defis: 15,
            seats: GeneratorConfig::eig_seats(),
            limits: MatchingLimits { team_min: 2, team_max: 3, max_choices: 2 },
            ranked_percent: 80,
            tie_percent: 10,
        }
    }

    /// The exact-mode benchmark: 200 candidates, 20 défis of 3 seats, teams of 2 or 3,
    /// 2 choices, 20 % ranked (so that several défis miss the minimum and the search has work),
    /// 10 % ties.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, LowerQuotas, Options, generate, solve};
    ///
    /// let instance = generate(&GeneratorConfig::exact_bench(1));
    /// let exact = Options { lower_quotas: LowerQuotas::Exact { node_limit: 100_000 }, ..Options::default() };
    /// assert!(solve(&instance, &exact)?.search().is_some());
    /// # Ok::<(), eig_matching::SolveError>(())
    /// ```
    pub fn exact_bench(seed: u64) -> GeneratorConfig {
        GeneratorConfig {
            candidates: 200,
            defis: 20,
            ranked_percent: 20,
            ..GeneratorConfig::eig_call(seed)
        }
    }

    /// A national-scale instance: 1 000 000 candidates choosing 5 défis each among
    /// 100 000 défis of 3 seats, teams of 2 or 3, every applicant ranked, no ties.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, generate};
    ///
    /// let config = GeneratorConfig::national(1);
    /// assert_eq!((config.candidates, config.defis, config.limits.max_choices), (1_000_000, 100_000, 5));
    /// // The same shape at a thousandth of the size.
    /// let small = generate(&GeneratorConfig { candidates: 1_000, defis: 100, ..config });
    /// assert_eq!(small.choice_count(), 5 * 1_000);
    /// ```
    pub fn national(seed: u64) -> GeneratorConfig {
        GeneratorConfig {
            seed,
            candidates: 1_000_000,
            defis: 100_000,
            seats: GeneratorConfig::eig_seats(),
            limits: MatchingLimits { team_min: 2, team_max: 3, max_choices: 5 },
            ranked_percent: 100,
            tie_percent: 0,
        }
    }
}

fn padded<T: std::str::FromStr>(prefix: char, i: usize, width: usize) -> T {
    format!("{prefix}{i:0width$}")
        .parse()
        .unwrap_or_else(|_| unreachable!("a letter and digits form a valid id"))
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Generates the instance `config` describes.
///
/// Profiles with 0 seats are ignored; with no seat at all, candidates are developers and
/// choose nothing. Team bounds that do not hold a défi's seats are widened to hold them: the
/// result is always a valid instance.
///
/// # Example
/// ```
/// use eig_matching::{GeneratorConfig, Instance, MatchingLimits, generate};
///
/// // Three seats per défi do not fit a maximum team of 2: the maximum becomes 3.
/// let limits = MatchingLimits { team_min: 2, team_max: 2, max_choices: 2 };
/// let instance = generate(&GeneratorConfig { limits, ..GeneratorConfig::eig_call(1) });
/// assert_eq!(instance.limits(), MatchingLimits { team_max: 3, ..limits });
/// assert_eq!(Instance::new(&instance.to_input()), Ok(instance));
/// ```
pub fn generate(config: &GeneratorConfig) -> Instance {
    generate_with_offers(config, 0)
}

/// Like [`generate`], and each jury also lists each non-applicant of the right profile among
/// its offers (post-phase) with a chance of `offer_percent` in 100. Costs O(seats ×
/// candidates): for small instances. With 0, the same instance as [`generate`].
///
/// # Example
/// ```
/// use eig_matching::{GeneratorConfig, generate, generate_with_offers};
///
/// let config = GeneratorConfig::eig_call(1);
/// assert_eq!(generate_with_offers(&config, 0), generate(&config));
/// assert_ne!(generate_with_offers(&config, 10), generate(&config));
/// ```
#[expect(clippy::too_many_lines, reason = "one pass per list of the compact input")]
pub fn generate_with_offers(config: &GeneratorConfig, offer_percent: u32) -> Instance {
    let mut rng = SplitMix64::new(config.seed);
    let seats: Vec<(TalentProfile, u32)> =
        config.seats.iter().filter(|&(_, &n)| n > 0).map(|(&p, &n)| (p, n)).collect();
    let per_defi = seats.len();
    let defi_count = config.defis as usize;
    let candidate_count = config.candidates as usize;
    let width = |n: usize| n.saturating_sub(1).to_string().len();

    let defis: Vec<DefiId> = (0..defi_count).map(|d| padded('d', d, width(defi_count))).collect();
    let mut seat_start = Vec::with_capacity(defi_count + 1);
    let mut seat_defi = Vec::with_capacity(defi_count * per_defi);
    let mut seat_profile = Vec::with_capacity(defi_count * per_defi);
    seat_start.push(0);
    for d in 0..defi_count {
        for &(profile, _) in &seats {
            seat_defi.push(index(d));
            seat_profile.push(profile);
        }
        seat_start.push(index(seat_defi.len()));
    }

    let candidates: Vec<CandidateId> =
        (0..candidate_count).map(|c| padded('c', c, width(candidate_count))).collect();
    let mut profile_index = Vec::with_capacity(candidate_count);
    let mut choice_start = Vec::with_capacity(candidate_count + 1);
    let wanted = (config.limits.max_choices as usize).min(defi_count);
    let wanted = if per_defi == 0 { 0 } else { wanted };
    let mut choice_defi = Vec::with_capacity(candidate_count * wanted);
    choice_start.push(0);
    for _ in 0..candidate_count {
        let p = usize::try_from(rng.below(per_defi.max(1) as u64)).unwrap_or(0);
        profile_index.push(p);
        let first = choice_defi.len();
        while choice_defi.len() - first < wanted {
            let d = index(usize::try_from(rng.below(defi_count as u64)).unwrap_or(0));
            if !choice_defi[first..].contains(&d) {
                choice_defi.push(d);
            }
        }
        choice_start.push(index(choice_defi.len()));
    }
    let profile: Vec<TalentProfile> = profile_index
        .iter()
        .map(|&p| seats.get(p).map_or(TalentProfile::Developer, |&(profile, _)| profile))
        .collect();

    // Applicants of each seat (counting sort), then each jury's random order.
    let seat_count = seat_defi.len();
    let seat_of = |c: usize, d: u32| d as usize * per_defi + profile_index[c];
    let mut applicants_start = vec![0u32; seat_count + 1];
    for c in 0..candidate_count {
        for &d in &choice_defi[choice_start[c] as usize..choice_start[c + 1] as usize] {
            applicants_start[seat_of(c, d) + 1] += 1;
        }
    }
    for s in 0..seat_count {
        applicants_start[s + 1] += applicants_start[s];
    }
    let mut fill = applicants_start.clone();
    let mut applicants = vec![0u32; choice_defi.len()];
    for c in 0..candidate_count {
        for &d in &choice_defi[choice_start[c] as usize..choice_start[c + 1] as usize] {
            let s = seat_of(c, d);
            applicants[fill[s] as usize] = index(c);
            fill[s] += 1;
        }
    }
    drop(fill);
    let mut rank_start = Vec::with_capacity(seat_count + 1);
    let mut rank_candidate = Vec::with_capacity(applicants.len());
    let mut rank_group = Vec::with_capacity(applicants.len());
    rank_start.push(0);
    for s in 0..seat_count {
        let list = &mut applicants[applicants_start[s] as usize..applicants_start[s + 1] as usize];
        for i in (1..list.len()).rev() {
            let j = usize::try_from(rng.below(i as u64 + 1)).unwrap_or(0);
            list.swap(i, j);
        }
        let first = rank_candidate.len();
        let mut group = 0u32;
        for &c in list.iter() {
            if rng.below(100) >= u64::from(config.ranked_percent) {
                continue;
            }
            if rank_candidate.len() > first && rng.below(100) >= u64::from(config.tie_percent) {
                group += 1;
            }
            rank_candidate.push(c);
            rank_group.push(group);
        }
        // Within a tie group, members are kept sorted, as `Instance::new` keeps them.
        let mut i = first;
        while i < rank_candidate.len() {
            let mut j = i + 1;
            while j < rank_candidate.len() && rank_group[j] == rank_group[i] {
                j += 1;
            }
            rank_candidate[i..j].sort_unstable();
            i = j;
        }
        rank_start.push(index(rank_candidate.len()));
    }
    let mut offer_start = Vec::with_capacity(seat_count + 1);
    let mut offer_candidate = Vec::new();
    offer_start.push(0);
    for s in 0..seat_count {
        if offer_percent > 0 {
            let d = seat_defi[s];
            for c in 0..candidate_count {
                let chose = choice_defi[choice_start[c] as usize..choice_start[c + 1] as usize]
                    .contains(&d);
                if profile[c] == seat_profile[s]
                    && !chose
                    && rng.below(100) < u64::from(offer_percent)
                {
                    offer_candidate.push(index(c));
                }
            }
        }
        offer_start.push(index(offer_candidate.len()));
    }
    // Bounds that hold the seats: what the validation requires of every défi.
    let total: u64 = seats.iter().map(|&(_, n)| u64::from(n)).sum();
    let total = u32::try_from(total).unwrap_or(u32::MAX);
    let limits = MatchingLimits {
        team_min: config.limits.team_min.min(total),
        team_max: config.limits.team_max.max(total),
        ..config.limits
    };
    // One ranking per seat, in seat order: its tie groups (as ends in `rank_candidate`) and
    // its offers.
    let mut group_start = Vec::with_capacity(seat_count + 1);
    let mut group_end = Vec::with_capacity(rank_candidate.len());
    group_start.push(0);
    for s in 0..seat_count {
        let end = rank_start[s + 1] as usize;
        for i in rank_start[s] as usize..end {
            if i + 1 == end || rank_group[i + 1] != rank_group[i] {
                group_end.push(index(i + 1));
            }
        }
        group_start.push(index(group_end.len()));
    }
    let compact = CompactInput {
        limits,
        defi_ids: Ids::of(defis),
        candidate_ids: Ids::of(candidates),
        defis: (0..defi_count).map(index).collect(),
        seat_start,
        seats: seats.repeat(defi_count),
        candidates: (0..candidate_count).map(index).collect(),
        profiles: profile,
        choice_start,
        choice_defi,
        ranking_defi: seat_defi,
        ranking_profile: seat_profile,
        ranked_start: rank_start[..seat_count].to_vec(),
        group_start,
        group_end,
        ranked: rank_candidate,
        offer_start,
        offered: offer_candidate,
    };
    Instance::from_compact(&compact)
        .unwrap_or_else(|err| unreachable!("a generated instance is valid: {err}"))
}
