//! The parameters of the policy: their ids, units and values, and the typed
//! set of values in force that the rules read.
//!
//! Every number a rule compares against or pays (thresholds, amounts, rates by
//! year, shares, caps, targets) is a parameter: its value comes from the
//! embedded policy file, or from a caller's override for one request. The
//! rules read them as typed fields, so a threshold is an [`Area`] and a rate a
//! [`Rate`], never a bare number.

use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};
use sha2::{Digest, Sha256};

use crate::json::value::Value;
use crate::json::write::Json;
use crate::read::values;
use crate::read::{Expected, Problem};
use crate::vocab::{Area, Fen, ParkLevel, Rate, TargetId, Year};

/// The unit of a parameter: what its number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Money in whole fen (POLICY I2).
    Fen,
    /// Square metres, at most two decimals.
    SquareMetres,
    /// A percentage from 0 to 100, at most two decimals.
    Percent,
    /// A park level code (`national`, `provincial`, …).
    ParkLevel,
    /// A number of things each year.
    PerYear,
    /// A number of things over the action's three years (C3).
    PerThreeYears,
}

impl Unit {
    /// The code used in the policy file and the catalog.
    pub const fn code(self) -> &'static str {
        match self {
            Unit::Fen => "fen",
            Unit::SquareMetres => "m2",
            Unit::Percent => "percent",
            Unit::ParkLevel => "park_level",
            Unit::PerYear => "per_year",
            Unit::PerThreeYears => "per_three_years",
        }
    }

    /// The unit with this code, if any.
    pub fn from_code(code: &str) -> Option<Unit> {
        [
            Unit::Fen,
            Unit::SquareMetres,
            Unit::Percent,
            Unit::ParkLevel,
            Unit::PerYear,
            Unit::PerThreeYears,
        ]
        .into_iter()
        .find(|u| u.code() == code)
    }
}

/// The mutual-aid subsidy rate of each calendar year of the period (C18).
///
/// The years are contiguous: the first and last year with a rate are the
/// subsidy period, so "2023 to 2026" is read off the data, not written in code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct YearlyRates {
    first: Year,
    /// Kept beside the rates, since every mutual-aid decision reads it.
    last: Year,
    rates: Vec<Rate>,
}

impl YearlyRates {
    /// The rates of consecutive years from `first`; `None` when empty or
    /// running past year 9999.
    pub fn new(first: Year, rates: Vec<Rate>) -> Option<YearlyRates> {
        let span = u16::try_from(rates.len()).ok()?.checked_sub(1)?;
        let last = Year::new(first.get().checked_add(span)?)?;
        Some(YearlyRates { first, last, rates })
    }

    /// The rate of `year`, if it is in the period.
    #[inline]
    pub fn rate(&self, year: Year) -> Option<Rate> {
        // A year before the first wraps to an offset past the end.
        let offset = year.get().wrapping_sub(self.first.get());
        self.rates.get(usize::from(offset)).copied()
    }

    /// Whether `year` is in the period.
    #[inline]
    pub fn covers(&self, year: Year) -> bool {
        usize::from(year.get().wrapping_sub(self.first.get())) < self.rates.len()
    }

    /// The rate of `year`, or 0% outside the period, chosen without a branch
    /// (for batches, where the year changes from case to case).
    #[inline]
    pub fn rate_or_zero(&self, year: Year) -> Rate {
        let offset = usize::from(year.get().wrapping_sub(self.first.get()));
        let within = offset < self.rates.len();
        // Index 0 outside the period (the rates are never empty, checked by
        // `new`), then the rate dropped: masks, not branches.
        let index = offset & usize::from(within).wrapping_neg();
        self.rates
            .get(index)
            .copied()
            .unwrap_or(Rate::ZERO)
            .kept_if(within)
    }

    /// The first year of the period.
    #[inline]
    pub fn first(&self) -> Year {
        self.first
    }

    /// The last year of the period.
    #[inline]
    pub fn last(&self) -> Year {
        self.last
    }

    /// Every year with its rate, in order.
    pub fn iter(&self) -> impl Iterator<Item = (Year, Rate)> + '_ {
        (self.first.get()..)
            .filter_map(Year::new)
            .zip(self.rates.iter().copied())
    }

    /// Runs of years with the same rate: `[(2023, 2024, 50%), (2025, 2025, 40%), …]`.
    pub fn spans(&self) -> Vec<(Year, Year, Rate)> {
        let mut spans: Vec<(Year, Year, Rate)> = Vec::new();
        for (year, rate) in self.iter() {
            match spans.last_mut() {
                Some((_, to, r)) if *r == rate => *to = year,
                _ => spans.push((year, year, rate)),
            }
        }
        spans
    }

    /// The same period with `rate` in every year.
    pub(crate) fn every_year(&self, rate: Rate) -> YearlyRates {
        YearlyRates {
            rates: vec![rate; self.rates.len()],
            ..*self
        }
    }

    /// These rates with `year` set to `rate`; the period may grow by a year at
    /// either end but never gain a gap.
    pub(crate) fn with(&self, year: Year, rate: Rate) -> Result<YearlyRates, Problem> {
        let mut next = self.clone();
        if let Some(slot) = year
            .get()
            .checked_sub(self.first.get())
            .and_then(|offset| next.rates.get_mut(usize::from(offset)))
        {
            *slot = rate;
        } else if self.last().next() == Some(year) {
            next.rates.push(rate);
            next.last = year;
        } else if year.next() == Some(self.first) {
            next.first = year;
            next.rates.insert(0, rate);
        } else {
            return Err(Problem::YearGap {
                year,
                first: self.first,
                last: self.last(),
            });
        }
        Ok(next)
    }
}

/// The value of one parameter, whatever its type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ParamValue {
    /// An amount of money; `None` where the published policy sets none.
    Fen(Option<Fen>),
    /// An area.
    Area(Area),
    /// A percentage.
    Rate(Rate),
    /// A percentage for each year of a period.
    YearlyRates(YearlyRates),
    /// A park level.
    ParkLevel(ParkLevel),
    /// A count of things (per year or per three years).
    Count(u64),
}

impl ParamValue {
    /// Reads a value of `unit` from JSON, as the policy file and overrides
    /// write it: fen and counts as whole numbers (fen may be `null`: not
    /// set), areas and percentages as numbers with at most two decimals, a
    /// park level as its code.
    pub(crate) fn from_json(unit: Unit, json: &Value<'_>) -> Result<ParamValue, Problem> {
        match unit {
            Unit::Fen if json.is_null() => Ok(ParamValue::Fen(None)),
            Unit::Fen => values::fen(json).map(|f| ParamValue::Fen(Some(f))),
            Unit::SquareMetres => values::area(json).map(ParamValue::Area),
            Unit::Percent => values::rate(json).map(ParamValue::Rate),
            Unit::ParkLevel => values::code(json, Expected::ParkLevel, ParkLevel::from_code)
                .map(ParamValue::ParkLevel),
            Unit::PerYear | Unit::PerThreeYears => values::count(json).map(ParamValue::Count),
        }
    }

    /// Writes the value as the policy file and overrides write it.
    pub(crate) fn write_json(&self, j: &mut Json) {
        match self {
            ParamValue::Fen(fen) => j.opt_u64(fen.map(Fen::get)),
            ParamValue::Area(area) => j.hundredths(area.hundredths()),
            ParamValue::Rate(rate) => j.rate(*rate),
            ParamValue::YearlyRates(rates) => j.year_rates(rates.iter()),
            ParamValue::ParkLevel(level) => j.str(level.code()),
            ParamValue::Count(n) => j.u64(*n),
        }
    }

    /// What a value of this kind is, for messages.
    pub(crate) fn expected(&self) -> Expected {
        match self {
            ParamValue::Fen(_) => Expected::Fen,
            ParamValue::Area(_) => Expected::Area,
            ParamValue::Rate(_) => Expected::Percent,
            ParamValue::YearlyRates(_) => Expected::YearlyPercent,
            ParamValue::ParkLevel(_) => Expected::ParkLevel,
            ParamValue::Count(_) => Expected::Count,
        }
    }
}

impl Serialize for ParamValue {
    /// The value as JSON: the same form the policy file and overrides use.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ParamValue::Fen(None) => serializer.serialize_none(),
            ParamValue::Fen(Some(fen)) => serializer.serialize_u64(fen.get()),
            ParamValue::Area(area) => area.serialize(serializer),
            ParamValue::Rate(rate) => rate.serialize(serializer),
            ParamValue::YearlyRates(rates) => {
                let mut map = serializer.serialize_map(Some(rates.rates.len()))?;
                for (year, rate) in rates.iter() {
                    map.serialize_entry(&year.get().to_string(), &rate)?;
                }
                map.end()
            }
            ParamValue::ParkLevel(level) => serializer.serialize_str(level.code()),
            ParamValue::Count(n) => serializer.serialize_u64(*n),
        }
    }
}

impl fmt::Display for ParamValue {
    /// The value as compact JSON, as the policy file writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut json = Json::with_capacity(16);
        self.write_json(&mut json);
        f.write_str(&json.finish())
    }
}

/// A Rust type that holds the value of a parameter.
pub(crate) trait Typed: Sized {
    fn into_value(self) -> ParamValue;
    fn from_value(value: ParamValue) -> Option<Self>;
}

macro_rules! typed {
    ($ty:ty, $variant:ident) => {
        impl Typed for $ty {
            fn into_value(self) -> ParamValue {
                ParamValue::$variant(self)
            }
            fn from_value(value: ParamValue) -> Option<Self> {
                match value {
                    ParamValue::$variant(v) => Some(v),
                    _ => None,
                }
            }
        }
    };
}
typed!(Option<Fen>, Fen);
typed!(Area, Area);
typed!(Rate, Rate);
typed!(YearlyRates, YearlyRates);
typed!(ParkLevel, ParkLevel);
typed!(u64, Count);

/// A required amount: a parameter that must have one.
impl Typed for Fen {
    fn into_value(self) -> ParamValue {
        ParamValue::Fen(Some(self))
    }
    fn from_value(value: ParamValue) -> Option<Self> {
        match value {
            ParamValue::Fen(fen) => fen,
            _ => None,
        }
    }
}

macro_rules! parameters {
    ($(
        $(#[$doc:meta])*
        $variant:ident, $field:ident: $ty:ty = $id:literal, $unit:ident;
    )+) => {
        /// The id of a policy parameter, as the catalog and overrides name it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum ParamId {
            $($(#[$doc])* $variant,)+
        }

        impl ParamId {
            /// Every parameter, in catalog order.
            pub const ALL: &'static [ParamId] = &[$(ParamId::$variant,)+];

            /// The id: `"mutual_aid.rate_percent"`.
            pub const fn id(self) -> &'static str {
                match self { $(ParamId::$variant => $id,)+ }
            }

            /// The unit the rules read the value in.
            pub const fn unit(self) -> Unit {
                match self { $(ParamId::$variant => Unit::$unit,)+ }
            }
        }

        /// The values of every parameter in force for one evaluation: the
        /// published ones, or those with a request's overrides applied.
        ///
        /// Built only by loading a policy or by [`Parameters::with`], so its
        /// [digest](Parameters::digest) always matches its values.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Parameters {
            $(pub(crate) $field: $ty,)+
            digest: [u8; 32],
            /// The digest as text, kept since every answer's stamp shows it.
            digest_hex: String,
            /// The published value of each parameter an override replaced,
            /// for explanations that name both (empty for the published set).
            replaced: Vec<(ParamId, ParamValue)>,
        }

        impl Parameters {
            /// The value of parameter `id`.
            pub fn get(&self, id: ParamId) -> ParamValue {
                match id { $(ParamId::$variant => self.$field.clone().into_value(),)+ }
            }

            /// Sets parameter `id`; `false` (and no change) when the value is
            /// not of the parameter's type.
            pub(super) fn set(&mut self, id: ParamId, value: ParamValue) -> bool {
                match id {
                    $(ParamId::$variant => match <$ty>::from_value(value) {
                        Some(v) => { self.$field = v; true }
                        None => false,
                    },)+
                }
            }

            /// Builds the set from one value per parameter, in
            /// [`ParamId::ALL`] order; `Err(id)` names the first that is
            /// missing or of the wrong type.
            pub(crate) fn from_values(
                mut values: impl FnMut(ParamId) -> Option<ParamValue>,
            ) -> Result<Parameters, ParamId> {
                let mut this = Parameters {
                    $($field: <$ty>::from_value(values(ParamId::$variant).ok_or(ParamId::$variant)?)
                        .ok_or(ParamId::$variant)?,)+
                    digest: [0; 32],
                    digest_hex: String::new(),
                    replaced: Vec::new(),
                };
                this.seal();
                Ok(this)
            }
        }
    };
}

parameters! {
    /// C9, I4: the indoor area a grassroots venue needs (100 m², 200 before the revision).
    GrassrootsMinArea, grassroots_min_area: Area = "venue.grassroots.min_indoor_area_m2", SquareMetres;
    /// I4: the grassroots venue subsidy; the published policy sets none.
    GrassrootsAmount, grassroots_amount: Option<Fen> = "venue.grassroots.amount_fen", Fen;
    /// C10, I5: the park venue subsidy (500,000 yuan, 150,000 before the revision).
    ParkAmount, park_amount: Fen = "venue.park.amount_fen", Fen;
    /// C10, I5: the lowest park level that qualifies (provincial).
    ParkMinLevel, park_min_level: ParkLevel = "venue.park.min_level", ParkLevel;
    /// C12: park venues a year (target).
    ParkVenuesPerYear, park_venues_per_year: u64 = "venue.park.per_year", PerYear;
    /// C2 M4: standardised venues a year (target).
    StandardVenuesPerYear, standard_venues_per_year: u64 = "venue.standard.per_year", PerYear;
    /// C13: the six-haves union award.
    SixHavesAmount, six_haves_amount: Fen = "union.six_haves.amount_fen", Fen;
    /// C13: the six-norms union award.
    SixNormsAmount, six_norms_amount: Fen = "union.six_norms.amount_fen", Fen;
    /// C13, I6: six-haves awards a year (cap and target).
    SixHavesPerYear, six_haves_per_year: u64 = "union.six_haves.per_year", PerYear;
    /// C13, I6: six-norms awards a year (cap and target).
    SixNormsPerYear, six_norms_per_year: u64 = "union.six_norms.per_year", PerYear;
    /// C18, I7: the mutual-aid premium subsidy rate of each year of the period.
    MutualAidRates, mutual_aid_rates: YearlyRates = "mutual_aid.rate_percent", Percent;
    /// C5, I8: the least share of nominations from the chains and clusters.
    NominationMinShare, nomination_min_share: Rate = "nomination.min_share_percent", Percent;
    /// C6, I8: the least share of studio slots for advanced manufacturing.
    StudioMinShare, studio_min_share: Rate = "studio.min_share_percent", Percent;
    /// C2 M2: skill competitions a year (target).
    CompetitionsPerYear, competitions_per_year: u64 = "competitions.per_year", PerYear;
    /// C2 M5: workers in health care a year (target).
    HealthCarePerYear, health_care_per_year: u64 = "health_care.workers_per_year", PerYear;
    /// C16: frontline workers in recuperation a year (target).
    RecuperationPerYear, recuperation_per_year: u64 = "recuperation.workers_per_year", PerYear;
    /// C20: workers reached by health knowledge services a year (target).
    HealthKnowledgePerYear, health_knowledge_per_year: u64 = "health_knowledge.workers_per_year", PerYear;
    /// C2 M7: cultural events at the grassroots a year (target).
    CulturalEventsPerYear, cultural_events_per_year: u64 = "cultural_events.per_year", PerYear;
    /// C2 M8: singles mixers a year (target).
    SinglesMixersPerYear, singles_mixers_per_year: u64 = "singles_mixers.per_year", PerYear;
    /// C3: model workers over three years (target).
    ModelWorkersPerThreeYears, model_workers_per_three_years: u64 = "model_workers.per_three_years", PerThreeYears;
    /// C3: May-1 Labour Medals over three years (target).
    LabourMedalsPerThreeYears, labour_medals_per_three_years: u64 = "labour_medals.per_three_years", PerThreeYears;
    /// C3: May-1 Labour Certificates and Worker Pioneer titles over three years (target).
    CertificatesPerThreeYears, certificates_per_three_years: u64 = "certificates_and_pioneers.per_three_years", PerThreeYears;
}

impl ParamId {
    /// The parameter with this id, if any.
    pub fn from_id(id: &str) -> Option<ParamId> {
        ParamId::ALL.iter().copied().find(|p| p.id() == id)
    }
}

/// A value in force, with the published one when an override replaced it by
/// another: what an explanation states ("200 m² (overridden; C9 sets 100
/// m²)").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Used<T> {
    /// The value the decision used.
    pub value: T,
    /// The published value, when an override put another in its place.
    pub published: Option<T>,
}

impl<T: PartialEq> Used<T> {
    /// A value used as published.
    pub const fn published(value: T) -> Used<T> {
        Used {
            value,
            published: None,
        }
    }

    /// `value`, used where `published` was published (`None`: the value is
    /// the published one).
    pub(crate) fn compared(value: T, published: Option<T>) -> Used<T> {
        Used {
            published: published.filter(|p| *p != value),
            value,
        }
    }
}

impl Parameters {
    /// `value`, parameter `id` in force, with its published value when an
    /// override changed it.
    pub(crate) fn used<T: Typed + PartialEq>(&self, id: ParamId, value: T) -> Used<T> {
        let published = self
            .replaced(id)
            .and_then(|published| T::from_value(published.clone()));
        Used::compared(value, published)
    }

    /// Whether an override replaced any published value.
    #[inline]
    pub(crate) fn any_replaced(&self) -> bool {
        !self.replaced.is_empty()
    }

    /// The published value of `id`, when an override replaced it.
    pub(crate) fn replaced(&self, id: ParamId) -> Option<&ParamValue> {
        self.replaced
            .iter()
            .find(|(replaced, _)| *replaced == id)
            .map(|(_, published)| published)
    }

    /// Records, before the first override of `id`, its published value.
    pub(super) fn remember_published(&mut self, id: ParamId) {
        if !self.replaced.iter().any(|(replaced, _)| *replaced == id) {
            let published = self.get(id);
            self.replaced.push((id, published));
        }
    }
}

impl ParamId {
    /// The parameter holding the goal of `target` (I9).
    pub const fn of_target(target: TargetId) -> ParamId {
        match target {
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
}

impl Parameters {
    /// The goal of `target` in force.
    pub fn goal(&self, target: TargetId) -> u64 {
        match target {
            TargetId::SkillCompetitions => self.competitions_per_year,
            TargetId::StandardVenues => self.standard_venues_per_year,
            TargetId::ParkVenues => self.park_venues_per_year,
            TargetId::SixHavesUnions => self.six_haves_per_year,
            TargetId::SixNormsUnions => self.six_norms_per_year,
            TargetId::HealthCareWorkers => self.health_care_per_year,
            TargetId::RecuperationWorkers => self.recuperation_per_year,
            TargetId::HealthKnowledgeWorkers => self.health_knowledge_per_year,
            TargetId::CulturalEvents => self.cultural_events_per_year,
            TargetId::SinglesMixers => self.singles_mixers_per_year,
            TargetId::ModelWorkers => self.model_workers_per_three_years,
            TargetId::LabourMedals => self.labour_medals_per_three_years,
            TargetId::CertificatesAndPioneers => self.certificates_per_three_years,
        }
    }
}

impl fmt::Display for ParamId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Parameters {
    /// The SHA-256 digest of every value in force, for the audit stamp: two
    /// evaluations with the same digest used the same parameters.
    ///
    /// It hashes one line `id=value` per parameter, in catalog order, each
    /// value in its canonical JSON form (as the catalog shows it).
    pub fn digest(&self) -> &[u8; 32] {
        &self.digest
    }

    /// The digest as `sha256:` and 64 lowercase hex digits.
    pub fn digest_hex(&self) -> &str {
        &self.digest_hex
    }

    /// Computes the digest of the values now held.
    pub(super) fn seal(&mut self) {
        self.digest = self.compute_digest();
        let mut hex = String::with_capacity(7 + 64);
        hex.push_str("sha256:");
        for byte in self.digest {
            hex.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
            hex.push(char::from(b"0123456789abcdef"[usize::from(byte & 15)]));
        }
        self.digest_hex = hex;
    }

    fn compute_digest(&self) -> [u8; 32] {
        let mut hasher = Sha256::new();
        for id in ParamId::ALL {
            hasher.update(id.id().as_bytes());
            hasher.update(b"=");
            hasher.update(self.get(*id).to_string().as_bytes());
            hasher.update(b"\n");
        }
        hasher.finalize().into()
    }
}
