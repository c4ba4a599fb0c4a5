package io.vigil.tools.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeWindowTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "+999999999-12-31T23:59:59Z/P1D",
        "P1D/-999999999-01-01T00:00:00Z",
        "1969-12-31T00:00Z/P1D",
        "9999-12-31T00:00Z/P1D",
        "2026-11-02T00:00Z/PT9223372036854775807S"
      })
  void parse_anIntervalReachingOutsideTheRecordsRange_isRefused(String text) {
    assertThatThrownBy(() -> TimeWindow.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time window");
  }

  @Test
  void parse_anIntervalAtTheEdgesOfTheRange_isRead() {
    TimeWindow window = TimeWindow.parse("1970-01-01T00:00Z/P1D");

    assertThat(window.resolve(Instant.EPOCH, Instant.EPOCH))
        .isEqualTo(new TimeRange(Instant.EPOCH, Instant.parse("1970-01-02T00:00:00Z")));
  }
}
