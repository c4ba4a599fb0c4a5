package io.vigil.detectors.profile;

import io.vigil.detectors.drift.FeatureSample;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;

/**
 * A mergeable profile of a categorical feature: how many values and missing observations, a
 * frequent-items sketch, and the exact count of every category while there are at most {@link
 * ProfileSettings#exactCategoryLimit()} of them, so that the chi-square test can use exact counts.
 *
 * <p>The sketch is the Misra–Gries algorithm with DataSketches' reverse purge: a category's
 * estimated count is off by at most {@code 3.5·n / mapSize} for {@code n} values. Once a stream (or
 * a combination of streams) has more distinct categories than the limit, the exact counts are
 * dropped for good and only the sketch remains.
 *
 * <p>Reference: J. Misra and D. Gries (1982), "Finding repeated elements", Science of Computer
 * Programming 2(2), 143–152, <a href="https://doi.org/10.1016/0167-6423(82)90012-0">
 * doi:10.1016/0167-6423(82)90012-0</a>; D. Anderson et al. (2017), "A high-performance algorithm
 * for identifying frequent items in data streams", IMC, <a
 * href="https://doi.org/10.1145/3131365.3131407">doi:10.1145/3131365.3131407</a>.
 *
 * <p>Not thread-safe: one profile per thread, combined afterwards.
 */
public final class CategoricalProfile implements FeatureProfile {

  /** The name under which categories outside the frequent items are pooled. */
  public static final String OTHER_CATEGORIES = "(other categories)";

  private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();

  private final ProfileSettings settings;
  private final ItemsSketch<String> frequentItems;

  /** Exact counts per category, or null once there were more categories than the limit. */
  private Map<String, Long> exactCounts = new HashMap<>();

  private long count;
  private long missing;

  private CategoricalProfile(ProfileSettings settings, ItemsSketch<String> frequentItems) {
    this.settings = settings;
    this.frequentItems = frequentItems;
  }

  /** An empty profile under {@link ProfileSettings#defaults()}. */
  public static CategoricalProfile create() {
    return create(ProfileSettings.defaults());
  }

  /**
   * An empty profile under {@code settings}.
   *
   * @throws NullPointerException if {@code settings} is null
   */
  public static CategoricalProfile create(ProfileSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new CategoricalProfile(settings, new ItemsSketch<>(settings.frequentItemsMapSize()));
  }

  /**
   * Adds one observed category.
   *
   * @throws IllegalArgumentException if {@code category} is null (count it with {@link
   *     #acceptMissing()} instead)
   */
  public void accept(String category) {
    if (category == null) {
      throw new IllegalArgumentException(
          "category is null; count it as missing with acceptMissing() instead");
    }
    count++;
    frequentItems.update(category);
    if (exactCounts != null) {
      exactCounts.merge(category, 1L, Long::sum);
      dropExactCountsPastLimit();
    }
  }

  /** Counts one observation without a value. */
  public void acceptMissing() {
    missing++;
  }

  /**
   * Adds {@code other}'s observations to this profile; {@code other} is unchanged.
   *
   * @return this profile
   * @throws IllegalArgumentException if {@code other} was built under different settings
   */
  public CategoricalProfile combine(CategoricalProfile other) {
    if (!settings.combinableWith(other.settings)) {
      throw new IllegalArgumentException(
          "cannot combine profiles built under " + settings + " and " + other.settings);
    }
    count += other.count;
    missing += other.missing;
    frequentItems.merge(other.frequentItems);
    if (exactCounts != null && other.exactCounts != null) {
      other.exactCounts.forEach((category, n) -> exactCounts.merge(category, n, Long::sum));
      dropExactCountsPastLimit();
    } else {
      exactCounts = null;
    }
    return this;
  }

  /** An independent copy of this profile. */
  public CategoricalProfile copy() {
    return fromBytes(toBytes());
  }

  /**
   * A summary of the profile so far.
   *
   * @param count values seen
   * @param missing observations without a value
   * @param exactCounts every category's count, sorted by category, while there were at most the
   *     limit of categories
   * @param maximumError how far the sketch's estimates may be from the true counts
   */
  public record State(
      long count, long missing, Optional<Map<String, Long>> exactCounts, long maximumError) {

    /**
     * @throws IllegalArgumentException if a count or the error is negative
     */
    public State {
      if (count < 0 || missing < 0 || maximumError < 0) {
        throw new IllegalArgumentException(
            "counts must be >= 0, were count="
                + count
                + ", missing="
                + missing
                + ", error="
                + maximumError);
      }
      exactCounts = exactCounts.map(counts -> Collections.unmodifiableMap(new TreeMap<>(counts)));
    }
  }

  public State state() {
    return new State(
        count, missing, Optional.ofNullable(exactCounts), frequentItems.getMaximumError());
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public long missing() {
    return missing;
  }

  @Override
  public ProfileSettings settings() {
    return settings;
  }

  /**
   * The categories whose count may exceed the sketch's maximum error, with their estimated counts,
   * most frequent first (no false negatives: every category above the error is listed).
   */
  public Map<String, Long> frequentItems() {
    Map<String, Long> items = new LinkedHashMap<>();
    for (ItemsSketch.Row<String> row :
        frequentItems.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
      items.put(row.getItem(), row.getEstimate());
    }
    return items;
  }

  /**
   * The category counts for the chi-square test: exact while available, else the sketch's frequent
   * items with their estimates, the rest pooled under {@value #OTHER_CATEGORIES}.
   */
  @Override
  public FeatureSample.Categorical toFeatureSample() {
    if (exactCounts != null) {
      return new FeatureSample.Categorical(new TreeMap<>(exactCounts), missing);
    }
    Map<String, Long> counts = frequentItems();
    long listed = counts.values().stream().mapToLong(Long::longValue).sum();
    if (listed < count) {
      counts.merge(OTHER_CATEGORIES, count - listed, Long::sum);
    }
    return new FeatureSample.Categorical(counts, missing);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Layout (version {@value ProfileBytes#FORMAT_VERSION}): kind {@code 'C'}, version, settings,
   * counts, the number of exact counts (-1 when dropped) and each category with its count, then the
   * frequent-items sketch's own serialization.
   */
  @Override
  public byte[] toBytes() {
    ProfileBytes.Writer out = ProfileBytes.writer(ProfileBytes.CATEGORICAL_KIND);
    SettingsBytes.write(out, settings);
    out.putLong(count).putLong(missing);
    if (exactCounts == null) {
      out.putInt(-1);
    } else {
      out.putInt(exactCounts.size());
      new TreeMap<>(exactCounts).forEach((category, n) -> out.putString(category).putLong(n));
    }
    out.putBlock(frequentItems.toByteArray(SERDE));
    return out.toByteArray();
  }

  /**
   * Reads a profile written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException if the bytes are not a categorical profile, name an unknown
   *     format version, are truncated or are inconsistent; the message says which
   */
  public static CategoricalProfile fromBytes(byte[] bytes) {
    ProfileBytes.Reader in =
        ProfileBytes.reader(bytes, ProfileBytes.CATEGORICAL_KIND, "categorical profile");
    ProfileSettings settings = SettingsBytes.read(in);
    long count = in.getLong();
    long missing = in.getLong();
    int categories = in.getInt();
    Map<String, Long> exact = null;
    if (categories >= 0) {
      if (categories > settings.exactCategoryLimit()) {
        throw in.invalid(categories + " exact counts exceed the limit");
      }
      exact = new HashMap<>();
      for (int i = 0; i < categories; i++) {
        exact.put(in.getString(), in.getLong());
      }
    }
    ItemsSketch<String> sketch = readSketch(in);
    in.requireEnd();
    if (count < 0 || missing < 0 || sketch.getStreamLength() != count) {
      throw in.invalid("counts disagree: count " + count + ", sketch " + sketch.getStreamLength());
    }
    CategoricalProfile profile = new CategoricalProfile(settings, sketch);
    profile.exactCounts = exact;
    profile.count = count;
    profile.missing = missing;
    return profile;
  }

  private static ItemsSketch<String> readSketch(ProfileBytes.Reader in) {
    byte[] block = in.getBlock();
    try {
      return ItemsSketch.getInstance(Memory.wrap(block), SERDE);
    } catch (RuntimeException e) {
      throw in.invalid("frequent-items sketch: " + e.getMessage());
    }
  }

  private void dropExactCountsPastLimit() {
    if (exactCounts.size() > settings.exactCategoryLimit()) {
      exactCounts = null;
    }
  }
}
