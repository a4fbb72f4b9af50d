//! Promotions and their sourced facts.

use eig_domain::{
    Experience, MissionLength, PayBand, PayGrid, Promotion, PromotionError, TalentProfile,
};

/// The JSON of every promotion's facts (`facts_EIG3` is the EIG3 calendar the issue asks for).
#[test]
fn every_promotion_facts_json() {
    for promotion in Promotion::ALL {
        insta::assert_json_snapshot!(format!("facts_{}", promotion.code()), promotion.facts());
    }
}

/// One line per promotion: the facts the later crates read, with their sources.
#[test]
fn facts_table() {
    let mut lines = Vec::new();
    for promotion in Promotion::ALL {
        let facts = promotion.facts();
        let team = facts.team_size.map_or("—".to_owned(), |t| {
            format!(
                "{}..={} {:?}{} ({})",
                t.value.min,
                t.value.max,
                t.value.basis,
                if t.value.exceptions_allowed { " sauf exception" } else { "" },
                t.source
            )
        });
        let choices = facts.choice_limit.map_or("—".to_owned(), |c| {
            format!(
                "{:?} {}..={}{} ({})",
                c.value.unit,
                c.value.min,
                c.value.max,
                if c.value.ordered { " ordered" } else { "" },
                c.source
            )
        });
        let mission = facts.mission_length.map_or("—".to_owned(), |m| match m.value {
            MissionLength::Months { months } => format!("{months} months ({})", m.source),
            MissionLength::MonthsRange { min, max } => format!("{min}–{max} months ({})", m.source),
            MissionLength::RenewableContract { months } => {
                format!("{months}-month renewable ({})", m.source)
            }
            _ => format!("{:?}", m.value),
        });
        let start =
            facts.mission_start.map_or("—".to_owned(), |s| format!("{} ({})", s.value, s.source));
        lines.push(format!(
            "{}: team {team}; choices {choices}; mission {mission}; start {start}",
            promotion.code()
        ));
    }
    insta::assert_snapshot!(lines.join("\n"));
}

#[test]
fn pay_grid_boundaries() {
    let pay = |promotion: Promotion, months: u16| {
        let grid = promotion.facts().pay_grid.unwrap().value;
        let band = grid.band_for(Experience::from_months(months));
        format!(
            "{} {}",
            band.net_monthly,
            band.variable.map_or("-".to_owned(), |v| v.to_decimal().to_string())
        )
    };
    // AAC5 art. 2: « 3 500 € nets par mois pour les profils ayant jusqu'à 5 années
    // d'expérience, et 4 000 € nets par mois au-delà ».
    assert_eq!(pay(Promotion::Eig5, 60), "3500.00 -");
    assert_eq!(pay(Promotion::Eig5, 61), "4000.00 -");
    assert_eq!(pay(Promotion::Eig6, 0), "3500.00 -");
    // REG7 §2.4: « inférieure à 10 ans » → 4 250 € + 6 %; « supérieure ou égale 10 ans » →
    // 5 000 € + 10 %.
    assert_eq!(pay(Promotion::Eig7, 119), "4250.00 0.06");
    assert_eq!(pay(Promotion::Eig7, 120), "5000.00 0.1");
    assert_eq!(pay(Promotion::Eig3, 600), "4000.00 -");
    assert!(Promotion::Eig1.facts().pay_grid.is_none(), "EIG1 pay is not in the sources");
    assert!(Promotion::Dig1.facts().pay_grid.is_none(), "DIG1 pay is not in the sources");
}

#[test]
fn pay_grids_must_be_contiguous() {
    let band = |from, to: Option<u16>| PayBand {
        from: Experience::from_months(from),
        to: to.map(Experience::from_months),
        net_monthly: eig_domain::Euros::from_whole(1),
        variable: None,
        wording: "test".into(),
    };
    let error = |bands| PayGrid::new(bands).unwrap_err().to_string();
    insta::assert_snapshot!(error(vec![band(1, None)]), @"les tranches de la grille de rémunération ne se suivent pas à 1 mois d'expérience : chaque tranche commence où finit la précédente, la dernière sans fin");
    insta::assert_snapshot!(error(vec![band(0, Some(60)), band(62, None)]), @"les tranches de la grille de rémunération ne se suivent pas à 5 ans 2 mois d'expérience : chaque tranche commence où finit la précédente, la dernière sans fin");
    insta::assert_snapshot!(error(vec![band(0, Some(60))]), @"les tranches de la grille de rémunération ne se suivent pas à 5 ans d'expérience : chaque tranche commence où finit la précédente, la dernière sans fin");
    insta::assert_snapshot!(error(vec![]), @"les tranches de la grille de rémunération ne se suivent pas à 0 mois d'expérience : chaque tranche commence où finit la précédente, la dernière sans fin");
    assert!(PayGrid::new(vec![band(0, Some(60)), band(61, None)]).is_ok());
}

#[test]
fn promotion_names() {
    let parse = |input: &str| match input.parse::<Promotion>() {
        Ok(promotion) => format!("ok {promotion} / {}", promotion.label()),
        Err(err) => format!("error: {err}"),
    };
    insta::assert_snapshot!(parse("EIG3"), @"ok EIG3 / EIG 3");
    insta::assert_snapshot!(parse("DIG 1"), @"ok DIG1 / DIG 1");
    insta::assert_snapshot!(parse("eig3"), @r#"error: "eig3" n'est pas une promotion : écrivez EIG1 à EIG7, ou DIG1"#);
    insta::assert_snapshot!(parse("EIG8"), @r#"error: "EIG8" n'est pas une promotion : écrivez EIG1 à EIG7, ou DIG1"#);
    assert!(matches!("".parse::<Promotion>(), Err(PromotionError::Unknown { .. })));
}

#[test]
fn profiles_have_french_names() {
    let names: Vec<&str> = TalentProfile::ALL.iter().map(|p| p.french()).collect();
    insta::assert_snapshot!(names.join(", "), @"développeur·se, data scientist, data engineer, designer, géomaticien·ne, juriste du numérique, coach EIG, directeur·rice de produit, directeur·rice technique, directeur·rice de l'impact, directeur·rice des opérations");
}
