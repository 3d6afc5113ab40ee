//! The `gonghui` command: answers JSON Lines requests of the Jiangxi trade
//! unions' "1269" special action, one answer line per request, in order.
//!
//! It only translates between files and the core: reading lines (without
//! ever holding more than one request in memory), writing answers, and
//! turning the counts into an exit status. Every decision is the core's.

mod analyses;
mod eval;
mod input;
mod json;
mod lines;
mod out;
mod policy_file;
mod table;
mod text;
mod tree;
mod verify;

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gonghui::{Fen, Lang, Year};

use analyses::{Format, Output};
use policy_file::DiffFormat;

const ABOUT: &str = "Decide the subsidies, shares and targets of the Jiangxi trade unions' \
\"1269\" special action.\n计算江西工会“助力‘1269’建功新时代”专项行动的补助、占比和目标。";

const LONG_ABOUT: &str = "\
Decide the subsidies, shares and targets of the Jiangxi trade unions' \"1269\" special action.
计算江西工会“助力‘1269’建功新时代”专项行动的补助、占比和目标。

gonghui answers questions about a venue subsidy, a model union award, the mutual-aid
premium subsidy, the share of key-industry award candidates, innovation studio slots and
the action's yearly targets. Each request is one line of JSON; each answer is one line of
JSON with the outcome, the amount in fen and yuan, and every step taken, each citing its
clause of the policy (C1-C22, I1-I9). The requests and answers are described in
docs/CONTRACT.md, the clauses and how gonghui reads them in docs/POLICY.md, policy files
(--policy, gonghui policy, gonghui verify) in docs/POLICY-FILES.md; `gonghui catalog`
lists every code and parameter.

每个请求是一行JSON，每个答复也是一行JSON：结论、金额（分、元）以及每一步的说明，并注明所依据的
政策条款。请求和答复的格式见 docs/CONTRACT.md，政策条款及其解读见 docs/POLICY.md，政策文件的
修订、检查和重放见 docs/POLICY-FILES.md；`gonghui catalog` 列出全部代码和参数。";

const EXAMPLES: &str = "\
Examples / 示例:
  gonghui eval examples/requests.jsonl
      Answer every request of a file, one answer line each.  逐行答复文件中的每个请求。
  gonghui eval < requests.jsonl > answers.jsonl
      The same, from standard input to a file.  从标准输入读取，答复写入文件。
  echo '{\"question\":\"mutual_aid_subsidy\",\"lang\":\"en\",\"facts\":{\"chains\":[\"steel\"],\"enrolled_years\":[2023,2024,2025],\"year\":2025,\"premium_fen\":1200000}}' | gonghui eval
      Ask one question.  提一个问题。
  gonghui catalog --pretty
      List the chains, clusters, codes, targets and parameters.  列出产业链、集群、代码、目标和参数。
  gonghui allocate examples/population/applications.jsonl
      Allocate the year's model union awards in the file's order.  按文件顺序分配示范性企业工会名额。
  gonghui compare --alternative '{\"venue.park.amount_fen\":15000000}' examples/population/requests.jsonl
      What the pre-revision park standard would change.  对比修订前的园区补助标准。
  gonghui budget --year 2024 examples/population/requests.jsonl
      The year's planned and committed money.  年度计划资金与已承诺资金。
  gonghui schedule --chain steel --join-year 2024 --premium-fen 1000000
      The mutual-aid subsidy of every remaining year.  互助保障补贴逐年计划。
  gonghui policy diff jiangxi-1269.json examples/policies/example-extended-2027.json
      What a revised policy file changes.  列出修订后的政策文件改了什么。
  gonghui eval --policy examples/policies/example-extended-2027.json requests.jsonl
      Answer under a revised policy file.  按修订后的政策文件答复。
  gonghui verify examples/requests.jsonl answers.jsonl
      Replay archived answers and compare them byte for byte.  重放存档答复并逐字节比较。

Exit status / 退出码:
  0  every line got a decision (eval), every answer replays (verify), the files are the same
     (policy diff)  全部完成：每行都得到决定；存档答复全部相同；两个政策文件相同
  1  some lines got an error answer (every line is still answered), some answer does not
     replay, the files differ, the policy file has problems (policy check)
     部分行得到错误答复（每行仍有答复）；有答复不同；政策文件不同或有问题
  2  an input could not be read, or the --policy file was refused and nothing was answered
     无法读取输入，或政策文件被拒绝，未作任何答复";

#[derive(Parser)]
#[command(
    name = "gonghui",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = EXAMPLES,
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Answer JSON Lines requests, one answer line per line, in order.
    /// 逐行答复JSON Lines请求，按顺序每行一个答复。
    #[command(after_help = EXAMPLES)]
    Eval {
        /// The requests file; standard input when absent or `-`.
        /// 请求文件；省略或为 `-` 时读取标准输入。
        file: Option<PathBuf>,
        #[command(flatten)]
        policy: PolicyArg,
        /// Print no summary on standard error.
        /// 不在标准错误输出中打印汇总。
        #[arg(long, short)]
        quiet: bool,
        /// Answer on this many threads (0: one per core); the output is the same, in order.
        /// 使用的线程数（0：每个核一个）；输出相同，顺序不变。
        #[arg(long, short, default_value_t = 1)]
        jobs: usize,
    },
    /// Print the catalog: chains, clusters, codes, targets and parameters.
    /// 打印目录：产业链、集群、代码、目标和参数。
    Catalog {
        /// The language of the texts: zh (default) or en.  说明文字的语言：zh（默认）或 en。
        #[arg(long, default_value = "zh", value_parser = parse_lang)]
        lang: Lang,
        /// Indent the JSON for reading.  缩进显示JSON，便于阅读。
        #[arg(long)]
        pretty: bool,
        #[command(flatten)]
        policy: PolicyArg,
    },
    /// Allocate the year's model union awards under the caps, in the file's order (C13).
    /// 在年度名额内按文件顺序分配示范性企业工会补助（C13）。
    ///
    /// Each line is one application: {"id": "...", "tier": "six_haves" or "six_norms",
    /// "chains": [...], "clusters": [...]}. The policy sets no ranking, so the order of the
    /// file decides. 每行一份申请；政策未规定排序，按文件顺序评定。
    Allocate {
        /// The applications file; standard input when absent or `-`.  申请文件；省略时读取标准输入。
        file: Option<PathBuf>,
        /// Six-haves awards already made this year.  本年已评“六有”企业工会数。
        #[arg(long, default_value_t = 0)]
        six_haves_awarded: u64,
        /// Six-norms awards already made this year.  本年已评“六规范”企业工会数。
        #[arg(long, default_value_t = 0)]
        six_norms_awarded: u64,
        #[command(flatten)]
        policy: PolicyArg,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Compare the policy in force with an alternative over a population of requests.
    /// 在一批请求上对比现行政策与替代参数。
    ///
    /// Each line is one request of the contract (venue_subsidy, mutual_aid_subsidy, ...).
    /// 每行一个请求。
    Compare {
        /// The requests file; standard input when absent or `-`.  请求文件；省略时读取标准输入。
        file: Option<PathBuf>,
        /// The alternative: a JSON object of parameter id → value, as in "overrides".
        /// 替代参数：参数编号→取值的JSON对象。
        #[arg(long)]
        alternative: String,
        /// How many changed cases to list (all are counted).  列出的改变案例数上限。
        #[arg(long, default_value_t = gonghui::planning::comparison::DEFAULT_MAX_CHANGES)]
        max_changes: usize,
        #[command(flatten)]
        policy: PolicyArg,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// The money the year's targets imply, and what the year's requests commit (C12, C13).
    /// 年度目标对应的计划资金，以及本年请求已承诺的资金。
    Budget {
        /// The year's requests; without a file, the plan alone.  本年请求文件；省略时只列计划。
        file: Option<PathBuf>,
        /// The year budgeted.  预算年度。
        #[arg(long, value_parser = parse_year)]
        year: Year,
        #[command(flatten)]
        policy: PolicyArg,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// The mutual-aid subsidy of every year for an enterprise that joins and stays (C18, C19).
    /// 企业参保后逐年可得的互助保障补贴，以及中断参保的代价。
    Schedule {
        /// A chain of the enterprise (repeatable).  企业所属产业链（可重复）。
        #[arg(long = "chain")]
        chains: Vec<String>,
        /// A cluster of the enterprise (repeatable).  企业所属集群（可重复）。
        #[arg(long = "cluster")]
        clusters: Vec<String>,
        /// The year it joins.  参保年份。
        #[arg(long, value_parser = parse_year)]
        join_year: Year,
        /// The yearly premium in fen (1 yuan = 100 fen).  每年保费（分）。
        #[arg(long, value_parser = parse_fen)]
        premium_fen: Fen,
        #[command(flatten)]
        policy: PolicyArg,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Replay archived answers: answer each request again and compare, byte for byte.
    /// 重放存档答复：逐行重新计算，与存档答复逐字节比较。
    ///
    /// The requests are read as `gonghui eval` reads them, in step with the answers file,
    /// one line of each at a time. Each line is the same; different, with the fields that
    /// differ; made under another policy or by another engine version (the stamps say
    /// which); broken (not JSON); missing (the answers file is shorter) or extra (it is
    /// longer). A summary counts each verdict. Exit status: 0 every answer replays, 1 some
    /// line does not, 2 a file cannot be read.
    /// 逐行判断：相同；不同（列出不同的字段）；在另一政策下或由另一引擎版本作出；存档行损坏；缺失；多余。
    /// 退出码：0 全部相同，1 有不同，2 文件无法读取。
    Verify {
        /// The requests, as given to `gonghui eval`; `-` for standard input.  请求文件。
        requests: PathBuf,
        /// The archived answers, one line per request; `-` for standard input.  存档答复文件。
        answers: PathBuf,
        #[command(flatten)]
        policy: PolicyArg,
        /// Print only the summary.  只打印汇总。
        #[arg(long, short)]
        quiet: bool,
        /// text (default), or json: JSON Lines, an object per line then the summary.
        /// 输出格式：text（默认）或 json。
        #[arg(long, value_enum, default_value = "text")]
        format: verify::Format,
        /// The language of the report: zh (default) or en.  报告语言：zh（默认）或 en。
        #[arg(long, default_value = "zh", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Show, check or compare policy files (docs/POLICY-FILES.md).
    /// 查看、检查或比较政策文件。
    Policy {
        #[command(subcommand)]
        command: PolicyCommand,
    },
}

#[derive(Subcommand)]
enum PolicyCommand {
    /// Print the published policy file, byte for byte as gonghui embeds it.
    /// 打印已发布的政策文件（与内嵌文件逐字节相同）。
    Show,
    /// Check a policy file: OK with its id and parameters digest, or every problem.
    /// 检查政策文件：通过时给出编号和参数摘要，否则列出全部问题。
    ///
    /// Exit status: 0 the file can be used, 1 it has problems (each listed with the
    /// parameter id or field path at fault, in Chinese and English), 2 it cannot be read.
    /// 退出码：0 可用，1 有问题（逐条列出），2 无法读取。
    Check {
        /// The policy file; `-` for standard input.  政策文件；`-` 表示标准输入。
        file: PathBuf,
    },
    /// List what changed from one policy file to another: parameters, clauses, values, years.
    /// 列出两个政策文件之间的改动：参数、条款、取值、涉及年度。
    ///
    /// Exit status, as diff's: 0 the files say the same, 1 they differ, 2 one cannot be
    /// used. 退出码：0 相同，1 不同，2 文件无法使用。
    Diff {
        /// The older file; `-` for standard input.  修订前的文件。
        old: PathBuf,
        /// The newer file; `-` for standard input.  修订后的文件。
        new: PathBuf,
        /// table (default) or json: one JSON object (docs/POLICY-FILES.md).
        /// 输出格式：table（默认）或 json。
        #[arg(long, value_enum, default_value = "table")]
        format: DiffFormat,
        /// The language of the table: zh (default) or en.  表格语言：zh（默认）或 en。
        #[arg(long, default_value = "zh", value_parser = parse_lang)]
        lang: Lang,
    },
}

/// The policy a command decides under.
#[derive(clap::Args)]
struct PolicyArg {
    /// Decide under this policy file instead of the published one. It is checked whole
    /// first: a file with problems is refused (exit 2) and nothing is answered.
    /// 按此政策文件计算；先完整检查，有问题则拒绝（退出码2），不作任何答复。
    #[arg(long = "policy", value_name = "FILE")]
    path: Option<PathBuf>,
}

impl PolicyArg {
    /// The policy, or the status to end with; `input_is_stdin` when the
    /// command's input is standard input.
    fn load(&self, input_is_stdin: bool) -> Result<Cow<'static, gonghui::Policy>, ExitCode> {
        policy_file::chosen(self.path.as_deref(), input_is_stdin)
    }
}

/// How the analyses write their result.
#[derive(clap::Args)]
struct OutputArgs {
    /// json or table; a table when writing to a terminal, JSON otherwise.
    /// 输出格式：json 或 table；终端上默认为表格。
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// The language of the texts and tables: zh (default) or en.  说明文字和表格的语言。
    #[arg(long, default_value = "zh", value_parser = parse_lang)]
    lang: Lang,
}

impl OutputArgs {
    fn output(&self) -> Output {
        Output {
            format: self.format,
            lang: self.lang,
        }
    }
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text).ok_or_else(|| format!("expected zh or en, found {text:?}"))
}

fn parse_year(text: &str) -> Result<Year, String> {
    text.parse::<u16>()
        .ok()
        .and_then(Year::new)
        .ok_or_else(|| format!("expected a year from 1 to 9999, found {text:?}"))
}

fn parse_fen(text: &str) -> Result<Fen, String> {
    text.parse::<u64>().ok().and_then(Fen::new).ok_or_else(|| {
        format!(
            "expected a whole number of fen from 0 to {}, found {text:?}",
            Fen::MAX.get()
        )
    })
}

/// Whether a command reading `file` reads standard input.
fn is_stdin(file: Option<&Path>) -> bool {
    file.is_none_or(|path| path.as_os_str() == "-")
}

fn main() -> ExitCode {
    end_quietly_on_a_closed_pipe();
    match run(Cli::parse().command) {
        Ok(status) | Err(status) => status,
    }
}

/// Runs a command; `Err` when its policy file was refused.
fn run(command: Command) -> Result<ExitCode, ExitCode> {
    Ok(match command {
        Command::Eval {
            file,
            policy,
            quiet,
            jobs,
        } => {
            let policy = policy.load(is_stdin(file.as_deref()))?;
            eval::command(&policy, file.as_deref(), quiet, jobs)
        }
        Command::Catalog {
            lang,
            pretty,
            policy,
        } => catalog(&*policy.load(false)?, lang, pretty),
        Command::Allocate {
            file,
            six_haves_awarded,
            six_norms_awarded,
            policy,
            output,
        } => analyses::allocate(
            &*policy.load(is_stdin(file.as_deref()))?,
            file.as_deref(),
            [six_haves_awarded, six_norms_awarded],
            &output.output(),
        ),
        Command::Compare {
            file,
            alternative,
            max_changes,
            policy,
            output,
        } => analyses::compare(
            &*policy.load(is_stdin(file.as_deref()))?,
            file.as_deref(),
            &alternative,
            max_changes,
            &output.output(),
        ),
        Command::Budget {
            file,
            year,
            policy,
            output,
        } => {
            let reads_stdin = file.as_deref().is_some_and(|f| f.as_os_str() == "-");
            analyses::budget(
                &*policy.load(reads_stdin)?,
                file.as_deref(),
                year,
                &output.output(),
            )
        }
        Command::Schedule {
            chains,
            clusters,
            join_year,
            premium_fen,
            policy,
            output,
        } => analyses::schedule(
            &*policy.load(false)?,
            &chains,
            &clusters,
            join_year,
            premium_fen,
            &output.output(),
        ),
        Command::Verify {
            requests,
            answers,
            policy,
            quiet,
            format,
            lang,
        } => {
            let reads_stdin = [&requests, &answers].iter().any(|p| p.as_os_str() == "-");
            let options = verify::Options {
                format,
                quiet,
                lang,
            };
            verify::command(&*policy.load(reads_stdin)?, &requests, &answers, &options)
        }
        Command::Policy { command } => match command {
            PolicyCommand::Show => policy_file::show(),
            PolicyCommand::Check { file } => policy_file::check(&file),
            PolicyCommand::Diff {
                old,
                new,
                format,
                lang,
            } => policy_file::diff(&old, &new, format, lang),
        },
    })
}

/// `gonghui catalog`: the catalog question's answer under `policy`.
fn catalog(policy: &gonghui::Policy, lang: Lang, pretty: bool) -> ExitCode {
    let request = format!(r#"{{"question":"catalog","lang":"{lang}"}}"#);
    let answer = policy.evaluate_json(&request);
    let text = match pretty.then(|| tree::parse(&answer)) {
        Some(Ok(tree)) => tree.to_pretty_json(),
        _ => answer,
    };
    let mut out = out::stdout();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => out::failed(&e),
    }
}

/// Lets a closed pipe end the process by SIGPIPE, as it ends `cat` or
/// `grep`: `gonghui catalog | head -1` stops quietly, and the shell sees the
/// usual status 141.
///
/// The Rust runtime ignores SIGPIPE, so that a write to a closed pipe fails
/// with `BrokenPipe` instead, to be handled at every write: `println!`
/// panics on it, and a missed one prints an error where Unix tools say
/// nothing. Restoring the default disposition covers every write at once:
/// the answers of `eval`'s worker threads, the tables, clap's help, the
/// notes on standard error. Nothing is lost by ending there, since the output
/// has no reader left and the command keeps no state beyond it.
#[cfg(unix)]
fn end_quietly_on_a_closed_pipe() {
    // SAFETY: `signal` with SIG_DFL installs no handler; it is called first
    // thing in `main`, before any thread exists, and nothing in the program
    // relies on SIGPIPE being ignored.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Without SIGPIPE, a write to a closed pipe fails with `BrokenPipe`, which
/// [`out::failed`] turns into a quiet end.
#[cfg(not(unix))]
fn end_quietly_on_a_closed_pipe() {}
