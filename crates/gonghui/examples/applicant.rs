//! An applicant's questions through the typed API: a venue, a model union
//! and the mutual-aid subsidy, decided and explained without any JSON.
//!
//! Run it with `cargo run -p gonghui --example applicant`.

use gonghui::model_union::{self, ModelUnionFacts};
use gonghui::mutual_aid::{self, MutualAidFacts};
use gonghui::venue::{self, Venue};
use gonghui::{Area, GrassrootsKind, ParkLevel, Tier};
use gonghui::{Chain, Cluster, Fen, KeyIndustries, Lang, Policy, Step, Year, YearSet};

fn show(title: &str, outcome: &str, steps: &[Step]) {
    println!("{title}: {outcome}");
    for step in steps {
        let mark = if step.holds { '✓' } else { '✗' };
        println!("  {mark} [{} {}] {}", step.clause, step.rule, step.text);
    }
    println!();
}

fn main() {
    let policy = Policy::published();
    let params = policy.parameters();
    let year = |y| Year::new(y).expect("a valid year");

    // A community centre of 92.80 m²: below the revised 100 m² of C9.
    let centre = Venue::Grassroots {
        kind: GrassrootsKind::Community,
        indoor_area: Area::from_hundredths(9_280).expect("a valid area"),
    };
    let decision = venue::decide(params, &centre);
    show(
        "Community venue, 92.80 m²",
        if decision.eligible() {
            "eligible"
        } else {
            "ineligible"
        },
        &decision.explain(Lang::En),
    );

    // A venue in a national development zone: 500,000 yuan under C10.
    let park = Venue::IndustrialPark {
        level: ParkLevel::National,
        indoor_area: None,
    };
    let decision = venue::decide(params, &park);
    let amount = decision.amount().map(|a| a.yuan()).unwrap_or_default();
    show(
        &format!("Park venue, national: {amount} yuan"),
        "eligible",
        &decision.explain(Lang::En),
    );

    // A six-norms union of a copper enterprise, the 13th award of the year.
    let union = ModelUnionFacts {
        industries: KeyIndustries::new([], [Cluster::CopperNewMaterials]),
        tier: Tier::SixNorms,
        awarded_this_year: 12,
    };
    let decision = model_union::decide(params, &union);
    show("六规范企业工会", "eligible", &decision.explain(Lang::Zh));

    // The mutual-aid subsidy of a steel company, in the plan since 2023.
    let facts = MutualAidFacts {
        industries: KeyIndustries::new([Chain::Steel], []),
        enrolled_years: YearSet::new([year(2023), year(2024), year(2025)]),
        year: year(2025),
        premium: Fen::new(1_200_000).expect("a valid amount"),
    };
    let decision = mutual_aid::decide(params, &facts);
    show(
        &format!(
            "Mutual aid 2025: {} × {} = {} yuan",
            facts.premium.yuan(),
            decision.rate(),
            decision.amount().yuan()
        ),
        "eligible",
        &decision.explain(Lang::En),
    );

    // The same request as JSON, as every binding sends it.
    println!(
        "{}",
        gonghui::evaluate_json(
            r#"{"id":"app-0042","question":"mutual_aid_subsidy","lang":"en","facts":{"chains":["steel"],"enrolled_years":[2023,2024,2025],"year":2025,"premium_fen":1200000}}"#
        )
    );
}
