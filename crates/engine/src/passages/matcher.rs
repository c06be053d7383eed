//! The sentences of a corpus as matching sees them: each a set of concepts
//! (see [`ConceptMap`]) in text order, with quotation flags and clause
//! numbers, weighed by their IDF over the corpus' sentences (more inside
//! quotation marks), and their features for scoring (see [`Feat`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::concepts::ConceptMap;
use super::config::PassageConfig;
use super::feat::{build, passes, score_pair, Feat};
use super::rarity::Rarity;
use super::specifics::{mark_names, table_like};
use crate::model::{Article, Corpus, Sentence, Span, Token};

/// The sentences of a corpus as matching sees them; also answers "how
/// similar are these two sentences?" (for explanations and tests).
pub struct Matcher<'c> {
    pub(super) corpus: &'c Corpus,
    pub(super) cfg: PassageConfig,
    pub(super) cmap: ConceptMap,
    /// Global sentence number -> (article, sentence).
    pub(super) owner: Vec<(u32, u32)>,
    /// Article -> global number of its first sentence.
    pub(super) first: Vec<usize>,
    pub(super) feats: Vec<Feat>,
    /// Per sentence, in text order: (concept, quoted) and clause numbers.
    pub(super) occurrences: Vec<Vec<(u32, bool)>>,
    pub(super) clauses: Vec<Vec<u32>>,
    /// Sentence frequency of each synonym class.
    pub(super) class_df: BTreeMap<u32, u32>,
    /// Concept weights per series (see `rarity.rs`).
    pub(super) rarity: Rarity,
}

/// A sentence pair's similarity, see [`Matcher::score`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairScore {
    /// IDF-weighted containment of the lighter sentence (0..1).
    pub score: f32,
    /// Matched evidence (sum of IDF).
    pub weight: f32,
    /// Matched concepts.
    pub shared: u32,
    /// Matched concepts other than actors' names and generic words.
    pub distinct: u32,
    /// Whether it passes the thresholds.
    pub linked: bool,
}

/// One sentence's concepts: in text order `(concept, quoted)` with their
/// clause numbers, and the distinct ones (quoted if any occurrence is).
type SentenceConcepts = (Vec<(u32, bool)>, Vec<u32>, Vec<(u32, bool)>);

impl<'c> Matcher<'c> {
    /// The sentences of `corpus`, weighed and ready to score with `cfg`.
    pub fn new(corpus: &'c Corpus, cfg: &PassageConfig) -> Matcher<'c> {
        let mut cmap = ConceptMap::new(corpus);
        mark_names(&mut cmap, corpus);
        let mut owner: Vec<(u32, u32)> = Vec::new();
        let mut first = Vec::with_capacity(corpus.articles.len());
        let mut raw: Vec<Vec<(u32, bool)>> = Vec::new();
        // Per sentence, in text order: (concept, quoted) and clause numbers.
        let mut occurrences: Vec<Vec<(u32, bool)>> = Vec::new();
        let mut clauses: Vec<Vec<u32>> = Vec::new();
        // Per article (in parallel with the `parallel` feature), per
        // sentence: its concepts.
        let per_article: Vec<Vec<SentenceConcepts>> = crate::par::map(&corpus.articles, |art| {
            art.sentences.iter().map(|sent| sentence_concepts(&cmap, art, sent)).collect()
        });
        for (ai, sentences) in per_article.into_iter().enumerate() {
            first.push(owner.len());
            for (si, (occ, cls, d)) in sentences.into_iter().enumerate() {
                occurrences.push(occ);
                clauses.push(cls);
                owner.push((ai as u32, si as u32));
                raw.push(d);
            }
        }
        let n = raw.len();
        // Sentence frequency of synonym classes.
        let mut class_df: BTreeMap<u32, u32> = BTreeMap::new();
        for s in &raw {
            let mut cls: Vec<u32> = Vec::new();
            for &(c, _) in s {
                cls.extend_from_slice(&cmap.classes[c as usize]);
            }
            crate::sort::numbers(&mut cls);
            cls.dedup();
            for c in cls {
                *class_df.entry(c).or_insert(0) += 1;
            }
        }
        mark_topic_words(&mut cmap, &raw, &owner, corpus.articles.len(), cfg);
        let rarity = Rarity::new(corpus, &cmap, &raw, &owner, cfg);
        let global: Vec<usize> = (0..n).collect();
        let feats: Vec<Feat> = crate::par::map(&global, |&g| {
            let a = owner[g].0;
            let weight = |c: u32, q: bool| rarity.idf(a, c) * if q { cfg.quote_weight } else { 1.0 };
            build(&occurrences[g], &clauses[g], &weight, &cmap, cfg.window_min_concepts)
        });
        Matcher { corpus, cfg: cfg.clone(), cmap, owner, first, feats, occurrences, clauses, class_df, rarity }
    }

    /// The global number of sentence `sentence` of article `article`, if
    /// there is one.
    pub(super) fn global(&self, article: usize, sentence: usize) -> Option<usize> {
        let f = *self.first.get(article)?;
        let len = self.corpus.articles[article].sentences.len();
        (sentence < len).then_some(f + sentence)
    }

    /// The features of global sentences `lo` and `lo + 1` together.
    pub(super) fn union(&self, lo: usize) -> Feat {
        let a = self.owner[lo].0;
        let weight = |c: u32, q: bool| self.rarity.idf(a, c) * if q { self.cfg.quote_weight } else { 1.0 };
        let mut occ = self.occurrences[lo].clone();
        occ.extend_from_slice(&self.occurrences[lo + 1]);
        let off = self.clauses[lo].last().map_or(0, |c| c + 1);
        let mut cl = self.clauses[lo].clone();
        cl.extend(self.clauses[lo + 1].iter().map(|c| c + off));
        build(&occ, &cl, &weight, &self.cmap, self.cfg.window_min_concepts)
    }

    /// The concepts of a sentence with their weights, `*` marking the
    /// generic ones (actors' names, news words): for debugging and tests.
    pub fn explain(&self, a: usize, sa: usize) -> Option<String> {
        let x = self.global(a, sa)?;
        let nv = self.corpus.vocab.len();
        let names: Vec<String> = self.feats[x]
            .concepts
            .iter()
            .map(|&(c, w)| {
                let name = if (c as usize) < nv { self.corpus.vocab[c as usize].clone() } else { format!("@{c}") };
                format!("{name}{}:{w:.1}", if self.cmap.is_generic(c) { "*" } else { "" })
            })
            .collect();
        Some(names.join(" "))
    }

    /// Similarity of sentence `sa` of article `a` and `sb` of `b` (indices
    /// into `Corpus::articles` and `Article::sentences`); `None` when out of
    /// range.
    pub fn score(&self, a: usize, sa: usize, b: usize, sb: usize) -> Option<PairScore> {
        let (x, y) = (self.global(a, sa)?, self.global(b, sb)?);
        let link = self.cfg.link_bar();
        let s = score_pair(&self.feats[x], &self.feats[y], &self.cmap, &link);
        Some(PairScore {
            score: s.score,
            weight: s.weight,
            shared: s.shared as u32,
            distinct: s.distinct as u32,
            linked: passes(s, &link),
        })
    }
}

/// The concepts of sentence `sent` of `art` (see [`SentenceConcepts`]).
fn sentence_concepts(cmap: &ConceptMap, art: &Article, sent: &Sentence) -> SentenceConcepts {
    let f = sent.first_token as usize;
    let count = sent.token_count as usize;
    let prose = f + count <= art.tokens.len() && !table_like(art, sent);
    let concepts = if prose { cmap.concepts(art, f, count) } else { Vec::new() };
    let toks = art.tokens.get(f..f + count).unwrap_or(&[]);
    let q = quoted_flags(&art.text, toks, sent.span);
    let cl = clause_ids(&art.text, toks);
    let cls: Vec<u32> = concepts.iter().map(|&(ti, _)| cl.get(ti - f).copied().unwrap_or(0)).collect();
    let occ: Vec<(u32, bool)> = concepts.iter().map(|&(ti, c)| (c, q.get(ti - f).copied().unwrap_or(false))).collect();
    let mut v = occ.clone();
    crate::sort::numbers(&mut v);
    // Keep one entry per concept, quoted if any occurrence is.
    let mut d: Vec<(u32, bool)> = Vec::with_capacity(v.len());
    for (c, qq) in v {
        match d.last_mut() {
            Some(l) if l.0 == c => l.1 |= qq,
            _ => d.push((c, qq)),
        }
    }
    (occ, cls, d)
}

/// Topic words: a concept nearly every article uses names the event, not
/// a passage (with four or more articles): marked generic in `cmap`.
/// `raw` holds each global sentence's distinct concepts, `owner` its
/// (article, sentence).
fn mark_topic_words(
    cmap: &mut ConceptMap,
    raw: &[Vec<(u32, bool)>],
    owner: &[(u32, u32)],
    arts: usize,
    cfg: &PassageConfig,
) {
    if arts < 4 {
        return;
    }
    let mut art_df = vec![0u32; cmap.concept_count as usize];
    let mut seen = vec![u32::MAX; cmap.concept_count as usize];
    for (g, s) in raw.iter().enumerate() {
        let a = owner[g].0;
        for &(c, _) in s {
            if seen[c as usize] != a {
                seen[c as usize] = a;
                art_df[c as usize] += 1;
            }
        }
    }
    for (c, &d) in art_df.iter().enumerate() {
        if d as f32 >= cfg.topic_share * arts as f32 {
            cmap.mark_generic(c as u32);
        }
    }
}

/// Byte spans inside quotation marks, per sentence (as token flags).
fn quoted_flags(text: &str, tokens: &[Token], span: Span) -> Vec<bool> {
    let s = text.get(span.range()).unwrap_or("");
    let base = span.start as usize;
    let mut regions: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, ch) in s.char_indices() {
        match ch {
            '“' | '«' | '„' => open = Some(i),
            '”' | '»' => {
                if let Some(o) = open.take() {
                    regions.push((base + o, base + i));
                }
            }
            '"' => match open.take() {
                Some(o) => regions.push((base + o, base + i)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    tokens
        .iter()
        .map(|t| regions.iter().any(|&(a, b)| a < t.span.start as usize && (t.span.end as usize) <= b))
        .collect()
}

/// Words that open a new clause.
const CLAUSE_WORDS: &[&str] = &["and", "but", "while", "whereas", "which", "who", "although", "though", "because"];

/// Clause number of each token: a clause ends at , ; : ( ) dashes and
/// quotation marks, and before a conjunction or relative pronoun.
fn clause_ids(text: &str, toks: &[Token]) -> Vec<u32> {
    let mut out = Vec::with_capacity(toks.len());
    let mut id = 0u32;
    for (k, t) in toks.iter().enumerate() {
        if k > 0 {
            let gap = text.get(toks[k - 1].span.end as usize..t.span.start as usize).unwrap_or("");
            let punct =
                gap.chars().any(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '–' | '—' | '"' | '“' | '”' | '«' | '»'));
            let word = text.get(t.span.range()).unwrap_or("");
            if punct || CLAUSE_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
                id += 1;
            }
        }
        out.push(id);
    }
    out
}

/// The inverse document frequency of a concept found in `d` of `n`
/// sentences.
pub(super) fn idf(n: usize, d: u32) -> f32 {
    ((1.0 + n as f32) / (0.5 + d as f32)).ln().max(0.0)
}
