//! Word tokens: byte offsets, lowercasing, stemming, and robustness on
//! scripts other than Latin.

use parallax_engine::model::Span;
use parallax_engine::token::{english_stemmer, stem_word, stems_of, tokenize_sentences, words, Vocab};

fn toks(s: &str) -> Vec<(&str, String)> {
    let st = english_stemmer();
    words(s).map(|(off, w)| (&s[off..off + w.len()], stem_word(&st, w))).collect()
}

#[test]
fn possessives_stem_to_the_noun() {
    let st = english_stemmer();
    let russia = stem_word(&st, "Russia");
    assert_eq!(russia, "russia");
    for w in ["Russia’s", "Russia's", "RUSSIA’S", "russiaʼs"] {
        let t = toks(w);
        assert_eq!(t.len(), 1, "{w} is one token");
        assert_eq!(t[0].0, w, "the token spans the whole word");
    }
    assert_eq!(stem_word(&st, "Russia’s"), russia);
    assert_eq!(stem_word(&st, "Russia's"), russia);
    assert_eq!(stem_word(&st, "RUSSIA’S"), russia);
    assert_eq!(stem_word(&st, "China’s"), stem_word(&st, "China"));
    assert_eq!(stem_word(&st, "countries’"), stem_word(&st, "countries"));
    // Contractions keep their meaning apart from the bare verb.
    assert_eq!(stems_of("don’t"), stems_of("don't"));
}

#[test]
fn stems_unify_inflections() {
    assert_eq!(stems_of("enlargement"), stems_of("enlarge"));
    assert_eq!(stems_of("denounced denouncing denounces"), vec!["denounc"; 3]);
    assert_eq!(stems_of("Statements"), stems_of("statement"));
}

#[test]
fn hyphenated_words_are_split_into_their_parts() {
    let t = toks("long-term non-proliferation Russian-Chinese Indo-Pacific");
    let w: Vec<&str> = t.iter().map(|x| x.0).collect();
    assert_eq!(w, ["long", "term", "non", "proliferation", "Russian", "Chinese", "Indo", "Pacific"]);
    // So "long-term" matches "long term".
    assert_eq!(stems_of("long-term"), stems_of("long term"));
}

#[test]
fn numbers_are_tokens() {
    let t = toks("100,000 troops, $15.6 billion, 7% of 3.5, COVID-19 in 2022");
    let w: Vec<&str> = t.iter().map(|x| x.0).collect();
    assert_eq!(w, ["100,000", "troops", "15.6", "billion", "7", "of", "3.5", "COVID", "19", "in", "2022"]);
    assert_eq!(t[0].1, "100,000");
}

#[test]
fn other_scripts_and_emoji_keep_offsets_on_char_boundaries() {
    let s = "Путин и Си Цзиньпин 😀 中俄联合声明 👩‍👩‍👧 İstanbul ß ǅ e\u{301} \u{202e}abc\u{202c} ٣ مرحبا 👍🏽 Россия’s";
    let t = toks(s);
    for (w, stem) in &t {
        let off = w.as_ptr() as usize - s.as_ptr() as usize;
        assert!(s.is_char_boundary(off) && s.is_char_boundary(off + w.len()));
        assert!(w.chars().any(char::is_alphanumeric), "{w:?}");
        assert!(!stem.is_empty() || w.chars().all(|c| !c.is_alphanumeric()), "{w:?} has a stem");
    }
    let w: Vec<&str> = t.iter().map(|x| x.0).collect();
    assert!(w.contains(&"Путин") && w.contains(&"Цзиньпин"));
    assert!(w.contains(&"中"), "ideographs are words: {w:?}");
    assert!(!w.iter().any(|x| x.contains('😀') || x.contains('👍')), "emoji are not words");
    // Lowercased: Cyrillic too.
    assert_eq!(stem_word(&english_stemmer(), "Путин"), "путин");
}

#[test]
fn tokenize_sentences_gives_exact_spans() {
    let text = "  Russia’s talks. Путин 😀 met Xi; 中俄 agreed 100,000 long-term deals.  ";
    let a = text.find("Russia").unwrap();
    let b = text.find(" Путин").unwrap();
    let c = text.trim_end().len();
    let spans = vec![(Span::new(a, b), 0), (Span::new(b + 1, c), 0)];
    let mut vocab = Vocab::default();
    let (sentences, tokens) = tokenize_sentences(text, spans, &mut vocab);
    let vocab = vocab.into_vec();
    assert_eq!(sentences.len(), 2);
    assert_eq!(sentences[0].token_count, 2);
    let words: Vec<&str> = tokens.iter().map(|t| &text[t.span.range()]).collect();
    assert_eq!(
        words,
        ["Russia’s", "talks", "Путин", "met", "Xi", "中", "俄", "agreed", "100,000", "long", "term", "deals"]
    );
    let stems: Vec<&str> = tokens.iter().map(|t| vocab[t.stem as usize].as_str()).collect();
    assert_eq!(stems[0], "russia");
    assert_eq!(stems[1], "talk");
    assert_eq!(stems[2], "путин");
    // Interning: equal stems share an id, ids in order of first use.
    let mut v2 = Vocab::default();
    assert_eq!(v2.intern("a"), 0);
    assert_eq!(v2.intern("b"), 1);
    assert_eq!(v2.intern("a"), 0);
}
