//! The actor model: who a corpus names, found in its text, with no list
//! of the corpus's actors.
//!
//! * States come from a gazetteer (`data/countries.txt`, made from the
//!   `world-countries` package, ODbL 1.0, by `scripts/gen_countries.py`):
//!   names, alternate names, demonyms ("Russian", "Russians") and
//!   capitals as metonyms ("Moscow").
//! * People are runs of capitalised name words after any titles
//!   ("Chinese President Xi Jinping" is Xi Jinping, affiliated with China);
//!   organisations are runs ending in a head noun ("… Agency", "… Party");
//!   acronyms defined in the text ("Environmental Protection Agency
//!   (EPA)") join their long form.
//! * Variants are merged across the corpus: a single name word after the
//!   full name ("Putin" -> Vladimir Putin, the latest such person in the
//!   article, else the only one in the corpus), an acronym to its long
//!   form, a demonym or capital to its state.
//! * Groups ("the two leaders", "both countries") are resolved to the two
//!   actors of that kind the article names most before the group.
//! * An acronym never defined in parentheses joins the one organisation
//!   or state whose initials it is ("EU" after "European Union").
//!
//! Deterministic: actors are numbered in order of first mention.

mod corpus;
mod gazetteer;
mod groups;
mod recognise;
#[cfg(test)]
mod tests;
mod words;

use serde::Serialize;

use crate::model::Corpus;

pub(crate) use words::WEEKDAYS;

/// Whether `name` is titles alone ("President", "Press Secretary"): how a
/// text refers to a person, not a name.
pub(crate) fn is_title_only(name: &str) -> bool {
    name.split([' ', '-'])
        .filter(|w| !w.is_empty())
        .all(|w| words::is_in(words::TITLES, &w.to_lowercase()) || w.eq_ignore_ascii_case("press"))
}

/// What kind of actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A state, named by name, demonym or capital.
    State,
    /// A person.
    Person,
    /// An organisation (or an acronym no state name explains).
    Organisation,
}

/// One actor of a corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Actor {
    /// Its name: the state's common name, a person's fullest name, an
    /// organisation's long form.
    pub name: String,
    /// State, person or organisation.
    pub kind: ActorKind,
    /// The state a person or an organisation is tied to by a title or a
    /// name part ("Chinese President", "Russian Foreign Ministry"): an
    /// index into [`ActorModel::actors`].
    pub affiliation: Option<u32>,
    /// The forms the corpus names it by, most frequent first.
    pub variants: Vec<String>,
    /// How many times it is named (groups not counted).
    pub mentions: u32,
}

/// One mention of an actor: words `start..end` (token indices of the
/// article) of one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ActorMention {
    /// The sentence's index in the article.
    pub sentence: u32,
    /// First token (article-wide index).
    pub start: u32,
    /// One past the last token.
    pub end: u32,
    /// The actor: an index into [`ActorModel::actors`].
    pub actor: u32,
    /// Through a group ("the two leaders"), resolved to this actor.
    pub group: bool,
}

/// The actors of a corpus and where each article names them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ActorModel {
    /// The actors, in order of first mention.
    pub actors: Vec<Actor>,
    /// Per article (corpus order), its mentions in text order; a group
    /// gives one mention per actor it stands for.
    pub mentions: Vec<Vec<ActorMention>>,
}

impl ActorModel {
    /// Finds the actors of `corpus`.
    pub fn find(corpus: &Corpus) -> ActorModel {
        corpus::find(corpus)
    }

    /// The mentions of sentence `sentence` of article `article`.
    pub fn in_sentence(&self, article: usize, sentence: u32) -> &[ActorMention] {
        let Some(list) = self.mentions.get(article) else { return &[] };
        let from = list.partition_point(|m| m.sentence < sentence);
        let to = list.partition_point(|m| m.sentence <= sentence);
        &list[from..to]
    }

    /// The actor named `name` (its name or any variant, case-insensitive).
    pub fn lookup(&self, name: &str) -> Option<u32> {
        let name = name.to_lowercase();
        let hit = |a: &Actor| a.name.to_lowercase() == name || a.variants.iter().any(|v| v.to_lowercase() == name);
        self.actors.iter().position(hit).map(|i| i as u32)
    }
}
