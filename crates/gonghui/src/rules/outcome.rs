//! The outcome of a decision, as the contract names it.

/// The outcome of a decision, as the contract names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Outcome {
    /// The subsidy or award applies.
    Eligible,
    /// It does not.
    Ineligible,
    /// The share is met.
    Compliant,
    /// It is not.
    Noncompliant,
    /// Every target has a figure and meets its goal.
    AllMet,
    /// Some target has no figure or misses its goal.
    NotAllMet,
    /// The catalog was listed.
    Listed,
    /// Every application was awarded.
    AllAwarded,
    /// Some application was not.
    NotAllAwarded,
    /// Some case's answer changed under the alternative.
    Changed,
    /// No case's answer changed.
    Unchanged,
    /// Every capped line of the budget is within its cap.
    WithinPlan,
    /// Some capped line is over its cap.
    BeyondPlan,
}

impl Outcome {
    /// The code used in JSON.
    pub const fn code(self) -> &'static str {
        match self {
            Outcome::Eligible => "eligible",
            Outcome::Ineligible => "ineligible",
            Outcome::Compliant => "compliant",
            Outcome::Noncompliant => "noncompliant",
            Outcome::AllMet => "all_met",
            Outcome::NotAllMet => "not_all_met",
            Outcome::Listed => "listed",
            Outcome::AllAwarded => "all_awarded",
            Outcome::NotAllAwarded => "not_all_awarded",
            Outcome::Changed => "changed",
            Outcome::Unchanged => "unchanged",
            Outcome::WithinPlan => "within_plan",
            Outcome::BeyondPlan => "beyond_plan",
        }
    }

    /// Whether the outcome is the one an applicant hopes for: eligible,
    /// compliant, every target met.
    pub const fn is_favourable(self) -> bool {
        matches!(
            self,
            Outcome::Eligible | Outcome::Compliant | Outcome::AllMet
        )
    }

    /// `yes` when `holds`, else `no`.
    pub(crate) const fn of(holds: bool, yes: Outcome, no: Outcome) -> Outcome {
        if holds { yes } else { no }
    }
}
