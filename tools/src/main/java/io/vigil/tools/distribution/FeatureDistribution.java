package io.vigil.tools.distribution;

import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.tools.query.TimeRange;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One feature's distribution in a window, beside its baseline's, with the drift verdict between the
 * two. Exactly one of {@code numeric} and {@code categorical} is present.
 *
 * @param model the model
 * @param version the version whose traffic is described, or empty for every version combined
 * @param feature the feature (or {@code @prediction}, {@code @confidence}, {@code @latency_ms})
 * @param kind how the feature is profiled
 * @param range the window, aligned outward to whole profile windows
 * @param alignment the profile window length the range is aligned to
 * @param baseline the baseline compared with, if the model has one
 * @param numeric the figures of a numeric feature
 * @param categorical the figures of a categorical (or boolean) feature
 * @param drift the drift verdict of the window against the baseline, when both have values
 * @param summary one or two sentences with the key numbers
 */
public record FeatureDistribution(
    String model,
    Optional<String> version,
    String feature,
    Kind kind,
    TimeRange range,
    Duration alignment,
    Optional<BaselineReference> baseline,
    Optional<Numeric> numeric,
    Optional<Categorical> categorical,
    Optional<FeatureDrift> drift,
    String summary) {

  /** How a feature is profiled: booleans as the categories "true" and "false". */
  public enum Kind {
    NUMERIC,
    CATEGORICAL
  }

  /** Where a histogram's bin edges come from. */
  public enum EdgeSource {
    /** The baseline's deciles: the baseline has about a tenth of its values in each bin. */
    BASELINE_QUANTILES,
    /** No baseline: the window's own deciles. */
    WINDOW_QUANTILES,
    /** No values on either side: no bins. */
    NONE
  }

  /**
   * A numeric feature's figures.
   *
   * @param current the window's
   * @param baseline the baseline's, when there is one
   * @param histogram bins shared by both sides
   * @param edges where the bin edges come from
   */
  public record Numeric(
      NumericStats current,
      Optional<NumericStats> baseline,
      List<HistogramBin> histogram,
      EdgeSource edges) {
    public Numeric {
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(baseline, "baseline");
      histogram = List.copyOf(histogram);
      Objects.requireNonNull(edges, "edges");
    }
  }

  /**
   * A categorical feature's figures.
   *
   * @param current the window's counts
   * @param baseline the baseline's counts, when there is one
   * @param categories the most frequent categories of either side, then {@value
   *     CategoryShare#OTHER}
   */
  public record Categorical(
      CategoryCounts current, Optional<CategoryCounts> baseline, List<CategoryShare> categories) {
    public Categorical {
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(baseline, "baseline");
      categories = List.copyOf(categories);
    }
  }

  /**
   * A categorical side's totals.
   *
   * @param count observations with a value
   * @param missing observations without one
   * @param missingRate {@code missing / (count + missing)}, 0 without observations
   * @param distinct categories seen, when counted exactly
   * @param exact whether every category's count is exact (else the frequent-items sketch's
   *     estimates)
   */
  public record CategoryCounts(
      long count, long missing, double missingRate, java.util.OptionalInt distinct, boolean exact) {
    public CategoryCounts {
      Objects.requireNonNull(distinct, "distinct");
    }
  }

  public FeatureDistribution {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(alignment, "alignment");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(numeric, "numeric");
    Objects.requireNonNull(categorical, "categorical");
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(summary, "summary");
    if (numeric.isPresent() == categorical.isPresent()) {
      throw new IllegalArgumentException("exactly one of numeric and categorical is present");
    }
  }
}
