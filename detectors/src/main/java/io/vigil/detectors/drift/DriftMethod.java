package io.vigil.detectors.drift;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How one feature's reference and current samples are compared: the statistic reported, the effect
 * size that must also be large enough, and where the p-value comes from.
 *
 * <p>Every method reports a p-value, so that a decision always needs statistical significance
 * <em>and</em> a practical effect. Distance methods, which have no sampling distribution of their
 * own, take the p-value of a companion test on the same data: Cramér–von Mises for Wasserstein, the
 * chi-square test of the binned (or category) counts for PSI, Jensen–Shannon, Hellinger, KL and
 * total variation.
 */
public enum DriftMethod {
  /** Kolmogorov–Smirnov; effect size: the KS distance D = max |F_ref - F_cur|. */
  KOLMOGOROV_SMIRNOV("ks", "KS distance", 0.05),
  /** Anderson–Darling k-sample (midrank); effect size: the KS distance D. */
  ANDERSON_DARLING("ad", "KS distance", 0.05),
  /** Cramér–von Mises two-sample; effect size: the KS distance D. */
  CRAMER_VON_MISES("cvm", "KS distance", 0.05),
  /** Wasserstein-1 distance; effect size: W1 / std(reference) (Evidently's 0.1 default). */
  WASSERSTEIN("wasserstein", "W1 / reference std", 0.1),
  /** Chi-square test of the category counts; effect size: Cramér's V (Cohen's "small" = 0.1). */
  CHI_SQUARE("chisquare", "Cramér's V", 0.1),
  /** Two-proportion z-test for binary features; effect size: Cohen's h ("small" = 0.2). */
  Z_TEST("ztest", "Cohen's h", 0.2),
  /** Population stability index over reference-quantile bins; effect size: the PSI itself. */
  PSI("psi", "PSI", 0.1),
  /** Jensen–Shannon distance (natural log); effect size: the distance itself. */
  JENSEN_SHANNON("jensenshannon", "JS distance", 0.1),
  /** Hellinger distance; effect size: the distance itself. */
  HELLINGER("hellinger", "Hellinger distance", 0.1),
  /** Kullback–Leibler divergence KL(reference || current), smoothed; effect: the divergence. */
  KL_DIVERGENCE("kl", "KL divergence", 0.1),
  /** Total variation distance (share of probability mass that moved); effect: the distance. */
  TOTAL_VARIATION("tv", "total variation", 0.1);

  private final String id;
  private final String effectSizeName;
  private final double defaultEffectThreshold;

  DriftMethod(String id, String effectSizeName, double defaultEffectThreshold) {
    this.id = id;
    this.effectSizeName = effectSizeName;
    this.defaultEffectThreshold = defaultEffectThreshold;
  }

  /** The short name used on the command line and in JSON, e.g. {@code cvm}. */
  public String id() {
    return id;
  }

  /** What the effect size of this method measures, for reports. */
  public String effectSizeName() {
    return effectSizeName;
  }

  /** The effect size a change must reach, by default, to count as drift. */
  public double defaultEffectThreshold() {
    return defaultEffectThreshold;
  }

  /**
   * Looks a method up by its {@link #id()} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the valid ids when there is no such method
   */
  public static DriftMethod fromId(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(method -> method.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown drift method '"
                        + id
                        + "'; expected one of "
                        + Arrays.stream(values())
                            .map(DriftMethod::id)
                            .collect(Collectors.joining(", "))));
  }
}
