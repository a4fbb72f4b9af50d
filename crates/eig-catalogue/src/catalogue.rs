//! The catalogue: every rule of a promotion as data, and the calls open on a day.

use chrono::NaiveDate;
use eig_domain::{Closing, Promotion, PromotionFacts, Source, Sourced, Window};
use eig_eligibility::{RuleDefinition, Value};
use eig_funding::{ParameterId, RuleId, official_parameter};
use serde::Serialize;

use crate::{Corpus, Interpretation, Register};

/// What a rule judges.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(rename = "Subject"))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RuleSubject {
    /// A défi dossier (the call for défis).
    Dossier,
    /// A candidate's application (the call for candidates).
    Candidate,
    /// An application to the AMI Promotion 5 bis.
    Ami5bis,
    /// A request for the co-financing of EIG6 prolongations (EIG6+).
    Prolongation,
    /// The funding plan of a promotion.
    Funding,
    /// The selection: the jury's grids for défis and candidates, its grounds to withdraw a
    /// défi, the EIG7 recruitment cap.
    Selection,
    /// The terms that follow the selection and decide a date: the EIG7 contract, the
    /// termination of a funding convention.
    Terms,
}

impl RuleSubject {
    /// The French name.
    ///
    /// # Example
    /// ```
    /// assert_eq!(eig_catalogue::RuleSubject::Dossier.french(), "dossier de défi");
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            RuleSubject::Dossier => "dossier de défi",
            RuleSubject::Candidate => "candidature",
            RuleSubject::Ami5bis => "manifestation d'intérêt (AMI Promotion 5 bis)",
            RuleSubject::Prolongation => "prolongation (EIG6+)",
            RuleSubject::Funding => "financement",
            RuleSubject::Selection => "sélection",
            RuleSubject::Terms => "contrat et convention après la sélection",
        }
    }
}

/// A source and the sentence of it quoted, when one is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Cited {
    /// The document and the section.
    pub source: Source,
    /// The sentence, verbatim.
    pub quote: Option<String>,
}

/// A parameter a rule applies: its name, its values, where they are stated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RuleParameter {
    /// The name, as the trace or the funding table writes it.
    pub name: String,
    /// The values, as a person reads them (`oui` and `non` for a yes/no parameter): for an
    /// eligibility rule, the value its definition declares, which every run of the rule
    /// applies (`eig_eligibility::RuleDefinition::parameters`; the parameters a run computes
    /// from the input, such as the last day of a delay counted from a notification, are not
    /// listed); for a funding rule, the official value of the promotion.
    pub values: Vec<String>,
    /// Where the value is stated: the funding parameter's own source, or the rule's.
    pub source: Source,
    /// The sentence stating it, for a funding parameter.
    pub quote: Option<String>,
}

impl RuleParameter {
    /// The French name of the parameter: the funding parameter's
    /// (`eig_funding::ParameterId::french`), or the eligibility parameter's label
    /// (`eig_eligibility::parameter_label`).
    ///
    /// # Example
    /// ```
    /// use eig_catalogue::{Corpus, Register, catalogue};
    /// use eig_domain::Promotion;
    ///
    /// let eig2 = catalogue(Some(Promotion::Eig2), None, &Corpus::default(), Register::embedded());
    /// let team = eig2.promotions[0].rules.iter().find(|r| r.id == "eig2.defi.team_size").unwrap();
    /// assert_eq!(team.parameters[2].french_name(), "exception possible");
    /// assert_eq!(team.parameters[2].values, ["oui"]);
    /// ```
    pub fn french_name(&self) -> &str {
        parameter_french(&self.name)
    }
}

/// The French name of the parameter `name` (see [`RuleParameter::french_name`]).
pub(crate) fn parameter_french(name: &str) -> &str {
    match ParameterId::ALL.iter().find(|id| id.as_str() == name) {
        Some(id) => id.french(),
        None => eig_eligibility::parameter_label(name),
    }
}

/// One rule of one promotion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RuleEntry {
    /// The stable id (`eig3.host.kind`, `funding.host_pays_rest`).
    pub id: String,
    /// The same rule across promotions: the id without its promotion (`host.kind`).
    pub family: String,
    /// The promotion.
    pub promotion: Promotion,
    /// What it judges.
    pub subject: RuleSubject,
    /// The French title.
    pub title: String,
    /// The text and section that state it, and the sentence modelled.
    pub source: Cited,
    /// The other texts it cites (funding rules restated by several calls).
    pub other_sources: Vec<Cited>,
    /// The parameters it applies.
    pub parameters: Vec<RuleParameter>,
    /// The interpretations taken (entries of the register of interpretations).
    pub interpretations: Vec<Interpretation>,
    /// The corpus cases that name it.
    pub cases: Vec<String>,
}

/// Which call a window is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CallKind {
    /// The call for défis (appel à projets): dossiers are received.
    Defis,
    /// The call for candidates (appel à candidatures): applications are received.
    Candidates,
    /// The window in which candidates choose their défis or projects.
    Choices,
    /// The AMI Promotion 5 bis (EIG6): applications of EIG5 talents are received.
    Ami5bis,
    /// The call for the co-financing of EIG6 prolongations (AAC6+): requests are received.
    Prolongations,
}

impl CallKind {
    /// The French name.
    ///
    /// # Example
    /// ```
    /// assert_eq!(eig_catalogue::CallKind::Defis.french(), "appel à projets (dossiers de défis)");
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            CallKind::Defis => "appel à projets (dossiers de défis)",
            CallKind::Candidates => "appel à candidatures",
            CallKind::Choices => "choix des défis ou projets par les candidats",
            CallKind::Ami5bis => "appel à manifestation d'intérêt Promotion 5 bis",
            CallKind::Prolongations => {
                "appel à candidatures pour la prolongation des EIG 6 (cofinancement EIG6+)"
            }
        }
    }

    /// What the rules that judge what it receives judge: the choice window of EIG6 receives
    /// the choices of the EIG 5 bis too (« Les personnes présélectionnées et les EIG 5 bis
    /// devront indiquer 3 à 5 projets », AMI5bis art. 5.2).
    fn judges(self, promotion: Promotion, subject: RuleSubject) -> bool {
        match self {
            CallKind::Defis => subject == RuleSubject::Dossier,
            CallKind::Candidates => subject == RuleSubject::Candidate,
            CallKind::Choices => {
                subject == RuleSubject::Candidate
                    || promotion == Promotion::Eig6 && subject == RuleSubject::Ami5bis
            }
            CallKind::Ami5bis => subject == RuleSubject::Ami5bis,
            CallKind::Prolongations => subject == RuleSubject::Prolongation,
        }
    }

    /// The call whose closing a deadline rule applies: `eig3.dossier.deadline` the call for
    /// défis's, `eig6.candidate.choices_deadline` the choice window's…; `None` for a rule
    /// that is no deadline.
    fn of_deadline_rule(id: &str) -> Option<CallKind> {
        if id.ends_with(".choices_deadline") {
            Some(CallKind::Choices)
        } else if id.starts_with("eig5bis.") && id.ends_with(".deadline") {
            Some(CallKind::Ami5bis)
        } else if id.starts_with("eig6plus.") && id.ends_with(".deadline") {
            Some(CallKind::Prolongations)
        } else if id.ends_with(".dossier.deadline") {
            Some(CallKind::Defis)
        } else if id.ends_with(".candidate.deadline") {
            Some(CallKind::Candidates)
        } else {
            None
        }
    }
}

/// A call of a promotion's calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Call {
    /// The promotion.
    pub promotion: Promotion,
    /// Which call.
    pub kind: CallKind,
    /// Its first day, when the text states it.
    pub opens_on: Option<NaiveDate>,
    /// How it closes.
    pub closes: Closing,
    /// The last Paris day on which something received is on time.
    pub last_day: NaiveDate,
    /// Where the calendar is stated.
    pub source: Source,
}

impl Call {
    /// Whether the call is open on `day` (Paris): from its first day to its last; a call
    /// whose first day no text states is not counted open.
    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        self.opens_on.is_some_and(|first| first <= day) && day <= self.last_day
    }
}

/// The rules of one promotion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PromotionRules {
    /// The promotion.
    pub promotion: Promotion,
    /// Its calls, as its calendar states them.
    pub calls: Vec<Call>,
    /// Its rules: dossier, candidate, AMI 5 bis, EIG6+, funding, then the selection and the
    /// terms after it, each in evaluation order.
    pub rules: Vec<RuleEntry>,
    /// Why it has no eligibility rule, when it has none.
    pub note: Option<String>,
}

/// The catalogue asked for: one or every promotion, or the calls open on a day and the
/// rules that judge what is received then.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Catalogue {
    /// The day asked for, if any.
    pub on: Option<NaiveDate>,
    /// The promotion asked for, if one was.
    pub promotion: Option<Promotion>,
    /// With a day: the calls open that day.
    pub open_calls: Vec<Call>,
    /// The promotions and their rules (with a day: the promotions with an open call, and
    /// only the rules that judge what that call receives).
    pub promotions: Vec<PromotionRules>,
    /// How many cases the corpus holds (0: built without the repository's corpus).
    pub corpus_cases: usize,
}

/// The catalogue of `promotion` (every promotion when `None`); with `on`, the calls open
/// that day and the rules that judge a dossier or an application received then.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use eig_catalogue::{Corpus, Register, RuleSubject, catalogue};
/// use eig_domain::Promotion;
///
/// let (corpus, register) = (Corpus::embedded(), Register::embedded());
/// let eig3 = catalogue(Some(Promotion::Eig3), None, corpus, register);
/// let kind = eig3.promotions[0].rules.iter().find(|rule| rule.id == "eig3.host.kind").unwrap();
/// assert_eq!(kind.source.source.to_string(), "AAP3 §3.1");
/// assert!(!kind.cases.is_empty());
///
/// // On 1 June 2018 the EIG3 call for défis is open: its dossier rules judge.
/// let day = NaiveDate::from_ymd_opt(2018, 6, 1).unwrap();
/// let open = catalogue(None, Some(day), corpus, register);
/// assert_eq!(open.promotions[0].promotion, Promotion::Eig3);
/// assert!(open.promotions[0].rules.iter().all(|rule| rule.subject == RuleSubject::Dossier));
/// ```
pub fn catalogue(
    promotion: Option<Promotion>,
    on: Option<NaiveDate>,
    corpus: &Corpus,
    register: &Register,
) -> Catalogue {
    let chosen = Promotion::ALL.into_iter().filter(|p| promotion.is_none_or(|only| only == *p));
    let mut promotions: Vec<PromotionRules> =
        chosen.map(|p| promotion_rules(p, corpus, register)).collect();
    let mut open_calls = Vec::new();
    if let Some(day) = on {
        for entry in &mut promotions {
            let open: Vec<Call> =
                entry.calls.iter().filter(|call| call.is_open_on(day)).cloned().collect();
            let (calls, promotion) = (&entry.calls, entry.promotion);
            entry.rules.retain(|rule| {
                open.iter().any(|call| call.kind.judges(promotion, rule.subject))
                    && !deadline_passed(&rule.id, calls, day)
            });
            open_calls.extend(open);
        }
        promotions.retain(|entry| !entry.rules.is_empty());
    }
    Catalogue { on, promotion, open_calls, promotions, corpus_cases: corpus.cases().len() }
}

/// Whether `rule` is a deadline rule whose call closed before `day`: it would refuse whatever
/// is received that day, so it does not judge what is received then.
fn deadline_passed(rule: &str, calls: &[Call], day: NaiveDate) -> bool {
    CallKind::of_deadline_rule(rule).is_some_and(|kind| {
        calls.iter().filter(|call| call.kind == kind).all(|call| call.last_day < day)
    })
}

/// Every rule of `promotion`, with its calendar.
///
/// # Example
/// ```
/// use eig_catalogue::{Corpus, Register, promotion_rules};
/// use eig_domain::Promotion;
///
/// let eig1 = promotion_rules(Promotion::Eig1, Corpus::embedded(), Register::embedded());
/// assert!(eig1.note.is_some()); // no published call rules
/// assert!(eig1.rules.iter().any(|rule| rule.id == "funding.pia_pays_pay"));
/// ```
pub fn promotion_rules(
    promotion: Promotion,
    corpus: &Corpus,
    register: &Register,
) -> PromotionRules {
    let mut rules = Vec::new();
    let mut note = None;
    match eig_eligibility::rule_set(promotion) {
        Ok(set) => {
            for definition in set.dossier_rules() {
                rules.push(eligibility_entry(
                    promotion,
                    RuleSubject::Dossier,
                    &definition,
                    corpus,
                    register,
                ));
            }
            for definition in set.candidate_rules() {
                rules.push(eligibility_entry(
                    promotion,
                    RuleSubject::Candidate,
                    &definition,
                    corpus,
                    register,
                ));
            }
        }
        Err(err) => note = Some(err.to_string()),
    }
    if promotion == Promotion::Eig6 {
        for definition in eig_eligibility::eig5bis_rules() {
            rules.push(eligibility_entry(
                promotion,
                RuleSubject::Ami5bis,
                &definition,
                corpus,
                register,
            ));
        }
        for definition in eig_eligibility::prolongation_rules() {
            rules.push(eligibility_entry(
                promotion,
                RuleSubject::Prolongation,
                &definition,
                corpus,
                register,
            ));
        }
    }
    for rule in RuleId::ALL.into_iter().filter(|rule| rule.applies_to(promotion)) {
        rules.push(funding_entry(promotion, rule, corpus, register));
    }
    let after = [
        (RuleSubject::Selection, eig_eligibility::selection_rules(promotion)),
        (RuleSubject::Terms, eig_eligibility::terms_rules(promotion)),
    ];
    for (subject, definitions) in after {
        for definition in definitions {
            rules.push(eligibility_entry(promotion, subject, &definition, corpus, register));
        }
    }
    PromotionRules { promotion, calls: calls(&promotion.facts()), rules, note }
}

/// A parameter's value as a person reads it.
fn value_text(value: &Value) -> String {
    match value {
        Value::Bool(true) => "oui".to_owned(),
        Value::Bool(false) => "non".to_owned(),
        Value::Count(count) => count.to_string(),
        Value::Text(text) => text.to_string(),
        _ => "non fourni".to_owned(),
    }
}

/// The id without its promotion: `eig3.host.kind` → `host.kind`; `eig5bis.…` and
/// `eig6plus.…` and `funding.…` are kept whole.
pub(crate) fn family(id: &str) -> String {
    match id.split_once('.') {
        Some((head, rest))
            if head.len() == 4
                && head.starts_with("eig")
                && head.ends_with(|c: char| c.is_ascii_digit()) =>
        {
            rest.to_owned()
        }
        _ => id.to_owned(),
    }
}

fn eligibility_entry(
    promotion: Promotion,
    subject: RuleSubject,
    definition: &RuleDefinition,
    corpus: &Corpus,
    register: &Register,
) -> RuleEntry {
    let parameters = definition
        .parameters
        .iter()
        .map(|parameter| RuleParameter {
            name: parameter.name.to_owned(),
            values: vec![value_text(&parameter.value)],
            source: definition.source.clone(),
            quote: None,
        })
        .collect();
    RuleEntry {
        id: definition.id.to_owned(),
        family: family(definition.id),
        promotion,
        subject,
        title: definition.title.to_owned(),
        source: Cited {
            source: definition.source.clone(),
            quote: Some(definition.quote.to_owned()),
        },
        other_sources: Vec::new(),
        parameters,
        interpretations: register.for_rule(definition.id).into_iter().cloned().collect(),
        cases: corpus
            .cases_of_promotion(definition.id, promotion)
            .iter()
            .map(|case| case.name.clone())
            .collect(),
    }
}

fn funding_entry(
    promotion: Promotion,
    rule: RuleId,
    corpus: &Corpus,
    register: &Register,
) -> RuleEntry {
    let cite = |source: &Source| Cited {
        source: source.clone(),
        quote: rule.quote(source).map(str::to_owned),
    };
    let own = rule.sources_for(promotion);
    let mut cited: Vec<Cited> = own.iter().map(|source| cite(source)).collect();
    // The sentence first: a source the rule quotes leads.
    cited.sort_by_key(|cited| cited.quote.is_none());
    let mut cited = cited.into_iter();
    let source = cited.next().unwrap_or_else(|| cite(&rule.sources()[0]));
    let parameters = rule
        .parameters()
        .iter()
        .filter_map(|id| official_parameter(*id, promotion).map(|p| (*id, p)))
        .map(|(id, parameter): (ParameterId, _)| RuleParameter {
            name: id.as_str().to_owned(),
            values: vec![parameter.value.to_french()],
            source: parameter.source,
            quote: Some(parameter.quote.into_owned()),
        })
        .collect();
    RuleEntry {
        id: rule.as_str().to_owned(),
        family: rule.as_str().to_owned(),
        promotion,
        subject: RuleSubject::Funding,
        title: funding_title(rule).to_owned(),
        source,
        other_sources: cited.collect(),
        parameters,
        interpretations: register.for_rule(rule.as_str()).into_iter().cloned().collect(),
        cases: corpus
            .cases_of_promotion(rule.as_str(), promotion)
            .iter()
            .map(|case| case.name.clone())
            .collect(),
    }
}

/// The French title of a funding rule.
fn funding_title(rule: RuleId) -> &'static str {
    match rule {
        RuleId::PiaPaysPay => "Le PIA paie la rémunération des EIG",
        RuleId::PiaShareOfEmployerCost => {
            "Le PIA paie une part du coût total employeur de chaque EIG"
        }
        RuleId::MonthsOfEmployerCost => "Le programme 352 paie des mois de coût total employeur",
        RuleId::FlatPerRecruitedTalent => "Un forfait par EIG recruté",
        RuleId::FlatPerProlongedTalent => "Un forfait par EIG prolongé",
        RuleId::DinumPaysAll => "La DINUM emploie et paie les EIG en intégralité",
        RuleId::HostPaysRest => "L'administration d'accueil paie le reste du coût",
        RuleId::SelfFunded => "Un défi autofinancé est payé par son administration",
        RuleId::AlternativeFunding => {
            "Un financement alternatif paie le défi, sans argent du programme"
        }
        RuleId::UnusedFlatNotRefunded => {
            "Les sommes non utilisées ne sont pas restituées l'année du versement"
        }
        RuleId::ReferenceCostEstimate => {
            "Sans coût donné, le coût de référence, signalé comme estimation"
        }
        RuleId::Envelope => "L'enveloppe de cofinancement de la promotion",
        RuleId::TransferAfterCdcConvention => {
            "La Caisse des dépôts verse les fonds une fois la convention signée avec elle"
        }
        RuleId::TransferAfterDocumentsToCdc => {
            "Les fonds sont versés après transmission à la Caisse des dépôts de la convention \
             signée et de la simulation financière définitive"
        }
        RuleId::TransferOnDecreePublication => {
            "Les crédits sont transférés dès la publication du décret de transfert"
        }
        RuleId::SingleTransferSecondSemester => {
            "Le transfert des crédits se fait en une seule fois, au second semestre"
        }
        _ => "Règle de financement",
    }
}

/// The calls of a promotion's calendar; EIG6's with the AMI Promotion 5 bis and the EIG6+
/// call for prolongations, which its calendar does not hold.
fn calls(facts: &PromotionFacts) -> Vec<Call> {
    let mut calls = calendar_calls(facts);
    if facts.promotion == Promotion::Eig6 {
        calls.extend(eig6_other_calls());
    }
    calls
}

/// The AMI Promotion 5 bis and the EIG6+ call, as eig-eligibility dates them
/// (`eig5bis_call`, `prolongation_call`): the closing is the one their deadline rules apply.
fn eig6_other_calls() -> Vec<Call> {
    let call = |kind, window: Option<Sourced<Window>>| {
        let window = window?;
        Some(Call {
            promotion: Promotion::Eig6,
            kind,
            opens_on: window.value.opens_on,
            closes: window.value.closes,
            last_day: last_day(window.value.closes),
            source: window.source,
        })
    };
    [
        call(CallKind::Ami5bis, eig_eligibility::eig5bis_call()),
        call(CallKind::Prolongations, eig_eligibility::prolongation_call()),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The calls of a promotion's calendar (`PromotionFacts`).
fn calendar_calls(facts: &PromotionFacts) -> Vec<Call> {
    let windows: [(CallKind, &Option<Sourced<Window>>); 3] = [
        (CallKind::Defis, &facts.call_for_defis),
        (CallKind::Candidates, &facts.call_for_candidates),
        (CallKind::Choices, &facts.choice_window),
    ];
    windows
        .into_iter()
        .filter_map(|(kind, window)| {
            let window = window.as_ref()?;
            Some(Call {
                promotion: facts.promotion,
                kind,
                opens_on: window.value.opens_on,
                closes: window.value.closes,
                last_day: last_day(window.value.closes),
                source: window.source.clone(),
            })
        })
        .collect()
}

/// The last Paris day on which a reception is before the closing: the closing's own day,
/// or the day before when the call closes at midnight.
pub(crate) fn last_day(closes: Closing) -> NaiveDate {
    let paris = match closes {
        Closing::Deadline { deadline } => deadline.paris(),
        Closing::Offset { at } => at.with_timezone(&chrono_tz::Europe::Paris).naive_local(),
        Closing::Day { on } => return on,
        _ => return NaiveDate::MIN,
    };
    if paris.time() == chrono::NaiveTime::MIN {
        paris.date().pred_opt().unwrap_or(paris.date())
    } else {
        paris.date()
    }
}
