//! The command line's arguments: the commands and, for each, the options
//! it accepts (clap derive). An option a command does not take, or an
//! unknown one, ends the run with exit code 2 and a message naming it;
//! `--help` on any command prints its help and exits 0.

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use crate::facets::{FacetsArgs, FilterArgs};

/// parallax — one event, many reports: the explorer's analysis as JSON.
#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    args_override_self = true,
    after_help = "PATH is a seeds folder (default seeds/) or a JSON-lines file in passim's format.\n\
                  Byte offsets index each article's original text."
)]
pub struct Cli {
    /// Where the corpus and the lexicon are; accepted by every command.
    #[command(flatten)]
    pub common: Common,
    /// What to print.
    #[command(subcommand)]
    pub command: Command,
}

/// The options every command accepts, before or after its name.
#[derive(Debug, Args)]
pub struct Common {
    /// A seeds folder (*.txt + corpus.toml) or a JSON-lines file (one
    /// {"id", "text", "title"?, "series"?, "date"?} a line) [default: seeds/]
    #[arg(long, global = true, value_name = "PATH", allow_hyphen_values = true)]
    corpus: Option<PathBuf>,
    /// The stance lexicon (actors, issues) [default: lexicon.toml in the
    /// corpus folder if there is one, else the lexicon found in the text]
    #[arg(long, global = true, value_name = "PATH", allow_hyphen_values = true)]
    pub lexicon: Option<PathBuf>,
    /// Ignore any lexicon.toml: actors and issues found in the text only
    #[arg(long, global = true, conflicts_with = "lexicon")]
    pub no_lexicon: bool,
    /// JSON output (the default)
    #[arg(long, global = true)]
    pub json: bool,
}

impl Common {
    /// The corpus path: `--corpus`, else `seeds`.
    pub fn corpus(&self) -> &Path {
        self.corpus.as_deref().unwrap_or(Path::new("seeds"))
    }
}

/// The commands, each with the options only it takes.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The parsed corpus: articles, paragraphs, sentences, removed boilerplate
    #[command(args_override_self = true)]
    Corpus,
    /// Actor × issue stances of the articles a filter selects (all by
    /// default): [{actor, issue, stance, evidence: [{article, cue, date,
    /// end, outlet, sentence, stance, start, title}]}]
    #[command(args_override_self = true)]
    Stances {
        /// Stances as CSV (RFC 4180, UTF-8 with a byte order mark), one row
        /// per evidence sentence: actor, issue, stance, sentence, cue,
        /// outlet, date, title, article, start, end
        #[arg(long)]
        csv: bool,
        /// The articles to take stances from.
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Passages shared by two articles: [{a, b: {article, start, end}, score, tier: copied | reworded}]
    /// (byte offsets into the original text; a before b in id order)
    #[command(args_override_self = true)]
    Passages {
        /// Passages carried by three or more articles instead:
        /// [{id, articles, members: [{article, start, end, text}]}]
        #[arg(long, conflicts_with = "rows")]
        clusters: bool,
        /// Each pair as the pair view lays it out instead: [{a, b, items:
        /// [{row: {id, a, b, passages, score, placement, copied, same,
        /// marks: {a, b}}} | {gap: {a, b}}]}] (sides as [{first, end, start,
        /// stop}]: sentences first..end, bytes start..stop)
        #[arg(long)]
        rows: bool,
        /// With --rows: only this pair (two article ids, comma-separated)
        #[arg(long, value_name = "A,B", requires = "rows")]
        pair: Option<String>,
    },
    /// Actors found in the text (no lexicon), most mentioned first:
    /// {actors: [{affiliation, kind, mentions, name, variants}]}
    #[command(args_override_self = true)]
    Actors {
        /// Also every mention: mentions: [{actor, article, end, group, start}]
        #[arg(long)]
        mentions: bool,
    },
    /// A stance lexicon found in the text (actors, and the issues stance
    /// cues govern), as TOML with counts in comments, to edit and save as
    /// lexicon.toml
    #[command(args_override_self = true)]
    Lexicon {
        /// Find it in the corpus (the only mode)
        #[arg(long)]
        discover: bool,
    },
    /// The articles a filter selects, in list order, and every facet value
    /// with its count: {total, articles: [ids], facets: {actors: [{key,
    /// label, count, selected}], issues, outlets, events, dates, shares, carries}}
    #[command(
        args_override_self = true,
        after_help = "Values of one facet are alternatives, different facets must all hold; \
                      \"unknown\" selects a missing outlet, event or date."
    )]
    Facets(FacetsArgs),
}
