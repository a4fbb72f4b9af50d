//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use eig_domain::Promotion;

/// Les appels du programme Entrepreneurs d'intérêt général (EIG) en code : éligibilité des
/// dossiers, sélection des lauréats, plans de financement et affectation des talents ; chaque
/// décision expliquée et rattachée à son texte source.
///
/// Codes de sortie : 0 succès · 1 entrée non valable (le message nomme le fichier, le chemin
/// JSON et, pour une erreur de syntaxe, la ligne et la colonne) · 2 erreur d'utilisation (option
/// ou valeur inconnue, aucun fichier alors que l'entrée standard est un terminal, deux entrées
/// sur l'entrée standard) · 3 le résultat n'a pas pu être écrit · 4 le résultat est écrit, mais
/// des enregistrements n'ont pas pu être jugés (chacun est nommé sur la sortie d'erreur, et dans
/// le résultat). `eig test` sort avec 1 quand un cas échoue ou ne peut pas être lu.
/// Rien n'est écrit ailleurs que sur la sortie standard et la sortie d'erreur, sauf avec
/// --output.
#[derive(Debug, Parser)]
#[command(name = "eig", version, max_term_width = 100, help_expected = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Un appel entier : éligibilité des dossiers → sélection des lauréats → plan de
    /// financement face à l'enveloppe → affectation des talents → vérification. Sans FICHIER, la
    /// campagne intégrée : l'appel de 2018 (EIG3) avec ses 15 défis lauréats réels, des dossiers
    /// synthétiques signalés comme tels, environ 170 candidatures synthétiques et des
    /// classements de jurys tirés d'une graine.
    Run(RunArgs),
    /// L'éligibilité des dossiers de défis et des candidatures, avec la trace de chaque règle
    /// évaluée et sa source.
    Eligibility(EligibilityArgs),
    /// L'explication en français d'une décision d'éligibilité (un dossier de défi ou une
    /// candidature), comme l'art. R. 311-3-1-2 du CRPA la demande à une administration pour une
    /// décision algorithmique.
    Explain(ExplainArgs),
    /// Le plan de financement d'une promotion : chaque payeur par talent et par défi, au centime,
    /// face à l'enveloppe.
    Funding(FundingArgs),
    /// Affecte les talents aux défis (choix des candidats et classements des jurys, équipes
    /// minimales), vérifie le résultat et explique chaque affectation.
    Match(MatchArgs),
    /// Les chiffres officiels de chaque promotion, d'après l'historique intégré de 132 défis.
    History(HistoryArgs),
    /// Le schéma JSON (JSON Schema) d'une forme d'entrée ou de résultat.
    Schema(KindArgs),
    /// Un exemple valable d'une forme : pour une entrée, de quoi partir ; pour un résultat, ce
    /// que la commande affiche sur l'exemple d'entrée.
    Example(KindArgs),
    /// Lance des tests de règles : des fichiers de cas au format public (JSON, ou YAML avec
    /// commentaires ; voir `eig schema case` et docs/testing.md), une ligne par cas, pour chaque
    /// échec la différence avec la règle et sa source, les fichiers ignorés des dossiers (ce ne
    /// sont pas des fichiers de cas), puis `N réussis, M en échec`. Code de sortie 0 seulement
    /// si tous les cas réussissent.
    Test(TestArgs),
    /// Sert les règles en HTTP : une API JSON sans état sous /v1, avec les mêmes entrées,
    /// résultats et messages que ces commandes, son document OpenAPI à /openapi.json, /healthz
    /// (le processus vit), /readyz (il peut prendre du travail),
    /// et une page de simulation à / (docs/server.md).
    Serve(ServeArgs),
    /// Le catalogue des règles, tiré des définitions du code : chaque règle d'une promotion
    /// avec sa source, la phrase qu'elle modélise, ses paramètres, l'interprétation retenue et
    /// ses cas de test ; --on : les appels ouverts un jour et les règles qui jugent ce qui est
    /// reçu ce jour-là ; --diff : ce qui change d'une promotion à l'autre ; --html : les pages
    /// texte ↔ code.
    Rules(RulesArgs),
}

#[derive(Debug, clap::Args)]
pub(crate) struct RulesArgs {
    /// Seulement cette promotion (EIG1 … EIG7, DIG1 ; eig3 et EIG 3 sont acceptés).
    #[arg(long, value_name = "PROMOTION")]
    pub(crate) promotion: Option<String>,
    /// Un jour (AAAA-MM-JJ) : les appels ouverts ce jour-là et les règles qui jugent un dossier
    /// ou une candidature reçus ce jour-là.
    #[arg(long, value_name = "AAAA-MM-JJ")]
    pub(crate) on: Option<String>,
    /// Deux promotions : les règles ajoutées, retirées et modifiées de la première à la
    /// seconde, et le calendrier, les bornes, les voies et les paramètres qui changent.
    #[arg(long, num_args = 2, value_names = ["PROMOTION", "PROMOTION"], conflicts_with_all = ["promotion", "on"])]
    pub(crate) diff: Option<Vec<String>>,
    /// Écrit les pages texte ↔ code (HTML) dans ce dossier : chaque texte avec les phrases que
    /// les règles modélisent, chaque règle, la couverture de chaque texte.
    #[arg(long, value_name = "DOSSIER", conflicts_with_all = ["diff", "on", "promotion"])]
    pub(crate) html: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// How to print a result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Un rapport à lire.
    #[default]
    Text,
    /// Le résultat entier pour un programme (montants en chaînes, ordre des champs stable).
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct OutputArgs {
    /// Forme du résultat.
    #[arg(long, value_enum, value_name = "FORME", default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Écrit le résultat dans ce fichier au lieu de la sortie standard.
    #[arg(long, value_name = "FICHIER")]
    pub(crate) output: Option<PathBuf>,
    /// Avec --format json : un JSON indenté, à lire (sans cette option : compact, sur une
    /// ligne).
    #[arg(long)]
    pub(crate) pretty: bool,
}

/// When a result carries its details: `eig match`'s explanations of every placement and every
/// défi, `eig eligibility --format json`'s trace of every decision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum Detail {
    /// Pour une entrée d'au plus 5 000 candidats, ou dossiers et candidatures (un appel EIG en
    /// compte quelques centaines).
    #[default]
    Auto,
    /// Toujours.
    Always,
    /// Jamais : l'affectation, ou les décisions, seules.
    Never,
}

impl Detail {
    /// Most records (candidates of a matching, dossiers and applications of a batch) for which
    /// `auto` gives the details: well above an EIG call (a few hundred), well below the sizes
    /// where they outweigh the result by far (explanations: about 17 times the assignment in
    /// JSON; traces: about 17 times the decisions).
    pub(crate) const AUTO_MAX_RECORDS: usize = 5_000;

    /// Whether a result of `records` records carries its details.
    pub(crate) fn applies(self, records: usize) -> bool {
        match self {
            Detail::Auto => records <= Detail::AUTO_MAX_RECORDS,
            Detail::Always => true,
            Detail::Never => false,
        }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct EligibilityArgs {
    #[command(flatten)]
    pub(crate) file: FileArgs,
    /// Avec --format json : la trace de chaque décision, règle par règle avec ses faits et sa
    /// source (`--trace` seul : always). Sans elle, chaque décision donne sa promotion, son sujet
    /// et son issue, et le résultat est bien plus court.
    #[arg(
        long,
        value_enum,
        value_name = "QUAND",
        default_value_t = Detail::Auto,
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "always"
    )]
    pub(crate) trace: Detail,
}

#[derive(Debug, clap::Args)]
pub(crate) struct RunArgs {
    /// Un fichier de campagne (JSON ; voir `eig schema campaign` et `eig example campaign`) ;
    /// `-` lit l'entrée standard. Sans lui, la campagne intégrée.
    #[arg(value_name = "FICHIER", conflicts_with = "input")]
    pub(crate) file: Option<PathBuf>,
    /// L'ancienne écriture de FICHIER, encore lue ; à abandonner (une remarque le dit sur la sortie
    /// d'erreur).
    #[arg(long, value_name = "FICHIER", hide = true)]
    pub(crate) input: Option<PathBuf>,
    /// Dans le rapport, liste chaque candidat non affecté (le résumé les compte par raison).
    #[arg(long)]
    pub(crate) verbose: bool,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct FileArgs {
    /// Le fichier d'entrée (JSON) ; `-` ou rien lit l'entrée standard.
    #[arg(value_name = "FICHIER")]
    pub(crate) file: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExplainArgs {
    /// Un fichier qui contient `{"dossier": …}` ou `{"candidate": …}` ; `-` ou rien lit l'entrée
    /// standard.
    #[arg(value_name = "FICHIER")]
    pub(crate) file: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct FundingArgs {
    #[command(flatten)]
    pub(crate) file: FileArgs,
    /// Un fichier de scénario qui remplace des paramètres (par ex. une autre part du PIA),
    /// l'arrondi ou la règle d'enveloppe ; le plan liste ce qui a été remplacé. `-` lit l'entrée
    /// standard (les défis viennent alors d'un FICHIER).
    #[arg(long, value_name = "FICHIER")]
    pub(crate) scenario: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct MatchArgs {
    #[command(flatten)]
    pub(crate) file: FileArgs,
    /// La variante la meilleure pour les administrations (les jurys proposent) au lieu de la
    /// meilleure pour les candidats.
    #[arg(long)]
    pub(crate) hosts_propose: bool,
    /// Mode exact pour les équipes minimales : l'affectation stable qui fait vivre le plus de
    /// défis, ou la preuve qu'il n'y en a pas (petits problèmes).
    #[arg(long)]
    pub(crate) exact: bool,
    /// Avec --exact : nombre d'étapes de recherche après lequel la recherche s'arrête et le dit.
    #[arg(long, value_name = "N", default_value_t = 1_000_000, requires = "exact")]
    pub(crate) node_limit: u64,
    /// Graine du tirage au sort qui départage les ex aequo des classements des jurys.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub(crate) seed: u64,
    /// Après l'affectation, les jurys proposent les places restées libres aux candidats non
    /// affectés qu'ils ont classés.
    #[arg(long)]
    pub(crate) offers: bool,
    /// Explique chaque affectation et chaque défi (`--explain` seul : always). Sans les
    /// explications, le résultat est l'affectation seule, bien plus courte.
    #[arg(
        long,
        value_enum,
        value_name = "QUAND",
        default_value_t = Detail::Auto,
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "always"
    )]
    pub(crate) explain: Detail,
}

#[derive(Debug, clap::Args)]
pub(crate) struct HistoryArgs {
    /// Seulement cette promotion (EIG1 … EIG7, DIG1 ; `eig3` et `EIG 3` sont acceptés), avec la
    /// liste de ses défis.
    #[arg(long, value_parser = eig_api::parse_promotion)]
    pub(crate) promotion: Option<Promotion>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct TestArgs {
    /// Des fichiers de cas, ou des dossiers dont les fichiers de cas `.json`, `.yaml` et `.yml`
    /// sont lancés (triés, sous-dossiers compris) ; `-` lit un fichier de cas JSON sur l'entrée
    /// standard. Dans un dossier, un fichier qui ne déclare pas le format (`format:
    /// eig-case/1`) et ne contient aucun cas (un objet avec `expected`) est ignoré, et nommé
    /// avant le résumé.
    #[arg(value_name = "CHEMIN", required = true)]
    pub(crate) paths: Vec<PathBuf>,
    /// Seulement les cas dont le titre contient ce texte, ou qui couvrent une règle dont
    /// l'identifiant commence par lui (`eig3.host`).
    #[arg(long, value_name = "TEXTE")]
    pub(crate) filter: Option<String>,
    /// Écrit aussi un rapport JUnit XML (ce que lisent les tableaux de bord d'intégration
    /// continue) dans ce fichier.
    #[arg(long, value_name = "FICHIER")]
    pub(crate) junit: Option<PathBuf>,
    /// Lance les cas sans source ou sans citation comme des brouillons (ce qu'ils citent est
    /// tout de même vérifié) ; sans cette option, un tel cas échoue pour sa citation.
    #[arg(long)]
    pub(crate) drafts: bool,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct KindArgs {
    /// Quelle forme.
    #[arg(value_name = "FORME", value_parser = kinds())]
    pub(crate) kind: String,
    /// Avec `eig example` : un exemple complet et valable de cette promotion (EIG2 … EIG7 ;
    /// `eig3`, `EIG 3` sont acceptés) pour les formes qui en ont une par promotion ; sans
    /// elle, celui d'EIG3.
    #[arg(long, value_parser = eig_api::parse_promotion)]
    pub(crate) promotion: Option<Promotion>,
    /// Écrit le résultat dans ce fichier au lieu de la sortie standard.
    #[arg(long, value_name = "FICHIER")]
    pub(crate) output: Option<PathBuf>,
    /// Accepté comme par les autres commandes : un schéma et un exemple sont toujours
    /// indentés, pour être lus et recopiés.
    #[arg(long)]
    pub(crate) pretty: bool,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    /// L'adresse d'écoute (127.0.0.1 : cette machine seulement ; 0.0.0.0 : toutes les
    /// interfaces).
    #[arg(long, value_name = "ADRESSE", default_value = "127.0.0.1")]
    pub(crate) bind: std::net::IpAddr,
    /// Le port d'écoute (0 : un port libre, affiché sur la sortie d'erreur).
    #[arg(long, value_name = "PORT", default_value_t = 8080)]
    pub(crate) port: u16,
    /// La plus grande taille de corps de requête acceptée, en octets.
    #[arg(long, value_name = "OCTETS", default_value_t = 2 * 1024 * 1024)]
    pub(crate) body_limit: usize,
    /// Le temps qu'une requête peut prendre, en secondes (lecture du corps, attente, calcul).
    #[arg(long, value_name = "SECONDES", default_value_t = 10)]
    pub(crate) timeout: u64,
    /// Combien de requêtes sont calculées à la fois (les autres attendent, dans le délai).
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub(crate) concurrency: usize,
    /// La mémoire que les requêtes en cours peuvent occuper ensemble, en Mio : chaque requête
    /// en réserve huit fois la taille de son corps (plus 256 Kio) avant d'être lue, et attend
    /// de la place dans le délai.
    #[arg(long, value_name = "MIO", default_value_t = 512,
          value_parser = clap::value_parser!(u64).range(1..=1_048_576))]
    pub(crate) memory_budget: u64,
    /// Le plus grand `node_limit` du mode exact qu'une requête peut demander.
    #[arg(long, value_name = "N", default_value_t = eig_api::MAX_NODE_LIMIT,
          value_parser = clap::value_parser!(u64).range(1..=eig_api::MAX_NODE_LIMIT))]
    pub(crate) max_nodes: u64,
    /// Après SIGTERM ou Ctrl-C : le temps laissé aux requêtes en cours pour finir, en
    /// secondes ; ensuite les calculs encore en cours sont arrêtés (réponse 503) et le
    /// processus s'arrête.
    #[arg(long, value_name = "SECONDES", default_value_t = 10)]
    pub(crate) grace: u64,
}

/// The kinds of `eig schema` and `eig example`: the shapes of eig-api's table.
fn kinds() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        eig_api::shapes()
            .iter()
            .map(|shape| clap::builder::PossibleValue::new(shape.kind).help(shape.summary)),
    )
}
