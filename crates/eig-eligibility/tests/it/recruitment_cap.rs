//! The EIG7 cap of 30 recruitments: what remains under it, by how much a count is over.

use eig_eligibility::{RecruitmentCap, eig7_recruitment_cap};

/// What remains under the EIG7 cap of 30 recruitments in 2024 is 30 minus the recruitments.
#[test]
fn eig7_cap_remaining() {
    for (recruited, left) in [(0, 30), (12, 18), (29, 1)] {
        let RecruitmentCap::Open { cap, remaining, .. } = eig7_recruitment_cap(2024, recruited)
        else {
            panic!("{recruited} recruitments are under the cap");
        };
        assert_eq!((cap, remaining), (30, left), "{recruited} recruited");
    }
}

/// A count above the EIG7 cap says by how much it is over; exactly 30 is reached.
#[test]
fn eig7_cap_over() {
    assert!(matches!(eig7_recruitment_cap(2024, 30), RecruitmentCap::Reached { cap: 30, .. }));
    for (recruited, by) in [(31, 1), (40, 10), (u32::MAX, u32::MAX - 30)] {
        let RecruitmentCap::Exceeded { cap, over, .. } = eig7_recruitment_cap(2024, recruited)
        else {
            panic!("{recruited} recruitments are over the cap");
        };
        assert_eq!((cap, over), (30, by), "{recruited} recruited");
    }
}
