//! `eig serve`: the command's inputs and outputs over HTTP (crate eig-server), with the same
//! parsing, the same messages and the same JSON Schemas as the other subcommands.

use std::{io::Write as _, net::SocketAddr, time::Duration};

use eig_campaign::{Campaign, CampaignResult, EligibleDossier};
use eig_domain::{FundingRoute, HostKind, Promotion, PromotionFacts};
use eig_eligibility::{Decision, DefiDossier, evaluate_candidate, evaluate_dossier, render_french};
use eig_funding::{
    DefiPlan, Payer, PromotionInput, PromotionPlan, Scenario, TalentInput, plan_promotion,
};
use eig_matching::{MatchingInput, Options};
use eig_server::{Api, Call, Limits, Method, Operation, Parameter, Problem};
use schemars::{JsonSchema, schema_for};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use serde_json::Value;

use crate::{
    cli::{Kind, ServeArgs, parse_promotion},
    commands::{
        eligibility::{EligibilityInput, EligibilityOutput, ExplainInput, judge_all},
        history::{HistoryOutput, history_output},
        matching::{MatchOutput, compute},
        schema::schema_of,
        test::{TestOutput, run_text, test_output},
    },
    error::CliError,
    input::{parse, shorten},
};

/// The name an input has in messages: the request body.
const BODY: &str = "body";

pub(crate) fn serve(args: &ServeArgs) -> Result<(), CliError> {
    let limits = Limits {
        body_limit: args.body_limit,
        timeout: Duration::from_secs(args.timeout),
        concurrency: args.concurrency,
    };
    let address = SocketAddr::new(args.bind, args.port);
    let cannot = |err: std::io::Error| CliError::Usage {
        message: format!(
            "impossible de servir sur {address} : {err} : choisissez une autre adresse ou un autre \
             port (--bind, --port)"
        ),
    };
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(cannot)?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(address).await.map_err(cannot)?;
        let bound = listener.local_addr().map_err(cannot)?;
        // Caught from now on: a signal sent once the address is printed stops the server
        // gracefully.
        let shutdown = eig_server::shutdown_signal();
        let _ = writeln!(
            std::io::stderr().lock(),
            "eig serve : http://{bound}/ (API : /v1, OpenAPI : /openapi.json ; Ctrl-C pour \
             arrêter)"
        );
        eig_server::serve(listener, api(), limits, shutdown).await.map_err(cannot)
    })?;
    let _ = writeln!(std::io::stderr().lock(), "eig serve : arrêté");
    Ok(())
}

/// What `POST /v1/explain` answers: the decision and its French explanation.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Explanation {
    /// The decision, as `eig explain --format json` prints it.
    decision: Decision,
    /// The explanation in French, as `eig explain` prints it.
    explanation: String,
}

/// What `POST /v1/funding/scenario` reads: a promotion's défis and the overrides.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FundingRequest {
    /// The input of `eig funding`.
    input: PromotionInput,
    /// The scenario of `eig funding --scenario`.
    #[serde(default)]
    scenario: Scenario,
}

/// What `POST /v1/simulate` reads: one défi dossier, and optionally its talents' costs.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Simulation {
    /// The dossier, with `null` for every answer not given yet.
    dossier: DefiDossier,
    /// The talents to fund (experience, employer cost); without them, one talent per seat at
    /// the reference cost where the promotion has one.
    #[serde(default)]
    talents: Vec<TalentInput>,
}

/// What `POST /v1/simulate` answers.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct SimulationResult {
    /// The dossier's decision (incomplete ones name the missing inputs).
    decision: Decision,
    /// The decision explained in French, with each rule's source.
    explanation: String,
    /// The défi's funding plan, when the dossier is eligible and the plan can be computed.
    plan: Option<DefiPlan>,
    /// Why there is no plan for an eligible dossier.
    plan_problem: Option<String>,
}

/// One value and its French label.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Label {
    /// The value, as the JSON inputs write it.
    value: Value,
    /// Its French label.
    label: String,
}

/// The French labels of the values a person chooses among.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Vocabulary {
    /// The promotions whose rules are published.
    promotions: Vec<Label>,
    /// The kinds of host administration.
    host_kinds: Vec<Label>,
    /// The funding routes.
    funding_routes: Vec<Label>,
    /// The payers of a funding plan.
    payers: Vec<Label>,
}

/// A JSON Schema document (draft 2020-12).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(transparent)]
pub(crate) struct SchemaDocument(serde_json::Map<String, Value>);

/// The API: each operation reads what the matching subcommand reads and answers what it
/// prints with `--format json`.
#[expect(clippy::too_many_lines, reason = "the table of the endpoints, one after the other")]
pub(crate) fn api() -> Api {
    let mut api = Api::new("eig", env!("CARGO_PKG_VERSION"));
    // Inputs: what deserializing accepts (`eig schema`'s contract). Outputs: what serializing
    // writes, so that a field left out when empty is not required.
    macro_rules! input {
        ($name:literal, $type:ty) => {
            api.schema($name, serde_json::to_value(schema_for!($type)).unwrap_or_default());
        };
    }
    macro_rules! output {
        ($name:literal, $type:ty) => {
            let generator = schemars::generate::SchemaSettings::default().for_serialize();
            let schema = generator.into_generator().into_root_schema_for::<$type>();
            api.schema($name, serde_json::to_value(schema).unwrap_or_default());
        };
    }
    input!("EligibilityInput", EligibilityInput);
    output!("EligibilityResult", EligibilityOutput);
    input!("ExplainInput", ExplainInput);
    output!("Explanation", Explanation);
    input!("PromotionInput", PromotionInput);
    input!("FundingRequest", FundingRequest);
    output!("PromotionPlan", PromotionPlan);
    input!("MatchingInput", MatchingInput);
    output!("MatchResult", MatchOutput);
    input!("Campaign", Campaign);
    output!("CampaignResult", CampaignResult);
    input!("Simulation", Simulation);
    output!("SimulationResult", SimulationResult);
    output!("HistoryResult", HistoryOutput);
    output!("PromotionFactsList", Vec<PromotionFacts>);
    output!("ParameterList", Vec<eig_funding::Parameter>);
    output!("DefiDossier", DefiDossier);
    output!("Vocabulary", Vocabulary);
    output!("JsonSchema", SchemaDocument);
    input!("CaseFile", eig_cases::CaseFile);
    output!("TestResult", TestOutput);

    let promotion = |required| Parameter {
        name: "promotion",
        description: "La promotion (EIG2 … EIG7 ; eig3 et EIG 3 sont acceptés).",
        required,
        values: Vec::new(),
    };
    api.operation(post(
        "/v1/eligibility",
        "Éligibilité de dossiers de défi et de candidatures (comme eig eligibility).",
        "EligibilityInput",
        "EligibilityResult",
        handler(|input: EligibilityInput| Ok(judge_all(&input).0)),
    ))
    .operation(post(
        "/v1/explain",
        "La décision d'un dossier ou d'une candidature, expliquée en français (comme eig explain).",
        "ExplainInput",
        "Explanation",
        handler(|input: ExplainInput| explain(&input)),
    ))
    .operation(post(
        "/v1/funding",
        "Le plan de financement d'une promotion (comme eig funding).",
        "PromotionInput",
        "PromotionPlan",
        handler(|input: PromotionInput| funding(&input, &Scenario::default(), "$")),
    ))
    .operation(post(
        "/v1/funding/scenario",
        "Le plan de financement avec un scénario (comme eig funding --scenario).",
        "FundingRequest",
        "PromotionPlan",
        handler(|request: FundingRequest| funding(&request.input, &request.scenario, "$.input")),
    ))
    .operation(
        post(
            "/v1/match",
            "L'affectation des talents aux défis, vérifiée et expliquée (comme eig match, avec ses \
             options en paramètres).",
            "MatchingInput",
            "MatchResult",
            |call| {
                let options = match_options(call.query)?;
                let input: MatchingInput = parse(BODY, call.body).map_err(|err| problem(&err))?;
                // Explained at every size: a request's body is bounded.
                to_value(&compute(BODY, &input, &options, true).map_err(|err| problem(&err))?)
            },
        )
        .with_parameter(flag("hosts_propose", "true : la variante la meilleure pour les administrations (les jurys proposent), comme --hosts-propose."))
        .with_parameter(flag("offers", "true : les jurys proposent ensuite les places restées libres, comme --offers."))
        .with_parameter(flag("exact", "true : le mode exact pour les équipes minimales, comme --exact (petits problèmes ; borné par le délai du service)."))
        .with_parameter(Parameter {
            name: "node_limit",
            description: "Avec exact=true : nombre d'étapes de recherche après lequel la recherche s'arrête et le dit, comme --node-limit (1000000 par défaut).",
            required: false,
            values: Vec::new(),
        })
        .with_parameter(Parameter {
            name: "seed",
            description: "La graine du tirage au sort entre ex aequo, comme --seed (0 par défaut).",
            required: false,
            values: Vec::new(),
        }),
    )
    .operation(post(
        "/v1/run",
        "Un appel entier : éligibilité, lauréats, financement, affectation (comme eig run).",
        "Campaign",
        "CampaignResult",
        handler(|campaign: Campaign| {
            eig_campaign::run(&campaign)
                .map_err(|err| Problem::unjudgeable(&shorten(&format!("{BODY}: {err}"))))
        }),
    ))
    .operation(post(
        "/v1/cases",
        "Les cas de test d'un fichier de cas JSON, exécutés (comme eig test --format json).",
        "CaseFile",
        "TestResult",
        // Read by eig-cases like a file: a case that cannot be read is reported as such.
        |call| to_value(&test_output(run_text("body.json", call.body, None))),
    ))
    .operation(post(
        "/v1/simulate",
        "Le simulateur : la décision d'un dossier, son explication et le plan de financement du défi.",
        "Simulation",
        "SimulationResult",
        handler(simulate),
    ))
    .operation(
        Operation::new(
            Method::Get,
            "/v1/history",
            "Les chiffres officiels par promotion (comme eig history).",
            "HistoryResult",
            |call| Ok(serde_json::to_value(history_output(optional_promotion(call)?)).unwrap_or_default()),
        )
        .with_parameter(promotion(false)),
    )
    .operation(Operation::new(
        Method::Get,
        "/v1/promotions",
        "Les faits sourcés de chaque promotion.",
        "PromotionFactsList",
        |_| to_value(&Promotion::ALL.map(Promotion::facts)),
    ))
    .operation(
        Operation::new(
            Method::Get,
            "/v1/parameters",
            "Les paramètres officiels du financement, datés et sourcés (tous, ou ceux en vigueur à une date).",
            "ParameterList",
            |call| match call.query.get("on") {
                None => to_value(&eig_funding::official_parameters()),
                Some(text) => match text.parse::<chrono::NaiveDate>() {
                    Ok(day) => to_value(&eig_funding::official_parameters_on(day)),
                    Err(_) => Err(Problem::parameter(
                        "on",
                        &shorten(&format!(
                            "{text:?} n'est pas une date : écrivez-la AAAA-MM-JJ, par exemple 2018-06-15"
                        )),
                    )),
                },
            },
        )
        .with_parameter(Parameter {
            name: "on",
            description: "Une date (AAAA-MM-JJ) : seulement les paramètres en vigueur ce jour-là.",
            required: false,
            values: Vec::new(),
        }),
    )
    .operation(
        Operation::new(
            Method::Get,
            "/v1/examples/dossier",
            "Un dossier de défi complet et éligible de la promotion (comme eig example defi --promotion).",
            "DefiDossier",
            |call| {
                let promotion = optional_promotion(call)?.unwrap_or(Promotion::Eig3);
                eig_testkit::fixtures::dossier(promotion)
                    .map_err(|err| Problem::parameter("promotion", &format!("{promotion}: {err}")))
                    .and_then(|dossier| to_value(&dossier))
            },
        )
        .with_parameter(promotion(false)),
    )
    .operation(Operation::new(
        Method::Get,
        "/v1/vocabulary",
        "Les libellés français des valeurs à choisir (promotions, administrations, voies, payeurs).",
        "Vocabulary",
        |_| to_value(&vocabulary()),
    ));
    for kind in <Kind as clap::ValueEnum>::value_variants() {
        let Some(name) = clap::ValueEnum::to_possible_value(kind) else { continue };
        let kind = *kind;
        api.operation(Operation::new(
            Method::Get,
            format!("/v1/schemas/{}", name.get_name()),
            format!("Le schéma JSON de {} (comme eig schema).", name.get_name()),
            "JsonSchema",
            move |_| to_value(&schema_of(kind)),
        ));
    }
    api
}

/// A `POST` operation whose body is read as `input`.
fn post(
    path: &str,
    summary: &str,
    input: &str,
    output: &str,
    handler: impl Fn(&Call<'_>) -> Result<Value, Problem> + Send + Sync + 'static,
) -> Operation {
    Operation::new(Method::Post, path, summary, output, handler).with_input(input)
}

/// A query parameter that is `true` or `false`.
fn flag(name: &'static str, description: &'static str) -> Parameter {
    Parameter { name, description, required: false, values: vec!["true".into(), "false".into()] }
}

/// The options of `/v1/match`, from its query parameters, as `eig match` reads its flags.
fn match_options(query: &std::collections::BTreeMap<String, String>) -> Result<Options, Problem> {
    let flag = |name: &str| match query.get(name).map(String::as_str) {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(other) => Err(Problem::parameter(
            name,
            &shorten(&format!("{other:?} n'est pas un booléen : écrivez true ou false")),
        )),
    };
    let number = |name: &str, default: u64| match query.get(name) {
        None => Ok(default),
        Some(text) => text.parse::<u64>().map_err(|_| {
            Problem::parameter(
                name,
                &shorten(&format!(
                    "{text:?} n'est pas un nombre entier positif : écrivez des chiffres, par ex. 7"
                )),
            )
        }),
    };
    let exact = flag("exact")?;
    if !exact && query.contains_key("node_limit") {
        return Err(Problem::parameter(
            "node_limit",
            "node_limit ne sert qu'avec exact=true : ajoutez exact=true ou retirez node_limit",
        ));
    }
    Ok(Options {
        proposing: if flag("hosts_propose")? {
            eig_matching::Proposing::Hosts
        } else {
            eig_matching::Proposing::Candidates
        },
        lower_quotas: if exact {
            eig_matching::LowerQuotas::Exact { node_limit: number("node_limit", 1_000_000)? }
        } else {
            eig_matching::LowerQuotas::Withdraw
        },
        seed: number("seed", 0)?,
        offers: flag("offers")?,
    })
}

/// A handler that parses the body as `I` like the command does, and serializes the answer.
fn handler<I, O>(
    compute: impl Fn(I) -> Result<O, Problem> + Send + Sync + 'static,
) -> impl Fn(&Call<'_>) -> Result<Value, Problem> + Send + Sync + 'static
where
    I: DeserializeOwned,
    O: Serialize,
{
    move |call| {
        let input: I = parse(BODY, call.body).map_err(|err| problem(&err))?;
        to_value(&compute(input)?)
    }
}

fn to_value<T: Serialize>(value: &T) -> Result<Value, Problem> {
    serde_json::to_value(value).map_err(|_| Problem::internal())
}

/// The problem document of a command error: the same message, its JSON path and position.
fn problem(err: &CliError) -> Problem {
    let detail = shorten(&err.to_string());
    match err {
        CliError::Syntax { line, column, .. } => Problem::syntax(&detail, *line, *column),
        CliError::Invalid { path, .. } => Problem::invalid(&detail, path),
        CliError::Unjudgeable { .. } | CliError::NotAllJudged { .. } => {
            Problem::unjudgeable(&detail)
        }
        _ => Problem::internal(),
    }
}

fn optional_promotion(call: &Call<'_>) -> Result<Option<Promotion>, Problem> {
    call.query
        .get("promotion")
        .map(|text| parse_promotion(text).map_err(|err| Problem::parameter("promotion", &err)))
        .transpose()
}

fn explain(input: &ExplainInput) -> Result<Explanation, Problem> {
    let (decision, path) = match input {
        ExplainInput::Dossier(dossier) => (evaluate_dossier(dossier), "$.dossier"),
        ExplainInput::Candidate(application) => (evaluate_candidate(application), "$.candidate"),
    };
    let decision = decision
        .map_err(|err| Problem::invalid(&shorten(&format!("{BODY}: at {path}: {err}")), path))?;
    Ok(Explanation { explanation: render_french(&decision), decision })
}

/// The plan of `input`, an error naming the défi's JSON path under `root`.
fn funding(
    input: &PromotionInput,
    scenario: &Scenario,
    root: &str,
) -> Result<PromotionPlan, Problem> {
    plan_promotion(input, scenario).map_err(|err| {
        let index = err.defi().and_then(|defi| input.defis.iter().position(|d| &d.defi == defi));
        match index {
            Some(index) => {
                let path = format!("{root}.defis[{index}]");
                Problem::invalid(&shorten(&format!("{BODY}: at {path}: {err}")), &path)
            }
            None => Problem::unjudgeable(&shorten(&format!("{BODY}: {err}"))),
        }
    })
}

fn simulate(simulation: Simulation) -> Result<SimulationResult, Problem> {
    let dossier = &simulation.dossier;
    let decision = evaluate_dossier(dossier).map_err(|err| {
        Problem::invalid(&shorten(&format!("{BODY}: at $.dossier: {err}")), "$.dossier")
    })?;
    let explanation = render_french(&decision);
    let (plan, plan_problem) = match EligibleDossier::from_decision(dossier, &decision) {
        Ok(eligible) => {
            let eligible = if simulation.talents.is_empty() {
                eligible
            } else {
                eligible.with_talents(simulation.talents)
            };
            match eligible.plan(&Scenario::default()) {
                Ok(plan) => (Some(plan), None),
                Err(err) => (None, Some(err.to_string())),
            }
        }
        Err(_) => (None, None),
    };
    Ok(SimulationResult { decision, explanation, plan, plan_problem })
}

fn vocabulary() -> Vocabulary {
    let label = |value: Value, label: &str| Label { value, label: label.to_owned() };
    let json = |value: &dyn erased::Json| value.json();
    let host_kinds = HostKind::ALL
        .into_iter()
        .map(|kind| match kind {
            HostKind::LocalAuthority { level } => {
                label(json(&kind), &format!("{} ({})", kind.french(), level.french()))
            }
            _ => label(json(&kind), kind.french()),
        })
        .collect();
    Vocabulary {
        promotions: Promotion::ALL
            .into_iter()
            .filter(|promotion| eig_eligibility::rule_set(*promotion).is_ok())
            .map(|promotion| label(json(&promotion), &promotion.to_string()))
            .collect(),
        host_kinds,
        funding_routes: FundingRoute::ALL
            .into_iter()
            .map(|route| label(json(&route), route.french()))
            .collect(),
        payers: [
            Payer::PiaThroughCdc,
            Payer::Programme352,
            Payer::Dinum,
            Payer::Host,
            Payer::AlternativeSource,
        ]
        .into_iter()
        .map(|payer| label(json(&payer), payer.french()))
        .collect(),
    }
}

/// Serializing values of several types through one closure.
mod erased {
    /// A value that serializes to JSON.
    pub(super) trait Json {
        fn json(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or_default()
        }
    }
}
