//! The jury's withdrawals: each ground's sentence is verbatim in the section it cites, and a
//! ground is given only where the promotion's call gives it.

use eig_campaign::WithdrawalGround;
use eig_domain::Promotion;

const GROUNDS: [WithdrawalGround; 3] = [
    WithdrawalGround::InsufficientCandidates,
    WithdrawalGround::NoSatisfactorySolution,
    WithdrawalGround::CommitmentNotKept,
];

/// Each sentence a withdrawal quotes (AAC2 art. 3, AAC3 art. 6.5, AAC4 art. 6.5 and art. 7,
/// AAC5 and AAC6 art. 5.6 and art. 6) is in its section, word for word.
#[test]
fn every_ground_quotes_its_section_verbatim() {
    let mut found = Vec::new();
    for promotion in Promotion::ALL {
        for ground in GROUNDS {
            let (Some(source), Some(sentence)) =
                (ground.source(promotion), ground.sentence(promotion))
            else {
                assert!(ground.sentence(promotion).is_none(), "{promotion} {ground:?}");
                continue;
            };
            eig_sources::check_quote_in_section(source.document, &source.locator, sentence)
                .unwrap_or_else(|err| panic!("{promotion} {ground:?} ({source}): {err}"));
            found.push((promotion, ground));
        }
    }
    // The texts' grounds, promotion by promotion: AAC2 the number of candidates; AAC3 no
    // satisfactory solution; AAC4–AAC6 both of the later calls; EIG1, DIG1 and REG7 none.
    assert_eq!(
        found,
        [
            (Promotion::Eig2, WithdrawalGround::InsufficientCandidates),
            (Promotion::Eig3, WithdrawalGround::NoSatisfactorySolution),
            (Promotion::Eig4, WithdrawalGround::NoSatisfactorySolution),
            (Promotion::Eig4, WithdrawalGround::CommitmentNotKept),
            (Promotion::Eig5, WithdrawalGround::NoSatisfactorySolution),
            (Promotion::Eig5, WithdrawalGround::CommitmentNotKept),
            (Promotion::Eig6, WithdrawalGround::NoSatisfactorySolution),
            (Promotion::Eig6, WithdrawalGround::CommitmentNotKept),
        ]
    );
}
