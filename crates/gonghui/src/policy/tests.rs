//! The embedded policy file, and the checks that refuse a broken one.

use super::*;
use crate::json::limits::MAX_REQUEST_BYTES;
use crate::vocab::{Area, Fen, Lang, Rate};

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

/// The problems of the published file with `from` replaced by `to`, which
/// must occur.
fn problems(from: &str, to: &str) -> Vec<PolicyProblem> {
    assert!(PUBLISHED_JSON.contains(from), "{from:?} not in the file");
    match Policy::from_json(&PUBLISHED_JSON.replacen(from, to, 1)) {
        Ok(_) => panic!("{from:?} → {to:?} was accepted"),
        Err(e) => e.problems().to_vec(),
    }
}

/// The one problem of an edited file.
fn problem(from: &str, to: &str) -> PolicyProblem {
    let mut all = problems(from, to);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

#[test]
fn broken_files_are_refused() {
    use PolicyProblem as P;
    assert!(matches!(
        problem(r#""clause": "C9","#, r#""clause": "C99","#),
        P::UnknownClause { .. }
    ));
    assert!(matches!(
        problems(r#"{"id": "C4", "line""#, r#"{"id": "C3", "line""#)[..],
        [
            P::ClauseCount {
                clause: Clause::C3,
                count: 2
            },
            P::ClauseCount {
                clause: Clause::C4,
                count: 0
            }
        ]
    ));
    let unknown = problems(
        r#""id": "venue.park.per_year""#,
        r#""id": "venue.park.per_yer""#,
    );
    assert!(
        matches!(unknown[0], P::UnknownParameter { .. }),
        "{unknown:?}"
    );
    assert!(matches!(unknown[1], P::ParameterCount { count: 0, .. }));
    assert!(matches!(
        problem(r#""unit": "m2""#, r#""unit": "fen""#),
        P::Unit { .. }
    ));
    assert!(matches!(
        problem(r#""value": 3000000"#, r#""value": -1"#),
        P::Value { .. }
    ));
    assert!(matches!(
        problem("\"value\": 30\n", "\"value\": 30.5\n"),
        P::Value { .. }
    ));
    assert!(matches!(
        problem(
            r#"{"from": 2025, "to": 2025"#,
            r#"{"from": 2024, "to": 2025"#
        ),
        P::Timeline {
            problem: Timeline::Overlap,
            ..
        }
    ));
    assert!(matches!(
        problem(
            r#"{"from": 2025, "to": 2025"#,
            r#"{"from": 2026, "to": 2026"#
        ),
        P::Timeline {
            problem: Timeline::Gap,
            ..
        }
    ));
    assert!(matches!(
        problem(r#""clause": "C12","#, r#""clause": "C11","#),
        P::TargetClause { .. }
    ));
    assert!(matches!(
        problem(r#""target": "park_venues""#, r#""target": "park_venue""#),
        P::UnknownTarget { .. }
    ));
    let open = problems(r#""topic": "award_ranking""#, r#""topic": "award_rank""#);
    assert!(
        open.iter().all(|p| matches!(p, P::OpenTopic { .. })),
        "{open:?}"
    );
    assert!(matches!(
        problem(
            r#""policy": "jiangxi-1269","#,
            r#""policy": "jiangxi-1269", "extra": 1,"#
        ),
        P::Field(crate::read::Error::UnknownField { .. })
    ));
}

#[test]
fn every_problem_is_listed_with_its_field_in_both_languages() {
    let text = PUBLISHED_JSON
        .replacen(r#""clause": "C9","#, r#""clause": "C99","#, 1)
        .replacen(r#""value": 3000000"#, r#""value": -1"#, 1)
        .replacen(r#""unit": "m2""#, r#""unit": "square_metres""#, 1);
    let error = Policy::from_json(&text).unwrap_err();
    let fields: Vec<String> = error.problems().iter().map(|p| p.field()).collect();
    assert_eq!(
        fields,
        [
            "venue.grassroots.min_indoor_area_m2",
            "parameters[0].clause",
            "union.six_haves.amount_fen"
        ],
        "{error}"
    );
    let zh = error.message(Lang::Zh);
    assert!(
        zh.starts_with("政策文件有3处问题") && zh.contains("C99"),
        "{zh}"
    );
    let en = error.message(Lang::En);
    assert!(en.contains("square_metres") && en.contains("m2"), "{en}");
    let json = error.to_json(Lang::En);
    assert!(
        json.starts_with(r#"{"error":{"code":"invalid_policy","field":null,"#),
        "{json}"
    );
    assert_eq!(json.matches(r#""zh":"#).count(), 3);
}

#[test]
fn hostile_files_get_problems_not_panics() {
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep = format!("{{\"policy\":{}1{}}}", "[".repeat(200), "]".repeat(200));
    let huge = format!("{{\"policy\":\"{}\"}}", "x".repeat(MAX_REQUEST_BYTES));
    for text in ["", "null", "[]", "{}", "{", &nested, &deep, &huge] {
        let error = Policy::from_json(text).unwrap_err();
        assert!(!error.problems().is_empty(), "{text:.40}");
    }
    let missing = Policy::from_json("{}").unwrap_err();
    assert_eq!(missing.problems().len(), 7, "{missing}");
}
