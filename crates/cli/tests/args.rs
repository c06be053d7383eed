//! The command line's arguments, through the built binary: help, the
//! options each command accepts and refuses, exit codes and messages.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `parallax ARGS…` run in the repository's root (where `seeds/` is).
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax")).args(args).current_dir(repo()).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Runs `args`, expects exit code 0, and parses the output as JSON.
fn json(args: &[&str]) -> Value {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "parallax {args:?}: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Runs `args`, expects exit code 2 and nothing on standard output, and
/// returns the message.
fn refused(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(o.status.code(), Some(2), "parallax {args:?} should be refused: {}", stdout(&o));
    assert!(o.stdout.is_empty(), "parallax {args:?} printed {}", stdout(&o));
    stderr(&o)
}

/// The seeds' article ids, from the file names.
fn seed_ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(repo().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn each_commands_help_exits_0_and_lists_its_options() {
    let cases: &[(&[&str], &str, &[&str])] = &[
        (&["--help"], "Usage: parallax [OPTIONS] <COMMAND>", &["corpus", "stances", "passages", "facets", "--corpus"]),
        (&["corpus", "--help"], "Usage: parallax corpus", &["--corpus <PATH>", "--lexicon <PATH>", "--json"]),
        (&["stances", "--help"], "Usage: parallax stances", &["--csv", "--lexicon <PATH>"]),
        (&["passages", "-h"], "Usage: parallax passages", &["--clusters", "--corpus <PATH>"]),
        (
            &["facets", "--help"],
            "Usage: parallax facets",
            &["--q <TEXT>", "--sort <KEY>", "--outlet <NAME>", "--carries <CLUSTER>"],
        ),
        (&["help", "facets"], "Usage: parallax facets", &["--shares <ID>", "--date <YYYY-MM-DD>"]),
    ];
    for (args, usage, options) in cases {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0), "parallax {args:?}: {}", stderr(&o));
        let text = stdout(&o);
        assert!(text.contains(usage), "parallax {args:?} prints {usage:?}:\n{text}");
        for opt in *options {
            assert!(text.contains(opt), "parallax {args:?} lists {opt:?}:\n{text}");
        }
    }
    // A command's help lists only its own options.
    let corpus = stdout(&run(&["corpus", "--help"]));
    for opt in ["--csv", "--clusters", "--sort", "--outlet"] {
        assert!(!corpus.contains(opt), "`corpus --help` lists {opt}:\n{corpus}");
    }
}

#[test]
fn an_option_of_another_command_exits_2_naming_it() {
    for (args, opt) in [
        (&["passages", "--csv"][..], "--csv"),
        (&["corpus", "--csv"], "--csv"),
        (&["stances", "--clusters"], "--clusters"),
        (&["stances", "--sort", "date"], "--sort"),
        (&["passages", "--q", "president"], "--q"),
        (&["corpus", "--sort", "date"], "--sort"),
    ] {
        let msg = refused(args);
        assert!(msg.contains(&format!("unexpected argument '{opt}'")), "parallax {args:?}: {msg}");
    }
}

#[test]
fn unknown_commands_options_and_values_exit_2() {
    let msg = refused(&["summarise"]);
    assert!(msg.contains("unrecognized subcommand 'summarise'"), "{msg}");
    let msg = refused(&["corpus", "--verbose"]);
    assert!(msg.contains("unexpected argument '--verbose'"), "{msg}");
    let msg = refused(&[]);
    assert!(msg.contains("Usage: parallax"), "{msg}");
    let msg = refused(&["facets", "--sort", "size"]);
    assert!(msg.contains("--sort") && msg.contains("\"size\""), "{msg}");
    let msg = refused(&["facets", "--carries", "first"]);
    assert!(msg.contains("'first'") && msg.contains("--carries"), "{msg}");
    let msg = refused(&["stances", "--corpus"]);
    assert!(msg.contains("--corpus <PATH>"), "{msg}");
}

#[test]
fn a_missing_corpus_exits_1_naming_the_path() {
    let o = run(&["corpus", "--corpus", "no/such/corpus.jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let msg = stderr(&o);
    assert!(msg.contains("no/such/corpus.jsonl"), "{msg}");
}

#[test]
fn corpus_is_accepted_as_one_or_two_arguments_and_before_the_command() {
    let ids: Vec<Value> = seed_ids().into_iter().map(Value::String).collect();
    let v = json(&["corpus", "--corpus=seeds"]);
    let got: Vec<Value> = v.as_array().unwrap().iter().map(|a| a["id"].clone()).collect();
    assert_eq!(got, ids);
    assert_eq!(json(&["corpus", "--corpus", "seeds", "--json"]), v);
    assert_eq!(json(&["--corpus", "seeds", "corpus"]), v);
    assert_eq!(json(&["corpus"]), v, "seeds/ is the default");
}

#[test]
fn facet_options_select_and_sort() {
    let all = json(&["facets", "--json"]);
    assert_eq!(all["total"], seed_ids().len());
    assert_eq!(all["articles"].as_array().unwrap().len(), seed_ids().len());
    // A value that starts with '-' is a value: the reversed sort.
    let up = json(&["facets", "--sort", "id"]);
    let down = json(&["facets", "--sort", "-id"]);
    let mut reversed = down["articles"].as_array().unwrap().clone();
    reversed.reverse();
    assert_eq!(&reversed, up["articles"].as_array().unwrap());
    // Selecting an outlet: the articles of that outlet, the value ticked.
    let outlet = &all["facets"]["outlets"][0];
    let key = outlet["key"].as_str().unwrap();
    let picked = json(&["facets", "--outlet", key, "--lexicon", "seeds/lexicon.toml"]);
    assert_eq!(picked["articles"].as_array().unwrap().len() as u64, outlet["count"].as_u64().unwrap());
    let ticked = picked["facets"]["outlets"].as_array().unwrap().iter().find(|v| v["key"] == key).unwrap();
    assert_eq!(ticked["selected"], true);
}

#[test]
fn stances_csv_and_passages_clusters_change_the_output() {
    let csv = run(&["stances", "--csv"]);
    assert_eq!(csv.status.code(), Some(0));
    assert!(stdout(&csv).starts_with("\u{feff}actor,issue,stance,sentence,cue,outlet,date,title,article,start,end\r\n"));
    assert!(json(&["stances", "--json"]).is_array());
    let clusters = json(&["passages", "--clusters"]);
    let pairs = json(&["passages"]);
    assert_ne!(clusters, pairs);
    for c in clusters.as_array().unwrap() {
        assert!(c["members"][0]["text"].is_string(), "{c}");
    }
    for p in pairs.as_array().unwrap() {
        assert!(p["a"]["article"].as_str() < p["b"]["article"].as_str(), "{p}");
        assert!(p["a"].get("text").is_none(), "{p}");
    }
}

#[test]
fn stances_take_the_filter_and_both_formats_carry_the_same_rows() {
    let all = json(&["stances"]);
    let facets = json(&["facets"]);
    let outlet = facets["facets"]["outlets"].as_array().unwrap().iter().find(|v| v["key"] != "unknown").unwrap();
    let key = outlet["key"].as_str().unwrap();
    let picked = json(&["facets", "--outlet", key]);
    let ids: Vec<&str> = picked["articles"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    let cells = json(&["stances", "--outlet", key]);
    let rows = |cells: &Value| -> Vec<Value> {
        let mut rows = Vec::new();
        for c in cells.as_array().unwrap() {
            for e in c["evidence"].as_array().unwrap() {
                rows.push(e.clone());
            }
        }
        rows
    };
    let (all_rows, rows) = (rows(&all), rows(&cells));
    assert!(!rows.is_empty() && rows.len() < all_rows.len(), "{} of {}", rows.len(), all_rows.len());
    for e in &rows {
        assert!(ids.contains(&e["article"].as_str().unwrap()), "{e}");
        assert_eq!(e["outlet"], key, "{e}");
        for field in ["sentence", "cue", "title", "stance"] {
            assert!(!e[field].as_str().unwrap().is_empty(), "{field}: {e}");
        }
        assert!(all_rows.contains(e), "a filtered row is a row of the whole matrix: {e}");
    }
    // The CSV: a header and one record per evidence sentence, in the JSON's order.
    let csv = stdout(&run(&["stances", "--csv", "--outlet", key]));
    let records: Vec<&str> = csv.trim_start_matches('\u{feff}').split_terminator("\r\n").collect();
    assert_eq!(records.len(), rows.len() + 1);
    for (r, e) in records[1..].iter().zip(&rows) {
        let tail = format!(",{},{},{}", e["article"].as_str().unwrap(), e["start"], e["end"]);
        assert!(r.ends_with(&tail), "{r} / {tail}");
        assert!(r.contains(&format!(",{key},")), "{r}");
    }
}

#[test]
fn a_corpus_without_a_lexicon_gets_the_one_found_in_its_text() {
    // `lexicon --discover` writes a lexicon that loads as one.
    let o = run(&["lexicon", "--discover"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let dir = std::env::temp_dir().join(format!("parallax-found-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("lexicon.toml");
    std::fs::write(&path, &text).unwrap();
    let lex = parallax_loader::load_lexicon(&path).unwrap_or_else(|d| panic!("{d:?}\n{text}"));
    assert!(lex.actors.iter().any(|a| a.name == "Russia"), "{text}");
    assert!(
        lex.issues.iter().any(|i| i.phrases.iter().any(|p| p.contains("nato expansion")) && i.phrases.len() > 1),
        "{text}"
    );
    // Stances without the seeds' lexicon: found, and only found issues.
    let found = json(&["stances", "--no-lexicon"]);
    let names: Vec<&str> = found.as_array().unwrap().iter().map(|c| c["issue"].as_str().unwrap()).collect();
    assert!(!names.is_empty());
    assert!(names.iter().all(|n| lex.issues.iter().any(|i| i.name == *n)), "{names:?}");
    // Written out and read back it finds at least the same cells (a written
    // lexicon also takes the cues that are positions only in a text about
    // chosen issues, such as "against").
    let with = json(&["stances", "--lexicon", path.to_str().unwrap()]);
    let cells = |v: &Value| -> Vec<(String, String)> {
        v.as_array().unwrap().iter().map(|c| (c["actor"].to_string(), c["issue"].to_string())).collect()
    };
    let written = cells(&with);
    assert!(cells(&found).iter().all(|c| written.contains(c)), "{with}");
    // A JSON-lines corpus with no lexicon next to it: the found one.
    std::fs::create_dir_all(dir.join("own")).unwrap();
    let jsonl = dir.join("own/c.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\":\"a\",\"text\":\"Senator Jane Roe opposed the tax increase. Senator Jane Roe said so.\"}\n\
         {\"id\":\"b\",\"text\":\"Jane Roe again opposed the tax increase on Monday.\"}\n",
    )
    .unwrap();
    let cells = json(&["stances", "--corpus", jsonl.to_str().unwrap()]);
    let cell = &cells.as_array().unwrap()[0];
    assert_eq!((cell["actor"].as_str(), cell["issue"].as_str()), (Some("Jane Roe"), Some("tax increase")), "{cells}");
    assert_eq!(cell["stance"], "oppose");
    std::fs::remove_dir_all(&dir).unwrap();
}
