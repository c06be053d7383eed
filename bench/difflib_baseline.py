#!/usr/bin/env python3
"""The obvious passage finder, as the baseline for `parallax passages`.

For every pair of articles, difflib.SequenceMatcher over their word lists
(lowercased \\w+ tokens); every matching block of at least MIN_WORDS words is
a shared passage. Pure standard library, single process.

All N·(N-1)/2 pairs take hours at a few thousand articles, so with a time
budget it runs a uniform random sample of pairs (fixed seed) and extrapolates
linearly: est_total_s = tokenize_s + pairs_total / (pairs_timed / seconds).
Prints one JSON line.

usage: difflib_baseline.py CORPUS.jsonl [--budget SECONDS] [--min-words N]
"""
import argparse
import difflib
import json
import random
import re
import sys
import time

WORD = re.compile(r"\w+")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--budget", type=float, default=30.0, help="seconds of pair comparisons")
    ap.add_argument("--min-words", type=int, default=8)
    args = ap.parse_args()

    t0 = time.perf_counter()
    docs = []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                docs.append([w.lower() for w in WORD.findall(rec["text"])])
    tokenize_s = time.perf_counter() - t0

    n = len(docs)
    total = n * (n - 1) // 2
    rng = random.Random(6)
    done = 0
    found = 0
    full = False
    t1 = time.perf_counter()
    if total:
        # All pairs in random order when they fit the budget, else a sample.
        order = None
        if total <= 2_000_000:
            order = [(i, j) for i in range(n) for j in range(i + 1, n)]
            rng.shuffle(order)
        while True:
            if order is not None:
                if done == len(order):
                    full = True
                    break
                i, j = order[done]
            else:
                i, j = rng.sample(range(n), 2)
            sm = difflib.SequenceMatcher(None, docs[i], docs[j])
            found += sum(1 for b in sm.get_matching_blocks() if b.size >= args.min_words)
            done += 1
            if done % 64 == 0 and time.perf_counter() - t1 > args.budget:
                break
    compare_s = time.perf_counter() - t1
    rate = done / compare_s if compare_s > 0 else 0.0
    est = tokenize_s + (total / rate if rate else 0.0)
    print(json.dumps({
        "articles": n,
        "pairs_total": total,
        "pairs_timed": done,
        "compare_s": round(compare_s, 3),
        "tokenize_s": round(tokenize_s, 3),
        "pairs_per_s": round(rate, 1),
        "est_total_s": round(est, 1),
        "full": full,
        "passages_in_timed_pairs": found,
        "min_words": args.min_words,
    }))


if __name__ == "__main__":
    sys.exit(main())
