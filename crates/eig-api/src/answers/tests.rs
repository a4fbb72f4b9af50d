use super::*;

fn date(typed: &str) -> String {
    match read_date(typed) {
        Ok(day) => format!("ok {day}"),
        Err(message) => message,
    }
}

fn paris(date: &str, time: &str) -> String {
    read_paris_time(date, time).unwrap_or_else(|message| message)
}

fn euros(typed: &str) -> String {
    match read_euros(typed) {
        Ok(amount) => format!("ok {amount}"),
        Err(message) => message,
    }
}

fn duration(years: &str, months: &str) -> String {
    match read_duration(years, months) {
        Ok(months) => format!("ok {months}"),
        Err(message) => message,
    }
}

#[test]
fn dates_as_a_person_writes_them() {
    insta::assert_snapshot!(date("15/06/2018"), @"ok 2018-06-15");
    insta::assert_snapshot!(date(" 5/6/2018 "), @"ok 2018-06-05");
    insta::assert_snapshot!(date("2018-06-15"), @"ok 2018-06-15");
    insta::assert_snapshot!(date("15.06.2018"), @"ok 2018-06-15");
    insta::assert_snapshot!(date("31/02/2018"), @"Le 31/02/2018 n'existe pas : février 2018 compte 28 jours.");
    insta::assert_snapshot!(date("2018-02-31"), @"Le 2018-02-31 n'existe pas : février 2018 compte 28 jours.");
    insta::assert_snapshot!(date("29/02/2020"), @"ok 2020-02-29");
    insta::assert_snapshot!(date("15/13/2018"), @"Le mois 13 n'existe pas (15/13/2018) : écrivez un mois de 1 à 12.");
    insta::assert_snapshot!(date("15/06/18"), @"L'année de 15/06/18 doit s'écrire avec ses quatre chiffres, par exemple 15/06/2018.");
    insta::assert_snapshot!(date("demain"), @"demain n'est pas une date : écrivez-la jour/mois/année, par exemple 15/06/2018.");
    insta::assert_snapshot!(date(""), @"Indiquez la date, par exemple 15/06/2018.");
}

#[test]
fn paris_time_with_its_switch_hours() {
    // Summer time (UTC+2) and winter time (UTC+1).
    insta::assert_snapshot!(paris("15/06/2018", "16h30"), @"2018-06-15T16:30:00+02:00");
    insta::assert_snapshot!(paris("15/01/2018", "16:30"), @"2018-01-15T16:30:00+01:00");
    insta::assert_snapshot!(paris("15/01/2018", "9h"), @"2018-01-15T09:00:00+01:00");
    // 25 March 2018: 02:00 became 03:00; 01:59 was winter time, 03:00 summer time.
    insta::assert_snapshot!(paris("25/03/2018", "01:59"), @"2018-03-25T01:59:00+01:00");
    insta::assert_snapshot!(paris("25/03/2018", "03:00"), @"2018-03-25T03:00:00+02:00");
    insta::assert_snapshot!(paris("25/03/2018", "02:30"), @"Le 25/03/2018 à 02:30, l'heure n'a pas existé à Paris : ce jour-là, à 2 heures, les horloges sont passées directement à 3 heures (heure d'été). Donnez une heure avant 02:00 ou à partir de 03:00.");
    // 28 October 2018: 03:00 became 02:00 again.
    insta::assert_snapshot!(paris("28/10/2018", "02:30"), @"Le 28/10/2018 à 02:30, l'heure a eu lieu deux fois à Paris : ce jour-là, à 3 heures, les horloges sont revenues à 2 heures (heure d'hiver). Donnez une heure avant 02:00 ou à partir de 03:00.");
    insta::assert_snapshot!(paris("28/10/2018", "03:00"), @"2018-10-28T03:00:00+01:00");
    insta::assert_snapshot!(paris("15/06/2018", "25:00"), @"25:00 n'est pas une heure de la journée : écrivez une heure de 00:00 à 23:59.");
    insta::assert_snapshot!(paris("15/06/2018", "midi"), @"midi n'est pas une heure : écrivez-la comme 16:30 ou 16h30.");
    insta::assert_snapshot!(paris("15/06/2018", ""), @"Indiquez l'heure de Paris, par exemple 16:30.");
}

#[test]
fn amounts_as_a_person_writes_them() {
    insta::assert_snapshot!(euros("70000"), @"ok 70000.00");
    insta::assert_snapshot!(euros("70 000 €"), @"ok 70000.00");
    insta::assert_snapshot!(euros("70\u{202f}000,50 euros"), @"ok 70000.50");
    insta::assert_snapshot!(euros("70.000"), @"ok 70000.00");
    insta::assert_snapshot!(euros("70000.5"), @"ok 70000.50");
    insta::assert_snapshot!(euros("-3"), @"-3 est négatif : un coût est positif ou nul.");
    insta::assert_snapshot!(euros("7O OOO"), @"7O OOO n'est pas un montant : écrivez des chiffres, par exemple 70 000 ou 70 000,50.");
    insta::assert_snapshot!(euros("1,234"), @"1,234 a plus de deux chiffres après la virgule : arrondissez au centime.");
}

#[test]
fn durations_in_years_and_months() {
    insta::assert_snapshot!(duration("3", ""), @"ok 36");
    insta::assert_snapshot!(duration("3 ans", "2 mois"), @"ok 38");
    insta::assert_snapshot!(duration("", "30"), @"ok 30");
    insta::assert_snapshot!(duration("", ""), @"Indiquez l'expérience en années et en mois (0 si aucune).");
    insta::assert_snapshot!(duration("trois", ""), @"trois n'est pas un nombre d'années : écrivez des chiffres, par exemple 3.");
    insta::assert_snapshot!(duration("101", ""), @"Une expérience de plus de 100 ans ne peut pas être lue : vérifiez les années et les mois.");
}

#[test]
fn an_answer_is_placed_or_refused() {
    let record = serde_json::json!({"a": null, "b": {"c": 1}});
    let answers = BTreeMap::from([
        ("a".to_owned(), TypedAnswer::Day { date: "01/02/2020".into() }),
        ("b.c.d".to_owned(), TypedAnswer::Day { date: "01/02/2020".into() }),
        ("e".to_owned(), TypedAnswer::Day { date: "30/02/2020".into() }),
    ]);
    let mut errors = Vec::new();
    let placed = apply(&record, &answers, &mut errors);
    assert_eq!(placed, serde_json::json!({"a": "2020-02-01", "b": {"c": 1}}));
    assert_eq!(errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["b.c.d", "e"]);
}
