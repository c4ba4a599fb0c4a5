package io.vigil.server.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.server.admission.ServerBusyException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightBytesTest {

  private final InFlightBytes inFlight = new InFlightBytes(1_000, 400);

  @Test
  void admit_withinTheBudget_reservesTheDeclaredLength() {
    long first = inFlight.admit(300);
    long second = inFlight.admit(300);

    assertThat(first + second).isEqualTo(600);
    assertThat(inFlight.reserved()).isEqualTo(600);
  }

  @Test
  void admit_undeclaredOrOversizedLength_reservesTheBodyLimit() {
    assertThat(inFlight.admit(-1)).isEqualTo(400);
    assertThat(inFlight.admit(5_000)).isEqualTo(400);
  }

  @Test
  void admit_pastTheBudget_refusesWithARetryHint() {
    inFlight.admit(400);
    inFlight.admit(400);

    assertThatThrownBy(() -> inFlight.admit(300))
        .isInstanceOf(ServerBusyException.class)
        .satisfies(
            e ->
                assertThat(((ServerBusyException) e).retryAfter())
                    .isEqualTo(Duration.ofSeconds(1)));
    assertThat(inFlight.reserved()).isEqualTo(800);
  }

  @Test
  void release_makesRoomAgain() {
    long reserved = inFlight.admit(400);
    inFlight.admit(400);

    inFlight.release(reserved);

    assertThat(inFlight.admit(300)).isEqualTo(300);
  }

  @Test
  void budgetSmallerThanOneBody_isRefused() {
    assertThatThrownBy(() -> new InFlightBytes(100, 400))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
