package io.vigil.tools.ingest;

import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.detectors.profile.ProfileSettings;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.FeatureNames;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.ProfileKey;
import io.vigil.tools.store.ProfileRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.LongFunction;

/**
 * The writer's profiles of recent windows, kept in memory between flushes. Every stored record
 * updates one profile per feature (and per {@code @} pseudo-feature) for each span. A profile first
 * touched since it was evicted is read back from the store, so the stored bytes plus what is
 * accumulated here always describe exactly the records committed.
 *
 * <p>Writer thread only.
 */
final class ProfileAccumulator {

  private final ProfileSettings settings;
  private final List<Integer> spans;
  private final int capacity;
  private final LongFunction<ModelTask> taskOfModel;

  /** Access-ordered, so iteration meets the least recently used first. */
  private final LinkedHashMap<ProfileKey, Entry> profiles = new LinkedHashMap<>(256, 0.75f, true);

  private static final class Entry {
    final FeatureProfile profile;
    boolean dirty;

    Entry(FeatureProfile profile) {
      this.profile = profile;
    }
  }

  ProfileAccumulator(
      ProfileSettings settings,
      List<Integer> spans,
      int capacity,
      LongFunction<ModelTask> taskOfModel) {
    this.settings = settings;
    this.spans = List.copyOf(spans);
    this.capacity = capacity;
    this.taskOfModel = taskOfModel;
  }

  /** Adds one record to its windows' profiles, reading profiles it does not hold. */
  void accept(Connection connection, ProfileInput input, Map<String, FeatureKind> schema)
      throws SQLException {
    for (int span : spans) {
      var window = ProfileKey.windowStart(input.timestamp(), span);
      for (Map.Entry<String, FeatureValue> feature : input.features().entrySet()) {
        FeatureKind kind = schema.getOrDefault(feature.getKey(), feature.getValue().kind());
        if (kind == null) {
          continue; // a null for a feature never seen with a value: nothing to profile yet
        }
        ProfileKey key =
            new ProfileKey(input.modelId(), input.versionId(), span, window, feature.getKey());
        update(profile(connection, key, kind == FeatureKind.NUMERIC), feature.getValue());
      }
      boolean numericPrediction = taskOfModel.apply(input.modelId()) == ModelTask.REGRESSION;
      acceptOutcome(connection, input, span, window, numericPrediction);
      acceptNumber(
          profile(connection, key(input, span, window, FeatureNames.CONFIDENCE), true),
          input.confidence());
      acceptNumber(
          profile(connection, key(input, span, window, FeatureNames.LATENCY), true),
          input.latencyMs());
    }
  }

  /** Dirty profiles, for a flush. */
  Map<ProfileKey, FeatureProfile> dirty() {
    Map<ProfileKey, FeatureProfile> dirty = new LinkedHashMap<>();
    profiles.forEach(
        (key, entry) -> {
          if (entry.dirty) {
            dirty.put(key, entry.profile);
          }
        });
    return dirty;
  }

  int dirtyCount() {
    int count = 0;
    for (Entry entry : profiles.values()) {
      count += entry.dirty ? 1 : 0;
    }
    return count;
  }

  /** After a successful flush: everything is clean; the least recently used beyond capacity go. */
  void flushed() {
    profiles.values().forEach(entry -> entry.dirty = false);
    Iterator<Entry> oldestFirst = profiles.values().iterator();
    while (profiles.size() > capacity && oldestFirst.hasNext()) {
      oldestFirst.next();
      oldestFirst.remove();
    }
  }

  /** Drops everything held (after a failed flush, the store is the truth again). */
  void clear() {
    profiles.clear();
  }

  boolean overCapacity() {
    return profiles.size() > capacity;
  }

  private void acceptOutcome(
      Connection connection,
      ProfileInput input,
      int span,
      java.time.Instant window,
      boolean numericPrediction)
      throws SQLException {
    FeatureProfile profile =
        profile(connection, key(input, span, window, FeatureNames.PREDICTION), numericPrediction);
    Outcome prediction = input.prediction();
    if (prediction == null) {
      missing(profile);
    } else if (profile instanceof NumericProfile numeric
        && prediction instanceof Outcome.Number n) {
      numeric.accept(n.value());
    } else if (profile instanceof CategoricalProfile categorical) {
      categorical.accept(prediction.toString());
    } else {
      missing(profile);
    }
  }

  private static ProfileKey key(
      ProfileInput input, int span, java.time.Instant window, String feature) {
    return new ProfileKey(input.modelId(), input.versionId(), span, window, feature);
  }

  private FeatureProfile profile(Connection connection, ProfileKey key, boolean numeric)
      throws SQLException {
    Entry entry = profiles.get(key);
    if (entry == null) {
      FeatureProfile stored = ProfileRepository.find(connection, key);
      entry = new Entry(stored != null ? stored : create(key, numeric));
      profiles.put(key, entry);
    }
    entry.dirty = true;
    return entry.profile;
  }

  private FeatureProfile create(ProfileKey key, boolean numeric) {
    return numeric
        ? NumericProfile.create(settings, seedOf(key))
        : CategoricalProfile.create(settings);
  }

  /** A reproducible reservoir seed per profile. */
  private static long seedOf(ProfileKey key) {
    long seed = key.modelId() * 0x9E3779B97F4A7C15L;
    seed = 31 * seed + key.versionId();
    seed = 31 * seed + key.spanSeconds();
    seed = 31 * seed + key.windowStart().getEpochSecond();
    return 31 * seed + key.feature().hashCode();
  }

  private static void update(FeatureProfile profile, FeatureValue value) {
    if (profile instanceof NumericProfile numeric) {
      if (value instanceof FeatureValue.Numeric n) {
        numeric.accept(n.value());
      } else {
        numeric.acceptMissing();
      }
    } else if (profile instanceof CategoricalProfile categorical) {
      if (value instanceof FeatureValue.Text text) {
        categorical.accept(text.value());
      } else if (value instanceof FeatureValue.Bool bool) {
        categorical.accept(Boolean.toString(bool.value()));
      } else {
        categorical.acceptMissing();
      }
    }
  }

  private static void acceptNumber(FeatureProfile profile, OptionalDouble value) {
    NumericProfile numeric = (NumericProfile) profile;
    if (value.isPresent()) {
      numeric.accept(value.getAsDouble());
    } else {
      numeric.acceptMissing();
    }
  }

  private static void missing(FeatureProfile profile) {
    if (profile instanceof NumericProfile numeric) {
      numeric.acceptMissing();
    } else {
      ((CategoricalProfile) profile).acceptMissing();
    }
  }
}
