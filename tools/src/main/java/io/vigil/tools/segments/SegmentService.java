package io.vigil.tools.segments;

import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.LatestRecords;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.segments.SegmentAnalysis.PairSampleSize;
import io.vigil.tools.segments.SegmentAnalysis.Totals;
import io.vigil.tools.segments.SegmentSlice.Source;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.ProfileRepository;
import io.vigil.tools.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Finds the slices of traffic that carry a change of accuracy or error rate between two windows:
 * one segment attribute at a time from the exact window counters, pairs of attributes from a
 * bounded sample of raw records. Each slice's contribution to the overall change is exact (see
 * {@link SegmentSlice}), so the slices of one attribute add up to the whole change.
 */
public final class SegmentService {

  /** The most records sampled from each window for the two-attribute slices. */
  public static final int DEFAULT_PAIR_SAMPLE = 20_000;

  private final Database database;
  private final ModelRegistry registry;
  private final InstantSource clock;
  private final Duration alignment;
  private final ProfileRepository profiles;
  private final int pairSampleLimit;

  /**
   * @param ingest the settings records were written under: ranges align to its profile window
   */
  public SegmentService(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings ingest) {
    this(database, registry, clock, ingest, DEFAULT_PAIR_SAMPLE);
  }

  SegmentService(
      Database database,
      ModelRegistry registry,
      InstantSource clock,
      IngestSettings ingest,
      int pairSampleLimit) {
    this.database = database;
    this.registry = registry;
    this.clock = clock;
    this.alignment = ingest.window();
    // only for its alignment rule: the counters are kept per profile window
    this.profiles = new ProfileRepository(database, ingest.profileSpans());
    this.pairSampleLimit = pairSampleLimit;
  }

  /** Like {@link #analyze(SegmentQuery)}, with the request's fields as arguments. */
  public SegmentAnalysis analyze(
      String model,
      Optional<String> version,
      TimeWindow window,
      Optional<TimeWindow> reference,
      SegmentMetric metric) {
    return analyze(new SegmentQuery(model, version, window, reference, metric));
  }

  /**
   * Analyses a model's slices.
   *
   * @throws io.vigil.tools.registry.UnknownModelException if the model or version is not
   *     registered, naming the known ones
   * @throws IllegalArgumentException if accuracy is asked of a regression model, or the reference
   *     window overlaps the window
   * @throws StoreUnavailableException if the store cannot be read
   */
  public SegmentAnalysis analyze(SegmentQuery query) {
    RegistrySnapshot snapshot = registry.snapshot();
    Model model = snapshot.require(query.model());
    OptionalLong versionId =
        query.version().isPresent()
            ? OptionalLong.of(snapshot.requireVersion(model.name(), query.version().get()).id())
            : OptionalLong.empty();
    if (query.metric() == SegmentMetric.ACCURACY && model.task() != ModelTask.CLASSIFICATION) {
      throw new IllegalArgumentException(
          "model '" + model.name() + "' is a regression model without accuracy; use ERROR_RATE");
    }
    LatestRecords latest = new LatestRecords(database);
    Instant now = clock.instant();
    TimeRange window = profiles.aligned(latest.resolve(query.window(), model.id(), now));
    TimeRange reference =
        query.reference().isPresent()
            ? profiles.aligned(latest.resolve(query.reference().get(), model.id(), now))
            : new TimeRange(window.from().minus(window.length()), window.from());
    if (reference.to().isAfter(window.from()) && reference.from().isBefore(window.to())) {
      throw new IllegalArgumentException(
          "the reference window "
              + reference
              + " overlaps the window "
              + window
              + " (both aligned to "
              + alignment
              + " windows); choose one that ends before the window starts, or leave it out");
    }
    try (Connection connection = database.connection()) {
      return analyze(connection, model, versionId, query, window, reference);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the segment counters of " + model.name(), e);
    }
  }

  private SegmentAnalysis analyze(
      Connection connection,
      Model model,
      OptionalLong versionId,
      SegmentQuery query,
      TimeRange window,
      TimeRange reference)
      throws SQLException {
    SegmentMetric metric = query.metric();
    SegmentCounters counters = new SegmentCounters(model.id(), versionId);
    SliceCounts windowTotal = counters.totals(connection, window);
    SliceCounts referenceTotal = counters.totals(connection, reference);
    List<SegmentSlice> slices = List.of();
    if (metric.trials(windowTotal) > 0 && metric.trials(referenceTotal) > 0) {
      SliceDecomposition exact = new SliceDecomposition(metric, windowTotal, referenceTotal);
      slices =
          exact.ranked(
              singleSlices(
                  exact,
                  counters.byAttribute(connection, window),
                  counters.byAttribute(connection, reference),
                  windowTotal,
                  referenceTotal),
              SegmentAnalysis.MAX_SLICES);
    }
    Pairs pairs = pairs(connection, model.id(), versionId, metric, window, reference);
    Totals windowTotals = totals(metric, windowTotal);
    Totals referenceTotals = totals(metric, referenceTotal);
    OptionalDouble change =
        windowTotals.value().isPresent() && referenceTotals.value().isPresent()
            ? OptionalDouble.of(
                windowTotals.value().getAsDouble() - referenceTotals.value().getAsDouble())
            : OptionalDouble.empty();
    return SegmentSummary.withSummary(
        new SegmentAnalysis(
            model.name(),
            query.version(),
            metric,
            window,
            reference,
            alignment,
            windowTotals,
            referenceTotals,
            change,
            slices,
            pairs.slices(),
            pairs.size(),
            ""));
  }

  /** The two-attribute slices and the samples they come from. */
  private record Pairs(List<SegmentSlice> slices, PairSampleSize size) {}

  private Pairs pairs(
      Connection connection,
      long modelId,
      OptionalLong versionId,
      SegmentMetric metric,
      TimeRange window,
      TimeRange reference)
      throws SQLException {
    PairSample inWindow =
        PairSample.read(connection, modelId, versionId, window, metric, pairSampleLimit);
    PairSample inReference =
        PairSample.read(connection, modelId, versionId, reference, metric, pairSampleLimit);
    SliceCounts sampledW = inWindow.totals();
    SliceCounts sampledR = inReference.totals();
    if (metric.trials(sampledW) == 0 || metric.trials(sampledR) == 0) {
      return new Pairs(
          List.of(),
          new PairSampleSize(
              inWindow.size(), inReference.size(), pairSampleLimit, OptionalDouble.empty()));
    }
    SliceDecomposition sampled = new SliceDecomposition(metric, sampledW, sampledR);
    return new Pairs(
        sampled.ranked(pairSlices(sampled, inWindow, inReference), SegmentAnalysis.MAX_PAIR_SLICES),
        new PairSampleSize(
            inWindow.size(),
            inReference.size(),
            pairSampleLimit,
            OptionalDouble.of(sampled.overallChange())));
  }

  /** Every attribute's values, and its "(no value)" remainder, as slices of one partition each. */
  private static List<SegmentSlice> singleSlices(
      SliceDecomposition decomposition,
      Map<String, Map<String, SliceCounts>> window,
      Map<String, Map<String, SliceCounts>> reference,
      SliceCounts windowTotal,
      SliceCounts referenceTotal) {
    List<String> attributes = new ArrayList<>(window.keySet());
    reference.keySet().stream().filter(a -> !window.containsKey(a)).forEach(attributes::add);
    List<SegmentSlice> slices = new ArrayList<>();
    for (String attribute : attributes) {
      slices.addAll(
          decomposition.slices(
              Source.WINDOW_COUNTERS,
              keyed(attribute, window.getOrDefault(attribute, Map.of()), windowTotal),
              keyed(attribute, reference.getOrDefault(attribute, Map.of()), referenceTotal)));
    }
    return slices;
  }

  /** One attribute's values keyed as slices, with the records lacking it as {@code (no value)}. */
  private static Map<Map<String, String>, SliceCounts> keyed(
      String attribute, Map<String, SliceCounts> values, SliceCounts total) {
    Map<Map<String, String>, SliceCounts> keyed = new LinkedHashMap<>();
    SliceCounts covered = SliceCounts.ZERO;
    for (Map.Entry<String, SliceCounts> value : values.entrySet()) {
      keyed.put(Map.of(attribute, value.getKey()), value.getValue());
      covered = covered.plus(value.getValue());
    }
    SliceCounts rest = total.minus(covered);
    if (rest.records() > 0) {
      keyed.put(Map.of(attribute, SegmentSlice.NO_VALUE), rest);
    }
    return keyed;
  }

  private static List<SegmentSlice> pairSlices(
      SliceDecomposition decomposition, PairSample window, PairSample reference) {
    List<String> attributes = new ArrayList<>(window.attributes());
    reference.attributes().stream().filter(a -> !attributes.contains(a)).forEach(attributes::add);
    attributes.sort(null);
    List<SegmentSlice> slices = new ArrayList<>();
    for (int i = 0; i < attributes.size(); i++) {
      for (int j = i + 1; j < attributes.size(); j++) {
        String first = attributes.get(i);
        String second = attributes.get(j);
        slices.addAll(
            decomposition.slices(
                Source.SAMPLE, window.slicedBy(first, second), reference.slicedBy(first, second)));
      }
    }
    return slices;
  }

  private static Totals totals(SegmentMetric metric, SliceCounts counts) {
    long trials = metric.trials(counts);
    return new Totals(
        counts.records(),
        trials,
        trials == 0
            ? OptionalDouble.empty()
            : OptionalDouble.of((double) metric.successes(counts) / trials));
  }
}
