#!/usr/bin/env python3
"""Check the same-fact gold files: every a_text/b_text occurs exactly once in its
article, a != b, tiers are valid, no pair is listed twice. Usage:
    python3 bench/gold/check_samefact.py [ECBPLUS_JSONL]
"""
import json, sys, tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JSONL = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora/ecbplus/ecbplus_docs.jsonl")


def seeds():
    return {p.stem: p.read_text() for p in (ROOT / "seeds").glob("*.txt")}


def ecbplus():
    docs = {}
    with open(JSONL) as f:
        for line in f:
            d = json.loads(line)
            docs[d["doc"]] = d["text"]
    return docs


def check(path, texts):
    g = tomllib.loads(path.read_text())
    bad, seen = 0, set()
    for kind in ("pair", "negative"):
        for e in g.get(kind, []):
            for side in ("a", "b"):
                art, sub = e[side], e[side + "_text"]
                n = texts[art].count(sub) if art in texts else -1
                if n != 1:
                    bad += 1
                    print(f"{path.name}: {kind} {art!r}: {sub!r} occurs {n} times")
            if e["a"] == e["b"]:
                bad += 1
                print(f"{path.name}: {kind} within one article: {e['a']}")
            key = frozenset([(e["a"], e["a_text"]), (e["b"], e["b_text"])])
            if key in seen:
                bad += 1
                print(f"{path.name}: duplicate {kind}: {e['a_text']!r} / {e['b_text']!r}")
            seen.add(key)
            if kind == "pair" and e["tier"] not in ("copied", "reworded"):
                bad += 1
                print(f"{path.name}: bad tier {e['tier']!r}")
    pos = [e for e in g.get("pair", []) if not e["optional"]]
    opt = [e for e in g.get("pair", []) if e["optional"]]
    tiers = {t: sum(e["tier"] == t for e in pos) for t in ("copied", "reworded")}
    arts = {frozenset((e["a"], e["b"])) for e in g.get("pair", [])}
    print(f"{path.name}: positives {tiers}, optional {len(opt)}, negatives {len(g.get('negative', []))}, "
          f"article pairs with a link {len(arts)}, problems {bad}")
    return bad


if __name__ == "__main__":
    gold = ROOT / "bench" / "gold"
    bad = check(gold / "samefact_seeds.toml", seeds())
    if (gold / "samefact_ecbplus.toml").exists():
        bad += check(gold / "samefact_ecbplus.toml", ecbplus())
    sys.exit(1 if bad else 0)
