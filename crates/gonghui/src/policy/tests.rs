//! The embedded policy file, and the checks that refuse a broken one.

use super::*;
use crate::vocab::{Area, Fen, Rate};

#[test]
fn published_policy_loads() {
    let policy = Policy::from_json(PUBLISHED_JSON).expect("the embedded policy file is valid");
    assert_eq!(policy.id(), "jiangxi-1269");
    assert_eq!(policy.clauses().len(), Clause::ALL.len());
    assert_eq!(policy.parameter_infos().len(), ParamId::ALL.len());
    assert_eq!(&policy, Policy::published());
}

#[test]
fn published_values_are_the_articles() {
    let p = Policy::published().parameters();
    assert_eq!(p.grassroots_min_area, Area::from_m2(100).unwrap()); // C9
    assert_eq!(p.grassroots_amount, None); // I4: open
    assert_eq!(p.park_amount, Fen::from_yuan(500_000).unwrap()); // C10
    assert_eq!(p.six_haves_amount, Fen::from_yuan(30_000).unwrap()); // C13
    assert_eq!(p.six_norms_amount, Fen::from_yuan(50_000).unwrap()); // C13
    assert_eq!(p.six_haves_per_year, 100);
    assert_eq!(p.six_norms_per_year, 100);
    assert_eq!(p.nomination_min_share, Rate::from_percent(30).unwrap()); // C5
    assert_eq!(p.studio_min_share, Rate::from_percent(50).unwrap()); // C6
    let rates: Vec<(u16, u32)> = p
        .mutual_aid_rates
        .iter()
        .map(|(y, r)| (y.get(), r.hundredths() / 100))
        .collect();
    assert_eq!(rates, vec![(2023, 50), (2024, 50), (2025, 40), (2026, 30)]); // C18
}

#[test]
fn the_articles_2023_figures() {
    let figures: Vec<(&str, u64, bool, Clause)> = Policy::published()
        .reported()
        .iter()
        .map(|r| (r.target.code(), r.achieved, r.at_least, r.clause))
        .collect();
    assert_eq!(
        figures,
        vec![
            ("skill_competitions", 143, false, Clause::C7),
            ("park_venues", 33, false, Clause::C11),
            ("health_care_workers", 12_000, true, Clause::C15),
            ("recuperation_workers", 11_500, false, Clause::C16),
            ("cultural_events", 300, true, Clause::C22),
            ("singles_mixers", 219, false, Clause::C21),
        ]
    );
}

#[test]
fn revisions_are_recorded() {
    let policy = Policy::published();
    let before = |id| match &policy.parameter_info(id).history {
        History::Revised { before } => before.clone(),
        other => panic!("{id}: {other:?}"),
    };
    assert_eq!(
        before(ParamId::GrassrootsMinArea),
        ParamValue::Area(Area::from_m2(200).unwrap())
    );
    assert_eq!(
        before(ParamId::ParkAmount),
        ParamValue::Fen(Fen::from_yuan(150_000))
    );
}

/// The published file with `from` replaced by `to`, which must occur.
fn edited(from: &str, to: &str) -> Result<Policy, PolicyError> {
    assert!(PUBLISHED_JSON.contains(from), "{from:?} not in the file");
    Policy::from_json(&PUBLISHED_JSON.replacen(from, to, 1))
}

#[test]
fn broken_files_are_refused() {
    assert!(matches!(
        edited(r#""clause": "C9","#, r#""clause": "C99","#),
        Err(PolicyError::UnknownClause { .. })
    ));
    assert!(matches!(
        edited(r#"{"id": "C4", "line""#, r#"{"id": "C3", "line""#),
        Err(PolicyError::ClauseCount(_))
    ));
    assert!(matches!(
        edited(
            r#""id": "venue.park.per_year""#,
            r#""id": "venue.park.per_yer""#
        ),
        Err(PolicyError::UnknownParameter(_))
    ));
    assert!(matches!(
        edited(r#""unit": "m2""#, r#""unit": "fen""#),
        Err(PolicyError::Unit { .. })
    ));
    assert!(matches!(
        edited(r#""value": 3000000"#, r#""value": -1"#),
        Err(PolicyError::Value { .. })
    ));
    assert!(matches!(
        edited(
            r#""value": 30
"#,
            r#""value": 30.5
"#
        ),
        Err(PolicyError::Value { .. })
    ));
    assert!(matches!(
        edited(
            r#"{"from": 2025, "to": 2025"#,
            r#"{"from": 2024, "to": 2025"#
        ),
        Err(PolicyError::Timeline { .. })
    ));
    assert!(matches!(
        edited(
            r#"{"from": 2025, "to": 2025"#,
            r#"{"from": 2026, "to": 2026"#
        ),
        Err(PolicyError::Timeline { .. })
    ));
    assert!(matches!(
        edited(r#""clause": "C12","#, r#""clause": "C11","#),
        Err(PolicyError::TargetClause { .. })
    ));
    assert!(matches!(
        edited(r#""target": "park_venues""#, r#""target": "park_venue""#),
        Err(PolicyError::ReportedTarget(_))
    ));
    assert!(matches!(
        edited(r#""topic": "award_ranking""#, r#""topic": "award_rank""#),
        Err(PolicyError::OpenTopic(_))
    ));
    assert!(matches!(
        edited(
            r#""policy": "jiangxi-1269","#,
            r#""policy": "jiangxi-1269", "extra": 1,"#
        ),
        Err(PolicyError::Shape(_))
    ));
}
