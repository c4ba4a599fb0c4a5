#!/usr/bin/env python3
"""Generates the reference values that Vigil's performance metrics are checked against.

Run from the repository root:

    python3 detectors/src/test/python/generate_performance_reference.py

It writes detectors/src/test/resources/reference/performance.json: a header naming this command
and the library versions, then lists of cases by kind. scikit-learn is not used: every value is a
closed form evaluated with numpy and scipy, following the conventions documented in the Java
classes of io.vigil.detectors.performance:

  accuracy interval   Wilson (1927) score interval, z = norm.ppf(1 - (1 - level) / 2).
  precision/recall/F1 per class; 0 when the denominator is 0 (never-predicted / absent class).
  macro averages      over the classes present in the actual or the predicted labels.
  roc_auc             binary: Mann-Whitney U / (n+ n-) on the class-1 probability, average ranks
                      for ties (scipy.stats.rankdata); multiclass: macro one-vs-rest over the
                      classes with at least one positive and one negative row; null if none.
  log_loss            -mean(ln(clip(p[y], 1e-15, 1))).
  brier               binary: mean((p1 - y)^2); multiclass: mean(sum_k (p_k - [y = k])^2).
  ece                 confidence c = p[predicted]; 10 bins ((k-1)/10, k/10], the first
                      including 0; sum over bins of n_b / n * |accuracy_b - mean confidence_b|.
  entropy, margin     mean of -sum p ln p (0 ln 0 = 0) and of top-1 minus top-2 probability.
  regression          MAE, RMSE, R^2 (1 if SS_tot = 0 and SS_res = 0, 0 if SS_tot = 0 otherwise),
                      MAPE over rows with y != 0 (null when there are none).
  two_proportion      difference p1 - p2, Newcombe (1998) hybrid-score interval (method 10),
                      pooled z-test.
  mcnemar             exact two-sided min(1, 2 P(X <= min(b, c))), X ~ Bin(b + c, 1/2); mid-p
                      min(1, 2 P(X <= min(b, c)) - P(X = min(b, c))); chi-square (max(|b - c| - 1, 0))^2 / (b + c);
                      difference (b - c) / n with Newcombe's paired interval (method 10, with
                      his corrected phi).
  isotonic            pool-adjacent-violators on correctness against confidence, equal
                      confidences merged first; prediction by linear interpolation, clipped.
  platt               logistic fit of correctness on logit(clip(c, 1e-15, 1 - 1e-15)) with
                      Platt's targets (N+ + 1) / (N+ + 2) and 1 / (N- + 2), by trust-exact
                      polished with Newton steps.
"""

import json
import platform
import sys
from pathlib import Path

import numpy as np
import scipy
from scipy import optimize, stats

SEED = 20261127
OUT = Path(__file__).resolve().parents[1] / "resources" / "reference" / "performance.json"
LEVEL = 0.95
LOG_LOSS_EPSILON = 1e-15
ECE_BINS = 10
PLATT_CLIP = 1e-15


def z_of(level):
    return float(stats.norm.ppf(1 - (1 - level) / 2))


def wilson(successes, n, level):
    z = z_of(level)
    p = successes / n
    denominator = 1 + z * z / n
    center = (p + z * z / (2 * n)) / denominator
    half = z / denominator * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return float(max(0.0, center - half)), float(min(1.0, center + half))


def binary_auc(positive, score):
    positives = int(positive.sum())
    negatives = len(positive) - positives
    ranks = stats.rankdata(score)
    u = ranks[positive].sum() - positives * (positives + 1) / 2
    return float(u / (positives * negatives))


def roc_auc(y, probabilities):
    k = probabilities.shape[1]
    if k == 2:
        positive = y == 1
        if positive.all() or not positive.any():
            return None
        return binary_auc(positive, probabilities[:, 1])
    aucs = [binary_auc(y == c, probabilities[:, c]) for c in range(k)
            if (y == c).any() and not (y == c).all()]
    return float(np.mean(aucs)) if aucs else None


def ece(correct, confidence):
    bins = np.clip(np.ceil(confidence * ECE_BINS).astype(int) - 1, 0, ECE_BINS - 1)
    total = 0.0
    for b in range(ECE_BINS):
        members = bins == b
        if members.any():
            total += members.sum() / len(correct) * abs(correct[members].mean()
                                                        - confidence[members].mean())
    return float(total)


def label_metrics(y, predicted, k):
    per_class = []
    present = []
    for c in range(k):
        tp = int(((y == c) & (predicted == c)).sum())
        support = int((y == c).sum())
        predicted_count = int((predicted == c).sum())
        precision = tp / predicted_count if predicted_count else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * tp / (support + predicted_count) if support + predicted_count else 0.0
        per_class.append({"precision": precision, "recall": recall, "f1": f1,
                          "support": support, "predicted": predicted_count})
        if support or predicted_count:
            present.append(c)
    correct = int((y == predicted).sum())
    lower, upper = wilson(correct, len(y), LEVEL)
    return {
        "accuracy": correct / len(y), "wilson_lower": lower, "wilson_upper": upper,
        "per_class": per_class,
        "macro_precision": float(np.mean([per_class[c]["precision"] for c in present])),
        "macro_recall": float(np.mean([per_class[c]["recall"] for c in present])),
        "macro_f1": float(np.mean([per_class[c]["f1"] for c in present])),
    }


def probability_metrics(y, predicted, probabilities):
    n, k = probabilities.shape
    p_true = probabilities[np.arange(n), y]
    one_hot = np.eye(k)[y]
    if k == 2:
        brier = float(np.mean((probabilities[:, 1] - y) ** 2))
    else:
        brier = float(np.mean(((probabilities - one_hot) ** 2).sum(axis=1)))
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(probabilities > 0, probabilities * np.log(probabilities), 0.0)
    ordered = np.sort(probabilities, axis=1)
    confidence = probabilities[np.arange(n), predicted]
    return {
        "roc_auc": roc_auc(y, probabilities),
        "log_loss": float(-np.mean(np.log(np.clip(p_true, LOG_LOSS_EPSILON, 1)))),
        "brier": brier,
        "ece": ece((y == predicted).astype(float), confidence),
        "mean_confidence": float(confidence.mean()),
        "mean_entropy": float(-terms.sum(axis=1).mean()),
        "mean_margin": float((ordered[:, -1] - ordered[:, -2]).mean()),
    }


def classification_case(name, y, predicted, probabilities):
    k = probabilities.shape[1]
    expected = label_metrics(y, predicted, k)
    expected.update(probability_metrics(y, predicted, probabilities))
    return {"id": name, "class_count": k, "actual": y.tolist(), "predicted": predicted.tolist(),
            "probabilities": probabilities.tolist(), "expected": expected}


def dirichlet_world(rng, n, k, concentration):
    probabilities = rng.dirichlet([concentration] * k, n)
    y = np.array([rng.choice(k, p=row) for row in probabilities])
    return y, probabilities


def classification_cases(rng):
    y, p = dirichlet_world(rng, 200, 2, 1.0)
    yield classification_case("binary-200", y, p.argmax(axis=1), p)
    # predictions from a threshold of 0.3, so they are not the argmax
    yield classification_case("binary-threshold-0.3", y, (p[:, 1] > 0.3).astype(int), p)
    # probabilities on a grid of tenths: many tied scores for the AUC and shared ECE bins
    tenths = np.round(rng.uniform(0, 1, 150) * 10) / 10
    p = np.column_stack([1 - tenths, tenths])
    y = (rng.uniform(0, 1, 150) < tenths).astype(int)
    yield classification_case("binary-tied-tenths", y, p.argmax(axis=1), p)
    y, p = dirichlet_world(rng, 300, 3, 0.7)
    yield classification_case("multiclass-3", y, p.argmax(axis=1), p)
    y, p = dirichlet_world(rng, 2000, 5, 0.4)
    yield classification_case("multiclass-5-2000", y, p.argmax(axis=1), p)
    # class 3 actual but never predicted and given probability 0 (log loss clips it); class 2
    # predicted but never actual
    y, p = dirichlet_world(rng, 120, 4, 1.0)
    p[:, 3] = 0
    p[:, 2] = 0.0
    p = p / p.sum(axis=1, keepdims=True)
    y = np.array([rng.choice(4, p=row) for row in p])
    y[:5] = 3
    predicted = p.argmax(axis=1)
    predicted[5:15] = 2
    yield classification_case("multiclass-4-missing-classes", y, predicted, p)


def regression_case(name, y, predicted):
    residual = y - predicted
    ss_res = float((residual ** 2).sum())
    ss_tot = float(((y - y.mean()) ** 2).sum())
    if ss_tot == 0:
        r2 = 1.0 if ss_res == 0 else 0.0
    else:
        r2 = 1 - ss_res / ss_tot
    nonzero = y != 0
    mape = float(np.mean(np.abs(residual[nonzero] / y[nonzero]))) if nonzero.any() else None
    return {"id": name, "actual": y.tolist(), "predicted": predicted.tolist(),
            "expected": {"mae": float(np.mean(np.abs(residual))),
                         "rmse": float(np.sqrt(np.mean(residual ** 2))),
                         "r2": float(r2), "mape": mape, "mape_rows": int(nonzero.sum())}}


def regression_cases(rng):
    for n in (5, 50, 1000):
        y = rng.normal(10, 3, n)
        yield regression_case(f"normal-{n}", y, y + rng.normal(0, 1, n))
    y = rng.normal(1e6, 1, 400)
    yield regression_case("large-offset", y, y + rng.normal(0, 0.5, 400))
    y = rng.integers(0, 4, 60).astype(float)
    yield regression_case("with-zeros", y, y + rng.normal(0, 0.3, 60))
    yield regression_case("all-zero-actual", np.zeros(8), rng.normal(0, 1, 8))
    yield regression_case("constant-actual", np.full(10, 2.5), np.full(10, 2.0))
    yield regression_case("constant-perfect", np.full(6, 3.0), np.full(6, 3.0))


def newcombe_independent(s1, n1, s2, n2, level):
    p1, p2 = s1 / n1, s2 / n2
    l1, u1 = wilson(s1, n1, level)
    l2, u2 = wilson(s2, n2, level)
    difference = p1 - p2
    lower = difference - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    upper = difference + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    pooled = (s1 + s2) / (n1 + n2)
    if pooled in (0, 1):
        z, p = 0.0, 1.0
    else:
        z = difference / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        p = float(2 * stats.norm.sf(abs(z)))
    return {"difference": difference, "lower": float(lower), "upper": float(upper),
            "statistic": float(z), "pvalue": p}


def two_proportion_cases():
    for s1, n1, s2, n2 in [(56, 70, 48, 80), (9, 10, 3, 10), (0, 10, 0, 20), (10, 10, 0, 20),
                           (500, 1000, 480, 1000), (8123, 10000, 8050, 10000), (1, 3, 2, 3),
                           (45, 50, 45, 50)]:
        yield {"id": f"{s1}/{n1}-{s2}/{n2}", "successes_a": s1, "total_a": n1,
               "successes_b": s2, "total_b": n2,
               "expected": newcombe_independent(s1, n1, s2, n2, LEVEL)}


def newcombe_paired(a, b, c, d, level):
    n = a + b + c + d
    p1, p2 = (a + b) / n, (a + c) / n
    l1, u1 = wilson(a + b, n, level)
    l2, u2 = wilson(a + c, n, level)
    product = (a + b) * (c + d) * (a + c) * (b + d)
    cross = a * d - b * c
    corrected = cross - n / 2 if cross > n / 2 else (cross if cross < 0 else 0)
    phi = corrected / np.sqrt(product) if product > 0 else 0.0
    dl1, du1, dl2, du2 = p1 - l1, u1 - p1, p2 - l2, u2 - p2
    difference = (b - c) / n
    lower = difference - np.sqrt(max(0.0, dl1 ** 2 - 2 * phi * dl1 * du2 + du2 ** 2))
    upper = difference + np.sqrt(max(0.0, du1 ** 2 - 2 * phi * du1 * dl2 + dl2 ** 2))
    return difference, float(max(-1.0, lower)), float(min(1.0, upper))


def mcnemar_cases():
    for a, b, c, d in [(40, 5, 1, 54), (30, 0, 0, 20), (12, 9, 2, 21), (100, 30, 12, 58),
                       (800, 60, 95, 45), (5, 3, 3, 5), (0, 10, 0, 0), (2000, 150, 170, 300)]:
        discordant = b + c
        if discordant == 0:
            exact, mid_p, chi_square, chi_p = 1.0, 1.0, 0.0, 1.0
        else:
            smaller = min(b, c)
            exact = float(min(1.0, 2 * stats.binom.cdf(smaller, discordant, 0.5)))
            mid_p = float(min(1.0, 2 * stats.binom.cdf(smaller, discordant, 0.5)
                              - stats.binom.pmf(smaller, discordant, 0.5)))
            chi_square = max(abs(b - c) - 1, 0) ** 2 / discordant
            chi_p = float(stats.chi2.sf(chi_square, 1))
        difference, lower, upper = newcombe_paired(a, b, c, d, LEVEL)
        yield {"id": f"{a}-{b}-{c}-{d}", "both_correct": a, "only_a": b, "only_b": c,
               "both_wrong": d,
               "expected": {"exact": exact, "mid_p": mid_p, "chi_square": float(chi_square),
                            "chi_square_pvalue": chi_p, "difference": difference,
                            "lower": lower, "upper": upper}}


def wilson_cases():
    for s, n, level in [(0, 10, 0.95), (10, 10, 0.95), (81, 263, 0.95), (1, 2, 0.9),
                        (999, 1000, 0.99), (123456, 200000, 0.95), (3, 7, 0.5)]:
        lower, upper = wilson(s, n, level)
        yield {"id": f"{s}/{n}@{level}", "successes": s, "total": n, "level": level,
               "expected": {"lower": lower, "upper": upper}}


def isotonic(confidence, correct):
    order = np.argsort(confidence, kind="stable")
    x, y = confidence[order], correct[order]
    unique, start = np.unique(x, return_index=True)
    counts = np.diff(np.append(start, len(x)))
    means = np.add.reduceat(y, start) / counts
    values, weights, sizes = [], [], []
    for mean, weight in zip(means, counts):
        values.append(mean)
        weights.append(float(weight))
        sizes.append(1)
        while len(values) > 1 and values[-2] > values[-1]:
            w = weights[-2] + weights[-1]
            merged = (values[-2] * weights[-2] + values[-1] * weights[-1]) / w
            sizes[-2] += sizes[-1]
            values[-2], weights[-2] = merged, w
            values.pop(), weights.pop(), sizes.pop()
    fitted = np.repeat(values, sizes)
    return unique, fitted


def platt(confidence, correct):
    s = np.log(np.clip(confidence, PLATT_CLIP, 1 - PLATT_CLIP)) \
        - np.log1p(-np.clip(confidence, PLATT_CLIP, 1 - PLATT_CLIP))
    positives = correct.sum()
    negatives = len(correct) - positives
    target = np.where(correct == 1, (positives + 1) / (positives + 2), 1 / (negatives + 2))

    def loss(theta):
        f = theta[0] * s + theta[1]
        return float(np.sum(np.logaddexp(0, f) - target * f))

    def gradient(theta):
        r = 1 / (1 + np.exp(-(theta[0] * s + theta[1]))) - target
        return np.array([np.dot(r, s), r.sum()])

    def hessian(theta):
        q = 1 / (1 + np.exp(-(theta[0] * s + theta[1])))
        w = q * (1 - q)
        return np.array([[np.dot(w, s * s), np.dot(w, s)], [np.dot(w, s), w.sum()]])

    fit = optimize.minimize(loss, np.zeros(2), jac=gradient, hess=hessian, method="trust-exact",
                            options={"gtol": 1e-13})
    # trust-exact stops near gradient 1e-6 on a few thousand rows; Newton steps finish the job
    theta = fit.x
    for _ in range(20):
        step = np.linalg.solve(hessian(theta), gradient(theta))
        theta = theta - step
        if np.abs(step).sum() < 1e-15:
            break
    return theta


def calibration_cases(rng):
    for n, shape in [(40, "tied"), (500, "smooth"), (3000, "smooth")]:
        if shape == "tied":
            confidence = np.round(rng.uniform(0.5, 1, n) * 20) / 20
        else:
            confidence = rng.uniform(0.5, 1, n)
        truth = 0.5 + (confidence - 0.5) * 0.7
        correct = (rng.uniform(0, 1, n) < truth).astype(float)
        queries = np.concatenate([[0.3, 0.5, 0.999, 1.0], rng.uniform(0.45, 1, 20)])
        x, fitted = isotonic(confidence, correct)
        a, b = platt(confidence, correct)
        clipped = np.clip(queries, PLATT_CLIP, 1 - PLATT_CLIP)
        platt_values = 1 / (1 + np.exp(-(a * (np.log(clipped) - np.log1p(-clipped)) + b)))
        yield {"id": f"{shape}-{n}", "confidence": confidence.tolist(),
               "correct": correct.astype(int).tolist(), "queries": queries.tolist(),
               "expected": {"isotonic": np.interp(queries, x, fitted).tolist(),
                            "platt_slope": float(a), "platt_intercept": float(b),
                            "platt": platt_values.tolist()}}


def main():
    rng = np.random.default_rng(SEED)
    document = {
        "header": {"command": "python3 detectors/src/test/python/generate_performance_reference.py",
                   "seed": SEED, "python": platform.python_version(), "numpy": np.__version__,
                   "scipy": scipy.__version__, "level": LEVEL},
        "classification": list(classification_cases(rng)),
        "regression": list(regression_cases(rng)),
        "wilson": list(wilson_cases()),
        "two_proportion": list(two_proportion_cases()),
        "mcnemar": list(mcnemar_cases()),
        "calibration": list(calibration_cases(rng)),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(document, separators=(",", ":"), allow_nan=False) + "\n")
    sizes = {k: len(v) for k, v in document.items() if isinstance(v, list)}
    print(f"wrote {OUT} {sizes}", file=sys.stderr)


if __name__ == "__main__":
    main()
