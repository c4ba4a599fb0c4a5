package io.vigil.agent.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final RetryPolicy POLICY =
      new RetryPolicy(
          10,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          Duration.ofSeconds(5));

  @Test
  void backoff_doublesPerRetry_andJitterTakesOffUpToHalf() {
    assertThat(POLICY.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(POLICY.backoff(1, 0.999)).isEqualTo(Duration.ofMillis(999));
    assertThat(POLICY.backoff(3, 0.0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(POLICY.backoff(4, 0.5)).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void backoff_neverExceedsTheCeiling() {
    assertThat(POLICY.backoff(9, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(30));
    assertThat(POLICY.backoff(9, 0.0)).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void constructor_refusesPoliciesThatCannotWork() {
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    0,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Duration.ZERO,
                    Duration.ofSeconds(1)))
        .hasMessageContaining("maxAttempts must be in [1, 20]");
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    3,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(1),
                    Duration.ZERO,
                    Duration.ofSeconds(1)))
        .hasMessageContaining("maxBackoff (PT1S) must be at least initialBackoff (PT5S)");
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    3, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("requestTimeout must be positive");
  }
}
