package io.vigil.tools.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BaselineServiceCsvTest {

  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-11-02T10:00:00Z"));
  private static final int ROWS = 2_000;

  @TempDir Path directory;

  private static ModelRegistry churnModel(Database database) {
    ModelRegistry registry = new ModelRegistry(database, CLOCK);
    registry.createModel(
        "churn",
        ModelTask.CLASSIFICATION,
        "",
        Map.of(),
        OptionalDouble.of(0.8),
        Map.of(
            "age", FeatureKind.NUMERIC,
            "plan", FeatureKind.CATEGORICAL,
            "active", FeatureKind.BOOLEAN));
    registry.addVersion("churn", "v1", Map.of());
    return registry;
  }

  /** Training rows whose prediction is right with probability equal to its confidence. */
  private Path trainingCsv(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder csv = new StringBuilder("id,age,plan,active,label,pred,conf\n");
    for (int i = 0; i < ROWS; i++) {
      double confidence = 0.5 + 0.5 * random.nextDouble();
      String label = random.nextBoolean() ? "stay" : "leave";
      String other = label.equals("stay") ? "leave" : "stay";
      String predicted = random.nextDouble() < confidence ? label : other;
      String age = i % 100 == 0 ? "" : Integer.toString(20 + random.nextInt(50));
      csv.append(i)
          .append(',')
          .append(age)
          .append(',')
          .append(random.nextBoolean() ? "basic" : "premium")
          .append(',')
          .append(random.nextBoolean() ? "TRUE" : "false")
          .append(',')
          .append(label)
          .append(',')
          .append(predicted)
          .append(',')
          .append(confidence)
          .append('\n');
    }
    Path file = directory.resolve("train.csv");
    Files.writeString(file, csv);
    return file;
  }

  private static BaselineService service(Database database, ModelRegistry registry) {
    return new BaselineService(database, registry, CLOCK, IngestSettings.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void fromCsv_registeredFeaturesAndSpecialColumns_storesProfilesAndCalibrationRows(
      String store, Supplier<Database> open) throws IOException {
    try (Database database = open.get()) {
      ModelRegistry registry = churnModel(database);
      BaselineService baselines = service(database, registry);
      Path csv = trainingCsv(11L);

      Baseline stored =
          baselines.fromCsv(
              "churn", "v1", csv, Optional.of("label"), Optional.of("pred"), Optional.of("conf"));

      assertThat(stored.source()).isEqualTo(BaselineSource.TRAINING_FILE);
      assertThat(stored.records()).isEqualTo(ROWS);
      assertThat(stored.calibrationRows()).isEqualTo(ROWS);
      assertThat(stored.features())
          .containsExactly("@confidence", "@prediction", "active", "age", "plan");
      assertThat(stored.description()).contains("train.csv", "2000 rows", "ignored columns", "id");
      RegistrySnapshot snapshot = registry.snapshot();
      StoredBaseline read =
          baselines
              .latest(snapshot.require("churn").id(), snapshot.requireVersion("churn", "v1").id())
              .orElseThrow();
      NumericProfile age = (NumericProfile) read.profiles().get("age");
      assertThat(age.count()).isEqualTo(ROWS - ROWS / 100);
      assertThat(age.missing()).isEqualTo(ROWS / 100);
      CategoricalProfile active = (CategoricalProfile) read.profiles().get("active");
      assertThat(active.frequentItems().keySet()).containsExactlyInAnyOrder("true", "false");
      assertThat(read.profiles().get("@prediction")).isInstanceOf(CategoricalProfile.class);
      CalibrationRows calibration = read.calibration().orElseThrow();
      // Confidence uniform on [0.5, 1]: the expected accuracy is 0.75.
      assertThat(calibration.accuracy()).isBetween(0.72, 0.78);
      assertThat(baselines.list("churn"))
          .extracting(Baseline::calibrationRows)
          .containsExactly(ROWS);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void fromCsv_badInput_isRefusedWithTheProblemAndStoresNothing(
      String store, Supplier<Database> open) throws IOException {
    try (Database database = open.get()) {
      ModelRegistry registry = churnModel(database);
      BaselineService baselines = service(database, registry);
      Path csv = trainingCsv(12L);
      Path textInNumeric = directory.resolve("bad.csv");
      Files.writeString(textInNumeric, "age,plan\n31,basic\nold,basic\n");
      Path badBoolean = directory.resolve("bool.csv");
      Files.writeString(badBoolean, "active\ntrue\nmaybe\n");

      assertThatThrownBy(
              () ->
                  baselines.fromCsv(
                      "churn", "v1", csv, Optional.of("y"), Optional.empty(), Optional.empty()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no column 'y'")
          .hasMessageContaining("age");
      assertThatThrownBy(
              () ->
                  baselines.fromCsv(
                      "churn",
                      "v1",
                      textInNumeric,
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("line 3")
          .hasMessageContaining("'age'");
      assertThatThrownBy(
              () ->
                  baselines.fromCsv(
                      "churn",
                      "v1",
                      badBoolean,
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty()))
          .hasMessageContaining("'maybe'");
      assertThatThrownBy(
              () ->
                  baselines.fromCsv(
                      "churn",
                      "v1",
                      directory.resolve("absent.csv"),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty()))
          .hasMessageContaining("no such file");
      assertThat(baselines.list("churn")).isEmpty();
    }
  }
}
