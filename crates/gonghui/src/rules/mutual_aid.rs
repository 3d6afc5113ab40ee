//! The mutual-aid premium subsidy (C17, C18, C19; POLICY I2, I3, I7).
//!
//! Enterprises of the chains and clusters that newly join the plan
//! 《意外大病团体综合保障互助计划》 get part of their premium paid: 50% in 2023
//! and 2024, 40% in 2025, 30% in 2026, for as long as they stay enrolled
//! without a break. The rate is that of the calendar year asked about; the
//! subsidy is the premium × the rate, rounded half up to the fen once.

use super::basis::{Basis, Period};
use super::{AMOUNT, Context, Outcome, ReadCase, Rule};
use crate::explain::{self, Explainer, Step, say};
use crate::json::write::{Json, key};
use crate::policy::{OpenTopic, ParamId, ParamValue, Parameters, Used, YearlyRates};
use crate::read::values as read;
use crate::read::{Error, Fields};
use crate::vocab::words::Words;
use crate::vocab::{Clause, Fen, KeyIndustries, Lang, Rate, Run, Year, YearSet};

/// The facts of a `mutual_aid_subsidy` question.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MutualAidFacts {
    /// The enterprise's chains and clusters.
    pub industries: KeyIndustries,
    /// Every year the enterprise was in the plan.
    pub enrolled_years: YearSet,
    /// The year asked about.
    pub year: Year,
    /// The premium for that year.
    pub premium: Fen,
}

/// The answer to a `mutual_aid_subsidy` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MutualAidDecision {
    industries: KeyIndustries,
    year: Year,
    premium: Fen,
    /// First and last year of the subsidy period.
    period: (Year, Year),
    /// The rate of `year`, when it is in the period.
    year_rate: Option<Rate>,
    /// The published period and rate of `year`, when an override changed
    /// the rates.
    published: Option<Published>,
    /// Whether the enterprise qualifies ([`qualifies`]).
    eligible: bool,
    /// The enrolment as the rule reads it, from which the explanation says
    /// why ([`earlier`](Self::earlier), [`start`](Self::start),
    /// [`gap`](Self::gap)), only when asked.
    enrolled: Run,
}

/// The published period and rate of the year asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Published {
    period: (Year, Year),
    year_rate: Option<Rate>,
}

/// A year's rate, or that there is none: `"40%"`, `"该年无补贴"`.
pub(crate) struct YearRate(Option<Rate>, Lang);

impl Words for YearRate {
    fn write_words(&self, out: &mut String) {
        match self.0 {
            Some(rate) => rate.write_words(out),
            None => out.push_str(self.1.pick("该年无补贴", "no rate for that year")),
        }
    }
}

impl MutualAidDecision {
    /// Whether the enterprise gets the subsidy for the year (I7).
    #[inline]
    pub fn eligible(&self) -> bool {
        self.eligible
    }

    /// The rate applied: the year's rate when eligible, 0% otherwise (so that
    /// the amount is always the premium × this rate).
    #[inline]
    pub fn rate(&self) -> Rate {
        match self.year_rate {
            Some(rate) if self.eligible() => rate,
            _ => Rate::ZERO,
        }
    }

    /// An enrolment before the period began: not a new participant (I7).
    fn earlier(&self) -> Option<Year> {
        self.enrolled.first().filter(|first| *first < self.period.0)
    }

    /// The first enrolment, when it is no later than the year asked about.
    fn start(&self) -> Option<Year> {
        self.enrolled.first().filter(|first| *first <= self.year)
    }

    /// The first year from the first enrolment through the year asked about
    /// without enrolment: the break (I7). With no enrolment up to the year,
    /// the year itself is the first missing.
    fn gap(&self) -> Option<Year> {
        match self.start() {
            Some(_) => self.enrolled.first_gap(self.year),
            None => Some(self.year),
        }
    }

    /// The subsidy: the premium × [`rate`](Self::rate), half up to the fen.
    #[inline]
    pub fn amount(&self) -> Fen {
        self.premium.times(self.rate())
    }

    /// What the published policy leaves open that bears on this answer.
    pub fn open(&self) -> &'static [OpenTopic] {
        &[OpenTopic::MutualAidPremium]
    }

    /// The steps taken, in `lang`.
    pub fn explain(&self, lang: Lang) -> Vec<Step> {
        explain::collect(|steps| self.explain_to(lang, steps))
    }

    /// The period and the year's rate as used, with the published ones when
    /// an override changed them.
    fn used(&self) -> (Used<(Year, Year)>, Used<Option<Rate>>) {
        (
            Used::compared(self.period, self.published.map(|p| p.period)),
            Used::compared(self.year_rate, self.published.map(|p| p.year_rate)),
        )
    }

    /// The source of the year's rate: C18, or what it sets when an override
    /// changed the rates.
    pub(crate) fn rate_basis(&self, lang: Lang) -> Basis<YearRate> {
        Basis::of(Clause::C18, self.used().1, lang, |r| YearRate(r, lang))
    }

    /// Writes the steps taken, in `lang`, into `out`.
    pub(crate) fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
        let year = self.year;
        let (first, last) = self.period;
        let (period, _) = self.used();
        super::industry::explain(self.industries, lang, Clause::C17, out);
        let basis = Basis::of(Clause::C18, period, lang, |(a, b)| Period(a, b, lang));
        let step = (
            "mutual_aid.period",
            Clause::C18,
            Some(Clause::I7),
            self.year_rate.is_some(),
        );
        let span = Period(first, last, lang);
        if self.year_rate.is_some() {
            say!(
                out,
                lang,
                step,
                zh[year, "年在补贴期", span, "之内（", basis, "）"],
                en[year, " is within the subsidy period ", span, " (", basis, ")"],
            );
        } else {
            say!(
                out,
                lang,
                step,
                zh[year, "年不在补贴期", span, "之内（", basis, "）"],
                en[year, " is outside the subsidy period ", span, " (", basis, ")"],
            );
        }
        let step = (
            "mutual_aid.new_participant",
            Clause::C17,
            Some(Clause::I7),
            self.earlier().is_none(),
        );
        match (self.earlier(), self.start()) {
            (Some(early), _) => say!(
                out,
                lang,
                step,
                zh[early, "年已参加该互助计划，早于", first, "年，不属于新参加的企业（C17）"],
                en["In the plan since ", early, ", before ", first, ": not a new participant (C17)"],
            ),
            (None, Some(start)) => say!(
                out,
                lang,
                step,
                zh[start, "年首次参加该互助计划，", first, "年以前未参加，属于新参加的企业（C17）"],
                en["First enrolled in ", start, ", not in the plan before ", first, ": a new participant (C17)"],
            ),
            (None, None) => say!(
                out,
                lang,
                step,
                zh[first, "年以前未参加该互助计划（C17）"],
                en["Not in the plan before ", first, " (C17)"],
            ),
        }
        let step = (
            "mutual_aid.continuous",
            Clause::C19,
            Some(Clause::I7),
            self.gap().is_none(),
        );
        match (self.gap(), self.start()) {
            (None, Some(start)) if start < year => say!(
                out,
                lang,
                step,
                zh["自", start, "年至", year, "年逐年连续参保（C19）"],
                en["Enrolled every year from ", start, " through ", year, " (C19)"],
            ),
            (None, _) => say!(
                out,
                lang,
                step,
                zh[year, "年已参保（C19）"],
                en["Enrolled in ", year, " (C19)"]
            ),
            (Some(gap), Some(start)) if gap < year => say!(
                out,
                lang,
                step,
                zh[gap, "年未参保：自", start, "年首次参保至", year, "年之间参保中断，不能继续享受补贴（C19）"],
                en["Not enrolled in ", gap, ": a break between the first enrolment in ", start, " and ", year, " ends the subsidy (C19)"],
            ),
            (Some(_), _) => say!(
                out,
                lang,
                step,
                zh[year, "年未参保（C19）"],
                en["Not enrolled in ", year, " (C19)"],
            ),
        }
        if self.eligible() {
            let rate = self.rate();
            let basis = self.rate_basis(lang);
            let premium = self.premium.words(lang);
            let exact = self.premium.times_exact_words(rate, lang);
            let amount = self.amount().words(lang);
            let step = ("mutual_aid.rate", Clause::C18, Some(Clause::I2), true);
            if exact.is_whole_fen() {
                say!(
                    out,
                    lang,
                    step,
                    zh[year, "年补贴比例为", rate, "（", basis, "）：", premium, "×", rate, "＝", amount, "（I2）"],
                    en["The rate for ", year, " is ", rate, " (", basis, "): ", premium, " × ", rate, " = ", amount, " (I2)"],
                );
            } else {
                say!(
                    out,
                    lang,
                    step,
                    zh[year, "年补贴比例为", rate, "（", basis, "）：", premium, "×", rate, "＝", exact, "，四舍五入到分为", amount, "（I2）"],
                    en["The rate for ", year, " is ", rate, " (", basis, "): ", premium, " × ", rate, " = ", exact, ", rounded half up to the fen: ", amount, " (I2)"],
                );
            }
        }
    }
}

/// Whether an enterprise gets the subsidy for `year` (I3, I7): in a chain or
/// cluster (`key`), the year in the period, and enrolled every year from its
/// first enrolment, itself no earlier than the period, through the year. The
/// one statement of the rule, for [`decide`], [`amounts_into`] and [`Cases`].
#[inline(always)]
fn qualifies(rates: &YearlyRates, key: bool, year: Year, enrolled: Run) -> bool {
    key & rates.covers(year) & enrolled.unbroken(rates.first(), year)
}

/// The subsidy of one case, chosen without a branch: the premium × the
/// year's rate, or × 0% when the case does not qualify.
#[inline(always)]
fn amount(rates: &YearlyRates, key: bool, year: Year, enrolled: Run, premium: Fen) -> Fen {
    let rate = rates.rate_or_zero(year);
    premium.times(rate.kept_if(qualifies(rates, key, year, enrolled)))
}

/// The subsidies of many enterprises at once (C17–C19; I2, I3, I7): for each
/// case the amount [`decide`] gives, without the data of its explanation.
///
/// For populations of millions: the loop asks nothing the processor has to
/// guess, so it runs at the speed of memory rather than of mispredicted
/// branches. [`Cases`] holds a population in a third of the memory, and is
/// faster still.
pub fn amounts(params: &Parameters, cases: &[MutualAidFacts]) -> Vec<Fen> {
    let mut out = Vec::with_capacity(cases.len());
    amounts_into(params, cases, &mut out);
    out
}

/// [`amounts`], appended to `out`: a caller deciding batch after batch keeps
/// one buffer (clearing it between batches) instead of allocating each time.
pub fn amounts_into(params: &Parameters, cases: &[MutualAidFacts], out: &mut Vec<Fen>) {
    let rates = &params.mutual_aid_rates;
    out.extend(cases.iter().map(|facts| {
        let key = facts.industries.is_key();
        let enrolled = facts.enrolled_years.run();
        amount(rates, key, facts.year, enrolled, facts.premium)
    }));
}

/// A population of mutual-aid cases held by column, to be decided at once
/// (C17–C19; I2, I3, I7).
///
/// A case keeps only what the rule reads of its [`MutualAidFacts`]: whether
/// the enterprise is in a chain or cluster, the year asked about, the
/// run of years of its enrolment and the premium. That is 15 bytes a case against
/// the 48 of the facts, whose set of years can hold any years, so a million
/// cases are 15 MB to read rather than 48, and each column is read in order.
/// The amounts are those of [`decide`], case by case.
///
/// ```
/// use gonghui::mutual_aid::{Cases, MutualAidFacts};
/// use gonghui::{Chain, Fen, KeyIndustries, Policy, Year, YearSet};
///
/// let year = |n| Year::new(n).unwrap();
/// let facts = MutualAidFacts {
///     industries: KeyIndustries::new([Chain::from_code("steel").unwrap()], []),
///     enrolled_years: YearSet::new([year(2023), year(2024)]),
///     year: year(2024),
///     premium: Fen::new(1_000_001).unwrap(),
/// };
/// let cases: Cases = std::iter::repeat(&facts).take(3).collect();
/// let amounts = cases.amounts(Policy::published().parameters());
/// assert_eq!(amounts, vec![Fen::new(500_001).unwrap(); 3]); // 50%, half up
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cases {
    key: Vec<bool>,
    year: Vec<Year>,
    enrolled: Vec<Run>,
    premium: Vec<Fen>,
}

impl Cases {
    /// No cases, with room for `capacity` of them.
    pub fn with_capacity(capacity: usize) -> Cases {
        Cases {
            key: Vec::with_capacity(capacity),
            year: Vec::with_capacity(capacity),
            enrolled: Vec::with_capacity(capacity),
            premium: Vec::with_capacity(capacity),
        }
    }

    /// Adds the case of `facts`.
    pub fn push(&mut self, facts: &MutualAidFacts) {
        self.key.push(facts.industries.is_key());
        self.year.push(facts.year);
        self.enrolled.push(facts.enrolled_years.run());
        self.premium.push(facts.premium);
    }

    /// The number of cases.
    pub fn len(&self) -> usize {
        self.key.len()
    }

    /// Whether there are no cases.
    pub fn is_empty(&self) -> bool {
        self.key.is_empty()
    }

    /// The subsidy of each case, in order, under `params`.
    pub fn amounts(&self, params: &Parameters) -> Vec<Fen> {
        let mut out = Vec::with_capacity(self.len());
        self.amounts_into(params, &mut out);
        out
    }

    /// [`amounts`](Cases::amounts), appended to `out`.
    pub fn amounts_into(&self, params: &Parameters, out: &mut Vec<Fen>) {
        let rates = &params.mutual_aid_rates;
        // Columns cut to one length, so that the loop checks no index.
        let n = self.len();
        let (key, year) = (&self.key[..n], &self.year[..n]);
        let (enrolled, premium) = (&self.enrolled[..n], &self.premium[..n]);
        out.extend((0..n).map(|i| amount(rates, key[i], year[i], enrolled[i], premium[i])));
    }
}

impl<'a> Extend<&'a MutualAidFacts> for Cases {
    fn extend<I: IntoIterator<Item = &'a MutualAidFacts>>(&mut self, cases: I) {
        cases.into_iter().for_each(|facts| self.push(facts));
    }
}

impl<'a> FromIterator<&'a MutualAidFacts> for Cases {
    fn from_iter<I: IntoIterator<Item = &'a MutualAidFacts>>(cases: I) -> Cases {
        let mut all = Cases::default();
        all.extend(cases);
        all
    }
}

/// The published period and rate of `year`, when an override changed the
/// rates: out of the way of the decisions made under the published ones.
#[cold]
#[inline(never)]
fn published(params: &Parameters, year: Year) -> Option<Published> {
    match params.replaced(ParamId::MutualAidRates) {
        Some(ParamValue::YearlyRates(published)) => Some(Published {
            period: (published.first(), published.last()),
            year_rate: published.rate(year),
        }),
        _ => None,
    }
}

/// Decides a `mutual_aid_subsidy` question (C17–C19; I2, I3, I7).
#[inline]
pub fn decide(params: &Parameters, facts: &MutualAidFacts) -> MutualAidDecision {
    let rates = &params.mutual_aid_rates;
    let year = facts.year;
    let enrolled = facts.enrolled_years.run();
    let published = if params.any_replaced() {
        published(params, year)
    } else {
        None
    };
    MutualAidDecision {
        industries: facts.industries,
        year,
        premium: facts.premium,
        period: (rates.first(), rates.last()),
        year_rate: rates.rate(year),
        published,
        eligible: qualifies(rates, facts.industries.is_key(), year, enrolled),
        enrolled,
    }
}

/// The fields of a `mutual_aid_subsidy` question's facts.
const FIELDS: &[&str] = &[
    "chains",
    "clusters",
    "enrolled_years",
    "year",
    "premium_fen",
];

impl Rule for MutualAidFacts {
    const CODE: &'static str = "mutual_aid_subsidy";
    const NAME_ZH: &'static str = "职工互助保障参保补贴";
    const NAME_EN: &'static str = "mutual-aid premium subsidy";
    const CLAUSE: Clause = Clause::C18;
    type Decision = MutualAidDecision;

    fn read(f: &Fields<'_>, _: ReadCase) -> Result<MutualAidFacts, Error> {
        f.only(FIELDS)?;
        let industries = f.industries()?;
        f.required("enrolled_years")?;
        let enrolled_years: YearSet = f.read_list("enrolled_years", read::year)?;
        Ok(MutualAidFacts {
            industries,
            enrolled_years,
            year: f.read("year", read::year)?,
            premium: f.read("premium_fen", read::fen)?,
        })
    }

    fn decide(&self, params: &Parameters) -> Result<MutualAidDecision, Error> {
        Ok(decide(params, self))
    }

    fn outcome(d: &MutualAidDecision) -> Outcome {
        Outcome::of(d.eligible(), Outcome::Eligible, Outcome::Ineligible)
    }

    fn amount(d: &MutualAidDecision) -> Option<Fen> {
        Some(d.amount())
    }

    fn open(d: &MutualAidDecision) -> &'static [OpenTopic] {
        d.open()
    }

    fn explain(d: &MutualAidDecision, lang: Lang, out: &mut dyn Explainer) {
        d.explain_to(lang, out);
    }

    fn write(d: &MutualAidDecision, j: &mut Json, _: &Context<'_>) {
        j.key(key!("rate_percent"));
        j.rate(d.rate());
        j.money(AMOUNT, Some(d.amount()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;
    use crate::vocab::{Chain, Cluster};

    fn y(n: u16) -> Year {
        Year::new(n).unwrap()
    }

    fn decide_for(
        industries: KeyIndustries,
        years: &[u16],
        year: u16,
        premium: u64,
    ) -> MutualAidDecision {
        let facts = MutualAidFacts {
            industries,
            enrolled_years: YearSet::new(years.iter().map(|n| y(*n))),
            year: y(year),
            premium: Fen::new(premium).unwrap(),
        };
        decide(Policy::published().parameters(), &facts)
    }

    fn steel() -> KeyIndustries {
        KeyIndustries::new([Chain::Steel], [])
    }

    #[test]
    fn c18_rate_of_each_year() {
        for (year, percent) in [(2023, 50), (2024, 50), (2025, 40), (2026, 30)] {
            let d = decide_for(steel(), &[year], year, 1_000_000);
            assert!(d.eligible(), "{year}");
            assert_eq!(d.rate(), Rate::from_percent(percent).unwrap(), "{year}");
            assert_eq!(d.amount().get(), 10_000 * u64::from(percent), "{year}");
        }
        for year in [2022, 2027] {
            let d = decide_for(steel(), &[year], year, 1_000_000);
            assert!(!d.eligible(), "{year}");
            assert_eq!(d.rate(), Rate::ZERO);
            assert_eq!(d.amount(), Fen::ZERO);
        }
    }

    #[test]
    fn i2_half_up_once() {
        assert_eq!(
            decide_for(steel(), &[2024], 2024, 12_345).amount().get(),
            6_173
        ); // 6172.5
        assert_eq!(
            decide_for(steel(), &[2025], 2025, 12_346).amount().get(),
            4_938
        ); // 4938.4
        assert_eq!(decide_for(steel(), &[2026], 2026, 5).amount().get(), 2); // 1.5
        assert_eq!(
            decide_for(steel(), &[2026], 2026, 12_345).amount().get(),
            3_704
        ); // 3703.5
    }

    #[test]
    fn c17_i7_new_participants_only() {
        assert!(!decide_for(steel(), &[2022, 2023], 2023, 100).eligible());
        assert!(decide_for(steel(), &[2024, 2025], 2025, 100).eligible());
        let lithium = KeyIndustries::new([], [Cluster::LithiumPvNewEnergy]);
        assert!(decide_for(lithium, &[2023], 2023, 100).eligible());
        assert!(!decide_for(KeyIndustries::NONE, &[2023], 2023, 100).eligible());
    }

    #[test]
    fn c19_i7_no_break_through_the_year() {
        assert!(decide_for(steel(), &[2023, 2024, 2025], 2025, 100).eligible());
        assert!(!decide_for(steel(), &[2023, 2025], 2025, 100).eligible()); // break in 2024
        assert!(!decide_for(steel(), &[2023, 2024], 2025, 100).eligible()); // not in 2025
        assert!(!decide_for(steel(), &[2026], 2025, 100).eligible()); // only later
        assert!(!decide_for(steel(), &[], 2025, 100).eligible());
        // Years after the one asked about do not matter.
        assert!(decide_for(steel(), &[2023, 2024, 2026], 2024, 100).eligible());
    }

    proptest::proptest! {
        /// The rule stated once ([`qualifies`]) agrees with the reasons the
        /// explanation gives, and the batch with the single decisions.
        #[test]
        fn one_rule_for_decisions_reasons_and_batches(
            years in proptest::collection::vec(2015u16..2035, 0..6),
            year in 2015u16..2035,
            key in proptest::bool::ANY,
            premium in 0u64..=crate::vocab::MAX_SAFE_INTEGER,
        ) {
            let industries = if key { steel() } else { KeyIndustries::NONE };
            let facts = MutualAidFacts {
                industries,
                enrolled_years: YearSet::new(years.iter().map(|n| y(*n))),
                year: y(year),
                premium: Fen::new(premium).unwrap(),
            };
            let params = Policy::published().parameters();
            let d = decide(params, &facts);
            let reasons = d.industries.is_key()
                && d.year_rate.is_some()
                && d.earlier().is_none()
                && d.gap().is_none();
            proptest::prop_assert_eq!(d.eligible(), reasons);
            proptest::prop_assert_eq!(amounts(params, std::slice::from_ref(&facts)), vec![d.amount()]);
            let cases: Cases = std::iter::once(&facts).collect();
            proptest::prop_assert_eq!(cases.amounts(params), vec![d.amount()]);
        }
    }

    #[test]
    fn explanations_say_why_not() {
        let d = decide_for(steel(), &[2023, 2025], 2025, 100);
        let steps = d.explain(Lang::En);
        let broken = steps
            .iter()
            .find(|s| s.rule == "mutual_aid.continuous")
            .unwrap();
        assert!(!broken.holds);
        assert_eq!(broken.clause, Clause::C19);
        assert!(
            broken.text.contains("Not enrolled in 2024"),
            "{}",
            broken.text
        );
    }
}
