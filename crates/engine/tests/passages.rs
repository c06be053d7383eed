//! Shared passages: precision and recall on a hand-made gold set for the
//! seeds, a tiny corpus, robustness, and (when present) ECB+.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use parallax_engine::passages::{find_passages, pair_summaries, word_alignment, Matcher, PassageConfig, Passages};
use parallax_engine::source::parse_jsonl;
use parallax_engine::Corpus;
use serde::Deserialize;

mod common;
use common::{ecbplus, repo, seeds};

fn try_jsonl(lines: &[(&str, &str)]) -> Option<Corpus> {
    let text: String =
        lines.iter().map(|(id, t)| serde_json::json!({"id": id, "text": t}).to_string() + "\n").collect();
    parse_jsonl("test.jsonl", text.as_bytes()).ok().map(Corpus::build)
}

fn jsonl(lines: &[(&str, &str)]) -> Corpus {
    try_jsonl(lines).unwrap()
}

#[derive(Deserialize)]
struct GoldPair {
    a: String,
    a_text: String,
    b: String,
    b_text: String,
    note: String,
}

#[derive(Deserialize)]
struct Gold {
    positive: Vec<GoldPair>,
    negative: Vec<GoldPair>,
}

/// (article, sentence) of the sentence containing `needle`.
fn locate(corpus: &Corpus, id: &str, needle: &str) -> (usize, usize) {
    let ai = corpus.index_of(id).unwrap_or_else(|| panic!("no article {id}"));
    let art = &corpus.articles[ai];
    let off = art.text.find(needle).unwrap_or_else(|| panic!("{id}: {needle:?} not found"));
    let si = art.sentence_at(off as u32).unwrap_or_else(|| panic!("{id}: {needle:?} not in a sentence"));
    (ai, si)
}

type Key = ((usize, usize), (usize, usize));

fn key(x: (usize, usize), y: (usize, usize)) -> Key {
    if x <= y {
        (x, y)
    } else {
        (y, x)
    }
}

/// Every sentence pair the passages link.
fn predicted(p: &Passages) -> BTreeSet<Key> {
    let mut out = BTreeSet::new();
    for sp in &p.pairs {
        for l in &sp.links {
            for i in l.a.start..l.a.end {
                for j in l.b.start..l.b.end {
                    out.insert(key((sp.a.article as usize, i as usize), (sp.b.article as usize, j as usize)));
                }
            }
        }
    }
    out
}

fn short(corpus: &Corpus, (a, s): (usize, usize)) -> String {
    let art = &corpus.articles[a];
    let t = art.slice(art.sentences[s].span);
    let t: String = t.chars().take(if std::env::var_os("PASSAGES_FULL").is_some() { 2000 } else { 90 }).collect();
    format!("{}:{s} {t}", &art.id()[..3])
}

#[test]
fn seeds_gold_precision_recall() {
    let corpus = seeds();
    let gold: Gold =
        toml::from_str(&std::fs::read_to_string(repo().join("crates/engine/tests/data/passages_gold.toml")).unwrap())
            .unwrap();
    assert!(gold.positive.len() >= 40 && gold.negative.len() >= 35);
    // PASSAGES_CFG='{"min_score": 0.45}' tries other settings.
    let cfg: PassageConfig =
        std::env::var("PASSAGES_CFG").map(|s| serde_json::from_str(&s).unwrap()).unwrap_or_default();
    let passages = find_passages(&corpus, &cfg);
    let pred = predicted(&passages);
    let matcher = Matcher::new(&corpus, &cfg);
    let resolve = |g: &GoldPair| key(locate(&corpus, &g.a, &g.a_text), locate(&corpus, &g.b, &g.b_text));
    let mut judged = BTreeSet::new();
    let (mut tp, mut fp) = (0, 0);
    println!("positives:");
    for g in &gold.positive {
        let k = resolve(g);
        judged.insert(k);
        let s = matcher.score(k.0 .0, k.0 .1, k.1 .0, k.1 .1).unwrap();
        let hit = pred.contains(&k);
        tp += hit as usize;
        println!(
            "  {}{} score {:.2} weight {:5.1} shared {:2} distinct {}  {} | {}  ({})",
            if hit { "FOUND " } else { "MISSED" },
            if s.linked { "+" } else { " " },
            s.score,
            s.weight,
            s.shared,
            s.distinct,
            short(&corpus, k.0),
            short(&corpus, k.1),
            g.note
        );
    }
    println!("negatives:");
    for g in &gold.negative {
        let k = resolve(g);
        judged.insert(k);
        let s = matcher.score(k.0 .0, k.0 .1, k.1 .0, k.1 .1).unwrap();
        let hit = pred.contains(&k);
        fp += hit as usize;
        println!(
            "  {} score {:.2} weight {:5.1} shared {:2} distinct {}  {} | {}",
            if hit { "LINKED" } else { "ok    " },
            s.score,
            s.weight,
            s.shared,
            s.distinct,
            short(&corpus, k.0),
            short(&corpus, k.1)
        );
    }
    if std::env::var_os("PASSAGES_FULL").is_some() {
        for k in &judged {
            println!(
                "  EXPLAIN {}\n    {}\n    {}",
                short(&corpus, k.0),
                matcher.explain(k.0 .0, k.0 .1).unwrap(),
                matcher.explain(k.1 .0, k.1 .1).unwrap()
            );
        }
    }
    println!("links outside the gold set (judge by hand):");
    for k in pred.difference(&judged) {
        let s = matcher.score(k.0 .0, k.0 .1, k.1 .0, k.1 .1).unwrap();
        println!(
            "  score {:.2} weight {:5.1} distinct {}  {} | {}",
            s.score,
            s.weight,
            s.distinct,
            short(&corpus, k.0),
            short(&corpus, k.1)
        );
        if std::env::var_os("PASSAGES_FULL").is_some() {
            println!(
                "    {}\n    {}",
                matcher.explain(k.0 .0, k.0 .1).unwrap(),
                matcher.explain(k.1 .0, k.1 .1).unwrap()
            );
        }
    }
    let recall = tp as f64 / gold.positive.len() as f64;
    let precision = if tp + fp == 0 { 1.0 } else { tp as f64 / (tp + fp) as f64 };
    let neg_rejected = 1.0 - fp as f64 / gold.negative.len() as f64;
    println!(
        "gold: {} positives, {} negatives; recall {recall:.3}, precision (judged) {precision:.3}, negatives rejected {neg_rejected:.3}; {} links in all, {} passages, {} clusters",
        gold.positive.len(),
        gold.negative.len(),
        pred.len(),
        passages.pairs.len(),
        passages.clusters.len()
    );
    // Every link the default settings make on the seeds has been judged by
    // hand (the gold set holds it), so this is precision over all links.
    let unjudged = pred.difference(&judged).count();
    println!("unjudged links: {unjudged}; precision over all links {:.3}", tp as f64 / pred.len().max(1) as f64);
    // 0.81 and 0.90 with the built-in table of this topic's actors
    // (Kremlin ~ Russia, Britain, North Atlantic Alliance ~ NATO); the
    // actor model found in the text has none of those three names. On
    // gold written before tuning (bench/score_samefact.py) the seeds went
    // from 0.81 to 0.78 recall and ECB+ precision from 0.62 to 0.80.
    assert!(recall >= 0.72, "recall {recall}");
    assert!(precision >= 0.87, "precision {precision}");

    // Clusters: the NATO clause is carried by at least three articles.
    let nato = locate(&corpus, "000_81f88f833ff57646", "opposed to any future enlargement of NATO");
    let c = passages
        .clusters
        .iter()
        .find(|c| c.members.iter().any(|m| m.article as usize == nato.0 && m.sentences.contains(nato.1)))
        .expect("a cluster with the NATO clause");
    assert!(c.articles.len() >= 3);
    for m in &c.members {
        assert!(corpus.articles[m.article as usize].text.get(m.span.range()).is_some());
    }
    // Output invariants: sorted, a before b, spans inside the text.
    for w in passages.pairs.windows(2) {
        assert!((w[0].a, w[0].b) <= (w[1].a, w[1].b));
    }
    for p in &passages.pairs {
        assert!(p.a.article < p.b.article);
        assert!((0.0..=1.0).contains(&p.score));
        assert!(corpus.articles[p.a.article as usize].text.get(p.a.span.range()).is_some());
        assert!(corpus.articles[p.b.article as usize].text.get(p.b.span.range()).is_some());
    }
    let sums = pair_summaries(&corpus, &passages);
    assert!(!sums.is_empty());
    assert!(sums.iter().all(|s| (0.0..=1.0).contains(&s.shorter_share) && s.passages > 0));
    // Deterministic.
    assert_eq!(find_passages(&corpus, &cfg), passages);
}

/// Within one pair of articles, no two passages overlap on both sides, and
/// a sentence is in at most two passages: its first link and one strong
/// second link (a lede and a later quote carrying the same clause); the
/// links on a sentence two passages share are strong in both.
fn assert_no_overlaps(corpus: &Corpus, p: &Passages, cfg: &PassageConfig) -> usize {
    let mut by_pair: BTreeMap<(u32, u32), Vec<&parallax_engine::passages::SharedPassage>> = BTreeMap::new();
    for sp in &p.pairs {
        by_pair.entry((sp.a.article, sp.b.article)).or_default().push(sp);
    }
    let mut seconds = 0;
    for ps in by_pair.values() {
        for (i, x) in ps.iter().enumerate() {
            for y in &ps[i + 1..] {
                assert!(
                    !(x.a.sentences.overlaps(y.a.sentences) && x.b.sentences.overlaps(y.b.sentences)),
                    "overlapping passages {x:?} {y:?}"
                );
                if x.a.sentences.overlaps(y.a.sentences) || x.b.sentences.overlaps(y.b.sentences) {
                    seconds += 1;
                    // The sentences the two passages share are linked
                    // strongly in both, or corroborated by a third article
                    // (weaker context links never share).
                    let mut min = cfg.second_min_score.min(cfg.min_score).min(cfg.strong_min_score);
                    if cfg.corroborated_min_score > 0.0 {
                        min = min.min(cfg.corroborated_min_score);
                    }
                    if cfg.anchored_min_score > 0.0 {
                        min = min.min(cfg.anchored_min_score);
                    }
                    for p in [x, y] {
                        for l in &p.links {
                            let shares = (x.a.sentences.overlaps(y.a.sentences)
                                && l.a.overlaps(x.a.sentences)
                                && l.a.overlaps(y.a.sentences))
                                || (x.b.sentences.overlaps(y.b.sentences)
                                    && l.b.overlaps(x.b.sentences)
                                    && l.b.overlaps(y.b.sentences));
                            assert!(!shares || l.score >= min, "weak link on a shared sentence {x:?} {y:?}");
                        }
                    }
                }
            }
            for (art, r) in [(x.a.article, x.a.sentences), (x.b.article, x.b.sentences)] {
                for s in r.start..r.end {
                    let n = ps
                        .iter()
                        .filter(|y| {
                            (y.a.article == art && y.a.sentences.contains(s as usize))
                                || (y.b.article == art && y.b.sentences.contains(s as usize))
                        })
                        .count();
                    assert!(n <= 2, "{}: sentence {s} in {n} passages", corpus.articles[art as usize].id());
                }
            }
        }
    }
    seconds
}

#[test]
fn passages_of_a_pair_do_not_overlap() {
    let cfg = PassageConfig::default();
    let corpus = seeds();
    let p = find_passages(&corpus, &cfg);
    let seconds = assert_no_overlaps(&corpus, &p, &cfg);
    println!("seeds: {} passages, {seconds} sharing one side with another", p.pairs.len());
    // A sentence repeated in B links to both copies, but B's two copies
    // are never one passage with A's sentence twice over.
    let s = "The harbour commission approved forty million euros to rebuild the breakwater before winter storms.";
    let corpus = jsonl(&[
        ("a", &format!("Local roundup\n\n{s}\n\nFish prices rose at the market this week.")),
        ("b", &format!("Harbour plan\n\n{s}\n\nFishermen welcomed the decision.\n\nAs we said, {s}")),
    ]);
    let p = find_passages(&corpus, &cfg);
    assert_no_overlaps(&corpus, &p, &cfg);
    assert_eq!(p.pairs.len(), 2, "{p:#?}");
    assert_eq!(p.pairs[0].a.sentences, p.pairs[1].a.sentences);
    assert!(!p.pairs[0].b.sentences.overlaps(p.pairs[1].b.sentences));
    if let Some(path) = ecbplus::path() {
        let corpus = Corpus::build(parse_jsonl("ecbplus", &ecbplus_head(&path)).unwrap());
        assert_no_overlaps(&corpus, &find_passages(&corpus, &cfg), &cfg);
    }
}

/// The first 150 documents (a few topics) keep debug-mode tests fast;
/// `parallax passages --corpus` runs the whole file.
fn ecbplus_head(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    // PASSAGES_ECB_DOCS=1000 runs more of it.
    let docs = std::env::var("PASSAGES_ECB_DOCS").ok().and_then(|s| s.parse().ok()).unwrap_or(150);
    let text: String = std::str::from_utf8(&bytes).unwrap().lines().take(docs).map(|l| format!("{l}\n")).collect();
    text.into_bytes()
}

#[test]
fn tiny_corpus_finds_identical_paragraph() {
    let para = "The committee approved a plan to rebuild the harbour wall before the winter storms arrive, officials said on Monday. The work will cost 40 million euros and last three years.";
    let corpus = jsonl(&[
        ("a", &format!("Local news roundup\n\nA school reopened in the north of the town after repairs.\n\n{para}\n\nThe mayor was not available for comment.")),
        ("b", &format!("Harbour plan\n\nFishermen welcomed the decision.\n\n{para}\n\nPrices of fish rose again this month at the market.")),
    ]);
    let p = find_passages(&corpus, &PassageConfig::default());
    assert_eq!(p.pairs.len(), 1, "{p:#?}");
    let sp = &p.pairs[0];
    let (a, b) = (&corpus.articles[0], &corpus.articles[1]);
    assert_eq!(a.slice(sp.a.span), para);
    assert_eq!(b.slice(sp.b.span), para);
    assert!(sp.score > 0.99);
    assert!(p.clusters.is_empty());
    let ops = word_alignment(a.slice(sp.a.span), b.slice(sp.b.span));
    assert_eq!(ops.len(), 1);
    let s = &pair_summaries(&corpus, &p)[0];
    assert_eq!(s.passages, 1);
    assert!(s.shorter_share > 0.4 && s.shorter_share <= 1.0);
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let cfg = PassageConfig::default();
    let long = "Same sentence over and over again here. ".repeat(2000);
    let empty = Corpus { name: String::new(), articles: Vec::new(), vocab: Vec::new() };
    let corpora = [
        try_jsonl(&[("only", "One article. It has two sentences.")]),
        try_jsonl(&[("a", "x"), ("b", "   ."), ("c", "...")]),
        try_jsonl(&[("a", "word"), ("b", "word")]),
        try_jsonl(&[("a", long.as_str()), ("b", "Same sentence over and over again here.")]),
    ];
    for corpus in corpora.into_iter().flatten().chain([empty]) {
        let p = find_passages(&corpus, &cfg);
        let _ = pair_summaries(&corpus, &p);
        let m = Matcher::new(&corpus, &cfg);
        assert!(m.score(5, 0, 7, 0).is_none());
    }
    assert!(word_alignment("", "").is_empty());
}

#[test]
fn ecbplus_passages_stay_within_subtopics() {
    let Some(path) = ecbplus::path() else { return };
    let bytes = ecbplus_head(&path);
    let mut subtopic = BTreeMap::new();
    for line in std::str::from_utf8(&bytes).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        subtopic.insert(v["doc"].as_str().unwrap().to_string(), v["subtopic"].to_string());
    }
    let corpus = Corpus::build(parse_jsonl("ecbplus", &bytes).unwrap());
    let cfg: PassageConfig =
        std::env::var("PASSAGES_CFG").map(|s| serde_json::from_str(&s).unwrap()).unwrap_or_default();
    let p = find_passages(&corpus, &cfg);
    let same = p
        .pairs
        .iter()
        .filter(|sp| {
            let a = corpus.articles[sp.a.article as usize].id();
            let b = corpus.articles[sp.b.article as usize].id();
            subtopic.get(a) == subtopic.get(b)
        })
        .count();
    let share = same as f64 / p.pairs.len().max(1) as f64;
    println!(
        "ECB+: {} articles, {} passages, {} clusters; within-subtopic share {share:.3}",
        corpus.articles.len(),
        p.pairs.len(),
        p.clusters.len()
    );
    assert!(!p.pairs.is_empty());
    assert!(share >= 0.8, "within-subtopic share {share}");
}

/// Linked sentence pairs of `articles` among background articles on other
/// matters (so that word rarity is as in a real corpus), as (article id,
/// sentence) pairs.
fn linked_pairs(articles: &[(&str, &str)]) -> BTreeSet<((String, usize), (String, usize))> {
    const TOPICS: [&str; 12] = [
        "farmers harvest wheat",
        "the orchestra rehearses",
        "engineers repair a bridge",
        "students sit exams",
        "a museum opens",
        "fishermen mend nets",
        "nurses treat patients",
        "bakers sell bread",
        "pilots land planes",
        "miners dig coal",
        "gardeners plant roses",
        "painters restore murals",
    ];
    let background: Vec<(String, String)> = (0..12)
        .map(|i| {
            let text = (0..4)
                .map(|j| format!("In the {j} district {} while {} nearby.", TOPICS[i], TOPICS[(i + j + 1) % 12]))
                .collect::<Vec<_>>()
                .join(" ");
            (format!("bg{i}"), text)
        })
        .collect();
    let mut all: Vec<(&str, &str)> = articles.to_vec();
    all.extend(background.iter().map(|(i, t)| (i.as_str(), t.as_str())));
    let corpus = jsonl(&all);
    let p = find_passages(&corpus, &PassageConfig::default());
    let id = |a: u32| corpus.articles[a as usize].id().to_string();
    p.pairs
        .iter()
        .filter(|sp| sp.a.article < articles.len() as u32 && sp.b.article < articles.len() as u32)
        .flat_map(|sp| {
            sp.links
                .iter()
                .map(move |l| ((id(sp.a.article), l.a.start as usize), (id(sp.b.article), l.b.start as usize)))
        })
        .collect()
}

#[test]
fn a_shared_figure_links_one_fact_in_other_words() {
    // The same figure and the same place, otherwise other words: one fact.
    let a = "Officials met in the capital on Monday. Washington accuses the Kremlin of deploying 100,000 soldiers on its border with Ukraine.";
    let b = "Analysts were busy. The presence of over 100,000 Russian troops near Ukraine fans suspicion.";
    let links = linked_pairs(&[("a", a), ("b", b)]);
    assert!(links.iter().any(|(x, y)| x.0 == "a" && x.1 == 1 && y.0 == "b" && y.1 == 1), "{links:?}");
    // Without the figure, the same words are not enough.
    let links = linked_pairs(&[("a", &a.replace("100,000 ", "")), ("b", &b.replace("over 100,000 ", ""))]);
    assert!(links.is_empty(), "{links:?}");
}

#[test]
fn contradicting_figures_or_people_block_a_link() {
    let base = "Wladimir Klitschko stopped Tony Thompson in round 6 to retain his WBA, IBF and WBO heavyweight title belts on Saturday night in Bern.";
    // The same report, copied: linked.
    let copy = format!("The fight ended early. {base}");
    assert_eq!(linked_pairs(&[("a", base), ("b", &copy)]).len(), 1);
    // Another bout in the same frame: another opponent and round.
    let other = "Wladimir Klitschko stopped Hasim Rahman in round 7 to retain his WBA, IBF and WBO heavyweight title belts on Saturday night in Mannheim.";
    let links = linked_pairs(&[("a", base), ("b", other)]);
    assert!(links.is_empty(), "{links:?}");
    // Stock reports with different figures share a frame, not a fact.
    let up = "The Dow Jones index rose 6.48 points to 990.51 in heavy trading on Friday, dealers said.";
    let down = "The Dow Jones index fell 0.04 points to 971.52 in heavy trading on Friday, dealers said.";
    let links = linked_pairs(&[("a", up), ("b", down)]);
    assert!(links.is_empty(), "{links:?}");
}
