//! Passage detection in the browser: parse a JSON-lines corpus, build it,
//! run `find_passages`, each as its own call so the page can time them.

use parallax_engine::passages::{find_passages, PassageConfig};
use parallax_engine::source::parse_jsonl;
use parallax_engine::Corpus;

/// Parses and builds the corpus; `Err` carries the diagnostics.
pub fn build(jsonl: &[u8]) -> Result<Corpus, String> {
    let source = parse_jsonl("corpus.jsonl", jsonl)
        .map_err(|d| d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"))?;
    Ok(Corpus::build(source))
}

/// `(pairs, clusters)` found in `corpus`.
pub fn passages(corpus: &Corpus) -> (usize, usize) {
    let p = find_passages(corpus, &PassageConfig::default());
    (p.pairs.len(), p.clusters.len())
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    pub struct Bench {
        corpus: parallax_engine::Corpus,
    }

    #[wasm_bindgen]
    impl Bench {
        /// Parses and builds the corpus (the JS side times this call).
        #[wasm_bindgen(constructor)]
        pub fn new(jsonl: &[u8]) -> Result<Bench, JsError> {
            super::build(jsonl).map(|corpus| Bench { corpus }).map_err(|e| JsError::new(&e))
        }

        pub fn articles(&self) -> u32 {
            self.corpus.articles.len() as u32
        }

        /// Runs `find_passages`; returns `[pairs, clusters]`.
        pub fn passages(&self) -> Vec<u32> {
            let (p, c) = super::passages(&self.corpus);
            vec![p as u32, c as u32]
        }
    }
}
