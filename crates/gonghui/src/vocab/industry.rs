//! An enterprise's membership of the 12 key manufacturing chains and the 6
//! advanced manufacturing clusters of Jiangxi's "1269" plan (POLICY I3).

use std::fmt;

use super::{Chain, Cluster, Lang};

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

super::words::words_and_display!(IndustryWords);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_speaks_the_contracts_codes() {
        let k = KeyIndustries::new([Chain::Steel], [Cluster::Aviation]);
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(json, r#"{"chains":["steel"],"clusters":["aviation"]}"#);
        assert_eq!(serde_json::from_str::<KeyIndustries>(&json).unwrap(), k);
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
