//! A batch of records: one result per record, in order, an error naming its record.

use eig_eligibility::{Outcome, Subject, evaluate_candidates, evaluate_dossiers};

use crate::{candidate, dossier};

/// A batch gives one result per record, in order; a record that cannot be judged names its
/// position and subject, and its text shows both and the error.
#[test]
fn batches_give_one_result_per_record() {
    let results = evaluate_dossiers(&[dossier("EIG3"), dossier("DIG1"), dossier("EIG1")]);
    assert_eq!(results.len(), 3);
    assert!(matches!(results[0].as_ref().map(|d| &d.outcome), Ok(Outcome::Ineligible { .. })));
    for (index, id) in [(1, "d-DIG1"), (2, "d-EIG1")] {
        let error = results[index].as_ref().unwrap_err();
        assert_eq!(error.index, index);
        assert_eq!(error.subject, Subject::Dossier(id.to_owned()));
        assert_eq!(error.error.code(), "no_published_rules");
        let shown = error.to_string();
        assert!(shown.contains(id) && shown.contains(&index.to_string()), "{shown}");
        assert!(shown.contains(&error.error.to_string()), "{shown}");
    }

    let results = evaluate_candidates(&[candidate("DIG1"), candidate("EIG2")]);
    assert_eq!(results.len(), 2);
    let error = results[0].as_ref().unwrap_err();
    assert_eq!((error.index, &error.subject), (0, &Subject::Candidate("c-DIG1".to_owned())));
    assert!(error.to_string().contains("c-DIG1"));
    assert_eq!(
        results[1].as_ref().unwrap().outcome,
        Outcome::Eligible { funding_route: None },
        "EIG2 candidate who satisfies every rule"
    );
}
