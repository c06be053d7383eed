//! How rare a concept is, per series: a concept's evidence is its IDF
//! over the sentences of its own article's series (an outlet or
//! collection with `series_min_sentences` sentences or more), or else over
//! the sentences of all the articles without such a series.
//!
//! So adding articles of other series changes no article's weights: a
//! topic word of one collection does not turn rare, and the bar of a link
//! does not fall, because unrelated articles were added beside it.

use super::concepts::ConceptMap;
use super::config::PassageConfig;
use crate::model::Corpus;

/// The sentence frequency of each concept per group of articles.
pub(super) struct Rarity {
    /// Per article, its group (0: the articles without a large series).
    group: Vec<u32>,
    /// Per group, its number of sentences and each concept's frequency.
    groups: Vec<(usize, Vec<u32>)>,
}

impl Rarity {
    /// The groups of `corpus` and their frequencies; `raw` holds each
    /// global sentence's distinct concepts, `owner` its (article, sentence).
    pub(super) fn new(
        corpus: &Corpus,
        cmap: &ConceptMap,
        raw: &[Vec<(u32, bool)>],
        owner: &[(u32, u32)],
        cfg: &PassageConfig,
    ) -> Rarity {
        // Sentences per series, in order of first appearance.
        let mut names: Vec<&str> = Vec::new();
        let mut sizes: Vec<usize> = Vec::new();
        let series: Vec<Option<usize>> = corpus
            .articles
            .iter()
            .map(|a| {
                let name = a.meta.outlet.as_deref()?;
                let k = names.iter().position(|&x| x == name).unwrap_or_else(|| {
                    names.push(name);
                    sizes.push(0);
                    names.len() - 1
                });
                sizes[k] += a.sentences.len();
                Some(k)
            })
            .collect();
        // Large series get groups 1, 2, ...
        let mut number = vec![0u32; names.len()];
        let mut next = 1;
        for (k, &s) in sizes.iter().enumerate() {
            if s >= cfg.series_min_sentences {
                number[k] = next;
                next += 1;
            }
        }
        let group: Vec<u32> = series.iter().map(|s| s.map_or(0, |k| number[k])).collect();
        let nc = cmap.concept_count as usize;
        let mut groups: Vec<(usize, Vec<u32>)> = vec![(0, Vec::new()); next as usize];
        for (g, s) in raw.iter().enumerate() {
            let (n, df) = &mut groups[group[owner[g].0 as usize] as usize];
            if df.is_empty() {
                df.resize(nc, 0);
            }
            *n += 1;
            for &(c, _) in s {
                df[c as usize] += 1;
            }
        }
        Rarity { group, groups }
    }

    /// The number of sentences of article `article`'s group, and how many
    /// of them have concept `c`.
    pub(super) fn df(&self, article: u32, c: u32) -> (usize, u32) {
        let (n, df) = &self.groups[self.group[article as usize] as usize];
        (*n, df.get(c as usize).copied().unwrap_or(0))
    }

    /// The IDF of concept `c` in the group of article `article`.
    pub(super) fn idf(&self, article: u32, c: u32) -> f32 {
        let (n, d) = self.df(article, c);
        super::matcher::idf(n, d)
    }
}
