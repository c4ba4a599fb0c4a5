package io.vigil.server.cli;

import io.vigil.tools.csv.ReadProgress;
import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.ingest.wire.Chunk;
import io.vigil.tools.ingest.wire.InferenceCsvReader;
import io.vigil.tools.ingest.wire.InferenceJsonReader;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.UnknownModelException;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import io.vigil.tools.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil ingest}: stores a CSV or NDJSON file of inference records through the same writer
 * the server uses (validation, deduplication, window counters, profiles), straight into the store.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Store inference records from a CSV file (header row; request_id, timestamp, prediction,"
          + " optional version, confidence, latency_ms, error, label, segment.<key> and"
          + " proba.<class> columns; every other column is a feature) or an NDJSON file (one"
          + " record per line, as POST /api/v1/inferences takes).",
      "Records go in chunks, each stored whole; a bad chunk stops the run with its problems"
          + " listed. Request ids already stored are skipped, so running again is safe.",
      "Run it against a store no server is writing to at the same time: the writer assumes it is"
          + " the store's only one."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every record stored (or already there)", "2:bad input or no store"})
final class IngestCommand implements Callable<Integer> {

  /** Records per chunk: one writer transaction, well under the 10,000-record batch limit. */
  static final int CHUNK_RECORDS = 5_000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "FILE.csv or FILE.ndjson.")
  Path file;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "MODEL",
      description = "The registered model the records belong to (unless a record names its own).")
  String model;

  @Option(
      names = "--version",
      paramLabel = "VERSION",
      description = "CSV only: the version of rows without a version column or cell.")
  String version;

  @CommandLine.ArgGroup(exclusive = true)
  StoreOptions store = new StoreOptions();

  @Option(
      names = "--window",
      defaultValue = "5m",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Profile window; must match the server's vigil.ingest.window (default: ${DEFAULT-VALUE}).")
  Duration window;

  LongSupplier nanoTime = System::nanoTime;

  /** Where the store is: the embedded one in a data directory, or a database URL. */
  static final class StoreOptions {
    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        description = "The embedded store's directory (default: ./vigil-data).")
    Path dataDir;

    @Option(
        names = "--store-url",
        paramLabel = "JDBC_URL",
        description =
            "A PostgreSQL store, jdbc:postgresql://host:port/database; the password comes from"
                + " VIGIL_STORE_PASSWORD.")
    String storeUrl;

    /**
     * The store these options name: PostgreSQL at {@code --store-url} (password from {@code
     * VIGIL_STORE_PASSWORD}), else the embedded store in {@code --data-dir}, which must exist.
     *
     * @throws CommandLine.ParameterException if the URL is not a store URL
     * @throws BadInputException if the data directory does not exist
     */
    StoreSettings settings(CommandLine.Model.CommandSpec spec, String username) {
      if (storeUrl != null) {
        try {
          String password = System.getenv("VIGIL_STORE_PASSWORD");
          return StoreSettings.at(
              storeUrl, username == null ? "" : username, password == null ? "" : password);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
      }
      Path directory = dataDir == null ? Path.of("vigil-data") : dataDir;
      if (!Files.isDirectory(directory)) {
        throw new BadInputException(
            directory
                + ": no such data directory; start `vigil serve` there once, or pass --data-dir");
      }
      return StoreSettings.embedded(directory);
    }
  }

  @Option(
      names = "--store-username",
      paramLabel = "USER",
      defaultValue = "${env:VIGIL_STORE_USERNAME}",
      description = "The store's user, with --store-url (default: VIGIL_STORE_USERNAME).")
  String storeUsername;

  @Override
  public Integer call() {
    IngestSettings settings = settings();
    ChunkSource source = source(Format.of(file), settings);
    long totalBytes = size(file);
    IngestTally tally = new IngestTally();
    try (Database database = Database.open(storeSettings())) {
      ModelRegistry registry = new ModelRegistry(database, InstantSource.system());
      registry.snapshot().require(model);
      try (InferenceWriter writer =
          InferenceWriter.start(database, registry, settings, InstantSource.system())) {
        ingest(source, writer, tally, totalBytes);
      }
    } catch (StoreUnavailableException e) {
      String hint =
          store.storeUrl == null
              ? "; if `vigil serve` runs on this data directory, it holds the store: stop it, or"
                  + " send the records to its POST /api/v1/inferences"
              : "";
      throw new BadInputException(e.getMessage() + cause(e) + hint, e);
    } catch (UnknownModelException e) {
      throw new BadInputException(e.getMessage() + "; register it first (POST /api/v1/models)", e);
    } catch (ChunkRefused e) {
      throw new BadInputException(e.report(file, tally), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(tally.summary(file, model));
    out.flush();
    return 0;
  }

  /** Reads chunks from a stream and hands each over before reading the next. */
  @FunctionalInterface
  private interface ChunkSource {
    void read(InputStream in, Consumer<Chunk> sink) throws IOException;
  }

  private void ingest(ChunkSource source, InferenceWriter writer, IngestTally tally, long size) {
    ReadProgress progress = new ProgressPrinter(spec.commandLine().getErr(), "ingesting", nanoTime);
    try (CountingInputStream in = new CountingInputStream(Files.newInputStream(file))) {
      source.read(
          in,
          chunk -> {
            write(writer, chunk, tally);
            progress.update(file, tally.records(), in.count(), size);
          });
      progress.update(file, tally.records(), size, size);
    } catch (BatchRejectedException e) {
      throw new ChunkRefused(e, ChunkRefused.Indexing.BY_LINE, 0);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The reader for the file's format, configured with the model (and version).
   *
   * @throws BadInputException if a name is invalid or an option does not fit the format
   */
  private ChunkSource source(Format format, IngestSettings settings) {
    try {
      if (format == Format.NDJSON) {
        if (version != null) {
          throw new BadInputException(
              "--version applies to CSV files; NDJSON records name their version");
        }
        InferenceJsonReader reader =
            new InferenceJsonReader(settings.limits()).withDefaultModel(model);
        return (in, sink) -> reader.readChunks(in, CHUNK_RECORDS, sink);
      }
      InferenceCsvReader csv = new InferenceCsvReader(settings.limits()).withDefaultModel(model);
      InferenceCsvReader reader = version == null ? csv : csv.withDefaultVersion(version);
      return (in, sink) ->
          reader.readChunks(
              new InputStreamReader(in, StandardCharsets.UTF_8),
              file.toString(),
              CHUNK_RECORDS,
              sink);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  private static void write(InferenceWriter writer, Chunk chunk, IngestTally tally) {
    try {
      tally.addRecords(writer.writeInferences(chunk.records()));
      if (!chunk.labels().isEmpty()) {
        tally.addLabels(writer.writeLabels(chunk.labels()));
      }
    } catch (BatchRejectedException e) {
      throw new ChunkRefused(e, ChunkRefused.Indexing.BY_POSITION, chunk.firstLine());
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file", e);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
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

  private static String cause(Throwable e) {
    return e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
  }

  /** The input formats, by file extension. */
  enum Format {
    CSV,
    NDJSON;

    static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".csv")) {
        return CSV;
      }
      if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
        return NDJSON;
      }
      throw new BadInputException(
          file + ": unknown format; name the file .csv, or .ndjson (.jsonl) for JSON lines");
    }
  }

  /** Durations as people write them: 30s, 5m, 1h. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      if (!text.matches("\\d+[smhd]")) {
        throw new CommandLine.TypeConversionException(
            "expected a number and a unit (s, m, h, d), e.g. 5m; was '" + value + "'");
      }
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      return switch (text.charAt(text.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
  }
}
