//! Properties that hold for every input, checked on generated ones.

use gonghui::model_union::{self, ModelUnionFacts};
use gonghui::mutual_aid::{self, MutualAidFacts};
use gonghui::venue::{self, Venue};
use gonghui::{Area, GrassrootsKind, ParkLevel, Tier};
use gonghui::{Chain, Cluster, Fen, KeyIndustries, Policy, Rate, Share, Year, YearSet};
use proptest::prelude::*;
use serde_json::{Value, json};

/// One answer: a single JSON object, either a decision or an error.
fn assert_one_answer(answer: &str) -> Value {
    let value: Value = serde_json::from_str(answer).expect("the answer is JSON");
    let object = value.as_object().expect("the answer is an object");
    assert!(
        object.contains_key("error") || object.contains_key("outcome"),
        "neither decision nor error: {answer}"
    );
    assert!(!answer.contains('\n'), "one line");
    value
}

fn chain() -> impl Strategy<Value = Chain> {
    proptest::sample::select(Chain::ALL)
}

fn cluster() -> impl Strategy<Value = Cluster> {
    proptest::sample::select(Cluster::ALL)
}

fn industries() -> impl Strategy<Value = (Vec<Chain>, Vec<Cluster>)> {
    (
        proptest::collection::vec(chain(), 0..3),
        proptest::collection::vec(cluster(), 0..2),
    )
}

fn codes<T: Copy>(items: &[T], code: fn(T) -> &'static str) -> Vec<&'static str> {
    items.iter().map(|i| code(*i)).collect()
}

/// JSON values of every kind, nested a little, from a vocabulary close to
/// the contract's, so that most requests get past the syntax.
fn near_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (0u64..3000).prop_map(|n| json!(n)),
        "-?[0-9]{1,25}(\\.[0-9]{0,4})?(e-?[0-9]{1,3})?"
            .prop_map(|t| serde_json::from_str(&t).unwrap_or(Value::Null)),
        proptest::sample::select(vec![
            "steel",
            "aviation",
            "copper_new_materials",
            "township",
            "industrial_park",
            "national",
            "municipal",
            "six_haves",
            "six_norms",
            "zh",
            "en",
            "catalog",
            "venue_subsidy",
            "mutual_aid_subsidy",
            "model_union_award",
            "nomination_share",
            "studio_quota",
            "action_progress",
            "skill_competitions",
            "",
        ])
        .prop_map(|s| json!(s)),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        let key = proptest::sample::select(vec![
            "id",
            "question",
            "lang",
            "facts",
            "overrides",
            "chains",
            "clusters",
            "tier",
            "awarded_this_year",
            "enrolled_years",
            "year",
            "premium_fen",
            "venue_kind",
            "indoor_area_m2",
            "park_level",
            "total",
            "from_key_industries",
            "total_slots",
            "advanced_manufacturing_slots",
            "achieved",
            "skill_competitions",
            "mutual_aid.rate_percent",
            "venue.park.amount_fen",
            "2025",
            "x",
        ]);
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(key, inner, 0..6).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_string_makes_it_panic(text in ".{0,300}") {
        assert_one_answer(&gonghui::evaluate_json(&text));
    }

    #[test]
    fn no_bytes_make_it_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        assert_one_answer(&gonghui::evaluate_bytes(&bytes));
    }

    #[test]
    fn no_near_valid_request_makes_it_panic(
        value in near_json(),
        question in proptest::sample::select(vec![
            "venue_subsidy", "model_union_award", "mutual_aid_subsidy",
            "nomination_share", "studio_quota", "action_progress", "catalog",
        ]),
        facts in near_json(),
        overrides in near_json(),
    ) {
        assert_one_answer(&gonghui::evaluate_json(&value.to_string()));
        let request = json!({"question": question, "facts": facts, "overrides": overrides});
        assert_one_answer(&gonghui::evaluate_json(&request.to_string()));
    }

    #[test]
    fn a_batch_answers_every_line_in_order(
        lines in proptest::collection::vec("[^\n]{0,40}", 0..20),
        terminated in any::<bool>(),
    ) {
        let mut input: String = lines.iter().map(|l| format!("{l}\n")).collect();
        if !terminated && lines.last().is_some_and(|l| !l.is_empty()) {
            input.pop();
        }
        let out = gonghui::evaluate_lines(input.as_bytes());
        let answers: Vec<&str> = out.lines().collect();
        prop_assert_eq!(answers.len(), lines.len());
        for (line, answer) in lines.iter().zip(&answers) {
            let content = line.strip_suffix('\r').unwrap_or(line);
            prop_assert_eq!(&gonghui::evaluate_bytes(content.as_bytes()), answer);
        }
    }

    /// C18, I2: the subsidy is the premium × the rate, rounded half up once,
    /// computed here another way (quotient and remainder), and never more
    /// than the premium.
    #[test]
    fn subsidy_is_exact_half_up_and_never_exceeds_the_premium(
        premium in 0u64..=gonghui::MAX_SAFE_INTEGER,
        hundredths in 0u32..=10_000,
    ) {
        let fen = Fen::new(premium).unwrap();
        let rate = Rate::from_hundredths(hundredths).unwrap();
        let exact = u128::from(premium) * u128::from(hundredths);
        let (quotient, remainder) = (exact / 10_000, exact % 10_000);
        let half_up = quotient + u128::from(remainder * 2 >= 10_000);
        prop_assert_eq!(u128::from(fen.times(rate).get()), half_up);
        prop_assert!(fen.times(rate) <= fen);
    }

    #[test]
    fn mutual_aid_subsidy_never_exceeds_the_premium(
        (chains, clusters) in industries(),
        years in proptest::collection::vec(2019u16..2030, 0..6),
        year in 2019u16..2030,
        premium in 0u64..=gonghui::MAX_SAFE_INTEGER,
    ) {
        let facts = MutualAidFacts {
            industries: KeyIndustries::new(chains, clusters),
            enrolled_years: YearSet::new(years.iter().filter_map(|y| Year::new(*y))),
            year: Year::new(year).unwrap(),
            premium: Fen::new(premium).unwrap(),
        };
        let d = mutual_aid::decide(Policy::published().parameters(), &facts);
        prop_assert!(d.amount() <= facts.premium);
        if !d.eligible() {
            prop_assert_eq!((d.rate(), d.amount()), (Rate::ZERO, Fen::ZERO));
        }
    }

    /// C9: a larger venue is never worse off than a smaller one.
    #[test]
    fn eligibility_is_monotone_in_area(
        kind in proptest::sample::select(GrassrootsKind::ALL),
        a in 0u64..100_000,
        b in 0u64..100_000,
    ) {
        let params = Policy::published().parameters();
        let at = |h: u64| venue::decide(params, &Venue::Grassroots {
            kind,
            indoor_area: Area::from_hundredths(h).unwrap(),
        }).eligible();
        let (small, large) = (a.min(b), a.max(b));
        prop_assert!(!at(small) || at(large));
    }

    /// The typed API and the JSON path are the same decision.
    #[test]
    fn typed_and_json_agree_on_mutual_aid(
        (chains, clusters) in industries(),
        years in proptest::collection::vec(2020u16..2029, 0..5),
        year in 2020u16..2029,
        premium in 0u64..=gonghui::MAX_SAFE_INTEGER,
    ) {
        let facts = MutualAidFacts {
            industries: KeyIndustries::new(chains.clone(), clusters.clone()),
            enrolled_years: YearSet::new(years.iter().filter_map(|y| Year::new(*y))),
            year: Year::new(year).unwrap(),
            premium: Fen::new(premium).unwrap(),
        };
        let typed = mutual_aid::decide(Policy::published().parameters(), &facts);
        let request = json!({"question": "mutual_aid_subsidy", "facts": {
            "chains": codes(&chains, Chain::code), "clusters": codes(&clusters, Cluster::code),
            "enrolled_years": years, "year": year, "premium_fen": premium}});
        let answer = assert_one_answer(&gonghui::evaluate_json(&request.to_string()));
        prop_assert_eq!(answer["outcome"] == "eligible", typed.eligible());
        prop_assert_eq!(answer["amount_fen"].as_u64(), Some(typed.amount().get()));
        let yuan = typed.amount().yuan();
        prop_assert_eq!(answer["amount_yuan"].as_str(), Some(yuan.as_str()));
        prop_assert_eq!(answer["rate_percent"].as_u64(), Some(u64::from(typed.rate().hundredths() / 100)));
    }

    #[test]
    fn typed_and_json_agree_on_venues(
        kind in 0usize..5,
        hundredths in 0u64..40_000,
        level in proptest::sample::select(ParkLevel::ALL),
    ) {
        let (venue, facts) = match GrassrootsKind::ALL.get(kind) {
            Some(kind) => (
                Venue::Grassroots { kind: *kind, indoor_area: Area::from_hundredths(hundredths).unwrap() },
                json!({"venue_kind": kind.code(),
                       "indoor_area_m2": serde_json::from_str::<Value>(
                           &format!("{}.{:02}", hundredths / 100, hundredths % 100)).unwrap()}),
            ),
            None => (
                Venue::IndustrialPark { level, indoor_area: None },
                json!({"venue_kind": "industrial_park", "park_level": level.code()}),
            ),
        };
        let typed = venue::decide(Policy::published().parameters(), &venue);
        let answer = assert_one_answer(
            &gonghui::evaluate_json(&json!({"question": "venue_subsidy", "facts": facts}).to_string()));
        prop_assert_eq!(answer["outcome"] == "eligible", typed.eligible());
        prop_assert_eq!(answer["amount_fen"].as_u64(), typed.amount().map(Fen::get));
    }

    #[test]
    fn typed_and_json_agree_on_unions(
        (chains, clusters) in industries(),
        six_norms in any::<bool>(),
        awarded in 0u64..200,
    ) {
        let tier = if six_norms { Tier::SixNorms } else { Tier::SixHaves };
        let facts = ModelUnionFacts {
            industries: KeyIndustries::new(chains.clone(), clusters.clone()),
            tier,
            awarded_this_year: awarded,
        };
        let typed = model_union::decide(Policy::published().parameters(), &facts);
        let request = json!({"question": "model_union_award", "facts": {
            "chains": codes(&chains, Chain::code), "clusters": codes(&clusters, Cluster::code),
            "tier": tier.code(), "awarded_this_year": awarded}});
        let answer = assert_one_answer(&gonghui::evaluate_json(&request.to_string()));
        prop_assert_eq!(answer["amount_fen"].as_u64(), typed.amount().map(Fen::get));
    }

    /// I8: the required number is the least that meets the share.
    #[test]
    fn the_required_share_is_the_least_that_meets_it(whole in 0u64..100_000, part in 0u64..100_000) {
        prop_assume!(part <= whole);
        let facts = gonghui::nomination::NominationFacts(Share::of(part, whole).unwrap());
        let d = gonghui::nomination::decide(Policy::published().parameters(), &facts);
        let required = d.required();
        // 30% of whole, rounded up: 10 × required ≥ 3 × whole > 10 × (required − 1).
        prop_assert!(10 * required >= 3 * whole);
        prop_assert!(required == 0 || 10 * (required - 1) < 3 * whole);
        prop_assert_eq!(d.compliant(), part >= required);
    }
}
