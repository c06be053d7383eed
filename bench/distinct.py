#!/usr/bin/env python3
"""Distinct benchmark corpora: N articles, every text different, mixing
Reuters-21578 (../shared/corpora/reuters21578: 18,701 stories of one outlet,
research use only) and ECB+ (../shared/corpora/ecbplus: 982 articles in 43
topics; CC BY 3.0). Unlike bench/corpus.py, nothing is replicated: a
5,000-article corpus is 5,000 different texts.

The two sources are interleaved in proportion (ECB+ is about one article in
twenty), in their files' order, so the corpora are nested: the first N lines
of the 19,683-article mix are the N-article corpus. Deterministic; nothing
of either corpus is committed.

usage: distinct.py N OUT.jsonl [--reuters PATH] [--ecbplus PATH]
       (N above 19,683 gives all 19,683)
"""
import argparse
import json
import os
import pathlib

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared", "corpora")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--reuters", default=os.path.join(SHARED, "reuters21578", "reuters_docs.jsonl"))
    ap.add_argument("--ecbplus", default=os.environ.get("PARALLAX_ECBPLUS", os.path.join(SHARED, "ecbplus", "ecbplus_docs.jsonl")))
    args = ap.parse_args()
    reuters = [
        {"id": d["id"], "text": d["text"], "series": d.get("series", "Reuters"), "title": d.get("title", ""), "date": d.get("date", "")}
        for d in load(args.reuters)
    ]
    ecb = [
        {"id": str(d["doc"]), "text": d["text"], "event": str(d.get("topic", "unknown")), "topic": d.get("topic")}
        for d in load(args.ecbplus)
    ]
    # Interleave: each source's k-th article at (k + 0.5) / len, ties by source.
    keyed = [((k + 0.5) / len(reuters), 0, d) for k, d in enumerate(reuters)]
    keyed += [((k + 0.5) / len(ecb), 1, d) for k, d in enumerate(ecb)]
    keyed.sort(key=lambda t: (t[0], t[1]))
    # Texts repeated across the sources kept once; written whole or not at all.
    seen = set()
    lines = [json.dumps(d, ensure_ascii=False) + "\n" for _, _, d in keyed if not (d["text"] in seen or seen.add(d["text"]))]
    pathlib.Path(args.out + ".tmp").write_text("".join(lines[: args.n]), encoding="utf-8")
    os.replace(args.out + ".tmp", args.out)

if __name__ == "__main__":
    main()
