//! The share of key-industry candidates in city and county model-worker and
//! May-1 award selections (C5; POLICY I1, I8).

use crate::Clause;
use crate::policy::Parameters;
use crate::share::{Share, ShareDecision, ShareRule};

/// The facts of a `nomination_share` question: of `total` candidates, how
/// many come from the chains and clusters.
pub type NominationFacts = Share;

/// C5 in words.
const RULE: ShareRule = ShareRule {
    rule: "nomination.share",
    clause: Clause::C5,
    zh: [
        "名候选对象",
        "来自重点产业链和先进制造业集群",
        "名",
        "没有候选对象",
    ],
    en: [
        "candidates",
        "come from the chains and clusters",
        "No candidates",
    ],
};

/// Decides a `nomination_share` question (C5; I1, I8): at least ⌈30% × N⌉
/// of N candidates from the chains and clusters.
pub fn decide(params: &Parameters, facts: &NominationFacts) -> ShareDecision {
    ShareDecision::new(*facts, params.nomination_min_share, RULE)
}
