#!/usr/bin/env python3
"""Generates the reference values that Vigil's univariate drift tests are checked against.

Run from the repository root:

    python3 detectors/src/test/python/generate_reference.py

It writes detectors/src/test/resources/reference/univariate.ndjson.gz: one JSON object per
line. The first line is a header naming this command and the library versions; every other line
is a case with its input and what scipy (or the closed forms below) computes for it.

Case kinds:
  numeric      reference/current samples; expected ks, anderson_darling, cramer_von_mises,
               wasserstein and the binned distances (over reference-quantile bins).
  categorical  aligned category counts; expected chi_square and the binned distances.
  binary       successes and totals; expected z_test.
  correction   a vector of p-values; expected Benjamini-Hochberg adjusted p-values
               (scipy.stats.false_discovery_control) and Bonferroni's min(1, m p).

Where scipy raises for an input (e.g. anderson_ksamp on a constant pooled sample), the case
records {"error": "..."} for that test, and the Java side must refuse the input too.

Conventions shared with the Java implementations (documented there too):
  bins      edges = unique(quantile(reference, [0.1 .. 0.9], method='linear')); a value x lands
            in bin searchsorted(edges, x, side='left'), i.e. bins are (e[i-1], e[i]].
  psi       sum((c - r) * ln(c / r)) over proportions, zero proportions replaced by 1e-4.
  kl        KL(reference || current) after the same replacement and renormalisation, as
            scipy.stats.entropy(r, c) defines it.
  psi, kl, hellinger and total_variation are evaluated with 50-digit mpmath and rounded once.
  jensen_shannon  scipy.spatial.distance.jensenshannon(r, c) (natural log), no smoothing.
  hellinger sqrt(0.5 * sum((sqrt(r) - sqrt(c))^2)), no smoothing.
  total_variation  0.5 * sum(|r - c|).
  wasserstein_normalized  wasserstein_distance / std(reference, ddof=0); null when that std is 0.
"""

import gzip
import json
import math
import platform
import sys
import warnings
from pathlib import Path

import mpmath
import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

SEED = 20261126
OUT = Path(__file__).resolve().parents[1] / "resources" / "reference" / "univariate.ndjson.gz"
PSI_EPSILON = 1e-4
QUANTILE_LEVELS = [i / 10 for i in range(1, 10)]


def rounded(values, digits=6):
    """Rounds to `digits` significant digits so the file stays small and ties appear."""
    return [float(f"{v:.{digits}g}") for v in values]


def numeric_samples(rng):
    """Yields (name, reference, current) over sizes 5..100,000 and several shapes."""
    small = [(5, 5), (5, 8), (6, 6), (7, 11), (8, 8), (10, 10), (10, 13), (12, 20), (15, 15),
             (20, 20), (20, 17), (21, 21), (25, 30), (30, 30), (40, 35), (50, 50), (60, 45),
             (80, 80), (100, 100), (100, 150)]
    medium = [(200, 200), (300, 250), (500, 500), (500, 1000), (1000, 1000), (1500, 2000)]
    large = [(5000, 5000), (8000, 6000), (10000, 10000)]
    huge = [(20000, 20000), (50000, 30000), (100000, 100000), (100000, 30000)]

    def shapes(n, m):
        yield "same-normal", rng.normal(0, 1, n), rng.normal(0, 1, m)
        yield "shift-normal", rng.normal(0, 1, n), rng.normal(0.5, 1, m)
        yield "scale-normal", rng.normal(0, 1, n), rng.normal(0, 2, m)
        yield "small-shift", rng.normal(10, 3, n), rng.normal(10.3, 3, m)
        yield "lognormal", rng.lognormal(0, 1, n), rng.lognormal(0.2, 1.1, m)
        yield "cauchy", rng.standard_cauchy(n), rng.standard_cauchy(m)
        yield "cauchy-shift", rng.standard_cauchy(n), rng.standard_cauchy(m) + 1
        yield "ties", rng.integers(0, 5, n).astype(float), rng.integers(0, 6, m).astype(float)
        yield "heavy-ties", rng.integers(0, 2, n).astype(float), rng.integers(0, 3, m).astype(float)
        yield "exponential", rng.exponential(1, n), rng.exponential(1.3, m)
        yield "uniform-disjoint", rng.uniform(0, 1, n), rng.uniform(2, 3, m)

    for n, m in small + medium:
        for shape, x, y in shapes(n, m):
            yield f"{shape}-{n}x{m}", x, y
        yield f"constant-both-{n}x{m}", np.full(n, 3.5), np.full(m, 3.5)
        yield f"constant-reference-{n}x{m}", np.full(n, 1.0), rng.normal(1, 1, m)
    for n, m in large:
        for shape, x, y in list(shapes(n, m))[:7]:
            yield f"{shape}-{n}x{m}", x, y
    for n, m in huge:
        yield f"same-normal-{n}x{m}", rng.normal(0, 1, n), rng.normal(0, 1, m)
        yield f"small-shift-{n}x{m}", rng.normal(0, 1, n), rng.normal(0.02, 1, m)
    n, m = huge[2]
    yield f"ties-{n}x{m}", rng.integers(0, 50, n).astype(float), rng.integers(0, 50, m).astype(float)


def quantile_bins(reference, current):
    edges = np.unique(np.quantile(reference, QUANTILE_LEVELS, method="linear"))
    ref_counts = np.bincount(np.searchsorted(edges, reference, side="left"), minlength=len(edges) + 1)
    cur_counts = np.bincount(np.searchsorted(edges, current, side="left"), minlength=len(edges) + 1)
    return edges, ref_counts, cur_counts


def binned_distances(ref_counts, cur_counts):
    """The closed forms, evaluated exactly (50-digit mpmath on the integer counts) and rounded once,
    so a comparison at 1e-12 measures the Java code and not the generator's own rounding. Jensen-
    Shannon is scipy's jensenshannon, which the issue names as its reference."""
    with mpmath.workdps(50):
        n_ref, n_cur = int(np.sum(ref_counts)), int(np.sum(cur_counts))
        r = [mpmath.mpf(int(v)) / n_ref for v in ref_counts]
        c = [mpmath.mpf(int(v)) / n_cur for v in cur_counts]
        eps = mpmath.mpf(PSI_EPSILON)
        r_eps = [v if v != 0 else eps for v in r]
        c_eps = [v if v != 0 else eps for v in c]
        r_norm = [v / mpmath.fsum(r_eps) for v in r_eps]
        c_norm = [v / mpmath.fsum(c_eps) for v in c_eps]
        exact = {
            "psi": mpmath.fsum((b - a) * mpmath.log(b / a) for a, b in zip(r_eps, c_eps)),
            "kl": mpmath.fsum(a * mpmath.log(a / b) for a, b in zip(r_norm, c_norm)),
            "hellinger": mpmath.sqrt(mpmath.fsum((mpmath.sqrt(a) - mpmath.sqrt(b)) ** 2
                                                 for a, b in zip(r, c)) / 2),
            "total_variation": mpmath.fsum(abs(a - b) for a, b in zip(r, c)) / 2,
        }
    rf = np.asarray(ref_counts, dtype=float) / np.sum(ref_counts)
    cf = np.asarray(cur_counts, dtype=float) / np.sum(cur_counts)
    result = {name: float(value) for name, value in exact.items()}
    result["jensen_shannon"] = float(distance.jensenshannon(rf, cf))
    return result


def guarded(compute):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return compute()
        except ValueError as e:
            return {"error": str(e)}


def numeric_case(name, x, y):
    x, y = rounded(x), rounded(y)
    xa, ya = np.asarray(x), np.asarray(y)

    def ks():
        r = stats.ks_2samp(xa, ya, alternative="two-sided", method="auto")
        # scipy picks exact when max(n, m) <= 10000 and falls back to asymptotic if exact fails.
        return {"statistic": float(r.statistic), "pvalue": float(r.pvalue)}

    def ad():
        r = stats.anderson_ksamp([xa, ya], midrank=True)
        return {"statistic": float(r.statistic), "significance_level": float(r.pvalue),
                "critical_values": [float(v) for v in r.critical_values]}

    def cvm():
        r = stats.cramervonmises_2samp(xa, ya, method="auto")
        return {"statistic": float(r.statistic), "pvalue": float(r.pvalue)}

    def wasserstein():
        w = float(stats.wasserstein_distance(xa, ya))
        sd = float(np.std(xa))
        return {"distance": w, "normalized": (w / sd) if sd > 0 else None}

    edges, rc, cc = quantile_bins(xa, ya)
    expected = {
        "ks": guarded(ks),
        "anderson_darling": guarded(ad),
        "cramer_von_mises": guarded(cvm),
        "wasserstein": guarded(wasserstein),
        "bins": {"edges": [float(e) for e in edges], "reference_counts": [int(v) for v in rc],
                 "current_counts": [int(v) for v in cc]},
    }
    expected.update(binned_distances(rc, cc))
    return {"id": name, "kind": "numeric", "reference": x, "current": y, "expected": expected}


def categorical_cases(rng):
    shapes = [
        ("same-4", [0.4, 0.3, 0.2, 0.1], [0.4, 0.3, 0.2, 0.1]),
        ("moved-4", [0.4, 0.3, 0.2, 0.1], [0.25, 0.25, 0.25, 0.25]),
        ("same-2", [0.7, 0.3], [0.7, 0.3]),
        ("moved-2", [0.7, 0.3], [0.6, 0.4]),
        ("same-12", [1 / 12] * 12, [1 / 12] * 12),
        ("rare-tail-8", [0.5, 0.2, 0.1, 0.1, 0.05, 0.03, 0.015, 0.005],
         [0.45, 0.25, 0.1, 0.1, 0.05, 0.03, 0.015, 0.005]),
    ]
    sizes = [(5, 7), (20, 20), (50, 80), (100, 100), (500, 500), (1000, 700), (10000, 10000),
             (1000000, 1000000)]
    for n, m in sizes:
        for shape, p, q in shapes:
            yield f"{shape}-{n}x{m}", rng.multinomial(n, p), rng.multinomial(m, q)
    # Categories seen in only one of the samples; a category absent from both is never listed.
    yield "new-category", np.array([50, 30, 20, 0]), np.array([45, 30, 15, 10])
    yield "vanished-category", np.array([50, 30, 20, 5]), np.array([45, 35, 20, 0])
    yield "single-category", np.array([10]), np.array([12])
    yield "disjoint", np.array([10, 0]), np.array([0, 12])
    yield "huge-counts", np.array([10**9, 3 * 10**9, 5]), np.array([2 * 10**9, 10**9, 9])


def categorical_case(name, rc, cc):
    # A category absent from both samples would make an all-zero column: drop it, as callers do.
    keep = (rc + cc) > 0
    rc, cc = rc[keep], cc[keep]

    def chi_square(correction):
        def compute():
            if len(rc) < 2:
                raise ValueError("chi-square needs at least two categories")
            r = stats.chi2_contingency(np.array([rc, cc]), correction=correction)
            return {"statistic": float(r.statistic), "pvalue": float(r.pvalue), "dof": int(r.dof)}
        return compute

    expected = {"chi_square": guarded(chi_square(True)),
                "chi_square_no_correction": guarded(chi_square(False))}
    expected.update(binned_distances(rc, cc))
    return {"id": name, "kind": "categorical", "reference_counts": [int(v) for v in rc],
            "current_counts": [int(v) for v in cc], "expected": expected}


def binary_cases(rng):
    for n, m in [(5, 5), (10, 30), (100, 100), (1000, 1500), (100000, 100000), (10**7, 10**7)]:
        for p, q in [(0.5, 0.5), (0.3, 0.35), (0.02, 0.06), (0.9, 0.7)]:
            yield f"binary-{p}-{q}-{n}x{m}", int(rng.binomial(n, p)), n, int(rng.binomial(m, q)), m
    yield "binary-all-zero", 0, 50, 0, 70
    yield "binary-all-one", 40, 40, 30, 30
    yield "binary-opposite", 0, 40, 30, 30


def binary_case(name, s1, n1, s2, n2):
    # Two-proportion z-test with the pooled variance (statsmodels proportions_ztest's formula).
    p1, p2 = s1 / n1, s2 / n2
    pooled = (s1 + s2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance == 0:
        expected = {"statistic": 0.0, "pvalue": 1.0}  # both samples are all one value
    else:
        z = (p1 - p2) / math.sqrt(variance)
        expected = {"statistic": z, "pvalue": float(2 * stats.norm.sf(abs(z)))}
    return {"id": name, "kind": "binary", "reference": {"successes": s1, "total": n1},
            "current": {"successes": s2, "total": n2}, "expected": {"z_test": expected}}


def correction_cases(rng):
    yield "single", np.array([0.03])
    yield "all-null", rng.uniform(size=50)
    yield "some-signal", np.concatenate([rng.uniform(0, 1e-4, 5), rng.uniform(size=45)])
    yield "ties", np.array([0.01, 0.01, 0.02, 0.02, 0.5, 1.0, 0.0])
    yield "step-up-matters", np.array([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205])
    for m in (3, 10, 200):
        yield f"random-{m}", rng.uniform(size=m) ** 3


def correction_case(name, p):
    bh = stats.false_discovery_control(p, method="bh")
    return {"id": name, "kind": "correction", "p_values": [float(v) for v in p],
            "expected": {"benjamini_hochberg": [float(v) for v in bh],
                         "bonferroni": [float(v) for v in np.minimum(1.0, p * len(p))]}}


def main():
    rng = np.random.default_rng(SEED)
    header = {"header": True, "command": "python3 detectors/src/test/python/generate_reference.py",
              "seed": SEED, "python": platform.python_version(), "numpy": np.__version__,
              "scipy": scipy.__version__, "mpmath": mpmath.__version__}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    counts = {}
    partial = OUT.with_suffix(".partial")
    with gzip.GzipFile(partial, "wb", mtime=0) as raw:
        def write(obj):
            raw.write((json.dumps(obj, separators=(",", ":"), allow_nan=False) + "\n").encode())
            counts[obj.get("kind", "header")] = counts.get(obj.get("kind", "header"), 0) + 1
        write(header)
        for name, x, y in numeric_samples(rng):
            write(numeric_case(name, x, y))
            print(f"numeric {name}", file=sys.stderr, flush=True)
        for name, rc, cc in categorical_cases(rng):
            write(categorical_case(name, rc, cc))
        for args in binary_cases(rng):
            write(binary_case(*args))
        for name, p in correction_cases(np.random.default_rng(SEED + 1)):
            write(correction_case(name, p))
    partial.replace(OUT)
    print(f"wrote {OUT}: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
