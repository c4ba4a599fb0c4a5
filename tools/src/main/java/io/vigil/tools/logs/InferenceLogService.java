package io.vigil.tools.logs;

import io.vigil.tools.query.LatestRecords;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Searches a model's inference records: the store filters by version, time, error, correctness and
 * confidence on the {@code (model_id, ts)} index; feature and segment conditions are evaluated here
 * while the rows stream, up to a scan limit. Each answer also says which feature and segment values
 * are over-represented among the window's failing records.
 */
public final class InferenceLogService {

  /** The most rows one search examines; the answer says when it stopped there. */
  public static final int DEFAULT_SCAN_LIMIT = 200_000;

  /**
   * The most of the window's newest records the error-pattern summary draws its samples from. Every
   * search carries the summary, and where errors are rare finding them reads this many rows: at
   * 200,000 a plain "newest 50 records" call cost seconds of a busy store's time.
   */
  public static final int DEFAULT_PATTERN_SCAN_LIMIT = 50_000;

  /**
   * The most failing and the most reference records the error-pattern summary compares. Every
   * search carries the summary, and each sampled record's features are read and binned: at 5,000 a
   * search took about a second of a processor (JFR, load harness). 2,000 against 2,000 still finds
   * a value held by 15% of the failing records and 10% of the reference ones (z ≈ 4.8).
   */
  public static final int DEFAULT_PATTERN_SAMPLE = 2_000;

  private final Database database;
  private final ModelRegistry registry;
  private final InstantSource clock;
  private final int scanLimit;
  private final int patternSample;

  public InferenceLogService(Database database, ModelRegistry registry, InstantSource clock) {
    this(database, registry, clock, DEFAULT_SCAN_LIMIT, DEFAULT_PATTERN_SAMPLE);
  }

  /** A service with other limits, so that tests can reach them with few records. */
  InferenceLogService(
      Database database,
      ModelRegistry registry,
      InstantSource clock,
      int scanLimit,
      int patternSample) {
    if (scanLimit < 1 || patternSample < 1) {
      throw new IllegalArgumentException("scan and sample limits must be >= 1");
    }
    this.database = database;
    this.registry = registry;
    this.clock = clock;
    this.scanLimit = scanLimit;
    this.patternSample = patternSample;
  }

  /**
   * Runs a search.
   *
   * @throws io.vigil.tools.registry.UnknownModelException if the model or version is not
   *     registered, naming the known ones
   * @throws IllegalArgumentException if a condition does not fit the model (an unknown feature, an
   *     ordering on a categorical feature, correctness on a regression model), saying how to fix it
   * @throws StoreUnavailableException if the store cannot be read
   */
  public LogSearchResult search(LogQuery query) {
    RegistrySnapshot snapshot = registry.snapshot();
    Model model = snapshot.require(query.model());
    OptionalLong versionId =
        query.version().isPresent()
            ? OptionalLong.of(snapshot.requireVersion(model.name(), query.version().get()).id())
            : OptionalLong.empty();
    requireCorrectnessFits(model, query.correctness());
    Map<String, FeatureKind> features = snapshot.featuresOf(model.id());
    Optional<Predicate<StoredRow>> rowFilter = rowFilter(model.name(), features, query);
    TimeRange range =
        new LatestRecords(database).resolve(query.window(), model.id(), clock.instant());
    StoreFilter filter =
        new StoreFilter(model.id(), versionId, range)
            .correctness(query.correctness())
            .confidence(query.confidence())
            .errors(query.errors());
    try (Connection connection = database.connection()) {
      LogSearch.Found found =
          new LogSearch(scanLimit)
              .run(connection, filter, query.sampling(), query.limit(), query.seed(), rowFilter);
      ErrorPatterns patterns =
          new ErrorPatternFinder(
                  patternSample,
                  Math.min(scanLimit, DEFAULT_PATTERN_SCAN_LIMIT),
                  model.id(),
                  versionId,
                  range)
              .find(connection, model.task(), features, id -> snapshot.versionById(id).version());
      List<LoggedInference> records =
          found.rows().stream()
              .map(row -> row.toLoggedInference(id -> snapshot.versionById(id).version()))
              .toList();
      ScanCounts counts =
          new ScanCounts(records.size(), found.matched(), found.examined(), scanLimit, found.end());
      return new LogSearchResult(
          model.name(),
          query.version(),
          range,
          records,
          counts,
          patterns,
          LogSummary.of(model.name(), query, range, counts));
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot search the records of " + model.name(), e);
    }
  }

  private static void requireCorrectnessFits(Model model, Correctness correctness) {
    boolean needsLabels =
        correctness == Correctness.CORRECT || correctness == Correctness.INCORRECT;
    if (needsLabels && model.task() != ModelTask.CLASSIFICATION) {
      throw new IllegalArgumentException(
          "model '"
              + model.name()
              + "' is a regression model, whose predictions are not right or wrong; use"
              + " correctness ANY, LABELED or UNLABELED");
    }
  }

  /** The conditions evaluated on each streamed row, typed against the model's features. */
  private static Optional<Predicate<StoredRow>> rowFilter(
      String model, Map<String, FeatureKind> features, LogQuery query) {
    List<Predicate<StoredRow>> conditions = new ArrayList<>();
    for (FeaturePredicate predicate : query.features()) {
      FeatureKind kind = features.get(predicate.feature());
      if (kind == null) {
        throw new IllegalArgumentException(
            "model '"
                + model
                + "' has no feature '"
                + predicate.feature()
                + "'; its features are "
                + (features.isEmpty() ? "none yet" : String.join(", ", features.keySet())));
      }
      FeaturePredicate typed = predicate.typedFor(kind);
      conditions.add(row -> typed.matches(row.feature(typed.feature())));
    }
    query
        .segment()
        .forEach((attribute, value) -> conditions.add(row -> value.equals(row.segment(attribute))));
    return conditions.stream().reduce(Predicate::and);
  }
}
