//! The examples of the shapes: complete, valid inputs (EIG3's default call, or a promotion's
//! fixtures), and for each output what its operation answers on its input's example. Each is
//! built from values the libraries accept; a test runs every one.

use crate::fixtures::{self, FixtureError};
use eig_campaign::{Campaign, default_campaign};
use eig_domain::Promotion;
use eig_matching::{GeneratorConfig, generate};
use serde::Serialize;
use serde_json::Value;

use crate::{
    error::{ApiError, ErrorKind},
    shapes::{EligibilityInput, ExplainInput},
};

type Example = Result<Value, ApiError>;

fn json(value: &impl Serialize) -> Example {
    serde_json::to_value(value).map_err(|err| {
        ApiError::new(ErrorKind::Unjudgeable, "internal", format!("exemple illisible : {err}"))
    })
}

/// A shipped JSON example.
fn shipped(text: &str) -> Example {
    serde_json::from_str(text).map_err(|err| {
        ApiError::new(ErrorKind::Unjudgeable, "internal", format!("exemple illisible : {err}"))
    })
}

/// The error of an example that has no version for `promotion`.
fn not_for(promotion: Promotion, why: &str) -> ApiError {
    ApiError::parameter(
        "promotion",
        format!(
            "promotion {promotion} : {why} : choisissez une autre promotion, ou une autre forme"
        ),
    )
    .with_code("no_example")
}

fn fixture(promotion: Promotion) -> impl Fn(FixtureError) -> ApiError {
    move |err| not_for(promotion, &err.to_string())
}

/// An example that is the same for every promotion: refuses one.
pub(crate) fn same_for_all(
    promotion: Option<Promotion>,
    example: impl FnOnce() -> Example,
) -> Example {
    match promotion {
        Some(_) => Err(ApiError::parameter(
            "promotion",
            "cet exemple est le même pour toutes les promotions : retirez la promotion",
        )
        .with_code("no_example")),
        None => example(),
    }
}

/// The example input of `eig eligibility`: a real dossier, two synthetic ones, two
/// applications of the default campaign; or a promotion's dossier and application.
fn eligibility_input(promotion: Option<Promotion>) -> Result<EligibilityInput, ApiError> {
    if let Some(promotion) = promotion {
        return Ok(EligibilityInput::new(
            vec![fixtures::dossier(promotion).map_err(fixture(promotion))?],
            vec![fixtures::application(promotion).map_err(fixture(promotion))?],
        ));
    }
    let campaign = default_campaign();
    let real = campaign.dossiers.iter().filter(|d| !d.synthetic).take(1);
    let synthetic = campaign.dossiers.iter().filter(|d| d.synthetic).take(2);
    Ok(EligibilityInput::new(
        real.chain(synthetic).map(|d| d.dossier.clone()).collect(),
        campaign.candidates.iter().take(2).map(|c| c.application.clone()).collect(),
    ))
}

pub(crate) fn eligibility(promotion: Option<Promotion>) -> Example {
    json(&eligibility_input(promotion)?)
}

pub(crate) fn explain(promotion: Option<Promotion>) -> Example {
    if let Some(promotion) = promotion {
        return json(&ExplainInput::Dossier(
            fixtures::dossier(promotion).map_err(fixture(promotion))?,
        ));
    }
    let campaign = default_campaign();
    let synthetic = campaign.dossiers.iter().find(|d| d.synthetic);
    let dossier = synthetic.unwrap_or(&campaign.dossiers[0]).dossier.clone();
    json(&ExplainInput::Dossier(dossier))
}

/// A refused dossier: of a promotion, its fixture with a team of five and without the défi's
/// commitments; without
/// one, an EIG3 région asking for co-financing without a porteur administratif (AAP3 §3.1.2).
pub(crate) fn changes(promotion: Option<Promotion>) -> Example {
    let promotion_given = promotion.is_some();
    let promotion = promotion.unwrap_or(Promotion::Eig3);
    let mut dossier = fixtures::dossier(promotion).map_err(fixture(promotion))?;
    if promotion_given {
        dossier.defi.commitments.clear();
        let seat = dossier.defi.team[0];
        dossier.defi.team = vec![seat; 5];
    } else {
        dossier.defi.hosts.operational.kind =
            eig_domain::HostKind::LocalAuthority { level: eig_domain::LocalAuthorityLevel::Region };
        dossier.defi.hosts.administrative = None;
    }
    json(&eig_cases::ChangesInput::new(eig_cases::ChangesRecord::Dossier(dossier)))
}

pub(crate) fn prolongation(promotion: Option<Promotion>) -> Example {
    match promotion {
        None | Some(Promotion::Eig6) => shipped(include_str!("../data/prolongation.json")),
        Some(other) => Err(not_for(other, "les prolongations cofinancées sont celles de l'EIG6")),
    }
}

pub(crate) fn ami5bis(promotion: Option<Promotion>) -> Example {
    match promotion {
        None | Some(Promotion::Eig6) => shipped(include_str!("../data/ami5bis.json")),
        Some(other) => Err(not_for(other, "l'AMI Promotion 5 bis est un appel de l'EIG6")),
    }
}

pub(crate) fn jury(promotion: Option<Promotion>) -> Example {
    same_for_all(promotion, || shipped(include_str!("../data/jury.json")))
}

pub(crate) fn scores(promotion: Option<Promotion>) -> Example {
    same_for_all(promotion, || shipped(include_str!("../data/scores.json")))
}

pub(crate) fn eig7_terms(promotion: Option<Promotion>) -> Example {
    match promotion {
        None | Some(Promotion::Eig7) => shipped(include_str!("../data/eig7-terms.json")),
        Some(other) => Err(not_for(other, "ces échéances sont celles de l'EIG7")),
    }
}

pub(crate) fn eig7_cap(promotion: Option<Promotion>) -> Example {
    match promotion {
        None | Some(Promotion::Eig7) => shipped(include_str!("../data/eig7-cap.json")),
        Some(other) => Err(not_for(other, "ce plafond est celui de l'EIG7")),
    }
}

pub(crate) fn termination(promotion: Option<Promotion>) -> Example {
    match promotion {
        None | Some(Promotion::Eig6) => shipped(include_str!("../data/termination.json")),
        Some(other) => Err(not_for(other, "ces conventions sont celles de l'EIG6 et de l'EIG6+")),
    }
}

pub(crate) fn funding(promotion: Option<Promotion>) -> Example {
    match promotion {
        Some(promotion) => json(&fixtures::promotion_input(promotion).map_err(fixture(promotion))?),
        None => shipped(include_str!("../data/funding.json")),
    }
}

pub(crate) fn scenario(promotion: Option<Promotion>) -> Example {
    same_for_all(promotion, || shipped(include_str!("../data/scenario.json")))
}

pub(crate) fn calendar(promotion: Option<Promotion>) -> Example {
    match promotion {
        Some(promotion) => Ok(serde_json::json!({"funding": funding(Some(promotion))?})),
        None => shipped(include_str!("../data/calendar.json")),
    }
}

pub(crate) fn funding_request(promotion: Option<Promotion>) -> Example {
    Ok(serde_json::json!({
        "input": funding(promotion)?,
        "scenario": shipped(include_str!("../data/scenario.json"))?,
    }))
}

pub(crate) fn matching(promotion: Option<Promotion>) -> Example {
    match promotion {
        Some(promotion) => json(&fixtures::matching(promotion).map_err(fixture(promotion))?),
        None => json(&generate(&GeneratorConfig::eig_call(2018)).to_input()),
    }
}

fn campaign_of(promotion: Option<Promotion>) -> Result<Campaign, ApiError> {
    match promotion {
        Some(promotion) => fixtures::campaign(promotion).map_err(fixture(promotion)),
        None => Ok(default_campaign()),
    }
}

pub(crate) fn campaign(promotion: Option<Promotion>) -> Example {
    json(&campaign_of(promotion)?)
}

pub(crate) fn simulation(promotion: Option<Promotion>) -> Example {
    let promotion = promotion.unwrap_or(Promotion::Eig3);
    Ok(serde_json::json!({
        "dossier": json(&fixtures::dossier(promotion).map_err(fixture(promotion))?)?,
    }))
}

pub(crate) fn candidate_simulation(promotion: Option<Promotion>) -> Example {
    let promotion = promotion.unwrap_or(Promotion::Eig3);
    let mut application = json(&fixtures::application(promotion).map_err(fixture(promotion))?)?;
    // The date as the candidate typed it, read by the service.
    let submitted_at = application["submitted_at"].take();
    let typed = submitted_at.as_str().and_then(|instant| {
        let instant = chrono::DateTime::parse_from_rfc3339(instant).ok()?;
        Some(serde_json::json!({"submitted_at": {
            "kind": "paris_time",
            "date": instant.format("%d/%m/%Y").to_string(),
            "time": instant.format("%Hh%M").to_string(),
        }}))
    });
    Ok(match typed {
        Some(typed) => serde_json::json!({"application": application, "typed": typed}),
        None => serde_json::json!({"application": application}),
    })
}

pub(crate) fn case(promotion: Option<Promotion>) -> Example {
    same_for_all(promotion, || shipped(include_str!("../data/case.json")))
}

pub(crate) fn history(promotion: Option<Promotion>) -> Example {
    json(&crate::official_figures(promotion))
}

pub(crate) fn promotions(promotion: Option<Promotion>) -> Example {
    same_for_all(promotion, || json(&Promotion::ALL.map(Promotion::facts)))
}

pub(crate) fn parameters(promotion: Option<Promotion>) -> Example {
    same_for_all(promotion, || json(&crate::list_parameters(None)))
}

pub(crate) fn rules_catalogue(promotion: Option<Promotion>) -> Example {
    json(&crate::list_rules(Some(promotion.unwrap_or(Promotion::Eig7)), None))
}

pub(crate) fn rules_diff(promotion: Option<Promotion>) -> Example {
    same_for_all(promotion, || json(&crate::diff_rules(Promotion::Eig3, Promotion::Eig4)))
}

pub(crate) fn vocabulary(promotion: Option<Promotion>) -> Example {
    same_for_all(promotion, || json(&crate::vocabulary()))
}

pub(crate) fn defi(promotion: Option<Promotion>) -> Example {
    match promotion {
        Some(promotion) => json(&fixtures::dossier(promotion).map_err(fixture(promotion))?.defi),
        None => json(&default_campaign().dossiers[0].dossier.defi),
    }
}

pub(crate) fn dossier(promotion: Option<Promotion>) -> Example {
    let promotion = promotion.unwrap_or(Promotion::Eig3);
    json(&fixtures::dossier(promotion).map_err(fixture(promotion))?)
}

pub(crate) fn candidate(promotion: Option<Promotion>) -> Example {
    match promotion {
        Some(promotion) => {
            json(&fixtures::application(promotion).map_err(fixture(promotion))?.candidate)
        }
        None => json(&default_campaign().candidates[0].application.candidate),
    }
}

pub(crate) fn application(promotion: Option<Promotion>) -> Example {
    match promotion {
        Some(promotion) => json(&fixtures::application(promotion).map_err(fixture(promotion))?),
        None => json(&default_campaign().candidates[0].application),
    }
}

pub(crate) fn promotion_facts(promotion: Option<Promotion>) -> Example {
    json(&promotion.unwrap_or(Promotion::Eig3).facts())
}

pub(crate) fn figures(promotion: Option<Promotion>) -> Example {
    same_for_all(promotion, || json(&eig_history::History::embedded().all_figures()))
}
