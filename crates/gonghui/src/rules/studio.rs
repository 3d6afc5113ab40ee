//! The share of model-worker innovation studio slots given to advanced
//! manufacturing enterprises each year (C6; POLICY I1, I8).

use super::share::{Share, ShareRule, share_question};
use crate::vocab::Clause;

/// The facts of a `studio_quota` question: of all studio slots
/// (`total_slots`), those for advanced manufacturing enterprises
/// (`advanced_manufacturing_slots`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StudioFacts(pub Share);

/// C6 in words.
const RULE: ShareRule = ShareRule {
    rule: "studio.share",
    clause: Clause::C6,
    zh: [
        "个劳模创新工作室创建名额",
        "赋予先进制造业企业",
        "个",
        "没有劳模创新工作室创建名额",
        "规定每年将名额的",
        "赋予先进制造业企业",
    ],
    en: [
        "studio slots",
        "go to advanced manufacturing enterprises",
        "No studio slots",
        " gives ",
        " of the slots to them every year",
    ],
};

// Decided (C6; I1, I8): at least ⌈50% × Q⌉ of Q slots to advanced
// manufacturing enterprises.
share_question!(
    StudioFacts, "studio_quota", "劳模创新工作室创建名额",
    "innovation studio slots for advanced manufacturing", C6,
    fields: &["total_slots", "advanced_manufacturing_slots"], min: studio_min_share = StudioMinShare,
    words: RULE,
);
