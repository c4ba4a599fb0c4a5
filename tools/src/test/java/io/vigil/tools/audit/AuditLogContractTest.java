package io.vigil.tools.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hash-chained audit log on both stores: appends, verification, tampering, concurrency. */
class AuditLogContractTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00.123456789Z");
  private static final int THREADS = 6;
  private static final int APPENDS_PER_THREAD = 20;

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void appends_formAChainThatVerifies(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      AuditLog log = new AuditLog(database, InstantSource.fixed(NOW));

      AuditEntry first = log.append("alice", "token.created", "ci", "{\"role\":\"INGEST\"}");
      AuditEntry second = log.append("bob", "proposal.approved", "prop-1", "looks right");

      assertThat(first.seq()).isEqualTo(1);
      assertThat(first.prevHash()).isEqualTo("0".repeat(64));
      assertThat(first.at()).isEqualTo(Instant.parse("2026-11-02T10:00:00.123456Z"));
      assertThat(second.seq()).isEqualTo(2);
      assertThat(second.prevHash()).isEqualTo(first.hash());
      assertThat(second.hash()).matches("[0-9a-f]{64}").isNotEqualTo(first.hash());
      assertThat(log.entries(0, 10)).containsExactly(first, second);
      assertThat(log.entries(1, 10)).containsExactly(second);
      assertThat(log.entries(0, 1)).containsExactly(first);
      AuditVerification verification = log.verify();
      assertThat(verification.intact()).isTrue();
      assertThat(verification.entriesChecked()).isEqualTo(2);
      assertThat(verification.summary()).isEqualTo("intact (2 entries)");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void anEmptyLog_isIntact(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      AuditLog log = new AuditLog(database, InstantSource.fixed(NOW));

      AuditVerification verification = log.verify();

      assertThat(verification.intact()).isTrue();
      assertThat(verification.entriesChecked()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void alteringAnEntry_isAHashMismatchAtItsSeq(String store, Supplier<Database> open)
      throws SQLException {
    try (Database database = open.get()) {
      AuditLog log = fiveEntries(database);

      execute(database, "UPDATE audit_log SET detail = 'approved by mallory' WHERE seq = 3");

      assertBroken(log.verify(), 3, AuditBreak.Kind.HASH_MISMATCH);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void replacingAnEntryWithARehashedOne_breaksTheChainAfterIt(String store, Supplier<Database> open)
      throws SQLException {
    try (Database database = open.get()) {
      AuditLog log = fiveEntries(database);
      AuditEntry third = log.entries(2, 1).get(0);
      String forged =
          AuditHash.of(third.prevHash(), 3, third.at(), "mallory", third.action(), "", "x");

      execute(
          database,
          "UPDATE audit_log SET actor = 'mallory', subject = '', detail = 'x', hash = '"
              + forged
              + "' WHERE seq = 3");

      assertBroken(log.verify(), 4, AuditBreak.Kind.CHAIN_BROKEN);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void deletingAnEntry_isASequenceGapAtItsSeq(String store, Supplier<Database> open)
      throws SQLException {
    try (Database database = open.get()) {
      AuditLog log = fiveEntries(database);

      execute(database, "DELETE FROM audit_log WHERE seq = 2");

      assertBroken(log.verify(), 2, AuditBreak.Kind.SEQUENCE_GAP);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void deletingTheLastEntries_disagreesWithTheHead(String store, Supplier<Database> open)
      throws SQLException {
    try (Database database = open.get()) {
      AuditLog log = fiveEntries(database);

      execute(database, "DELETE FROM audit_log WHERE seq >= 4");

      assertBroken(log.verify(), 4, AuditBreak.Kind.HEAD_MISMATCH);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void swappingTwoEntries_isDetectedAtTheFirst(String store, Supplier<Database> open)
      throws SQLException {
    try (Database database = open.get()) {
      AuditLog log = fiveEntries(database);

      execute(database, "UPDATE audit_log SET seq = -1 WHERE seq = 2");
      execute(database, "UPDATE audit_log SET seq = 2 WHERE seq = 3");
      execute(database, "UPDATE audit_log SET seq = 3 WHERE seq = -1");

      assertBroken(log.verify(), 2, AuditBreak.Kind.HASH_MISMATCH);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void concurrentAppends_keepOneIntactChain(String store, Supplier<Database> open)
      throws Exception {
    try (Database database = open.get()) {
      AuditLog log = new AuditLog(database, InstantSource.fixed(NOW));
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> writers = new ArrayList<>();

      try {
        for (int t = 0; t < THREADS; t++) {
          String actor = "writer-" + t;
          writers.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                      log.append(actor, "test.appended", "n" + i, "{}");
                    }
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
          writer.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      int total = THREADS * APPENDS_PER_THREAD;
      assertThat(log.verify().intact()).isTrue();
      assertThat(log.verify().entriesChecked()).isEqualTo(total);
      assertThat(log.entries(0, total + 1))
          .extracting(AuditEntry::seq)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void malformedEntries_areRefusedAndNothingIsAppended(String store, Supplier<Database> open)
      throws SQLException {
    try (Database database = open.get()) {
      AuditLog log = new AuditLog(database, InstantSource.fixed(NOW));

      assertThatThrownBy(() -> log.append(" ", "token.created", "ci", ""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("actor");
      assertThatThrownBy(() -> log.append("alice", "Token Created!", "ci", ""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("action");
      assertThatThrownBy(() -> log.entries(0, 0)).isInstanceOf(IllegalArgumentException.class);
      try (Connection connection = database.connection()) {
        assertThatThrownBy(() -> log.append(connection, NOW, "alice", "token.created", "ci", ""))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("transaction");
      }

      assertThat(log.entries(0, 10)).isEmpty();
    }
  }

  private static AuditLog fiveEntries(Database database) {
    AuditLog log = new AuditLog(database, InstantSource.fixed(NOW));
    for (int i = 1; i <= 5; i++) {
      log.append("agent", "incident.opened", "inc-" + i, "{\"n\":" + i + "}");
    }
    assertThat(log.verify().intact()).isTrue();
    return log;
  }

  private static void assertBroken(AuditVerification verification, long seq, AuditBreak.Kind kind) {
    assertThat(verification.intact()).isFalse();
    assertThat(verification.breakage())
        .hasValueSatisfying(
            b -> {
              assertThat(b.seq()).isEqualTo(seq);
              assertThat(b.kind()).isEqualTo(kind);
            });
    assertThat(verification.summary()).startsWith("BROKEN at seq " + seq);
  }

  private static void execute(Database database, String sql) throws SQLException {
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
