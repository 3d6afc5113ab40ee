//! Generates the example population of `examples/population/`: a year's
//! requests of every kind and a year's model union applications, drawn with
//! a fixed seed so that the files (and the figures measured on them) never change.
//!
//! Run it with `cargo run -p gonghui --example population -- examples/population`.

use std::fs;
use std::path::PathBuf;

use gonghui::{Chain, Cluster};
use gonghui::{GrassrootsKind, ParkLevel};
use serde_json::{Value, json};

/// xorshift64*: a few lines of a well-known generator, so the example needs
/// no crate and draws the same numbers on every machine.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// Chains and clusters of an enterprise: most are in one, some in none.
fn industries(draw: &mut Draw) -> (Vec<&'static str>, Vec<&'static str>) {
    let mut chains = Vec::new();
    let mut clusters = Vec::new();
    if draw.chance(85) {
        chains.push(draw.pick(Chain::ALL).code());
        if draw.chance(25) {
            clusters.push(draw.pick(Cluster::ALL).code());
        }
    } else if draw.chance(30) {
        clusters.push(draw.pick(Cluster::ALL).code());
    }
    (chains, clusters)
}

fn venue(draw: &mut Draw, n: u64) -> Value {
    if draw.chance(15) {
        let level = draw.pick(&[
            ParkLevel::National,
            ParkLevel::Provincial,
            ParkLevel::Provincial,
            ParkLevel::Municipal,
            ParkLevel::County,
        ]);
        json!({"id": format!("venue-{n:05}"), "question": "venue_subsidy",
               "facts": {"venue_kind": "industrial_park", "park_level": level.code(),
                         "indoor_area_m2": 300 + draw.below(2000)}})
    } else {
        // Areas cluster around the old and new thresholds of C9.
        let hundredths = 6_000 + draw.below(24_000);
        let area: Value =
            serde_json::from_str(&format!("{}.{:02}", hundredths / 100, hundredths % 100))
                .unwrap_or(Value::Null);
        json!({"id": format!("venue-{n:05}"), "question": "venue_subsidy",
               "facts": {"venue_kind": draw.pick(GrassrootsKind::ALL).code(), "indoor_area_m2": area}})
    }
}

fn union(draw: &mut Draw, n: u64) -> Value {
    let (chains, clusters) = industries(draw);
    json!({"id": format!("union-{n:05}"), "question": "model_union_award",
           "facts": {"chains": chains, "clusters": clusters,
                     "tier": if draw.chance(55) { "six_haves" } else { "six_norms" },
                     "awarded_this_year": draw.below(110)}})
}

fn mutual_aid(draw: &mut Draw, n: u64) -> Value {
    let (chains, clusters) = industries(draw);
    let join = 2021 + draw.below(6);
    let year = 2023 + draw.below(4);
    // A few enterprises skip a year.
    let skip = if draw.chance(10) {
        Some(join + 1)
    } else {
        None
    };
    let years: Vec<u64> = (join..=year).filter(|y| Some(*y) != skip).collect();
    json!({"id": format!("aid-{n:05}"), "question": "mutual_aid_subsidy",
           "facts": {"chains": chains, "clusters": clusters, "enrolled_years": years,
                     "year": year, "premium_fen": 100_000 + draw.below(3_000_000)}})
}

fn nomination(draw: &mut Draw, n: u64) -> Value {
    let total = 10 + draw.below(200);
    let from = total * (15 + draw.below(40)) / 100;
    json!({"id": format!("nomination-{n:05}"), "question": "nomination_share",
           "facts": {"total": total, "from_key_industries": from}})
}

fn studio(draw: &mut Draw, n: u64) -> Value {
    let total = 2 + draw.below(60);
    let advanced = total * (30 + draw.below(40)) / 100;
    json!({"id": format!("studio-{n:05}"), "question": "studio_quota",
           "facts": {"total_slots": total, "advanced_manufacturing_slots": advanced}})
}

fn application(draw: &mut Draw, n: u64) -> Value {
    let (chains, clusters) = industries(draw);
    // Now and then a union applies twice (the second is refused: I6).
    let id = if n > 10 && draw.chance(3) {
        n - 1 - draw.below(10)
    } else {
        n
    };
    json!({"id": format!("union-{id:05}"),
           "tier": if draw.chance(55) { "six_haves" } else { "six_norms" },
           "chains": chains, "clusters": clusters})
}

fn lines(values: impl Iterator<Item = Value>) -> String {
    values.map(|v| format!("{v}\n")).collect()
}

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "examples/population".into()),
    );
    fs::create_dir_all(&dir)?;
    let mut draw = Draw(0x1269_2023_2026_0001);
    let requests = lines((0..4000).map(|n| match draw.below(100) {
        0..=34 => venue(&mut draw, n),
        35..=54 => union(&mut draw, n),
        55..=89 => mutual_aid(&mut draw, n),
        90..=95 => nomination(&mut draw, n),
        _ => studio(&mut draw, n),
    }));
    fs::write(dir.join("requests.jsonl"), requests)?;
    let applications = lines((0..600).map(|n| application(&mut draw, n)));
    fs::write(dir.join("applications.jsonl"), applications)?;
    println!(
        "wrote {}/requests.jsonl and {}/applications.jsonl",
        dir.display(),
        dir.display()
    );
    Ok(())
}
