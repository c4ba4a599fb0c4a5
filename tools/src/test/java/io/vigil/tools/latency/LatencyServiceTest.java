package io.vigil.tools.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.latency.LatencyReport.Bucket;
import io.vigil.tools.latency.LatencyReport.Series;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.LogFixture;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LatencyServiceTest {

  private static final TimeWindow WHOLE =
      new TimeWindow.Absolute(new TimeRange(LogFixture.START, LogFixture.WINDOW.to()));

  private static LatencyService service(LogFixture.Shared shared) {
    return new LatencyService(
        shared.database(), shared.registry(), LogFixture.CLOCK, LogFixture.INGEST);
  }

  private static Series version(LatencyReport report, String version) {
    return report.versions().stream()
        .filter(s -> s.version().equals(Optional.of(version)))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void latency_plantedSlowTail_raisesTheCanarysP95(String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    LatencyReport report = service(shared).latency(LatencyQuery.of(LogFixture.MODEL, WHOLE));

    LatencyFigures v1 = version(report, LogFixture.V1).total();
    LatencyFigures v2 = version(report, LogFixture.V2).total();
    assertThat(v2.p95Ms().getAsDouble()).isGreaterThan(700);
    assertThat(v1.p95Ms().getAsDouble()).isLessThan(100);
    assertThat(v1.p50Ms().getAsDouble()).isCloseTo(40, within(5.0));
    assertThat(v2.maxMs().getAsDouble()).isGreaterThan(1_000);
    assertThat(v2.errorsByType()).containsKeys(LogFixture.TIMEOUT, LogFixture.OOM);
    assertThat(v1.errorsByType()).containsOnlyKeys(LogFixture.TIMEOUT);
    assertThat(report.summary()).contains("Slowest version: v2");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void latency_countsMatchTheRecordsWritten(String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    LatencyReport report = service(shared).latency(LatencyQuery.of(LogFixture.MODEL, WHOLE));

    LatencyFigures total = report.overall().total();
    long failed = shared.traffic().records().stream().filter(r -> r.error().isPresent()).count();
    assertThat(total.records()).isEqualTo(shared.traffic().records().size());
    assertThat(total.failed()).isEqualTo(failed);
    assertThat(total.latencyCount()).isEqualTo(shared.traffic().records().size());
    assertThat(total.recordsPerSecond()).isCloseTo(total.records() / (12 * 3600.0), within(1e-12));
    assertThat(report.granularity()).isEqualTo(Duration.ofMinutes(5));
    assertThat(report.overall().buckets()).hasSize(144);
    assertThat(report.overall().buckets().stream().mapToLong(b -> b.figures().records()).sum())
        .isEqualTo(total.records());
    long v2 =
        shared.traffic().records().stream()
            .map(InferenceRecord::version)
            .filter(LogFixture.V2::equals)
            .count();
    assertThat(version(report, LogFixture.V2).total().records()).isEqualTo(v2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void latency_hourlyBucketsOfOneVersion_readHourlyProfiles(String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    LatencyReport report =
        service(shared)
            .latency(
                LogFixture.MODEL,
                Optional.of(LogFixture.V1),
                WHOLE,
                Optional.of(Duration.ofHours(1)));

    assertThat(report.profileSpan()).isEqualTo(Duration.ofHours(1));
    assertThat(report.versions()).extracting(Series::version).containsExactly(Optional.of("v1"));
    assertThat(report.overall().version()).hasValue("v1");
    assertThat(report.overall().buckets()).hasSize(12);
    Bucket first = report.overall().buckets().get(0);
    assertThat(first.from()).isEqualTo(LogFixture.START);
    assertThat(first.figures().records()).isEqualTo(LogFixture.PER_PERIOD / 6);
    assertThat(first.figures().recordsPerSecond())
        .isCloseTo(LogFixture.PER_PERIOD / 6 / 3600.0, within(1e-12));
    assertThat(first.figures().p95Ms().getAsDouble()).isLessThan(100);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void latency_badGranularity_saysWhichWouldDo(String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);

    assertThatThrownBy(
            () ->
                service(shared)
                    .latency(
                        LatencyQuery.of(LogFixture.MODEL, WHOLE)
                            .withGranularity(Duration.ofMinutes(7))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of the 5-minute profile window");
  }
}
