#!/usr/bin/env python3
"""Check the stance gold files: fields, enums, and that every `sentence`
substring occurs exactly once in its article's text.

    python3 bench/gold/check_stances_gold.py [path/to/ecbplus_docs.jsonl]

Seeds are read from seeds/<id>.txt (verbatim file text); ECB+ from the
JSONL's `text` (default /work/shared/corpora/ecbplus/ecbplus_docs.jsonl).
This only validates the gold set; it never changes it.
"""
import json, sys, tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JSONL = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora/ecbplus/ecbplus_docs.jsonl")
POL = {"support", "oppose", "mixed"}
KIND = {"diplomacy", "advocacy", "evaluation", "concern", "other"}
FIELDS = ["article", "sentence", "actor", "actor_text", "group", "affiliation", "issue",
          "target_text", "polarity", "cue", "kind", "optional", "note"]

def check(gold, texts):
    d = tomllib.loads(gold.read_text(encoding="utf-8"))
    bad = 0
    for p in d.get("position", []):
        missing = [f for f in FIELDS if f not in p]
        if missing or p["polarity"] not in POL or p["kind"] not in KIND or not p["actor"] or not p["issue"]:
            bad += 1; print(f"{gold.name}: bad fields {missing} in {p}")
    for kind in ("position", "forbidden"):
        for p in d.get(kind, []):
            t = texts.get(p["article"])
            n = -1 if t is None else t.count(p["sentence"])
            if n != 1:
                bad += 1; print(f"{gold.name}: {kind} {p['article']}: sentence occurs {n}x: {p['sentence']!r}")
    pos = d.get("position", [])
    cells = {(p["actor"], p["issue"], p["polarity"]) for p in pos}
    print(f"{gold.name}: {len(pos)} positions ({sum(p['optional'] for p in pos)} optional), "
          f"{len(cells)} actor-issue-polarity cells, {len({p['article'] for p in pos})} articles, "
          f"{len(d.get('forbidden', []))} forbidden; problems: {bad}")
    return bad

seeds = {f.stem: f.read_text(encoding="utf-8") for f in (ROOT / "seeds").glob("*.txt")}
ecb = {}
with open(JSONL, encoding="utf-8") as fh:
    for line in fh:
        o = json.loads(line); ecb[o["doc"]] = o["text"]
bad = check(ROOT / "bench/gold/stances_seeds.toml", seeds) + check(ROOT / "bench/gold/stances_ecbplus.toml", ecb)
sys.exit(1 if bad else 0)
