//! Policy files: the one a command decides under (`--policy FILE`), and the
//! `policy` command that shows, checks and compares them.
//!
//! A file is read whole (it is bounded as a request is), checked by the core,
//! and refused whole with every problem it has: a command given a broken file
//! answers nothing, rather than answer some lines under half a policy.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use gonghui::limits::MAX_REQUEST_BYTES;
use gonghui::policy::{PUBLISHED_JSON, ParamChange, PolicyError};
use gonghui::{Lang, Policy};

use crate::json::{self, Object};
use crate::out::{self, note};
use crate::table::Table;
use crate::text::pick;

/// Why a policy file cannot be used.
enum Refused {
    /// It could not be read.
    Unreadable(io::Error),
    /// It holds more than a policy file may (`MAX_REQUEST_BYTES`).
    TooLarge,
    /// It was read and checked, and has problems.
    Invalid(PolicyError),
}

/// How a file given on the command line is named in messages: `-` is
/// standard input.
fn name(path: &Path) -> Cow<'_, str> {
    if path.as_os_str() == "-" {
        Cow::Borrowed("standard input")
    } else {
        path.to_string_lossy()
    }
}

/// Reads and checks the policy file at `path` (standard input for `-`),
/// never reading more than a policy file may hold.
fn load(path: &Path) -> Result<Policy, Refused> {
    let mut bytes = Vec::new();
    let limit = MAX_REQUEST_BYTES as u64 + 1;
    let read = if path.as_os_str() == "-" {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        File::open(path).and_then(|file| file.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(Refused::Unreadable)?;
    if bytes.len() > MAX_REQUEST_BYTES {
        return Err(Refused::TooLarge);
    }
    Policy::from_bytes(&bytes).map_err(Refused::Invalid)
}

/// The policy a command decides under: the published one, or the file of
/// `--policy`, loaded before the command reads anything else. A file that
/// cannot be used is reported on standard error, and the command must end
/// with the status returned, having answered nothing.
///
/// `input_is_stdin`: the command reads its input from standard input, which
/// the policy then cannot come from.
pub fn chosen(path: Option<&Path>, input_is_stdin: bool) -> Result<Cow<'static, Policy>, ExitCode> {
    let Some(path) = path else {
        return Ok(Cow::Borrowed(Policy::published()));
    };
    if input_is_stdin && path.as_os_str() == "-" {
        note!("--policy -: standard input is already the input; give the policy as a file");
        return Err(ExitCode::from(2));
    }
    load(path).map(Cow::Owned).map_err(|refused| {
        let [zh, en, problems] = describe(&refused);
        let _ = write!(
            io::stderr().lock(),
            "gonghui: --policy {}: {zh}，未作任何答复 / {en}; nothing was answered\n{problems}",
            name(path)
        );
        ExitCode::from(2)
    })
}

/// Why a file is refused: a headline in Chinese and in English, and every
/// problem under the parameter id or field path at fault, one line a
/// language.
fn describe(refused: &Refused) -> [String; 3] {
    match refused {
        Refused::Unreadable(e) => [
            format!("无法读取（{e}）"),
            format!("cannot read it ({e})"),
            String::new(),
        ],
        Refused::TooLarge => [
            format!("政策文件过大，超过{MAX_REQUEST_BYTES}字节"),
            format!("the policy file is too large, over {MAX_REQUEST_BYTES} bytes"),
            String::new(),
        ],
        Refused::Invalid(error) => {
            let n = error.problems().len();
            let mut problems = String::new();
            for problem in error.problems() {
                problems.push_str(&format!(
                    "  {}\n    {}\n    {}\n",
                    problem.field(),
                    problem.message(Lang::Zh),
                    problem.message(Lang::En)
                ));
            }
            [
                format!("政策文件有{n}处问题"),
                format!(
                    "the policy file has {n} problem{}",
                    if n == 1 { "" } else { "s" }
                ),
                problems,
            ]
        }
    }
}

/// Writes `text` to standard output and ends with `status`.
fn print(text: &str, status: ExitCode) -> ExitCode {
    let mut out = out::stdout();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => status,
        Err(e) => out::failed(&e),
    }
}

/// `gonghui policy show`: the published policy file, byte for byte.
pub fn show() -> ExitCode {
    print(PUBLISHED_JSON, ExitCode::SUCCESS)
}

/// `gonghui policy check FILE`: 0 and one line when the file can be used; 1
/// and every problem when it cannot; 2 when it cannot be read.
pub fn check(path: &Path) -> ExitCode {
    match load(path) {
        Ok(policy) => print(
            &format!(
                "{}: OK: policy {}, parameters {}\n",
                name(path),
                policy.id(),
                policy.parameters().digest_hex()
            ),
            ExitCode::SUCCESS,
        ),
        Err(Refused::Unreadable(e)) => {
            note!("cannot read {}: {e}", name(path));
            ExitCode::from(2)
        }
        Err(refused) => {
            let [zh, en, problems] = describe(&refused);
            print(
                &format!("{}: {zh} / {en}\n{problems}", name(path)),
                ExitCode::from(1),
            )
        }
    }
}

/// How `policy diff` writes what changed.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// A table for people.
    Table,
    /// One JSON object (docs/POLICY-FILES.md).
    Json,
}

/// `gonghui policy diff OLD NEW`: 0 when the files say the same, 1 when they
/// differ, 2 when one cannot be used.
pub fn diff(old: &Path, new: &Path, format: DiffFormat, lang: Lang) -> ExitCode {
    if old.as_os_str() == "-" && new.as_os_str() == "-" {
        note!("policy diff: standard input can be only one of the two files");
        return ExitCode::from(2);
    }
    let load_one = |path: &Path| {
        load(path).map_err(|refused| {
            let [zh, en, problems] = describe(&refused);
            let _ = write!(
                io::stderr().lock(),
                "gonghui: {}: {zh} / {en}\n{problems}",
                name(path)
            );
            ExitCode::from(2)
        })
    };
    let (old, new) = match (load_one(old), load_one(new)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(status), _) | (_, Err(status)) => return status,
    };
    let diff = Diff::of(&old, &new);
    let text = match format {
        DiffFormat::Table => diff.table(lang),
        DiffFormat::Json => diff.json() + "\n",
    };
    print(&text, ExitCode::from(u8::from(diff.differs())))
}

/// Everything that differs between two policies: the values in force (the
/// core's [`Policy::changes_to`]), the id, title and source, and the words
/// of the clauses, parameters, open points and reported figures.
struct Diff<'a> {
    old: &'a Policy,
    new: &'a Policy,
    changes: Vec<ParamChange>,
    other: Vec<Other>,
}

/// A part of the policy whose words, or other data that decides nothing,
/// differ.
struct Other {
    part: Part,
    /// The clause id, parameter id, open point or target.
    id: String,
    /// What differs in it.
    what: Vec<Aspect>,
}

/// The parts of a policy besides the values in force.
#[derive(Clone, Copy)]
enum Part {
    Clause,
    Parameter,
    Open,
    Reported,
}

impl Part {
    fn code(self) -> &'static str {
        match self {
            Part::Clause => "clause",
            Part::Parameter => "parameter",
            Part::Open => "open",
            Part::Reported => "reported",
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match self {
            Part::Clause => pick(lang, "条款", "clause"),
            Part::Parameter => pick(lang, "参数", "parameter"),
            Part::Open => pick(lang, "未定事项", "open point"),
            Part::Reported => pick(lang, "报告数字", "reported figure"),
        }
    }
}

/// What can differ in a part.
#[derive(Clone, Copy)]
enum Aspect {
    /// A clause's line in the article.
    Line,
    /// The source words or the English gloss.
    Words,
    /// The clause cited.
    Clause,
    /// The reading cited.
    Reading,
    /// A parameter's earlier value, or whether it has one.
    History,
    /// A reported figure, its year or its target.
    Figure,
}

impl Aspect {
    fn code(self) -> &'static str {
        match self {
            Aspect::Line => "line",
            Aspect::Words => "words",
            Aspect::Clause => "clause",
            Aspect::Reading => "reading",
            Aspect::History => "history",
            Aspect::Figure => "figure",
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match self {
            Aspect::Line => pick(lang, "行号", "line"),
            Aspect::Words => pick(lang, "文字", "words"),
            Aspect::Clause => pick(lang, "所引条款", "clause cited"),
            Aspect::Reading => pick(lang, "所引解读", "reading cited"),
            Aspect::History => pick(lang, "修订沿革", "history"),
            Aspect::Figure => pick(lang, "数字", "figure"),
        }
    }
}

/// Adds the part to `other` when some aspect of it differs.
fn push_other(other: &mut Vec<Other>, part: Part, id: &str, aspects: &[(Aspect, bool)]) {
    let what: Vec<Aspect> = aspects
        .iter()
        .filter(|(_, differs)| *differs)
        .map(|(aspect, _)| *aspect)
        .collect();
    if !what.is_empty() {
        other.push(Other {
            part,
            id: id.to_owned(),
            what,
        });
    }
}

impl<'a> Diff<'a> {
    fn of(old: &'a Policy, new: &'a Policy) -> Diff<'a> {
        let mut other = Vec::new();
        for (a, b) in old.clauses().iter().zip(new.clauses()) {
            let what = [
                (Aspect::Line, a.line != b.line),
                (Aspect::Words, a.text != b.text),
            ];
            push_other(&mut other, Part::Clause, a.clause.id(), &what);
        }
        for (a, b) in old.parameter_infos().iter().zip(new.parameter_infos()) {
            let what = [
                (Aspect::Clause, a.clause != b.clause),
                (Aspect::Reading, a.reading != b.reading),
                (Aspect::Words, a.text != b.text),
                (Aspect::History, a.history != b.history),
            ];
            push_other(&mut other, Part::Parameter, a.id.id(), &what);
        }
        for (a, b) in old.open().iter().zip(new.open()) {
            let what = [
                (Aspect::Clause, a.clause != b.clause),
                (Aspect::Words, a.text != b.text),
            ];
            push_other(&mut other, Part::Open, a.topic.code(), &what);
        }
        let (a, b) = (old.reported(), new.reported());
        for i in 0..a.len().max(b.len()) {
            let (x, y) = (a.get(i), b.get(i));
            if x != y {
                let target = x.or(y).map_or("", |r| r.target.code());
                push_other(
                    &mut other,
                    Part::Reported,
                    target,
                    &[(Aspect::Figure, true)],
                );
            }
        }
        Diff {
            old,
            new,
            changes: old.changes_to(new),
            other,
        }
    }

    fn differs(&self) -> bool {
        self.old != self.new
    }

    fn table(&self, lang: Lang) -> String {
        let (old, new) = (self.old, self.new);
        let mut out = String::new();
        if !self.differs() {
            out.push_str(pick(
                lang,
                "两个政策文件内容相同。\n",
                "The two policy files say the same.\n",
            ));
            return out;
        }
        let colon = pick(lang, "：", ": ");
        if old.id() != new.id() {
            out.push_str(&format!(
                "{}{colon}{} → {}\n",
                pick(lang, "政策编号", "policy"),
                old.id(),
                new.id()
            ));
        }
        let texts = [
            (
                pick(lang, "标题（中文）", "title (zh)"),
                &old.title().zh,
                &new.title().zh,
            ),
            (
                pick(lang, "标题（英文）", "title (en)"),
                &old.title().en,
                &new.title().en,
            ),
            (
                pick(lang, "来源（中文）", "source (zh)"),
                &old.source().zh,
                &new.source().zh,
            ),
            (
                pick(lang, "来源（英文）", "source (en)"),
                &old.source().en,
                &new.source().en,
            ),
        ];
        for (part, before, after) in texts {
            if before != after {
                out.push_str(&format!("{part}{colon}\n  - {before}\n  + {after}\n"));
            }
        }
        if !out.is_empty() {
            out.push('\n');
        }
        if !self.changes.is_empty() {
            let mut t = Table::new(vec![
                pick(lang, "参数", "parameter"),
                pick(lang, "条款", "clause"),
                pick(lang, "修订前", "before"),
                pick(lang, "修订后", "after"),
                pick(lang, "涉及年度", "years"),
            ]);
            for change in &self.changes {
                let years = match &change.years {
                    Some(years) => years
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                    None => pick(lang, "每年", "every year").to_owned(),
                };
                t.row(vec![
                    change.parameter.id().to_owned(),
                    change.clause.to_string(),
                    change.before.to_string(),
                    change.after.to_string(),
                    years,
                ]);
            }
            out.push_str(&t.render());
            out.push('\n');
        }
        if !self.other.is_empty() {
            out.push_str(pick(
                lang,
                "文字等其他改动（不影响参数取值）：\n",
                "Other changes (words and the like; no value in force):\n",
            ));
            for other in &self.other {
                let what: Vec<&str> = other.what.iter().map(|w| w.name(lang)).collect();
                out.push_str(&format!(
                    "  {} {}{colon}{}\n",
                    other.part.name(lang),
                    other.id,
                    what.join(pick(lang, "、", ", "))
                ));
            }
            out.push('\n');
        }
        let n = self.changes.len();
        out.push_str(&match lang {
            Lang::Zh => format!(
                "{n}个参数取值改变；参数摘要 {} → {}\n",
                old.parameters().digest_hex(),
                new.parameters().digest_hex()
            ),
            Lang::En => format!(
                "{n} parameter{} changed; parameters {} → {}\n",
                if n == 1 { "" } else { "s" },
                old.parameters().digest_hex(),
                new.parameters().digest_hex()
            ),
        });
        out
    }

    fn json(&self) -> String {
        let (old, new) = (self.old, self.new);
        let side = |p: &Policy| {
            Object::new()
                .str("policy", p.id())
                .str("parameters", p.parameters().digest_hex())
                .finish()
        };
        let pair = |before: String, after: String| {
            if before == after {
                "null".to_owned()
            } else {
                Object::new()
                    .raw("before", &before)
                    .raw("after", &after)
                    .finish()
            }
        };
        let text =
            |t: &gonghui::policy::Text| Object::new().str("zh", &t.zh).str("en", &t.en).finish();
        let changes = self.changes.iter().map(|c| {
            let years = match &c.years {
                Some(years) => json::array(years.iter().map(ToString::to_string)),
                None => "null".to_owned(),
            };
            Object::new()
                .str("parameter", c.parameter.id())
                .str("clause", c.clause.id())
                .raw("before", &c.before.to_string())
                .raw("after", &c.after.to_string())
                .raw("years", &years)
                .finish()
        });
        let other = self.other.iter().map(|o| {
            Object::new()
                .str("part", o.part.code())
                .str("id", &o.id)
                .raw(
                    "what",
                    &json::array(o.what.iter().map(|w| json::string(w.code()))),
                )
                .finish()
        });
        Object::new()
            .raw("old", &side(old))
            .raw("new", &side(new))
            .bool("differ", self.differs())
            .raw(
                "policy",
                &pair(json::string(old.id()), json::string(new.id())),
            )
            .raw("title", &pair(text(old.title()), text(new.title())))
            .raw("source", &pair(text(old.source()), text(new.source())))
            .raw("changes", &json::array(changes))
            .raw("other", &json::array(other))
            .finish()
    }
}
