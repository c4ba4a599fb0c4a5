package io.vigil.tools.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueWaitTest {

  private static final long SECOND = 1_000_000_000L;

  private final QueueWait wait = new QueueWait();

  @Test
  void beforeAnyGroup_theOldestBatchsAgeIsTheWait() {
    assertThat(wait.expected(50_000, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    assertThat(wait.recordsPerSecond()).isZero();
  }

  @Test
  void backlogAtTheWritersRate_whenLongerThanTheOldestBatchsAge() {
    wait.written(5_000, SECOND);

    assertThat(wait.expected(20_000, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(4));
    assertThat(wait.expected(1_000, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void rate_followsRecentGroups_smoothed() {
    wait.written(1_000, SECOND);

    wait.written(2_000, SECOND);

    assertThat(wait.recordsPerSecond()).isEqualTo(0.8 * 1_000 + 0.2 * 2_000);
  }

  @Test
  void emptyOrInstantGroups_teachNothing() {
    wait.written(0, SECOND);
    wait.written(500, 0);

    assertThat(wait.recordsPerSecond()).isZero();
  }
}
