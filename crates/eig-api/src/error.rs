//! What an operation answers when it cannot answer: an error with a stable code, the JSON
//! path of the value in error and a French message.

use std::fmt;

/// The kinds of error, each with its HTTP status and its exit code.
///
/// # Example
/// ```
/// use eig_api::ErrorKind;
///
/// assert_eq!(ErrorKind::Syntax.status(), 400);
/// assert_eq!(ErrorKind::Unjudgeable.exit_code(), 5);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not JSON (or is empty).
    Syntax,
    /// The JSON does not have the operation's shape, or a value in it is invalid.
    Invalid,
    /// The input is well formed but the rules cannot judge it: a promotion without published
    /// rules, two exceptions the texts do not order, a route the promotion does not open.
    Unjudgeable,
    /// A query parameter (an option of the command) is invalid.
    Parameter,
    /// The caller stopped the computation before it ended ([`crate::Request::interruptible`]):
    /// a service's request that outlived its timeout, a process shutting down. Not a property
    /// of the input: the same request without the stop answers.
    Interrupted,
}

impl ErrorKind {
    /// Every kind, in the order of their declaration: what a binding derives its exception
    /// classes from (the Python package raises one class per kind).
    ///
    /// # Example
    /// ```
    /// use eig_api::ErrorKind;
    ///
    /// assert_eq!(ErrorKind::ALL.len(), 5);
    /// assert_eq!(ErrorKind::ALL[0], ErrorKind::Syntax);
    /// ```
    pub const ALL: [ErrorKind; 5] = [
        ErrorKind::Syntax,
        ErrorKind::Invalid,
        ErrorKind::Unjudgeable,
        ErrorKind::Parameter,
        ErrorKind::Interrupted,
    ];

    /// The HTTP status of a problem of this kind: 400 for what is not even readable (syntax,
    /// parameters), 422 for a readable request the operation refuses.
    pub const fn status(self) -> u16 {
        match self {
            ErrorKind::Syntax | ErrorKind::Parameter => 400,
            ErrorKind::Invalid | ErrorKind::Unjudgeable => 422,
            ErrorKind::Interrupted => 503,
        }
    }

    /// The exit code of the `eig` command for an error of this kind: 1 the input is
    /// unreadable or invalid, 2 a usage error (an option), 5 the rules cannot judge this
    /// state (4 is kept for a result written while some records were not judged).
    pub const fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Syntax | ErrorKind::Invalid => 1,
            ErrorKind::Parameter => 2,
            ErrorKind::Unjudgeable => 5,
            ErrorKind::Interrupted => 3,
        }
    }

    /// The last part of a problem document's `type` URI (`urn:eig:problem:<kind>`).
    pub const fn problem_type(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "invalid-json",
            ErrorKind::Invalid => "invalid-input",
            ErrorKind::Unjudgeable => "unjudgeable",
            ErrorKind::Parameter => "invalid-parameter",
            ErrorKind::Interrupted => "timeout",
        }
    }
}

/// Why an operation gives no answer: its [`ErrorKind`], a stable `snake_case` code
/// (documented in `docs/errors.md`; the rule crates' own codes where they decided), the JSON
/// path of the value in error (`$.dossiers[3].hosts`, or `?name` for a parameter), for a
/// syntax error its line and column, and the message in French.
///
/// Its `Display` is the message with its place (`à $.defis[0] : …`); the command puts the
/// input's name before it, the service puts it in a problem document.
///
/// # Example
/// ```
/// use eig_api::{ErrorKind, parse};
///
/// let err = parse::<eig_api::EligibilityInput>("{\"dossiers\": 3}").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Invalid);
/// assert_eq!(err.code(), "invalid_input");
/// assert_eq!(err.path(), Some("$.dossiers"));
/// assert!(err.to_string().starts_with("à $.dossiers : "));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    kind: ErrorKind,
    code: &'static str,
    path: Option<String>,
    position: Option<(usize, usize)>,
    message: String,
    /// Whether `Display` puts the path before the message (not when the message names its
    /// places itself).
    path_in_message: bool,
}

impl ApiError {
    /// An error of `kind` with its stable `code` and French `message`.
    ///
    /// # Example
    /// ```
    /// use eig_api::{ApiError, ErrorKind};
    ///
    /// let err = ApiError::new(ErrorKind::Unjudgeable, "no_published_rules", "pas de règles");
    /// assert_eq!(err.to_string(), "pas de règles");
    /// ```
    pub fn new(kind: ErrorKind, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            kind,
            code,
            path: None,
            position: None,
            message: message.into(),
            path_in_message: true,
        }
    }

    /// The same error about the value at `path` (a JSON path, or `?name`).
    ///
    /// # Example
    /// ```
    /// use eig_api::{ApiError, ErrorKind};
    ///
    /// let err = ApiError::new(ErrorKind::Invalid, "invalid_input", "non").at("$.x");
    /// assert_eq!(err.to_string(), "à $.x : non");
    /// ```
    #[must_use]
    pub fn at(self, path: impl Into<String>) -> ApiError {
        ApiError { path: Some(path.into()), ..self }
    }

    /// The same error, whose `Display` puts its path before the message or not.
    pub(crate) fn with_path_in_message(self, shown: bool) -> ApiError {
        ApiError { path_in_message: shown, ..self }
    }

    /// The same error with another stable code.
    pub(crate) fn with_code(self, code: &'static str) -> ApiError {
        ApiError { code, ..self }
    }

    /// A syntax error at `line` and `column` (from 1).
    pub(crate) fn syntax(code: &'static str, line: usize, column: usize, message: String) -> Self {
        ApiError {
            kind: ErrorKind::Syntax,
            code,
            path: None,
            position: Some((line, column)),
            message,
            path_in_message: false,
        }
    }

    /// A query parameter (an option) `name` that is invalid.
    ///
    /// # Example
    /// ```
    /// let err = eig_api::ApiError::parameter("seed", "pas un nombre");
    /// assert_eq!((err.code(), err.path()), ("invalid_parameter", Some("?seed")));
    /// ```
    pub fn parameter(name: &str, message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorKind::Parameter, "invalid_parameter", message).at(format!("?{name}"))
    }

    /// The kind.
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The stable code (`invalid_json`, `no_published_rules`, `route_not_open`…).
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The JSON path of the value in error, or `?name` for a parameter.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// For a syntax error, its line and column (from 1).
    pub const fn position(&self) -> Option<(usize, usize)> {
        self.position
    }

    /// The French message, without its place.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.position, &self.path) {
            (Some((line, column)), _) => {
                write!(f, "{line}:{column} : JSON non valable : {}", self.message)
            }
            (None, Some(path)) if self.path_in_message && !path.starts_with('?') => {
                write!(f, "à {path} : {}", self.message)
            }
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// The error of an eligibility function that could not judge the record at `path`: its
    /// code is the rule crate's.
    ///
    /// # Example
    /// ```
    /// let err = eig_eligibility::rule_set(eig_domain::Promotion::Eig1).unwrap_err();
    /// let err = eig_api::ApiError::from_eligibility(&err, "$.dossier");
    /// assert_eq!((err.code(), err.path()), ("no_published_rules", Some("$.dossier")));
    /// ```
    pub fn from_eligibility(err: &eig_eligibility::EligibilityError, path: &str) -> ApiError {
        eligibility(err, path)
    }

    /// The error of a funding plan of `input`: about a défi (at its path in `defis`, under
    /// `root`), or the whole promotion; its code is the rule crate's.
    ///
    /// # Example
    /// ```
    /// let mut input = eig_api::fixtures::promotion_input(eig_domain::Promotion::Eig7)?;
    /// input.defis[0].route = eig_domain::FundingRoute::Direct;
    /// let err = eig_funding::plan_promotion(&input, &Default::default()).unwrap_err();
    /// let err = eig_api::ApiError::from_funding(&err, &input, "$");
    /// assert_eq!((err.code(), err.path()), ("route_not_open", Some("$.defis[0]")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_funding(
        err: &eig_funding::FundingError,
        input: &eig_funding::PromotionInput,
        root: &str,
    ) -> ApiError {
        funding(err, input, root)
    }

    /// The error of a whole call: the code of the step that refused.
    pub fn from_campaign(err: &eig_campaign::CampaignError) -> ApiError {
        campaign(err)
    }
}

/// The error of an eligibility function that could not judge the record at `path`.
pub(crate) fn eligibility(err: &eig_eligibility::EligibilityError, path: &str) -> ApiError {
    ApiError::new(eligibility_kind(err), err.code(), err.to_string()).at(path)
}

/// What the rules cannot judge (no published rules, exceptions the texts do not order,
/// another promotion's record, no grid) against what the input got wrong (a score out of
/// the scale, a sheet of the wrong size, a date out of range).
fn eligibility_kind(err: &eig_eligibility::EligibilityError) -> ErrorKind {
    match err.code() {
        "no_published_rules"
        | "conflicting_exceptions"
        | "promotion_mismatch"
        | "no_candidate_grid" => ErrorKind::Unjudgeable,
        _ => ErrorKind::Invalid,
    }
}

/// The error of a funding plan: about a défi (at its path in `defis`, under `root`), or the
/// whole promotion.
pub(crate) fn funding(
    err: &eig_funding::FundingError,
    input: &eig_funding::PromotionInput,
    root: &str,
) -> ApiError {
    let index = err.defi().and_then(|defi| input.defis.iter().position(|d| &d.defi == defi));
    let error = ApiError::new(funding_kind(err), err.code(), err.to_string());
    match index {
        Some(index) => error.at(format!("{root}.defis[{index}]")),
        None => error,
    }
}

/// What the rules forbid (a route the promotion or the host's kind does not open, a team
/// above the stated maximum, a promotion whose funding no text states) against what the
/// input got wrong or left out (a talent twice, a cost or a length missing).
fn funding_kind(err: &eig_funding::FundingError) -> ErrorKind {
    match err.code() {
        "no_rule_stated"
        | "route_not_open"
        | "route_not_open_to_host"
        | "administrative_carrier_missing"
        | "team_too_large"
        | "parameter_missing" => ErrorKind::Unjudgeable,
        _ => ErrorKind::Invalid,
    }
}

/// The error of a whole call: the code and the kind of the step that refused, the same as that
/// step's own operation gives (a jury sheet's score out of the scale is invalid input in
/// `selectLaureates` and in `runCall` alike).
pub(crate) fn campaign(err: &eig_campaign::CampaignError) -> ApiError {
    use eig_campaign::CampaignError;
    let (kind, code) = match err {
        CampaignError::JurySheet(err) => (eligibility_kind(err), err.code()),
        CampaignError::Funding(err) => (funding_kind(err), err.code()),
        CampaignError::HandOff(_) => (ErrorKind::Unjudgeable, "hand_off"),
        CampaignError::Matching(_) => (ErrorKind::Unjudgeable, "invalid_matching_problem"),
        CampaignError::Assignment(_) => (ErrorKind::Unjudgeable, "verification_failed"),
        // A withdrawal names a field of the input that is wrong for the promotion or the
        // selection.
        CampaignError::Withdrawal(err) => (ErrorKind::Invalid, err.code()),
        _ => (ErrorKind::Unjudgeable, "campaign"),
    };
    // A withdrawal's path is the error's own (`$.jury_withdrawals[i].field`, given by the
    // caller): the message does not repeat it.
    let message = match err {
        CampaignError::Withdrawal(withdrawal) => {
            format!("retrait d'un défi par le jury : {withdrawal}")
        }
        _ => err.to_string(),
    };
    ApiError::new(kind, code, message)
}

#[cfg(test)]
mod tests {
    use super::ErrorKind;

    /// A whole call's error has the kind its step's own operation gives: a jury sheet's score
    /// out of the scale is invalid input, a promotion with no grid cannot be judged, a route
    /// the promotion does not open cannot be judged.
    #[test]
    fn a_campaign_error_has_its_steps_kind() {
        use eig_campaign::CampaignError;
        use eig_domain::{DefiId, FundingRoute, Promotion};
        use eig_eligibility::EligibilityError;
        let defi = DefiId::try_from("d1".to_owned()).unwrap();
        let out_of_scale =
            EligibilityError::ScoreOutOfScale { defi: defi.clone(), score: 9, min: 1, max: 4 };
        assert_eq!(super::eligibility_kind(&out_of_scale), ErrorKind::Invalid);
        let sheet = super::campaign(&CampaignError::JurySheet(out_of_scale));
        assert_eq!((sheet.kind, sheet.code), (ErrorKind::Invalid, "score_out_of_scale"));
        let no_rules = EligibilityError::NoPublishedRules { promotion: Promotion::Eig1, scope: "" };
        let no_rules = super::campaign(&CampaignError::JurySheet(no_rules));
        assert_eq!(no_rules.kind, ErrorKind::Unjudgeable);
        let route = eig_funding::FundingError::RouteNotOpen {
            defi,
            promotion: Promotion::Eig7,
            route: FundingRoute::Direct,
        };
        assert_eq!(super::campaign(&CampaignError::Funding(route)).kind, ErrorKind::Unjudgeable);
    }

    /// `ErrorKind::ALL` holds every kind once, in order: a new kind that is not in it fails to
    /// compile here (the match has no catch-all).
    #[test]
    fn every_kind_is_in_all() {
        let position = |kind: ErrorKind| match kind {
            ErrorKind::Syntax => 0,
            ErrorKind::Invalid => 1,
            ErrorKind::Unjudgeable => 2,
            ErrorKind::Parameter => 3,
            ErrorKind::Interrupted => 4,
        };
        for (index, kind) in ErrorKind::ALL.into_iter().enumerate() {
            assert_eq!(position(kind), index);
        }
    }
}
