package io.vigil.tools.distribution;

import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.distribution.FeatureDistribution.EdgeSource;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/** The figures and shared histogram of a numeric feature's two profiles. */
final class NumericFigures {

  /** Bins cut at deciles: about a tenth of the reference side's values in each. */
  static final int BINS = 10;

  private static final MathContext LABEL_DIGITS = new MathContext(4);

  private NumericFigures() {}

  static NumericStats stats(NumericProfile profile) {
    NumericProfile.State state = profile.state();
    long observations = state.count() + state.missing();
    double missingRate = observations == 0 ? 0 : (double) state.missing() / observations;
    if (state.count() == 0) {
      return new NumericStats(0, state.missing(), missingRate, Optional.empty());
    }
    NumericStats.Quantiles quantiles =
        new NumericStats.Quantiles(
            profile.quantile(0.01),
            profile.quantile(0.05),
            profile.quantile(0.25),
            profile.quantile(0.50),
            profile.quantile(0.75),
            profile.quantile(0.95),
            profile.quantile(0.99));
    return new NumericStats(
        state.count(),
        state.missing(),
        missingRate,
        Optional.of(
            new NumericStats.Values(
                state.mean(), state.standardDeviation(), state.min(), state.max(), quantiles)));
  }

  /** Where the bin edges come from, given which sides have values. */
  static EdgeSource edgeSource(NumericProfile current, Optional<NumericProfile> baseline) {
    if (baseline.isPresent() && baseline.get().count() > 0) {
      return EdgeSource.BASELINE_QUANTILES;
    }
    return current.count() > 0 ? EdgeSource.WINDOW_QUANTILES : EdgeSource.NONE;
  }

  /**
   * Bins cut at the deciles of the baseline (or, without one, of the window), so both sides are
   * counted in the same bins: {@code (−∞, e1], (e1, e2], ..., (e9, +∞)}, fewer where deciles tie.
   */
  static List<HistogramBin> histogram(NumericProfile current, Optional<NumericProfile> baseline) {
    EdgeSource source = edgeSource(current, baseline);
    if (source == EdgeSource.NONE) {
      return List.of();
    }
    NumericProfile reference = source == EdgeSource.BASELINE_QUANTILES ? baseline.get() : current;
    TreeSet<Double> distinct = new TreeSet<>();
    for (int k = 1; k < BINS; k++) {
      distinct.add(reference.quantile((double) k / BINS));
    }
    double[] edges = distinct.stream().mapToDouble(Double::doubleValue).toArray();
    List<HistogramBin> bins = new ArrayList<>();
    for (int i = 0; i <= edges.length; i++) {
      OptionalDouble lower = i == 0 ? OptionalDouble.empty() : OptionalDouble.of(edges[i - 1]);
      OptionalDouble upper =
          i == edges.length ? OptionalDouble.empty() : OptionalDouble.of(edges[i]);
      double share = share(current, lower, upper);
      bins.add(
          new HistogramBin(
              lower,
              upper,
              label(lower, upper),
              Math.round(share * current.count()),
              share,
              baseline.filter(b -> b.count() > 0).isPresent()
                  ? OptionalDouble.of(share(baseline.get(), lower, upper))
                  : OptionalDouble.empty()));
    }
    return bins;
  }

  /** The profile's estimated share of values in {@code (lower, upper]}; 0 without values. */
  private static double share(NumericProfile profile, OptionalDouble lower, OptionalDouble upper) {
    if (profile.count() == 0) {
      return 0;
    }
    double below = upper.isPresent() ? profile.rank(upper.getAsDouble()) : 1.0;
    double above = lower.isPresent() ? profile.rank(lower.getAsDouble()) : 0.0;
    return Math.max(0, below - above);
  }

  private static String label(OptionalDouble lower, OptionalDouble upper) {
    String from = lower.isPresent() ? "(" + number(lower.getAsDouble()) : "(-inf";
    String to = upper.isPresent() ? number(upper.getAsDouble()) + "]" : "+inf)";
    return from + ", " + to;
  }

  static String number(double value) {
    return new BigDecimal(value).round(LABEL_DIGITS).stripTrailingZeros().toPlainString();
  }
}
