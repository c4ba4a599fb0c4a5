package io.vigil.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @Test
  void parse_eachUnit_givesItsDuration() {
    assertThat(DurationText.parse("90s")).contains(Duration.ofSeconds(90));
    assertThat(DurationText.parse("30m")).contains(Duration.ofMinutes(30));
    assertThat(DurationText.parse("6h")).contains(Duration.ofHours(6));
    assertThat(DurationText.parse("2d")).contains(Duration.ofDays(2));
  }

  @Test
  void parse_unitsLargestFirst_addUp() {
    assertThat(DurationText.parse("1d2h30m15s"))
        .contains(Duration.ofDays(1).plusHours(2).plusMinutes(30).plusSeconds(15));
  }

  @Test
  void parse_zeroAlone_isZero() {
    assertThat(DurationText.parse("0")).contains(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "4", "4 h", "30min", "1.5h", "-3h", "30m1h", "PT1H", "h"})
  void parse_notADuration_isEmpty(String text) {
    assertThat(DurationText.parse(text)).isEmpty();
  }

  @Test
  void format_writesWhatParseReads() {
    Duration duration = Duration.ofHours(1).plusMinutes(30);

    String text = DurationText.format(duration);

    assertThat(text).isEqualTo("1h30m");
    assertThat(DurationText.parse(text)).contains(duration);
    assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0");
  }
}
