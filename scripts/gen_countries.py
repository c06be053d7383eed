#!/usr/bin/env python3
"""Reduce the npm package `world-countries` (mledoze/countries, ODbL 1.0) to
the state gazetteer Parallax's actor model reads.

    cd /tmp && npm pack world-countries && tar xzf world-countries-*.tgz
    python3 scripts/gen_countries.py /tmp/package > crates/engine/data/countries.txt

Writes one line per country, tab-separated:

    common name <TAB> other names <TAB> demonyms <TAB> capitals

lists joined by `|`. Kept, in English only:

* names: the common and official English names, and the alternate
  spellings written in Latin letters (native-script names dropped);
* codes: an alternate spelling in capitals is kept when it is not the
  ISO 3166 alpha-2 code, or when it is the initials of the common name
  ("US" for United States: a code that is also how English writes it);
* demonyms: the English ones (m and f), and their plural by the English
  rule for nouns of nationality (-an, -i -> +s: Russians, Israelis; -ese,
  -ish, -ch unchanged);
* the order: UN members, then other independent states, then the rest,
  each by name (a name or demonym two entries share names the first);
* capitals, used in news as metonyms of their government (and without a
  trailing abbreviation: "Washington D.C." -> also "Washington").
"""
import json
import pathlib
import re
import sys

src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/package")
pkg = json.loads((src / "package.json").read_text())
data = json.loads((src / "countries.json").read_text())
latin = re.compile(r"^[A-Za-z][A-Za-z .,'()&-]*$")


def clean(s):
    return " ".join(s.replace("\t", " ").replace("|", " ").split())


def initials(name):
    return "".join(w[0] for w in name.split() if w[0].isupper())


def plural(d):
    return d + "s" if d.endswith(("an", "i")) else None


print(f"# States: from the npm package {pkg['name']} {pkg['version']} (mledoze/countries,")
print(f"# {pkg.get('homepage', 'https://github.com/mledoze/countries')}), licence ODbL 1.0.")
print("# Made by scripts/gen_countries.py; do not edit by hand.")
print("# common name<TAB>other names<TAB>demonyms<TAB>capitals (lists joined by |)")
# Sovereign states first: a demonym several entries share ("American":
# the United States and the Northern Mariana Islands) names the first.
for c in sorted(data, key=lambda c: (not c.get("unMember"), not c.get("independent"), c["name"]["common"])):
    common = clean(c["name"]["common"])
    names = []
    for n in [c["name"]["official"]] + c.get("altSpellings", []):
        n = clean(n)
        if not latin.match(n) or n == common or n in names:
            continue
        if n.isupper() and len(n) <= 4 and n == c["cca2"] and n != initials(common):
            continue
        if len(n) < 2:
            continue
        names.append(n)
    dem = []
    eng = c.get("demonyms", {}).get("eng", {})
    for d in (eng.get("m"), eng.get("f")):
        if d and latin.match(d) and d not in dem:
            dem.append(clean(d))
    for d in list(dem):
        p = plural(d)
        if p and p not in dem:
            dem.append(p)
    caps = []
    for x in c.get("capital", []):
        if latin.match(x):
            caps.append(clean(x))
            # "Washington D.C.": the city is also written without its
            # district's abbreviation.
            short = re.sub(r"\s+(?:[A-Z]\.)+$", "", clean(x))
            if short != caps[-1]:
                caps.append(short)
    print("\t".join([common, "|".join(names), "|".join(dem), "|".join(caps)]))
