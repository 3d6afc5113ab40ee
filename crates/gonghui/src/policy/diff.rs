//! What changed between two policies: the parameters whose values differ,
//! with their clause and the years a change touches.

use super::{ParamId, ParamValue, Policy};
use crate::vocab::{Clause, Year};

/// A parameter whose value differs between two policies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamChange {
    /// The parameter.
    pub parameter: ParamId,
    /// The clause the newer policy cites for it.
    pub clause: Clause,
    /// Its value in the older policy.
    pub before: ParamValue,
    /// Its value in the newer one.
    pub after: ParamValue,
    /// For a value by year, the years whose value changed (a year added to
    /// or dropped from the period among them); `None` when the change holds
    /// for every year.
    pub years: Option<Vec<Year>>,
}

impl Policy {
    /// The parameters whose values differ from this policy to `newer`, in
    /// catalog order.
    pub fn changes_to(&self, newer: &Policy) -> Vec<ParamChange> {
        let (old, new) = (self.parameters(), newer.parameters());
        ParamId::ALL
            .iter()
            .filter_map(|&parameter| {
                let (before, after) = (old.get(parameter), new.get(parameter));
                if before == after {
                    return None;
                }
                let years = match (&before, &after) {
                    (ParamValue::YearlyRates(b), ParamValue::YearlyRates(a)) => {
                        let first = b.first().min(a.first()).get();
                        let last = b.last().max(a.last()).get();
                        Some(
                            (first..=last)
                                .filter_map(Year::new)
                                .filter(|y| b.rate(*y) != a.rate(*y))
                                .collect(),
                        )
                    }
                    _ => None,
                };
                Some(ParamChange {
                    parameter,
                    clause: newer.parameter_info(parameter).clause,
                    before,
                    after,
                    years,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::PUBLISHED_JSON;

    #[test]
    fn a_period_extended_by_a_year() {
        let extended = PUBLISHED_JSON.replacen(
            r#"{"from": 2026, "to": 2026, "value": 30}"#,
            r#"{"from": 2026, "to": 2026, "value": 30}, {"from": 2027, "to": 2027, "value": 20}"#,
            1,
        );
        assert_ne!(extended, PUBLISHED_JSON);
        let newer = Policy::from_json(&extended).unwrap();
        let changes = Policy::published().changes_to(&newer);
        assert_eq!(changes.len(), 1, "{changes:?}");
        let change = &changes[0];
        assert_eq!(change.parameter, ParamId::MutualAidRates);
        assert_eq!(change.clause, Clause::C18);
        assert_eq!(change.years, Some(vec![Year::new(2027).unwrap()]));
        assert!(
            Policy::published()
                .changes_to(Policy::published())
                .is_empty()
        );
    }
}
