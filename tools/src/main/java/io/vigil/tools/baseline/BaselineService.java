package io.vigil.tools.baseline;

import io.vigil.tools.csv.CsvFormatException;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.WindowGrid;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.ProfileRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Baselines: the reference each version's traffic is compared with, from its training data (a CSV
 * file) or from a window of its own traffic. A baseline keeps one profile per feature, the
 * prediction's and the confidence's, and for classifiers up to {@value CalibrationRows#MAX_ROWS}
 * labelled rows that calibrate accuracy estimation where labels are missing.
 */
public final class BaselineService {

  private final ModelRegistry registry;
  private final InstantSource clock;
  private final WindowGrid grid;
  private final BaselineStore store;
  private final CsvBaseline csvReader;
  private final WindowBaseline windowReader;

  public BaselineService(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings settings) {
    this.registry = registry;
    this.clock = clock;
    this.grid = new WindowGrid(settings.window());
    this.store = new BaselineStore(database);
    this.csvReader = new CsvBaseline(settings.profiles());
    this.windowReader =
        new WindowBaseline(database, new ProfileRepository(database, settings.profileSpans()));
  }

  /**
   * Stores a baseline read from a CSV file of training data with a header row. Columns named like
   * the model's registered features are profiled as their registered kind (all other columns are
   * ignored); when the model has no features registered yet, every column but the label, prediction
   * and confidence is profiled as the kind its cells suggest. Calibration rows are kept for
   * classifiers when all of label, prediction and confidence columns are named.
   *
   * @throws io.vigil.tools.registry.UnknownModelException if the model or version is unknown
   * @throws IllegalArgumentException if the file is missing or cannot be read as a table, a named
   *     column is absent or named twice, no column is a registered feature, or a cell does not fit
   *     its column (the message names the line and column)
   */
  public Baseline fromCsv(
      String model,
      String version,
      Path csv,
      Optional<String> labelColumn,
      Optional<String> predictionColumn,
      Optional<String> confidenceColumn) {
    RegistrySnapshot snapshot = registry.snapshot();
    Model owner = snapshot.require(model);
    ModelVersion target = snapshot.requireVersion(model, version);
    CsvBaseline.SpecialColumns special =
        new CsvBaseline.SpecialColumns(labelColumn, predictionColumn, confidenceColumn);
    if (new HashSet<>(special.present()).size() != special.present().size()) {
      throw new IllegalArgumentException(
          "label, prediction and confidence must be different columns, were " + special.present());
    }
    CsvBaseline.Contents contents = readCsv(csv, owner, snapshot, special);
    String description = csvDescription(csv, contents, special);
    BaselineStore.Draft draft =
        new BaselineStore.Draft(
            owner.id(),
            target.id(),
            BaselineSource.TRAINING_FILE,
            description,
            Optional.empty(),
            contents.rows(),
            clock.instant(),
            contents.profiles(),
            contents.calibration());
    return draft.toBaseline(store.insert(draft), model, version);
  }

  private CsvBaseline.Contents readCsv(
      Path csv, Model owner, RegistrySnapshot snapshot, CsvBaseline.SpecialColumns special) {
    try {
      return csvReader.read(csv, owner.task(), snapshot.featuresOf(owner.id()), special);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + csv, e);
    } catch (CsvFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
  }

  private static String csvDescription(
      Path csv, CsvBaseline.Contents contents, CsvBaseline.SpecialColumns special) {
    long features =
        contents.profiles().keySet().stream()
            .filter(name -> !name.startsWith(FeatureNames.RESERVED_PREFIX))
            .count();
    StringBuilder text =
        new StringBuilder("training data from ")
            .append(csv.getFileName())
            .append(": ")
            .append(contents.rows())
            .append(" rows, ")
            .append(features)
            .append(" features");
    if (!contents.ignoredColumns().isEmpty()) {
      text.append("; ignored columns (not registered features): ")
          .append(String.join(", ", contents.ignoredColumns()));
    }
    if (contents.calibration().isEmpty()) {
      text.append(
          special.present().size() == 3
              ? "; no calibration rows (no row had label, prediction and confidence)"
              : "; no calibration rows (they need label, prediction and confidence columns)");
    }
    return text.toString();
  }

  /**
   * Stores a baseline summarizing a window of the version's own traffic: its profiles merged over
   * the range widened to whole profile windows, and calibration rows from its labelled records.
   *
   * @throws io.vigil.tools.registry.UnknownModelException if the model or version is unknown
   * @throws IllegalArgumentException if the version has no records in the range
   */
  public Baseline fromWindow(String model, String version, TimeRange range) {
    RegistrySnapshot snapshot = registry.snapshot();
    Model owner = snapshot.require(model);
    ModelVersion target = snapshot.requireVersion(model, version);
    TimeRange aligned = grid.alignOutward(range);
    WindowBaseline.Contents contents =
        windowReader.read(owner.id(), target.id(), aligned, owner.task());
    if (contents.records() == 0 || contents.profiles().isEmpty()) {
      throw new IllegalArgumentException(
          "version '"
              + version
              + "' of model '"
              + model
              + "' has no records in "
              + aligned
              + "; choose a window in which it served traffic");
    }
    String description =
        "traffic of version "
            + version
            + " in "
            + aligned
            + " (widened to whole "
            + grid.describe()
            + " windows): "
            + contents.records()
            + " records, "
            + contents.labeled()
            + " labelled";
    BaselineStore.Draft draft =
        new BaselineStore.Draft(
            owner.id(),
            target.id(),
            BaselineSource.TRAFFIC_WINDOW,
            description,
            Optional.of(aligned),
            contents.records(),
            clock.instant(),
            contents.profiles(),
            contents.calibration());
    return draft.toBaseline(store.insert(draft), model, version);
  }

  /** The version's newest baseline, with its profiles and calibration rows. */
  public Optional<StoredBaseline> latest(long modelId, long versionId) {
    return store.latest(registry.snapshot(), modelId, Optional.of(versionId));
  }

  /** The model's newest baseline of any version, with its profiles and calibration rows. */
  public Optional<StoredBaseline> latestOfModel(long modelId) {
    return store.latest(registry.snapshot(), modelId, Optional.empty());
  }

  /**
   * Every baseline of a model, newest first, without contents.
   *
   * @throws io.vigil.tools.registry.UnknownModelException if the model is unknown
   */
  public List<Baseline> list(String model) {
    RegistrySnapshot snapshot = registry.snapshot();
    return store.list(snapshot, snapshot.require(model).id());
  }
}
