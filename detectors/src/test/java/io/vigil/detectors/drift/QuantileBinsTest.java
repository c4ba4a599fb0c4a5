package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantileBinsTest {

  static Stream<ReferenceCases.Case> numericCases() {
    return ReferenceCases.ofKind("numeric");
  }

  @ParameterizedTest
  @MethodSource("numericCases")
  void fromReference_scipyReferenceCase_givesNumpyEdgesAndCountsExactly(ReferenceCases.Case c) {
    JsonNode expected = c.expected("bins");
    double[] reference = c.reference();
    double[] current = c.current();

    QuantileBins bins = QuantileBins.fromReference(reference);
    long[] referenceCounts = bins.count(reference);
    long[] currentCounts = bins.count(current);

    assertThat(bins.edges()).containsExactly(ReferenceCases.doubles(expected.get("edges")));
    assertThat(bins.binCount()).isEqualTo(expected.get("edges").size() + 1);
    assertThat(referenceCounts)
        .containsExactly(ReferenceCases.longs(expected.get("reference_counts")));
    assertThat(currentCounts).containsExactly(ReferenceCases.longs(expected.get("current_counts")));
  }

  @Test
  void fromReference_distinctValues_givesDecileEdges() {
    double[] reference = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};

    QuantileBins bins = QuantileBins.fromReference(reference);

    assertThat(bins.edges()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(bins.binCount()).isEqualTo(10);
  }

  @Test
  void fromReference_ties_mergeRepeatedEdges() {
    double[] reference = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1};

    QuantileBins bins = QuantileBins.fromReference(reference);

    // deciles at h = 1, 2, ..., 9 of the sorted sample: 0 six times, then 1 three times
    assertThat(bins.edges()).containsExactly(0, 1);
    assertThat(bins.count(reference)).containsExactly(7, 4, 0);
  }

  @Test
  void count_valueOnAnEdge_fallsInTheBinBelow() {
    QuantileBins bins = QuantileBins.fromReference(new double[] {0, 1, 2, 3, 4}, 4);
    double[] sample = {1, 1.5, 2, -7, 99};

    long[] counts = bins.count(sample);

    // edges 1, 2, 3: bins (-inf, 1], (1, 2], (2, 3], (3, inf)
    assertThat(bins.edges()).containsExactly(1, 2, 3);
    assertThat(counts).containsExactly(2, 2, 0, 1);
  }

  @Test
  void count_anySample_countsEveryValueOnce() {
    double[] reference = new java.util.Random(11).doubles(997).toArray();
    double[] sample = new java.util.Random(12).doubles(1_234).map(x -> 2 * x - 0.5).toArray();

    long[] counts = QuantileBins.fromReference(reference).count(sample);

    assertThat(LongStream.of(counts).sum()).isEqualTo(sample.length);
  }

  @Test
  void fromReference_singleValue_hasOneEdge() {
    double[] reference = {4.2};

    QuantileBins bins = QuantileBins.fromReference(reference);

    assertThat(bins.edges()).containsExactly(4.2);
    assertThat(bins.count(new double[] {4.2, 4.3})).containsExactly(1, 1);
  }

  @Test
  void edges_returnsACopy() {
    QuantileBins bins = QuantileBins.fromReference(new double[] {0, 1, 2, 3, 4, 5});

    bins.edges()[0] = 1e9;

    assertThat(bins.edges()[0]).isEqualTo(0.5);
  }

  @Test
  void fromReference_input_isNotModified() {
    double[] reference = {5, 1, 4, 2, 3};
    double[] before = reference.clone();

    QuantileBins.fromReference(reference).count(reference);

    assertThat(reference).containsExactly(before);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 0, -3})
  void fromReference_fewerThanTwoBins_throwsNamingBins(int binCount) {
    double[] reference = {1, 2, 3};

    assertThatThrownBy(() -> QuantileBins.fromReference(reference, binCount))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bins must be at least 2 but is " + binCount);
  }

  @Test
  void fromReference_nanValue_throwsNamingTheIndex() {
    double[] reference = {1, Double.NaN, 3};

    assertThatThrownBy(() -> QuantileBins.fromReference(reference))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference sample: value at index 1 is NaN");
  }

  @Test
  void count_emptySample_throws() {
    QuantileBins bins = QuantileBins.fromReference(new double[] {1, 2, 3});

    assertThatThrownBy(() -> bins.count(new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample is empty");
  }
}
