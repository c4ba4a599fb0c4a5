package io.vigil.tools.baseline;

import io.vigil.detectors.drift.FeatureSample;
import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.detectors.profile.ProfileSettings;
import io.vigil.tools.csv.ColumnType;
import io.vigil.tools.csv.CsvFormatException;
import io.vigil.tools.csv.CsvSchema;
import io.vigil.tools.csv.CsvTable;
import io.vigil.tools.csv.CsvTableReader;
import io.vigil.tools.csv.ReadProgress;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.ModelTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a training-data CSV into baseline profiles: registered features by their registered kind
 * (every column but the label, prediction and confidence when the model has none registered yet,
 * by the kind its cells suggest), the prediction and confidence as {@code @prediction} and {@code
 * @confidence}, and, for a classifier with label, prediction and confidence columns, a seeded
 * sample of calibration rows.
 */
final class CsvBaseline {

  /** The CSV's columns that are not features. */
  record SpecialColumns(
      Optional<String> label, Optional<String> prediction, Optional<String> confidence) {

    List<String> present() {
      List<String> names = new ArrayList<>();
      label.ifPresent(names::add);
      prediction.ifPresent(names::add);
      confidence.ifPresent(names::add);
      return names;
    }
  }

  /**
   * What the file gave.
   *
   * @param rows data rows
   * @param profiles feature (and pseudo-feature) to profile
   * @param calibration sampled labelled rows, for a classifier with all three special columns
   * @param ignoredColumns columns that are neither registered features nor special
   */
  record Contents(
      long rows,
      Map<String, FeatureProfile> profiles,
      Optional<CalibrationRows> calibration,
      List<String> ignoredColumns) {}

  private final ProfileSettings settings;

  CsvBaseline(ProfileSettings settings) {
    this.settings = settings;
  }

  Contents read(
      Path csv, ModelTask task, Map<String, FeatureKind> registered, SpecialColumns special)
      throws IOException, CsvFormatException {
    CsvSchema inferred = CsvTableReader.inferSchema(csv, List.of(), ReadProgress.NONE);
    for (String column : special.present()) {
      if (!inferred.names().contains(column)) {
        throw new IllegalArgumentException(
            "the CSV has no column '" + column + "'; its header has " + inferred.names());
      }
    }
    Map<String, FeatureKind> features = featureColumns(inferred, registered, special);
    List<String> ignored = new ArrayList<>(inferred.names());
    ignored.removeAll(features.keySet());
    ignored.removeAll(special.present());
    CsvTable table = CsvTableReader.read(csv, schema(features, task, special), ReadProgress.NONE);
    if (table.rows() == 0) {
      throw new IllegalArgumentException(
          "the CSV has a header but no rows: a baseline of no data would compare everything with"
              + " nothing");
    }
    Map<String, FeatureProfile> profiles = new LinkedHashMap<>();
    features.forEach(
        (name, kind) -> profiles.put(name, profile(name, kind, table.columns().get(name))));
    special
        .prediction()
        .ifPresent(
            column ->
                profiles.put(
                    FeatureNames.PREDICTION,
                    profile(column, predictionKind(task), table.columns().get(column))));
    if (special.confidence().isPresent()) {
      String column = special.confidence().get();
      FeatureSample sample = table.columns().get(column);
      requireProbabilities(column, (FeatureSample.Numeric) sample);
      profiles.put(FeatureNames.CONFIDENCE, profile(column, FeatureKind.NUMERIC, sample));
    }
    Optional<CalibrationRows> calibration =
        task == ModelTask.CLASSIFICATION && special.present().size() == 3
            ? calibration(csv, special)
            : Optional.empty();
    return new Contents(table.rows(), profiles, calibration, ignored);
  }

  private static Map<String, FeatureKind> featureColumns(
      CsvSchema inferred, Map<String, FeatureKind> registered, SpecialColumns special) {
    Map<String, FeatureKind> features = new LinkedHashMap<>();
    for (String column : inferred.names()) {
      if (special.present().contains(column)) {
        continue;
      }
      if (registered.isEmpty()) {
        features.put(
            column,
            inferred.typeOf(column) == ColumnType.NUMERIC
                ? FeatureKind.NUMERIC
                : FeatureKind.CATEGORICAL);
      } else if (registered.containsKey(column)) {
        features.put(column, registered.get(column));
      }
    }
    if (features.isEmpty()) {
      throw new IllegalArgumentException(
          "none of the CSV's columns "
              + inferred.names()
              + " is a registered feature of the model; registered: "
              + registered.keySet());
    }
    return features;
  }

  private static CsvSchema schema(
      Map<String, FeatureKind> features, ModelTask task, SpecialColumns special) {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    features.forEach((name, kind) -> columns.put(name, columnType(kind)));
    special.prediction().ifPresent(name -> columns.put(name, columnType(predictionKind(task))));
    special.confidence().ifPresent(name -> columns.put(name, ColumnType.NUMERIC));
    return new CsvSchema(columns);
  }

  private static ColumnType columnType(FeatureKind kind) {
    return kind == FeatureKind.NUMERIC ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
  }

  private static FeatureKind predictionKind(ModelTask task) {
    return task == ModelTask.CLASSIFICATION ? FeatureKind.CATEGORICAL : FeatureKind.NUMERIC;
  }

  private FeatureProfile profile(String column, FeatureKind kind, FeatureSample sample) {
    if (sample instanceof FeatureSample.Numeric numeric) {
      NumericProfile profile = NumericProfile.create(settings, column.hashCode());
      for (double value : numeric.values()) {
        profile.accept(value);
      }
      for (long i = 0; i < numeric.missing(); i++) {
        profile.acceptMissing();
      }
      return profile;
    }
    FeatureSample.Categorical categorical = (FeatureSample.Categorical) sample;
    CategoricalProfile profile = CategoricalProfile.create(settings);
    categorical
        .counts()
        .forEach(
            (category, count) -> {
              String value =
                  kind == FeatureKind.BOOLEAN ? booleanCategory(column, category) : category;
              for (long i = 0; i < count; i++) {
                profile.accept(value);
              }
            });
    for (long i = 0; i < categorical.missing(); i++) {
      profile.acceptMissing();
    }
    return profile;
  }

  /** Booleans are profiled as the categories "true" and "false", as the writer profiles them. */
  private static String booleanCategory(String column, String cell) {
    return switch (cell.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> "true";
      case "false", "0" -> "false";
      default ->
          throw new IllegalArgumentException(
              "column '"
                  + column
                  + "' is a boolean feature but holds '"
                  + cell
                  + "'; write true/false (or 1/0)");
    };
  }

  private static void requireProbabilities(String column, FeatureSample.Numeric sample) {
    for (double value : sample.values()) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(
            "confidence column '" + column + "' holds " + value + "; confidences are in [0, 1]");
      }
    }
  }

  private static Optional<CalibrationRows> calibration(Path csv, SpecialColumns special)
      throws IOException, CsvFormatException {
    CalibrationRows.Sampler sampler = new CalibrationRows.Sampler(CalibrationRows.MAX_ROWS);
    List<String> columns =
        List.of(special.label().get(), special.prediction().get(), special.confidence().get());
    CsvTableReader.forEachRow(
        csv,
        columns,
        cells -> {
          if (cells.get(0).isEmpty() || cells.get(1).isEmpty() || cells.get(2).isEmpty()) {
            return null; // unlabelled (or unscored) rows cannot calibrate
          }
          sampler.accept(cells.get(0), cells.get(1), Double.parseDouble(cells.get(2)));
          return null;
        },
        ReadProgress.NONE);
    return sampler.seen() == 0 ? Optional.empty() : Optional.of(sampler.rows());
  }
}
