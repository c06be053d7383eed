//! The analysis pipeline: [`Corpus::build`] turns a validated
//! [`CorpusSource`] into a [`Corpus`]. Each distinct text is cleaned
//! ([`clean`]), split into paragraphs and sentences ([`segment`]) and
//! tokenised and stemmed ([`token`]); then stems are numbered corpus-wide.
//! The data types it fills live in [`crate::model`].

use crate::model::{Article, Corpus};
use crate::source::CorpusSource;
use crate::{clean, segment, token};

impl Corpus {
    /// Analyses a validated source. Total: never fails, never panics.
    pub fn build(source: CorpusSource) -> Corpus {
        let CorpusSource { name, mut articles } = source;
        crate::sort::by(&mut articles, |a, b| a.meta.id.cmp(&b.meta.id));
        // Identical texts (one article under several ids) are analysed
        // once, and count once in the corpus-wide cleaning rules: a copy is
        // no evidence that a line is boilerplate.
        let mut first_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let copy_of: Vec<Option<usize>> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let f = *first_of.entry(a.text.as_str()).or_insert(i);
                (f != i).then_some(f)
            })
            .collect();
        let texts: Vec<&str> =
            articles.iter().zip(&copy_of).filter(|(_, c)| c.is_none()).map(|(a, _)| a.text.as_str()).collect();
        let cleaned = clean::clean_corpus(&texts);
        // Each distinct text on its own (in parallel with the `parallel`
        // feature), with stems numbered per article ...
        let work: Vec<(&str, Vec<clean::Line>)> = texts.iter().copied().zip(cleaned).collect();
        let mut analysed = crate::par::map_init(&work, token::StemCache::default, |cache, (text, lines)| {
            let seg = segment::segment_article(text, lines);
            let (sentences, tokens, stems) = token::tokenize_cached(text, seg.sentences, cache);
            (seg.paragraphs, sentences, tokens, stems, seg.removed)
        })
        .into_iter();
        drop(texts);
        // ... then in id order: corpus-wide stem numbers, copies.
        let mut vocab = token::Vocab::default();
        let mut out: Vec<Article> = Vec::with_capacity(articles.len());
        for (raw, copy) in articles.into_iter().zip(copy_of) {
            let (paragraphs, sentences, tokens, removed) = match copy.and_then(|c| out.get(c)) {
                Some(a) => (a.paragraphs.clone(), a.sentences.clone(), a.tokens.clone(), a.removed.clone()),
                None => {
                    let (paragraphs, sentences, mut tokens, stems, removed) = analysed.next().unwrap_or_default();
                    vocab.renumber(&stems, &mut tokens);
                    (paragraphs, sentences, tokens, removed)
                }
            };
            out.push(Article { meta: raw.meta, text: raw.text, paragraphs, sentences, tokens, removed });
        }
        Corpus { name, articles: out, vocab: vocab.into_vec() }
    }
}
