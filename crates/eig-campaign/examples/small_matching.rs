//! A small matching built with the constructors: 8 candidates, 3 défis of EIG3, the juries'
//! rankings by défi and profile (AAC3 art. 6) → a stable, verified assignment in teams of 2
//! or 3, explained in French.
//!
//! `cargo run -p eig-campaign --example small_matching`

#![expect(clippy::print_stdout, reason = "an example prints what it computed")]

use eig_domain::{CandidateId, Promotion, TalentProfile};
use eig_matching::{
    CandidateInput, DefiSeats, Instance, MatchingInput, MatchingLimits, Options, RankingInput,
    solve,
};

fn ids(text: &str) -> Result<Vec<CandidateId>, eig_domain::TextError> {
    text.split_whitespace().map(str::parse).collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (ds, dev, design) =
        (TalentProfile::DataScientist, TalentProfile::Developer, TalentProfile::Designer);
    // EIG3: teams of 2 or 3 (AAP3 §2.2), 2 choices at most (AAC3 art. 4).
    let limits = MatchingLimits::for_promotion(Promotion::Eig3).ok_or("EIG3 states its limits")?;
    let defis = [
        DefiSeats::new("cartobio".parse()?).with_seats(ds, 1).with_seats(dev, 1),
        DefiSeats::new("lexidata".parse()?).with_seats(ds, 2).with_seats(design, 1),
        DefiSeats::new("signaux".parse()?).with_seats(dev, 1).with_seats(design, 1),
    ];
    let candidate =
        |id: &str, profile, choices: &str| -> Result<CandidateInput, Box<dyn std::error::Error>> {
            let choices =
                choices.split_whitespace().map(str::parse).collect::<Result<Vec<_>, _>>()?;
            Ok(CandidateInput::new(id.parse()?, profile, choices))
        };
    let candidates = [
        candidate("ada", ds, "cartobio lexidata")?,
        candidate("blaise", ds, "lexidata cartobio")?,
        candidate("carla", ds, "lexidata")?,
        candidate("dorian", dev, "signaux cartobio")?,
        candidate("emma", dev, "cartobio signaux")?,
        candidate("farid", design, "lexidata signaux")?,
        candidate("gaelle", design, "signaux")?,
        candidate("hugo", ds, "cartobio")?,
    ];
    // Tie groups, best first: blaise and carla are ex aequo for lexidata (a seeded lottery
    // breaks the tie); an applicant a jury does not rank is not acceptable to it.
    let rankings = [
        RankingInput::new("cartobio".parse()?, ds, [ids("hugo")?, ids("ada")?, ids("blaise")?]),
        RankingInput::new("cartobio".parse()?, dev, [ids("emma dorian")?]),
        RankingInput::new("lexidata".parse()?, ds, [ids("ada")?, ids("blaise carla")?]),
        RankingInput::new("lexidata".parse()?, design, [ids("farid")?]),
        RankingInput::new("signaux".parse()?, dev, [ids("dorian")?, ids("emma")?]),
        RankingInput::new("signaux".parse()?, design, [ids("gaelle")?, ids("farid")?]),
    ];
    let input = MatchingInput::new(limits, defis, candidates, rankings);
    let instance = Instance::new(&input)?;
    let solution = solve(&instance, &Options { seed: 2018, ..Options::default() })?;
    for candidate in &input.candidates {
        let defi = solution.defi_of(&candidate.id).map_or("—", |defi| defi.as_str());
        println!("{:<8} {:<16} → {defi}", candidate.id.as_str(), candidate.profile.french());
    }
    println!("\n{}", solution.explain().to_french());
    Ok(())
}
