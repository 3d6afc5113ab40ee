//! Allocating a year's model union awards under the yearly caps (C13; I3, I6).
//!
//! The policy caps the awards at 100 "six-haves" and 100 "six-norms" unions a
//! year but sets no ranking when more apply. The caller's order decides:
//! applications are taken in the order given, each awarded while its tier
//! has room, and the answer says so. An application is passed over when its
//! enterprise is in no chain or cluster (I3), when its tier's cap is reached,
//! or when the same union was already awarded this year (one award a union a
//! year, I6).

use std::collections::BTreeMap;

use super::{checked_total, total};
use crate::explain::{self, Explainer, Step, say};
use crate::json::Malformed;
use crate::json::value::{Value, parse};
use crate::json::write::{Json, key};
use crate::policy::{OpenTopic, ParamId, Parameters, Used};
use crate::read::values as read;
use crate::read::{Error, Expected, Fields, Rejection};
use crate::rules::basis::{Basis, Capitalised, Counted};
use crate::rules::{Context, Outcome, ReadCase, Rule};
use crate::vocab::{Clause, Fen, KeyIndustries, Lang, Tier};

/// One application for a model union award.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Application {
    /// The union's id: two applications with the same id are the same union.
    pub id: String,
    /// The tier applied for, as assessed.
    pub tier: Tier,
    /// The enterprise's chains and clusters.
    pub industries: KeyIndustries,
}

impl Application {
    /// Reads one application from a line of JSON Lines, as the
    /// `applications` of an `allocate_awards` question writes it:
    /// `{"id": "…", "tier": "six_haves", "chains": […], "clusters": […]}`.
    pub fn from_line(line: &[u8]) -> Result<Application, Rejection> {
        let rejection = |error| Rejection {
            id: None,
            lang: Lang::default(),
            error,
        };
        let text = std::str::from_utf8(line).map_err(|e| {
            rejection(Error::MalformedRequest {
                reason: Malformed::NotUtf8 {
                    valid_up_to: e.valid_up_to(),
                },
            })
        })?;
        let value = parse(text).map_err(|e| {
            rejection(Error::MalformedRequest {
                reason: Malformed::from_parser(&e),
            })
        })?;
        Application::read(&value, String::new()).map_err(rejection)
    }

    /// Reads one application, found at `path`.
    fn read(value: &Value<'_>, path: String) -> Result<Application, Error> {
        let a = Fields::of(value, path)?;
        a.only(&["id", "tier", "chains", "clusters"])?;
        Ok(Application {
            id: a.read("id", read::text)?,
            tier: a.read("tier", |v| read::code(v, Expected::Tier, Tier::from_code))?,
            industries: a.industries()?,
        })
    }
}

/// The facts of an `allocate_awards` question.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct AllocationFacts {
    /// The applications, in the union's order of preference.
    pub applications: Vec<Application>,
    /// Awards of each tier already made this year, before these applications
    /// (six-haves, six-norms).
    pub already_awarded: [u64; 2],
}

/// Why an application was not awarded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Refusal {
    /// The enterprise is in none of the chains and clusters (C13, I3).
    NotKeyIndustry,
    /// The tier's yearly cap was reached by earlier applications (C13, I6).
    CapReached,
    /// The union was awarded by an earlier application (I6): its position,
    /// from 1.
    AlreadyAwarded {
        /// The position of the application that was awarded.
        by: usize,
    },
}

impl Refusal {
    /// The code used in JSON.
    pub const fn code(self) -> &'static str {
        match self {
            Refusal::NotKeyIndustry => "not_key_industry",
            Refusal::CapReached => "cap_reached",
            Refusal::AlreadyAwarded { .. } => "already_awarded",
        }
    }
}

/// What became of one application.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Placement {
    /// The union's id.
    pub id: String,
    /// The tier applied for.
    pub tier: Tier,
    /// The award, or why there is none.
    pub award: Result<Fen, Refusal>,
    /// For an award: its number within the tier this year (101 would be over
    /// the cap, so at most the cap).
    pub number: u64,
}

const TIERS: [Tier; 2] = [Tier::SixHaves, Tier::SixNorms];

/// Places applications one at a time, in order, so that a population of any
/// size streams through in memory proportional to the unions awarded.
#[derive(Debug, Clone)]
pub struct Allocator<'p> {
    params: &'p Parameters,
    already: [u64; 2],
    awarded: [u64; 2],
    amount: [u128; 2],
    applications: [u64; 2],
    refused: [u64; 3],
    /// Each union awarded so far, with the position of its award.
    unions: BTreeMap<String, usize>,
    placements: Vec<Placement>,
}

impl<'p> Allocator<'p> {
    /// An allocator under `params`, with `already_awarded` awards of each tier
    /// made before.
    pub fn new(params: &'p Parameters, already_awarded: [u64; 2]) -> Allocator<'p> {
        Allocator {
            params,
            already: already_awarded,
            awarded: [0; 2],
            amount: [0; 2],
            applications: [0; 2],
            refused: [0; 3],
            unions: BTreeMap::new(),
            placements: Vec::new(),
        }
    }

    fn cap(&self, tier: Tier) -> u64 {
        self.cap_used(tier).value
    }

    /// The yearly cap of `tier`, with the published one when overridden.
    fn cap_used(&self, tier: Tier) -> Used<u64> {
        let p = self.params;
        match tier {
            Tier::SixHaves => p.used(ParamId::SixHavesPerYear, p.six_haves_per_year),
            Tier::SixNorms => p.used(ParamId::SixNormsPerYear, p.six_norms_per_year),
        }
    }

    fn unit(&self, tier: Tier) -> Fen {
        match tier {
            Tier::SixHaves => self.params.six_haves_amount,
            Tier::SixNorms => self.params.six_norms_amount,
        }
    }

    /// Places the next application.
    pub fn place(&mut self, application: &Application) -> &Placement {
        let position = self.placements.len() + 1;
        let t = application.tier as usize;
        self.applications[t] += 1;
        let made = self.already[t].saturating_add(self.awarded[t]);
        let award = if !application.industries.is_key() {
            Err(Refusal::NotKeyIndustry)
        } else if let Some(by) = self.unions.get(&application.id) {
            Err(Refusal::AlreadyAwarded { by: *by })
        } else if made >= self.cap(application.tier) {
            Err(Refusal::CapReached)
        } else {
            Ok(self.unit(application.tier))
        };
        match award {
            Ok(amount) => {
                self.awarded[t] += 1;
                self.amount[t] += u128::from(amount.get());
                self.unions.insert(application.id.clone(), position);
            }
            Err(refusal) => {
                let r = match refusal {
                    Refusal::NotKeyIndustry => 0,
                    Refusal::CapReached => 1,
                    Refusal::AlreadyAwarded { .. } => 2,
                };
                self.refused[r] += 1;
            }
        }
        self.placements.push(Placement {
            id: application.id.clone(),
            tier: application.tier,
            award,
            number: made + 1,
        });
        &self.placements[position - 1]
    }

    /// The allocation of every application placed; the total must stay
    /// within what the contract carries (2^53 − 1 fen).
    pub fn finish(self) -> Result<AllocationDecision, Error> {
        let totals = self.totals();
        checked_total(totals.amount(), "facts.applications")?;
        Ok(AllocationDecision {
            published_caps: TIERS.map(|tier| self.cap_used(tier).published),
            placements: self.placements,
            totals,
        })
    }

    /// The totals so far.
    pub fn totals(&self) -> AllocationTotals {
        AllocationTotals {
            tiers: TIERS.map(|tier| {
                let t = tier as usize;
                TierTotals {
                    tier,
                    cap: self.cap(tier),
                    already_awarded: self.already[t],
                    applications: self.applications[t],
                    awarded: self.awarded[t],
                    amount: self.amount[t],
                    unit: self.unit(tier),
                }
            }),
            refused: self.refused,
        }
    }
}

/// The totals of one tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TierTotals {
    /// The tier.
    pub tier: Tier,
    /// Its yearly cap.
    pub cap: u64,
    /// Awards made before these applications.
    pub already_awarded: u64,
    /// Applications for it.
    pub applications: u64,
    /// Awards made to them.
    pub awarded: u64,
    /// Their amount in fen (exact; may exceed what JSON carries exactly only
    /// for absurd inputs, which the answer refuses).
    pub amount: u128,
    /// The award of one union of the tier.
    pub unit: Fen,
}

/// The totals of an allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AllocationTotals {
    /// Six-haves, then six-norms.
    pub tiers: [TierTotals; 2],
    /// Applications refused: not in a key industry, over the cap, repeated.
    pub refused: [u64; 3],
}

impl AllocationTotals {
    /// The amount of every award, in fen.
    pub fn amount(&self) -> u128 {
        self.tiers.iter().map(|t| t.amount).sum()
    }
}

/// The answer to an `allocate_awards` question.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AllocationDecision {
    placements: Vec<Placement>,
    totals: AllocationTotals,
    /// The published caps, where an override changed them.
    published_caps: [Option<u64>; 2],
}

impl AllocationDecision {
    /// What became of each application, in the order given.
    pub fn placements(&self) -> &[Placement] {
        &self.placements
    }

    /// The totals by tier.
    pub fn totals(&self) -> &AllocationTotals {
        &self.totals
    }

    /// Whether every application was awarded.
    pub fn all_awarded(&self) -> bool {
        self.placements.iter().all(|p| p.award.is_ok())
    }

    /// What the published policy leaves open: the ranking, always, since the
    /// order given decides.
    pub fn open(&self) -> &'static [OpenTopic] {
        &[OpenTopic::AwardRanking]
    }

    /// The steps taken, in `lang`.
    pub fn explain(&self, lang: Lang) -> Vec<Step> {
        explain::collect(|steps| self.explain_to(lang, steps))
    }

    /// Writes the steps taken, in `lang`, into `out`.
    pub(crate) fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
        let [not_key, over_cap, repeated] = self.totals.refused;
        say!(
            out,
            lang,
            ("allocation.order", Clause::C13, Some(Clause::I6), true),
            zh["申请多于名额时如何排序，文章未作规定（C13只规定每年的名额）：本答复按申请列出的顺序依次评定"],
            en["The article does not say how to rank applications when there are more than awards (C13 sets only the number a year): they are taken in the order listed"],
        );
        for (t, published) in self.totals.tiers.iter().zip(self.published_caps) {
            let (cap, before, awarded, applications) =
                (t.cap, t.already_awarded, t.awarded, t.applications);
            let count = |n| Counted { n, zh: "家", lang };
            let used = Used::compared(cap, published);
            let basis = Basis::of(Clause::C13, used, lang, count);
            let (zh, en) = (t.tier.name_zh(), Capitalised(t.tier.name_en()));
            say!(
                out,
                lang,
                (
                    "allocation.cap",
                    Clause::C13,
                    Some(Clause::I6),
                    before.saturating_add(awarded) <= cap
                ),
                zh[zh, "企业工会：每年上限", cap, "家（", basis, "，I6），此前已补助", before, "家，本次", applications, "份申请中补助", awarded, "家"],
                en[en, " unions: a cap of ", cap, " a year (", basis, ", I6), ", before, " awarded before; ", awarded, " of ", applications, " applications awarded"],
            );
        }
        say!(
            out,
            lang,
            (
                "allocation.refused",
                Clause::C13,
                Some(Clause::I3),
                not_key + over_cap + repeated == 0
            ),
            zh["未获补助：", not_key, "份的企业不在12条重点产业链和6个先进制造业集群之内（C13，I3），", over_cap, "份超出每年上限（C13，I6），", repeated, "份为本年已获补助工会的重复申请（I6）"],
            en["Not awarded: ", not_key, " from enterprises outside the 12 chains and 6 clusters (C13, I3), ", over_cap, " over the yearly cap (C13, I6), ", repeated, " from unions already awarded this year (I6)"],
        );
    }

    /// Why one application got what it got, in `lang`.
    pub fn placement_text(&self, placement: &Placement, lang: Lang) -> String {
        let tier = placement.tier;
        let cap = self.totals.tiers[tier as usize].cap;
        match (placement.award, lang) {
            (Ok(amount), Lang::Zh) => format!(
                "补助{}企业工会{}（本年第{}家，每年上限{cap}家，C13）",
                tier.name_zh(),
                amount.words(lang),
                placement.number
            ),
            (Ok(amount), Lang::En) => format!(
                "Awarded {} as a {} union (award {} of the {cap} a year, C13)",
                amount.words(lang),
                tier.name_en(),
                placement.number
            ),
            (Err(Refusal::NotKeyIndustry), Lang::Zh) => {
                "未获补助：企业不在12条重点产业链和6个先进制造业集群之内（C13，I3）".to_owned()
            }
            (Err(Refusal::NotKeyIndustry), Lang::En) => {
                "Not awarded: the enterprise is in none of the 12 chains and 6 clusters (C13, I3)"
                    .to_owned()
            }
            (Err(Refusal::CapReached), Lang::Zh) => {
                format!(
                    "未获补助：本年度{}企业工会已达每年{cap}家的上限（C13，I6）",
                    tier.name_zh()
                )
            }
            (Err(Refusal::CapReached), Lang::En) => format!(
                "Not awarded: the cap of {cap} {} awards a year is reached (C13, I6)",
                tier.name_en()
            ),
            (Err(Refusal::AlreadyAwarded { by }), Lang::Zh) => {
                format!("未获补助：该工会本年度已因第{by}份申请获得补助，每个工会每年一次（I6）")
            }
            (Err(Refusal::AlreadyAwarded { by }), Lang::En) => format!(
                "Not awarded: this union was already awarded this year, by application {by} (one award a union a year, I6)"
            ),
        }
    }
}

/// Decides an `allocate_awards` question (C13; I3, I6).
pub fn decide(params: &Parameters, facts: &AllocationFacts) -> Result<AllocationDecision, Error> {
    let mut allocator = Allocator::new(params, facts.already_awarded);
    for application in &facts.applications {
        allocator.place(application);
    }
    allocator.finish()
}

impl Rule for AllocationFacts {
    const CODE: &'static str = "allocate_awards";
    const NAME_ZH: &'static str = "示范性企业工会名额分配";
    const NAME_EN: &'static str = "allocation of model union awards";
    const CLAUSE: Clause = Clause::C13;
    type Decision = AllocationDecision;

    fn read(f: &Fields<'_>, _: ReadCase) -> Result<AllocationFacts, Error> {
        f.only(&["applications", "already_awarded"])?;
        let applications = f.read_items("applications", Application::read)?;
        let mut already_awarded = [0; 2];
        if let Some(already) = f.object("already_awarded")? {
            already.only(Tier::CODES)?;
            for tier in Tier::ALL {
                already_awarded[*tier as usize] = already
                    .read_optional(tier.code(), read::count)?
                    .unwrap_or(0);
            }
        }
        Ok(AllocationFacts {
            applications,
            already_awarded,
        })
    }

    fn decide(&self, params: &Parameters) -> Result<AllocationDecision, Error> {
        decide(params, self)
    }

    fn outcome(d: &AllocationDecision) -> Outcome {
        Outcome::of(d.all_awarded(), Outcome::AllAwarded, Outcome::NotAllAwarded)
    }

    fn open(d: &AllocationDecision) -> &'static [OpenTopic] {
        d.open()
    }

    fn explain(d: &AllocationDecision, lang: Lang, out: &mut dyn Explainer) {
        d.explain_to(lang, out);
    }

    fn write(d: &AllocationDecision, j: &mut Json, cx: &Context<'_>) {
        j.key(key!("tiers"));
        j.begin_array();
        for t in &d.totals().tiers {
            j.item();
            j.begin();
            j.key(key!("tier"));
            j.str(t.tier.code());
            j.key(key!("cap"));
            j.u64(t.cap);
            j.key(key!("already_awarded"));
            j.u64(t.already_awarded);
            j.key(key!("applications"));
            j.u64(t.applications);
            j.key(key!("awarded"));
            j.u64(t.awarded);
            j.money(
                (key!("amount_fen"), key!("amount_yuan")),
                Some(total(t.amount)),
            );
            j.end();
        }
        j.end_array();
        j.money(
            (key!("total_fen"), key!("total_yuan")),
            Some(total(d.totals().amount())),
        );
        j.key(key!("applications"));
        j.begin_array();
        for (i, p) in d.placements().iter().enumerate() {
            j.item();
            j.begin();
            j.key(key!("rank"));
            j.u64(i as u64 + 1);
            j.key(key!("id"));
            j.str(&p.id);
            j.key(key!("tier"));
            j.str(p.tier.code());
            j.key(key!("awarded"));
            j.bool(p.award.is_ok());
            j.key(key!("amount_fen"));
            j.opt_u64(p.award.ok().map(Fen::get));
            j.key(key!("reason"));
            j.opt_str(p.award.err().map(|r| r.code()));
            j.key(key!("text"));
            j.str(&d.placement_text(p, cx.lang));
            j.end();
        }
        j.end_array();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;
    use crate::vocab::Chain;

    fn app(id: &str, tier: Tier, key: bool) -> Application {
        Application {
            id: id.to_owned(),
            tier,
            industries: if key {
                KeyIndustries::new([Chain::Steel], [])
            } else {
                KeyIndustries::NONE
            },
        }
    }

    #[test]
    fn c13_caps_each_tier_in_the_order_given() {
        let applications: Vec<_> = (0..105)
            .map(|i| app(&format!("u{i}"), Tier::SixHaves, true))
            .chain([app("n1", Tier::SixNorms, true)])
            .collect();
        let d = decide(
            Policy::published().parameters(),
            &AllocationFacts {
                applications,
                already_awarded: [0, 0],
            },
        )
        .unwrap();
        let p = d.placements();
        assert_eq!(p[99].award, Ok(Fen::from_yuan(30_000).unwrap()));
        assert_eq!(p[99].number, 100);
        assert_eq!(p[100].award, Err(Refusal::CapReached));
        assert_eq!(p[105].award, Ok(Fen::from_yuan(50_000).unwrap()));
        let t = d.totals();
        assert_eq!(t.tiers[0].awarded, 100);
        assert_eq!(t.amount(), 100 * 3_000_000 + 5_000_000);
        assert!(!d.all_awarded());
    }

    #[test]
    fn i6_one_award_a_union_a_year_and_i3() {
        let applications = vec![
            app("a", Tier::SixHaves, false),
            app("a", Tier::SixNorms, true),
            app("a", Tier::SixHaves, true),
            app("b", Tier::SixHaves, true),
        ];
        let d = decide(
            Policy::published().parameters(),
            &AllocationFacts {
                applications,
                already_awarded: [99, 0],
            },
        )
        .unwrap();
        let awards: Vec<_> = d.placements().iter().map(|p| p.award).collect();
        assert_eq!(d.placements()[3].id, "b");
        assert_eq!(
            awards,
            vec![
                Err(Refusal::NotKeyIndustry),
                Ok(Fen::from_yuan(50_000).unwrap()),
                Err(Refusal::AlreadyAwarded { by: 2 }),
                Ok(Fen::from_yuan(30_000).unwrap()),
            ]
        );
        assert_eq!(d.totals().refused, [1, 0, 1]);
    }
}
