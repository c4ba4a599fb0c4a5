package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderStatisticsTest {

  static Stream<Arguments> samples() {
    SplittableRandom random = new SplittableRandom(11);
    return Stream.of(
        Arguments.of("normal", random.doubles(10_001).map(u -> u - 0.5).toArray()),
        Arguments.of("ties", random.ints(5_000, 0, 7).asDoubleStream().toArray()),
        Arguments.of("all equal", new double[777]),
        Arguments.of("sorted", IntStream.range(0, 4_096).asDoubleStream().toArray()),
        Arguments.of("reversed", IntStream.range(0, 4_096).map(i -> -i).asDoubleStream().toArray()),
        Arguments.of(
            "organ pipe",
            IntStream.range(0, 4_096).map(i -> Math.min(i, 4_095 - i)).asDoubleStream().toArray()),
        Arguments.of("signed zeros", new double[] {0.0, -0.0, 1, -1, 0.0, -0.0}),
        Arguments.of("one value", new double[] {3}),
        Arguments.of("two values", new double[] {2, 1}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void select_anyRanks_placeTheSortedValuesThere(String name, double[] sample) {
    double[] sorted = sample.clone();
    Arrays.sort(sorted);
    int last = sample.length - 1;
    int[] ranks =
        IntStream.of(0, last / 10, last / 10 + 1, last / 2, last / 2 + 1, 9 * last / 10, last)
            .map(r -> Math.min(r, last))
            .distinct()
            .sorted()
            .toArray();
    double[] values = sample.clone();

    OrderStatistics.select(values, ranks);

    for (int rank : ranks) {
      // == so that -0.0 and 0.0, which compare equal, may stand for each other as in a sort
      assertThat(values[rank] == sorted[rank]).as("rank %d", rank).isTrue();
    }
    double[] rearranged = values.clone();
    Arrays.sort(rearranged);
    assertThat(rearranged).containsExactly(sorted);
  }
}
