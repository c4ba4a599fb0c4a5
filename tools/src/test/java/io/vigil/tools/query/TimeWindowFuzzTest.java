package io.vigil.tools.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Coverage-guided fuzzing of time-window parsing, which every query parameter and tool argument
 * naming a window or a bucket length goes through: any text is either refused with an {@link
 * IllegalArgumentException} or read as a window that resolves, without failing, to a range inside
 * the bounds a record's timestamp has and no longer than the longest window. See {@code
 * InferenceJsonFuzzTest} for how the targets run.
 */
class TimeWindowFuzzTest {

  private static final Instant LATEST_RECORD = Instant.parse("2026-11-02T12:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    TimeWindow window;
    try {
      window = TimeWindow.parse(text);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }

    TimeRange range = window.resolve(LATEST_RECORD, NOW);

    assertThat(range.length()).isPositive().isLessThanOrEqualTo(TimeWindow.MAX_LENGTH);
    if (window instanceof TimeWindow.Absolute) {
      assertThat(range.from()).isAfterOrEqualTo(TimeWindow.WindowText.EARLIEST);
      assertThat(range.to()).isBeforeOrEqualTo(TimeWindow.WindowText.LATEST);
    }
  }
}
