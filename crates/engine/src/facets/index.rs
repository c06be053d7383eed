//! The build-time facet index: what each article mentions, shares and
//! carries, computed once into the bundle.

use serde::{Deserialize, Serialize};

use super::mentions::MentionMatcher;
use crate::lexicon::Lexicon;
use crate::model::Corpus;
use crate::passages::Passages;

/// Per article, what the facets need, computed once (see [`FacetIndex::build`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FacetIndex {
    /// Lexicon actors the article mentions (indices, ascending).
    pub actors: Vec<Vec<u16>>,
    /// Lexicon issues the article mentions (indices, ascending).
    pub issues: Vec<Vec<u16>>,
    /// Other articles it shares at least one passage with (ascending).
    pub shares: Vec<Vec<u32>>,
    /// Clusters (ids) it carries (ascending).
    pub carries: Vec<Vec<u32>>,
    /// Its words inside passages shared with any other article.
    pub shared_words: Vec<u32>,
}

impl FacetIndex {
    /// Mentions (the lexicon's actor aliases and issue phrases, matched as
    /// the stance extraction matches them, within a sentence), passage
    /// partners, clusters and shared words of every article.
    pub fn build(corpus: &Corpus, lexicon: &Lexicon, passages: &Passages) -> FacetIndex {
        let matcher = MentionMatcher::new(lexicon);
        let n = corpus.articles.len();
        let mut idx = FacetIndex {
            actors: Vec::with_capacity(n),
            issues: Vec::with_capacity(n),
            shares: vec![Vec::new(); n],
            carries: vec![Vec::new(); n],
            shared_words: vec![0; n],
        };
        for art in &corpus.articles {
            let (a, i) = matcher.mentions(corpus, art);
            idx.actors.push(a);
            idx.issues.push(i);
        }
        let mut shared_sentences: Vec<Vec<bool>> =
            corpus.articles.iter().map(|a| vec![false; a.sentences.len()]).collect();
        for p in &passages.pairs {
            let (a, b) = (p.a.article as usize, p.b.article as usize);
            if a >= n || b >= n || a == b {
                continue;
            }
            idx.shares[a].push(b as u32);
            idx.shares[b].push(a as u32);
            for side in [&p.a, &p.b] {
                let marks = &mut shared_sentences[side.article as usize];
                for s in side.sentences.start..side.sentences.end {
                    if let Some(m) = marks.get_mut(s as usize) {
                        *m = true;
                    }
                }
            }
        }
        for c in &passages.clusters {
            for &a in &c.articles {
                if let Some(list) = idx.carries.get_mut(a as usize) {
                    list.push(c.id);
                }
            }
        }
        for (ai, art) in corpus.articles.iter().enumerate() {
            crate::sort::ord(&mut idx.shares[ai]);
            idx.shares[ai].dedup();
            crate::sort::ord(&mut idx.carries[ai]);
            idx.carries[ai].dedup();
            idx.shared_words[ai] =
                shared_sentences[ai].iter().zip(&art.sentences).filter(|(m, _)| **m).map(|(_, s)| s.token_count).sum();
        }
        idx
    }
}
