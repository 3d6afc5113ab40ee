//! The 12 key manufacturing chains and the 6 advanced manufacturing clusters
//! of Jiangxi's "1269" plan, and an enterprise's membership of them (POLICY I3).
//!
//! Chains and clusters are separate lists: two clusters share a name with a
//! chain (electronic information, aviation) but are different things, so a
//! code is always read against the list it was given in.

use std::fmt;

use crate::explain::{Explainer, say};
use crate::{Clause, Lang};

macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = ($code:literal, $zh:literal, $en:literal),)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
            pub const fn name(self, lang: $crate::Lang) -> &'static str {
                match lang {
                    $crate::Lang::Zh => self.name_zh(),
                    $crate::Lang::En => self.name_en(),
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
pub(crate) use code_enum;

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

/// The chains and clusters an enterprise belongs to.
///
/// Held as two small bit sets, so it is `Copy` and checking membership costs
/// nothing. Listing a chain twice is the same as listing it once. As JSON,
/// `{"chains": [...], "clusters": [...]}`, as the contract's facts write it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(into = "Memberships", from = "Memberships")]
pub struct KeyIndustries {
    chains: u16,
    clusters: u8,
}

/// The JSON shape of [`KeyIndustries`].
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Memberships {
    #[serde(default)]
    chains: Vec<Chain>,
    #[serde(default)]
    clusters: Vec<Cluster>,
}

/// Membership of the chains collected, in no cluster.
impl FromIterator<Chain> for KeyIndustries {
    fn from_iter<I: IntoIterator<Item = Chain>>(chains: I) -> KeyIndustries {
        KeyIndustries::new(chains, [])
    }
}

/// Membership of the clusters collected, in no chain.
impl FromIterator<Cluster> for KeyIndustries {
    fn from_iter<I: IntoIterator<Item = Cluster>>(clusters: I) -> KeyIndustries {
        KeyIndustries::new([], clusters)
    }
}

impl From<KeyIndustries> for Memberships {
    fn from(k: KeyIndustries) -> Memberships {
        Memberships {
            chains: k.chains().collect(),
            clusters: k.clusters().collect(),
        }
    }
}

impl From<Memberships> for KeyIndustries {
    fn from(m: Memberships) -> KeyIndustries {
        KeyIndustries::new(m.chains, m.clusters)
    }
}

impl KeyIndustries {
    /// In no chain and no cluster.
    pub const NONE: KeyIndustries = KeyIndustries {
        chains: 0,
        clusters: 0,
    };

    /// Membership of the given chains and clusters.
    pub fn new(
        chains: impl IntoIterator<Item = Chain>,
        clusters: impl IntoIterator<Item = Cluster>,
    ) -> KeyIndustries {
        let mut this = KeyIndustries::NONE;
        chains.into_iter().for_each(|c| this.add_chain(c));
        clusters.into_iter().for_each(|c| this.add_cluster(c));
        this
    }

    /// Membership of the chains and clusters of both.
    pub const fn and(self, other: KeyIndustries) -> KeyIndustries {
        KeyIndustries {
            chains: self.chains | other.chains,
            clusters: self.clusters | other.clusters,
        }
    }

    /// Adds a chain.
    pub fn add_chain(&mut self, chain: Chain) {
        self.chains |= 1 << chain as u16;
    }

    /// Adds a cluster.
    pub fn add_cluster(&mut self, cluster: Cluster) {
        self.clusters |= 1 << cluster as u8;
    }

    /// The chains, in the official order.
    pub fn chains(self) -> impl Iterator<Item = Chain> {
        Chain::ALL
            .iter()
            .copied()
            .filter(move |c| self.chains & (1 << *c as u16) != 0)
    }

    /// The clusters, in the official order.
    pub fn clusters(self) -> impl Iterator<Item = Cluster> {
        Cluster::ALL
            .iter()
            .copied()
            .filter(move |c| self.clusters & (1 << *c as u8) != 0)
    }

    /// In at least one of the 12 chains or 6 clusters (POLICY I3): what
    /// "in the chains and clusters" means in C5, C13 and C17.
    #[inline]
    pub const fn is_key(self) -> bool {
        (self.chains != 0) | (self.clusters != 0)
    }

    /// The memberships for people to read: "钢铁产业链、铜基新材料集群" /
    /// "the steel chain and the copper-based new materials cluster".
    pub(crate) fn words(self, lang: Lang) -> IndustryWords {
        IndustryWords(self, lang)
    }

    /// Takes the step "is the enterprise in a chain or cluster" (I3), citing
    /// `clause`, the clause that requires it.
    pub(crate) fn explain(self, lang: Lang, clause: Clause, out: &mut dyn Explainer) {
        let step = ("industry.key", clause, Some(Clause::I3), self.is_key());
        if self.is_key() {
            let words = self.words(lang);
            say!(
                out,
                lang,
                step,
                zh["企业属于", words, "，在12条重点产业链和6个先进制造业集群之内（", clause, "）"],
                en["The enterprise is in ", words, ", within the 12 key chains and 6 clusters (", clause, ")"],
            );
        } else {
            say!(
                out,
                lang,
                step,
                zh["企业不属于12条重点产业链和6个先进制造业集群中的任何一个；", clause, "只支持其中的企业"],
                en["The enterprise is in none of the 12 key chains and 6 clusters; ", clause, " supports only their enterprises"],
            );
        }
    }
}

/// Memberships in words, written without allocating.
pub(crate) struct IndustryWords(KeyIndustries, Lang);

impl IndustryWords {
    fn write_to(&self, f: &mut impl fmt::Write) -> fmt::Result {
        let (industries, lang) = (self.0, self.1);
        let count = industries.chains().count() + industries.clusters().count();
        let names = industries
            .chains()
            .map(|c| (c.name(lang), true))
            .chain(industries.clusters().map(|c| (c.name(lang), false)));
        for (i, (name, chain)) in names.enumerate() {
            match lang {
                Lang::Zh => {
                    if i > 0 {
                        f.write_str("、")?;
                    }
                    f.write_str(name)?;
                    f.write_str(if chain { "产业链" } else { "集群" })?;
                }
                Lang::En => {
                    if i > 0 {
                        f.write_str(if i + 1 == count { " and " } else { ", " })?;
                    }
                    f.write_str("the ")?;
                    f.write_str(name)?;
                    f.write_str(if chain { " chain" } else { " cluster" })?;
                }
            }
        }
        Ok(())
    }
}

crate::explain::words_and_display!(IndustryWords);

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
    fn serde_speaks_the_contracts_codes() {
        let k = KeyIndustries::new([Chain::Steel], [Cluster::Aviation]);
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(json, r#"{"chains":["steel"],"clusters":["aviation"]}"#);
        assert_eq!(serde_json::from_str::<KeyIndustries>(&json).unwrap(), k);
        assert!(serde_json::from_str::<Chain>(r#""copper_new_materials""#).is_err());
        assert_eq!(
            serde_json::from_str::<Cluster>(r#""copper_new_materials""#).unwrap(),
            Cluster::CopperNewMaterials
        );
    }

    #[test]
    fn membership_i3() {
        assert!(!KeyIndustries::NONE.is_key());
        let steel = KeyIndustries::new([Chain::Steel, Chain::Steel], []);
        assert!(steel.is_key());
        assert_eq!(steel.chains().collect::<Vec<_>>(), vec![Chain::Steel]);
        let copper = KeyIndustries::new([], [Cluster::CopperNewMaterials]);
        assert!(copper.is_key());
        let both = KeyIndustries::new(
            [Chain::ModernFurniture],
            [Cluster::RefiningChemicalNewMaterials],
        );
        assert_eq!(
            both.words(Lang::En).to_string(),
            "the modern furniture chain and the integrated refining and new chemical materials cluster"
        );
        assert_eq!(
            both.words(Lang::Zh).to_string(),
            "现代家具产业链、炼化一体化和化工新材料集群"
        );
        let three = KeyIndustries::new([Chain::Steel, Chain::Food], [Cluster::Aviation]);
        assert_eq!(
            three.words(Lang::En).to_string(),
            "the steel chain, the food chain and the aviation cluster"
        );
    }
}
