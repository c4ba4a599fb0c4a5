package io.vigil.detectors.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumericProfileTest {

  private static final ProfileSettings SMALL =
      ProfileSettings.defaults().withQuantileSketchK(200).withReservoirCapacity(100);

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void accept_nonFiniteValue_isRefusedPointingToMissing(double bad) {
    NumericProfile profile = NumericProfile.create(1);

    assertThatThrownBy(() -> profile.accept(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acceptMissing");
    assertThat(profile.count()).isZero();
  }

  @Test
  void state_emptyProfile_hasCountsAndNaNStatistics() {
    NumericProfile profile = NumericProfile.create(1);
    profile.acceptMissing();

    NumericProfile.State state = profile.state();

    assertThat(state.count()).isZero();
    assertThat(state.missing()).isEqualTo(1);
    assertThat(state.mean()).isNaN();
    assertThat(state.variance()).isNaN();
  }

  @Test
  void state_knownValues_matchesTwoPassStatistics() {
    double[] values = {2, 4, 4, 4, 5, 5, 7, 9};
    NumericProfile profile = profile(values, NumericProfile.create(1));

    NumericProfile.State state = profile.state();

    assertThat(state.count()).isEqualTo(8);
    assertThat(state.min()).isEqualTo(2);
    assertThat(state.max()).isEqualTo(9);
    assertThat(state.mean()).isEqualTo(5.0);
    assertThat(state.variance()).isCloseTo(32.0 / 7, within(1e-15));
  }

  @Test
  void combine_twoStreams_equalsOnePassOverBoth() {
    SplittableRandom random = new SplittableRandom(11);
    double[] first = values(random, 30_000, 100, 3);
    double[] second = values(random, 70_000, 102, 5);
    NumericProfile a = profile(first, NumericProfile.create(SMALL, 1));
    a.acceptMissing();
    NumericProfile b = profile(second, NumericProfile.create(SMALL, 2));
    NumericProfile onePass = profile(second, profile(first, NumericProfile.create(SMALL, 3)));
    onePass.acceptMissing();

    NumericProfile.State combined = a.combine(b).state();

    NumericProfile.State expected = onePass.state();
    assertThat(combined.count()).isEqualTo(expected.count());
    assertThat(combined.missing()).isEqualTo(expected.missing());
    assertThat(combined.min()).isEqualTo(expected.min());
    assertThat(combined.max()).isEqualTo(expected.max());
    assertThat(combined.mean()).isCloseTo(expected.mean(), Percentage.withPercentage(1e-10));
    assertThat(combined.variance())
        .isCloseTo(expected.variance(), Percentage.withPercentage(1e-10));
    assertThat(a.sample()).hasSize(SMALL.reservoirCapacity());
  }

  @Test
  void combine_twoStreams_keepsQuantilesWithinTheRankError() {
    SplittableRandom random = new SplittableRandom(12);
    double[] first = values(random, 40_000, 0, 1);
    double[] second = values(random, 60_000, 2, 1);
    double[] all = concatenateSorted(first, second);
    NumericProfile a = profile(first, NumericProfile.create(SMALL, 1));
    NumericProfile b = profile(second, NumericProfile.create(SMALL, 2));

    a.combine(b);

    for (double rank = 0.01; rank < 1; rank += 0.01) {
      double quantile = a.quantile(rank);
      double trueRank = (double) upperBound(all, quantile) / all.length;
      assertThat(trueRank).isCloseTo(rank, within(SMALL.rankError()));
    }
  }

  @Test
  void combine_withEmptyProfile_changesOnlyTheMissingCount() {
    NumericProfile profile = profile(new double[] {1, 2, 3}, NumericProfile.create(1));
    NumericProfile empty = NumericProfile.create(2);
    empty.acceptMissing();

    NumericProfile.State state = profile.combine(empty).state();

    assertThat(state).isEqualTo(new NumericProfile.State(3, 1, 1, 3, 2, 1));
  }

  @Test
  void combine_differentSettings_isRefused() {
    NumericProfile profile = NumericProfile.create(SMALL, 1);
    NumericProfile other = NumericProfile.create(2);

    assertThatThrownBy(() -> profile.combine(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot combine");
  }

  @Test
  void fromBytes_roundTrip_keepsStateQuantilesAndSampleAndContinuesTheSameSample() {
    SplittableRandom random = new SplittableRandom(13);
    NumericProfile original = profile(values(random, 5_000, 0, 1), NumericProfile.create(SMALL, 1));
    original.acceptMissing();
    double[] more = values(random, 5_000, 1, 1);

    NumericProfile restored = NumericProfile.fromBytes(original.toBytes());
    double restoredMedian = restored.quantile(0.5);
    profile(more, restored);
    double originalMedian = original.quantile(0.5);
    profile(more, original);

    assertThat(restoredMedian).isEqualTo(originalMedian);
    assertThat(restored.state()).isEqualTo(original.state());
    // The reservoir's generator state travels with the bytes; KLL's compaction coin does not
    // (DataSketches keeps one unseeded generator per JVM), so only the sample is compared here.
    assertThat(restored.sample()).containsExactly(original.sample());
  }

  @Test
  void fromBytes_unknownVersion_isRefusedNamingIt() {
    byte[] bytes = NumericProfile.create(1).toBytes();
    bytes[1] = 7;

    assertThatThrownBy(() -> NumericProfile.fromBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format version 7");
  }

  @Test
  void fromBytes_truncatedBytes_areRefused() {
    NumericProfile profile = profile(new double[] {1, 2, 3}, NumericProfile.create(SMALL, 1));
    byte[] bytes = profile.toBytes();

    for (int length : new int[] {0, 1, 2, 20, 60, bytes.length - 1}) {
      byte[] truncated = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> NumericProfile.fromBytes(truncated))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("truncated");
    }
  }

  @Test
  void fromBytes_categoricalProfileBytes_areRefused() {
    byte[] bytes = CategoricalProfile.create().toBytes();

    assertThatThrownBy(() -> NumericProfile.fromBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a numeric profile");
  }

  @Test
  void quantile_rankOutsideUnitInterval_isRefused() {
    NumericProfile profile = profile(new double[] {1, 2, 3}, NumericProfile.create(1));

    assertThatThrownBy(() -> profile.quantile(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rank");
    assertThat(profile.quantile(0.5)).isEqualTo(2.0);
  }

  @Test
  void settings_invalidSizes_areRefusedNamingThem() {
    ProfileSettings defaults = ProfileSettings.defaults();

    assertThatThrownBy(() -> defaults.withQuantileSketchK(4)).hasMessageContaining("k");
    assertThatThrownBy(() -> defaults.withReservoirCapacity(0)).hasMessageContaining("reservoir");
    assertThatThrownBy(() -> defaults.withFrequentItemsMapSize(100)).hasMessageContaining("power");
    assertThat(defaults.rankError()).isLessThan(0.005);
  }

  static NumericProfile profile(double[] values, NumericProfile profile) {
    for (double value : values) {
      profile.accept(value);
    }
    return profile;
  }

  private static double[] values(SplittableRandom random, int n, double mean, double sd) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = mean + sd * random.nextGaussian();
    }
    return values;
  }

  private static double[] concatenateSorted(double[] first, double[] second) {
    double[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    Arrays.sort(all);
    return all;
  }

  /** How many of the sorted values are {@code <= value}. */
  private static int upperBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] <= value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
