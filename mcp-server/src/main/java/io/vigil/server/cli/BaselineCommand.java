package io.vigil.server.cli;

import io.vigil.tools.baseline.Baseline;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.UnknownModelException;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import io.vigil.tools.store.StoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil baseline}: stores the reference a version's traffic is compared with, from a CSV
 * file of training data or from a window of the version's own traffic, straight into the store.
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = {
      "Store a baseline for a model version: from a CSV file of training data (header row;"
          + " columns named like the model's features are profiled) or from a window of the"
          + " version's own stored traffic.",
      "Run it against a store no server holds: while `vigil serve` runs, use its"
          + " POST /api/v1/models/{model}/versions/{version}/baselines instead."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stored", "2:bad input or no store"})
final class BaselineCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model.")
  String model;

  @Option(
      names = "--version",
      required = true,
      paramLabel = "VERSION",
      description = "The version the baseline is the reference of.")
  String version;

  @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @CommandLine.ArgGroup(exclusive = true)
  IngestCommand.StoreOptions store = new IngestCommand.StoreOptions();

  @Option(
      names = "--store-username",
      paramLabel = "USER",
      defaultValue = "${env:VIGIL_STORE_USERNAME}",
      description = "The store's user, with --store-url (default: VIGIL_STORE_USERNAME).")
  String storeUsername;

  @Option(
      names = "--window",
      defaultValue = "5m",
      paramLabel = "DURATION",
      converter = IngestCommand.DurationConverter.class,
      description =
          "Profile window; must match the server's vigil.ingest.window (default: ${DEFAULT-VALUE}).")
  Duration window;

  /** Training data or a traffic window, one of the two. */
  static final class Source {
    @CommandLine.ArgGroup(exclusive = false)
    CsvSource csv;

    @CommandLine.ArgGroup(exclusive = false)
    WindowSource traffic;
  }

  static final class CsvSource {
    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Training data.")
    Path file;

    @Option(names = "--label-column", paramLabel = "COLUMN", description = "The true outcome.")
    String labelColumn;

    @Option(names = "--prediction-column", paramLabel = "COLUMN", description = "The prediction.")
    String predictionColumn;

    @Option(names = "--confidence-column", paramLabel = "COLUMN", description = "The confidence.")
    String confidenceColumn;
  }

  static final class WindowSource {
    @Option(
        names = "--from",
        required = true,
        paramLabel = "INSTANT",
        description = "Start of the traffic window, ISO-8601 (e.g. 2026-11-01T00:00:00Z).")
    Instant from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "INSTANT",
        description = "End of the traffic window (exclusive), ISO-8601.")
    Instant to;
  }

  @Override
  public Integer call() {
    IngestSettings settings = settings();
    Baseline baseline;
    try (Database database = Database.open(storeSettings())) {
      ModelRegistry registry = new ModelRegistry(database, InstantSource.system());
      BaselineService baselines =
          new BaselineService(database, registry, InstantSource.system(), settings);
      baseline = store(baselines);
    } catch (StoreUnavailableException e) {
      String hint =
          store.storeUrl == null
              ? "; if `vigil serve` runs on this data directory, it holds the store: send the"
                  + " baseline to its POST /api/v1/models/{model}/versions/{version}/baselines"
              : "";
      throw new BadInputException(e.getMessage() + hint, e);
    } catch (UnknownModelException e) {
      throw new BadInputException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    spec.commandLine().getOut().println(summary(baseline));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private Baseline store(BaselineService baselines) {
    if (source.csv != null) {
      CsvSource csv = source.csv;
      if (!Files.isRegularFile(csv.file)) {
        throw new BadInputException(csv.file + ": no such file");
      }
      return baselines.fromCsv(
          model,
          version,
          csv.file,
          Optional.ofNullable(csv.labelColumn),
          Optional.ofNullable(csv.predictionColumn),
          Optional.ofNullable(csv.confidenceColumn));
    }
    return baselines.fromWindow(
        model, version, new TimeRange(source.traffic.from, source.traffic.to));
  }

  static String summary(Baseline baseline) {
    return "stored baseline "
        + baseline.id()
        + " of "
        + baseline.model()
        + " "
        + baseline.version()
        + ": "
        + baseline.description()
        + "; "
        + baseline.records()
        + " records, "
        + baseline.features().size()
        + " profiles ("
        + String.join(", ", baseline.features())
        + "), "
        + baseline.calibrationRows()
        + " calibration rows";
  }

  private IngestSettings settings() {
    try {
      return IngestSettings.defaults().withWindow(window);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--window: " + e.getMessage());
    }
  }

  private StoreSettings storeSettings() {
    return store.settings(spec, storeUsername);
  }
}
