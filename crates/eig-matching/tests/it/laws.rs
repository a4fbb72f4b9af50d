//! Laws on random instances.

use std::collections::BTreeMap;

use eig_domain::TalentProfile;
use eig_matching::{
    Assignment, DefiStatus, GeneratorConfig, Instance, LowerQuotas, MatchingInput, MatchingLimits,
    Options, Proposing, SearchOutcome, StabilityNotion, Verification, WhyNot, generate,
    generate_with_offers, solve, verify,
};
use proptest::prelude::*;

/// A small random instance: ≤ 7 candidates, ≤ 3 défis.
fn small(ties: bool, min: std::ops::RangeInclusive<u32>) -> impl Strategy<Value = Instance> {
    (any::<u64>(), 1u32..=7, 1u32..=3, 1u32..=2, 0u32..=1, 1u32..=3, min, 50u32..=100).prop_map(
        move |(seed, candidates, defis, developers, designers, choices, team_min, ranked)| {
            let seats = BTreeMap::from([
                (TalentProfile::Developer, developers),
                (TalentProfile::Designer, designers),
            ]);
            let total = developers + designers;
            let config = GeneratorConfig {
                seed,
                candidates,
                defis,
                seats,
                limits: MatchingLimits {
                    team_min: team_min.min(total),
                    team_max: total,
                    max_choices: choices,
                },
                ranked_percent: ranked,
                tie_percent: if ties { 30 } else { 0 },
            };
            generate_with_offers(&config, if ties { 30 } else { 0 })
        },
    )
}

/// Every assignment where each candidate is unplaced or on one of their choices.
fn all_assignments(instance: &Instance) -> Vec<Assignment> {
    let input = instance.to_input();
    let mut out = vec![Vec::new()];
    for candidate in &input.candidates {
        let mut next = Vec::new();
        for partial in &out {
            next.push(partial.clone());
            for defi in &candidate.choices {
                let mut with = partial.clone();
                with.push((candidate.id.to_string(), defi.to_string()));
                next.push(with);
            }
        }
        out = next;
    }
    out.into_iter()
        .map(|pairs| Assignment::from_ids(instance, pairs).expect("ids from the instance"))
        .collect()
}

/// Rank of each candidate's défi in their choices (choices + 1 when unplaced), by id.
fn ranks(instance: &Instance, assignment: &Assignment) -> BTreeMap<String, usize> {
    let input = instance.to_input();
    let placed: BTreeMap<String, String> = assignment
        .pairs(instance)
        .expect("made for this instance")
        .map(|(c, d)| (c.to_string(), d.to_string()))
        .collect();
    input
        .candidates
        .iter()
        .map(|c| {
            let rank = placed
                .get(c.id.as_str())
                .and_then(|d| c.choices.iter().position(|x| x.as_str() == d))
                .unwrap_or(c.choices.len());
            (c.id.to_string(), rank)
        })
        .collect()
}

fn team_sizes(instance: &Instance, assignment: &Assignment) -> BTreeMap<String, usize> {
    let mut sizes = BTreeMap::new();
    for (_, d) in assignment.pairs(instance).expect("made for this instance") {
        *sizes.entry(d.to_string()).or_insert(0) += 1;
    }
    sizes
}

fn exact() -> Options {
    Options { lower_quotas: LowerQuotas::Exact { node_limit: 100_000 }, ..Options::default() }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_result_passes_the_verifier(
        instance in small(true, 0..=3),
        hosts in any::<bool>(),
        offers in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let proposing = if hosts { Proposing::Hosts } else { Proposing::Candidates };
        for lower_quotas in [LowerQuotas::Withdraw, LowerQuotas::Exact { node_limit: 100_000 }] {
            let options = Options { proposing, lower_quotas, seed, offers };
            let solution = solve(&instance, &options).unwrap();
            let verdict = verify(&instance, &solution.assignment());
            prop_assert!(verdict.certificate().is_some(), "{verdict:?}");
            // The exact mode's promise holds on both sides, offers or not.
            if matches!(solution.search(), Some(SearchOutcome::Optimal { .. })) {
                prop_assert!(verdict.is_stable(), "{verdict:?}");
            }
        }
    }

    #[test]
    fn offers_only_add_placements(instance in small(true, 0..=3), seed in any::<u64>()) {
        let without = solve(&instance, &Options { seed, ..Options::default() }).unwrap().report();
        let with =
            solve(&instance, &Options { seed, offers: true, ..Options::default() }).unwrap().report();
        let (chosen, offered): (Vec<_>, Vec<_>) =
            with.placements.into_iter().partition(|p| p.choice.is_some());
        prop_assert_eq!(chosen, without.placements);
        for placement in offered {
            prop_assert!(without.unplaced.contains(&placement.candidate));
        }
    }

    #[test]
    fn candidate_optimal_among_all_stable_assignments(instance in small(false, 0..=0)) {
        let solution = solve(&instance, &Options::default()).unwrap();
        prop_assert_eq!(solution.certificate().notion, StabilityNotion::WithClosures);
        let best = ranks(&instance, &solution.assignment());
        let hosts = solve(&instance, &Options { proposing: Proposing::Hosts, ..Options::default() })
            .unwrap();
        let worst = ranks(&instance, &hosts.assignment());
        let mut stable = 0;
        for assignment in all_assignments(&instance) {
            if verify(&instance, &assignment).is_stable() {
                stable += 1;
                let these = ranks(&instance, &assignment);
                for (c, rank) in &these {
                    prop_assert!(best[c] <= *rank, "{c} does better elsewhere");
                    prop_assert!(worst[c] >= *rank, "{c} does worse elsewhere");
                }
            }
        }
        prop_assert!(stable >= 1);
    }

    #[test]
    fn exact_mode_matches_brute_force(instance in small(false, 1..=3)) {
        let solution = solve(&instance, &exact()).unwrap();
        let mut most_running = None;
        for assignment in all_assignments(&instance) {
            if verify(&instance, &assignment).is_stable() {
                let running = team_sizes(&instance, &assignment).len();
                most_running = most_running.max(Some(running));
            }
        }
        match solution.search() {
            Some(SearchOutcome::Optimal { .. }) => {
                prop_assert_eq!(solution.certificate().notion, StabilityNotion::WithClosures);
                prop_assert_eq!(Some(solution.certificate().running), most_running);
            }
            Some(SearchOutcome::NoStableAssignment { .. }) => prop_assert_eq!(most_running, None),
            other => prop_assert!(false, "unexpected search outcome {other:?}"),
        }
    }

    #[test]
    fn exact_mode_with_ties_matches_brute_force_for_the_drawn_order(
        instance in small(true, 1..=3),
        seed in any::<u64>(),
    ) {
        let solution = solve(&instance, &Options { seed, ..exact() }).unwrap();
        // The juries' rankings with every tie broken as the lottery drew it.
        let drawn: Vec<String> = solution.tie_break_order().map(ToString::to_string).collect();
        let mut input = instance.to_input();
        for ranking in &mut input.rankings {
            let mut strict = Vec::new();
            for group in &ranking.ranks {
                let mut group = group.clone();
                group.sort_by_key(|c| drawn.iter().position(|d| d == c.as_str()));
                strict.extend(group.into_iter().map(|c| vec![c]));
            }
            ranking.ranks = strict;
        }
        let strict = Instance::new(&input).unwrap();
        let mut most_running = None;
        for assignment in all_assignments(&strict) {
            if let Some(certificate) = verify(&strict, &assignment).certificate()
                && certificate.notion == StabilityNotion::WithClosures
            {
                most_running = most_running.max(Some(certificate.running));
            }
        }
        match solution.search() {
            Some(SearchOutcome::Optimal { .. }) => {
                prop_assert_eq!(Some(solution.certificate().running), most_running);
            }
            Some(SearchOutcome::NoStableAssignment { .. }) => prop_assert_eq!(most_running, None),
            other => prop_assert!(false, "unexpected search outcome {other:?}"),
        }
    }

    #[test]
    fn withdrawal_gives_the_optimal_stable_assignment_of_the_remaining_defis(
        instance in small(true, 0..=3),
        hosts in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let proposing = if hosts { Proposing::Hosts } else { Proposing::Candidates };
        let options = Options { proposing, seed, ..Options::default() };
        let report = solve(&instance, &options).unwrap().report();
        let withdrawn: Vec<_> = report
            .defis
            .iter()
            .filter(|line| matches!(line.status, DefiStatus::Withdrawn { .. }))
            .map(|line| line.defi.clone())
            .collect();
        let mut input = instance.to_input();
        input.defis.retain(|d| !withdrawn.contains(&d.id));
        for candidate in &mut input.candidates {
            candidate.choices.retain(|d| !withdrawn.contains(d));
        }
        input.rankings.retain(|r| !withdrawn.contains(&r.defi));
        let remaining = Instance::new(&input).unwrap();
        let again = solve(&remaining, &options).unwrap().report();
        let none_withdrawn =
            again.defis.iter().all(|line| !matches!(line.status, DefiStatus::Withdrawn { .. }));
        prop_assert!(none_withdrawn);
        let placed = |r: &eig_matching::MatchingReport| {
            r.placements.iter().map(|p| (p.candidate.clone(), p.defi.clone())).collect::<Vec<_>>()
        };
        prop_assert_eq!(placed(&report), placed(&again));
    }

    #[test]
    fn explanations_agree_with_the_result(
        instance in small(true, 0..=3),
        hosts in any::<bool>(),
        exact_mode in any::<bool>(),
        offers in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let proposing = if hosts { Proposing::Hosts } else { Proposing::Candidates };
        let lower_quotas =
            if exact_mode { LowerQuotas::Exact { node_limit: 100_000 } } else { LowerQuotas::Withdraw };
        let solution = solve(&instance, &Options { proposing, lower_quotas, seed, offers }).unwrap();
        let explanations = solution.explain();
        let report = solution.report();
        let status: BTreeMap<_, _> =
            report.defis.iter().map(|line| (line.defi.clone(), line.status.clone())).collect();
        for explanation in &explanations.candidates {
            for better in &explanation.better_choices {
                match (&better.why_not, &status[&better.defi]) {
                    (WhyNot::RankedBelowCutoff { rank, cutoff, .. }, DefiStatus::Running { .. }) => {
                        prop_assert!(rank > cutoff, "{explanation:?}");
                    }
                    (WhyNot::LostLottery { .. }, DefiStatus::Running { .. })
                    | (WhyNot::NotRanked | WhyNot::NoSeatForProfile, _)
                    | (WhyNot::Withdrawn { .. }, DefiStatus::Withdrawn { .. })
                    | (WhyNot::ClosedBySearch, DefiStatus::ClosedBySearch)
                    | (WhyNot::NotRunning, DefiStatus::NoTeam) => {}
                    (why, status) => prop_assert!(false, "{why:?} for a défi {status:?}"),
                }
            }
        }
    }

    #[test]
    fn rural_hospitals(instance in small(true, 0..=3), seed in any::<u64>()) {
        let candidates = solve(&instance, &Options { seed, ..Options::default() }).unwrap();
        let hosts = solve(
            &instance,
            &Options { seed, proposing: Proposing::Hosts, ..Options::default() },
        )
        .unwrap();
        let (a, b) = (candidates.assignment(), hosts.assignment());
        let placed = |x: &Assignment| {
            x.pairs(&instance).expect("made for this instance").map(|(c, _)| c.to_string()).collect::<Vec<_>>()
        };
        prop_assert_eq!(placed(&a), placed(&b));
        prop_assert_eq!(team_sizes(&instance, &a), team_sizes(&instance, &b));
    }

    #[test]
    fn invariant_under_permutation_of_the_input(
        instance in small(true, 0..=3),
        shuffle in any::<u64>(),
        seed in any::<u64>(),
    ) {
        let mut input = instance.to_input();
        permute(&mut input, shuffle);
        let again = Instance::new(&input).unwrap();
        let options = Options { seed, ..Options::default() };
        let a = solve(&instance, &options).unwrap().report();
        let b = solve(&again, &options).unwrap().report();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn no_gain_by_misreporting(instance in small(false, 0..=3), who in any::<prop::sample::Index>()) {
        // The law: when no défi is withdrawn (with or without the lie), deferred
        // acceptance is strategy-proof for candidates; withdrawals can reward a lie.
        let withdraws = |solution: &eig_matching::Solution<'_>| {
            solution.report().defis.iter().any(|d| matches!(d.status, DefiStatus::Withdrawn { .. }))
        };
        let truth = solve(&instance, &Options::default()).unwrap();
        prop_assume!(!withdraws(&truth));
        let input = instance.to_input();
        let liar = &input.candidates[who.index(input.candidates.len())];
        let true_rank = ranks(&instance, &truth.assignment())[liar.id.as_str()];
        for report in reorderings(&liar.choices) {
            let mut lie = input.clone();
            for candidate in &mut lie.candidates {
                if candidate.id == liar.id {
                    candidate.choices.clone_from(&report);
                }
            }
            for ranking in &mut lie.rankings {
                if !report.contains(&ranking.defi) {
                    for group in &mut ranking.ranks {
                        group.retain(|c| *c != liar.id);
                    }
                    ranking.ranks.retain(|g| !g.is_empty());
                }
            }
            let lie = Instance::new(&lie).unwrap();
            let outcome = solve(&lie, &Options::default()).unwrap();
            if withdraws(&outcome) {
                continue;
            }
            let got = outcome.defi_of(&liar.id).map(ToString::to_string);
            let rank = got
                .and_then(|d| liar.choices.iter().position(|x| x.as_str() == d))
                .unwrap_or(liar.choices.len());
            prop_assert!(rank >= true_rank, "{} gains by reporting {report:?}", liar.id);
        }
    }

    #[test]
    fn the_verifier_catches_a_moved_candidate(instance in small(false, 0..=0), who in any::<prop::sample::Index>()) {
        let solution = solve(&instance, &Options::default()).unwrap();
        let input = instance.to_input();
        let victim = &input.candidates[who.index(input.candidates.len())];
        let mut pairs: Vec<(String, String)> = solution
            .assignment()
            .pairs(&instance)
            .expect("made for this instance")
            .map(|(c, d)| (c.to_string(), d.to_string()))
            .collect();
        pairs.retain(|(c, _)| c != victim.id.as_str());
        let verdict = verify(&instance, &Assignment::from_ids(&instance, pairs).unwrap());
        // Removing a placed candidate frees a seat they were ranked for: they block.
        if solution.defi_of(&victim.id).is_some() {
            let is_violation = matches!(verdict, Verification::Violations { .. });
            prop_assert!(is_violation);
        }
    }
}

/// Every ordering of every subset of `choices`.
fn reorderings(choices: &[eig_domain::DefiId]) -> Vec<Vec<eig_domain::DefiId>> {
    let mut out = vec![Vec::new()];
    let mut frontier = vec![Vec::new()];
    for _ in 0..choices.len() {
        let mut next = Vec::new();
        for partial in &frontier {
            for d in choices {
                if !partial.contains(d) {
                    let mut longer: Vec<eig_domain::DefiId> = partial.clone();
                    longer.push(d.clone());
                    next.push(longer);
                }
            }
        }
        out.extend(next.iter().cloned());
        frontier = next;
    }
    out
}

/// Shuffles every list of `input` (not the order within a tie group's meaning).
fn permute(input: &mut MatchingInput, seed: u64) {
    let mut rng = eig_matching::SplitMix64::new(seed);
    let mut shuffle = |n: usize| -> Vec<usize> {
        let mut order: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = usize::try_from(rng.below(i as u64 + 1)).expect("small");
            order.swap(i, j);
        }
        order
    };
    let o = shuffle(input.defis.len());
    input.defis = o.iter().map(|&i| input.defis[i].clone()).collect();
    let o = shuffle(input.candidates.len());
    input.candidates = o.iter().map(|&i| input.candidates[i].clone()).collect();
    let o = shuffle(input.rankings.len());
    input.rankings = o.iter().map(|&i| input.rankings[i].clone()).collect();
    for ranking in &mut input.rankings {
        for group in &mut ranking.ranks {
            let o = shuffle(group.len());
            *group = o.iter().map(|&i| group[i].clone()).collect();
        }
    }
}

#[test]
fn national_generator_is_consistent_at_small_scale() {
    let config = GeneratorConfig { candidates: 2_000, defis: 200, ..GeneratorConfig::national(1) };
    let instance = generate(&config);
    assert_eq!(Instance::new(&instance.to_input()).unwrap(), instance);
    let solution = solve(&instance, &Options::default()).unwrap();
    assert!(solution.certificate().placed > 0);
}

/// What a naive reading of `docs/matching.md` §3 finds wrong with an assignment in which each
/// candidate is unplaced or on one of their choices: (feasibility violations, blocking pairs
/// as (candidate, défi), défis with a blocking coalition). Written from the definitions, with
/// ids and nested loops, sharing nothing with `verify`.
fn reference_check(
    instance: &Instance,
    assignment: &Assignment,
) -> (usize, Vec<(String, String)>, Vec<String>) {
    let input = instance.to_input();
    let limits = input.limits;
    let placed: BTreeMap<String, String> = assignment
        .pairs(instance)
        .expect("made for this instance")
        .map(|(c, d)| (c.to_string(), d.to_string()))
        .collect();
    // The jury's tie group of candidate `c` for défi `d`, if ranked.
    let group = |c: &str, d: &str| {
        let profile = input.candidates.iter().find(|x| x.id.as_str() == c)?.profile;
        let ranking =
            input.rankings.iter().find(|r| r.defi.as_str() == d && r.profile == profile)?;
        ranking.ranks.iter().position(|g| g.iter().any(|x| x.as_str() == c))
    };
    let seats = |d: &str, profile| {
        input.defis.iter().find(|x| x.id.as_str() == d).and_then(|x| x.seats.get(&profile)).copied()
    };
    let members = |d: &str, profile| {
        input
            .candidates
            .iter()
            .filter(|x| {
                x.profile == profile && placed.get(x.id.as_str()).map(String::as_str) == Some(d)
            })
            .map(|x| x.id.to_string())
            .collect::<Vec<_>>()
    };
    let team = |d: &str| placed.values().filter(|x| x.as_str() == d).count();
    let mut infeasible = 0;
    for (c, d) in &placed {
        let profile = input.candidates.iter().find(|x| x.id.as_str() == c).expect("placed").profile;
        // No seat of the profile, or not ranked (one violation, the profile first).
        if seats(d, profile).unwrap_or(0) == 0 || group(c, d).is_none() {
            infeasible += 1;
        }
    }
    for defi in &input.defis {
        for (&profile, &n) in &defi.seats {
            if members(defi.id.as_str(), profile).len() > n as usize {
                infeasible += 1;
            }
        }
        let size = team(defi.id.as_str());
        if size > 0 && size < limits.team_min as usize {
            infeasible += 1;
        }
        if size > limits.team_max as usize {
            infeasible += 1;
        }
    }
    let opening = limits.team_min.max(1) as usize;
    let mut blocking = Vec::new();
    let mut coalitions = Vec::new();
    for defi in &input.defis {
        let d = defi.id.as_str();
        // Candidates acceptable to `d` who prefer it to their placement.
        let wanting: Vec<_> = input
            .candidates
            .iter()
            .filter(|x| {
                let Some(k) = x.choices.iter().position(|y| y.as_str() == d) else { return false };
                let now = placed
                    .get(x.id.as_str())
                    .and_then(|p| x.choices.iter().position(|y| y.as_str() == p))
                    .unwrap_or(x.choices.len());
                k < now && seats(d, x.profile).unwrap_or(0) > 0 && group(x.id.as_str(), d).is_some()
            })
            .collect();
        if team(d) == 0 && opening > 1 {
            let fit: usize = defi
                .seats
                .iter()
                .map(|(&profile, &n)| {
                    wanting.iter().filter(|x| x.profile == profile).count().min(n as usize)
                })
                .sum();
            if fit >= opening {
                coalitions.push(d.to_owned());
            }
            continue;
        }
        for x in wanting {
            let held = members(d, x.profile);
            let mine = group(x.id.as_str(), d);
            let free = held.len() < seats(d, x.profile).unwrap_or(0) as usize;
            // A talent the jury did not rank (an infeasible placement) counts as ranked last.
            if free || held.iter().any(|y| group(y, d).unwrap_or(usize::MAX) > mine.unwrap_or(0)) {
                blocking.push((x.id.to_string(), d.to_owned()));
            }
        }
    }
    blocking.sort();
    (infeasible, blocking, coalitions)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn the_verifier_agrees_with_the_definitions(instance in small(true, 0..=3)) {
        for assignment in all_assignments(&instance) {
            let (infeasible, blocking, coalitions) = reference_check(&instance, &assignment);
            match verify(&instance, &assignment) {
                Verification::Certified { certificate } => {
                    prop_assert_eq!(infeasible, 0);
                    prop_assert!(blocking.is_empty());
                    let found: Vec<String> = certificate
                        .coalitions
                        .iter()
                        .map(|v| match v {
                            eig_matching::Violation::BlockingCoalition { defi, .. } => defi.to_string(),
                            other => format!("{other:?}"),
                        })
                        .collect();
                    prop_assert_eq!(&found, &coalitions);
                    let notion = if coalitions.is_empty() {
                        StabilityNotion::WithClosures
                    } else {
                        StabilityNotion::AmongRunning
                    };
                    prop_assert_eq!(certificate.notion, notion);
                }
                Verification::Violations { violations } => {
                    let mut pairs = Vec::new();
                    let mut found_coalitions = Vec::new();
                    let mut feasibility = 0;
                    for v in &violations {
                        match v {
                            eig_matching::Violation::BlockingPair { candidate, defi, .. } => {
                                pairs.push((candidate.to_string(), defi.to_string()));
                            }
                            eig_matching::Violation::BlockingCoalition { defi, .. } => {
                                found_coalitions.push(defi.to_string());
                            }
                            _ => feasibility += 1,
                        }
                    }
                    pairs.sort();
                    prop_assert_eq!(feasibility, infeasible);
                    prop_assert_eq!(pairs, blocking);
                    prop_assert_eq!(found_coalitions, coalitions);
                }
            }
        }
    }
}
