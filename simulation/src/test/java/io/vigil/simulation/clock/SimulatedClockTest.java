package io.vigil.simulation.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void instant_beforeAnyMove_isTheStart() {
    SimulatedClock clock = new SimulatedClock(START);

    Instant now = clock.instant();

    assertThat(now).isEqualTo(START);
  }

  @Test
  void advance_aDay_movesTheClockADayWithoutWaiting() {
    SimulatedClock clock = new SimulatedClock(START);

    Instant moved = clock.advance(Duration.ofDays(1));

    assertThat(moved).isEqualTo(START.plus(Duration.ofDays(1)));
    assertThat(clock.instant()).isEqualTo(moved);
  }

  @Test
  void set_forward_movesTheClock() {
    SimulatedClock clock = new SimulatedClock(START);

    clock.set(START.plusSeconds(90));

    assertThat(clock.millis()).isEqualTo(START.plusSeconds(90).toEpochMilli());
  }

  @Test
  void advance_negativeStep_isRefused() {
    SimulatedClock clock = new SimulatedClock(START);

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only moves forward");
  }

  @Test
  void set_backwards_isRefusedAndTheClockStays() {
    SimulatedClock clock = new SimulatedClock(START);

    assertThatThrownBy(() -> clock.set(START.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot set it to 2026-10-31T23:59:59Z");
    assertThat(clock.instant()).isEqualTo(START);
  }
}
