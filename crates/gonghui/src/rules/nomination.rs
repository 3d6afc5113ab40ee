//! The share of key-industry candidates in city and county model-worker and
//! May-1 award selections (C5; POLICY I1, I8).

use super::share::{Share, ShareRule, share_question};
use crate::vocab::Clause;

/// The facts of a `nomination_share` question: of all candidates (`total`),
/// those from the chains and clusters (`from_key_industries`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NominationFacts(pub Share);

/// C5 in words.
const RULE: ShareRule = ShareRule {
    rule: "nomination.share",
    clause: Clause::C5,
    zh: [
        "名候选对象",
        "来自重点产业链和先进制造业集群",
        "名",
        "没有候选对象",
        "要求占比不低于",
        "",
    ],
    en: [
        "candidates",
        "come from the chains and clusters",
        "No candidates",
        " requires a share of at least ",
        "",
    ],
};

// Decided (C5; I1, I8): at least ⌈30% × N⌉ of N candidates from the chains
// and clusters.
share_question!(
    NominationFacts, "nomination_share", "劳模和五一奖评选对象占比",
    "share of key-industry award candidates", C5,
    fields: &["total", "from_key_industries"], min: nomination_min_share = NominationMinShare,
    words: RULE,
);
