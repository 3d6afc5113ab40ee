//! The special action's targets, and how far a year's figures go towards them
//! (C2, C3, C12, C13, C16, C20; POLICY I1, I9).

use std::fmt;

use super::{Context, Outcome, ReadCase, Rule};
use crate::explain::{self, Explainer, Step, say};
use crate::json::write::{Json, key};
use crate::policy::{OpenTopic, Parameters};
use crate::read::values as read;
use crate::read::{Error, Fields};
use crate::vocab::{Clause, Lang, Period, TargetId, Year, percent_one_decimal};

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
        let step = (rule(t), clause, Some(Clause::I9), self.met() == Some(true));
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

crate::vocab::words::words_and_display!(Capitalised);

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
            TargetResult {
                target,
                goal: params.goal(target),
                achieved: facts.achieved.get(target),
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
            match t.met() {
                Some(met) => j.bool(met),
                None => j.null(),
            }
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
