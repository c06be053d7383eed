//! `parallax actors`: the actors the engine finds in the corpus's text
//! (no lexicon), as JSON.

use parallax_engine::actors::{ActorKind, ActorModel};
use parallax_engine::Corpus;
use serde::Serialize;

/// One actor: `{"affiliation", "kind", "mentions", "name", "variants"}`.
#[derive(Serialize)]
struct ActorJson<'a> {
    affiliation: Option<&'a str>,
    kind: ActorKind,
    mentions: u32,
    name: &'a str,
    variants: &'a [String],
}

/// One mention: `{"actor", "article", "end", "group", "start"}`, byte
/// offsets into the article's original text.
#[derive(Serialize)]
struct MentionJson<'a> {
    actor: &'a str,
    article: &'a str,
    end: u32,
    group: bool,
    start: u32,
}

/// `{"actors": [...], "mentions"?: [...]}`.
#[derive(Serialize)]
pub struct ActorsJson<'a> {
    actors: Vec<ActorJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mentions: Option<Vec<MentionJson<'a>>>,
}

impl<'a> ActorsJson<'a> {
    /// The actors of `model` (found in `corpus`), most mentioned first,
    /// and every mention if `mentions`.
    pub fn new(corpus: &'a Corpus, model: &'a ActorModel, mentions: bool) -> Self {
        let name = |i: u32| model.actors.get(i as usize).map_or("", |a| a.name.as_str());
        let mut actors: Vec<ActorJson> = model
            .actors
            .iter()
            .map(|a| ActorJson {
                affiliation: a.affiliation.map(name),
                kind: a.kind,
                mentions: a.mentions,
                name: &a.name,
                variants: &a.variants,
            })
            .collect();
        actors.sort_by(|x, y| y.mentions.cmp(&x.mentions).then_with(|| x.name.cmp(y.name)));
        let mentions = mentions.then(|| {
            let mut out = Vec::new();
            for (a, list) in corpus.articles.iter().zip(&model.mentions) {
                for m in list {
                    let span = |t: u32| a.tokens.get(t as usize).map(|t| t.span);
                    let (Some(s), Some(e)) = (span(m.start), span(m.end.saturating_sub(1))) else { continue };
                    let article = a.id();
                    out.push(MentionJson { actor: name(m.actor), article, end: e.end, group: m.group, start: s.start });
                }
            }
            out
        });
        ActorsJson { actors, mentions }
    }
}
