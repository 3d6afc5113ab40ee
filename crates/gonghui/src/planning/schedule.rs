//! The mutual-aid subsidy year by year for an enterprise that joins the plan
//! and stays (C17, C18, C19; I2, I7), and what a break would cost.
//!
//! Each year is decided by the mutual-aid rule itself, as if the enterprise
//! had been enrolled every year from the one it joins, with the same premium
//! each year. A break in year B means no enrolment in B: no subsidy that year,
//! and none after it, since the subsidy needs enrolment without a break since
//! the first (C19). So a break in B costs every subsidy from B on.

use super::{checked_total, total};
use crate::explain::{self, Explainer, Step, say};
use crate::json::write::{Json, key};
use crate::policy::{OpenTopic, Parameters};
use crate::read::values as read;
use crate::read::{Error, Fields};
use crate::rules::mutual_aid::{self, MutualAidDecision, MutualAidFacts};
use crate::rules::{AMOUNT, Context, Outcome, ReadCase, Rule};
use crate::vocab::words::Text;
use crate::vocab::{Clause, Fen, KeyIndustries, Lang, Year, YearSet, total_words};

/// The facts of a `mutual_aid_schedule` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ScheduleFacts {
    /// The enterprise's chains and clusters.
    pub industries: KeyIndustries,
    /// The year it joins the plan.
    pub join_year: Year,
    /// The premium it pays each year.
    pub premium: Fen,
}

/// One year of the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ScheduleYear {
    /// The year.
    pub year: Year,
    /// The mutual-aid decision for it.
    pub decision: MutualAidDecision,
    /// What a break in this year would cost: this year's subsidy and every
    /// later one, in fen.
    pub break_cost: u128,
}

/// The answer to a `mutual_aid_schedule` question.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ScheduleDecision {
    facts: ScheduleFacts,
    years: Vec<ScheduleYear>,
}

impl ScheduleDecision {
    /// The years from the one it joins (or the period's first) to the
    /// period's last.
    pub fn years(&self) -> &[ScheduleYear] {
        &self.years
    }

    /// The year the enterprise joins.
    pub fn join_year(&self) -> Year {
        self.facts.join_year
    }

    /// The subsidy over every year, in fen.
    pub fn total(&self) -> u128 {
        self.years
            .iter()
            .map(|y| u128::from(y.decision.amount().get()))
            .sum()
    }

    /// Whether the enterprise is eligible in some year.
    pub fn eligible(&self) -> bool {
        self.years.iter().any(|y| y.decision.eligible())
    }

    /// What the published policy leaves open that bears on this answer.
    pub fn open(&self) -> &'static [OpenTopic] {
        &[OpenTopic::MutualAidPremium]
    }

    /// The steps taken, in `lang`: why (or why not) the first year qualifies,
    /// then one step per year.
    pub fn explain(&self, lang: Lang) -> Vec<Step> {
        explain::collect(|steps| self.explain_to(lang, steps))
    }

    /// Writes the steps taken, in `lang`, into `out`.
    pub(crate) fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
        let join = self.facts.join_year;
        let premium = self.facts.premium.words(lang);
        say!(
            out,
            lang,
            ("schedule.assumption", Clause::C19, Some(Clause::I7), true),
            zh["假定企业自", join, "年起逐年连续参保，每年保费", premium, "（C19）"],
            en["Assuming the enterprise joins in ", join, " and stays enrolled every year, with a premium of ", premium, " a year (C19)"],
        );
        if let Some(first) = self.years.iter().find(|y| !y.decision.eligible()) {
            // The first year that fails says why; later ones fail the same way.
            let mut failed = Failed(out);
            first.decision.explain_to(lang, &mut failed);
        }
        for y in &self.years {
            let (year, d) = (y.year, &y.decision);
            let lost = total_words(y.break_cost, lang);
            let (rate, amount) = (d.rate(), d.amount().words(lang));
            let basis = d.rate_basis(lang);
            let step = ("schedule.year", Clause::C18, Some(Clause::I2), d.eligible());
            if d.eligible() {
                say!(
                    out,
                    lang,
                    step,
                    zh[year, "年：补贴比例", rate, "（", basis, "），补贴", amount, "；若该年中断参保，将失去", lost, "（C19）"],
                    en[year, ": ", rate, " of the premium (", basis, "), ", amount, "; a break in ", year, " would lose ", lost, " (C19)"],
                );
            } else {
                say!(
                    out,
                    lang,
                    step,
                    zh[year, "年：不符合补贴条件，补贴", amount],
                    en[year, ": not eligible, ", amount],
                );
            }
        }
    }
}

/// Passes on only the steps that failed.
struct Failed<'a>(&'a mut dyn Explainer);

impl Explainer for Failed<'_> {
    fn step(
        &mut self,
        rule: &'static str,
        clause: Clause,
        reading: Option<Clause>,
        holds: bool,
        text: Text<'_>,
    ) {
        if !holds {
            self.0.step(rule, clause, reading, holds, text);
        }
    }
}

/// Decides a `mutual_aid_schedule` question; the total must stay within
/// what the contract carries (2^53 − 1 fen).
pub fn decide(params: &Parameters, facts: &ScheduleFacts) -> Result<ScheduleDecision, Error> {
    let rates = &params.mutual_aid_rates;
    let first = facts.join_year.max(rates.first());
    let span = (first.get()..=rates.last().get()).filter_map(Year::new);
    // Enrolled every year from joining through the end of the period; years
    // after the one decided do not matter to it (I7), so one set serves all.
    let enrolled = YearSet::new((facts.join_year.get()..=rates.last().get()).filter_map(Year::new));
    let mut years: Vec<ScheduleYear> = span
        .map(|year| ScheduleYear {
            year,
            decision: mutual_aid::decide(
                params,
                &MutualAidFacts {
                    industries: facts.industries,
                    enrolled_years: enrolled.clone(),
                    year,
                    premium: facts.premium,
                },
            ),
            break_cost: 0,
        })
        .collect();
    // A break in a year costs that year's subsidy and every later one.
    let mut later: u128 = 0;
    for y in years.iter_mut().rev() {
        later += u128::from(y.decision.amount().get());
        y.break_cost = later;
    }
    checked_total(later, "facts.premium_fen")?;
    Ok(ScheduleDecision {
        facts: *facts,
        years,
    })
}

impl Rule for ScheduleFacts {
    const CODE: &'static str = "mutual_aid_schedule";
    const NAME_ZH: &'static str = "互助保障补贴年度计划";
    const NAME_EN: &'static str = "mutual-aid subsidy schedule";
    const CLAUSE: Clause = Clause::C18;
    type Decision = ScheduleDecision;

    fn read(f: &Fields<'_>, _: ReadCase) -> Result<ScheduleFacts, Error> {
        f.only(&["chains", "clusters", "join_year", "premium_fen"])?;
        Ok(ScheduleFacts {
            industries: f.industries()?,
            join_year: f.read("join_year", read::year)?,
            premium: f.read("premium_fen", read::fen)?,
        })
    }

    fn decide(&self, params: &Parameters) -> Result<ScheduleDecision, Error> {
        decide(params, self)
    }

    fn outcome(d: &ScheduleDecision) -> Outcome {
        Outcome::of(d.eligible(), Outcome::Eligible, Outcome::Ineligible)
    }

    fn open(d: &ScheduleDecision) -> &'static [OpenTopic] {
        d.open()
    }

    fn explain(d: &ScheduleDecision, lang: Lang, out: &mut dyn Explainer) {
        d.explain_to(lang, out);
    }

    fn write(d: &ScheduleDecision, j: &mut Json, _: &Context<'_>) {
        j.key(key!("join_year"));
        j.u64(u64::from(d.join_year().get()));
        j.key(key!("years"));
        j.begin_array();
        for y in d.years() {
            j.item();
            j.begin();
            j.key(key!("year"));
            j.u64(u64::from(y.year.get()));
            j.key(key!("eligible"));
            j.bool(y.decision.eligible());
            j.key(key!("rate_percent"));
            j.rate(y.decision.rate());
            j.money(AMOUNT, Some(y.decision.amount()));
            j.money(
                (key!("break_cost_fen"), key!("break_cost_yuan")),
                Some(total(y.break_cost)),
            );
            j.end();
        }
        j.end_array();
        j.money(
            (key!("total_fen"), key!("total_yuan")),
            Some(total(d.total())),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;
    use crate::vocab::Chain;

    fn schedule(join: u16, premium: u64) -> ScheduleDecision {
        decide(
            Policy::published().parameters(),
            &ScheduleFacts {
                industries: KeyIndustries::new([Chain::Steel], []),
                join_year: Year::new(join).unwrap(),
                premium: Fen::new(premium).unwrap(),
            },
        )
        .unwrap()
    }

    #[test]
    fn c18_every_remaining_year() {
        let s = schedule(2024, 1_000_000);
        let amounts: Vec<(u16, u64)> = s
            .years()
            .iter()
            .map(|y| (y.year.get(), y.decision.amount().get()))
            .collect();
        assert_eq!(
            amounts,
            vec![(2024, 500_000), (2025, 400_000), (2026, 300_000)]
        );
        assert_eq!(s.total(), 1_200_000);
        let costs: Vec<u128> = s.years().iter().map(|y| y.break_cost).collect();
        assert_eq!(costs, vec![1_200_000, 700_000, 300_000]);
    }

    #[test]
    fn c17_joining_before_2023_or_after_2026() {
        let s = schedule(2022, 1_000_000);
        assert!(!s.eligible());
        assert_eq!(s.years().len(), 4);
        assert!(schedule(2027, 1_000_000).years().is_empty());
    }
}
