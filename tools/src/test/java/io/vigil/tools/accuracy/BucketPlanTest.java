package io.vigil.tools.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.query.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BucketPlanTest {

  private static final Duration WINDOW = Duration.ofMinutes(5);
  private static final List<Integer> SPANS = List.of(300, 3_600, 86_400);
  private static final Instant END = Instant.parse("2026-11-02T10:37:12Z");

  @Test
  void of_aDayWithoutGranularity_choosesHoursAndWidensToWholeHours() {
    TimeRange day = new TimeRange(END.minus(Duration.ofDays(1)), END);

    BucketPlan plan = BucketPlan.of(day, Optional.empty(), WINDOW, SPANS);

    assertThat(plan.granularity()).isEqualTo(Duration.ofHours(1));
    assertThat(plan.range())
        .isEqualTo(
            new TimeRange(
                Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-02T11:00:00Z")));
    assertThat(plan.buckets()).hasSize(25);
    assertThat(plan.profileSpanSeconds()).isEqualTo(3_600);
  }

  @Test
  void of_aWeekWithoutGranularity_staysWithinFortyEightBuckets() {
    TimeRange week = new TimeRange(END.minus(Duration.ofDays(7)), END);

    BucketPlan plan = BucketPlan.of(week, Optional.empty(), WINDOW, SPANS);

    assertThat(plan.buckets()).hasSizeLessThanOrEqualTo(BucketPlan.DEFAULT_MAX_BUCKETS);
    assertThat(plan.granularity()).isEqualTo(Duration.ofHours(6));
    assertThat(plan.profileSpanSeconds()).isEqualTo(3_600);
  }

  @Test
  void of_granularityNotAWholeNumberOfWindows_isRefusedWithAnExample() {
    TimeRange day = new TimeRange(END.minus(Duration.ofDays(1)), END);

    assertThatThrownBy(() -> BucketPlan.of(day, Optional.of(Duration.ofMinutes(7)), WINDOW, SPANS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a whole number of 5m profile windows");
  }

  @Test
  void of_granularityGivingTooManyBuckets_isRefused() {
    TimeRange month = new TimeRange(END.minus(Duration.ofDays(30)), END);

    assertThatThrownBy(() -> BucketPlan.of(month, Optional.of(WINDOW), WINDOW, SPANS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 500");
  }
}
