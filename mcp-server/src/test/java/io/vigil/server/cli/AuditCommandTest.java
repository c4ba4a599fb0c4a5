package io.vigil.server.cli;

import static io.vigil.server.cli.DriftCommandTest.vigil;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.cli.DriftCommandTest.Run;
import io.vigil.tools.audit.AuditLog;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import io.vigil.tools.testing.ThrowawayPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code vigil audit verify|list} over a store with a chain written by {@link AuditLog}. */
class AuditCommandTest {

  private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

  @TempDir Path dataDir;

  /** A store the command reaches through its options: an embedded one, or PostgreSQL. */
  record Store(String name, StoreSettings settings, List<String> options) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<String> stores() {
    return Stream.of("h2", "postgresql");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void verify_anIntactChain_saysSoAndExitsZero(String kind) {
    Store store = store(kind);
    appendThree(store);

    Run run = audit(store, "verify");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out()).isEqualTo("audit log intact (3 entries)" + System.lineSeparator());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void verify_aRowAlteredWithPlainSql_namesTheSeqAndExitsOne(String kind) throws SQLException {
    Store store = store(kind);
    appendThree(store);
    execute(store, "UPDATE audit_log SET detail = '{\"decision\":\"approved\"}' WHERE seq = 2");

    Run run = audit(store, "verify");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("audit log BROKEN at seq 2: hash mismatch")
        .contains("the entry was altered")
        .contains("`vigil audit list --after 0 --limit 3` shows the entries around seq 2");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void verify_aDeletedRow_namesTheMissingSeqAndExitsOne(String kind) throws SQLException {
    Store store = store(kind);
    appendThree(store);
    execute(store, "DELETE FROM audit_log WHERE seq = 2");

    Run run = audit(store, "verify");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith(
            "audit log BROKEN at seq 2: sequence gap (entry 2 is missing; the next entry is 3)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void list_showsTheEntriesInOrder_fromAfterSeq(String kind) {
    Store store = store(kind);
    appendThree(store);

    Run all = audit(store, "list");
    Run tail = audit(store, "list", "--after", "1", "--limit", "1");

    assertThat(all.exitCode()).as(all.err()).isEqualTo(0);
    assertThat(all.out().lines().toList())
        .hasSize(4)
        .first()
        .asString()
        .matches("SEQ +AT +ACTOR +ACTION +SUBJECT +HASH +DETAIL");
    assertThat(all.out())
        .containsPattern("1 +2026-11-02T10:00:00Z +vigil-agent +incident\\.opened +inc-1 ")
        .containsPattern("2 +2026-11-02T10:00:00Z +alice +proposal\\.approved +prop-1 ");
    assertThat(tail.out().lines().toList()).hasSize(2);
    assertThat(tail.out()).contains("proposal.approved").doesNotContain("incident.opened");
  }

  @Test
  void badInput_isAMessageAndExitTwo() {
    Run noStore = vigil("audit", "verify", "--data-dir", dataDir.resolve("missing").toString());
    Run badLimit = vigil("audit", "list", "--limit", "0", "--data-dir", dataDir.toString());
    Run noAction = vigil("audit", "--data-dir", dataDir.toString());

    assertThat(noStore.exitCode()).isEqualTo(2);
    assertThat(noStore.err()).contains("no such data directory");
    assertThat(badLimit.exitCode()).isEqualTo(2);
    assertThat(badLimit.err()).contains("--limit: between 1 and 10000");
    assertThat(noAction.exitCode()).isEqualTo(2);
  }

  private Store store(String kind) {
    if (kind.equals("h2")) {
      return new Store(
          kind, StoreSettings.embedded(dataDir), List.of("--data-dir", dataDir.toString()));
    }
    String url = ThrowawayPostgres.shared().newDatabase();
    return new Store(
        kind,
        StoreSettings.at(url, ThrowawayPostgres.USER, ""),
        List.of("--store-url", url, "--store-username", ThrowawayPostgres.USER));
  }

  private static void appendThree(Store store) {
    try (Database database = Database.open(store.settings())) {
      AuditLog log = new AuditLog(database, () -> AT);
      log.append("vigil-agent", "incident.opened", "inc-1", "{\"model\":\"fraud\"}");
      log.append("alice", "proposal.approved", "prop-1", "{\"decision\":\"rejected\"}");
      log.append("vigil-agent", "execution.finished", "prop-1", "{\"status\":\"SUCCEEDED\"}");
    }
  }

  private static void execute(Store store, String sql) throws SQLException {
    try (Database database = Database.open(store.settings());
        Connection connection = database.connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.executeUpdate();
    }
  }

  private static Run audit(Store store, String... args) {
    List<String> command = new ArrayList<>(List.of("audit"));
    command.addAll(List.of(args));
    command.addAll(store.options());
    return vigil(command.toArray(String[]::new));
  }
}
