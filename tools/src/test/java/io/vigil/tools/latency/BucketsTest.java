package io.vigil.tools.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BucketsTest {

  private static final IngestSettings INGEST = IngestSettings.defaults();
  private static final Instant NOON = Instant.parse("2026-11-01T12:00:00Z");

  @Test
  void of_sixHoursWithoutGranularity_choosesFiveMinuteBucketsOfFiveMinuteProfiles() {
    TimeRange sixHours = new TimeRange(NOON.minus(Duration.ofHours(6)), NOON);

    Buckets buckets = Buckets.of(sixHours, Optional.empty(), INGEST);

    assertThat(buckets.granularity()).isEqualTo(Duration.ofMinutes(5));
    assertThat(buckets.profileSpan()).isEqualTo(Duration.ofMinutes(5));
    assertThat(buckets.starts()).hasSize(72);
  }

  @Test
  void of_sevenDaysWithoutGranularity_choosesHourlyBuckets() {
    TimeRange week = new TimeRange(NOON.minus(Duration.ofDays(7)), NOON);

    Buckets buckets = Buckets.of(week, Optional.empty(), INGEST);

    assertThat(buckets.granularity()).isEqualTo(Duration.ofHours(1));
    assertThat(buckets.profileSpan()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void of_unalignedRangeAndTwoHourBuckets_widensToWholeBucketsOfHourlyProfiles() {
    TimeRange range =
        new TimeRange(Instant.parse("2026-11-01T01:10:00Z"), Instant.parse("2026-11-01T04:59:00Z"));

    Buckets buckets = Buckets.of(range, Optional.of(Duration.ofHours(2)), INGEST);

    assertThat(buckets.range())
        .isEqualTo(
            new TimeRange(
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T06:00:00Z")));
    assertThat(buckets.profileSpan()).isEqualTo(Duration.ofHours(1));
    assertThat(buckets.startOf(Instant.parse("2026-11-01T03:55:00Z")))
        .isEqualTo(Instant.parse("2026-11-01T02:00:00Z"));
  }

  @Test
  void of_granularityNotAMultipleOfTheWindow_saysWhichWouldDo() {
    TimeRange hour = new TimeRange(NOON.minus(Duration.ofHours(1)), NOON);

    assertThatThrownBy(() -> Buckets.of(hour, Optional.of(Duration.ofMinutes(7)), INGEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of the 5-minute profile window");
  }

  @Test
  void of_tooManyBuckets_isRefused() {
    TimeRange year = new TimeRange(NOON.minus(Duration.ofDays(365)), NOON);

    assertThatThrownBy(() -> Buckets.of(year, Optional.of(Duration.ofMinutes(5)), INGEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("choose a coarser one");
  }
}
