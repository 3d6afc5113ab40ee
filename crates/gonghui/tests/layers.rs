//! The house keeps standing: the core's top-level modules are layers, and a
//! module may import only from the layers below it.
//!
//! The order is the one `src/lib.rs` documents (its "Design: the layers"
//! table, top to bottom) and `docs/ARCHITECTURE.md` draws. This test reads
//! every `crate::`, `$crate::` and `super::` path of `src/`, outside comments,
//! and fails on a path that goes through a root re-export instead of the
//! item's home, on an import circle between top-level modules, and on any
//! arrow that points up or sideways. It also keeps `lib.rs` a map: modules,
//! re-exports and documentation, no code. (An inline module is taken to run
//! to the end of its file, as the `mod tests` that ends a file does.)

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// The layers as `lib.rs` documents them, lowest first.
fn documented_layers() -> Vec<String> {
    let lib = fs::read_to_string(Path::new(SRC).join("lib.rs")).expect("src/lib.rs");
    let mut rows = Vec::new();
    let mut inside = false;
    for line in lib.lines() {
        let doc = line.trim_start().strip_prefix("//!").unwrap_or("").trim();
        if doc.starts_with("# ") {
            inside = doc == "# Design: the layers";
            continue;
        }
        if inside && let Some(rest) = doc.strip_prefix("| `") {
            if let Some((name, _)) = rest.split_once('`') {
                rows.push(name.to_owned());
            }
        }
    }
    assert!(
        !rows.is_empty(),
        "src/lib.rs must document its layers in a table under \"# Design: the layers\""
    );
    rows.reverse();
    rows
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `src/rules/venue.rs` is `["rules", "venue"]`,
/// `src/rules/mod.rs` is `["rules"]`.
fn module_path(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(SRC).expect("a file under src");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// A line without its comment: nothing of a `//` line, and nothing after a
/// `//` that starts outside a string.
fn code_of(line: &str) -> &str {
    let mut in_string = false;
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '"' if previous != '\\' => in_string = !in_string,
            '/' if !in_string && line[i + 1..].starts_with('/') => return &line[..i],
            _ => {}
        }
        previous = c;
    }
    line
}

/// The identifier at the start of `text`.
fn ident(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The crate-root names a line of code reaches, from a file of module path
/// `module`: after `crate::` or `$crate::`, in a `crate::{…}` group, or after
/// enough `super::` to reach the root.
fn roots_named(code: &str, module: &[String]) -> Vec<String> {
    let mut names = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let at_word = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if at_word && rest.starts_with("crate::") {
            let after = &rest["crate::".len()..];
            if let Some(group) = after.strip_prefix('{') {
                // `crate::{a::b, c}`: the names at the group's first level.
                let mut depth = 0;
                let mut expect_name = true;
                for (j, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => expect_name = true,
                        c if expect_name && depth == 0 && (c.is_ascii_alphabetic() || c == '_') => {
                            names.push(ident(&group[j..]).to_owned());
                            expect_name = false;
                        }
                        _ => {}
                    }
                }
            } else {
                names.push(ident(after).to_owned());
            }
            i += "crate::".len();
            continue;
        }
        if at_word && rest.starts_with("super::") {
            let mut depth = 0;
            let mut tail = rest;
            while let Some(next) = tail.strip_prefix("super::") {
                depth += 1;
                tail = next;
            }
            if depth == module.len() {
                names.push(ident(tail).to_owned());
            }
            i += "super::".len() * depth;
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    names
}

/// An import of one top-level module by another, where it is written.
struct Arrow {
    from: String,
    to: String,
    at: String,
}

fn arrows() -> (Vec<Arrow>, Vec<String>) {
    let mut files = Vec::new();
    sources(Path::new(SRC), &mut files);
    files.sort();
    let (mut arrows, mut through_root) = (Vec::new(), Vec::new());
    for file in files {
        let module = module_path(&file);
        let Some(top) = module.first().cloned() else {
            continue; // lib.rs: the map, which names every module.
        };
        let text = fs::read_to_string(&file).expect("a source file");
        let mut module = module.clone();
        for (n, line) in text.lines().enumerate() {
            let code = code_of(line);
            // An inline module (the `mod tests { … }` that ends a file) puts
            // the lines after it one level deeper, for `super::`.
            let declared = code
                .trim()
                .strip_prefix("pub(crate) ")
                .unwrap_or(code.trim());
            if let Some(inline) = declared.strip_prefix("mod ")
                && inline.trim_end().ends_with('{')
            {
                module.push(ident(inline).to_owned());
            }
            let at = format!("src/{}:{}", module_file(&file), n + 1);
            for name in roots_named(code, &module) {
                if name.is_empty() {
                    through_root.push(format!("{at}: a glob of the crate root"));
                } else if name.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
                    through_root.push(format!("{at}: crate::{name}"));
                } else if name != top && name != "self" {
                    arrows.push(Arrow {
                        from: top.clone(),
                        to: name,
                        at: at.clone(),
                    });
                }
            }
        }
    }
    (arrows, through_root)
}

fn module_file(file: &Path) -> String {
    file.strip_prefix(SRC)
        .expect("under src")
        .to_string_lossy()
        .into_owned()
}

/// The top-level modules `lib.rs` declares.
fn declared_modules() -> BTreeSet<String> {
    let lib = fs::read_to_string(Path::new(SRC).join("lib.rs")).expect("src/lib.rs");
    lib.lines()
        .map(|l| code_of(l).trim())
        .filter_map(|l| l.strip_prefix("pub ").unwrap_or(l).strip_prefix("mod "))
        .map(|rest| ident(rest).to_owned())
        .collect()
}

#[test]
fn every_module_is_a_documented_layer() {
    let layers: BTreeSet<String> = documented_layers().into_iter().collect();
    assert_eq!(
        declared_modules(),
        layers,
        "the modules lib.rs declares and the layers it documents differ"
    );
}

#[test]
fn paths_name_the_home_of_an_item_not_the_root() {
    let (_, through_root) = arrows();
    assert!(
        through_root.is_empty(),
        "paths through the crate root's re-exports hide which layer they reach; \
         name the item's home module instead:\n{}",
        through_root.join("\n")
    );
}

#[test]
fn no_import_circle_between_top_level_modules() {
    let (arrows, _) = arrows();
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for a in &arrows {
        graph.entry(&a.from).or_default().insert(&a.to);
    }
    // A circle is a path back to where it started: search from every module.
    let mut circles = Vec::new();
    for start in graph.keys() {
        let mut stack = vec![(*start, vec![*start])];
        let mut seen = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in graph.get(node).into_iter().flatten() {
                if next == start {
                    circles.push(format!("{} → {start}", path.join(" → ")));
                } else if seen.insert(*next) {
                    let mut longer = path.clone();
                    longer.push(next);
                    stack.push((next, longer));
                }
            }
        }
    }
    assert!(
        circles.is_empty(),
        "import circles between top-level modules:\n{}",
        circles.join("\n")
    );
}

#[test]
fn every_arrow_points_down_the_documented_layers() {
    let layers = documented_layers();
    let rank = |m: &str| layers.iter().position(|l| l == m);
    let (arrows, _) = arrows();
    assert!(
        !arrows.is_empty(),
        "no imports found: the test reads nothing"
    );
    let upward: Vec<String> = arrows
        .iter()
        .filter(|a| match (rank(&a.from), rank(&a.to)) {
            (Some(from), Some(to)) => to >= from,
            _ => true,
        })
        .map(|a| format!("{}: {} → {}", a.at, a.from, a.to))
        .collect();
    assert!(
        upward.is_empty(),
        "imports against the layer order (lowest first: {}):\n{}",
        layers.join(", "),
        upward.join("\n")
    );
}

#[test]
fn lib_rs_is_a_map_not_engine_code() {
    let lib = fs::read_to_string(Path::new(SRC).join("lib.rs")).expect("src/lib.rs");
    let code: String = lib
        .lines()
        .map(|l| code_of(l).trim())
        .filter(|l| !(l.starts_with("#[") || l.starts_with("#![")))
        .collect::<Vec<_>>()
        .join(" ");
    let statements: Vec<&str> = code
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .filter(|s| {
            let s = s.strip_prefix("pub ").unwrap_or(s);
            !(s.starts_with("mod ") || s.starts_with("use "))
        })
        .collect();
    assert!(
        statements.is_empty(),
        "lib.rs holds only modules, re-exports and documentation; move this into its layer:\n{}",
        statements.join("\n")
    );
}

#[test]
fn the_architecture_document_draws_the_same_layers() {
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/ARCHITECTURE.md");
    // Only in the repository: the packaged crate carries no docs/ folder.
    let Ok(text) = fs::read_to_string(&doc) else {
        return;
    };
    let mut found = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.trim().strip_prefix("| `")
            && let Some((name, _)) = rest.split_once("/` |").or_else(|| rest.split_once("` |"))
        {
            found.push(name.trim_end_matches('/').to_owned());
        }
    }
    found.reverse();
    assert_eq!(
        found,
        documented_layers(),
        "docs/ARCHITECTURE.md's table of layers must match src/lib.rs's, top to bottom"
    );
}

#[test]
fn the_reader_of_paths_reads_them() {
    let module = vec!["rules".to_owned(), "venue".to_owned()];
    assert_eq!(
        roots_named("use crate::{vocab::Lang, json::{value, write}};", &module),
        ["vocab", "json"]
    );
    assert_eq!(roots_named("$crate::explain::text!", &module), ["explain"]);
    assert_eq!(
        roots_named("use super::super::policy::X;", &module),
        ["policy"]
    );
    assert_eq!(
        roots_named("use super::Rule;", &module),
        Vec::<String>::new()
    );
    assert_eq!(
        roots_named(code_of("f(crate::x); // crate::y"), &module),
        ["x"]
    );
    assert_eq!(code_of("a // crate::y"), "a ");
    assert_eq!(code_of("\"http://x\" // c"), "\"http://x\" ");
}
