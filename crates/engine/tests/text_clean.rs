//! Boilerplate removal: the seeds' junk goes, their content stays, and the
//! rules generalise to junk phrased differently without firing on prose.

use parallax_engine::clean::{clean_article, clean_corpus};
use parallax_engine::segment::segment_article;
use parallax_engine::source::{parse_seed_folder, SourceFile};
use parallax_engine::{Corpus, ParagraphKind, RemovalReason};

const SEEDS: &[(&str, &str)] = &[
    ("000_81f88f833ff57646", include_str!("../../../seeds/000_81f88f833ff57646.txt")),
    ("001_bfc1200b97cbf55b", include_str!("../../../seeds/001_bfc1200b97cbf55b.txt")),
    ("002_a1216f472dd9412b", include_str!("../../../seeds/002_a1216f472dd9412b.txt")),
    ("003_fbe121efbb17706c", include_str!("../../../seeds/003_fbe121efbb17706c.txt")),
    ("004_8140d1c521eaac2e", include_str!("../../../seeds/004_8140d1c521eaac2e.txt")),
];
const META: &str = include_str!("../../../seeds/corpus.toml");

fn seeds() -> Corpus {
    let files: Vec<SourceFile> = SEEDS
        .iter()
        .map(|(id, t)| SourceFile {
            path: format!("seeds/{id}.txt"),
            stem: id.to_string(),
            bytes: t.as_bytes().to_vec(),
        })
        .collect();
    Corpus::build(
        parse_seed_folder("seeds", Some(("seeds/corpus.toml", META.as_bytes())), &files).expect("seeds are valid"),
    )
}

/// Every removed line of the corpus, as text.
fn removed(c: &Corpus) -> Vec<(String, &str, RemovalReason)> {
    c.articles
        .iter()
        .flat_map(|a| a.removed.iter().map(move |r| (a.id().to_string(), a.slice(r.span), r.reason)))
        .collect()
}

fn kept_paragraphs(c: &Corpus) -> Vec<&str> {
    c.articles.iter().flat_map(|a| a.paragraphs.iter().map(move |p| a.slice(p.span))).collect()
}

#[test]
fn seed_junk_is_removed() {
    let c = seeds();
    let gone = removed(&c);
    let is_gone = |needle: &str| gone.iter().any(|(_, t, _)| t.contains(needle));
    for junk in [
        "Leave A Reply",
        "Please enter your comment!",
        "Please enter your name here",
        "Read more:",
        "Read Also:",
        "Crypto Fraudsters Breach YouTube Account",
        "The story continues below the ad",
        "Click to play video:",
        "Biden urges US allies to increase political pressure on China, Russia",
        "Despite Russia’s constant threat, Ukraine continues to negotiate with the West",
        "As Russia-Ukraine tensions simmer, here’s the latest on the crisis",
        "Related News",
        "Related Articles",
        "Recent Articles",
        "Back to top button",
        "ClareFora is a Interreviewed U.S. News Reporter",
        "source site-64",
        "https://globalnews.ca/news/8594859/",
        "Home Uncategorized",
    ] {
        assert!(is_gone(junk), "not removed: {junk:?}");
        assert!(!kept_paragraphs(&c).iter().any(|p| p.contains(junk)), "still kept: {junk:?}");
    }
    // Every "The story continues below the ad" (5 in 002) and every comment form.
    assert_eq!(gone.iter().filter(|(_, t, _)| *t == "The story continues below the ad").count(), 5);
    assert_eq!(gone.iter().filter(|(_, t, _)| *t == "Please enter your comment!").count(), 3);
    // Removed text keeps its place and its reason.
    let bio = gone.iter().find(|(_, t, _)| t.starts_with("ClareFora")).unwrap();
    assert_eq!(bio.2, RemovalReason::AuthorBio);
    let link = gone.iter().find(|(_, t, _)| t.starts_with("https://")).unwrap();
    assert_eq!(link.2, RemovalReason::SourceLink);
    for a in &c.articles {
        for w in a.removed.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "removed spans in text order");
        }
        for r in &a.removed {
            assert!(!a.paragraphs.iter().any(|p| p.span.overlaps(r.span)), "removed overlaps kept text");
        }
    }
}

#[test]
fn seed_content_is_kept() {
    let c = seeds();
    let kept = kept_paragraphs(&c);
    let has = |needle: &str| kept.iter().any(|p| p.contains(needle));
    for content in [
        "Against AUKUS and NATO",
        "“Unprecedented Closeness”",
        "Support for Putin, wanted by the ICC",
        "energy agreement",
        "– Reporting by Andrew Osborn in Moscow",
        "Source: The Australian",
        "“Once the project reaches full capacity",
        "they point out",
        "“The parties believe that the defense of democracy",
        "There was no immediate comment from the White House",
        "Putin also stated that Russia has been providing highly sensitive military technologies",
        "Moscow and Beijing have strengthened their cooperation in recent years",
    ] {
        assert!(has(content), "content removed: {content:?}");
    }
    // Every body paragraph of every seed is kept: a paragraph of two or
    // more sentences is never boilerplate here.
    for (id, text) in SEEDS {
        let a = c.article(id).unwrap();
        for line in text.lines().map(str::trim).filter(|l| l.len() > 200) {
            if line.contains("ClareFora") || line.starts_with("https://") {
                continue;
            }
            assert!(a.paragraphs.iter().any(|p| a.slice(p.span) == line), "{id}: lost paragraph {line:.60}");
        }
    }
    // Headings are typed as headings, titles as titles.
    let a = c.article("001_bfc1200b97cbf55b").unwrap();
    let kind_of = |t: &str| a.paragraphs.iter().find(|p| a.slice(p.span) == t).map(|p| p.kind);
    assert_eq!(kind_of("Against AUKUS and NATO"), Some(ParagraphKind::Heading));
    assert_eq!(kind_of("Russia and China against the United States in Europe and Asia"), Some(ParagraphKind::Title));
    // The headline of 004 survives its breadcrumb duplicate.
    let d = c.article("004_8140d1c521eaac2e").unwrap();
    assert_eq!(
        d.slice(d.paragraphs[0].span),
        "China and Russia Make Pointed Statements Towards US in Pre-Olympics Summit"
    );
}

/// Kept and removed lines of a synthetic article.
fn verdicts(text: &str) -> (Vec<&str>, Vec<(&str, RemovalReason)>) {
    let lines = clean_article(text);
    let kept = lines.iter().filter(|l| l.removed.is_none()).map(|l| &text[l.span.range()]).collect();
    let gone = lines.iter().filter_map(|l| l.removed.map(|r| (&text[l.span.range()], r))).collect();
    (kept, gone)
}

const PROSE: &str = "The ministers met in Geneva on Monday to discuss the ceasefire, officials said, and agreed to meet again next week.";
const PROSE2: &str = "Both delegations described the talks as constructive, although no joint statement was issued at the end of the day.";
const PROSE3: &str =
    "Analysts said the outcome would depend on whether the two sides could agree on a timetable for the withdrawal.";

fn article(lines: &[&str]) -> String {
    lines.join("\n\n")
}

#[test]
fn rules_generalise_to_other_junk() {
    let text = article(&[
        "Ceasefire talks resume in Geneva",
        PROSE,
        "Sign up for our newsletter",
        "Share this article",
        PROSE2,
        "Advertisement",
        "Continue reading below",
        "Watch: Ministers arrive for the Geneva talks",
        "Ministers arrive for the Geneva talks",
        PROSE3,
        "Related: What the ceasefire means for the region",
        "Also read: Five things to know about the talks",
        "Follow us on Twitter",
        "Anna Berg is a correspondent based in Geneva who covers diplomacy and trade. Write to her at anna.berg@example.org.",
        "Share on Facebook",
        "Click here to subscribe",
    ]);
    let (kept, gone) = verdicts(&text);
    assert_eq!(kept, vec!["Ceasefire talks resume in Geneva", PROSE, PROSE2, PROSE3], "removed: {gone:?}");
    let reason = |t: &str| gone.iter().find(|(g, _)| *g == t).map(|g| g.1);
    assert_eq!(reason("Watch: Ministers arrive for the Geneva talks"), Some(RemovalReason::Teaser));
    assert_eq!(reason("Ministers arrive for the Geneva talks"), Some(RemovalReason::Teaser));
    assert_eq!(reason("Advertisement"), Some(RemovalReason::PageChrome));
    assert!(matches!(
        reason("Anna Berg is a correspondent based in Geneva who covers diplomacy and trade. Write to her at anna.berg@example.org."),
        Some(RemovalReason::AuthorBio)
    ));
}

#[test]
fn source_links_and_breadcrumbs_generalise() {
    let text = article(&[
        "http: / / www. example. com / 2013 / 05 / 03 / ceasefire - talks",
        "Ceasefire talks resume in Geneva",
        "May 03, 2013",
        PROSE,
        PROSE2,
    ]);
    let (kept, gone) = verdicts(&text);
    assert_eq!(
        gone,
        vec![("http: / / www. example. com / 2013 / 05 / 03 / ceasefire - talks", RemovalReason::SourceLink)]
    );
    assert_eq!(kept[1], "May 03, 2013", "a dateline stays");

    let text = article(&[
        "World News Europe Ceasefire talks resume in Geneva today",
        "Ceasefire talks resume in Geneva today",
        PROSE,
    ]);
    let (kept, gone) = verdicts(&text);
    assert_eq!(gone[0].1, RemovalReason::Breadcrumb);
    assert_eq!(kept, vec!["Ceasefire talks resume in Geneva today", PROSE]);
}

#[test]
fn rules_do_not_fire_on_prose() {
    let lines = [
        "Ceasefire talks resume in Geneva",
        PROSE,
        "He declined to comment on the reply.",
        "Related issues in Asia",
        "Read the full statement, the spokesman told reporters, before you comment on it.",
        "Share prices in Moscow fell sharply after the announcement, and the rouble lost ground against the dollar.",
        "The talks could not continue below the level of ministers, a diplomat said.",
        "“Leave it to the negotiators,” the minister said when asked for his reply.",
        PROSE2,
        "Watch the border closely, the general warned his troops, because the ceasefire is fragile.",
        PROSE3,
        "The agency said questions could be sent by e-mail to press@example.org, but few journalists did, and the talks went on.",
        PROSE,
    ];
    let text = article(&lines);
    let (kept, gone) = verdicts(&text);
    // The last PROSE repeats the first verbatim, but it is long: not "repeated".
    assert!(gone.is_empty(), "prose removed: {gone:?}");
    assert_eq!(kept, lines.to_vec());
}

#[test]
fn corpus_wide_repetition_needs_ui_words() {
    // A subhead two articles share stays; a shared form line goes.
    let a = article(&["First headline about talks", PROSE, "energy agreement", PROSE2, "Post your thoughts here"]);
    let b = article(&[
        "Second headline about talks",
        PROSE3,
        "energy agreement",
        PROSE2.replace("end", "close").as_str(),
        "Post your thoughts here",
    ]);
    let texts = [a.as_str(), b.as_str()];
    let out = clean_corpus(&texts);
    for (t, lines) in texts.iter().zip(&out) {
        let gone: Vec<&str> = lines.iter().filter(|l| l.removed.is_some()).map(|l| &t[l.span.range()]).collect();
        assert_eq!(gone, vec!["Post your thoughts here"], "in {t:.30}");
    }
}

#[test]
fn repeated_lines() {
    let text = article(&[
        "Headline of the day",
        "The gun has not been recovered.",
        PROSE,
        "Geneva bureau report",
        PROSE2,
        "The gun has not been recovered.",
        "Geneva bureau report",
        PROSE3,
    ]);
    let (kept, gone) = verdicts(&text);
    assert_eq!(kept, vec!["Headline of the day", "The gun has not been recovered.", PROSE, PROSE2, PROSE3]);
    assert_eq!(
        gone,
        vec![
            ("Geneva bureau report", RemovalReason::Repeated),
            ("The gun has not been recovered.", RemovalReason::Repeated),
            ("Geneva bureau report", RemovalReason::Repeated),
        ]
    );
}

#[test]
fn empty_and_junk_only_articles() {
    assert!(clean_article("").is_empty());
    assert!(clean_article("\n\n  \r\n").is_empty());
    let (kept, gone) = verdicts("Leave A Reply\n\nPlease enter your comment!\nPlease enter your name here");
    // The first line counts as the headline slot but is still chrome.
    assert_eq!(gone.len(), 3, "kept: {kept:?}");
}

#[test]
fn an_address_or_a_name_in_a_sentence_is_no_bio() {
    // pySBD's golden rule 22 after a lead: content, not a bio.
    let text = article(&[
        "Ceasefire talks resume in Geneva",
        PROSE,
        "Her email is Jane.Doe@example.com. I sent her an email.",
    ]);
    let (kept, gone) = verdicts(&text);
    assert!(gone.is_empty(), "removed: {gone:?}");
    assert_eq!(kept.len(), 3);
    for closing in [
        "Anyone with information is asked to contact him at the police station or by e-mail at tips@example.org.",
        "Anna Berg, the mayor, said she would follow the vote on television.",
        "Questions can be sent to press@example.org, the ministry said.",
    ] {
        let text = article(&["Ceasefire talks resume in Geneva", PROSE, closing]);
        let (_, gone) = verdicts(&text);
        assert!(gone.is_empty(), "removed: {gone:?}");
    }
    // A real bio and a contact line still go.
    let text = article(&[
        "Ceasefire talks resume in Geneva",
        PROSE,
        "Jane Doe is a staff reporter covering city hall. Reach her at jane.doe@example.com.",
    ]);
    let (_, gone) = verdicts(&text);
    assert_eq!(gone.len(), 1, "{gone:?}");
    assert_eq!(gone[0].1, RemovalReason::AuthorBio);
}

#[test]
fn furniture_sentences_go_and_prose_about_them_stays() {
    let furniture = [
        "Support local journalism. Subscribe to The Valley Gazette today.",
        "Sign up for our morning newsletter to get the day's top stories delivered to your inbox.",
        "© 2024 Valley Gazette Media. All rights reserved.",
        "This story has not been edited by Valley Gazette staff and is auto-generated from a syndicated feed.",
        "We use cookies to personalise content. By continuing to use this site you agree to our cookie policy.",
        "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    ];
    let prose = [
        "He urged readers to support local journalism by buying the paper, the editor said.",
        "The company said all subscribers would get a refund, and the newsletter would resume in May.",
        "The court ruled that the copyright belonged to the photographer, not the magazine.",
        "Residents can sign up for emergency alerts on the county website, officials said.",
    ];
    let mut lines = vec!["Ceasefire talks resume in Geneva", PROSE];
    for (f, p) in furniture.iter().zip(prose.iter().chain(std::iter::repeat(&PROSE2))) {
        lines.push(f);
        lines.push(p);
    }
    lines.push(PROSE3);
    let text = article(&lines);
    let (kept, gone) = verdicts(&text);
    for f in furniture {
        assert!(gone.iter().any(|(g, r)| *g == f && *r == RemovalReason::Furniture), "kept: {f:?}");
    }
    for p in prose {
        assert!(kept.contains(&p), "removed: {p:?}");
    }
    assert_eq!(gone.len(), furniture.len(), "{gone:?}");
}

#[test]
fn furniture_at_the_edge_of_a_paragraph_goes_alone() {
    let text = article(&[
        "Ceasefire talks resume in Geneva",
        PROSE,
        "The talks resume on Monday. Sign up for our newsletter to get the latest news delivered to your inbox.",
        "Support local journalism. Both sides said they were ready to sign. Subscribe today.",
        PROSE2,
    ]);
    let seg = segment_article(&text, &clean_article(&text));
    let kept: Vec<&str> = seg.paragraphs.iter().map(|p| &text[p.span.range()]).collect();
    assert_eq!(
        kept,
        vec![
            "Ceasefire talks resume in Geneva",
            PROSE,
            "The talks resume on Monday.",
            "Both sides said they were ready to sign.",
            PROSE2
        ]
    );
    let gone: Vec<(&str, RemovalReason)> = seg.removed.iter().map(|r| (&text[r.span.range()], r.reason)).collect();
    let f = RemovalReason::Furniture;
    assert_eq!(
        gone,
        vec![
            ("Sign up for our newsletter to get the latest news delivered to your inbox.", f),
            ("Support local journalism.", f),
            ("Subscribe today.", f)
        ]
    );
    let sentences: Vec<&str> = seg.sentences.iter().map(|(s, _)| &text[s.range()]).collect();
    assert!(!sentences
        .iter()
        .any(|s| s.starts_with("Sign up") || s.starts_with("Support") || s.starts_with("Subscribe")));
}

#[test]
fn a_closing_list_is_content_not_a_trailer() {
    let text = article(&[
        "Saints practice report",
        PROSE,
        "Did Not Practice:",
        "S Malcolm Ortiz (knee)",
        "TE Jim Grant (ankle)",
        "Limited:",
        "TE Dave Tomas (knee)",
        "LB Dan Clarke (hamstring)",
    ]);
    let (kept, gone) = verdicts(&text);
    assert!(gone.is_empty(), "{gone:?}");
    assert_eq!(kept.len(), 8);
    // A lone label with nothing after it is still a trailer.
    let text = article(&["Phone review", PROSE, "Official specs after the jump:"]);
    let (_, gone) = verdicts(&text);
    assert_eq!(gone, vec![("Official specs after the jump:", RemovalReason::Trailer)]);
}
