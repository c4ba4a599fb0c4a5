package io.vigil.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecoveryTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long START = 1_000 * SECOND;
  private static final double STEADY_P95_MS = 100;

  @Test
  void refusalsThatStop_withACleanTail_recover() {
    PhaseLog log = phase(20);
    log.record(batch(1, 503, 50));
    log.record(batch(6, 429, 5));
    for (int s = 2; s < 20; s++) {
      log.record(batch(s, 200, s < 9 ? 1_000 : 80));
    }

    Recovery recovery = Recovery.of(log, STEADY_P95_MS);

    assertThat(recovery.recovered()).isTrue();
    assertThat(recovery.refusalsStoppedSeconds()).isEqualTo(6);
    assertThat(recovery.latencyBackSeconds()).isEqualTo(9);
  }

  @Test
  void refusalsUntilTheEnd_doNotRecover() {
    PhaseLog log = phase(20);
    for (int s = 0; s < 20; s++) {
      log.record(batch(s, s % 3 == 0 ? 429 : 200, 80));
    }

    Recovery recovery = Recovery.of(log, STEADY_P95_MS);

    assertThat(recovery.recovered()).isFalse();
    assertThat(recovery.refusalsStoppedSeconds()).isEqualTo(18);
  }

  @Test
  void latencyThatNeverComesBack_isNaN() {
    PhaseLog log = phase(10);
    for (int s = 0; s < 10; s++) {
      log.record(batch(s, 200, 5_000));
    }

    Recovery recovery = Recovery.of(log, STEADY_P95_MS);

    assertThat(recovery.recovered()).isTrue();
    assertThat(recovery.latencyBackSeconds()).isNaN();
  }

  private static PhaseLog phase(int seconds) {
    PhaseLog log = new PhaseLog("recovery (1x)", 1_000, START);
    log.endAt(START + seconds * SECOND);
    return log;
  }

  private static Answer batch(int second, int status, long millis) {
    return new Answer(
        RequestKind.INFERENCES,
        status,
        status != 200,
        false,
        false,
        START + second * SECOND,
        millis * 1_000_000L,
        "");
  }
}
