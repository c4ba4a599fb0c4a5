package io.vigil.tools.ingest;

import static io.vigil.tools.registry.FeatureKind.NUMERIC;

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
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.LongFunction;

/**
 * The profiles of recent windows, kept in memory between flushes. Every stored record updates one
 * profile per feature (and per {@code @} pseudo-feature) for each span. A profile first touched
 * since it was evicted is read back from the store, so the stored bytes plus what is accumulated
 * here always describe exactly the records committed.
 *
 * <p>Profiles are grouped by window (model, version, span, window start), and a record finds its
 * windows once per span, then its columns by name: a record touches 3 windows rather than 69 keys,
 * and consecutive records of a window skip even that lookup.
 *
 * <p>One thread only (the profile stage's).
 */
final class ProfileAccumulator {

  private final ProfileSettings settings;
  private final List<Integer> spans;
  private final int capacity;
  private final LongFunction<ModelTask> taskOfModel;

  /** Access-ordered, so iteration meets the least recently used window first. */
  private final LinkedHashMap<WindowKey, WindowProfiles> windows =
      new LinkedHashMap<>(64, 0.75f, true);

  /** The window each span's last record went to. */
  private final WindowProfiles[] recent;

  /** The current record's window per span (scratch). */
  private final WindowProfiles[] current;

  /** The windows {@link #columns} belongs to, or null after a flush or a clear. */
  private WindowProfiles[] columnWindows;

  /** Feature to its entry in each of {@link #columnWindows}. */
  private Map<String, Entry[]> columns = new HashMap<>();

  private int size;

  private record WindowKey(long modelId, long versionId, int spanSeconds, long windowStart) {}

  /** One window's profiles by column name, and whether each changed since the last flush. */
  private static final class WindowProfiles {
    final WindowKey key;
    final Map<String, Entry> columns = new HashMap<>();

    WindowProfiles(WindowKey key) {
      this.key = key;
    }
  }

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
    this.recent = new WindowProfiles[spans.size()];
    this.current = new WindowProfiles[spans.size()];
  }

  /** Adds one record to its windows' profiles, reading profiles it does not hold. */
  void accept(Connection connection, ProfileInput input, Map<String, FeatureKind> schema)
      throws SQLException {
    Map<String, Entry[]> columns = columnsOf(input);
    for (Map.Entry<String, FeatureValue> feature : input.features().entrySet()) {
      Entry[] entries = columns.get(feature.getKey());
      if (entries == null) {
        // First in these windows: the kind decides the profile (and a kind never changes).
        FeatureKind kind = schema.get(feature.getKey());
        if (kind == null) {
          kind = feature.getValue().kind();
          if (kind == null) {
            continue; // a null for a feature never seen with a value: nothing to profile yet
          }
        }
        entries = entries(connection, columns, feature.getKey(), kind == NUMERIC);
      }
      for (Entry entry : entries) {
        entry.dirty = true;
        update(entry.profile, feature.getValue());
      }
    }
    boolean numericPrediction = taskOfModel.apply(input.modelId()) == ModelTask.REGRESSION;
    for (Entry entry : entries(connection, columns, FeatureNames.PREDICTION, numericPrediction)) {
      entry.dirty = true;
      acceptOutcome(entry.profile, input.prediction());
    }
    for (Entry entry : entries(connection, columns, FeatureNames.CONFIDENCE, true)) {
      entry.dirty = true;
      acceptNumber(entry.profile, input.confidence());
    }
    for (Entry entry : entries(connection, columns, FeatureNames.LATENCY, true)) {
      entry.dirty = true;
      acceptNumber(entry.profile, input.latencyMs());
    }
  }

  /**
   * The columns of the record's windows, one entry per span, shared by the records whose windows
   * are the same (in steady traffic, thousands in a row): a feature is looked up once per record,
   * not once per span.
   */
  private Map<String, Entry[]> columnsOf(ProfileInput input) {
    boolean same = columnWindows != null;
    for (int s = 0; s < spans.size(); s++) {
      WindowProfiles window = window(s, input);
      same &= columnWindows != null && columnWindows[s] == window;
      current[s] = window;
    }
    if (!same) {
      columnWindows = current.clone();
      columns = new HashMap<>();
    }
    return columns;
  }

  private Entry[] entries(
      Connection connection, Map<String, Entry[]> columns, String feature, boolean numeric)
      throws SQLException {
    Entry[] entries = columns.get(feature);
    if (entries == null) {
      entries = new Entry[columnWindows.length];
      for (int s = 0; s < entries.length; s++) {
        entries[s] = entry(connection, columnWindows[s], feature, numeric);
      }
      columns.put(feature, entries);
    }
    return entries;
  }

  /** Dirty profiles, for a flush. */
  Map<ProfileKey, FeatureProfile> dirty() {
    Map<ProfileKey, FeatureProfile> dirty = new LinkedHashMap<>();
    for (WindowProfiles window : windows.values()) {
      WindowKey key = window.key;
      Instant start = Instant.ofEpochSecond(key.windowStart());
      window.columns.forEach(
          (feature, entry) -> {
            if (entry.dirty) {
              dirty.put(
                  new ProfileKey(key.modelId(), key.versionId(), key.spanSeconds(), start, feature),
                  entry.profile);
            }
          });
    }
    return dirty;
  }

  int dirtyCount() {
    int count = 0;
    for (WindowProfiles window : windows.values()) {
      for (Entry entry : window.columns.values()) {
        count += entry.dirty ? 1 : 0;
      }
    }
    return count;
  }

  /** After a successful flush: everything is clean; the least recently used beyond capacity go. */
  void flushed() {
    windows.values().forEach(w -> w.columns.values().forEach(entry -> entry.dirty = false));
    for (WindowProfiles window : recent) {
      if (window != null) {
        windows.get(window.key); // found without the map since; keep them the most recent
      }
    }
    Iterator<WindowProfiles> oldestFirst = windows.values().iterator();
    while (size > capacity && oldestFirst.hasNext()) {
      WindowProfiles window = oldestFirst.next();
      size -= window.columns.size();
      oldestFirst.remove();
    }
    forgetWindows();
  }

  /** Drops everything held (after a failed flush, the store is the truth again). */
  void clear() {
    windows.clear();
    forgetWindows();
    size = 0;
  }

  /** Windows may be evicted now: nothing found before may be used without a lookup. */
  private void forgetWindows() {
    Arrays.fill(recent, null);
    columnWindows = null;
    columns = new HashMap<>();
  }

  boolean overCapacity() {
    return size > capacity;
  }

  private WindowProfiles window(int spanIndex, ProfileInput input) {
    int span = spans.get(spanIndex);
    long start = Math.floorDiv(input.timestamp().getEpochSecond(), span) * span;
    WindowProfiles last = recent[spanIndex];
    if (last != null
        && last.key.windowStart() == start
        && last.key.versionId() == input.versionId()
        && last.key.modelId() == input.modelId()) {
      return last;
    }
    WindowKey key = new WindowKey(input.modelId(), input.versionId(), span, start);
    WindowProfiles window = windows.computeIfAbsent(key, WindowProfiles::new);
    recent[spanIndex] = window;
    return window;
  }

  private Entry entry(Connection connection, WindowProfiles window, String feature, boolean numeric)
      throws SQLException {
    Entry entry = window.columns.get(feature);
    if (entry == null) {
      WindowKey w = window.key;
      ProfileKey key =
          new ProfileKey(
              w.modelId(),
              w.versionId(),
              w.spanSeconds(),
              Instant.ofEpochSecond(w.windowStart()),
              feature);
      FeatureProfile stored = ProfileRepository.find(connection, key);
      entry = new Entry(stored != null ? stored : create(key, numeric));
      window.columns.put(feature, entry);
      size++;
    }
    return entry;
  }

  private static void acceptOutcome(FeatureProfile profile, Outcome prediction) {
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
