#!/usr/bin/env python3
"""Scores `parallax stances --json` against a stance gold set (bench/gold/stances_*.toml).

    python3 bench/score_stances.py --cli target/release/parallax --corpus seeds \
        --gold bench/gold/stances_seeds.toml [--no-lexicon] [--show]

Each evidence sentence of each cell is one output item: (article, sentence, actor, issue,
stance). It matches a gold position when the article is the same, the gold `sentence`
lies inside the item's sentence, the actor is the gold actor or its affiliation (a scorer
may accept either: the gold says so), and the issue shares a content word (a 5-letter
prefix) with the gold issue or target_text; the issue check is lenient because found
issues are named by their own wording. Recall: required gold positions matched with the
same polarity ("mixed" matches either). Flipped: required positions matched only with the
opposite polarity (worse than a miss). Precision: items matching a gold position (required
or optional) with the same polarity, over all items of the annotated articles; an item
matching a [[forbidden]] reading counts wrong. The gold is read, never written.
"""
import goldargs, json, pathlib, re, subprocess, tomllib

STOP = set("the a an of to in on for and or with by from at its their his her this that these those any all new further future".split())


def words(s):
    return {w[:5] for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in STOP and len(w) > 1}


def texts(corpus):
    p = pathlib.Path(corpus)
    if p.is_dir():
        return {f.stem: f.read_text(encoding="utf-8") for f in sorted(p.glob("*.txt"))}
    out = {}
    for line in p.open(encoding="utf-8"):
        o = json.loads(line)
        out[str(o.get("id", o.get("doc")))] = o["text"]
    return out


def norm(s):
    return " ".join(re.findall(r"[a-z0-9]+", (s or "").lower()))


def main():
    a = goldargs.parser(
        ("--no-lexicon", "stances from the lexicon found in the text only"),
        ("--show", "print misses, flips and wrong items"),
    ).parse_args()
    arts = texts(a.corpus)
    gold = tomllib.loads(pathlib.Path(a.gold).read_text(encoding="utf-8"))
    annotated = {p["article"] for p in gold.get("position", [])}
    cmd = [a.cli, "stances", "--corpus", a.corpus, "--json"] + (["--no-lexicon"] if a.no_lexicon else [])
    cells = json.loads(subprocess.run(cmd, check=True, capture_output=True).stdout)
    items = []
    for c in cells:
        for e in c["evidence"]:
            if e["article"] in annotated:
                items.append((e["article"], e["start"], e["end"], c["actor"], c["issue"], e["stance"], e["sentence"]))

    def loc(p):
        t = arts[p["article"]]
        i = t.find(p["sentence"])
        return (len(t[:i].encode("utf-8")), len(t[:i].encode("utf-8")) + len(p["sentence"].encode("utf-8"))) if i >= 0 else None

    def same(item, p):
        art, s, e, actor, issue, _, _ = item
        r = loc(p)
        if art != p["article"] or r is None or not (s <= r[0] and r[1] <= e):
            return False
        if norm(actor) not in {norm(p["actor"]), norm(p.get("affiliation"))}:
            return False
        return bool(words(issue) & (words(p["issue"]) | words(p.get("target_text", ""))))

    def pol_ok(item, p):
        return p["polarity"] in ("mixed", "any") or item[5] == p["polarity"]

    req = [p for p in gold["position"] if not p.get("optional")]
    found = flipped = 0
    for p in req:
        m = [i for i in items if same(i, p)]
        if any(pol_ok(i, p) for i in m):
            found += 1
        elif m:
            flipped += 1
            if a.show:
                print(f"  FLIPPED {p['article'][:3]} {p['actor']} / {p['issue']} {p['polarity']}: {p['sentence'][:90]}")
        elif a.show:
            print(f"  missed  {p['article'][:3]} {p['actor']} / {p['issue']} {p['polarity']}: {p['sentence'][:90]}")
    right = wrong = 0
    for i in items:
        bad = any(same(i, f) and (f["polarity"] == "any" or f["polarity"] == i[5]) for f in gold.get("forbidden", []))
        ok = not bad and any(same(i, p) and pol_ok(i, p) for p in gold["position"])
        right += ok
        wrong += not ok
        if a.show and not ok:
            print(f"  wrong   {i[0][:3]} {i[3]} / {i[4]} {i[5]}: {i[6][:90]}")
    print(f"{a.gold} ({'no lexicon' if a.no_lexicon else 'lexicon if any'}): {len(cells)} cells, {len(items)} evidence items in annotated articles")
    print(f"  recall {found}/{len(req)} = {found / max(1, len(req)):.2f}; flipped {flipped}")
    print(f"  precision {right}/{right + wrong} = {right / max(1, right + wrong):.2f}")


if __name__ == "__main__":
    main()
