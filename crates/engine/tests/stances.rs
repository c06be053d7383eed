//! Stances on the seed corpus, scored against a hand-written gold table
//! (tests/data/stances_gold.toml).

#![allow(clippy::disallowed_methods)] // tests sort with std: no page size at stake

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use parallax_engine::lexicon::parse_lexicon;
use parallax_engine::source::{parse_jsonl, parse_seed_folder, SourceFile};
use parallax_engine::stance::{extract, matrix, Polarity};
use parallax_engine::Corpus;
use serde::Deserialize;

#[path = "common/ecbplus.rs"]
mod ecbplus;

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn seeds() -> Corpus {
    let dir = seeds_dir();
    let mut files = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.extension().is_some_and(|x| x == "txt") {
            files.push(SourceFile {
                path: p.display().to_string(),
                stem: p.file_stem().unwrap().to_string_lossy().into_owned(),
                bytes: std::fs::read(&p).unwrap(),
            });
        }
    }
    let meta = std::fs::read(dir.join("corpus.toml")).unwrap();
    Corpus::build(parse_seed_folder("seeds", Some(("seeds/corpus.toml", &meta)), &files).unwrap())
}

#[derive(Deserialize)]
struct Gold {
    cell: Vec<GoldCell>,
    #[serde(default)]
    optional: Vec<GoldCell>,
    #[serde(default)]
    forbidden: Vec<GoldCell>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct GoldCell {
    actor: String,
    issue: String,
    stance: String,
    #[serde(default)]
    r#where: String,
    #[serde(default)]
    why: String,
}

#[test]
fn seeds_against_gold_table() {
    let corpus = seeds();
    let lex_text = std::fs::read_to_string(seeds_dir().join("lexicon.toml")).unwrap();
    let lex = parse_lexicon("seeds/lexicon.toml", &lex_text).unwrap();
    let gold: Gold = toml::from_str(include_str!("data/stances_gold.toml")).unwrap();
    for g in gold.cell.iter().chain(&gold.optional).chain(&gold.forbidden) {
        assert!(lex.actors.iter().any(|a| a.name == g.actor), "gold names unknown actor {:?}", g.actor);
        assert!(g.issue == "*" || lex.issues.iter().any(|i| i.name == g.issue), "unknown issue {:?}", g.issue);
    }

    let statements = extract(&corpus, &lex);
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let m = matrix(&statements, &all);
    let predicted: BTreeMap<(String, String), String> = m
        .cells
        .iter()
        .map(|c| ((lex.actors[c.actor].name.clone(), lex.issues[c.issue].name.clone()), c.stance.label().to_string()))
        .collect();

    let expected: BTreeMap<(String, String), String> =
        gold.cell.iter().map(|g| ((g.actor.clone(), g.issue.clone()), g.stance.clone())).collect();
    let optional: BTreeSet<(String, String, String)> =
        gold.optional.iter().map(|g| (g.actor.clone(), g.issue.clone(), g.stance.clone())).collect();

    let mut correct = 0;
    let mut wrong_polarity = Vec::new();
    let mut unexpected = Vec::new();
    let mut forbidden = Vec::new();
    let mut scored = 0;
    for ((actor, issue), stance) in &predicted {
        for f in &gold.forbidden {
            if f.actor == *actor && (f.issue == "*" || f.issue == *issue) && (f.stance == "any" || f.stance == *stance)
            {
                forbidden.push(format!("{actor} / {issue}: {stance}"));
            }
        }
        match expected.get(&(actor.clone(), issue.clone())) {
            Some(s) if s == stance => {
                correct += 1;
                scored += 1;
            }
            Some(s) => {
                wrong_polarity.push(format!("{actor} / {issue}: {stance}, expected {s}"));
                scored += 1;
            }
            None if optional.contains(&(actor.clone(), issue.clone(), stance.clone())) => {}
            None => {
                unexpected.push(format!("{actor} / {issue}: {stance}"));
                scored += 1;
            }
        }
    }
    let missing: Vec<String> = expected
        .iter()
        .filter(|(k, _)| !predicted.contains_key(*k))
        .map(|((a, i), s)| format!("{a} / {i}: {s}"))
        .collect();

    let precision = correct as f64 / scored.max(1) as f64;
    let recall = correct as f64 / expected.len().max(1) as f64;
    // Cell accuracy: correct cells over every cell either side has
    // (gold ∪ predicted, optional ones left out).
    let union = expected.len() + unexpected.len();
    let accuracy = correct as f64 / union.max(1) as f64;
    println!(
        "stance cells: gold {}, predicted {} (scored {}), correct {correct}, wrong polarity {}, unexpected {}, missing {}",
        expected.len(),
        predicted.len(),
        scored,
        wrong_polarity.len(),
        unexpected.len(),
        missing.len()
    );
    println!("precision {precision:.3}  recall {recall:.3}  accuracy {accuracy:.3}");
    println!("statements: {}", statements.len());
    for (label, v) in [("wrong polarity", &wrong_polarity), ("unexpected", &unexpected), ("missing", &missing)] {
        for x in v {
            println!("  {label}: {x}");
        }
    }

    assert!(forbidden.is_empty(), "forbidden cells: {forbidden:?}");
    assert!(wrong_polarity.is_empty(), "wrong polarity: {wrong_polarity:?}");
    assert!(precision >= 0.97, "precision {precision:.3}");
    assert!(recall >= 0.97, "recall {recall:.3}");
}

#[test]
fn evidence_spans_are_sentences_of_the_original_text() {
    let corpus = seeds();
    let lex_text = std::fs::read_to_string(seeds_dir().join("lexicon.toml")).unwrap();
    let lex = parse_lexicon("seeds/lexicon.toml", &lex_text).unwrap();
    let statements = extract(&corpus, &lex);
    assert!(!statements.is_empty());
    for s in &statements {
        let a = &corpus.articles[s.article];
        assert_eq!(a.sentences[s.sentence].span, s.span);
        for sp in [s.cue, s.actor_span, s.issue_span] {
            assert!(s.span.contains(sp), "{sp:?} outside {:?}", s.span);
            assert!(a.text.get(sp.range()).is_some());
        }
    }
    // The cue is the word a reader would highlight.
    let kirby = statements
        .iter()
        .find(|s| lex.actors[s.actor].name == "United States" && s.polarity == Polarity::Oppose)
        .expect("the US criticism of China's mediation");
    assert_eq!(corpus.articles[kirby.article].slice(kirby.cue), "criticism");
    assert_eq!(corpus.articles[kirby.article].slice(kirby.actor_span), "Washington’s");

    // Deterministic.
    assert_eq!(statements, extract(&corpus, &lex));
}

#[test]
fn another_corpus_with_the_seed_lexicon_does_not_crash() {
    // ECB+ (unrelated articles) when present; a small unrelated corpus
    // otherwise.
    let lex_text = std::fs::read_to_string(seeds_dir().join("lexicon.toml")).unwrap();
    let lex = parse_lexicon("seeds/lexicon.toml", &lex_text).unwrap();
    // The first 150 articles keep the debug-mode test quick; the whole file
    // is timed with the release CLI (see the report).
    let bytes = ecbplus::bytes()
        .map(|b| {
            let text = String::from_utf8_lossy(&b).into_owned();
            let keep = if cfg!(debug_assertions) { 150 } else { usize::MAX };
            text.lines().take(keep).collect::<Vec<_>>().join("\n").into_bytes()
        })
        .unwrap_or_else(|| {
        b"{\"id\":\"x\",\"text\":\"An earthquake struck the coast. Officials said they oppose new building rules.\"}\n"
            .to_vec()
    });
    let corpus = Corpus::build(parse_jsonl("ecb.jsonl", &bytes).unwrap());
    let t0 = std::time::Instant::now();
    let statements = extract(&corpus, &lex);
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let m = matrix(&statements, &all);
    println!(
        "{} articles, {} sentences: {} statements, {} cells; extract + matrix {:?}",
        corpus.articles.len(),
        corpus.articles.iter().map(|a| a.sentences.len()).sum::<usize>(),
        statements.len(),
        m.cells.len(),
        t0.elapsed()
    );
}

/// Paraphrased sentences written after the rules, in three batches: batch 1
/// and 2 were run before two rounds of fixes (batch 1: 22/24 cells, no
/// wrong polarity; batch 2: 2 wrong polarities — "oppose sanctions relief",
/// "did not condemn" — fixed generally); batch 3 was run once on the final
/// rules and is kept as measured (11 correct, 0 wrong, 7 missing).
/// Each entry: text, expected "actor|issue|stance" cells.
const HELD_OUT: &[(&str, &[&str])] = &[
    // batch 1
    ("Beijing and Moscow reiterated their opposition to NATO enlargement.", &["Russia|NATO enlargement|oppose", "China|NATO enlargement|oppose"]),
    ("The Kremlin has repeatedly denounced AUKUS.", &["Russia|AUKUS|oppose"]),
    ("Washington welcomed the AUKUS pact, officials said.", &["United States|AUKUS|support"]),
    ("Xi said China firmly opposes Taiwan independence.", &["China|Taiwan independence|oppose"]),
    ("According to the Kremlin, Putin rejected calls to halt the energy deals.", &["Russia|Russia–China energy deals|support"]),
    ("Russia and China issued a statement. They are not opposed to the Chinese peace plan.", &["Russia|China's Ukraine peace plan / China as mediator|support", "China|China's Ukraine peace plan / China as mediator|support"]),
    ("The EU imposed new sanctions on Russia.", &[]),
    ("Moscow criticised the US global missile defence system, while Washington defended it.", &["Russia|US global missile defence|oppose"]),
    ("Xi Jinping and Vladimir Putin met in Moscow on Tuesday. The two leaders condemned interference in internal affairs.", &["Russia|interference in internal affairs|oppose", "China|interference in internal affairs|oppose"]),
    ("Beijing has never supported Taiwan independence.", &["China|Taiwan independence|oppose"]),
    ("Critics said that China's peace plan was dangerous.", &[]),
    ("Putin thanked Xi. He said Russia backs China's position that Taiwan is part of China.", &["Russia|Taiwan as part of China|support"]),
    ("Blinken said Washington opposes any attempt by Moscow to limit NATO expansion.", &["United States|NATO enlargement|support"]),
    ("The White House rejected Beijing's efforts to end the conflict as a stalling tactic.", &["United States|China's Ukraine peace plan / China as mediator|oppose"]),
    ("In their declaration, the two sides voiced concern over the Indo-Pacific strategy pursued by Washington.", &[]),
    ("Russia's foreign ministry said the country supports trade in national currencies with China.", &["Russia|trade in national currencies|support"]),
    ("Ukraine welcomed NATO enlargement, while Russia warned against it.", &["Ukraine|NATO enlargement|support"]),
    ("China and Russia agreed to oppose hegemony and bloc confrontation.", &["Russia|hegemony|oppose", "China|hegemony|oppose", "Russia|closed blocs|oppose", "China|closed blocs|oppose"]),
    ("The US State Department condemned the energy deals between Russia and China.", &["United States|Russia–China energy deals|oppose"]),
    ("Analysts said Beijing and Moscow are united against US influence in Asia.", &["Russia|US global influence|oppose", "China|US global influence|oppose"]),
    // batch 2
    ("Russia and China oppose sanctions relief for Iran.", &["Russia|sanctions|support", "China|sanctions|support"]),
    ("Moscow said it would not accept any NATO enlargement.", &["Russia|NATO enlargement|oppose"]),
    ("China has no objection to the energy deals.", &["China|Russia–China energy deals|support"]),
    ("The US accused China of supporting Russia's demands for security guarantees.", &["China|Russia's security-guarantee demands|support"]),
    ("Beijing, which has long opposed NATO expansion, stayed silent.", &["China|NATO enlargement|oppose"]),
    ("Putin and Xi did not condemn the sanctions.", &[]),
    ("Kirby said Washington is concerned about China's peace plan.", &["United States|China's Ukraine peace plan / China as mediator|oppose"]),
    ("The statement by Russia and China criticized NATO enlargement.", &["Russia|NATO enlargement|oppose", "China|NATO enlargement|oppose"]),
    ("Taiwan independence is something Beijing will never accept.", &[]),
    ("Russia welcomed China's peace plan but rejected Ukraine's peace formula.", &["Russia|China's Ukraine peace plan / China as mediator|support"]),
    ("Neither Moscow nor Beijing supports Taiwan independence.", &["Russia|Taiwan independence|oppose", "China|Taiwan independence|oppose"]),
    ("The EU wants to lift sanctions on Russia, a diplomat said.", &[]),
    ("Washington opposes Russia's demands for security guarantees.", &["United States|Russia's security-guarantee demands|oppose"]),
    ("China said it was concerned by NATO's expansion.", &["China|NATO enlargement|oppose"]),
    ("Biden has backed sanctions against Russia and China.", &["United States|sanctions|support"]),
    ("Moscow and Beijing have always rejected interference in internal affairs, they said.", &["Russia|interference in internal affairs|oppose", "China|interference in internal affairs|oppose"]),
    // batch 3 (measured once, not tuned on)
    ("Xi and Putin signed a joint statement on Tuesday. In it, the two presidents reaffirmed their support for Internet sovereignty.", &["Russia|Internet sovereignty|support", "China|Internet sovereignty|support"]),
    ("The Pentagon said it remains concerned about Russian and Chinese hegemony.", &["United States|hegemony|oppose"]),
    ("Russia has consistently backed Beijing on Taiwan, and Moscow again rejected Taiwan independence this week.", &["Russia|Taiwan independence|oppose"]),
    ("Tokyo criticized the Russia–China energy deals, according to a Japanese official.", &["Japan|Russia–China energy deals|oppose"]),
    ("Lavrov said NATO expansion was a direct threat, adding that Moscow would never accept it.", &["Russia|NATO enlargement|oppose"]),
    ("China does not support sanctions that lack a UN mandate, its foreign ministry said.", &["China|sanctions|oppose"]),
    ("The Kremlin welcomed the decision to halt the US global missile defence programme.", &["Russia|US global missile defence|oppose"]),
    ("European officials expressed support for AUKUS, while Beijing condemned it.", &["European Union|AUKUS|support", "China|AUKUS|oppose"]),
    ("Britain and Australia said they would not abandon AUKUS.", &["United Kingdom|AUKUS|support", "Australia|AUKUS|support"]),
    ("Putin hailed the strategic partnership with China as unprecedented.", &["Russia|Russia–China strategic partnership|support"]),
    ("China voiced concern about the democratic standards imposed on other countries by the West.", &["China|'democratic standards' imposed from outside|oppose"]),
    ("Neither side mentioned NATO enlargement in the statement.", &[]),
    ("Washington has long opposed Russia's demands for security guarantees, which Moscow says are vital.", &["United States|Russia's security-guarantee demands|oppose"]),
    ("The leaders of Russia and China met in Beijing. Both sides said they oppose interference in internal affairs.", &["Russia|interference in internal affairs|oppose", "China|interference in internal affairs|oppose"]),
    ("The EU is not against new sanctions on Russia, diplomats said.", &["European Union|sanctions|support"]),
];

#[test]
fn held_out_paraphrases() {
    let lex_text = std::fs::read_to_string(seeds_dir().join("lexicon.toml")).unwrap();
    let lex = parse_lexicon("seeds/lexicon.toml", &lex_text).unwrap();
    let mut jsonl = String::new();
    for (i, (text, _)) in HELD_OUT.iter().enumerate() {
        jsonl.push_str(&serde_json::json!({"id": format!("h{i:03}"), "text": text}).to_string());
        jsonl.push('\n');
    }
    let corpus = Corpus::build(parse_jsonl("held_out.jsonl", jsonl.as_bytes()).unwrap());
    let statements = extract(&corpus, &lex);
    let (mut correct, mut wrong, mut extra, mut gold) = (0, Vec::new(), Vec::new(), 0);
    for (i, (text, expected)) in HELD_OUT.iter().enumerate() {
        let a = corpus.index_of(&format!("h{i:03}")).unwrap();
        let m = matrix(&statements, &[a]);
        let got: BTreeMap<(String, String), String> = m
            .cells
            .iter()
            .map(|c| ((lex.actors[c.actor].name.clone(), lex.issues[c.issue].name.clone()), c.stance.label().into()))
            .collect();
        let exp: BTreeMap<(String, String), String> = expected
            .iter()
            .map(|e| {
                let p: Vec<&str> = e.split('|').collect();
                ((p[0].to_string(), p[1].to_string()), p[2].to_string())
            })
            .collect();
        gold += exp.len();
        for k in exp.keys().filter(|k| !got.contains_key(*k)) {
            println!("  missing: {text}: {k:?}");
        }
        for (k, s) in &got {
            match exp.get(k) {
                Some(x) if x == s => correct += 1,
                Some(x) => wrong.push(format!("{text}: {k:?} {s}, expected {x}")),
                None => extra.push(format!("{text}: {k:?} {s}")),
            }
        }
    }
    let predicted = correct + wrong.len() + extra.len();
    println!(
        "held-out: gold {gold}, predicted {predicted}, correct {correct}, wrong polarity {}, unexpected {}; precision {:.3} recall {:.3}",
        wrong.len(),
        extra.len(),
        correct as f64 / predicted.max(1) as f64,
        correct as f64 / gold.max(1) as f64
    );
    for x in wrong.iter().chain(&extra) {
        println!("  {x}");
    }
    assert!(wrong.is_empty(), "{wrong:?}");
    assert!(extra.is_empty(), "{extra:?}");
    assert!(correct >= 51, "correct {correct}");
}

/// Word soup from the seeds and the cue vocabulary, in random orders and
/// with stray punctuation: extraction must never panic and every span must
/// stay inside its sentence.
#[test]
fn never_panics_on_word_soup() {
    let lex_text = std::fs::read_to_string(seeds_dir().join("lexicon.toml")).unwrap();
    let lex = parse_lexicon("seeds/lexicon.toml", &lex_text).unwrap();
    let corpus = seeds();
    let mut words: Vec<&str> = corpus.articles.iter().flat_map(|a| a.text.split_whitespace()).collect();
    words.extend([
        "they",
        "the parties",
        "not",
        "oppose",
        "support",
        "an end to",
        "by",
        "which",
        "|",
        ";",
        "–",
        "’s",
        "It",
        "according to",
        "said",
        "relief",
        "call on",
        "both",
        "neither",
        "nor",
        "*",
        "\u{202E}", // a bidi control (NUL is refused as input, see source.rs)
    ]);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut jsonl = String::new();
    for d in 0..60 {
        let mut text = String::new();
        for _ in 0..(next() % 400) {
            text.push_str(words[(next() % words.len() as u64) as usize]);
            text.push(match next() % 12 {
                0 => '.',
                1 => '\n',
                2 => ',',
                _ => ' ',
            });
        }
        text.push_str(" Russia opposes NATO expansion.");
        jsonl.push_str(&serde_json::json!({"id": format!("s{d}"), "text": text}).to_string());
        jsonl.push('\n');
    }
    let corpus = Corpus::build(parse_jsonl("soup.jsonl", jsonl.as_bytes()).unwrap());
    let statements = extract(&corpus, &lex);
    for s in &statements {
        assert!(s.span.contains(s.cue) && s.span.contains(s.actor_span) && s.span.contains(s.issue_span));
    }
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let _ = matrix(&statements, &all);
}

/// ECB+ (when present) with its own small lexicon: the same rules on
/// unrelated news. Topics 8 (Greek riots) and 41 (the Gaza UN school).
#[test]
fn ecbplus_with_its_own_lexicon() {
    let Some(bytes) = ecbplus::bytes() else { return };
    let text = String::from_utf8_lossy(&bytes);
    let lines: Vec<&str> =
        text.lines().filter(|l| l.contains("\"doc\": \"8_") || l.contains("\"doc\": \"41_")).collect();
    let corpus = Corpus::build(parse_jsonl("ecb.jsonl", lines.join("\n").as_bytes()).unwrap());
    let lex = parse_lexicon("ecbplus_lexicon.toml", include_str!("data/ecbplus_lexicon.toml")).unwrap();
    let statements = extract(&corpus, &lex);
    let mut got: Vec<String> = statements
        .iter()
        .map(|s| format!("{}|{}|{}", lex.actors[s.actor].name, lex.issues[s.issue].name, s.polarity.label()))
        .collect();
    got.sort();
    println!("{} articles: {got:?}", corpus.articles.len());
    if corpus.articles.is_empty() {
        return;
    }
    assert_eq!(
        got,
        vec![
            "European Union|Israeli strike on UN school|oppose",
            "Greece|violence in Greece|oppose",
            "Greece|violence in Greece|oppose",
            "Israel|Gaza ceasefire|oppose",
        ]
    );
}
