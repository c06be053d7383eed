#!/usr/bin/env python3
"""Writes crates/engine/tests/data/golden_rules_en.json from pySBD's English
Golden Rules (the 48 cases of `benchmarks/english_golden_rules.py`).

Source: the pySBD source distribution on PyPI (nipunsadvilkar/pySBD, MIT
licence, Copyright (c) 2019 Nipun Sadvilkar). Version 0.3.3 is the newest
sdist PyPI serves; its benchmarks/english_golden_rules.py is the file the
pySBD README's benchmark uses. The cases are copied unchanged, in order,
numbered as in the file's comments.

    pip download pysbd==0.3.3 --no-deps --no-binary :all: -d /tmp/pysbd
    tar xzf /tmp/pysbd/pysbd-0.3.3.tar.gz -C /tmp/pysbd
    python3 scripts/gen_golden_rules.py /tmp/pysbd/pysbd-0.3.3
"""
import json
import re
import sys
from pathlib import Path

VERSION = "0.3.3"
PATH = "benchmarks/english_golden_rules.py"


def main():
    root = Path(sys.argv[1])
    src = (root / PATH).read_text(encoding="utf-8")
    scope = {}
    exec(compile(src, PATH, "exec"), scope)
    rules = scope["GOLDEN_EN_RULES"]
    # The rule names are the comments above each case ("# 1) Simple period ...").
    names = re.findall(r"^\s*#\s*(?:\d+\)\s*)?(.+?)\s*$", src.split("GOLDEN_EN_RULES", 1)[1], re.M)
    names = [n for n in names if n != "Most difficult sentence to crack"]
    assert len(names) == len(rules), (len(names), len(rules))
    out = {
        "source": f"pySBD {VERSION} (PyPI sdist), {PATH}, GOLDEN_EN_RULES",
        "repository": "https://github.com/nipunsadvilkar/pySBD",
        "licence": "MIT, Copyright (c) 2019 Nipun Sadvilkar",
        "generated_by": "scripts/gen_golden_rules.py (cases copied unchanged)",
        "cases": [
            {"n": i + 1, "name": name, "text": text, "sentences": expected}
            for i, (name, (text, expected)) in enumerate(zip(names, rules))
        ],
    }
    dest = Path(__file__).resolve().parent.parent / "crates/engine/tests/data/golden_rules_en.json"
    dest.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rules)} cases -> {dest}")


if __name__ == "__main__":
    main()
