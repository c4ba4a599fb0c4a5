package io.vigil.tools.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.LogFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SegmentServiceTest {

  private static final TimeWindow WINDOW = new TimeWindow.Absolute(LogFixture.WINDOW);

  private static SegmentService service(LogFixture.Shared shared) {
    return new SegmentService(
        shared.database(), shared.registry(), LogFixture.CLOCK, LogFixture.INGEST);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void analyze_accuracy_namesThePlantedSliceAsTheTopContributor(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    SegmentAnalysis analysis =
        service(shared).analyze(SegmentQuery.of(LogFixture.MODEL, WINDOW, SegmentMetric.ACCURACY));

    assertThat(analysis.reference()).isEqualTo(LogFixture.REFERENCE);
    assertThat(analysis.window()).isEqualTo(LogFixture.WINDOW);
    assertThat(analysis.alignment()).isEqualTo(Duration.ofMinutes(5));
    assertThat(analysis.overallChange().getAsDouble()).isLessThan(-0.03);
    SegmentSlice top = analysis.slices().get(0);
    assertThat(top.describe()).isIn("region=eu", "device=android");
    assertThat(top.source()).isEqualTo(SegmentSlice.Source.WINDOW_COUNTERS);
    assertThat(top.change().getAsDouble()).isLessThan(-0.1);
    assertThat(top.contributionShare().getAsDouble()).isGreaterThan(0.6);
    assertThat(top.adjustedPValue().getAsDouble()).isLessThan(1e-6);
    assertThat(analysis.pairSlices().get(0).conditions())
        .containsExactlyInAnyOrderEntriesOf(Map.of("region", "eu", "device", "android"));
    assertThat(analysis.summary()).contains("The top contributor is " + top.describe());
    assertThat(analysis.summary()).contains("region=eu", "device=android");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void analyze_oneAttributesSlices_addUpToTheOverallChange(String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    SegmentAnalysis analysis =
        service(shared).analyze(SegmentQuery.of(LogFixture.MODEL, WINDOW, SegmentMetric.ACCURACY));

    for (String attribute : List.of("region", "device")) {
      List<SegmentSlice> slices =
          analysis.slices().stream().filter(s -> s.conditions().containsKey(attribute)).toList();
      assertThat(slices).hasSize(3);
      assertThat(slices.stream().mapToDouble(SegmentSlice::contribution).sum())
          .isCloseTo(analysis.overallChange().getAsDouble(), within(1e-12));
      assertThat(slices.stream().mapToLong(SegmentSlice::windowSampleSize).sum())
          .isEqualTo(analysis.windowTotals().sampleSize());
    }
    long labelledInWindow =
        shared.traffic().labels().stream()
            .filter(
                label ->
                    LogFixture.WINDOW.contains(label.timestamp().minus(Duration.ofMinutes(30))))
            .count();
    assertThat(analysis.windowTotals().sampleSize()).isEqualTo(labelledInWindow);
    assertThat(analysis.pairSample().windowRecords()).isEqualTo((int) labelledInWindow);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void analyze_errorRateOfTheCanary_hasNoReferenceToCompareWith(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    SegmentAnalysis analysis =
        service(shared)
            .analyze(
                SegmentQuery.of(LogFixture.MODEL, WINDOW, SegmentMetric.ERROR_RATE)
                    .withVersion(LogFixture.V2));

    assertThat(analysis.windowTotals().records()).isPositive();
    assertThat(analysis.referenceTotals().records()).isZero();
    assertThat(analysis.overallChange()).isEmpty();
    assertThat(analysis.slices()).isEmpty();
    assertThat(analysis.summary())
        .startsWith("Cannot compare the error rate of checkout (version v2)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void analyze_explicitReference_isAlignedAndOverlapIsRefused(
      String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);
    SegmentService service = service(shared);
    TimeWindow firstHalf = TimeWindow.parse("2026-11-01T00:02:00Z/2026-11-01T02:58:00Z");

    SegmentAnalysis analysis =
        service.analyze(
            LogFixture.MODEL,
            Optional.empty(),
            WINDOW,
            Optional.of(firstHalf),
            SegmentMetric.ERROR_RATE);

    assertThat(analysis.reference())
        .isEqualTo(new TimeRange(LogFixture.START, LogFixture.START.plus(Duration.ofHours(3))));
    assertThat(analysis.overallChange().getAsDouble()).isPositive();
    assertThatThrownBy(
            () ->
                service.analyze(
                    SegmentQuery.of(LogFixture.MODEL, WINDOW, SegmentMetric.ERROR_RATE)
                        .withReference(TimeWindow.parse("2026-11-01T05:00Z/2026-11-01T07:00Z"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overlaps the window");
  }
}
