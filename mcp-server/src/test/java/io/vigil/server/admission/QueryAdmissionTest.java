package io.vigil.server.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueryAdmissionTest {

  @Test
  void admit_pastTheLimitWithoutWaiting_refusesWithTheRetryHint() {
    QueryAdmission admission = new QueryAdmission(2, Duration.ZERO);
    QueryAdmission.Turn first = admission.admit();
    QueryAdmission.Turn second = admission.admit();

    assertThatThrownBy(admission::admit)
        .isInstanceOfSatisfying(
            ServerBusyException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(QueryAdmission.RETRY_AFTER))
        .hasMessageContaining("busy answering 2 queries")
        .hasMessageContaining("vigil.query.max-concurrent");
    assertThat(admission.running()).isEqualTo(2);

    first.close();
    second.close();
    assertThat(admission.running()).isZero();
  }

  @Test
  void turn_closedTwice_givesItsTurnBackOnce() {
    QueryAdmission admission = new QueryAdmission(1, Duration.ZERO);
    QueryAdmission.Turn turn = admission.admit();

    turn.close();
    turn.close();
    QueryAdmission.Turn next = admission.admit();

    assertThat(admission.running()).isEqualTo(1);
    assertThatThrownBy(admission::admit).isInstanceOf(ServerBusyException.class);
    next.close();
  }

  @Test
  void admit_waitingForATurn_getsItWhenARunningQueryFinishes() throws Exception {
    // A wait far longer than the test: the waiting query is admitted by the close, not a timeout.
    QueryAdmission admission = new QueryAdmission(1, Duration.ofMinutes(5));
    QueryAdmission.Turn running = admission.admit();
    ExecutorService waiter = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<QueryAdmission.Turn> waiting =
          CompletableFuture.supplyAsync(admission::admit, waiter);

      running.close();
      QueryAdmission.Turn admitted = waiting.get(1, TimeUnit.MINUTES);

      assertThat(admission.running()).isEqualTo(1);
      admitted.close();
      assertThat(admission.running()).isZero();
    } finally {
      waiter.shutdownNow();
    }
  }

  @Test
  void constructor_outOfRangeBounds_nameTheSetting() {
    assertThatThrownBy(() -> new QueryAdmission(0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vigil.query.max-concurrent");
    assertThatThrownBy(() -> new QueryAdmission(1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vigil.query.max-wait");
  }
}
