package io.vigil.tools.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.tools.segments.SegmentSlice.Source;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SliceDecompositionTest {

  private static final SliceCounts WINDOW_EU = new SliceCounts(300, 0, 300, 180);
  private static final SliceCounts WINDOW_US = new SliceCounts(700, 0, 700, 630);
  private static final SliceCounts REFERENCE_EU = new SliceCounts(200, 0, 200, 180);
  private static final SliceCounts REFERENCE_US = new SliceCounts(800, 0, 800, 720);

  private final SliceDecomposition decomposition =
      new SliceDecomposition(
          SegmentMetric.ACCURACY, WINDOW_EU.plus(WINDOW_US), REFERENCE_EU.plus(REFERENCE_US));

  private List<SegmentSlice> regionSlices() {
    return decomposition.slices(
        Source.WINDOW_COUNTERS,
        Map.of(Map.of("region", "eu"), WINDOW_EU, Map.of("region", "us"), WINDOW_US),
        Map.of(Map.of("region", "eu"), REFERENCE_EU, Map.of("region", "us"), REFERENCE_US));
  }

  @Test
  void slices_ofOnePartition_contributionsSumToTheOverallChange() {
    List<SegmentSlice> slices = regionSlices();

    double sum = slices.stream().mapToDouble(SegmentSlice::contribution).sum();
    assertThat(decomposition.overallChange()).isCloseTo(0.81 - 0.90, within(1e-12));
    assertThat(sum).isCloseTo(decomposition.overallChange(), within(1e-12));
    assertThat(slices.stream().mapToDouble(s -> s.contributionShare().getAsDouble()).sum())
        .isCloseTo(1.0, within(1e-12));
  }

  @Test
  void ranked_accuracy_putsTheSliceThatDroppedFirstWithItsTest() {
    List<SegmentSlice> ranked = decomposition.ranked(regionSlices(), 10);

    SegmentSlice eu = ranked.get(0);
    assertThat(eu.conditions()).containsExactly(Map.entry("region", "eu"));
    assertThat(eu.change().getAsDouble()).isCloseTo(0.60 - 0.90, within(1e-12));
    // s_w (m_w - m_r) = 0.3 * -0.3; (s_w - s_r)(m_r - M_r) = 0.1 * 0
    assertThat(eu.performanceEffect()).isCloseTo(-0.09, within(1e-12));
    assertThat(eu.mixEffect()).isCloseTo(0.0, within(1e-12));
    assertThat(eu.contributionShare().getAsDouble()).isCloseTo(1.0, within(1e-12));
    assertThat(eu.zStatistic().getAsDouble()).isPositive();
    assertThat(eu.adjustedPValue().getAsDouble()).isLessThan(1e-10);
    assertThat(ranked.get(1).adjustedPValue().getAsDouble()).isGreaterThan(0.05);
  }

  @Test
  void slices_newSlice_isComparedWithTheOverallReferenceMetric() {
    SliceDecomposition withNew =
        new SliceDecomposition(
            SegmentMetric.ERROR_RATE,
            new SliceCounts(100, 30, 0, 0),
            new SliceCounts(100, 10, 0, 0));

    List<SegmentSlice> slices =
        withNew.slices(
            Source.SAMPLE,
            Map.of(
                Map.of("tier", "new"),
                new SliceCounts(20, 20, 0, 0),
                Map.of("tier", "old"),
                new SliceCounts(80, 10, 0, 0)),
            Map.of(Map.of("tier", "old"), new SliceCounts(100, 10, 0, 0)));

    SegmentSlice fresh =
        slices.stream().filter(s -> s.describe().equals("tier=new")).findFirst().orElseThrow();
    assertThat(fresh.referenceValue()).isEmpty();
    assertThat(fresh.pValue()).isEmpty();
    assertThat(fresh.contribution()).isCloseTo(0.2 * (1.0 - 0.1), within(1e-12));
    assertThat(slices.stream().mapToDouble(SegmentSlice::contribution).sum())
        .isCloseTo(0.2, within(1e-12));
  }
}
