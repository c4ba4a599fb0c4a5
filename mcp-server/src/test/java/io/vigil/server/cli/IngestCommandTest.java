package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.cli.DriftCommandTest.Run;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import io.vigil.tools.testing.ThrowawayPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IngestCommandTest {

  private static final String CSV =
      """
      request_id,timestamp,prediction,confidence,latency_ms,amount,country,label
      r-1,2026-11-02T10:00:00Z,legit,0.91,12,120.5,DE,legit
      r-2,2026-11-02T10:01:00Z,fraud,0.70,15,990.0,FR,legit
      r-3,2026-11-02T10:02:00Z,legit,0.88,11,35.0,DE,
      """;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void ingest_csv_storesRecordsAndLabels_andARerunStoresNothingTwice(
      String store, Supplier<Database> open) throws IOException, SQLException {
    String url = registerFraud(open);
    Path file = write("traffic.csv", CSV);

    Run first =
        ingest(file, "--version", "v1", "--store-url", url, "--store-username", user(store));
    Run again =
        ingest(file, "--version", "v1", "--store-url", url, "--store-username", user(store));

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains(
            "ingested traffic.csv into fraud: 3 records (3 stored, 0 duplicates),"
                + " 2 labels (2 new, 0 replacing earlier ones)");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("3 records (0 stored, 3 duplicates)");
    assertThat(count(url, user(store), "SELECT COUNT(*) FROM inference")).isEqualTo(3);
    assertThat(count(url, user(store), "SELECT COUNT(*) FROM inference WHERE correct"))
        .isEqualTo(1);
  }

  @Test
  void ingest_ndjsonIntoADataDir_storesTheRecords() throws IOException, SQLException {
    Path dataDir = dir.resolve("data");
    Files.createDirectories(dataDir);
    registerFraud(() -> Database.open(StoreSettings.embedded(dataDir)));
    Path file =
        write(
            "traffic.ndjson",
            """
            {"request_id": "n-1", "version": "v1", "timestamp": "2026-11-02T10:00:00Z", "prediction": "legit"}

            {"request_id": "n-2", "version": "v1", "timestamp": 1762077660000, "error": "timeout"}
            """);

    Run run = ingest(file, "--data-dir", dataDir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("2 records (2 stored, 0 duplicates)").doesNotContain("labels");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void ingest_badCell_exitsTwoNamingTheFileLineAndColumn() throws IOException {
    Path dataDir = embeddedStoreWithFraud();
    Path file = write("bad.csv", CSV.replace("0.70", "high"));

    Run run = ingest(file, "--version", "v1", "--data-dir", dataDir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bad.csv:3: confidence").contains("0 records before it");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void ingest_unregisteredVersion_exitsTwoNamingTheRecord() throws IOException {
    Path dataDir = embeddedStoreWithFraud();
    Path file = write("traffic.csv", CSV);

    Run run = ingest(file, "--version", "v9", "--data-dir", dataDir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("traffic.csv: ")
        .contains("in the records from line 2")
        .contains("(request_id r-1)")
        .contains("v9");
  }

  @Test
  void ingest_unknownModel_exitsTwoListingTheKnownOnes() throws IOException {
    Path dataDir = embeddedStoreWithFraud();
    Path file = write("traffic.csv", CSV);

    Run run = ingestInto("frod", file, "--version", "v1", "--data-dir", dataDir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown model 'frod'; known: fraud");
  }

  @Test
  void ingest_unknownExtension_exitsTwo() throws IOException {
    Path file = write("traffic.json", "[]");

    Run run = ingest(file, "--data-dir", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("traffic.json: unknown format");
  }

  @Test
  void ingest_missingDataDir_exitsTwo() throws IOException {
    Path file = write("traffic.csv", CSV);

    Run run = ingest(file, "--data-dir", dir.resolve("nowhere").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no such data directory");
  }

  /** Runs {@code vigil ingest FILE --model fraud ARGS...}. */
  private static Run ingest(Path file, String... args) {
    return ingestInto("fraud", file, args);
  }

  private static Run ingestInto(String model, Path file, String... args) {
    String[] full = new String[args.length + 4];
    full[0] = "ingest";
    full[1] = file.toString();
    full[2] = "--model";
    full[3] = model;
    System.arraycopy(args, 0, full, 4, args.length);
    return DriftCommandTest.vigil(full);
  }

  private Path embeddedStoreWithFraud() throws IOException {
    Path dataDir = dir.resolve("data");
    Files.createDirectories(dataDir);
    registerFraud(() -> Database.open(StoreSettings.embedded(dataDir)));
    return dataDir;
  }

  /** Registers classifier "fraud" with version v1; returns the store's URL. */
  private static String registerFraud(Supplier<Database> open) {
    try (Database database = open.get()) {
      ModelRegistry registry = new ModelRegistry(database, InstantSource.system());
      registry.createModel("fraud", ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.empty());
      registry.addVersion("fraud", "v1", Map.of());
      return database.settings().url();
    }
  }

  private static String user(String store) {
    return store.equals("postgresql") ? ThrowawayPostgres.USER : "";
  }

  private static long count(String url, String user, String sql) throws SQLException {
    try (Database database = Database.open(StoreSettings.at(url, user, ""));
        Connection connection = database.connection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
