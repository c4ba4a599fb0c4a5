#!/usr/bin/env python3
"""Writes the example pair of CSV files that `vigil drift` is demonstrated on.

    python3 examples/drift/generate_example.py

A loan-application model's inputs, before (reference.csv) and after (current.csv) a marketing
campaign brought in younger, mobile-first, new customers. What really moved: age, device,
tenure_months and is_returning. What did not: income, credit_score, region, loan_amount. A few
cells are empty (missing values), as in real exports. Seeded: the same files every run.
"""

import csv
from pathlib import Path

import numpy as np

ROWS = 5000
HERE = Path(__file__).resolve().parent
COLUMNS = ["age", "income", "credit_score", "loan_amount", "tenure_months", "device", "region",
           "is_returning"]


def population(rng, campaign):
    age = rng.normal(31 if campaign else 41, 9, ROWS).clip(18, 90).round()
    income = rng.lognormal(10.8, 0.45, ROWS).round(-2)
    credit = rng.normal(690, 55, ROWS).clip(300, 850).round()
    loan = rng.gamma(2.0, 6000, ROWS).round(-2)
    tenure = rng.exponential(8 if campaign else 30, ROWS).round()
    devices = ["desktop", "mobile", "tablet"]
    device = rng.choice(devices, ROWS, p=[0.25, 0.68, 0.07] if campaign else [0.5, 0.42, 0.08])
    region = rng.choice(["north", "south", "east", "west"], ROWS, p=[0.3, 0.25, 0.25, 0.2])
    returning = rng.random(ROWS) < (0.22 if campaign else 0.55)
    rows = []
    for i in range(ROWS):
        row = [int(age[i]), int(income[i]), int(credit[i]), int(loan[i]), int(tenure[i]),
               device[i], region[i], "true" if returning[i] else "false"]
        if rng.random() < 0.01:
            row[2] = ""  # credit bureau timeouts leave the score empty
        rows.append(row)
    return rows


def write(path, rows):
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(COLUMNS)
        out.writerows(rows)


def main():
    rng = np.random.default_rng(2026)
    write(HERE / "reference.csv", population(rng, campaign=False))
    write(HERE / "current.csv", population(rng, campaign=True))


if __name__ == "__main__":
    main()
