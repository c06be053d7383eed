#!/usr/bin/env python3
"""How the pair view's copied/reworded rule classifies known reuse.

usage: measure_copied.py TRUTH.json ROWS.json

TRUTH.json: the ground truth of ../shared/tools/inject_reuse.py; ROWS.json:
`parallax passages --rows --corpus INJECTED.jsonl --json` on its output.
Rows whose two sides hold the same injected source (source-copy or
copy-copy) are reuse; rows touching no injected text are the corpus' own.
Prints, per threshold on the rows' share of equal words, the share of each
classified copied (see docs/pair-view.md).
"""
import collections
import json
import sys

truth = json.load(open(sys.argv[1]))
layouts = json.load(open(sys.argv[2]))
spans = collections.defaultdict(list)  # article -> [(start, end, source id)]
for s in truth["sources"]:
    spans[s["article"]].append((s["start"], s["end"], s["sid"]))
for c in truth["copies"]:
    spans[c["article"]].append((c["start"], c["end"], c["sid"]))


def sources(article, ranges):
    return {sid for r in ranges for (s, e, sid) in spans.get(article, []) if r["start"] < e and s < r["stop"]}


reuse, own = [], []
for lay in layouts:
    for item in lay["items"]:
        row = item.get("row")
        if not row:
            continue
        sa, sb = sources(lay["a"], row["a"]), sources(lay["b"], row["b"])
        if sa & sb:
            reuse.append(row)
        elif not sa and not sb:
            own.append(row)


def share(rows, th):
    return sum(r["same"] >= th for r in rows) / max(1, len(rows))


print(f"reuse rows {len(reuse)}, the corpus' own rows {len(own)}")
for th in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
    print(f"threshold {th:.2f}: reuse classified copied {share(reuse, th):.3f}, own rows classified copied {share(own, th):.3f}")
