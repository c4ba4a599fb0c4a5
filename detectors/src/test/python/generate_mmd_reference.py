#!/usr/bin/env python3
"""Generates the reference values that Vigil's multivariate drift tests are checked against.

Run from the repository root:

    python3 detectors/src/test/python/generate_mmd_reference.py

It writes detectors/src/test/resources/reference/mmd.ndjson.gz: one JSON object per line. The
first line is a header naming this command and the library versions; then one line per case
(kind "case": two samples of rows and what numpy computes for them), then one line of kind
"simulation" with the null percentiles that justify EmbeddingDrift's default thresholds.

Conventions shared with the Java implementations (documented there too):
  distance    squared Euclidean distance summed column by column in order, sqrt for distances.
  bandwidth   median heuristic: sigma = np.median of the Euclidean distances over all pairs i < j
              of the pooled rows [first min(m, 1000) reference rows, first min(n, 1000) current
              rows].
  kernel      k(x, y) = exp(-||x - y||^2 / (2 sigma^2)).
  mmd2        unbiased MMD^2 (Gretton et al. 2012, eq. 3), kernel sums taken with math.fsum.
  linear      MMD^2_l over consecutive pairs (Gretton et al. 2012, section 6):
              h_i = k(x_2i, x_2i+1) + k(y_2i, y_2i+1) - k(x_2i, y_2i+1) - k(x_2i+1, y_2i),
              i < min(m, n) // 2; statistic = mean(h), variance = var(h, ddof=1). (The Java
              test pairs rows at random; its package-private consecutive pairing is compared.)
  cosine      1 - cos(mean(reference), mean(current)), computed as ||a/|a| - b/|b|||^2 / 2.

Simulation (the source of EmbeddingDrift's default thresholds): two independent samples of
n = 1,000 rows each from the same distribution in d = 32 dimensions.
  cosine      rows mu + e, mu a unit vector, e ~ N(0, I/32) (unit-scale anisotropic embeddings:
              the cosine similarity of two rows is about 0.5); 2,000 replications.
  mmd2        rows N(0, I) (MMD^2 under the median heuristic does not depend on location or
              scale); 500 replications.
"""

import gzip
import json
import math
import platform
from pathlib import Path

import numpy as np

SEED = 20261127
OUT = Path(__file__).resolve().parents[1] / "resources" / "reference" / "mmd.ndjson.gz"
MEDIAN_ROWS = 1000


def rounded(matrix, digits=6):
    """Rounds to `digits` significant digits so the file stays small; Java parses the same doubles."""
    return [[float(f"{v:.{digits}g}") for v in row] for row in matrix]


def squared_distances(a, b):
    """||a_i - b_j||^2 summed column by column, the order the Java code uses."""
    total = np.zeros((a.shape[0], b.shape[0]))
    for k in range(a.shape[1]):
        diff = a[:, k, None] - b[None, :, k]
        total += diff * diff
    return total


def median_bandwidth(x, y):
    pooled = np.vstack([x[:MEDIAN_ROWS], y[:MEDIAN_ROWS]])
    upper = np.triu_indices(pooled.shape[0], k=1)
    return float(np.median(np.sqrt(squared_distances(pooled, pooled)[upper])))


def kernel(a, b, sigma):
    return np.exp(-squared_distances(a, b) / (2 * (sigma * sigma)))


def unbiased_mmd2(x, y, sigma):
    m, n = len(x), len(y)
    kxx = kernel(x, x, sigma)
    kyy = kernel(y, y, sigma)
    kxy = kernel(x, y, sigma)
    sxx = math.fsum(kxx[np.triu_indices(m, k=1)]) * 2
    syy = math.fsum(kyy[np.triu_indices(n, k=1)]) * 2
    sxy = math.fsum(kxy.ravel())
    return sxx / (m * (m - 1)) + syy / (n * (n - 1)) - 2 * sxy / (m * n)


def linear_mmd2(x, y, sigma):
    pairs = min(len(x), len(y)) // 2
    h = []
    for i in range(pairs):
        x1, x2, y1, y2 = x[2 * i], x[2 * i + 1], y[2 * i], y[2 * i + 1]
        k = lambda a, b: math.exp(-math.fsum((a - b) ** 2) / (2 * (sigma * sigma)))
        h.append(k(x1, x2) + k(y1, y2) - k(x1, y2) - k(x2, y1))
    mean = math.fsum(h) / pairs
    variance = math.fsum((v - mean) ** 2 for v in h) / (pairs - 1)
    return mean, variance


def cosine_distance(x, y):
    a = np.array([math.fsum(col) for col in x.T]) / len(x)
    b = np.array([math.fsum(col) for col in y.T]) / len(y)
    diff = a / math.sqrt(math.fsum(a * a)) - b / math.sqrt(math.fsum(b * b))
    return math.fsum(diff * diff) / 2


def embeddings(rng, n, d, mean):
    return mean + rng.normal(size=(n, d)) / math.sqrt(d)


def samples(rng):
    direction = np.zeros(8)
    direction[0] = 1
    turned = np.zeros(8)
    turned[0], turned[1] = math.cos(0.3), math.sin(0.3)
    yield "tiny-1d-shift", rng.normal(size=(5, 1)), rng.normal(0.5, 1, size=(7, 1))
    yield "small-3d-null", rng.normal(size=(20, 3)), rng.normal(size=(30, 3))
    yield "medium-8d-shift", rng.normal(size=(200, 8)), rng.normal(size=(150, 8)) + 0.3
    yield "scale-4d", rng.normal(size=(300, 4)), rng.normal(0, 1.5, size=(300, 4))
    yield "ties-2d", np.round(rng.normal(0, 3, size=(60, 2))), np.round(rng.normal(0, 3, size=(40, 2)))
    yield "subsampled-bandwidth-3d", rng.normal(size=(1100, 3)), rng.normal(0.1, 1, size=(1200, 3))
    yield "embeddings-8d-turned", embeddings(rng, 150, 8, direction), embeddings(rng, 120, 8, turned)


def case(name, x, y):
    x, y = np.array(rounded(x)), np.array(rounded(y))
    sigma = median_bandwidth(x, y)
    linear, variance = linear_mmd2(x, y, sigma)
    return {"kind": "case", "id": name, "reference": x.tolist(), "current": y.tolist(),
            "expected": {"bandwidth": sigma, "mmd2": unbiased_mmd2(x, y, sigma),
                         "linear_mmd2": linear, "linear_variance": variance,
                         "cosine_distance": cosine_distance(x, y)}}


def null_mmd2(rng, n, d):
    x, y = rng.normal(size=(n, d)), rng.normal(size=(n, d))
    # The Gram-matrix shortcut is accurate enough for a percentile and 30x faster.
    pooled = np.vstack([x, y])
    norms = (pooled * pooled).sum(axis=1)
    d2 = np.maximum(norms[:, None] + norms[None, :] - 2 * pooled @ pooled.T, 0)
    sigma = np.median(np.sqrt(d2[np.triu_indices(2 * n, k=1)]))
    k = np.exp(-d2 / (2 * sigma * sigma))
    np.fill_diagonal(k, 0)
    return (k[:n, :n].sum() / (n * (n - 1)) + k[n:, n:].sum() / (n * (n - 1))
            - 2 * k[:n, n:].sum() / (n * n))


def simulation(rng, n=1000, d=32):
    mean = np.zeros(d)
    mean[0] = 1
    cosines = [cosine_distance(embeddings(rng, n, d, mean), embeddings(rng, n, d, mean))
               for _ in range(2000)]
    mmds = [null_mmd2(rng, n, d) for _ in range(500)]
    return {"kind": "simulation", "n": n, "d": d,
            "cosine_distance_replications": len(cosines),
            "cosine_distance_p99": float(np.quantile(cosines, 0.99)),
            "cosine_distance_max": float(np.max(cosines)),
            "mmd2_replications": len(mmds),
            "mmd2_p99": float(np.quantile(mmds, 0.99)),
            "mmd2_max": float(np.max(mmds))}


def main():
    rng = np.random.default_rng(SEED)
    header = {"header": True, "command": "python3 detectors/src/test/python/generate_mmd_reference.py",
              "seed": SEED, "python": platform.python_version(), "numpy": np.__version__}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as raw:
        def write(obj):
            raw.write((json.dumps(obj, separators=(",", ":"), allow_nan=False) + "\n").encode())
        write(header)
        for name, x, y in samples(rng):
            write(case(name, x, y))
        result = simulation(rng)
        write(result)
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
