//! The analysis pipeline: [`Corpus::build`] turns a validated
//! [`CorpusSource`] into a [`Corpus`]. Each distinct text is cleaned
//! ([`clean`]), split into paragraphs and sentences ([`segment`]) and
//! tokenised and stemmed ([`token`]); then stems are numbered corpus-wide.
//! The data types it fills live in [`crate::model`].

use std::collections::HashMap;

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
        let groups = same_text(articles.iter().map(|a| a.text.as_str()));
        let mut copy_of: Vec<Option<usize>> = vec![None; articles.len()];
        for g in &groups {
            for &i in &g[1..] {
                copy_of[i as usize] = Some(g[0] as usize);
            }
        }
        let texts: Vec<&str> = groups.iter().map(|g| articles[g[0] as usize].text.as_str()).collect();
        let sites: Vec<Option<String>> = groups.iter().map(|g| site(&articles[g[0] as usize].meta)).collect();
        let cleaned = clean::clean_corpus_sites(&texts, &sites);
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

/// The site an article comes from, for the boilerplate a site repeats: its
/// outlet, else its web address's host (without `www.`), lower-cased.
fn site(meta: &crate::source::ArticleMeta) -> Option<String> {
    if let Some(o) = meta.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        return Some(o.trim().to_lowercase());
    }
    let url = meta.url.as_deref()?;
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_string())
}

/// Positions of `texts` grouped by identical text: each group ascending,
/// groups in the order of their first position (so each group's first
/// position, its representative, is in input order).
pub(crate) fn same_text<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<Vec<u32>> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<Vec<u32>> = Vec::new();
    for (i, text) in texts.into_iter().enumerate() {
        let next = groups.len();
        let g = *index.entry(text).or_insert(next);
        if g == next {
            groups.push(Vec::new());
        }
        groups[g].push(i as u32);
    }
    groups
}
