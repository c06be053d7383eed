#!/usr/bin/env python3
"""Scores the actor model (`parallax actors --mentions`) against the stance gold
(bench/gold/stances_*.toml): for each gold position, whether its actor is recognised in
its evidence sentence.

    python3 bench/score_actors.py --cli target/release/parallax --corpus seeds \
        --gold bench/gold/stances_seeds.toml
    python3 bench/score_actors.py --cli target/release/parallax \
        --corpus ../shared/corpora/ecbplus/ecbplus_docs.jsonl --gold bench/gold/stances_ecbplus.toml

The evidence sentence is the gold substring widened to the engine's sentences that overlap it
(`parallax corpus`). A position is found *strictly* when an actor mentioned there (by name,
variant or group) has the gold actor's name or a variant of it; *leniently* also when the gold
actor's affiliation, or an actor whose affiliation is the gold actor, is mentioned there
(Putin ~ Russia). Counts required positions, all positions, and the required positions whose actor the text
names (not a pronoun or a common noun: see `named`). The gold is read, never
written.
"""
import goldargs
import json
import subprocess
import sys
import tomllib
import pathlib


def norm(s):
    return " ".join(s.lower().replace("’", "'").split())


FUNCTION = {"the", "they", "he", "she", "we", "i", "it", "both", "each", "their", "his", "her", "our"}


def named(p):
    """Whether the gold actor is named in the text (a capitalised word not a pronoun or an
    article), not a pronoun or a common noun ("environmentalists"): what an actor model of
    names can find. Required positions only."""
    words = p.get("actor_text", "").replace("(", " ").split()
    return not p.get("optional") and any(w[:1].isupper() and w.lower() not in FUNCTION for w in words)


def main():
    args = goldargs.parser(("--misses", "print the positions not found")).parse_args()
    run = lambda *a: json.loads(subprocess.run([args.cli, *a, "--corpus", args.corpus, "--json"], check=True, capture_output=True).stdout)
    corpus = run("corpus")
    arts = {a["id"]: a for a in (corpus["articles"] if isinstance(corpus, dict) else corpus)}
    model = run("actors", "--mentions")
    actors = {a["name"]: a for a in model["actors"]}
    names = {n: {norm(n)} | {norm(v) for v in a["variants"]} for n, a in actors.items()}
    by_art = {}
    for m in model["mentions"]:
        by_art.setdefault(m["article"], []).append(m)
    gold = tomllib.loads(pathlib.Path(args.gold).read_text(encoding="utf-8"))
    tally = {"required": [0, 0, 0], "all": [0, 0, 0], "named": [0, 0, 0]}
    misses = []
    for p in gold.get("position", []):
        art = arts[p["article"]]
        text = art["text"] if "text" in art else None
        raw = pathlib.Path(args.corpus)
        src = (raw / f"{p['article']}.txt").read_bytes() if raw.is_dir() else None
        if src is None:
            for line in raw.open(encoding="utf-8"):
                o = json.loads(line)
                if str(o.get("id", o.get("doc"))) == p["article"]:
                    src = o["text"].encode("utf-8")
                    break
        at = src.find(p["sentence"].encode("utf-8"))
        if at < 0:
            sys.exit(f"gold text not found in {p['article']}: {p['sentence'][:60]!r}")
        lo, hi = at, at + len(p["sentence"].encode("utf-8"))
        for s in art["sentences"]:
            if s["start"] < hi and lo < s["end"]:
                lo, hi = min(lo, s["start"]), max(hi, s["end"])
        here = {m["actor"] for m in by_art.get(p["article"], []) if m["start"] < hi and lo < m["end"]}
        gold_actor, gold_aff = norm(p["actor"]), norm(p.get("affiliation", ""))
        strict = any(gold_actor in names[a] for a in here)
        lenient = strict or any(
            (gold_aff and gold_aff in names[a])
            or (actors[a]["affiliation"] and gold_actor in names[actors[a]["affiliation"]])
            for a in here
        )
        for k in ("all",) + (() if p.get("optional") else ("required",)) + (("named",) if named(p) else ()):
            tally[k][0] += 1
            tally[k][1] += strict
            tally[k][2] += lenient
        if not lenient:
            misses.append((p["article"], p["actor"], p.get("actor_text", ""), sorted(here)))
    print(f"{args.gold}: {len(model['actors'])} actors found in the corpus")
    for k, (n, s, l) in tally.items():
        print(f"  {k:8} positions {n:4}  actor recognised: strict {s / max(n, 1):.2f} ({s})  with affiliation {l / max(n, 1):.2f} ({l})")
    if args.misses:
        for m in misses:
            print("  miss", *m)


if __name__ == "__main__":
    main()
