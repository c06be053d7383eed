#!/usr/bin/env python3
"""Validate the coverage gold sets (issue #25): coverage_seeds.toml, coverage_ecbplus.toml.

Checks, never rewrites:
- every verbatim quote (credits, cell text, own text, direction a_text/b_text)
  is a substring of its article's text and occurs exactly once in it
  (seeds: seeds/<id>.txt; ECB+: the JSONL `text` of doc <id>);
- field values are from the allowed sets (article kind, cell status, point kind,
  direction source/evidence/confidence);
- ids exist: articles in the corpus, points in [[point]], each article in one
  [[event]], cells cover exactly the points of the article's event, `with` ids
  are articles of the same event, direction a/b are annotated articles;
- consistency: omitted cells have empty text and non-omitted ones a quote;
  copied cells name `with`, symmetrically; a non-optional `own` cell is the only carrier of
  its point; a non-optional `copied` cell's partners carry the point.
Prints counts per file. Exit status 1 on any error.

Usage: python3 bench/gold/check_coverage_gold.py [ecbplus_docs.jsonl]
"""
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path

GOLD = Path(__file__).resolve().parent
SEEDS = GOLD.parent.parent / "seeds"
JSONL = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora/ecbplus/ecbplus_docs.jsonl")

ARTICLE_KINDS = {"wire copy", "rewrite of wire", "original reporting", "mixed"}
STATUSES = {"copied", "reworded", "own", "omitted"}
POINT_KINDS = {"statement", "fact", "remark", "context", "quote"}
EVIDENCE = {"credit", "date", "containment", "style", "same_outlet"}
CONFIDENCE = {"high", "medium", "low"}
CELL_KEYS = {"point", "status", "text", "with", "optional", "note"}
OWN_KEYS = {"text", "optional", "note"}


def seed_texts():
    return {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}


def ecb_texts():
    docs = {}
    with open(JSONL, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs[d["doc"]] = d["text"]
    return docs


def check(path, texts):
    errs = []
    g = tomllib.loads(path.read_text(encoding="utf-8"))
    name = path.name

    def err(msg):
        errs.append(f"{name}: {msg}")

    def quote(aid, q, where):
        if not isinstance(q, str) or not q:
            err(f"{where}: empty quote")
            return
        t = texts.get(aid)
        if t is None:
            return
        n = t.count(q)
        if n != 1:
            err(f"{where}: quote occurs {n} times in {aid}: {q!r}")

    events = {e["id"]: e for e in g.get("event", [])}
    event_of = {}
    for e in events.values():
        for a in e["articles"]:
            if a in event_of:
                err(f"article {a} in two events")
            event_of[a] = e["id"]
            if a not in texts:
                err(f"event {e['id']}: unknown article {a}")
    points = {}
    for p in g.get("point", []):
        if p["id"] in points:
            err(f"duplicate point id {p['id']}")
        points[p["id"]] = p
        if p.get("event") not in events:
            err(f"point {p['id']}: unknown event {p.get('event')}")
        if p.get("kind") not in POINT_KINDS:
            err(f"point {p['id']}: bad kind {p.get('kind')!r}")
        if not p.get("label"):
            err(f"point {p['id']}: no label")
    arts = {}
    for a in g.get("article", []):
        aid = a["id"]
        if aid in arts:
            err(f"duplicate article {aid}")
        arts[aid] = a
        if aid not in texts:
            err(f"unknown article {aid}")
            continue
        if aid not in event_of:
            err(f"article {aid} in no event")
            continue
        if a.get("kind") not in ARTICLE_KINDS:
            err(f"{aid}: bad kind {a.get('kind')!r}")
        if a.get("kind_optional") and a.get("kind_alt") not in ARTICLE_KINDS:
            err(f"{aid}: kind_optional needs kind_alt from the allowed kinds")
        if not a.get("outlet"):
            err(f"{aid}: no outlet")
        for i, c in enumerate(a.get("credits", [])):
            quote(aid, c, f"{aid} credits[{i}]")
        seen = set()
        for c in a.get("cells", []):
            extra = set(c) - CELL_KEYS
            if extra:
                err(f"{aid} cell {c.get('point')}: unknown keys {extra}")
            pid = c.get("point")
            if pid not in points:
                err(f"{aid}: unknown point {pid}")
                continue
            if points[pid]["event"] != event_of[aid]:
                err(f"{aid}: point {pid} is not of its event")
            if pid in seen:
                err(f"{aid}: two cells for {pid}")
            seen.add(pid)
            st = c.get("status")
            if st not in STATUSES:
                err(f"{aid} {pid}: bad status {st!r}")
            if st == "omitted":
                if c.get("text"):
                    err(f"{aid} {pid}: omitted cell with text")
            else:
                quote(aid, c.get("text"), f"{aid} cell {pid}")
            if st == "copied" and not c.get("with"):
                err(f"{aid} {pid}: copied without `with`")
            for w in c.get("with", []):
                if w not in event_of or event_of[w] != event_of[aid] or w == aid:
                    err(f"{aid} {pid}: bad `with` id {w}")
        want = {p for p, v in points.items() if v["event"] == event_of[aid]}
        if seen != want:
            err(f"{aid}: cells missing {sorted(want - seen)} extra {sorted(seen - want)}")
        for i, o in enumerate(a.get("own", [])):
            extra = set(o) - OWN_KEYS
            if extra:
                err(f"{aid} own[{i}]: unknown keys {extra}")
            quote(aid, o.get("text"), f"{aid} own[{i}]")
    for e in events.values():
        for x in e["articles"]:
            if x not in arts:
                err(f"event {e['id']}: article {x} not annotated")
    # cross-cell consistency
    status = {(aid, c["point"]): c for aid, a in arts.items() for c in a.get("cells", [])}
    for (aid, pid), c in status.items():
        if c.get("optional"):
            continue
        if c.get("status") == "own":
            others = [b for (b, q), d in status.items() if q == pid and b != aid
                      and d.get("status") != "omitted" and not d.get("optional")]
            if others:
                err(f"{aid} {pid}: own, but also carried by {others}")
        if c.get("status") == "copied":
            for w in c.get("with", []):
                d = status.get((w, pid))
                if d is None or d.get("status") == "omitted":
                    err(f"{aid} {pid}: copied with {w}, which omits the point")
        if c.get("status") == "copied":
            for w in c.get("with", []):
                d = status.get((w, pid))
                if d is not None and (d.get("status") != "copied" or aid not in d.get("with", [])):
                    err(f"{aid} {pid}: copied with {w}, but {w} does not list {aid} (with is symmetric)")
        if c.get("status") == "reworded":
            others = [b for (b, q), d in status.items() if q == pid and b != aid
                      and d.get("status") != "omitted"]
            if not others:
                err(f"{aid} {pid}: reworded but no other article carries the point (own?)")
    dirs = g.get("direction", [])
    for i, d in enumerate(dirs):
        a, b = d.get("a"), d.get("b")
        for x in (a, b):
            if x not in arts:
                err(f"direction[{i}]: unannotated article {x}")
        if a == b:
            err(f"direction[{i}]: a == b")
        quote(a, d.get("a_text"), f"direction[{i}] a_text")
        quote(b, d.get("b_text"), f"direction[{i}] b_text")
        s = d.get("source", "")
        if not (s in (a, b) or s in ("unknown", "none") or (s.startswith("common:") and len(s) > 7)):
            err(f"direction[{i}]: bad source {s!r}")
        if not set(d.get("evidence", [])) <= EVIDENCE:
            err(f"direction[{i}]: bad evidence {d.get('evidence')}")
        if d.get("confidence") not in CONFIDENCE:
            err(f"direction[{i}]: bad confidence {d.get('confidence')!r}")
    # counts
    cells = [c for a in arts.values() for c in a.get("cells", [])]
    cnt = Counter(c["status"] for c in cells)
    opt = sum(1 for c in cells if c.get("optional"))
    src = Counter("article" if d["source"] in (d["a"], d["b"]) else d["source"].split(":")[0] for d in dirs)
    kinds = Counter(a["kind"] for a in arts.values())
    print(f"{name}: {len(events)} events, {len(arts)} articles, {len(points)} points, "
          f"{len(cells)} cells ({', '.join(f'{k} {cnt[k]}' for k in sorted(STATUSES))}; optional {opt}), "
          f"own sentences {sum(len(a.get('own', [])) for a in arts.values())}, "
          f"credits {sum(len(a.get('credits', [])) for a in arts.values())}, "
          f"directions {len(dirs)} ({', '.join(f'{k} {v}' for k, v in sorted(src.items()))}; "
          f"optional {sum(1 for d in dirs if d.get('optional'))})")
    print(f"  kinds: {dict(sorted(kinds.items()))}; kind optional: "
          f"{sum(1 for a in arts.values() if a.get('kind_optional'))}")
    return errs


def main():
    errs = []
    if (GOLD / "coverage_seeds.toml").exists():
        errs += check(GOLD / "coverage_seeds.toml", seed_texts())
    if (GOLD / "coverage_ecbplus.toml").exists():
        errs += check(GOLD / "coverage_ecbplus.toml", ecb_texts())
    for e in errs:
        print("ERROR", e)
    print("OK" if not errs else f"{len(errs)} errors")
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
