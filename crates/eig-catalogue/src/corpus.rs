//! The rule cases, read through `eig-cases`, and what their runs show of each rule.

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::LazyLock,
};

use eig_cases::{CaseInput, is_case_file, read_cases};
use eig_domain::Promotion;
use eig_eligibility::{Decision, RuleResult, TraceEntry};
use serde::Serialize;

use crate::dates::day;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/corpus.rs"));
}

/// One case of the corpus: its name, its file, its title and the rules it names.
///
/// # Example
/// ```
/// let corpus = eig_catalogue::Corpus::embedded();
/// let case = corpus.cases().iter().find(|case| case.name == "eig3_every_rule_satisfied").unwrap();
/// assert!(case.rules.iter().any(|rule| rule == "eig3.host.kind"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CorpusCase {
    /// Its name: the file's name without extension, with `#n` for the n-th case of a file
    /// that holds several.
    pub name: String,
    /// The file, from the workspace's root.
    pub file: String,
    /// What the case checks.
    pub title: String,
    /// The rule ids it names.
    pub rules: Vec<String>,
    /// The promotion its input is of, when it is of one (a split or a matching problem is of
    /// none).
    pub promotion: Option<Promotion>,
}

/// The rule cases, and what their runs show of each rule's logic.
///
/// # Example
/// ```
/// use eig_catalogue::Corpus;
///
/// let yaml = "title: a case\nrules: [eig3.host.kind]\nevenly: {total: '1.00', parts: 3}\nexpected: {}";
/// let corpus = Corpus::from_files([("mine/a.yaml", yaml), ("mine/notes.yaml", "- a list")]);
/// assert_eq!(corpus.cases().len(), 1);
/// assert_eq!(corpus.cases_of("eig3.host.kind")[0].name, "a");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    cases: Vec<CorpusCase>,
    /// rule id → what its runs showed of its logic.
    logic: BTreeMap<String, RuleLogic>,
    /// (funding rule id, promotion) → what the funding cases' plans showed of its logic.
    funding_logic: BTreeMap<(String, Promotion), RuleLogic>,
}

/// What the runs of the corpus's eligibility cases show of a rule's logic, in French: the
/// facts it reads and what it said each time it refused — the rule's own words
/// (`eig_eligibility::input_label`, `eig_eligibility::reason_in_french`), never a
/// description kept beside it.
///
/// # Example
/// ```
/// let logic = eig_catalogue::Corpus::embedded().logic_of("eig3.dossier.deadline").unwrap();
/// assert!(logic.reads.iter().any(|label| label.contains("réception")));
/// assert!(!logic.refusals.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RuleLogic {
    /// The facts of the input it reads, by their French labels.
    pub reads: BTreeSet<String>,
    /// The reasons it gave when it refused, in French.
    pub refusals: BTreeSet<String>,
    /// How many runs satisfied it.
    pub satisfied: usize,
    /// For a funding rule: the formulas it applied, in words (`eig_funding::Formula::in_words`).
    pub formulas: BTreeSet<String>,
    /// For a funding rule: a few worked examples from the corpus's plans (a talent's employer
    /// cost, the formula, each payer's part). For a selection rule or a term after it, what
    /// the corpus's cases that name it computed: a jury's ranking, the candidates' lists, the
    /// dates of a contract or a termination, a withdrawn défi, or the error a sheet met.
    pub examples: BTreeSet<String>,
}

impl Corpus {
    /// The corpus of `files` (each a path and its text): the files `eig_cases::is_case_file`
    /// recognises, read with `eig_cases::read_cases`; a case that cannot be read is left out.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Corpus {
        let mut corpus = Corpus::default();
        for (file, text) in files {
            if !is_case_file(file, text) {
                continue;
            }
            let cases = read_cases(file, text);
            let several = cases.len() > 1;
            let stem = file.rsplit('/').next().unwrap_or(file);
            let stem = stem.rsplit_once('.').map_or(stem, |(stem, _)| stem);
            for (index, case) in cases.into_iter().enumerate() {
                let Ok(case) = case else { continue };
                let name = if several { format!("{stem}#{}", index + 1) } else { stem.to_owned() };
                corpus.observe(&case.input);
                corpus.observe_selection(&case.input, &case.rules);
                corpus.cases.push(CorpusCase {
                    name,
                    file: file.to_owned(),
                    title: case.title,
                    rules: case.rules,
                    promotion: promotion_of(&case.input),
                });
            }
        }
        corpus.disambiguate();
        corpus.cases.sort_by(|a, b| (&a.name, &a.file).cmp(&(&b.name, &b.file)));
        corpus
    }

    /// The corpus of the repository, embedded when the crate was built inside it (every
    /// case file of the workspace); empty when built from its package.
    pub fn embedded() -> &'static Corpus {
        static CORPUS: LazyLock<Corpus> =
            LazyLock::new(|| Corpus::from_files(embedded::FILES.iter().copied()));
        &CORPUS
    }

    /// Every case, by name.
    pub fn cases(&self) -> &[CorpusCase] {
        &self.cases
    }

    /// Whether the corpus holds no case.
    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    /// The cases that name `rule`, whatever their promotion.
    pub fn cases_of(&self, rule: &str) -> Vec<&CorpusCase> {
        self.cases.iter().filter(|case| case.rules.iter().any(|named| named == rule)).collect()
    }

    /// The cases of `promotion` that name `rule`: a rule shared by several promotions (the
    /// funding rules) lists under each promotion only that promotion's cases; a case of no
    /// promotion (a split) is listed under none.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// let corpus = eig_catalogue::Corpus::embedded();
    /// let eig4 = corpus.cases_of_promotion("funding.transfer_on_decree_publication", Promotion::Eig4);
    /// assert!(!eig4.is_empty());
    /// assert!(eig4.iter().all(|case| case.promotion == Some(Promotion::Eig4)));
    /// ```
    pub fn cases_of_promotion(&self, rule: &str, promotion: Promotion) -> Vec<&CorpusCase> {
        self.cases_of(rule).into_iter().filter(|case| case.promotion == Some(promotion)).collect()
    }

    /// What the corpus's runs show of `rule`'s logic (eligibility rules only: dossier,
    /// candidate, AMI 5 bis and EIG6+ prolongation rules).
    ///
    /// # Example
    /// ```
    /// let corpus = eig_catalogue::Corpus::embedded();
    /// let same_pay = corpus.logic_of("eig6plus.contract.same_pay").unwrap();
    /// assert!(same_pay.satisfied > 0);
    /// ```
    pub fn logic_of(&self, rule: &str) -> Option<&RuleLogic> {
        self.logic.get(rule)
    }

    /// Two files of the same name in different folders: each case is named with its
    /// folder (`changes/eig3_team_of_4`).
    fn disambiguate(&mut self) {
        let mut files: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for case in &self.cases {
            files.entry(case.name.clone()).or_default().insert(case.file.clone());
        }
        for case in &mut self.cases {
            if files.get(&case.name).is_some_and(|found| found.len() > 1) {
                let folder = case.file.rsplit('/').nth(1).unwrap_or_default();
                case.name = format!("{folder}/{}", case.name);
            }
        }
    }

    /// What the corpus's funding cases show of the funding rule `rule` in `promotion`: the
    /// formulas it applied, in words, and worked examples.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// let corpus = eig_catalogue::Corpus::embedded();
    /// let logic = corpus.funding_logic_of("funding.pia_share_of_employer_cost", Promotion::Eig3).unwrap();
    /// assert!(logic.formulas.iter().any(|words| words.starts_with("70\u{a0}% du coût total employeur")));
    /// assert!(!logic.examples.is_empty());
    /// ```
    pub fn funding_logic_of(&self, rule: &str, promotion: Promotion) -> Option<&RuleLogic> {
        self.funding_logic.get(&(rule.to_owned(), promotion))
    }

    /// Plans a funding input under the official parameters and keeps, per rule applied, its
    /// formula in words and a few worked examples.
    fn observe_funding(
        &mut self,
        input: &eig_funding::PromotionInput,
        scenario: &eig_funding::Scenario,
    ) {
        const EXAMPLES: usize = 3;
        let Ok(plan) = eig_funding::plan_promotion(input, scenario) else { return };
        // The official rules only: a scenario that overrides a parameter shows another rule.
        if plan.overridden().next().is_some() {
            return;
        }
        for defi in &plan.defis {
            // A talent paid beyond their cost is a case of its own (the surplus), not the rule's
            // common logic.
            for talent in defi.talents.iter().filter(|talent| talent.surplus.is_none()) {
                let parts: Vec<String> = talent
                    .parts
                    .iter()
                    .map(|part| format!("{} {}", part.payer.french(), part.amount.to_french()))
                    .collect();
                let example = format!(
                    "coût employeur {} : {} ; parts : {}",
                    talent.employer_cost.to_french(),
                    talent.formula.in_words(),
                    parts.join(", ")
                );
                let rules: BTreeSet<&str> = std::iter::once(talent.rule.as_str())
                    .chain(talent.parts.iter().map(|part| part.rule.as_str()))
                    .collect();
                for rule in rules {
                    let logic =
                        self.funding_logic.entry((rule.to_owned(), plan.promotion)).or_default();
                    if rule == talent.rule.as_str() {
                        logic.formulas.insert(talent.formula.in_words());
                    }
                    if logic.examples.len() < EXAMPLES {
                        logic.examples.insert(example.clone());
                    }
                }
            }
        }
    }

    /// Runs a selection input (a jury sheet, the candidates' marks, an EIG7 contract or its
    /// cap, a termination, a whole call with the jury's withdrawals) and keeps what it computed,
    /// in French, as an example of each rule the case names.
    fn observe_selection(&mut self, input: &CaseInput, rules: &[String]) {
        let example = match input {
            CaseInput::Jury(sheet) => match eig_eligibility::select_laureates(sheet) {
                Ok(selection) => selection_example(&selection, sheet.places),
                Err(err) => format!("feuille refusée : {err}"),
            },
            CaseInput::Scores(sheet) => match eig_eligibility::rank_candidates(sheet) {
                Ok(rankings) => rankings_example(&rankings),
                Err(err) => format!("notes refusées : {err}"),
            },
            CaseInput::Eig7Terms(terms) => eig7_terms_example(terms),
            CaseInput::Eig7Cap(cap) => cap_example(
                cap.year,
                cap.recruited,
                &eig_eligibility::eig7_recruitment_cap(cap.year, cap.recruited),
            ),
            CaseInput::Termination(input) => {
                match eig_eligibility::convention_termination(input.convention, input.notified_on) {
                    Ok(terms) => format!(
                        "résiliation notifiée le {} : elle prend effet le {}",
                        day(terms.notified_on),
                        day(terms.effective_on.value)
                    ),
                    Err(err) => format!("date refusée : {err}"),
                }
            }
            CaseInput::Campaign(campaign) if !campaign.jury_withdrawals.is_empty() => {
                match eig_campaign::run(campaign) {
                    Ok(result) => result
                        .withdrawn_by_jury
                        .iter()
                        .map(|withdrawn| withdrawn.explanation.clone())
                        .collect::<Vec<_>>()
                        .join(" "),
                    // The withdrawal's own message: the campaign's names its JSON path.
                    Err(eig_campaign::CampaignError::Withdrawal(err)) => {
                        format!("retrait refusé : {err}")
                    }
                    Err(err) => format!("appel refusé : {err}"),
                }
            }
            _ => return,
        };
        for rule in rules {
            self.logic.entry(rule.clone()).or_default().examples.insert(example.clone());
        }
    }

    /// Runs an eligibility input and keeps what its trace shows of each rule's logic.
    fn observe(&mut self, input: &CaseInput) {
        if let CaseInput::Funding(input, scenario) = input {
            self.observe_funding(input, scenario);
            return;
        }
        let decision = match input {
            CaseInput::Dossier(dossier) => eig_eligibility::evaluate_dossier(dossier),
            CaseInput::Candidate(application) => eig_eligibility::evaluate_candidate(application),
            CaseInput::Ami5bis(application) => eig_eligibility::evaluate_eig5bis(application),
            CaseInput::Prolongation(request) => eig_eligibility::evaluate_prolongation(request),
            _ => return,
        };
        if let Ok(Decision { trace, .. }) = decision {
            for TraceEntry { rule, facts, result, .. } in trace {
                let logic = self.logic.entry(rule.to_owned()).or_default();
                for fact in &facts {
                    logic.reads.insert(eig_eligibility::input_label(fact.name).to_owned());
                }
                match &result {
                    RuleResult::Satisfied => logic.satisfied += 1,
                    RuleResult::Failed { reason } => {
                        logic.refusals.insert(eig_eligibility::reason_in_french(reason));
                    }
                    RuleResult::Missing { inputs } => {
                        for input in inputs {
                            logic.reads.insert(eig_eligibility::input_label(input).to_owned());
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

/// The promotion a case's input is of: the dossier's, the application's, the plan's, the
/// sheet's or the campaign's; the AMI 5 bis, the EIG6+ prolongations and the AAP6 and AAC6+
/// conventions are EIG6's (the catalogue lists their rules under EIG6); EIG7's contract terms
/// and cap are EIG7's.
fn promotion_of(input: &CaseInput) -> Option<Promotion> {
    Some(match input {
        CaseInput::Dossier(dossier) => dossier.defi.promotion,
        CaseInput::Candidate(application) => application.promotion,
        CaseInput::Ami5bis(_) | CaseInput::Prolongation(_) | CaseInput::Termination(_) => {
            Promotion::Eig6
        }
        CaseInput::Jury(sheet) => sheet.promotion,
        CaseInput::Scores(sheet) => sheet.promotion,
        CaseInput::Eig7Terms(_) | CaseInput::Eig7Cap(_) => Promotion::Eig7,
        CaseInput::Funding(input, _) => input.promotion,
        CaseInput::Campaign(campaign) => campaign.promotion,
        CaseInput::Changes(changes) => match &changes.record {
            eig_cases::ChangesRecord::Dossier(dossier) => dossier.defi.promotion,
            eig_cases::ChangesRecord::Candidate(application) => application.promotion,
        },
        CaseInput::Calendar(calendar) => calendar.funding.promotion,
        _ => return None,
    })
}

/// The register of interpretations embedded with the corpus (`docs/rules/assumptions.md`;
/// empty when built from the package).
pub(crate) fn embedded_register() -> &'static str {
    embedded::REGISTER
}

/// A jury's ranking in French: each dossier, its total and what became of it.
fn selection_example(selection: &eig_eligibility::Selection, places: u32) -> String {
    use eig_eligibility::SelectionStatus;
    let rows: Vec<String> = selection
        .ranking
        .iter()
        .map(|ranked| {
            let status = match &ranked.status {
                SelectionStatus::Selected => "retenu".to_owned(),
                SelectionStatus::NoPlaceLeft => "plus de place".to_owned(),
                SelectionStatus::AboveRemainingEnvelope { remaining } => {
                    format!("au-delà de l'enveloppe restante ({})", remaining.to_french())
                }
                SelectionStatus::UnfavourableOpinion => "écarté sur avis défavorable".to_owned(),
                _ => "autre".to_owned(),
            };
            format!("{}. {} : {} points, {status}", ranked.rank, ranked.defi, ranked.total)
        })
        .collect();
    let places = if places == 1 { "1 place".to_owned() } else { format!("{places} places") };
    format!("{places} : {}", rows.join(" ; "))
}

/// The candidates' lists in French: each list, its candidates by rank with their totals.
fn rankings_example(rankings: &eig_eligibility::CandidateRankings) -> String {
    let lists: Vec<String> = rankings
        .lists
        .iter()
        .map(|list| {
            let name = match &list.defi {
                Some(defi) => format!("{defi}, {}", list.profile.french()),
                None => list.profile.french().to_owned(),
            };
            let rows: Vec<String> = list
                .scored
                .iter()
                .map(|scored| {
                    format!("{}. {} ({})", scored.rank, scored.candidate, mark(rankings, scored))
                })
                .collect();
            format!("liste {name} : {}", rows.join(", "))
        })
        .collect();
    lists.join(" ; ")
}

/// A candidate's mark as the grid computes it: the sum of the marks (AAC4, AAC5), or their
/// mean (AAC6, AMI 5 bis, REG7), written the French way to the hundredth.
fn mark(
    rankings: &eig_eligibility::CandidateRankings,
    scored: &eig_eligibility::ScoredCandidate,
) -> String {
    if rankings.grid.aggregation == eig_eligibility::Aggregation::Sum {
        format!("total {}", scored.total)
    } else {
        let criteria = u64::from(scored.criteria.max(1));
        let hundredths = (u64::from(scored.total) * 100 + criteria / 2) / criteria;
        format!("moyenne {},{:02}", hundredths / 100, hundredths % 100)
    }
}

/// The dates of an EIG7 contract's terms in French.
fn eig7_terms_example(terms: &eig_cases::Eig7TermsInput) -> String {
    let mut parts = Vec::new();
    if let (Some(starts), Some(arrived)) = (terms.starts_on, terms.arrived_on) {
        match eig_eligibility::eig7_contract_terms(starts, arrived) {
            Ok(dates) => parts.push(format!(
                "contrat du {}, arrivée le {} : fin du contrat le {}, avis de renouvellement au \
                 plus tard le {}, fin de la probation le {}, demande d'interruption au plus tard \
                 le {}",
                day(starts),
                day(arrived),
                day(dates.ends_on.value),
                day(dates.renewal_notice_by.value),
                day(dates.probation_ends_on.value),
                day(dates.interruption_request_by.value)
            )),
            Err(err) => parts.push(format!("dates refusées : {err}")),
        }
    }
    if let Some(received) = terms.renewal_notice_received_on {
        match eig_eligibility::eig7_renewal_answer_by(received) {
            Ok(by) => parts.push(format!(
                "avis de renouvellement reçu le {} : réponse au plus tard le {}",
                day(received),
                day(by.value)
            )),
            Err(err) => parts.push(format!("date refusée : {err}")),
        }
    }
    parts.join(" ; ")
}

/// The EIG7 cap in French.
fn cap_example(year: i32, recruited: u32, cap: &eig_eligibility::RecruitmentCap) -> String {
    use eig_eligibility::RecruitmentCap;
    let what = match cap {
        RecruitmentCap::Open { cap, remaining, .. } => {
            let possible =
                if *remaining == 1 { "recrutement possible" } else { "recrutements possibles" };
            format!("sous le plafond de {cap}, encore {remaining} {possible}")
        }
        RecruitmentCap::Reached { cap, .. } => format!("plafond de {cap} atteint"),
        RecruitmentCap::Exceeded { cap, over, .. } => format!("plafond de {cap} dépassé de {over}"),
        RecruitmentCap::NoCapStated { .. } => {
            "aucun plafond n'est fixé pour cette année".to_owned()
        }
        _ => "autre".to_owned(),
    };
    let recruited_word = if recruited <= 1 { "recruté" } else { "recrutés" };
    format!("{recruited} EIG {recruited_word} en {year} : {what}")
}
