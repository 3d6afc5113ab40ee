//! The mutual-aid cases every benchmark and peer comparison decides: drawn
//! with a fixed seed, so that gonghui, the plain function, ZEN and OpenFisca
//! all see exactly the same million cases, written in each one's own form.
//!
//! Included by `crates/gonghui/benches/decide.rs` and by
//! `benches/peers/src/main.rs` (one home for the generator).

#![allow(dead_code)]

use gonghui::mutual_aid::MutualAidFacts;
use gonghui::{Chain, Cluster, Fen, KeyIndustries, Year, YearSet};

/// The seed of every run: the same cases on every machine.
pub const SEED: u64 = 0x1269_2023_0000_0001;

/// Enrolment years are drawn from this year on; bit `i` of
/// [`Case::enrolled`] is the year `FIRST_YEAR + i`.
pub const FIRST_YEAR: u16 = 2020;

/// One mutual-aid case in the plainest form: bit sets and numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Case {
    /// Bit `c` is `Chain::ALL[c]`.
    pub chains: u16,
    /// Bit `c` is `Cluster::ALL[c]`.
    pub clusters: u8,
    /// Bit `i` is the year `FIRST_YEAR + i` (2020–2027).
    pub enrolled: u8,
    /// The year asked about, 2022–2027 (some outside the period).
    pub year: u16,
    /// The premium in fen, 0–2,999,999 (every parity, so that halves occur).
    pub premium: u64,
}

/// xorshift64*: the same draws on every machine, no crate needed.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// `n` cases of mixed years: most enterprises in a chain or cluster, most
/// enrolled without a break from some year, some with a break, some enrolled
/// before 2023, some never, some asking about a year outside 2023–2026.
pub fn generate(n: usize) -> Vec<Case> {
    let mut draw = Draw(SEED);
    (0..n)
        .map(|_| {
            let (mut chains, mut clusters) = (0u16, 0u8);
            if draw.chance(80) {
                chains |= 1 << draw.below(Chain::ALL.len() as u64);
                if draw.chance(20) {
                    clusters |= 1 << draw.below(Cluster::ALL.len() as u64);
                }
            } else if draw.chance(50) {
                clusters |= 1 << draw.below(Cluster::ALL.len() as u64);
            }
            let year = 2022 + draw.below(6) as u16;
            let enrolled = if draw.chance(5) {
                0
            } else {
                let join = 2021 + draw.below(6) as u16;
                let last = if draw.chance(85) {
                    year
                } else {
                    year.saturating_sub(1)
                };
                let mut bits = 0u8;
                for y in join..=last.max(join) {
                    bits |= 1 << (y - FIRST_YEAR);
                }
                if draw.chance(10) {
                    bits &= !(1 << (join + 1 - FIRST_YEAR));
                }
                bits
            };
            Case {
                chains,
                clusters,
                enrolled,
                year,
                premium: draw.below(3_000_000),
            }
        })
        .collect()
}

impl Case {
    /// The enrolment years, in order.
    pub fn years(&self) -> impl Iterator<Item = u16> + '_ {
        (0..8)
            .filter(|i| self.enrolled & (1 << i) != 0)
            .map(|i| FIRST_YEAR + i)
    }

    /// The chain and cluster codes.
    pub fn codes(&self) -> (Vec<&'static str>, Vec<&'static str>) {
        let chains = (0..Chain::ALL.len())
            .filter(|c| self.chains & (1 << c) != 0)
            .map(|c| Chain::ALL[c].code())
            .collect();
        let clusters = (0..Cluster::ALL.len())
            .filter(|c| self.clusters & (1 << c) != 0)
            .map(|c| Cluster::ALL[c].code())
            .collect();
        (chains, clusters)
    }

    /// The typed facts of gonghui's API.
    pub fn facts(&self) -> MutualAidFacts {
        let y = |n: u16| Year::new(n).expect("a year of the generator");
        let (chains, clusters): (Vec<Chain>, Vec<Cluster>) = (
            (0..Chain::ALL.len())
                .filter(|c| self.chains & (1 << c) != 0)
                .map(|c| Chain::ALL[c])
                .collect(),
            (0..Cluster::ALL.len())
                .filter(|c| self.clusters & (1 << c) != 0)
                .map(|c| Cluster::ALL[c])
                .collect(),
        );
        MutualAidFacts {
            industries: KeyIndustries::new(chains, clusters),
            enrolled_years: YearSet::new(self.years().map(y)),
            year: y(self.year),
            premium: Fen::new(self.premium).expect("a premium of the generator"),
        }
    }

    /// The request of the contract, as one line of JSON; half in English.
    pub fn request(&self, n: usize) -> String {
        let (chains, clusters) = self.codes();
        let quoted = |codes: Vec<&str>| {
            codes
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(",")
        };
        let years: Vec<String> = self.years().map(|y| y.to_string()).collect();
        format!(
            concat!(
                r#"{{"id":"case-{}","question":"mutual_aid_subsidy","lang":"{}","#,
                r#""facts":{{"chains":[{}],"clusters":[{}],"enrolled_years":[{}],"#,
                r#""year":{},"premium_fen":{}}}}}"#
            ),
            n,
            if n % 2 == 0 { "zh" } else { "en" },
            quoted(chains),
            quoted(clusters),
            years.join(","),
            self.year,
            self.premium,
        )
    }
}

/// The floor: the mutual-aid rule as a plain Rust function over the plainest
/// data (bit sets of chains, clusters and enrolment years), with the 2023–2026
/// rates written in and 64-bit arithmetic (the generator's premiums cannot
/// overflow it). No explanation, no parameters, no overrides, no checks of the
/// input: the least a straightforward implementation of the rule does.
#[inline(never)]
pub fn floor(c: &Case) -> u64 {
    let rate: u64 = match c.year {
        2023 | 2024 => 5_000,
        2025 => 4_000,
        2026 => 3_000,
        _ => return 0,
    };
    // Enrolment up to the year; no enrolment before 2023 (bits 0–2), and every
    // year enrolled from the first through the year asked about.
    let through = (1u32 << (c.year - FIRST_YEAR + 1)) - 1;
    let upto = u32::from(c.enrolled) & through;
    let first = upto & upto.wrapping_neg();
    if (c.chains == 0 && c.clusters == 0) || upto == 0 || c.enrolled & 0b111 != 0 {
        return 0;
    }
    if upto != through - (first - 1) {
        return 0;
    }
    (c.premium * rate + 5_000) / 10_000
}

/// The same rule without a branch: every condition a 0 or 1 multiplied in,
/// the rate looked up by year. Random cases make the branches of [`floor`]
/// (and of any per-case code) unpredictable; this shows what a decision costs
/// when none is taken, the headroom of a batch API.
#[inline(never)]
pub fn floor_branchless(c: &Case) -> u64 {
    const RATES: [u64; 8] = [0, 0, 0, 5_000, 5_000, 4_000, 3_000, 0];
    let offset = c.year.wrapping_sub(FIRST_YEAR);
    let in_range = u64::from(offset < 8);
    let i = usize::from(offset & 7);
    let through = (1u32 << (i + 1)) - 1;
    let upto = u32::from(c.enrolled) & through;
    let first = upto & upto.wrapping_neg();
    let eligible = in_range
        & u64::from((c.chains != 0) | (c.clusters != 0))
        & u64::from(upto != 0)
        & u64::from(c.enrolled & 0b111 == 0)
        & u64::from(upto == through.wrapping_sub(first.wrapping_sub(1)));
    (c.premium * RATES[i] * eligible + 5_000) / 10_000
}
