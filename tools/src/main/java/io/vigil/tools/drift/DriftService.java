package io.vigil.tools.drift;

import io.vigil.detectors.drift.DatasetDriftReport;
import io.vigil.detectors.drift.DriftMethod;
import io.vigil.detectors.drift.DriftPolicy;
import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.baseline.StoredBaseline;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.LatestRecords;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.query.WindowGrid;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.ProfileRepository;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Drift of a version's traffic against its baseline, from profiles: per feature ({@link
 * io.vigil.detectors.profile.ProfileDrift} under a {@link DriftPolicy}), over the dataset, of the
 * prediction, of the embeddings (on bounded raw samples), and each feature's recent dynamics.
 *
 * <p>The baseline is the version's newest, else the model's newest of any version (the answer says
 * which). Cost: the versions of the range's and the dynamics series' stored profiles, the profiles
 * of only those windows whose merged profile or window scores an earlier call did not leave behind
 * ({@link CurrentProfiles}, {@link DriftDynamics}; in steady traffic the newest window), and, for
 * models with embeddings, two raw samples of {@value EmbeddingComparison#SAMPLE_ROWS} rows. What is
 * remembered is bounded and keyed by the stored profiles' versions and the baseline's id, so a late
 * record or a new baseline is in the next answer. Thread-safe.
 */
public final class DriftService {

  /** The window when the request names none. */
  public static final TimeWindow DEFAULT_WINDOW =
      new TimeWindow.Relative(Duration.ofHours(24), false);

  private final ModelRegistry registry;
  private final InstantSource clock;
  private final WindowGrid grid;
  private final LatestRecords latest;
  private final CurrentProfiles profiles;
  private final BaselineService baselines;
  private final DriftDynamics dynamics;
  private final EmbeddingComparison embeddings;
  private final List<DriftScoreListener> listeners = new CopyOnWriteArrayList<>();

  public DriftService(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings settings) {
    this.registry = registry;
    this.clock = clock;
    this.grid = new WindowGrid(settings.window());
    this.latest = new LatestRecords(database);
    ProfileRepository stored = new ProfileRepository(database, settings.profileSpans());
    this.profiles = new CurrentProfiles(stored);
    this.baselines = new BaselineService(database, registry, clock, settings);
    this.dynamics = new DriftDynamics(stored, settings.profileSpans());
    this.embeddings = new EmbeddingComparison(database);
  }

  /** Tells {@code listener} every tested feature's score of every later answer. */
  public void addScoreListener(DriftScoreListener listener) {
    listeners.add(listener);
  }

  /**
   * Drift over a window.
   *
   * @throws io.vigil.tools.registry.UnknownModelException if the model or version is unknown
   * @throws IllegalArgumentException if a requested feature is not one of the model's, or the model
   *     has no version
   */
  public DriftResponse drift(DriftRequest request) {
    RegistrySnapshot snapshot = registry.snapshot();
    Model model = snapshot.require(request.model());
    ModelVersion version = version(snapshot, model, request);
    TimeRange requested =
        latest.resolve(request.window().orElse(DEFAULT_WINDOW), model.id(), clock.instant());
    DriftQuery query =
        new DriftQuery(
            model,
            version,
            request.version().isPresent() ? VersionChoice.REQUESTED : VersionChoice.ACTIVE,
            requested,
            grid.alignOutward(requested),
            policy(request),
            grid);
    Optional<Reference> reference = baseline(model, version);
    if (reference.isEmpty()) {
      return query.empty(DriftStatus.NO_BASELINE, Optional.empty());
    }
    StoredBaseline baseline = reference.get().stored();
    List<String> features = features(snapshot, model, request, baseline);
    List<String> wanted = new ArrayList<>(features);
    wanted.add(FeatureNames.PREDICTION);
    wanted.add(FeatureNames.CONFIDENCE);
    Map<String, FeatureProfile> current =
        profiles.merged(model.id(), version.id(), query.range(), wanted);
    if (records(current) == 0) {
      return query.empty(DriftStatus.NO_DATA, Optional.of(reference.get().used()));
    }
    DriftResponse response =
        compare(query, snapshot, reference.get().used(), baseline, features, current);
    notifyListeners(response);
    return response;
  }

  private DriftResponse compare(
      DriftQuery query,
      RegistrySnapshot snapshot,
      BaselineUsed used,
      StoredBaseline baseline,
      List<String> features,
      Map<String, FeatureProfile> current) {
    long modelId = query.model().id();
    long versionId = query.version().id();
    DatasetDriftReport report =
        ProfileComparison.compare(query.policy(), features, baseline.profiles(), current);
    Map<String, DriftDynamics.Outcome> followed =
        dynamics.follow(
            modelId,
            versionId,
            query.range(),
            query.policy(),
            baseline.baseline().id(),
            baseline.profiles(),
            report);
    List<FeatureDriftResult> results = new ArrayList<>();
    for (FeatureDrift verdict : report.features()) {
      DriftDynamics.Outcome outcome =
          followed.getOrDefault(
              verdict.feature(),
              new DriftDynamics.Outcome(
                  Optional.empty(), "no dynamics: the feature was not tested"));
      results.add(
          FeatureDriftResult.of(results.size() + 1, verdict, outcome.dynamics(), outcome.note()));
    }
    Prediction prediction = prediction(query.policy(), baseline, current);
    long baselineVersionId =
        snapshot.requireVersion(query.model().name(), used.baseline().version()).id();
    EmbeddingComparison.Outcome embedding =
        embeddings.compare(modelId, versionId, query.range(), used.baseline(), baselineVersionId);
    return query.answer(
        used,
        records(current),
        results,
        report,
        prediction.result(),
        prediction.note(),
        prediction.confidence(),
        embedding);
  }

  /** Prediction drift (and the confidences' drift), or why there is none. */
  private record Prediction(
      Optional<FeatureDriftResult> result, String note, Optional<FeatureDriftResult> confidence) {}

  private static Prediction prediction(
      DriftPolicy policy, StoredBaseline baseline, Map<String, FeatureProfile> current) {
    if (!baseline.profiles().containsKey(FeatureNames.PREDICTION)) {
      return new Prediction(
          Optional.empty(),
          "no prediction drift: the baseline has no prediction profile (give its prediction"
              + " column when uploading training data)",
          Optional.empty());
    }
    return new Prediction(
        Optional.of(single(policy, FeatureNames.PREDICTION, baseline, current)),
        "",
        baseline.profiles().containsKey(FeatureNames.CONFIDENCE)
                && current.containsKey(FeatureNames.CONFIDENCE)
                && current.get(FeatureNames.CONFIDENCE).count() > 0
            ? Optional.of(single(policy, FeatureNames.CONFIDENCE, baseline, current))
            : Optional.empty());
  }

  private static FeatureDriftResult single(
      DriftPolicy policy,
      String name,
      StoredBaseline baseline,
      Map<String, FeatureProfile> current) {
    FeatureDrift verdict =
        ProfileComparison.compare(policy, List.of(name), baseline.profiles(), current)
            .features()
            .get(0);
    return FeatureDriftResult.of(
        1, verdict, Optional.empty(), "no dynamics: followed for input features only");
  }

  private static ModelVersion version(
      RegistrySnapshot snapshot, Model model, DriftRequest request) {
    if (request.version().isPresent()) {
      return snapshot.requireVersion(model.name(), request.version().get());
    }
    String active =
        snapshot
            .activeVersion(model.name())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "model '" + model.name() + "' has no version yet; register one first"));
    return snapshot.requireVersion(model.name(), active);
  }

  private static DriftPolicy policy(DriftRequest request) {
    DriftPolicy policy = DriftPolicy.defaults();
    if (request.alpha().isPresent()) {
      policy = policy.withAlpha(request.alpha().getAsDouble());
    }
    if (request.effectThreshold().isPresent()) {
      for (DriftMethod method : DriftMethod.values()) {
        policy = policy.withEffectThreshold(method, request.effectThreshold().getAsDouble());
      }
    }
    return policy;
  }

  /** The baseline compared with and whose it is. */
  private record Reference(StoredBaseline stored, BaselineChoice choice) {
    BaselineUsed used() {
      return new BaselineUsed(stored.baseline(), choice);
    }
  }

  private Optional<Reference> baseline(Model model, ModelVersion version) {
    Optional<StoredBaseline> own = baselines.latest(model.id(), version.id());
    if (own.isPresent()) {
      return Optional.of(new Reference(own.get(), BaselineChoice.SAME_VERSION));
    }
    return baselines
        .latestOfModel(model.id())
        .map(other -> new Reference(other, BaselineChoice.OTHER_VERSION));
  }

  private static List<String> features(
      RegistrySnapshot snapshot, Model model, DriftRequest request, StoredBaseline baseline) {
    List<String> known = new ArrayList<>(snapshot.featuresOf(model.id()).keySet());
    if (known.isEmpty()) {
      baseline.profiles().keySet().stream()
          .filter(name -> !name.startsWith(FeatureNames.RESERVED_PREFIX))
          .forEach(known::add);
    }
    if (request.features().isEmpty()) {
      return known;
    }
    for (String feature : request.features().get()) {
      if (!known.contains(feature)) {
        throw new IllegalArgumentException(
            "model '"
                + model.name()
                + "' has no feature '"
                + feature
                + "'; known: "
                + String.join(", ", known)
                + (feature.startsWith(FeatureNames.RESERVED_PREFIX)
                    ? " (prediction drift is reported with every answer)"
                    : ""));
      }
    }
    return request.features().get();
  }

  private static long records(Map<String, FeatureProfile> current) {
    return current.values().stream()
        .mapToLong(profile -> profile.count() + profile.missing())
        .max()
        .orElse(0);
  }

  private void notifyListeners(DriftResponse response) {
    List<FeatureDriftResult> scored = new ArrayList<>(response.features());
    response.prediction().ifPresent(scored::add);
    response.confidence().ifPresent(scored::add);
    for (FeatureDriftResult result : scored) {
      if (result.effectSize().isPresent()) {
        for (DriftScoreListener listener : listeners) {
          listener.driftScore(
              response.model(),
              response.version(),
              result.feature(),
              result.effectSize().getAsDouble());
        }
      }
      result
          .dynamics()
          .ifPresent(
              dynamics -> {
                for (DriftScoreListener listener : listeners) {
                  listener.driftRisk(
                      response.model(), response.version(), result.feature(), dynamics.risk());
                }
              });
    }
  }
}
