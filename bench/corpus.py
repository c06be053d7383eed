#!/usr/bin/env python3
"""Benchmark corpora from ECB+ (../shared/corpora/ecbplus; Cybulska & Vossen,
LREC 2014; CC BY 3.0): N articles as JSON lines, which PARALLAX_CORPUS and
`parallax --corpus` read directly.

The first 982 articles are ECB+ as it is (id = its `doc`, event = its topic).
Beyond that the corpus is replicated: copy k of an article has the id
`<doc>-c<k>` and the same text, so a 5,000-article corpus is ECB+ five times
(plus 90 articles) — every article then shares its whole text with its
copies, a worst case for passage detection rather than a typical corpus.

usage: corpus.py N OUT.jsonl [--source PATH]
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "shared", "corpora", "ecbplus", "ecbplus_docs.jsonl")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--source", default=os.environ.get("PARALLAX_ECBPLUS", DEFAULT))
    args = ap.parse_args()
    with open(args.source, encoding="utf-8") as f:
        docs = [json.loads(l) for l in f if l.strip()]
    if not docs:
        sys.exit(f"corpus.py: {args.source} is empty")
    out = []
    for i in range(args.n):
        d = docs[i % len(docs)]
        k = i // len(docs)
        doc = str(d["doc"])
        out.append({
            "id": doc if k == 0 else f"{doc}-c{k}",
            "text": d["text"],
            "event": str(d.get("topic", "unknown")),
        })
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    os.replace(tmp, args.out)


if __name__ == "__main__":
    main()
