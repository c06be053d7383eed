//! `parallax lexicon --discover`: a starting lexicon found in the text, as
//! TOML with counts in comments, for the user to edit.

use parallax_engine::stance::Discovered;

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML array of strings.
fn list(items: &[String]) -> String {
    let v: Vec<String> = items.iter().map(|s| quoted(s)).collect();
    format!("[{}]", v.join(", "))
}

/// The lexicon as TOML, `corpus` naming where it was found.
pub fn toml(found: &Discovered, corpus: &str) -> String {
    let mut out = String::new();
    out.push_str(&format!("# Stance lexicon found in the text of {corpus} by `parallax lexicon --discover`.\n"));
    out.push_str("# A starting point: rename, merge (move phrases or aliases), add, or delete entries,\n");
    out.push_str("# then save it as lexicon.toml next to the corpus. The format: seeds/lexicon.toml.\n");
    for (a, n) in found.lexicon.actors.iter().zip(&found.actor_mentions) {
        out.push_str(&format!("\n[[actor]]  # {n} mentions\nname = {}\n", quoted(&a.name)));
        if let Some(k) = &a.kind {
            out.push_str(&format!("kind = {}\n", quoted(k)));
        }
        out.push_str(&format!("aliases = {}\n", list(&a.aliases)));
    }
    for (i, n) in found.lexicon.issues.iter().zip(&found.issue_mentions) {
        out.push_str(&format!(
            "\n[[issue]]  # found {n} times as the target of a stance cue\nname = {}\n",
            quoted(&i.name)
        ));
        out.push_str(&format!("phrases = {}\n", list(&i.phrases)));
    }
    out
}
