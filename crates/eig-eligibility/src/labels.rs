//! The French labels of the inputs and facts the rules read, and of the parameters they
//! apply. A module of its own, which imports nothing of the crate: the rules' traces and the
//! French explanations both use it.

/// The French label of an input or a fact a rule reads, by its name in the record
/// (`defi.commitments.count`: "nombre d'engagements attestés"); the name itself when it
/// has no label.
///
/// # Example
/// ```
/// assert_eq!(eig_eligibility::input_label("submitted_at"), "date et heure de réception");
/// assert_eq!(eig_eligibility::input_label("no.such.input"), "no.such.input");
/// ```
pub fn input_label(name: &str) -> &str {
    match name {
        "submitted_at" => "date et heure de réception",
        "submitted_at_paris" => "date et heure de réception (heure de Paris)",
        "choices_submitted_at" => "date et heure de réception des choix de projets",
        "choices_submitted_at_paris" => {
            "date et heure de réception des choix de projets (heure de Paris)"
        }
        "defi.hosts.operational.kind" => "nature du porteur opérationnel",
        "defi.hosts.administrative.kind" => "nature du porteur administratif",
        "funding.cofinancing_requested" => "cofinancement demandé",
        "funding.self_funded" => "autofinancement",
        "funding.alternative_funding" => "financement alternatif déclaré",
        "carrier_convention" => "convention avec le porteur administratif",
        "titre2_programme" => "programme budgétaire pouvant recevoir des crédits de titre 2",
        "economic_and_financial_ministries" => {
            "administration des ministères économiques et financiers"
        }
        "purely_it_tooling" => "défi d'outillage purement informatique",
        "beta_gouv_phase" => "phase de la fiche produit beta.gouv.fr",
        "team_exception_granted" => "exception à l'équipe de 2 ou 3 EIG accordée",
        "project_team" => "équipe dédiée au projet constituée au sein de l'administration",
        "contacts_identified" => "contacts adéquats identifiés pour les EIG",
        "mentors_host_agents" => {
            "mentors opérationnels ou porteurs de projet agents publics de l'administration \
             d'accueil"
        }
        "mentors_have_time" => {
            "mentors opérationnels ou porteurs de projet disponibles pendant les 10 mois"
        }
        "eig_link_or_coach" => "défi du projet EIG Link ou des coachs EIG du programme",
        "defi.team.len" => "nombre d'EIG demandés",
        "defi.team.profiles" => "profils demandés",
        "defi.support.operational" => "nombre de mentors opérationnels ou porteurs de projet",
        "defi.support.strategic" => "nombre de mentors de haut niveau ou sponsors",
        "defi.commitments.count" => "nombre d'engagements attestés",
        "candidate.status.person" => "personne physique ou morale",
        "candidate.status.civil_service" => "situation dans la fonction publique",
        "candidate.status.jury_member" => "membre du jury ou expert",
        "candidate.status.studies" => "scolarité",
        "candidate.status.past_participations" => "participations antérieures au programme",
        "choices" | "choices.len" => "nombre de choix",
        "selection_decided_on" => "date de la décision de sélection",
        "mission_start_on" => "date exacte de début des missions",
        "process.through_official_channel" => "candidature reçue par le canal de l'appel",
        "process.dossier_complete" => "dossier de candidature complet",
        "process.from_waiting_list" => "candidat appelé sur la liste d'attente",
        "process.dossier_kept" => "souhait exprimé que le dossier soit conservé",
        "process.after_selection_session" => "mission proposée après la session de sélection",
        "process.selection_notified_on" => "date de notification de la sélection",
        "process.start_exception_granted" => "exception à la date de début accordée",
        "process.eig5_prolongation_offered" => {
            "prolongation contractuelle proposée par l'administration d'accueil (EIG5)"
        }
        "eig6_laureate" => "porteur lauréat de l'appel à projets EIG6",
        "contracts" => "contrats prolongés",
        "contracts[].starts_on" => "premier jour de la prolongation du contrat",
        "contracts[].ends_on" => "dernier jour de la prolongation du contrat",
        "contracts[].without_break" => "prolongation sans interruption",
        "contracts[].same_pay" => "rémunération du contrat initial EIG6 maintenue",
        other => other,
    }
}

/// The French label of a parameter a rule applies, by its name in the trace (`min`:
/// "minimum"); the name itself when it has no label.
///
/// # Example
/// ```
/// assert_eq!(eig_eligibility::parameter_label("closes"), "clôture");
/// assert_eq!(eig_eligibility::parameter_label("min"), "minimum");
/// assert_eq!(eig_eligibility::parameter_label("no_such_parameter"), "no_such_parameter");
/// ```
pub fn parameter_label(name: &str) -> &str {
    match name {
        "closes" => "clôture",
        "closes_at_utc" => "clôture (UTC)",
        "boundary" => "règle à l'instant limite",
        "admitted" => "admis",
        "sought" => "profils recherchés",
        "role" => "rôle",
        "required" => "requis",
        "excluded" => "exclus",
        "moment" => "date appréciée",
        "ordered" => "par ordre de préférence",
        "direct_funding" => "financement direct",
        "precedence" => "priorité des exceptions",
        "exception_allowed" => "exception possible",
        "exception" => "exception admise",
        "phases" => "phases admises",
        "route" => "voie",
        "channel" => "canal de l'appel",
        "pieces" => "pièces demandées",
        "applies" => "s'applique",
        "waiting_list_until" => "dernier jour de la liste d'attente",
        "cap" => "EIG recrutés pour ce projet selon le texte",
        "min" => "minimum",
        "max" => "maximum",
        "start_on" => "date de début",
        "bound" => "date de début imposée",
        "days" => "délai en jours",
        "counted_from" => "point de départ du délai",
        "last_day" => "dernier jour",
        "last_day_on" => "dernier jour (date)",
        "covers_from" => "couverture à partir du",
        "covers_until" => "couverture jusqu'au",
        "time_zone_read" => "fuseau horaire",
        "pay" => "rémunération",
        "criteria" => "nombre de critères",
        "criteria_by_phase" => "nombre de critères par phase",
        "scale" => "barème",
        "weights" => "poids des critères",
        "aggregation" => "calcul de la note",
        "recruitment_cap" => "EIG recrutés au plus",
        "cap_year" => "année du plafond",
        "months" => "durée en mois",
        "months_before_end" => "délai minimal avant la fin du contrat (en mois)",
        "days_before_end" => "jours avant la fin de la période de probation, au plus tard",
        "notice_months" => "préavis en mois",
        "default_order" => "ordre retenu par défaut",
        "other_order" => "autre ordre, au choix de l'utilisateur",
        "default_effect" => "effet retenu par défaut d'un avis défavorable",
        "other_effect" => "autre effet, au choix de l'utilisateur",
        other => other,
    }
}
