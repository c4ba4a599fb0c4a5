#!/usr/bin/env python3
"""Times Vigil's univariate drift tests against scipy on the same inputs, in the same run.

    python3 bench/drift_vs_scipy.py                 # n = 1e3, 1e5, 1e6 per sample
    python3 bench/drift_vs_scipy.py --sizes 1000    # a quick look

Writes seeded inputs to a temporary folder, builds and runs the Java harness
(io.vigil.benchmarks.DriftThroughput) on them, times scipy on the same arrays, and prints one row
per (test, n): the median time of each, and scipy / Vigil (above 1: Vigil is faster). The last
column checks that both computed the same number. Each side warms up for a second (so the JIT has
compiled Vigil's hot loops), then repeats until two seconds have been spent (at least 3 runs).
"""

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import scipy
from scipy import stats

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 2.0
CATEGORIES = 20


def write_inputs(folder, n, rng):
    ref = rng.normal(0.0, 1.0, n)
    cur = rng.normal(0.05, 1.1, n)
    probabilities = 1.0 / np.arange(1, CATEGORIES + 1)
    probabilities /= probabilities.sum()
    refcat = rng.choice(CATEGORIES, n, p=probabilities).astype("<i4")
    curcat = rng.choice(CATEGORIES, n, p=np.roll(probabilities, 1)).astype("<i4")
    ref.astype("<f8").tofile(folder / f"ref-{n}.f64")
    cur.astype("<f8").tofile(folder / f"cur-{n}.f64")
    refcat.tofile(folder / f"refcat-{n}.i32")
    curcat.tofile(folder / f"curcat-{n}.i32")
    return ref, cur, refcat, curcat


def psi(ref, cur):
    edges = np.unique(np.quantile(ref, [i / 10 for i in range(1, 10)]))
    r = np.bincount(np.searchsorted(edges, ref), minlength=len(edges) + 1) / len(ref)
    c = np.bincount(np.searchsorted(edges, cur), minlength=len(edges) + 1) / len(cur)
    r = np.where(r == 0, 1e-4, r)
    c = np.where(c == 0, 1e-4, c)
    return float(np.sum((c - r) * np.log(c / r)))


def scipy_tests(ref, cur, refcat, curcat):
    def chi_square():
        table = np.array([np.bincount(refcat, minlength=CATEGORIES),
                          np.bincount(curcat, minlength=CATEGORIES)])
        return stats.chi2_contingency(table).pvalue

    return {
        "ks": lambda: stats.ks_2samp(ref, cur).pvalue,
        "ad": lambda: stats.anderson_ksamp([ref, cur]).statistic,
        "cvm": lambda: stats.cramervonmises_2samp(ref, cur).pvalue,
        "chisquare": chi_square,
        "wasserstein": lambda: stats.wasserstein_distance(ref, cur),
        "psi": lambda: psi(ref, cur),
    }


def median_seconds(test):
    warm_up_end = time.perf_counter() + 1.0
    while time.perf_counter() < warm_up_end:
        test()
    runs = []
    spent = 0.0
    while len(runs) < 100_000 and (len(runs) < 3 or spent < TARGET_SECONDS):
        start = time.perf_counter()
        test()
        runs.append(time.perf_counter() - start)
        spent += runs[-1]
    return sorted(runs)[len(runs) // 2]


def build_harness():
    print("building the Java harness (mvn -pl benchmarks -am package)...", file=sys.stderr, flush=True)
    subprocess.run(["mvn", "-q", "-B", "-ntp", "-Dmaven.test.skip=true", "-Dspotless.check.skip=true",
                    "-pl", "benchmarks", "-am", "package", "dependency:build-classpath",
                    "-Dmdep.outputFile=target/classpath.txt"], cwd=ROOT, check=True)
    classpath = (ROOT / "benchmarks/target/classpath.txt").read_text().strip()
    return f"{ROOT / 'benchmarks/target/classes'}{os.pathsep}{classpath}"


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    # scipy warns about AD's capped p-value and its coming API change; neither affects timing.
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000, 1_000_000])
    args = parser.parse_args()
    classpath = build_harness()
    java_version = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores; {java_version}; "
          f"python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}")
    print(f"{'test':<12}{'n':>10}{'vigil ms':>12}{'scipy ms':>12}{'scipy/vigil':>13}  same result")
    rng = np.random.default_rng(20261126)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in args.sizes:
            arrays = write_inputs(folder, n, rng)
            print(f"timing n = {n:,} (Java, then scipy)...", file=sys.stderr, flush=True)
            java = subprocess.run(["java", "-Xmx6g", "-cp", classpath, "io.vigil.benchmarks.DriftThroughput",
                                   str(folder), str(n)], capture_output=True, text=True, check=True)
            vigil = {}
            for line in java.stdout.splitlines():
                name, size, millis, result = line.split()
                vigil[name] = (float(millis), float(result))
            for name, test in scipy_tests(*arrays).items():
                scipy_ms = 1000 * median_seconds(test)
                expected = float(test())
                vigil_ms, result = vigil[name]
                same = abs(result - expected) <= 1e-9 * max(abs(expected), 1e-300) or abs(result - expected) < 1e-12
                print(f"{name:<12}{n:>10,}{vigil_ms:>12.3f}{scipy_ms:>12.3f}{scipy_ms / vigil_ms:>13.2f}  "
                      f"{'yes' if same else f'NO: vigil {result!r}, scipy {expected!r}'}", flush=True)


if __name__ == "__main__":
    main()
