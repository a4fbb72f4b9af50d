//! The generator: its presets, its shuffled rankings and its offers.

/// The generator's presets are the calls their documentation states.
#[test]
fn generator_presets() {
    use eig_matching::GeneratorConfig;
    let call = GeneratorConfig::eig_call(7);
    assert_eq!(
        (call.seed, call.candidates, call.defis, call.ranked_percent, call.tie_percent),
        (7, 170, 15, 80, 10)
    );
    assert_eq!((call.limits.team_min, call.limits.team_max, call.limits.max_choices), (2, 3, 2));
    let bench = GeneratorConfig::exact_bench(7);
    assert_eq!(
        GeneratorConfig { candidates: 170, defis: 15, ranked_percent: 80, ..bench.clone() },
        call
    );
    assert_eq!((bench.candidates, bench.defis, bench.ranked_percent), (200, 20, 20));
}

/// The generator shuffles each jury's applicants: over many seeds, two applicants to one seat
/// come in either order.
#[test]
fn generated_rankings_come_in_either_order() {
    use eig_domain::TalentProfile;
    use eig_matching::{GeneratorConfig, MatchingLimits, generate};
    let mut orders = std::collections::BTreeSet::new();
    for seed in 0..64 {
        let config = GeneratorConfig {
            seed,
            candidates: 2,
            defis: 1,
            seats: [(TalentProfile::Developer, 2)].into(),
            limits: MatchingLimits { team_min: 1, team_max: 2, max_choices: 1 },
            ranked_percent: 100,
            tie_percent: 0,
        };
        let input = generate(&config).to_input();
        let ranks: Vec<String> = input
            .rankings
            .iter()
            .flat_map(|r| r.ranks.iter().flatten())
            .map(ToString::to_string)
            .collect();
        if ranks.len() == 2 {
            orders.insert(ranks);
        }
    }
    assert_eq!(orders.len(), 2, "{orders:?}");
}

/// The generator's offers: each (seat, candidate of its profile who did not choose its défi)
/// pair is offered with the given percentage — none at 0, every one at 100, about one in a
/// hundred at 1 (a comparison off by one would double it).
#[test]
fn generated_offers_follow_their_percentage() {
    use eig_matching::{GeneratorConfig, generate_with_offers};
    let config = GeneratorConfig { candidates: 600, defis: 60, ..GeneratorConfig::eig_call(11) };
    for (percent, low, high) in [(0, 0.0, 0.0), (1, 0.005, 0.015), (100, 1.0, 1.0)] {
        let input = generate_with_offers(&config, percent).to_input();
        let mut pairs = 0usize;
        for defi in &input.defis {
            for profile in defi.seats.keys() {
                pairs += input
                    .candidates
                    .iter()
                    .filter(|c| c.profile == *profile && !c.choices.contains(&defi.id))
                    .count();
            }
        }
        let offers: usize = input.rankings.iter().map(|ranking| ranking.offers.len()).sum();
        #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
        let share = offers as f64 / pairs as f64;
        assert!(pairs > 5_000, "{pairs} pairs: too few to tell 1 % from 2 %");
        assert!((low..=high).contains(&share), "{percent} %: {offers} offers for {pairs} pairs");
    }
}
