//! The codes of the contract's lists: the 12 key manufacturing chains and
//! the 6 advanced manufacturing clusters of Jiangxi's "1269" plan, venue
//! kinds and park levels, model union tiers and the action's targets.
//!
//! Each code is stable (it is what requests and answers carry) and has a
//! Chinese and an English name. Chains and clusters are separate lists: two
//! clusters share a name with a chain (electronic information, aviation) but
//! are different things, so a code is always read against the list it was
//! given in.

use super::Clause;

macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = ($code:literal, $zh:literal, $en:literal),)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in the official order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Every code, in the same order.
            pub const CODES: &'static [&'static str] = &[$($code,)+];

            /// The stable code used in JSON.
            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The Chinese name.
            pub const fn name_zh(self) -> &'static str {
                match self { $($name::$variant => $zh,)+ }
            }

            /// The English name.
            pub const fn name_en(self) -> &'static str {
                match self { $($name::$variant => $en,)+ }
            }

            /// The name in `lang`.
            pub const fn name(self, lang: $crate::vocab::Lang) -> &'static str {
                match lang {
                    $crate::vocab::Lang::Zh => self.name_zh(),
                    $crate::vocab::Lang::En => self.name_en(),
                }
            }

            /// The value with this code, if any.
            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.code() == code)
            }
        }

        impl ::serde::Serialize for $name {
            /// The code, as a string.
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            /// One of the codes; any other string is an error naming them.
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = <::std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                $name::from_code(&code)
                    .ok_or_else(|| ::serde::de::Error::unknown_variant(&code, $name::CODES))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_enum! {
    /// One of the 12 key manufacturing industrial chains (重点产业链).
    Chain {
        /// 电子信息
        ElectronicInformation = ("electronic_information", "电子信息", "electronic information"),
        /// 有色金属
        NonferrousMetals = ("nonferrous_metals", "有色金属", "non-ferrous metals"),
        /// 装备制造
        EquipmentManufacturing = ("equipment_manufacturing", "装备制造", "equipment manufacturing"),
        /// 新能源
        NewEnergy = ("new_energy", "新能源", "new energy"),
        /// 石化化工
        Petrochemicals = ("petrochemicals", "石化化工", "petrochemicals and chemicals"),
        /// 建材
        BuildingMaterials = ("building_materials", "建材", "building materials"),
        /// 钢铁
        Steel = ("steel", "钢铁", "steel"),
        /// 航空
        Aviation = ("aviation", "航空", "aviation"),
        /// 食品
        Food = ("food", "食品", "food"),
        /// 纺织服装
        TextilesApparel = ("textiles_apparel", "纺织服装", "textiles and apparel"),
        /// 医药
        Pharmaceuticals = ("pharmaceuticals", "医药", "pharmaceuticals"),
        /// 现代家具
        ModernFurniture = ("modern_furniture", "现代家具", "modern furniture"),
    }
}

code_enum! {
    /// One of the 6 advanced manufacturing clusters (先进制造业集群).
    Cluster {
        /// 电子信息
        ElectronicInformation = ("electronic_information", "电子信息", "electronic information"),
        /// 铜基新材料
        CopperNewMaterials = ("copper_new_materials", "铜基新材料", "copper-based new materials"),
        /// 锂电和光伏新能源
        LithiumPvNewEnergy = ("lithium_pv_new_energy", "锂电和光伏新能源", "lithium battery and photovoltaic new energy"),
        /// 钨和稀土金属新材料
        TungstenRareEarthNewMaterials = ("tungsten_rare_earth_new_materials", "钨和稀土金属新材料", "tungsten and rare-earth new materials"),
        /// 航空
        Aviation = ("aviation", "航空", "aviation"),
        /// 炼化一体化和化工新材料
        RefiningChemicalNewMaterials = ("refining_chemical_new_materials", "炼化一体化和化工新材料", "integrated refining and new chemical materials"),
    }
}

code_enum! {
    /// The kind of a grassroots venue (C9): 乡镇（街道）、村（社区）.
    GrassrootsKind {
        /// 乡镇
        Township = ("township", "乡镇", "township"),
        /// 街道
        Subdistrict = ("subdistrict", "街道", "subdistrict (street)"),
        /// 村
        Village = ("village", "村", "village"),
        /// 社区
        Community = ("community", "社区", "community"),
    }
}

/// The `venue_kind` code of a venue in an industrial park or development zone
/// (C10), the one kind that is not a [`GrassrootsKind`].
pub const INDUSTRIAL_PARK: &str = "industrial_park";

/// Every `venue_kind` code: the grassroots kinds, then [`INDUSTRIAL_PARK`].
pub const VENUE_KINDS: &[&str] = &[
    "township",
    "subdistrict",
    "village",
    "community",
    INDUSTRIAL_PARK,
];

code_enum! {
    /// The level of an industrial park or development zone, highest first.
    ParkLevel {
        /// 国家级
        National = ("national", "国家级", "national"),
        /// 省级
        Provincial = ("provincial", "省级", "provincial"),
        /// 市级
        Municipal = ("municipal", "市级", "municipal"),
        /// 县级
        County = ("county", "县级", "county"),
    }
}

impl ParkLevel {
    /// Whether this level is `min` or higher ("省级及以上": provincial or higher).
    pub const fn at_least(self, min: ParkLevel) -> bool {
        // Declared highest first.
        self as u8 <= min as u8
    }
}

code_enum! {
    /// The assessed tier of a model enterprise union (C13, I6).
    Tier {
        /// 六有: six things an enterprise union has.
        SixHaves = ("six_haves", "“六有”", "six-haves"),
        /// 六规范: six things an enterprise union runs to standard.
        SixNorms = ("six_norms", "“六规范”", "six-norms"),
    }
}

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

impl TargetId {
    /// The number of targets.
    pub const COUNT: usize = TargetId::ALL.len();

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

    /// Whether the goal is for each year or for the three years of C3 (the
    /// unit of its parameter must agree: the policy file is checked for it).
    pub const fn period(self) -> Period {
        match self {
            TargetId::ModelWorkers | TargetId::LabourMedals | TargetId::CertificatesAndPioneers => {
                Period::ThreeYears
            }
            _ => Period::Year,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_chains_six_clusters_codes_unique() {
        assert_eq!(Chain::ALL.len(), 12);
        assert_eq!(Cluster::ALL.len(), 6);
        for (i, a) in Chain::ALL.iter().enumerate() {
            assert_eq!(Chain::from_code(a.code()), Some(*a));
            assert!(Chain::ALL[i + 1..].iter().all(|b| b.code() != a.code()));
        }
        for c in Cluster::ALL {
            assert_eq!(Cluster::from_code(c.code()), Some(*c));
        }
        // Same code, different lists: read against the list it was given in.
        assert_eq!(Chain::from_code("aviation"), Some(Chain::Aviation));
        assert_eq!(Cluster::from_code("aviation"), Some(Cluster::Aviation));
        assert_eq!(Chain::from_code("copper_new_materials"), None);
    }

    #[test]
    fn serde_speaks_the_codes() {
        assert!(serde_json::from_str::<Chain>(r#""copper_new_materials""#).is_err());
        assert_eq!(
            serde_json::from_str::<Cluster>(r#""copper_new_materials""#).unwrap(),
            Cluster::CopperNewMaterials
        );
    }

    #[test]
    fn venue_kinds_are_the_grassroots_kinds_and_the_park() {
        let mut kinds = GrassrootsKind::CODES.to_vec();
        kinds.push(INDUSTRIAL_PARK);
        assert_eq!(kinds, VENUE_KINDS);
    }

    #[test]
    fn park_levels_highest_first() {
        assert!(ParkLevel::National.at_least(ParkLevel::Provincial));
        assert!(ParkLevel::Provincial.at_least(ParkLevel::Provincial));
        assert!(!ParkLevel::Municipal.at_least(ParkLevel::Provincial));
    }

    #[test]
    fn three_year_targets_are_those_of_c3() {
        for t in TargetId::ALL {
            assert_eq!(t.period() == Period::ThreeYears, t.clause() == Clause::C3);
        }
        assert_eq!(TargetId::COUNT, 13);
    }
}
