package io.vigil.tools.distribution;

import io.vigil.detectors.drift.FeatureDrift;
import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.detectors.profile.ProfileDrift;
import io.vigil.tools.distribution.FeatureDistribution.Kind;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.LatestRecords;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.registry.ModelVersion;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.ProfileRepository;
import io.vigil.tools.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Describes one feature's distribution in a window from the merged window profiles (never raw
 * records), beside the baseline's profile of it, with shared histogram bins and the drift verdict.
 */
public final class FeatureDistributionService {

  /** Seed of the empty profile that stands in for a window without records. */
  private static final long EMPTY_PROFILE_SEED = 0L;

  private final Database database;
  private final ModelRegistry registry;
  private final InstantSource clock;
  private final IngestSettings ingest;
  private final ProfileRepository profiles;

  /**
   * @param ingest the settings records were written under: ranges align to its profile window
   */
  public FeatureDistributionService(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings ingest) {
    this.database = database;
    this.registry = registry;
    this.clock = clock;
    this.ingest = ingest;
    this.profiles = new ProfileRepository(database, ingest.profileSpans());
  }

  /** Like {@link #distribution(DistributionQuery)}, with the request's fields as arguments. */
  public FeatureDistribution distribution(
      String model, String feature, TimeWindow window, Optional<String> version) {
    return distribution(new DistributionQuery(model, feature, window, version));
  }

  /**
   * Describes a feature's distribution.
   *
   * @throws io.vigil.tools.registry.UnknownModelException if the model or version is not
   *     registered, naming the known ones
   * @throws IllegalArgumentException if the model has no such feature, naming those it has
   * @throws StoreUnavailableException if the store cannot be read
   */
  public FeatureDistribution distribution(DistributionQuery query) {
    RegistrySnapshot snapshot = registry.snapshot();
    Model model = snapshot.require(query.model());
    Optional<ModelVersion> version =
        query.version().map(v -> snapshot.requireVersion(model.name(), v));
    Kind expected = kindOf(model, snapshot.featuresOf(model.id()), query.feature());
    TimeRange range =
        profiles.aligned(
            new LatestRecords(database).resolve(query.window(), model.id(), clock.instant()));
    List<ModelVersion> versions =
        version.map(List::of).orElseGet(() -> snapshot.versions(model.name()));
    FeatureProfile current = current(model.id(), versions, range, query.feature(), expected);
    OptionalLong baselineVersion = baselineVersion(snapshot, model, version);
    Optional<BaselineProfiles.Found> baseline;
    try (Connection connection = database.connection()) {
      baseline =
          BaselineProfiles.newest(
              connection,
              model.id(),
              baselineVersion,
              query.feature(),
              id -> snapshot.versionById(id).version());
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot read the baseline of " + model.name(), e);
    }
    Optional<FeatureProfile> baselineProfile =
        baseline.flatMap(BaselineProfiles.Found::profile).filter(p -> sameKind(p, current));
    FeatureDistribution draft =
        new DistributionFigures(query.feature(), current, baselineProfile)
            .describe(
                model.name(),
                query.version(),
                range,
                ingest.window(),
                baseline.map(BaselineProfiles.Found::reference),
                drift(query.feature(), current, baselineProfile));
    return DistributionSummary.withSummary(draft);
  }

  /** Every listed version's merged profile of the feature, combined. */
  private FeatureProfile current(
      long modelId, List<ModelVersion> versions, TimeRange range, String feature, Kind expected) {
    List<FeatureProfile> found = new ArrayList<>();
    for (ModelVersion version : versions) {
      FeatureProfile profile =
          profiles.merged(modelId, version.id(), range, List.of(feature)).get(feature);
      if (profile != null) {
        found.add(profile);
      }
    }
    if (found.isEmpty()) {
      return expected == Kind.NUMERIC
          ? NumericProfile.create(ingest.profiles(), EMPTY_PROFILE_SEED)
          : CategoricalProfile.create(ingest.profiles());
    }
    FeatureProfile combined = copy(found.get(0));
    for (FeatureProfile next : found.subList(1, found.size())) {
      if (combined instanceof NumericProfile numeric && next instanceof NumericProfile other) {
        numeric.combine(other);
      } else if (combined instanceof CategoricalProfile categorical
          && next instanceof CategoricalProfile other) {
        categorical.combine(other);
      }
    }
    return combined;
  }

  private static FeatureProfile copy(FeatureProfile profile) {
    return profile instanceof NumericProfile numeric
        ? numeric.copy()
        : ((CategoricalProfile) profile).copy();
  }

  private static Optional<FeatureDrift> drift(
      String feature, FeatureProfile current, Optional<FeatureProfile> baseline) {
    if (baseline.isEmpty() || baseline.get().count() == 0 || current.count() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        ProfileDrift.withDefaults()
            .detect(Map.of(feature, baseline.get()), Map.of(feature, current))
            .features()
            .get(0));
  }

  /** The version whose baseline is preferred: the one asked about, else the active one. */
  private static OptionalLong baselineVersion(
      RegistrySnapshot snapshot, Model model, Optional<ModelVersion> version) {
    Optional<ModelVersion> preferred =
        version.or(
            () ->
                snapshot
                    .activeVersion(model.name())
                    .map(v -> snapshot.requireVersion(model.name(), v)));
    return preferred.map(v -> OptionalLong.of(v.id())).orElse(OptionalLong.empty());
  }

  private static boolean sameKind(FeatureProfile a, FeatureProfile b) {
    return (a instanceof NumericProfile) == (b instanceof NumericProfile);
  }

  private static Kind kindOf(Model model, Map<String, FeatureKind> features, String feature) {
    switch (feature) {
      case FeatureNames.PREDICTION:
        return model.task() == ModelTask.CLASSIFICATION ? Kind.CATEGORICAL : Kind.NUMERIC;
      case FeatureNames.CONFIDENCE:
      case FeatureNames.LATENCY:
        return Kind.NUMERIC;
      default:
        break;
    }
    FeatureKind kind = features.get(feature);
    if (kind == null) {
      List<String> known = new ArrayList<>(features.keySet());
      known.addAll(List.of(FeatureNames.PREDICTION, FeatureNames.CONFIDENCE, FeatureNames.LATENCY));
      throw new IllegalArgumentException(
          "model '"
              + model.name()
              + "' has no feature '"
              + feature
              + "'; choose one of "
              + String.join(", ", known));
    }
    return kind == FeatureKind.NUMERIC ? Kind.NUMERIC : Kind.CATEGORICAL;
  }
}
