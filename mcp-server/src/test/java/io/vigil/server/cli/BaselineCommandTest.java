package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.cli.DriftCommandTest.Run;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {

  private static final String TRAINING =
      """
      amount,country,label,prediction,confidence
      120.5,DE,legit,legit,0.91
      990.0,FR,fraud,legit,0.70
      35.0,DE,legit,legit,0.88
      410.0,ES,fraud,fraud,0.95
      """;

  @TempDir Path dir;
  Path dataDir;

  @BeforeEach
  void registerFraud() throws IOException {
    dataDir = dir.resolve("data");
    Files.createDirectories(dataDir);
    try (Database database = Database.open(StoreSettings.embedded(dataDir))) {
      ModelRegistry registry = new ModelRegistry(database, InstantSource.system());
      registry.createModel(
          "fraud",
          ModelTask.CLASSIFICATION,
          "",
          Map.of(),
          OptionalDouble.empty(),
          Map.of("amount", FeatureKind.NUMERIC, "country", FeatureKind.CATEGORICAL));
      registry.addVersion("fraud", "v1", Map.of());
    }
  }

  @Test
  void baseline_fromCsv_storesItAndPrintsASummary() throws IOException {
    Path csv = Files.writeString(dir.resolve("training.csv"), TRAINING);

    Run run =
        DriftCommandTest.vigil(
            "baseline",
            "--model",
            "fraud",
            "--version",
            "v1",
            "--csv",
            csv.toString(),
            "--label-column",
            "label",
            "--prediction-column",
            "prediction",
            "--confidence-column",
            "confidence",
            "--data-dir",
            dataDir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("stored baseline ")
        .contains("of fraud v1")
        .contains("4 records");
    try (Database database = Database.open(StoreSettings.embedded(dataDir))) {
      ModelRegistry registry = new ModelRegistry(database, InstantSource.system());
      BaselineService baselines =
          new BaselineService(
              database, registry, InstantSource.system(), IngestSettings.defaults());
      assertThat(baselines.list("fraud"))
          .singleElement()
          .satisfies(b -> assertThat(b.records()).isEqualTo(4));
    }
  }

  @Test
  void baseline_ofAWindowWithoutTraffic_exitsTwoSayingSo() {
    Run run =
        DriftCommandTest.vigil(
            "baseline",
            "--model",
            "fraud",
            "--version",
            "v1",
            "--from",
            "2026-11-01T00:00:00Z",
            "--to",
            "2026-11-02T00:00:00Z",
            "--data-dir",
            dataDir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("has no records in");
  }

  @Test
  void baseline_ofAnUnknownModel_exitsTwoNamingTheKnownOnes() throws IOException {
    Path csv = Files.writeString(dir.resolve("training.csv"), TRAINING);

    Run run =
        DriftCommandTest.vigil(
            "baseline",
            "--model",
            "nope",
            "--version",
            "v1",
            "--csv",
            csv.toString(),
            "--data-dir",
            dataDir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nope").contains("fraud");
  }

  @Test
  void baseline_withBothACsvAndAWindow_isAUsageError() throws IOException {
    Path csv = Files.writeString(dir.resolve("training.csv"), TRAINING);

    Run run =
        DriftCommandTest.vigil(
            "baseline",
            "--model",
            "fraud",
            "--version",
            "v1",
            "--csv",
            csv.toString(),
            "--from",
            "2026-11-01T00:00:00Z",
            "--to",
            "2026-11-02T00:00:00Z",
            "--data-dir",
            dataDir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("mutually exclusive");
  }

  @Test
  void baseline_ofAMissingFile_exitsTwo() {
    Run run =
        DriftCommandTest.vigil(
            "baseline",
            "--model",
            "fraud",
            "--version",
            "v1",
            "--csv",
            dir.resolve("absent.csv").toString(),
            "--data-dir",
            dataDir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("absent.csv: no such file");
  }
}
