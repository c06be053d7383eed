//! The bundle's stored form (what the page compiles in) reads back as the
//! same bundle however it is stepped, and damage is an error, not a panic.

mod common;

use parallax_engine::bundle::{Bundle, BundleReader, BUNDLE_FORMAT};
use parallax_engine::lexicon::{parse_lexicon, Lexicon};

fn seed_lexicon() -> Lexicon {
    let text = std::fs::read_to_string(common::repo().join("seeds/lexicon.toml")).unwrap();
    parse_lexicon("seeds/lexicon.toml", &text).unwrap()
}

fn seed_bundle() -> Bundle {
    Bundle::build(common::seed_source(), seed_lexicon())
}

#[test]
fn read_in_any_steps_it_is_the_same_bundle() {
    let bundle = seed_bundle();
    assert!(bundle.passages.pairs.len() > 5 && !bundle.passages.clusters.is_empty(), "the seeds share passages");
    let bytes = bundle.to_stored().unwrap();
    assert!(BundleReader::read(&bytes).unwrap() == bundle, "read at once");
    for step in [1, 100, 4096, 1 << 20] {
        let mut r = BundleReader::new(&bytes).unwrap();
        let (mut last, total) = r.progress();
        assert_eq!(total, bytes.len());
        let mut steps = 0;
        while !r.step(step).unwrap() {
            let (now, _) = r.progress();
            assert!(now > last, "every step reads something (step {step})");
            last = now;
            steps += 1;
        }
        assert_eq!(r.progress(), (total, total));
        if step == 1 {
            // One item a step: an article, a passage or a cluster each.
            let n = bundle.corpus.articles.len() + bundle.passages.pairs.len() + bundle.passages.clusters.len();
            assert_eq!(steps, n, "items read one at a time");
        }
        assert!(r.finish().unwrap() == bundle, "read in steps of {step} bytes");
    }
    // Finished early, after a few steps.
    let mut r = BundleReader::new(&bytes).unwrap();
    r.step(1).unwrap();
    r.step(1).unwrap();
    assert!(r.finish().unwrap() == bundle, "finished early");
}

#[test]
fn damage_is_an_error_naming_what_broke() {
    let bytes = seed_bundle().to_stored().unwrap();
    // Another format (the first byte is the format, a small varint).
    let mut other = bytes.clone();
    other[0] = (BUNDLE_FORMAT + 1) as u8;
    let e = BundleReader::new(&other).err().unwrap();
    assert!(e.contains(&format!("expected {BUNDLE_FORMAT}")), "{e}");
    // Cut anywhere: an error, never a panic.
    for cut in (0..bytes.len()).step_by(97).chain([bytes.len() - 1]) {
        let e = BundleReader::read(&bytes[..cut]).err().unwrap_or_else(|| panic!("cut at {cut} reads"));
        assert!(e.starts_with("the stored corpus"), "{e}");
    }
    let cut = BundleReader::read(&bytes[..bytes.len() - 1]).err().unwrap();
    assert!(cut.contains("damaged at a cluster"), "{cut}");
    // Bytes left over.
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(BundleReader::read(&longer).err().unwrap(), "the stored corpus has 1 bytes too many at its end");
    // Flipped bytes: an error or (rarely) another bundle, never a panic.
    for at in (1..bytes.len()).step_by(131) {
        let mut bad = bytes.clone();
        bad[at] ^= 0xff;
        let _ = BundleReader::read(&bad);
    }
}

/// A small corpus's tokens are not stored: the reader tokenises again. Copies of one text,
/// several scripts and typographic apostrophes come back with the same
/// tokens, sentence token ranges and stem numbers as the build gave them.
#[test]
fn tokens_come_back_the_same_without_being_stored() {
    let mut lines = Vec::new();
    let texts = [
        "Moscow’s envoy said NATO's enlargement was \"unacceptable\".\n\nBeijing agreed. Путин и Си встретились в Москве.",
        "中国和俄罗斯发表联合声明。 The statement rejects AUKUS.\n\nIt was signed on 4 February 2022.",
        "Moscow’s envoy said NATO's enlargement was \"unacceptable\".\n\nBeijing agreed. Путин и Си встретились в Москве.",
        "— 42 —",
    ];
    for (i, t) in texts.iter().enumerate() {
        lines.push(serde_json::json!({"id": format!("a{i}"), "text": t}).to_string());
    }
    let src = parallax_engine::source::parse_jsonl("t.jsonl", lines.join("\n").as_bytes()).unwrap();
    let bundle = Bundle::build(src, seed_lexicon());
    assert!(bundle.corpus.articles.iter().map(|a| a.tokens.len()).sum::<usize>() > 30);
    let bytes = bundle.to_stored().unwrap();
    let back = BundleReader::read(&bytes).unwrap();
    assert_eq!(back.corpus.vocab, bundle.corpus.vocab);
    for (a, b) in back.corpus.articles.iter().zip(&bundle.corpus.articles) {
        assert_eq!(a.tokens, b.tokens, "tokens of {}", b.meta.id);
        assert_eq!(a.sentences, b.sentences, "sentences of {}", b.meta.id);
    }
    assert!(back == bundle);
}

/// A corpus of 128 KB of text or more carries its tokens (tokenising it
/// again would cost the page more than the bytes); it reads back the same,
/// in any steps, and damage to its tokens is an error.
#[test]
fn a_larger_corpus_stores_its_tokens_and_reads_back_the_same() {
    let seeds = common::seed_source();
    let mut articles = Vec::new();
    for k in 0..6 {
        for a in &seeds.articles {
            let mut a = a.clone();
            a.meta.id = format!("{}-{k}", a.meta.id);
            a.text.push_str(&format!("\n\nVariant {k} of this report."));
            articles.push(a);
        }
    }
    let src = parallax_engine::source::CorpusSource { name: "six seeds".into(), articles };
    let big = Bundle::build(src, seed_lexicon());
    assert!(big.stores_tokens(), "{} bytes of text", big.corpus.articles.iter().map(|a| a.text.len()).sum::<usize>());
    assert!(!seed_bundle().stores_tokens(), "the seeds are tokenised again");
    let bytes = big.to_stored().unwrap();
    assert!(BundleReader::read(&bytes).unwrap() == big, "read at once");
    let mut r = BundleReader::new(&bytes).unwrap();
    while !r.step(777).unwrap() {}
    assert!(r.finish().unwrap() == big, "read in steps");
    for cut in (0..bytes.len()).step_by(1009) {
        assert!(BundleReader::read(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    for at in (1..bytes.len()).step_by(577) {
        let mut bad = bytes.clone();
        bad[at] ^= 0xff;
        let _ = BundleReader::read(&bad);
    }
}

/// The page's data for the seeds, byte for byte: a refactoring must not
/// change what the page compiles in. When it changes on purpose, write the
/// new hash (`PARALLAX_WRITE_CHECKSUMS=1`) and say why in the commit.
#[test]
fn seed_bundle_is_unchanged() {
    use sha2::{Digest, Sha256};
    let bytes = seed_bundle().to_stored().unwrap();
    let got: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    let file = common::repo().join("crates/engine/tests/data/seed_bundle.sha256");
    if std::env::var_os("PARALLAX_WRITE_CHECKSUMS").is_some() {
        std::fs::write(&file, format!("{got}\n")).unwrap();
    }
    let expected = std::fs::read_to_string(&file).unwrap();
    assert_eq!(expected.trim(), got, "the seeds' stored bundle changed ({} bytes)", bytes.len());
}
