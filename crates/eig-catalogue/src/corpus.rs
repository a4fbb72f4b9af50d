//! The rule cases, read through `eig-cases`, and what their runs show of each rule.

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::LazyLock,
};

use eig_cases::{CaseInput, is_case_file, read_cases};
use eig_domain::Promotion;
use eig_eligibility::{Decision, RuleResult, TraceEntry};
use serde::Serialize;

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
    /// cost, the formula, each payer's part).
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
