//! The `gonghui` command: answers JSON Lines requests of the Jiangxi trade
//! unions' "1269" special action, one answer line per request, in order.
//!
//! It only translates between files and the core: reading lines (without
//! ever holding more than one request in memory), writing answers, and
//! turning the counts into an exit status. Every decision is the core's.

mod lines;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use lines::{Line, LineReader};

const ABOUT: &str = "Decide the subsidies, shares and targets of the Jiangxi trade unions' \
\"1269\" special action.\n计算江西工会“助力‘1269’建功新时代”专项行动的补助、占比和目标。";

const LONG_ABOUT: &str = "\
Decide the subsidies, shares and targets of the Jiangxi trade unions' \"1269\" special action.
计算江西工会“助力‘1269’建功新时代”专项行动的补助、占比和目标。

gonghui answers questions about a venue subsidy, a model union award, the mutual-aid
premium subsidy, the share of key-industry award candidates, innovation studio slots and
the action's yearly targets. Each request is one line of JSON; each answer is one line of
JSON with the outcome, the amount in fen and yuan, and every step taken, each citing its
clause of the policy (C1-C22, I1-I9). The request format is in shared/CONTRACT.md and the
README; `gonghui catalog` lists every code and parameter.

每个请求是一行JSON，每个答复也是一行JSON：结论、金额（分、元）以及每一步的说明，并注明所依据的
政策条款。请求格式见 README；`gonghui catalog` 列出全部代码和参数。";

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

Exit status / 退出码:
  0  every line was answered with a decision  每行都得到了决定
  1  some lines were answered with an error object (every line is still answered)  部分行得到错误答复（每行仍有答复）
  2  the input could not be read  无法读取输入";

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
        /// Print no summary on standard error.
        /// 不在标准错误输出中打印汇总。
        #[arg(long, short)]
        quiet: bool,
    },
    /// Print the catalog: chains, clusters, codes, targets and parameters.
    /// 打印目录：产业链、集群、代码、目标和参数。
    Catalog {
        /// The language of the texts: zh (default) or en.  说明文字的语言：zh（默认）或 en。
        #[arg(long, default_value = "zh", value_parser = ["zh", "en"])]
        lang: String,
        /// Indent the JSON for reading.  缩进显示JSON，便于阅读。
        #[arg(long)]
        pretty: bool,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Eval { file, quiet } => eval(file, quiet),
        Command::Catalog { lang, pretty } => catalog(&lang, pretty),
    }
}

/// How a run of `eval` went: lines answered with a decision, with an error.
#[derive(Default)]
struct Counts {
    decisions: u64,
    errors: u64,
}

fn eval(file: Option<PathBuf>, quiet: bool) -> ExitCode {
    let input: Box<dyn BufRead> = match file.as_deref() {
        None => Box::new(io::stdin().lock()),
        Some(path) if path.as_os_str() == "-" => Box::new(io::stdin().lock()),
        Some(path) => match File::open(path) {
            Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
            Err(e) => {
                eprintln!("gonghui: cannot read {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
    };
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut counts = Counts::default();
    let result = answer_all(input, &mut out, &mut counts).and_then(|()| out.flush());
    if !quiet {
        eprintln!(
            "gonghui: {} lines read: {} decisions, {} errors",
            counts.decisions + counts.errors,
            counts.decisions,
            counts.errors
        );
    }
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(2),
        Err(e) => {
            eprintln!("gonghui: {e}");
            ExitCode::from(2)
        }
        Ok(()) if counts.errors > 0 => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
    }
}

fn answer_all(input: impl BufRead, out: &mut impl Write, counts: &mut Counts) -> io::Result<()> {
    let mut reader = LineReader::new(input, gonghui::limits::MAX_REQUEST_BYTES);
    while let Some(line) = reader.next_line()? {
        let answer = match line {
            Line::Complete(bytes) => gonghui::evaluate(gonghui::batch::line_content(bytes)),
            Line::TooLong { bytes } => gonghui::Answer::too_large(bytes),
        };
        if answer.is_decision() {
            counts.decisions += 1;
        } else {
            counts.errors += 1;
        }
        out.write_all(answer.as_str().as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn catalog(lang: &str, pretty: bool) -> ExitCode {
    let request = format!(r#"{{"question":"catalog","lang":"{lang}"}}"#);
    let answer = gonghui::evaluate_json(&request);
    let text = if pretty {
        serde_json::from_str::<serde_json::Value>(&answer)
            .and_then(|v| serde_json::to_string_pretty(&v))
            .unwrap_or(answer)
    } else {
        answer
    };
    println!("{text}");
    ExitCode::SUCCESS
}
