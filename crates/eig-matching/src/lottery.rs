//! The seeded lottery that breaks ties in the juries' rankings.
//!
//! One lottery for the whole matching (*single tie-breaking*, Abdulkadiroğlu, Pathak, Roth
//! 2009): a uniformly random order of all candidates, drawn by a Fisher–Yates shuffle of the
//! candidates sorted by id, fed by `SplitMix64` (Steele, Lea, Flood 2014). Within a tie group,
//! a jury prefers the candidate drawn earlier. Same seed and same candidates ⇒ same order.

/// `SplitMix64`: a 64-bit generator with a 64-bit state, the output function of Java's
/// `SplittableRandom` (Steele, Lea, Flood, OOPSLA 2014). Not cryptographic: a lottery whose
/// seed is published must be drawn openly, not guessed.
///
/// # Example
/// ```
/// use eig_matching::SplitMix64;
///
/// let mut a = SplitMix64::new(7);
/// let mut b = SplitMix64::new(7);
/// assert_eq!(a.next_u64(), b.next_u64());
/// // The reference sequence for seed 0 (Vigna's splitmix64.c).
/// assert_eq!(SplitMix64::new(0).next_u64(), 0xe220_a839_7b1d_cdaf);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator seeded with `seed`.
    ///
    /// # Example
    /// ```
    /// use eig_matching::SplitMix64;
    ///
    /// // The state is the seed: a published seed lets anyone redraw the lottery.
    /// assert_eq!(SplitMix64::new(2018), SplitMix64::new(2018));
    /// assert_ne!(SplitMix64::new(2018).next_u64(), SplitMix64::new(2019).next_u64());
    /// ```
    pub const fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    ///
    /// # Example
    /// ```
    /// use eig_matching::SplitMix64;
    ///
    /// let mut rng = SplitMix64::new(1_234_567);
    /// // Vigna's splitmix64.c, seed 1234567: the first two outputs.
    /// assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
    /// assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
    /// ```
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform integer in `0..bound` (Lemire's multiply-shift with rejection, so exactly
    /// uniform); 0 when `bound` is 0.
    ///
    /// # Example
    /// ```
    /// use eig_matching::SplitMix64;
    ///
    /// let mut rng = SplitMix64::new(7);
    /// let die: Vec<u64> = (0..100).map(|_| rng.below(6)).collect();
    /// assert!(die.iter().all(|&face| face < 6));
    /// assert!((0..6).all(|face| die.contains(&face)));
    /// assert_eq!(rng.below(0), 0);
    /// ```
    pub fn below(&mut self, bound: u64) -> u64 {
        if bound == 0 {
            return 0;
        }
        let threshold = bound.wrapping_neg() % bound;
        loop {
            let product = u128::from(self.next_u64()) * u128::from(bound);
            #[expect(clippy::cast_possible_truncation, reason = "the low 64 bits, on purpose")]
            let low = product as u64;
            if low >= threshold {
                return (product >> 64) as u64;
            }
        }
    }
}

/// Position of each candidate in the lottery draw: `draw[c]` is 0 for the first drawn.
pub(crate) fn draw(candidates: usize, seed: u64) -> Vec<u32> {
    let mut order: Vec<u32> = (0..candidates).map(|c| u32::try_from(c).unwrap_or(0)).collect();
    let mut rng = SplitMix64::new(seed);
    for i in (1..order.len()).rev() {
        let j = usize::try_from(rng.below(i as u64 + 1)).unwrap_or(0);
        order.swap(i, j);
    }
    let mut position = vec![0; candidates];
    for (p, &c) in order.iter().enumerate() {
        position[c as usize] = u32::try_from(p).unwrap_or(0);
    }
    position
}

#[cfg(test)]
mod tests;
