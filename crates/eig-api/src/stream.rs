//! Answers written while they are computed: a batch's decisions serialized record by record,
//! so that neither the decisions nor their JSON text are ever held whole.

use std::cell::RefCell;

use serde::{Serialize, ser::SerializeStruct as _};

use crate::{EligibilityInput, RecordAnswer, candidates_judged, dossiers_judged, french};

/// The answer of `decideEligibility` ([`crate::EligibilityOutput`]'s JSON, field for field),
/// decided while it is serialized: each record is judged, written and dropped in turn, a chunk
/// at a time. Serializing a batch therefore holds its input and one chunk of decisions, not
/// every decision and not the whole text: what `eig eligibility --format json` and
/// `POST /v1/eligibility` write on a batch of any size.
///
/// Each serialization decides the records anew, and notes the lines naming those that could
/// not be judged ([`EligibilityAnswer::not_judged`]).
///
/// # Example
/// ```
/// use eig_api::{EligibilityAnswer, EligibilityInput, fixtures};
/// use eig_domain::Promotion;
///
/// let input = EligibilityInput::new(vec![fixtures::dossier(Promotion::Eig3)?], vec![]);
/// let collected = serde_json::to_string(&eig_api::decide_eligibility(&input))?;
/// let answer = EligibilityAnswer::new(input, true);
/// assert_eq!(serde_json::to_string(&answer)?, collected);
/// assert!(answer.not_judged().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct EligibilityAnswer {
    input: EligibilityInput,
    traced: bool,
    not_judged: RefCell<Vec<String>>,
}

impl EligibilityAnswer {
    /// The answer to `input`; with `traced` false each decision is [`RecordAnswer::brief`] (its
    /// promotion, subject and outcome, without the trace).
    pub fn new(input: EligibilityInput, traced: bool) -> EligibilityAnswer {
        EligibilityAnswer { input, traced, not_judged: RefCell::new(Vec::new()) }
    }

    /// The records of the input.
    pub fn input(&self) -> &EligibilityInput {
        &self.input
    }

    /// Once serialized (or written in French), the line naming each record that could not be
    /// judged (`à $.dossiers[3] : …`), in the input's order.
    pub fn not_judged(&self) -> Vec<String> {
        self.not_judged.borrow().clone()
    }

    /// The input, for a caller that is done with the answer.
    pub fn into_input(self) -> EligibilityInput {
        self.input
    }

    /// A record's result as it is shown, its line noted when it was not judged.
    fn noted(&self, (judged, line): (RecordAnswer, Option<String>)) -> RecordAnswer {
        self.not_judged.borrow_mut().extend(line);
        if self.traced { judged } else { judged.brief() }
    }

    /// The dossiers' results in turn.
    fn dossiers(&self) -> impl Iterator<Item = RecordAnswer> + '_ {
        dossiers_judged(&self.input.dossiers).map(|result| self.noted(result))
    }

    /// The applications' results in turn.
    fn candidates(&self) -> impl Iterator<Item = RecordAnswer> + '_ {
        candidates_judged(&self.input.candidates).map(|result| self.noted(result))
    }

    /// One French line per record, decided in turn (`eig eligibility` without `--format
    /// json`).
    ///
    /// # Example
    /// ```
    /// use eig_api::{EligibilityAnswer, EligibilityInput, fixtures};
    ///
    /// let input = EligibilityInput::new(vec![fixtures::dossier(eig_domain::Promotion::Eig3)?], vec![]);
    /// assert!(EligibilityAnswer::new(input, false).to_french().contains("éligible"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_french(&self) -> String {
        self.not_judged.borrow_mut().clear();
        let mut text = String::new();
        for judged in self.dossiers().chain(self.candidates()) {
            text.push_str(&french::judged_line(&judged));
            text.push('\n');
        }
        text
    }
}

/// A sequence serialized from an iterator, once.
struct Lazy<I>(RefCell<Option<I>>);

impl<I: Iterator<Item = RecordAnswer>> Serialize for Lazy<I> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.borrow_mut().take().into_iter().flatten())
    }
}

impl Serialize for EligibilityAnswer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.not_judged.borrow_mut().clear();
        // The fields of `EligibilityOutput`, in its order.
        let mut output = serializer.serialize_struct("EligibilityOutput", 2)?;
        output.serialize_field("dossiers", &Lazy(RefCell::new(Some(self.dossiers()))))?;
        output.serialize_field("candidates", &Lazy(RefCell::new(Some(self.candidates()))))?;
        output.end()
    }
}
