//! The special action's targets, and how far a year's figures go towards them
//! (C2, C3, C12, C13, C16, C20; POLICY I1, I9).

use crate::calendar::Year;
use std::fmt;

use crate::explain::{self, Explainer, Step, say};
use crate::industry::code_enum;
use crate::money::percent_one_decimal;
use crate::policy::{OpenTopic, ParamId, Parameters, Unit};
use crate::{Clause, Lang};

code_enum! {
    /// A target of the special action, as `action_progress` names it.
    TargetId {
        /// M2: labour and skill competitions a year (C2).
        SkillCompetitions = ("skill_competitions", "劳动和技能竞赛", "labour and skill competitions"),
        /// M4: standardised worker activity venues a year (C2).
        StandardVenues = ("standard_venues", "标准化职工活动场所", "standardised worker activity venues"),
        /// Standardised park venues a year (C12).
        ParkVenues = ("park_venues", "工业园区标准化职工活动场所", "standardised industrial park venues"),
        /// "Six-haves" enterprise unions a year (C13).
        SixHavesUnions = ("six_haves_unions", "“六有”企业工会", "six-haves enterprise unions"),
        /// "Six-norms" enterprise unions a year (C13).
        SixNormsUnions = ("six_norms_unions", "“六规范”企业工会", "six-norms enterprise unions"),
        /// M5: workers in health care activities a year (C2).
        HealthCareWorkers = ("health_care_workers", "健康关爱职工", "workers in health care activities"),
        /// M6: frontline workers in recuperation a year (C16).
        RecuperationWorkers = ("recuperation_workers", "参加疗休养的一线职工", "frontline workers in recuperation"),
        /// Workers reached by health knowledge services a year (C20).
        HealthKnowledgeWorkers = ("health_knowledge_workers", "接受健康知识科普服务的职工", "workers reached by health knowledge services"),
        /// M7: cultural events at the grassroots a year (C2).
        CulturalEvents = ("cultural_events", "宣传文艺下基层活动", "cultural events at the grassroots"),
        /// M8: singles mixers a year (C2).
        SinglesMixers = ("singles_mixers", "单身青年联谊活动", "singles mixers"),
        /// Provincial-or-higher model workers over three years (C3).
        ModelWorkers = ("model_workers", "省级以上劳动模范", "provincial-or-higher model workers"),
        /// May-1 Labour Medal winners over three years (C3).
        LabourMedals = ("labour_medals", "五一劳动奖章获得者", "May-1 Labour Medal winners"),
        /// May-1 Labour Certificates and Worker Pioneer titles over three years (C3).
        CertificatesAndPioneers = ("certificates_and_pioneers", "五一劳动奖状和工人先锋号", "May-1 Labour Certificates and Worker Pioneer titles"),
    }
}

/// The number of targets.
pub const TARGET_COUNT: usize = 13;
const _: () = assert!(TargetId::ALL.len() == TARGET_COUNT);

impl TargetId {
    /// The parameter holding the target's goal.
    pub const fn parameter(self) -> ParamId {
        match self {
            TargetId::SkillCompetitions => ParamId::CompetitionsPerYear,
            TargetId::StandardVenues => ParamId::StandardVenuesPerYear,
            TargetId::ParkVenues => ParamId::ParkVenuesPerYear,
            TargetId::SixHavesUnions => ParamId::SixHavesPerYear,
            TargetId::SixNormsUnions => ParamId::SixNormsPerYear,
            TargetId::HealthCareWorkers => ParamId::HealthCarePerYear,
            TargetId::RecuperationWorkers => ParamId::RecuperationPerYear,
            TargetId::HealthKnowledgeWorkers => ParamId::HealthKnowledgePerYear,
            TargetId::CulturalEvents => ParamId::CulturalEventsPerYear,
            TargetId::SinglesMixers => ParamId::SinglesMixersPerYear,
            TargetId::ModelWorkers => ParamId::ModelWorkersPerThreeYears,
            TargetId::LabourMedals => ParamId::LabourMedalsPerThreeYears,
            TargetId::CertificatesAndPioneers => ParamId::CertificatesPerThreeYears,
        }
    }

    /// The clause that sets the target (I9).
    pub const fn clause(self) -> Clause {
        match self {
            TargetId::SkillCompetitions
            | TargetId::StandardVenues
            | TargetId::HealthCareWorkers
            | TargetId::CulturalEvents
            | TargetId::SinglesMixers => Clause::C2,
            TargetId::ParkVenues => Clause::C12,
            TargetId::SixHavesUnions | TargetId::SixNormsUnions => Clause::C13,
            TargetId::RecuperationWorkers => Clause::C16,
            TargetId::HealthKnowledgeWorkers => Clause::C20,
            TargetId::ModelWorkers | TargetId::LabourMedals | TargetId::CertificatesAndPioneers => {
                Clause::C3
            }
        }
    }

    /// Whether the goal is for each year or for the three years of C3, as the
    /// unit of its parameter says.
    pub const fn period(self) -> Period {
        match self.parameter().unit() {
            Unit::PerThreeYears => Period::ThreeYears,
            _ => Period::Year,
        }
    }

    /// The goal in force.
    pub fn goal(self, params: &Parameters) -> u64 {
        match self {
            TargetId::SkillCompetitions => params.competitions_per_year,
            TargetId::StandardVenues => params.standard_venues_per_year,
            TargetId::ParkVenues => params.park_venues_per_year,
            TargetId::SixHavesUnions => params.six_haves_per_year,
            TargetId::SixNormsUnions => params.six_norms_per_year,
            TargetId::HealthCareWorkers => params.health_care_per_year,
            TargetId::RecuperationWorkers => params.recuperation_per_year,
            TargetId::HealthKnowledgeWorkers => params.health_knowledge_per_year,
            TargetId::CulturalEvents => params.cultural_events_per_year,
            TargetId::SinglesMixers => params.singles_mixers_per_year,
            TargetId::ModelWorkers => params.model_workers_per_three_years,
            TargetId::LabourMedals => params.labour_medals_per_three_years,
            TargetId::CertificatesAndPioneers => params.certificates_per_three_years,
        }
    }
}

/// The period a target's goal covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// Each year.
    Year,
    /// The three years of C3.
    ThreeYears,
}

impl Period {
    /// The code used in JSON: `year` or `three_years`.
    pub const fn code(self) -> &'static str {
        match self {
            Period::Year => "year",
            Period::ThreeYears => "three_years",
        }
    }
}

/// The figures achieved towards some of the targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Figures([Option<u64>; TARGET_COUNT]);

impl Figures {
    /// The figure given for `target`, if any.
    pub fn get(&self, target: TargetId) -> Option<u64> {
        self.0[target as usize]
    }

    /// Gives the figure for `target`.
    pub fn set(&mut self, target: TargetId, achieved: u64) {
        self.0[target as usize] = Some(achieved);
    }
}

impl FromIterator<(TargetId, u64)> for Figures {
    fn from_iter<I: IntoIterator<Item = (TargetId, u64)>>(iter: I) -> Figures {
        let mut figures = Figures::default();
        iter.into_iter().for_each(|(t, n)| figures.set(t, n));
        figures
    }
}

/// The facts of an `action_progress` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ProgressFacts {
    /// The year the figures are for.
    pub year: Year,
    /// The figures achieved; targets without one are reported as unknown.
    pub achieved: Figures,
}

/// One target against its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TargetResult {
    /// The target.
    pub target: TargetId,
    /// The goal in force.
    pub goal: u64,
    /// The figure achieved, if given.
    pub achieved: Option<u64>,
}

impl TargetResult {
    /// Whether the figure meets the goal (I1: "100 and above" includes 100);
    /// `None` without a figure.
    pub fn met(&self) -> Option<bool> {
        self.achieved.map(|a| a >= self.goal)
    }

    /// The figure as a percentage of the goal, one decimal, half up; `None`
    /// without a figure or with a goal of 0.
    pub fn percent(&self) -> Option<String> {
        self.achieved
            .and_then(|a| percent_one_decimal(a, self.goal))
    }

    fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
        let t = self.target;
        let (goal, clause) = (self.goal, t.clause());
        let (zh, en) = (t.name_zh(), Capitalised(t.name_en()));
        let (zh_every, en_every) = match t.period() {
            Period::Year => ("每年", "the yearly goal of"),
            Period::ThreeYears => ("三年", "the three-year goal of"),
        };
        let step = (t.rule(), clause, Some(Clause::I9), self.met() == Some(true));
        let Some(achieved) = self.achieved else {
            return say!(
                out,
                lang,
                step,
                zh[zh, "：未提供完成数（目标", zh_every, goal, "，", clause, "）"],
                en[en, ": no figure given (", en_every, " ", goal, ", ", clause, ")"],
            );
        };
        let (zh_met, en_met) = if achieved >= goal {
            ("已达成", "met")
        } else {
            ("未达成", "not met")
        };
        match self.percent() {
            Some(pct) => say!(
                out,
                lang,
                step,
                zh[zh, "：完成", achieved, "，目标", zh_every, goal, "（", clause, "，I1：“以上”含本数），", zh_met, "（", pct, "%）"],
                en[en, ": ", achieved, " against ", en_every, " ", goal, " (", clause, "; I1: 'and above' includes the goal): ", en_met, " (", pct, "%)"],
            ),
            None => say!(
                out,
                lang,
                step,
                zh[zh, "：完成", achieved, "，目标", zh_every, goal, "（", clause, "，I1：“以上”含本数），", zh_met],
                en[en, ": ", achieved, " against ", en_every, " ", goal, " (", clause, "; I1: 'and above' includes the goal): ", en_met],
            ),
        }
    }
}

/// A name with its first letter capitalised, written without allocating.
struct Capitalised(&'static str);

impl Capitalised {
    fn write_to(&self, f: &mut impl fmt::Write) -> fmt::Result {
        let mut chars = self.0.chars();
        if let Some(first) = chars.next() {
            for upper in first.to_uppercase() {
                f.write_char(upper)?;
            }
        }
        f.write_str(chars.as_str())
    }
}

crate::explain::words_and_display!(Capitalised);

impl TargetId {
    /// The id of the rule that checks this target: `progress.<target>`.
    const fn rule(self) -> &'static str {
        match self {
            TargetId::SkillCompetitions => "progress.skill_competitions",
            TargetId::StandardVenues => "progress.standard_venues",
            TargetId::ParkVenues => "progress.park_venues",
            TargetId::SixHavesUnions => "progress.six_haves_unions",
            TargetId::SixNormsUnions => "progress.six_norms_unions",
            TargetId::HealthCareWorkers => "progress.health_care_workers",
            TargetId::RecuperationWorkers => "progress.recuperation_workers",
            TargetId::HealthKnowledgeWorkers => "progress.health_knowledge_workers",
            TargetId::CulturalEvents => "progress.cultural_events",
            TargetId::SinglesMixers => "progress.singles_mixers",
            TargetId::ModelWorkers => "progress.model_workers",
            TargetId::LabourMedals => "progress.labour_medals",
            TargetId::CertificatesAndPioneers => "progress.certificates_and_pioneers",
        }
    }
}

/// The answer to an `action_progress` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ProgressDecision {
    year: Year,
    results: [TargetResult; TARGET_COUNT],
}

impl ProgressDecision {
    /// The year the figures are for.
    pub fn year(&self) -> Year {
        self.year
    }

    /// Every target with its goal and figure, in the contract's order.
    pub fn targets(&self) -> &[TargetResult] {
        &self.results
    }

    /// Whether every target has a figure and meets its goal.
    pub fn all_met(&self) -> bool {
        self.results.iter().all(|r| r.met() == Some(true))
    }

    /// What the published policy leaves open that bears on this answer: M3
    /// has no number.
    pub fn open(&self) -> &'static [OpenTopic] {
        &[OpenTopic::InnovationProjectTargets]
    }

    /// The steps taken, in `lang`: one per target.
    pub fn explain(&self, lang: Lang) -> Vec<Step> {
        explain::collect(|steps| self.explain_to(lang, steps))
    }

    /// Writes the steps taken, in `lang`, into `out`.
    pub fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
        for result in &self.results {
            result.explain_to(lang, out);
        }
    }
}

/// Decides an `action_progress` question (I9).
pub fn decide(params: &Parameters, facts: &ProgressFacts) -> ProgressDecision {
    ProgressDecision {
        year: facts.year,
        results: std::array::from_fn(|i| {
            let target = TargetId::ALL[i];
            TargetResult {
                target,
                goal: target.goal(params),
                achieved: facts.achieved.get(target),
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;

    fn progress(figures: &[(TargetId, u64)]) -> ProgressDecision {
        let facts = ProgressFacts {
            year: Year::new(2023).unwrap(),
            achieved: figures.iter().copied().collect(),
        };
        decide(Policy::published().parameters(), &facts)
    }

    #[test]
    fn i9_goals() {
        let d = progress(&[]);
        let goal = |t: TargetId| d.targets()[t as usize].goal;
        assert_eq!(goal(TargetId::SkillCompetitions), 100);
        assert_eq!(goal(TargetId::ParkVenues), 30);
        assert_eq!(goal(TargetId::RecuperationWorkers), 10_000);
        assert_eq!(goal(TargetId::ModelWorkers), 200);
        assert_eq!(goal(TargetId::CertificatesAndPioneers), 120);
        assert_eq!(TargetId::LabourMedals.period(), Period::ThreeYears);
        assert_eq!(TargetId::SinglesMixers.period(), Period::Year);
        assert!(!d.all_met());
    }

    #[test]
    fn i1_a_goal_reached_exactly_is_met() {
        let all: Vec<_> = TargetId::ALL
            .iter()
            .map(|t| (*t, t.goal(Policy::published().parameters())))
            .collect();
        assert!(progress(&all).all_met());
        let mut short = all.clone();
        short[2].1 -= 1;
        let d = progress(&short);
        assert!(!d.all_met());
        assert_eq!(d.targets()[2].met(), Some(false));
    }

    #[test]
    fn article_figures_of_2023() {
        let d = progress(&[
            (TargetId::SkillCompetitions, 143),
            (TargetId::RecuperationWorkers, 11_500),
        ]);
        let r = d.targets()[TargetId::SkillCompetitions as usize];
        assert_eq!(
            (r.met(), r.percent().as_deref()),
            (Some(true), Some("143.0"))
        );
        let r = d.targets()[TargetId::RecuperationWorkers as usize];
        assert_eq!(r.percent().as_deref(), Some("115.0"));
        let r = d.targets()[TargetId::ModelWorkers as usize];
        assert_eq!((r.met(), r.percent()), (None, None));
    }
}
