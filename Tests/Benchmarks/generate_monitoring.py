#!/usr/bin/env python3
"""Generates the monitoring sheets `make bench` times `cpms monitor report` on.

One file per partner and round: the first indicator of each of the 28 standards, reported by each of
40 partners in each of 50 locations, over two rounds: 28 x 50 x 40 x 2 = 112,000 rows in 80 files. The
figures are consistent (numerators within denominators, sex groups adding up), so the report exits 0.
The seed is fixed: the same files every time.
"""

import argparse
import csv
import json
import pathlib
import random

HEADER = ["indicator_id", "period_start", "period_end", "admin_level", "location_code", "organisation",
          "numerator", "denominator", "value", "yes_no", "female", "male", "source"]
HXL = ["#indicator+code", "#date+start", "#date+end", "#loc+type", "#loc+code", "#org+name",
       "#indicator+num+numerator", "#indicator+num+denominator", "#indicator+num+value", "#indicator+answer",
       "#affected+f", "#affected+m", "#meta+source"]
ROUNDS = [("2026-01-01", "2026-03-31"), ("2026-04-01", "2026-06-30")]


def indicators(repo):
    """(id, kind) of the first indicator of each standard, in order."""
    chosen = []
    for path in sorted((repo / "Data" / "standards").glob("*.json")):
        first = json.loads(path.read_text())["indicators"][0]
        target = first["target"]
        if target.endswith("%") or first["text"].startswith("%"):
            kind = "percentage"
        elif target in ("yes", "no"):
            kind = "yes-no"
        else:
            kind = "number"
        chosen.append((first["id"], kind))
    return chosen


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=pathlib.Path, required=True)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--partners", type=int, default=40)
    parser.add_argument("--locations", type=int, default=50)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    chosen = indicators(args.repo)
    args.out.mkdir(parents=True, exist_ok=True)
    rows = 0
    for round_number, (start, end) in enumerate(ROUNDS, 1):
        for partner in range(args.partners):
            path = args.out / f"round{round_number}-partner{partner:02d}.csv"
            with path.open("w", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(HEADER)
                writer.writerow(HXL)
                for location in range(args.locations):
                    for indicator, kind in chosen:
                        numerator = denominator = value = answer = female = male = ""
                        if kind == "percentage":
                            denominator = rng.randint(1, 400)
                            numerator = rng.randint(0, denominator)
                            female = rng.randint(0, numerator)
                            male = numerator - female
                        elif kind == "number":
                            value = rng.randint(0, 20)
                            female = rng.randint(0, value)
                            male = value - female
                        else:
                            answer = "yes" if rng.random() < 0.9 else "no"
                        writer.writerow([indicator, start, end, "adm2", f"LOC{location:03d}", f"Partner {partner:02d}",
                                         numerator, denominator, value, answer, female, male, "activity report"])
                        rows += 1
    print(f"generate_monitoring: {rows} rows in {len(ROUNDS) * args.partners} files under {args.out}")


if __name__ == "__main__":
    main()
