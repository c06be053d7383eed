#!/usr/bin/env python3
"""Scores the CLI's shared passages against a same-fact gold set (bench/gold/samefact_*.toml).

    python3 bench/score_samefact.py --cli target/release/parallax --corpus seeds \
        --gold bench/gold/samefact_seeds.toml
    python3 bench/score_samefact.py --cli target/release/parallax \
        --corpus ../shared/corpora/ecbplus/ecbplus_docs.jsonl --gold bench/gold/samefact_ecbplus.toml

Recall, per tier: a gold pair (not optional) is found when one passage of the two articles
overlaps its sentence in A and its sentence in B (byte ranges; passages hold whole sentences).
Precision, per passage: among passages whose two articles are both annotated (for a corpus of
topics, of the same topic: the gold lists every same-fact pair there), a passage is right when
it overlaps both sentences of a gold pair, wrong when it overlaps none (negatives included), and
left out when it overlaps only optional pairs. The gold is read, never written.
"""
import goldargs
import json
import pathlib
import subprocess
import sys
import tomllib


def texts(corpus):
    """Article id -> (original text as bytes, topic or None)."""
    p = pathlib.Path(corpus)
    out = {}
    if p.is_dir():
        for f in sorted(p.glob("*.txt")):
            out[f.stem] = (f.read_bytes(), None)
    else:
        for line in p.open(encoding="utf-8"):
            o = json.loads(line)
            out[str(o.get("id", o.get("doc")))] = (o["text"].encode("utf-8"), o.get("topic"))
    return out


def locate(arts, art, sub):
    text = arts[art][0]
    at = text.find(sub.encode("utf-8"))
    if at < 0:
        sys.exit(f"gold text not found in {art}: {sub[:60]!r}")
    return (at, at + len(sub.encode("utf-8")))


def overlaps(span, rng):
    return span[0] < rng[1] and rng[0] < span[1]


def main():
    args = goldargs.parser(
        ("--misses", "print the gold pairs not found"), ("--wrong", "print the passages counted wrong")
    ).parse_args()
    arts = texts(args.corpus)
    gold = tomllib.loads(pathlib.Path(args.gold).read_text(encoding="utf-8"))
    pairs = []  # (a, a_range, b, b_range, tier or None for optional)
    for g in gold.get("pair", []):
        tier = None if g.get("optional") else g["tier"]
        pairs.append((g["a"], locate(arts, g["a"], g["a_text"]), g["b"], locate(arts, g["b"], g["b_text"]), tier))
    annotated = sorted({p[0] for p in pairs} | {p[2] for p in pairs} | {n["a"] for n in gold.get("negative", [])} | {n["b"] for n in gold.get("negative", [])})
    out = subprocess.run([args.cli, "passages", "--corpus", args.corpus, "--json"], check=True, capture_output=True).stdout
    passages = json.loads(out)
    by_pair = {}
    for p in passages:
        a, b = p["a"], p["b"]
        by_pair.setdefault((a["article"], b["article"]), []).append(((a["start"], a["end"]), (b["start"], b["end"])))

    def hits(a, ra, b, rb):
        for sa, sb in by_pair.get((a, b), []):
            if overlaps(sa, ra) and overlaps(sb, rb):
                return True
        for sb, sa in by_pair.get((b, a), []):
            if overlaps(sa, ra) and overlaps(sb, rb):
                return True
        return False

    print(f"{args.gold}: {len(annotated)} articles, {len(passages)} passages in the corpus")
    for tier in ("copied", "reworded"):
        want = [p for p in pairs if p[4] == tier]
        found = sum(hits(*p[:4]) for p in want)
        if want:
            print(f"  recall {tier}: {found}/{len(want)} = {found / len(want):.2f}")
    want = [p for p in pairs if p[4]]
    found = sum(hits(*p[:4]) for p in want)
    print(f"  recall both tiers: {found}/{len(want)} = {found / max(1, len(want)):.2f}")
    if args.misses:
        for a, ra, b, rb, tier in want:
            if not hits(a, ra, b, rb):
                ta, tb = (arts[x][0][r[0]:r[1]].decode("utf-8", "replace") for x, r in ((a, ra), (b, rb)))
                print(f"  missed ({tier}): {a} “{ta[:90]}” ~ {b} “{tb[:90]}”")
    chosen = set(annotated)
    right = wrong = optional_only = 0
    for (a, b), spans in by_pair.items():
        if a not in chosen or b not in chosen or arts[a][1] != arts[b][1]:
            continue
        for sa, sb in spans:
            def on(p):
                if p[0] == a and p[2] == b:
                    return overlaps(sa, p[1]) and overlaps(sb, p[3])
                if p[0] == b and p[2] == a:
                    return overlaps(sb, p[1]) and overlaps(sa, p[3])
                return False
            matched = [p for p in pairs if on(p)]
            if any(p[4] for p in matched):
                right += 1
            elif matched:
                optional_only += 1
            else:
                wrong += 1
                if args.wrong:
                    ta, tb = (arts[x][0][r[0]:r[1]].decode("utf-8", "replace") for x, r in ((a, sa), (b, sb)))
                    print(f"  wrong: {a} “{ta[:150]}” ~ {b} “{tb[:150]}”")
    judged = right + wrong
    print(f"  precision (passages): {right}/{judged} = {right / max(1, judged):.2f} ({optional_only} on optional pairs only, left out)")


if __name__ == "__main__":
    main()
