//! Subsidies for workers' activity venues (C9, C10, C12; POLICY I4, I5).
//!
//! Two standards, both revised by the action: township, street (subdistrict),
//! village and community venues qualify from 100 m² of indoor area (200 m²
//! before), with no amount stated in the article; venues in provincial-or-higher
//! industrial parks receive 500,000 yuan (150,000 before), with no area
//! condition. The date from which the revision applies is not published.

use super::basis::{Basis, SquareMetres};
use super::{AMOUNT, Context, Outcome, ReadCase, Rule};
use crate::explain::{self, Explainer, Step, say};
use crate::json::value::Value;
use crate::json::write::Json;
use crate::policy::{OpenTopic, ParamId, Parameters, Used};
use crate::read::values as read;
use crate::read::{Error, Expected, Fields};
use crate::vocab::{Area, Clause, Fen, GrassrootsKind, INDUSTRIAL_PARK, Lang, ParkLevel};

/// The facts of a `venue_subsidy` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Venue {
    /// A township, street, village or community venue (C9).
    Grassroots {
        /// Which kind.
        kind: GrassrootsKind,
        /// The indoor area, the one condition of C9.
        indoor_area: Area,
    },
    /// A venue in an industrial park or development zone (C10).
    IndustrialPark {
        /// The park's level.
        level: ParkLevel,
        /// The indoor area, if given: it sets no condition (I5).
        indoor_area: Option<Area>,
    },
}

/// The answer to a `venue_subsidy` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VenueDecision {
    venue: Venue,
    eligible: bool,
    amount: Option<Fen>,
    /// The standards compared, as used and as published.
    min_area: Used<Area>,
    grassroots_amount: Used<Option<Fen>>,
    min_level: Used<ParkLevel>,
    park_amount: Used<Fen>,
}

impl VenueDecision {
    /// Whether the venue qualifies for the subsidy.
    pub fn eligible(&self) -> bool {
        self.eligible
    }

    /// The subsidy: `None` when the venue does not qualify, and for a
    /// grassroots venue unless an amount was supplied as an override, since the
    /// published policy sets none (I4).
    pub fn amount(&self) -> Option<Fen> {
        self.amount
    }

    /// The venue decided on.
    pub fn venue(&self) -> Venue {
        self.venue
    }

    /// What the published policy leaves open that bears on this answer.
    pub fn open(&self) -> &'static [OpenTopic] {
        if matches!(self.venue, Venue::Grassroots { .. }) && self.eligible && self.amount.is_none()
        {
            &[OpenTopic::RevisionDate, OpenTopic::GrassrootsVenueAmount]
        } else {
            &[OpenTopic::RevisionDate]
        }
    }

    /// The steps taken, in `lang`.
    pub fn explain(&self, lang: Lang) -> Vec<Step> {
        explain::collect(|steps| self.explain_to(lang, steps))
    }

    /// Writes the steps taken, in `lang`, into `out`.
    pub(crate) fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
        match self.venue {
            Venue::Grassroots { kind, indoor_area } => {
                self.explain_grassroots(lang, kind, indoor_area, out);
            }
            Venue::IndustrialPark { level, indoor_area } => {
                self.explain_park(lang, level, indoor_area, out);
            }
        }
    }

    fn explain_grassroots(
        &self,
        lang: Lang,
        kind: GrassrootsKind,
        area: Area,
        out: &mut dyn Explainer,
    ) {
        let kind = kind.name(lang);
        say!(
            out,
            lang,
            ("venue.kind", Clause::C9, Some(Clause::I4), true),
            zh[kind, "职工活动场所：适用C9对乡镇（街道）、村（社区）职工活动场所的室内面积标准"],
            en["A ", kind, " venue: the indoor-area standard of C9 for township (street) and village (community) venues applies"],
        );
        let min = self.min_area.value.trimmed();
        let basis = Basis::of(Clause::C9, self.min_area, lang, |a| SquareMetres(a, lang));
        let step = (
            "venue.grassroots.area",
            Clause::C9,
            Some(Clause::I1),
            self.eligible,
        );
        if self.eligible {
            say!(
                out,
                lang,
                step,
                zh["室内面积", area, "平方米，达到", min, "平方米以上的标准（", basis, "；I1：“以上”含本数）"],
                en["The indoor area of ", area, " m² meets the standard of ", min, " m² and above (", basis, "; I1: 'and above' includes the number)"],
            );
        } else {
            say!(
                out,
                lang,
                step,
                zh["室内面积", area, "平方米，低于", min, "平方米以上的标准（", basis, "），不符合补助条件"],
                en["The indoor area of ", area, " m² is below the standard of ", min, " m² and above (", basis, "): not eligible"],
            );
            return;
        }
        let step = (
            "venue.grassroots.amount",
            Clause::C9,
            Some(Clause::I4),
            self.amount.is_some(),
        );
        match self.amount {
            None => say!(
                out,
                lang,
                step,
                zh["文章未规定乡镇（街道）、村（社区）职工活动场所的补助金额：金额留空，不作推定（I4）"],
                en["The article sets no amount for township (street) and village (community) venues: the amount is left empty, not guessed (I4)"],
            ),
            Some(amount) => {
                let amount = amount.words(lang);
                say!(
                    out,
                    lang,
                    step,
                    zh["补助金额", amount, "（已替换；文章未规定该金额，I4）"],
                    en["An amount of ", amount, " (overridden; the article sets none, I4)"],
                );
            }
        }
    }

    fn explain_park(
        &self,
        lang: Lang,
        level: ParkLevel,
        area: Option<Area>,
        out: &mut dyn Explainer,
    ) {
        let (level, min) = (level.name(lang), self.min_level.value.name(lang));
        let basis = Basis::of(Clause::C10, self.min_level, lang, |l| l.name(lang));
        let step = (
            "venue.park.level",
            Clause::C10,
            Some(Clause::I5),
            self.eligible,
        );
        if self.eligible {
            say!(
                out,
                lang,
                step,
                zh[level, "工业园区（开发区）：属于", min, "及以上（", basis, "）"],
                en["A ", level, " industrial park (development zone): at ", min, " level or higher (", basis, ")"],
            );
        } else {
            say!(
                out,
                lang,
                step,
                zh[level, "工业园区（开发区）：不属于", min, "及以上（", basis, "），不适用园区场所的补助标准（I5）"],
                en["A ", level, " industrial park (development zone): not at ", min, " level or higher (", basis, "), so the park venue standard does not apply (I5)"],
            );
        }
        if let Some(area) = area {
            say!(
                out,
                lang,
                ("venue.park.area", Clause::C10, Some(Clause::I5), true),
                zh["园区场所不设面积条件（I5）：所报室内面积", area, "平方米不影响结果"],
                en["Park venues have no area condition (I5): the indoor area of ", area, " m² given does not matter"],
            );
        }
        if let Some(amount) = self.amount {
            let amount = amount.words(lang);
            let basis = Basis::of(Clause::C10, self.park_amount, lang, |f: Fen| f.words(lang));
            say!(
                out,
                lang,
                ("venue.park.amount", Clause::C10, Some(Clause::I5), true),
                zh["每个场所补助", amount, "（", basis, "）"],
                en[amount, " per venue (", basis, ")"],
            );
        }
    }
}

/// Decides a `venue_subsidy` question (C9, C10; I1, I4, I5).
pub fn decide(params: &Parameters, venue: &Venue) -> VenueDecision {
    let min_area = params.used(ParamId::GrassrootsMinArea, params.grassroots_min_area);
    let grassroots_amount = params.used(ParamId::GrassrootsAmount, params.grassroots_amount);
    let min_level = params.used(ParamId::ParkMinLevel, params.park_min_level);
    let park_amount = params.used(ParamId::ParkAmount, params.park_amount);
    let (eligible, amount) = match *venue {
        // C9, I1: "100 m² and above" includes 100 m².
        Venue::Grassroots { indoor_area, .. } => {
            let eligible = indoor_area >= min_area.value;
            (eligible, grassroots_amount.value.filter(|_| eligible))
        }
        // C10, I5: provincial or higher; no area condition.
        Venue::IndustrialPark { level, .. } => {
            let eligible = level.at_least(min_level.value);
            (eligible, Some(park_amount.value).filter(|_| eligible))
        }
    };
    VenueDecision {
        venue: *venue,
        eligible,
        amount,
        min_area,
        grassroots_amount,
        min_level,
        park_amount,
    }
}

/// The fields of a `venue_subsidy` question's facts.
const FIELDS: &[&str] = &["venue_kind", "indoor_area_m2", "park_level"];

impl Rule for Venue {
    const CODE: &'static str = "venue_subsidy";
    const NAME_ZH: &'static str = "职工活动场所补助";
    const NAME_EN: &'static str = "worker activity venue subsidy";
    const CLAUSE: Clause = Clause::C9;
    type Decision = VenueDecision;

    fn read(f: &Fields<'_>, _: ReadCase) -> Result<Venue, Error> {
        f.only(FIELDS)?;
        let kind = f.read("venue_kind", |v| {
            read::code(v, Expected::VenueKind, |code| match code {
                INDUSTRIAL_PARK => Some(None),
                other => GrassrootsKind::from_code(other).map(Some),
            })
        })?;
        let level = |v: &Value<'_>| read::code(v, Expected::ParkLevel, ParkLevel::from_code);
        match kind {
            Some(kind) => {
                let indoor_area = f.read("indoor_area_m2", read::area)?;
                // Checked though not used: a grassroots venue has no park level.
                f.read_optional("park_level", level)?;
                Ok(Venue::Grassroots { kind, indoor_area })
            }
            None => Ok(Venue::IndustrialPark {
                indoor_area: f.read_optional("indoor_area_m2", read::area)?,
                level: f.read("park_level", level)?,
            }),
        }
    }

    fn decide(&self, params: &Parameters) -> Result<VenueDecision, Error> {
        Ok(decide(params, self))
    }

    fn outcome(d: &VenueDecision) -> Outcome {
        Outcome::of(d.eligible(), Outcome::Eligible, Outcome::Ineligible)
    }

    fn amount(d: &VenueDecision) -> Option<Fen> {
        d.amount()
    }

    fn open(d: &VenueDecision) -> &'static [OpenTopic] {
        d.open()
    }

    fn explain(d: &VenueDecision, lang: Lang, out: &mut dyn Explainer) {
        d.explain_to(lang, out);
    }

    fn write(d: &VenueDecision, j: &mut Json, _: &Context<'_>) {
        j.money(AMOUNT, d.amount());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Override, OverrideValue, ParamId, ParamValue, Policy};

    fn grassroots(hundredths: u64) -> VenueDecision {
        let venue = Venue::Grassroots {
            kind: GrassrootsKind::Township,
            indoor_area: Area::from_hundredths(hundredths).unwrap(),
        };
        decide(Policy::published().parameters(), &venue)
    }

    fn park(level: ParkLevel) -> VenueDecision {
        let venue = Venue::IndustrialPark {
            level,
            indoor_area: Some(Area::from_m2(1).unwrap()),
        };
        decide(Policy::published().parameters(), &venue)
    }

    #[test]
    fn c9_i1_100_m2_and_above_includes_100() {
        assert!(!grassroots(9_999).eligible());
        assert!(grassroots(10_000).eligible());
        assert!(grassroots(10_001).eligible());
        assert!(!grassroots(0).eligible());
    }

    #[test]
    fn i4_no_amount_for_grassroots_venues() {
        let d = grassroots(15_000);
        assert_eq!(d.amount(), None);
        assert!(d.open().contains(&OpenTopic::GrassrootsVenueAmount));
        assert!(!d.explain(Lang::En)[2].holds);
        assert!(
            !grassroots(5_000)
                .open()
                .contains(&OpenTopic::GrassrootsVenueAmount)
        );
    }

    #[test]
    fn c10_i5_provincial_or_higher_parks_get_500000_yuan() {
        let amount = Fen::from_yuan(500_000);
        assert_eq!(park(ParkLevel::National).amount(), amount);
        assert_eq!(park(ParkLevel::Provincial).amount(), amount);
        assert!(!park(ParkLevel::Municipal).eligible());
        assert_eq!(park(ParkLevel::County).amount(), None);
    }

    #[test]
    fn the_pre_revision_standard_by_override() {
        let published = Policy::published().parameters();
        let old = published
            .with(&[
                Override {
                    parameter: ParamId::GrassrootsMinArea,
                    value: OverrideValue::Value(ParamValue::Area(Area::from_m2(200).unwrap())),
                },
                Override {
                    parameter: ParamId::ParkAmount,
                    value: OverrideValue::Value(ParamValue::Fen(Fen::from_yuan(150_000))),
                },
            ])
            .unwrap();
        let township = Venue::Grassroots {
            kind: GrassrootsKind::Village,
            indoor_area: Area::from_m2(150).unwrap(),
        };
        assert!(decide(published, &township).eligible());
        assert!(!decide(&old, &township).eligible());
        let national = Venue::IndustrialPark {
            level: ParkLevel::National,
            indoor_area: None,
        };
        assert_eq!(decide(&old, &national).amount(), Fen::from_yuan(150_000));
        assert_ne!(old.digest(), published.digest());
    }

    #[test]
    fn explanations_give_the_values_compared() {
        let text = &grassroots(9_500).explain(Lang::En)[1].text;
        assert_eq!(
            text,
            "The indoor area of 95.00 m² is below the standard of 100 m² and above (C9): not eligible"
        );
        let text = &grassroots(9_500).explain(Lang::Zh)[1].text;
        assert!(text.contains("95.00平方米") && text.contains("100平方米"));
    }
}
