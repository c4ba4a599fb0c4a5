package io.vigil.tools.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.distribution.FeatureDistribution.EdgeSource;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistributionFiguresTest {

  private static NumericProfile uniform(long seed, double low, double high, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    NumericProfile profile = NumericProfile.create(seed);
    for (int i = 0; i < n; i++) {
      profile.accept(low + (high - low) * random.nextDouble());
    }
    return profile;
  }

  @Test
  void histogram_withBaseline_cutsAtTheBaselineDecilesSoEachBaselineBinHoldsATenth() {
    NumericProfile baseline = uniform(1, 0, 100, 20_000);
    NumericProfile current = uniform(2, 50, 150, 20_000);

    List<HistogramBin> bins = NumericFigures.histogram(current, Optional.of(baseline));

    assertThat(bins).hasSize(10);
    for (int k = 1; k < 10; k++) {
      assertThat(bins.get(k - 1).upper().getAsDouble())
          .isEqualTo(baseline.quantile(k / 10.0))
          .isEqualTo(bins.get(k).lower().getAsDouble());
    }
    assertThat(bins.get(0).lower()).isEmpty();
    assertThat(bins.get(9).upper()).isEmpty();
    bins.forEach(bin -> assertThat(bin.baselineShare().getAsDouble()).isCloseTo(0.1, within(0.02)));
    // the current sample lives on [50, 150): none below 40, and 60% above the last edge (90)
    assertThat(bins.subList(0, 4)).allSatisfy(bin -> assertThat(bin.share()).isLessThan(0.01));
    assertThat(bins.get(9).share()).isCloseTo(0.60, within(0.02));
    assertThat(bins.stream().mapToDouble(HistogramBin::share).sum()).isCloseTo(1.0, within(1e-9));
    assertThat(NumericFigures.edgeSource(current, Optional.of(baseline)))
        .isEqualTo(EdgeSource.BASELINE_QUANTILES);
  }

  @Test
  void histogram_withoutBaseline_usesTheWindowsOwnDeciles() {
    NumericProfile current = uniform(3, 0, 1, 5_000);

    List<HistogramBin> bins = NumericFigures.histogram(current, Optional.empty());

    assertThat(bins).hasSize(10);
    assertThat(bins).allSatisfy(bin -> assertThat(bin.baselineShare()).isEmpty());
    assertThat(bins.get(0).label()).startsWith("(-inf, ");
    assertThat(bins.get(9).label()).endsWith(", +inf)");
    assertThat(NumericFigures.edgeSource(current, Optional.empty()))
        .isEqualTo(EdgeSource.WINDOW_QUANTILES);
  }

  @Test
  void stats_reportsMissingRateMomentsAndQuantiles() {
    NumericProfile profile = NumericProfile.create(4);
    for (int i = 1; i <= 100; i++) {
      profile.accept(i);
    }
    profile.acceptMissing();

    NumericStats stats = NumericFigures.stats(profile);

    assertThat(stats.count()).isEqualTo(100);
    assertThat(stats.missingRate()).isCloseTo(1 / 101.0, within(1e-12));
    NumericStats.Values values = stats.values().orElseThrow();
    assertThat(values.mean()).isCloseTo(50.5, within(1e-12));
    assertThat(values.min()).isEqualTo(1);
    assertThat(values.max()).isEqualTo(100);
    assertThat(values.quantiles().p50()).isCloseTo(50, within(1.0));
    assertThat(values.quantiles().p99()).isCloseTo(99, within(1.0));
  }

  @Test
  void shares_listTopCategoriesOfBothSidesThenTheRemainder() {
    CategoricalProfile current = CategoricalProfile.create();
    CategoricalProfile baseline = CategoricalProfile.create();
    for (int i = 0; i < 30; i++) {
      current.accept("c" + (i % 15));
      baseline.accept(i < 20 ? "old" : "c" + (i % 15));
    }
    current.accept("new");

    List<CategoryShare> shares = CategoryFigures.shares(current, Optional.of(baseline));

    // the union of each side's top 10 (15 categories), then the remainder
    assertThat(shares).hasSize(16);
    CategoryShare old =
        shares.stream().filter(s -> s.category().equals("old")).findFirst().orElseThrow();
    assertThat(old.count()).isZero();
    assertThat(old.baselineShare().getAsDouble()).isCloseTo(20 / 30.0, within(1e-12));
    CategoryShare other = shares.get(shares.size() - 1);
    assertThat(other.category()).isEqualTo(CategoryShare.OTHER);
    assertThat(shares.stream().mapToLong(CategoryShare::count).sum()).isEqualTo(current.count());
    assertThat(shares.stream().mapToLong(s -> s.baselineCount().getAsLong()).sum())
        .isEqualTo(baseline.count());
  }
}
