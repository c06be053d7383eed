#!/usr/bin/env python3
"""Time, memory and passage count of `parallax passages --json` on corpora,
with /usr/bin/time -v (wall, user + system CPU, peak resident memory).

    python3 bench/scale.py --cli $CARGO_TARGET_DIR/release/parallax CORPUS.jsonl ...
    python3 bench/scale.py --cli ... --sample 50 --seed 1 CORPUS.jsonl   # passages to judge

Make distinct corpora with bench/distinct.py, replicated ones with bench/corpus.py.
With --sample, prints that many passages drawn at random (fixed seed) with both sides'
text, as Markdown, for judging by reading (bench/gold/judged_5000.md).
"""
import argparse
import json
import random
import re
import subprocess
import tempfile


def measure(cli, corpus):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        r = subprocess.run(
            ["/usr/bin/time", "-v", cli, "passages", "--corpus", corpus, "--json"],
            stdout=open(out.name, "w"), stderr=subprocess.PIPE, text=True, check=True)
        passages = json.load(open(out.name, encoding="utf-8"))

    def field(name):
        return re.search(re.escape(name) + r": (.*)", r.stderr).group(1).strip()

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
    secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return secs, cpu, rss, passages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("corpora", nargs="+")
    args = ap.parse_args()
    print("| corpus | articles | wall s | CPU s | peak MB | passages | per article |")
    print("|---|---|---|---|---|---|---|")
    for c in args.corpora:
        n = sum(1 for line in open(c, encoding="utf-8") if line.strip())
        secs, cpu, rss, ps = measure(args.cli, c)
        print(f"| {c.split('/')[-1]} | {n:,} | {secs:.2f} | {cpu:.2f} | {rss:.0f} | {len(ps):,} | {len(ps) / n:.2f} |",
              flush=True)
        if args.sample:
            texts = {}
            for line in open(c, encoding="utf-8"):
                o = json.loads(line)
                texts[str(o.get("id", o.get("doc")))] = o["text"].encode("utf-8")
            side = lambda s: texts[s["article"]][s["start"]:s["end"]].decode("utf-8", "replace").replace("\n", " ")
            rng = random.Random(args.seed)
            for k, p in enumerate(rng.sample(ps, min(args.sample, len(ps))), 1):
                print(f"\n{k}. score {p['score']}, {p['tier']}\n   - A `{p['a']['article']}`: {side(p['a'])}"
                      f"\n   - B `{p['b']['article']}`: {side(p['b'])}")


if __name__ == "__main__":
    main()
