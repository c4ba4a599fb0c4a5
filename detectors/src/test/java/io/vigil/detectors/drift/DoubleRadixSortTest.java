package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DoubleRadixSortTest {

  private static final long SEED = 20_240_611L;

  private static final int THRESHOLD = DoubleRadixSort.RADIX_SORT_THRESHOLD;

  /** Every distinct value here, in ascending {@link Double#compare} order. */
  private static final double[] EXTREMES_IN_ORDER = {
    -Double.MAX_VALUE,
    -1.0,
    -Double.MIN_NORMAL,
    -Math.nextDown(Double.MIN_NORMAL),
    -2 * Double.MIN_VALUE,
    -Double.MIN_VALUE,
    -0.0,
    0.0,
    Double.MIN_VALUE,
    2 * Double.MIN_VALUE,
    Math.nextDown(Double.MIN_NORMAL),
    Double.MIN_NORMAL,
    1.0,
    Double.MAX_VALUE
  };

  /** The seeded inputs: the shapes the drift tests see, and keys built to skip passes. */
  enum Distribution {
    NORMAL(Random::nextGaussian),
    CAUCHY(random -> Math.tan(Math.PI * (random.nextDouble() - 0.5))),
    /**
     * Whole numbers of both signs: the low mantissa bytes are zero, so their passes are skipped.
     */
    INTEGER_VALUED(random -> random.nextInt(2_001) - 1_000),
    /**
     * Signed zeros, extremes, subnormals and doubles with random bits, which vary in every byte.
     */
    SPECIAL_VALUES(DoubleRadixSortTest::specialValue),
    /** Values that differ in the lowest byte of their bits only: a single radix pass. */
    LOWEST_BYTE_ONLY(
        random -> Double.longBitsToDouble(0x3FF0_0000_0000_0000L | random.nextInt(256)));

    private final ToDoubleFunction<Random> sampler;

    Distribution(ToDoubleFunction<Random> sampler) {
      this.sampler = sampler;
    }

    double[] sample(int size, long seed) {
      Random random = new Random(seed + 31L * ordinal());
      return IntStream.range(0, size).mapToDouble(i -> sampler.applyAsDouble(random)).toArray();
    }
  }

  /** Inputs with order already in them, which {@code sortedCopy} leaves to {@code Arrays.sort}. */
  enum Structure {
    ALL_EQUAL,
    ALREADY_SORTED,
    REVERSED,
    FEW_SORTED_RUNS,
    SORTED_WITH_SWAPS;

    double[] sample(int size, long seed) {
      double[] values = Distribution.NORMAL.sample(size, seed);
      switch (this) {
        case ALL_EQUAL -> Arrays.fill(values, -2.5);
        case ALREADY_SORTED -> Arrays.sort(values);
        case REVERSED -> {
          Arrays.sort(values);
          reverse(values);
        }
        case FEW_SORTED_RUNS -> {
          int runs = 5;
          for (int run = 0; run < runs; run++) {
            Arrays.sort(values, run * size / runs, (run + 1) * size / runs);
          }
        }
        case SORTED_WITH_SWAPS -> {
          Arrays.sort(values);
          Random random = new Random(seed);
          for (int swap = 0; swap < 100; swap++) {
            swap(values, random.nextInt(size), random.nextInt(size));
          }
        }
      }
      return values;
    }
  }

  static Stream<Arguments> distributionsAroundTheThreshold() {
    int[] sizes = {
      1,
      2,
      3,
      100,
      THRESHOLD - 1,
      THRESHOLD,
      THRESHOLD + 1,
      THRESHOLD + 2,
      2 * THRESHOLD - 1,
      2 * THRESHOLD + 1,
      5_000,
      65_537,
      250_000
    };
    return Arrays.stream(Distribution.values())
        .flatMap(d -> Arrays.stream(sizes).mapToObj(size -> Arguments.of(d, size)));
  }

  static Stream<Arguments> distributionsOfSeveralSizes() {
    int[] sizes = {1, 2, 3, 17, 255, 256, 257, 5_000};
    return Arrays.stream(Distribution.values())
        .flatMap(d -> Arrays.stream(sizes).mapToObj(size -> Arguments.of(d, size)));
  }

  @ParameterizedTest
  @MethodSource("distributionsAroundTheThreshold")
  void sortedCopy_seededRandomInput_equalsArraysSort(Distribution distribution, int size) {
    double[] values = distribution.sample(size, SEED + size);

    double[] sorted = DoubleRadixSort.sortedCopy(values);

    assertSameBits(sorted, arraysSorted(values));
  }

  @ParameterizedTest
  @EnumSource(names = {"NORMAL", "CAUCHY", "INTEGER_VALUED"})
  void sortedCopy_millionValues_equalsArraysSort(Distribution distribution) {
    double[] values = distribution.sample(1_000_000, SEED);

    double[] sorted = DoubleRadixSort.sortedCopy(values);

    assertSameBits(sorted, arraysSorted(values));
  }

  @ParameterizedTest
  @MethodSource("distributionsOfSeveralSizes")
  void radixSortedCopy_anySize_equalsArraysSort(Distribution distribution, int size) {
    double[] values = distribution.sample(size, SEED - size);

    double[] sorted = DoubleRadixSort.radixSortedCopy(values);

    assertSameBits(sorted, arraysSorted(values));
  }

  @ParameterizedTest
  @EnumSource(Structure.class)
  void sortedCopy_structuredInput_equalsArraysSort(Structure structure) {
    double[] values = structure.sample(50_000, SEED);

    double[] sorted = DoubleRadixSort.sortedCopy(values);

    assertSameBits(sorted, arraysSorted(values));
  }

  @ParameterizedTest
  @EnumSource(Structure.class)
  void radixSortedCopy_structuredInput_equalsArraysSort(Structure structure) {
    double[] values = structure.sample(50_000, SEED);

    double[] sorted = DoubleRadixSort.radixSortedCopy(values);

    assertSameBits(sorted, arraysSorted(values));
  }

  @Test
  void sortedCopy_shuffledExtremes_areInDoubleCompareOrder() {
    int copies = 200;
    double[] values = new double[EXTREMES_IN_ORDER.length * copies];
    for (int i = 0; i < values.length; i++) {
      values[i] = EXTREMES_IN_ORDER[i % EXTREMES_IN_ORDER.length];
    }
    shuffle(values, new Random(SEED));

    double[] sorted = DoubleRadixSort.sortedCopy(values);

    double[] expected = new double[values.length];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = EXTREMES_IN_ORDER[i / copies];
    }
    assertSameBits(sorted, expected);
  }

  @Test
  void radixSortedCopy_signedZerosOnly_putsNegativeZeroFirst() {
    Random random = new Random(SEED);
    double[] values = new double[3_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextBoolean() ? -0.0 : 0.0;
    }
    long negativeZeros = Arrays.stream(values).filter(v -> Double.compare(v, 0.0) < 0).count();

    double[] sorted = DoubleRadixSort.radixSortedCopy(values);

    double[] expected = new double[values.length];
    Arrays.fill(expected, 0, (int) negativeZeros, -0.0);
    assertSameBits(sorted, expected);
  }

  @ParameterizedTest
  @EnumSource(Distribution.class)
  void sortedCopy_anyDistribution_leavesInputUnchanged(Distribution distribution) {
    double[] values = distribution.sample(20_000, SEED);
    double[] original = values.clone();

    DoubleRadixSort.sortedCopy(values);
    DoubleRadixSort.radixSortedCopy(values);

    assertSameBits(values, original);
  }

  @Test
  void sortedCopy_alreadySortedInput_returnsANewArray() {
    double[] values = Structure.ALREADY_SORTED.sample(5_000, SEED);

    double[] sorted = DoubleRadixSort.sortedCopy(values);

    assertThat(sorted).isNotSameAs(values);
  }

  @Test
  void radixSortedCopy_emptyInput_returnsEmptyArray() {
    double[] values = {};

    double[] sorted = DoubleRadixSort.radixSortedCopy(values);

    assertThat(sorted).isEmpty();
  }

  /** Compares raw bits, so {@code -0.0} and {@code 0.0} differ; reports the first mismatch only. */
  private static void assertSameBits(double[] actual, double[] expected) {
    assertThat(actual.length).as("length").isEqualTo(expected.length);
    long[] actualBits = Arrays.stream(actual).mapToLong(Double::doubleToRawLongBits).toArray();
    long[] expectedBits = Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray();
    int mismatch = Arrays.mismatch(actualBits, expectedBits);
    assertThat(mismatch)
        .as(
            "first index where the bits differ (value there: %s, expected %s)",
            mismatch < 0 ? "none" : actual[mismatch], mismatch < 0 ? "none" : expected[mismatch])
        .isEqualTo(-1);
  }

  private static double[] arraysSorted(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted;
  }

  private static double specialValue(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> EXTREMES_IN_ORDER[random.nextInt(EXTREMES_IN_ORDER.length)];
      case 1 -> {
        double subnormal = Double.longBitsToDouble(random.nextLong() & 0x000F_FFFF_FFFF_FFFFL);
        yield random.nextBoolean() ? subnormal : -subnormal;
      }
      default -> {
        // random bits cover every exponent; the few infinities and NaNs become an ordinary value
        double anyBits = Double.longBitsToDouble(random.nextLong());
        yield Double.isFinite(anyBits) ? anyBits : 0.5;
      }
    };
  }

  private static void shuffle(double[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      swap(values, i, random.nextInt(i + 1));
    }
  }

  private static void reverse(double[] values) {
    for (int i = 0, j = values.length - 1; i < j; i++, j--) {
      swap(values, i, j);
    }
  }

  private static void swap(double[] values, int i, int j) {
    double value = values[i];
    values[i] = values[j];
    values[j] = value;
  }
}
