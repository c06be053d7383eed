//! How many bytes each part of the page's bundle takes (postcard, as
//! compiled into the wasm), for the page's transfer-size budget (scripts/size.mjs).
//!
//!     cargo run --release -p parallax-cli --example bundle_sizes -- [CORPUS]
use std::path::PathBuf;

use parallax_engine::bundle::Bundle;

fn main() {
    let path = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "seeds".into()));
    let source = parallax_loader::load(&path).expect("corpus loads");
    let lexicon = parallax_loader::load_lexicon(&parallax_loader::lexicon_path(&path, None).expect("a lexicon.toml"))
        .expect("lexicon");
    let b = Bundle::build(source, lexicon);
    let size = |v: &dyn erased::Ser| v.size();
    let texts: usize = b.corpus.articles.iter().map(|a| a.text.len()).sum();
    let tokens: usize =
        b.corpus.articles.iter().map(|a| postcard::to_allocvec(&a.tokens_for_size()).unwrap().len()).sum();
    println!("whole bundle {}", postcard::to_allocvec(&b).unwrap().len());
    println!("corpus {} (texts {texts}, tokens {tokens})", size(&b.corpus));
    println!("lexicon {}", size(&b.lexicon));
    println!("statements {} ({} statements)", size(&b.statements), b.statements.len());
    println!(
        "passages {} ({} pairs, {} clusters)",
        size(&b.passages),
        b.passages.pairs.len(),
        b.passages.clusters.len()
    );
    println!("pairs {}", size(&b.pair_summaries));
    println!("facets {}", size(&b.facet_index));
}

mod erased {
    pub trait Ser {
        fn size(&self) -> usize;
    }
    impl<T: serde::Serialize> Ser for T {
        fn size(&self) -> usize {
            postcard::to_allocvec(self).map(|v| v.len()).unwrap_or(0)
        }
    }
}

trait TokensForSize {
    fn tokens_for_size(&self) -> Vec<(u32, u32, u32)>;
}
impl TokensForSize for parallax_engine::Article {
    fn tokens_for_size(&self) -> Vec<(u32, u32, u32)> {
        let mut end = 0;
        self.tokens
            .iter()
            .map(|t| {
                let r = (t.span.start - end, t.span.end - t.span.start, t.stem);
                end = t.span.end;
                r
            })
            .collect()
    }
}
