//! The special action's targets, and how far a year's figures go towards them
//! (C2, C3, C12, C13, C16, C20; POLICY I1, I9).

use super::basis::{Basis, Capitalised, Counted};
use super::{Context, Outcome, ReadCase, Rule};
use crate::explain::{self, Explainer, Step, say};
use crate::json::write::{Json, key};
use crate::policy::{OpenTopic, ParamId, Parameters, Used};
use crate::read::values as read;
use crate::read::{Error, Fields};
use crate::vocab::words::Words;
use crate::vocab::{Clause, Lang, TargetId, Year, percent_one_decimal};

/// The figures achieved towards some of the targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Figures([Option<u64>; TargetId::COUNT]);

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
    /// The published goal, when an override put another in its place.
    published_goal: Option<u64>,
}

/// How the article words a target's goal.
#[derive(Clone, Copy)]
enum Goal {
    /// A figure of C2, which says no 每年: yearly by the reading I9.
    Yearly,
    /// 每年 and a figure (C16, C20).
    EveryYear,
    /// 每年 and a figure with 以上 (C12).
    EveryYearAtLeast,
    /// 每年 and a figure that is also the cap of I6 (C13).
    EveryYearCap,
    /// 3年内 and a figure with 以上 (C3).
    ThreeYearsAtLeast,
}

/// How a target's figures are told: the Chinese verb and measure word, the
/// English verb, and how the article words the goal.
const fn telling(target: TargetId) -> (&'static str, &'static str, &'static str, Goal) {
    match target {
        TargetId::SkillCompetitions => ("举办", "场", "held", Goal::Yearly),
        TargetId::StandardVenues => ("打造", "家", "built", Goal::Yearly),
        TargetId::ParkVenues => ("打造", "个", "built", Goal::EveryYearAtLeast),
        TargetId::SixHavesUnions => ("补助", "家", "awarded", Goal::EveryYearCap),
        TargetId::SixNormsUnions => ("补助", "家", "awarded", Goal::EveryYearCap),
        TargetId::HealthCareWorkers => ("惠及", "名", "reached", Goal::Yearly),
        TargetId::RecuperationWorkers => ("组织", "名", "in recuperation", Goal::EveryYear),
        TargetId::HealthKnowledgeWorkers => ("服务", "名", "reached", Goal::EveryYear),
        TargetId::CulturalEvents => ("开展", "场", "held", Goal::Yearly),
        TargetId::SinglesMixers => ("举办", "场", "held", Goal::Yearly),
        TargetId::ModelWorkers => ("选树", "名", "selected", Goal::ThreeYearsAtLeast),
        TargetId::LabourMedals => ("选树", "名", "selected", Goal::ThreeYearsAtLeast),
        TargetId::CertificatesAndPioneers => ("选树", "个", "selected", Goal::ThreeYearsAtLeast),
    }
}

/// A target's goal as the article words it, with its source: `"年度目标100场（C2）"`.
struct GoalWords {
    goal: Goal,
    n: Counted,
    basis: Basis<Counted>,
}

impl Words for GoalWords {
    fn write_words(&self, out: &mut String) {
        let lang = self.n.lang;
        let (zh_before, zh_after, en_before, en_after) = match self.goal {
            Goal::Yearly => ("年度目标", "（", "the yearly goal of ", " ("),
            Goal::EveryYear => ("每年", "（", "", " every year ("),
            Goal::EveryYearAtLeast => ("每年", "以上（", "at least ", " every year ("),
            Goal::EveryYearCap => (
                "每年",
                "，也是补助上限（",
                "",
                " every year, which is also the cap (",
            ),
            Goal::ThreeYearsAtLeast => ("3年内", "以上（", "at least ", " within 3 years ("),
        };
        out.push_str(lang.pick(zh_before, en_before));
        self.n.write_words(out);
        out.push_str(lang.pick(zh_after, en_after));
        self.basis.write_words(out);
        out.push_str(match (self.goal, lang) {
            (Goal::EveryYearAtLeast | Goal::ThreeYearsAtLeast, Lang::Zh) => "；I1：“以上”含本数）",
            (Goal::EveryYearAtLeast | Goal::ThreeYearsAtLeast, Lang::En) => {
                "; I1: 'and above' includes the number)"
            }
            (Goal::EveryYearCap, Lang::Zh) => "；I6）",
            (Goal::EveryYearCap, Lang::En) => "; I6)",
            (_, Lang::Zh) => "）",
            (_, Lang::En) => ")",
        });
    }
}

impl TargetResult {
    /// Whether the figure meets the goal (I1: "100 and above" includes 100);
    /// `None` without a figure.
    pub fn met(&self) -> Option<bool> {
        self.achieved.map(|a| a >= self.goal)
    }

    /// Whether the goal is also a cap (C13's unions, I6).
    pub fn is_cap(&self) -> bool {
        matches!(telling(self.target).3, Goal::EveryYearCap)
    }

    /// Whether the figure goes beyond a goal that is also a cap; `None`
    /// without a figure or for a goal that is no cap.
    pub fn beyond_cap(&self) -> Option<bool> {
        self.achieved
            .filter(|_| self.is_cap())
            .map(|a| a > self.goal)
    }

    /// The figure as a percentage of the goal, one decimal, half up; `None`
    /// without a figure or with a goal of 0.
    pub fn percent(&self) -> Option<String> {
        self.achieved
            .and_then(|a| percent_one_decimal(a, self.goal))
    }

    fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
        let t = self.target;
        let (zh_verb, zh_unit, en_verb, goal) = telling(t);
        let (zh, en) = (t.name_zh(), Capitalised(t.name_en()));
        let count = |n| Counted {
            n,
            zh: zh_unit,
            lang,
        };
        let used = Used::compared(self.goal, self.published_goal);
        let goal = GoalWords {
            goal,
            n: count(self.goal),
            basis: Basis::of(t.clause(), used, lang, count),
        };
        let done = self.met() == Some(true) && self.beyond_cap() != Some(true);
        let step = (rule(t), t.clause(), Some(Clause::I9), done);
        let Some(achieved) = self.achieved else {
            return say!(
                out,
                lang,
                step,
                zh[zh, "：未提供完成数，", goal],
                en[en, ": no figure given; ", goal],
            );
        };
        let achieved = count(achieved);
        let (zh_status, en_status) = match (self.met(), self.beyond_cap()) {
            (_, Some(true)) => ("超出上限", "beyond the cap"),
            (Some(true), _) => ("已完成", "met"),
            _ => ("未完成", "not met"),
        };
        match self.percent() {
            Some(pct) => say!(
                out,
                lang,
                step,
                zh[zh, "：已", zh_verb, achieved, "，", goal, "，", zh_status, "（完成率", pct, "%）"],
                en[en, ": ", achieved, " ", en_verb, ", against ", goal, ": ", en_status, " (", pct, "%)"],
            ),
            None => say!(
                out,
                lang,
                step,
                zh[zh, "：已", zh_verb, achieved, "，", goal, "，", zh_status],
                en[en, ": ", achieved, " ", en_verb, ", against ", goal, ": ", en_status],
            ),
        }
    }
}

/// The id of the rule that checks a target: `progress.<target>`.
const fn rule(target: TargetId) -> &'static str {
    match target {
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

/// The answer to an `action_progress` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ProgressDecision {
    year: Year,
    results: [TargetResult; TargetId::COUNT],
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

    /// Whether every target has a figure that meets its goal, and none goes
    /// beyond a goal that is also a cap.
    pub fn all_met(&self) -> bool {
        self.results
            .iter()
            .all(|r| r.met() == Some(true) && r.beyond_cap() != Some(true))
    }

    /// What the published policy leaves open that bears on this answer: M3
    /// has no number, and the three years of C3 are not dated.
    pub fn open(&self) -> &'static [OpenTopic] {
        &[
            OpenTopic::InnovationProjectTargets,
            OpenTopic::ThreeYearWindow,
        ]
    }

    /// The steps taken, in `lang`: one per target.
    pub fn explain(&self, lang: Lang) -> Vec<Step> {
        explain::collect(|steps| self.explain_to(lang, steps))
    }

    /// Writes the steps taken, in `lang`, into `out`.
    pub(crate) fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
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
            let goal = params.used(ParamId::of_target(target), params.goal(target));
            TargetResult {
                target,
                goal: goal.value,
                achieved: facts.achieved.get(target),
                published_goal: goal.published,
            }
        }),
    }
}

/// The fields of an `action_progress` question's facts.
const FIELDS: &[&str] = &["year", "achieved"];

impl Rule for ProgressFacts {
    const CODE: &'static str = "action_progress";
    const NAME_ZH: &'static str = "专项行动进展";
    const NAME_EN: &'static str = "special action progress";
    const CLAUSE: Clause = Clause::C2;
    type Decision = ProgressDecision;

    fn read(f: &Fields<'_>, _: ReadCase) -> Result<ProgressFacts, Error> {
        f.only(FIELDS)?;
        let year = f.read("year", read::year)?;
        let mut achieved = Figures::default();
        if let Some(figures) = f.object("achieved")? {
            figures.only(TargetId::CODES)?;
            for (name, value) in figures.entries() {
                // `only` has checked every name is a target; a `null` figure
                // is the same as none.
                if let (Some(target), false) = (TargetId::from_code(name), value.is_null()) {
                    let n = read::count(value).map_err(|p| p.at(figures.path(name)))?;
                    achieved.set(target, n);
                }
            }
        }
        Ok(ProgressFacts { year, achieved })
    }

    fn decide(&self, params: &Parameters) -> Result<ProgressDecision, Error> {
        Ok(decide(params, self))
    }

    fn outcome(d: &ProgressDecision) -> Outcome {
        Outcome::of(d.all_met(), Outcome::AllMet, Outcome::NotAllMet)
    }

    fn open(d: &ProgressDecision) -> &'static [OpenTopic] {
        d.open()
    }

    fn explain(d: &ProgressDecision, lang: Lang, out: &mut dyn Explainer) {
        d.explain_to(lang, out);
    }

    fn write(d: &ProgressDecision, j: &mut Json, _: &Context<'_>) {
        j.key(key!("year"));
        j.u64(u64::from(d.year().get()));
        j.key(key!("targets"));
        j.begin_array();
        for t in d.targets() {
            j.item();
            j.begin();
            j.key(key!("target"));
            j.code(t.target.code());
            j.key(key!("clause"));
            j.code(t.target.clause().id());
            j.key(key!("period"));
            j.code(t.target.period().code());
            j.key(key!("goal"));
            j.u64(t.goal);
            j.key(key!("achieved"));
            j.opt_u64(t.achieved);
            j.key(key!("met"));
            j.opt_bool(t.met());
            j.key(key!("beyond_cap"));
            j.opt_bool(t.beyond_cap());
            j.key(key!("percent"));
            j.opt_str(t.percent().as_deref());
            j.end();
        }
        j.end_array();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;
    use crate::vocab::Period;

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
            .map(|t| (*t, Policy::published().parameters().goal(*t)))
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
