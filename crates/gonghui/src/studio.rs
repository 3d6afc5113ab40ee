//! The share of model-worker innovation studio slots given to advanced
//! manufacturing enterprises each year (C6; POLICY I1, I8).

use crate::Clause;
use crate::policy::Parameters;
use crate::share::{Share, ShareDecision, ShareRule};

/// The facts of a `studio_quota` question: of `total_slots` studio slots, how
/// many go to advanced manufacturing enterprises.
pub type StudioFacts = Share;

/// C6 in words.
const RULE: ShareRule = ShareRule {
    rule: "studio.share",
    clause: Clause::C6,
    zh: [
        "个工作室创建名额",
        "赋予先进制造业企业",
        "个",
        "没有工作室创建名额",
    ],
    en: [
        "studio slots",
        "go to advanced manufacturing enterprises",
        "No studio slots",
    ],
};

/// Decides a `studio_quota` question (C6; I1, I8): at least ⌈50% × Q⌉ of Q
/// slots to advanced manufacturing enterprises.
pub fn decide(params: &Parameters, facts: &StudioFacts) -> ShareDecision {
    ShareDecision::new(*facts, params.studio_min_share, RULE)
}
