//! Concurrency: the core's types cross threads, and many threads
//! evaluating at once get the answers one thread gets, from the very first
//! call (when the published policy is read into its one-time cache) on.
//!
//! Its own test binary, with one test, so that the threads here are the first
//! in the process to ask for the published policy.

use std::sync::Barrier;

use gonghui::planning::allocation::{AllocationDecision, AllocationFacts, Application};
use gonghui::planning::budget::{BudgetDecision, BudgetFacts};
use gonghui::planning::comparison::{ComparisonDecision, ComparisonFacts};
use gonghui::planning::schedule::{ScheduleDecision, ScheduleFacts};
use gonghui::policy::{Override, ParamId, ParamValue};
use gonghui::progress::{ProgressDecision, ProgressFacts};
use gonghui::venue::{Venue, VenueDecision};
use gonghui::{
    Answer, Chain, Clause, Cluster, Decision, Error, Fen, KeyIndustries, Lang, Outcome, Parameters,
    Policy, Question, QuestionKind, Rate, Rejection, Request, Share, ShareDecision, Step, Year,
    YearSet,
};

/// Compiles only if every type is `Send + Sync`: a service may share a
/// `&'static Policy`, a request or a decision between threads, and none of
/// them hides a `Cell`, an `Rc` or a raw pointer.
const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    send_sync::<Policy>();
    send_sync::<&'static Policy>();
    send_sync::<Parameters>();
    send_sync::<Request>();
    send_sync::<Question>();
    send_sync::<QuestionKind>();
    send_sync::<Answer>();
    send_sync::<Decision>();
    send_sync::<Outcome>();
    send_sync::<Error>();
    send_sync::<Rejection>();
    send_sync::<Step>();
    send_sync::<Lang>();
    send_sync::<Clause>();
    send_sync::<Chain>();
    send_sync::<Cluster>();
    send_sync::<KeyIndustries>();
    send_sync::<Fen>();
    send_sync::<Rate>();
    send_sync::<Year>();
    send_sync::<YearSet>();
    send_sync::<Share>();
    send_sync::<ShareDecision>();
    send_sync::<Venue>();
    send_sync::<VenueDecision>();
    send_sync::<gonghui::model_union::ModelUnionFacts>();
    send_sync::<gonghui::model_union::ModelUnionDecision>();
    send_sync::<gonghui::mutual_aid::MutualAidFacts>();
    send_sync::<gonghui::mutual_aid::MutualAidDecision>();
    send_sync::<ProgressFacts>();
    send_sync::<ProgressDecision>();
    send_sync::<Application>();
    send_sync::<AllocationFacts>();
    send_sync::<AllocationDecision>();
    send_sync::<ComparisonFacts>();
    send_sync::<ComparisonDecision>();
    send_sync::<BudgetFacts>();
    send_sync::<BudgetDecision>();
    send_sync::<ScheduleFacts>();
    send_sync::<ScheduleDecision>();
    send_sync::<Override>();
    send_sync::<ParamId>();
    send_sync::<ParamValue>();
};

/// Every request line of the conformance corpus.
fn corpus() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the corpus")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".requests.jsonl"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|f| {
            let bytes = std::fs::read(f).expect("a requests file");
            gonghui::batch::lines(&bytes)
                .map(<[u8]>::to_vec)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn many_threads_get_the_answers_of_one() {
    const THREADS: usize = 8;
    let requests = corpus();
    assert!(requests.len() > 150);
    let batch: Vec<u8> = requests.join(&b'\n');
    let start = Barrier::new(THREADS);
    // All threads start at once, before any answer is computed in this
    // process, each walking the corpus from a different place.
    let results: Vec<(Vec<String>, String)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..THREADS)
            .map(|t| {
                let (requests, batch, start) = (&requests, &batch, &start);
                scope.spawn(move || {
                    start.wait();
                    let n = requests.len();
                    let mut answers = vec![String::new(); n];
                    for i in 0..n {
                        let at = (i + t * n / THREADS) % n;
                        answers[at] = gonghui::evaluate_bytes(&requests[at]);
                    }
                    (answers, gonghui::evaluate_lines(batch))
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("no thread panics"))
            .collect()
    });
    let alone: Vec<String> = requests
        .iter()
        .map(|r| gonghui::evaluate_bytes(r))
        .collect();
    let alone_batch = gonghui::evaluate_lines(&batch);
    for (t, (answers, batch)) in results.iter().enumerate() {
        assert!(*answers == alone, "thread {t} answered differently");
        assert!(*batch == alone_batch, "thread {t}'s batch differs");
    }
}
