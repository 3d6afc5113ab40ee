//! `gonghui verify REQUESTS ANSWERS`: replays every request under the policy
//! and compares the archived answer with the replay, byte for byte, and
//! field by field where they differ.
//!
//! The two files are read line by line in step, as `eval` reads them (a line
//! ends at `\n`, a `\r` before it is not part of it), so memory holds one
//! request, its replay and one archived line whatever the size of the files.
//! An archived line is kept up to twice the length of its replay (at least
//! the request limit): a longer one differs by its length alone.

use std::borrow::Cow;
use std::io::{self, BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use gonghui::batch::line_content;
use gonghui::limits::MAX_REQUEST_BYTES;
use gonghui::{Answer, Lang, Policy};

use crate::input::Input;
use crate::json::{self, Object};
use crate::lines::{Line, LineReader};
use crate::out::{self, note};
use crate::text::pick;
use crate::tree::{self, Difference, Node};

/// How the report is written.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Lines for people: every line that does not replay, runs of those that
    /// do, and a summary.
    Text,
    /// JSON Lines: one object per line checked, then one for the summary
    /// (docs/POLICY-FILES.md).
    Json,
}

/// What became of one line, in the order the summary counts them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Verdict {
    /// The archived answer is the replay, byte for byte.
    Same,
    /// It is not, and both were made under the same policy by this engine.
    Different,
    /// It was made under another policy: its stamp names another policy or
    /// another digest of parameters.
    OtherPolicy,
    /// It was made by another version of the engine.
    OtherEngine,
    /// The archived line is not an answer: not UTF-8, or not JSON.
    Broken,
    /// The answers file ended before this request's answer.
    Missing,
    /// The answers file has a line beyond the last request.
    Extra,
}

impl Verdict {
    const ALL: [Verdict; 7] = [
        Verdict::Same,
        Verdict::Different,
        Verdict::OtherPolicy,
        Verdict::OtherEngine,
        Verdict::Broken,
        Verdict::Missing,
        Verdict::Extra,
    ];

    /// The code in the JSON report.
    fn code(self) -> &'static str {
        match self {
            Verdict::Same => "same",
            Verdict::Different => "different",
            Verdict::OtherPolicy => "other_policy",
            Verdict::OtherEngine => "other_engine",
            Verdict::Broken => "broken",
            Verdict::Missing => "missing",
            Verdict::Extra => "extra",
        }
    }

    /// What a line of the text report says.
    fn words(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Same => pick(lang, "相同", "same"),
            Verdict::Different => pick(
                lang,
                "不同（存档 ≠ 重算）",
                "different (archived ≠ replayed)",
            ),
            Verdict::OtherPolicy => pick(lang, "在另一政策下作出", "made under another policy"),
            Verdict::OtherEngine => {
                pick(lang, "由另一引擎版本作出", "made by another engine version")
            }
            Verdict::Broken => pick(lang, "存档行损坏", "the archived line is broken"),
            Verdict::Missing => pick(
                lang,
                "缺失：答复文件没有这一行",
                "missing: the answers file has no line for it",
            ),
            Verdict::Extra => pick(
                lang,
                "多余：请求文件没有对应的请求",
                "extra: the requests file has no request for it",
            ),
        }
    }

    /// What the summary calls it.
    fn short(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Same => pick(lang, "相同", "same"),
            Verdict::Different => pick(lang, "不同", "different"),
            Verdict::OtherPolicy => pick(lang, "其他政策", "other policy"),
            Verdict::OtherEngine => pick(lang, "其他引擎版本", "other engine"),
            Verdict::Broken => pick(lang, "损坏", "broken"),
            Verdict::Missing => pick(lang, "缺失", "missing"),
            Verdict::Extra => pick(lang, "多余", "extra"),
        }
    }

    /// Whether runs of it are told as one line in the text report.
    fn in_runs(self) -> bool {
        matches!(self, Verdict::Same | Verdict::Missing | Verdict::Extra)
    }
}

/// The stamp of a decision: under which policy, with which parameters, by
/// which engine.
#[derive(Clone, PartialEq, Eq)]
struct Stamp {
    policy: String,
    parameters: String,
    engine: String,
}

impl Stamp {
    /// The stamp of an answer, if it is a decision with one.
    fn of(answer: &Node<'_>) -> Option<Stamp> {
        let stamp = answer.get("stamp")?;
        let field = |name| stamp.get(name).and_then(Node::as_str).map(str::to_owned);
        Some(Stamp {
            policy: field("policy")?,
            parameters: field("parameters")?,
            engine: field("engine")?,
        })
    }

    fn json(stamp: Option<&Stamp>) -> String {
        stamp.map_or_else(
            || "null".to_owned(),
            |s| {
                Object::new()
                    .str("policy", &s.policy)
                    .str("parameters", &s.parameters)
                    .str("engine", &s.engine)
                    .finish()
            },
        )
    }
}

/// The digest shortened for people: `sha256:f61b07a6430d…`.
fn short_digest(digest: &str) -> Cow<'_, str> {
    match digest.get(..19) {
        Some(start) if start.len() < digest.len() => Cow::Owned(format!("{start}…")),
        _ => Cow::Borrowed(digest),
    }
}

/// How many differing fields a line of the report lists.
const LISTED_TEXT: usize = 10;
const LISTED_JSON: usize = 100;

/// The check of one line.
struct Check {
    verdict: Verdict,
    /// The request's id (the replay's), or the archived answer's.
    id: Option<String>,
    /// What the verdict rests on, when the fields do not say it.
    detail: Option<String>,
    differences: Vec<Difference>,
    /// Differing fields not listed.
    more: usize,
    /// Archived and replayed, when they tell the verdict.
    stamps: Option<[Option<Stamp>; 2]>,
}

impl Check {
    fn new(verdict: Verdict, id: Option<String>) -> Check {
        Check {
            verdict,
            id,
            detail: None,
            differences: Vec::new(),
            more: 0,
            stamps: None,
        }
    }

    fn detail(mut self, detail: String) -> Check {
        self.detail = Some(detail);
        self
    }
}

/// What a line check needs to know besides the two answers.
struct Replayer<'p> {
    policy: &'p Policy,
    engine: String,
    lang: Lang,
    listed: usize,
}

impl Replayer<'_> {
    /// Compares an archived line with the replay of its request.
    fn compare(&self, archived: Line<'_>, replay: &str) -> Check {
        let id = answer_id(replay);
        let content = match archived {
            Line::Complete(bytes) => line_content(bytes),
            Line::TooLong { bytes } => {
                return Check::new(Verdict::Different, id).detail(match self.lang {
                    Lang::Zh => format!("存档行{bytes}字节，重算的答复{}字节", replay.len()),
                    Lang::En => format!(
                        "the archived line is {bytes} bytes, the replayed answer {}",
                        replay.len()
                    ),
                });
            }
        };
        if content == replay.as_bytes() {
            return Check::new(Verdict::Same, id);
        }
        let Ok(text) = std::str::from_utf8(content) else {
            let detail = pick(self.lang, "不是UTF-8文本", "not UTF-8 text").to_owned();
            return Check::new(Verdict::Broken, id).detail(detail);
        };
        let archived = match tree::parse(text) {
            Ok(node) => node,
            Err(e) => {
                let detail = format!("{}{e}", pick(self.lang, "不是JSON：", "not JSON: "));
                return Check::new(Verdict::Broken, id).detail(detail);
            }
        };
        let replayed = match tree::parse(replay) {
            Ok(node) => node,
            // The core writes JSON; should it not, the lines still differ.
            Err(e) => return Check::new(Verdict::Different, id).detail(e),
        };
        let (differences, total) = tree::differences(&archived, &replayed, self.listed);
        let stamps = [Stamp::of(&archived), Stamp::of(&replayed)];
        let verdict = match &stamps {
            [Some(a), _] if a.engine != self.engine => Verdict::OtherEngine,
            [Some(a), Some(r)] if a.policy != r.policy || a.parameters != r.parameters => {
                Verdict::OtherPolicy
            }
            [Some(a), None] if a.policy != self.policy.id() => Verdict::OtherPolicy,
            _ => Verdict::Different,
        };
        let detail = match (verdict, &stamps) {
            (Verdict::OtherEngine, [Some(a), _]) => Some(match self.lang {
                Lang::Zh => format!("存档 {}，重算 {}", a.engine, self.engine),
                Lang::En => format!("archived {}, replayed {}", a.engine, self.engine),
            }),
            (Verdict::OtherPolicy, [Some(a), r]) => {
                let (policy, parameters) = match r {
                    Some(r) => (r.policy.as_str(), short_digest(&r.parameters)),
                    None => (self.policy.id(), Cow::Borrowed("-")),
                };
                let archived = format!("{} {}", a.policy, short_digest(&a.parameters));
                let replayed = format!("{policy} {parameters}");
                Some(match self.lang {
                    Lang::Zh => format!("存档 {archived}，重算 {replayed}"),
                    Lang::En => format!("archived {archived}, replayed {replayed}"),
                })
            }
            _ if total == 0 => Some(
                pick(
                    self.lang,
                    "取值相同，写法不同（键的顺序、空白或转义）",
                    "the same values, written otherwise (key order, spaces or escapes)",
                )
                .to_owned(),
            ),
            _ => None,
        };
        Check {
            verdict,
            id,
            detail,
            more: total - differences.len(),
            differences,
            stamps: matches!(verdict, Verdict::OtherPolicy | Verdict::OtherEngine)
                .then_some(stamps),
        }
    }
}

/// The `id` of an answer, read from its start (`{"id":"…",…}`) without
/// reading the rest.
fn answer_id(answer: &str) -> Option<String> {
    let rest = answer.strip_prefix(r#"{"id":"#)?;
    let bytes = rest.as_bytes();
    if bytes.first() != Some(&b'"') {
        return None;
    }
    let mut at = 1;
    loop {
        match bytes.get(at)? {
            b'\\' => at += 2,
            b'"' => break,
            _ => at += 1,
        }
    }
    serde_json::from_str(rest.get(..=at)?).ok()
}

/// Lines of the text report told as one: `lines 3–18: same`.
struct Run {
    verdict: Verdict,
    first: u64,
    last: u64,
}

/// The report, written as the lines are checked.
struct Report<W> {
    out: W,
    format: Format,
    quiet: bool,
    lang: Lang,
    counts: [u64; 7],
    run: Option<Run>,
}

impl<W: Write> Report<W> {
    fn line(&mut self, number: u64, check: &Check) -> io::Result<()> {
        self.counts[check.verdict as usize] += 1;
        if self.quiet {
            return Ok(());
        }
        if self.format == Format::Json {
            return writeln!(self.out, "{}", self.json(number, check));
        }
        if let Some(run) = &mut self.run {
            if run.verdict == check.verdict && run.last + 1 == number {
                run.last = number;
                return Ok(());
            }
        }
        self.end_run()?;
        if check.verdict.in_runs() {
            self.run = Some(Run {
                verdict: check.verdict,
                first: number,
                last: number,
            });
            return Ok(());
        }
        let text = self.text(number, check);
        self.out.write_all(text.as_bytes())
    }

    fn end_run(&mut self) -> io::Result<()> {
        let Some(run) = self.run.take() else {
            return Ok(());
        };
        let lines = match (self.lang, run.first == run.last) {
            (Lang::Zh, true) => format!("第{}行", run.first),
            (Lang::Zh, false) => format!("第{}—{}行", run.first, run.last),
            (Lang::En, true) => format!("line {}", run.first),
            (Lang::En, false) => format!("lines {}–{}", run.first, run.last),
        };
        let colon = pick(self.lang, "：", ": ");
        writeln!(self.out, "{lines}{colon}{}", run.verdict.words(self.lang))
    }

    /// A line of the text report, and its differing fields below it.
    fn text(&self, number: u64, check: &Check) -> String {
        let lang = self.lang;
        let colon = pick(lang, "：", ": ");
        let mut text = match (lang, &check.id) {
            (Lang::Zh, Some(id)) => format!("第{number}行（{id}）"),
            (Lang::Zh, None) => format!("第{number}行"),
            (Lang::En, Some(id)) => format!("line {number} ({id})"),
            (Lang::En, None) => format!("line {number}"),
        };
        text.push_str(colon);
        text.push_str(check.verdict.words(lang));
        if let Some(detail) = &check.detail {
            text.push_str(colon);
            text.push_str(detail);
        }
        text.push('\n');
        if check.verdict == Verdict::Different {
            for d in &check.differences {
                let absent = Cow::Borrowed(pick(lang, "（无）", "(absent)"));
                let left = d.left.as_deref().map_or(absent.clone(), shortened);
                let right = d.right.as_deref().map_or(absent, shortened);
                let path = if d.path.is_empty() {
                    pick(lang, "（整个答复）", "(the whole answer)")
                } else {
                    &d.path
                };
                text.push_str(&format!("  {path}{colon}{left} ≠ {right}\n"));
            }
            if check.more > 0 {
                text.push_str(&match lang {
                    Lang::Zh => format!("  ……另有{}个字段不同\n", check.more),
                    Lang::En => format!("  … and {} more fields\n", check.more),
                });
            }
        }
        text
    }

    fn json(&self, number: u64, check: &Check) -> String {
        let differences = check.differences.iter().map(|d| {
            Object::new()
                .str("path", &d.path)
                .opt_str("archived", d.left.as_deref())
                .opt_str("replayed", d.right.as_deref())
                .finish()
        });
        let stamps = check.stamps.as_ref().map_or_else(
            || "null".to_owned(),
            |[archived, replayed]| {
                Object::new()
                    .raw("archived", &Stamp::json(archived.as_ref()))
                    .raw("replayed", &Stamp::json(replayed.as_ref()))
                    .finish()
            },
        );
        Object::new()
            .num("line", number)
            .opt_str("id", check.id.as_deref())
            .str("verdict", check.verdict.code())
            .opt_str("detail", check.detail.as_deref())
            .raw("differences", &json::array(differences))
            .num("more", check.more as u64)
            .raw("stamps", &stamps)
            .finish()
    }

    /// Ends the report with its summary; the counts, by verdict.
    fn finish(mut self) -> io::Result<[u64; 7]> {
        self.end_run()?;
        let lines: u64 = self.counts.iter().sum();
        let counted = Verdict::ALL.iter().zip(self.counts);
        let summary = match self.format {
            Format::Json => {
                let object = counted.fold(Object::new().num("lines", lines), |o, (v, n)| {
                    o.num(v.code(), n)
                });
                format!(
                    "{}\n",
                    Object::new().raw("summary", &object.finish()).finish()
                )
            }
            Format::Text => {
                let counts: Vec<String> = counted
                    .map(|(v, n)| match self.lang {
                        Lang::Zh => format!("{}{n}", v.short(self.lang)),
                        Lang::En => format!("{n} {}", v.short(self.lang)),
                    })
                    .collect();
                let mut summary = match self.lang {
                    Lang::Zh => format!("共{lines}行：{}\n", counts.join("，")),
                    Lang::En => format!(
                        "{lines} line{}: {}\n",
                        if lines == 1 { "" } else { "s" },
                        counts.join(", ")
                    ),
                };
                if self.counts[Verdict::OtherPolicy as usize] > 0 {
                    summary.push_str(pick(
                        self.lang,
                        "在另一政策下作出的答复，可用 --policy 指定当时的政策文件重放。\n",
                        "Answers made under another policy replay with --policy and the file they were made under.\n",
                    ));
                }
                summary
            }
        };
        self.out.write_all(summary.as_bytes())?;
        self.out.flush()?;
        Ok(self.counts)
    }
}

/// A value for the text report: at most 160 characters, then `…`.
fn shortened(value: &str) -> Cow<'_, str> {
    match value.char_indices().nth(160) {
        Some((at, _)) => Cow::Owned(format!("{}…", &value[..at])),
        None => Cow::Borrowed(value),
    }
}

/// The options of `gonghui verify`.
pub struct Options {
    pub format: Format,
    pub quiet: bool,
    pub lang: Lang,
}

/// `gonghui verify`: 0 when every archived answer is its replay, 1 when some
/// line is not, 2 when a file cannot be read.
pub fn command(policy: &Policy, requests: &Path, answers: &Path, options: &Options) -> ExitCode {
    if requests.as_os_str() == "-" && answers.as_os_str() == "-" {
        note!("verify: standard input can be only one of the two files");
        return ExitCode::from(2);
    }
    let (requests, answers) = match (
        Input::open(Some(requests)),
        Input::open_in_step(Some(answers)),
    ) {
        (Ok(r), Ok(a)) => (r, a),
        (Err(e), _) | (_, Err(e)) => return out::failed(&e),
    };
    let replayer = Replayer {
        policy,
        engine: format!("gonghui {}", gonghui::VERSION),
        lang: options.lang,
        listed: match options.format {
            Format::Text => LISTED_TEXT,
            Format::Json => LISTED_JSON,
        },
    };
    let report = Report {
        out: out::stdout(),
        format: options.format,
        quiet: options.quiet,
        lang: options.lang,
        counts: [0; 7],
        run: None,
    };
    let result = replay_all(&replayer, requests.reader, answers.reader, report);
    requests.progress.finish_and_clear();
    match result {
        Ok(counts) if counts[Verdict::Same as usize] == counts.iter().sum::<u64>() => {
            ExitCode::SUCCESS
        }
        Ok(_) => ExitCode::from(1),
        Err(e) => out::failed(&e),
    }
}

/// Reads both files in step, checks every line and writes the report.
fn replay_all(
    replayer: &Replayer<'_>,
    requests: impl BufRead,
    answers: impl BufRead,
    mut report: Report<impl Write>,
) -> io::Result<[u64; 7]> {
    let mut requests = LineReader::new(requests, MAX_REQUEST_BYTES);
    let mut answers = LineReader::new(answers, MAX_REQUEST_BYTES);
    let mut replay = String::new();
    let mut number = 0;
    loop {
        replay.clear();
        let asked = match requests.next_line()? {
            Some(Line::Complete(bytes)) => {
                replayer
                    .policy
                    .evaluate_appending(line_content(bytes), &mut replay);
                true
            }
            Some(Line::TooLong { bytes }) => {
                replay.push_str(Answer::too_large(bytes).as_str());
                true
            }
            None => false,
        };
        answers.set_limit(MAX_REQUEST_BYTES.max(replay.len().saturating_mul(2)));
        let check = match (asked, answers.next_line()?) {
            (true, Some(archived)) => replayer.compare(archived, &replay),
            (true, None) => Check::new(Verdict::Missing, answer_id(&replay)),
            (false, Some(archived)) => {
                let id = match archived {
                    Line::Complete(bytes) => std::str::from_utf8(line_content(bytes))
                        .ok()
                        .and_then(answer_id),
                    Line::TooLong { .. } => None,
                };
                Check::new(Verdict::Extra, id)
            }
            (false, None) => break,
        };
        number += 1;
        report.line(number, &check)?;
    }
    report.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_of_an_answer() {
        assert_eq!(
            answer_id(r#"{"id":"a-1","question":"x"}"#),
            Some("a-1".into())
        );
        assert_eq!(answer_id(r#"{"id":"a\"b\\","x":1}"#), Some("a\"b\\".into()));
        assert_eq!(answer_id(r#"{"question":"x"}"#), None);
        assert_eq!(answer_id(r#"{"id":"unterminated"#), None);
        assert_eq!(answer_id(r#"{"id":12}"#), None);
    }

    #[test]
    fn long_values_are_shortened() {
        assert_eq!(shortened("abc"), "abc");
        let long = "中".repeat(200);
        let short = shortened(&long);
        assert_eq!(short.chars().count(), 161);
        assert!(short.ends_with('…'));
    }
}
