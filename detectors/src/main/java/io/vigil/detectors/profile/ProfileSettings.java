package io.vigil.detectors.profile;

import org.apache.datasketches.kll.KllSketch;

/**
 * How large the sketches and samples of a profile are. Profiles combine only with profiles built
 * under the same settings.
 *
 * @param quantileSketchK the KLL sketch's {@code k}, in {@code [8, 65535]}; default {@value
 *     #DEFAULT_QUANTILE_SKETCH_K}. The normalized rank error bound at 99% confidence (for any one
 *     rank) is about {@code 2.296 / k^0.9723}: 0.27% at the default ({@link #rankError()}).
 * @param reservoirCapacity how many values the uniform reservoir sample holds, {@code >= 1};
 *     default {@value #DEFAULT_RESERVOIR_CAPACITY}
 * @param exactCategoryLimit how many distinct categories are counted exactly before a categorical
 *     profile keeps only its frequent-items sketch, {@code >= 1}; default {@value
 *     #DEFAULT_EXACT_CATEGORY_LIMIT}
 * @param frequentItemsMapSize the frequent-items sketch's maximum map size, a power of two {@code
 *     >= 8}; default {@value #DEFAULT_FREQUENT_ITEMS_MAP_SIZE}. Its counts are off by at most
 *     {@code 3.5 / mapSize} of the stream length.
 */
public record ProfileSettings(
    int quantileSketchK, int reservoirCapacity, int exactCategoryLimit, int frequentItemsMapSize) {

  /**
   * The default KLL {@code k}: large enough that the KS distance of two sketches stays within 0.01
   * of the raw samples' (the sum of two sketches' rank errors), at about 3k retained doubles.
   */
  public static final int DEFAULT_QUANTILE_SKETCH_K = 1024;

  /** The default reservoir: enough for exact tests to detect a KS distance of 0.05. */
  public static final int DEFAULT_RESERVOIR_CAPACITY = 4096;

  /** The default exact-count limit: chi-square on more categories than this is rarely useful. */
  public static final int DEFAULT_EXACT_CATEGORY_LIMIT = 1000;

  /** The default frequent-items map size: counts within 0.35% of the stream length. */
  public static final int DEFAULT_FREQUENT_ITEMS_MAP_SIZE = 1024;

  private static final int MIN_K = 8;
  private static final int MIN_MAP_SIZE = 8;

  /**
   * @throws IllegalArgumentException if a size is out of range, naming it
   */
  public ProfileSettings {
    if (quantileSketchK < MIN_K || quantileSketchK > KllSketch.MAX_K) {
      throw new IllegalArgumentException(
          "quantile sketch k must be in ["
              + MIN_K
              + ", "
              + KllSketch.MAX_K
              + "], was "
              + quantileSketchK);
    }
    if (reservoirCapacity < 1) {
      throw new IllegalArgumentException(
          "reservoir capacity must be >= 1, was " + reservoirCapacity);
    }
    if (exactCategoryLimit < 1) {
      throw new IllegalArgumentException(
          "exact category limit must be >= 1, was " + exactCategoryLimit);
    }
    if (frequentItemsMapSize < MIN_MAP_SIZE || Integer.bitCount(frequentItemsMapSize) != 1) {
      throw new IllegalArgumentException(
          "frequent-items map size must be a power of two >= "
              + MIN_MAP_SIZE
              + ", was "
              + frequentItemsMapSize);
    }
  }

  /** The defaults named above. */
  public static ProfileSettings defaults() {
    return new ProfileSettings(
        DEFAULT_QUANTILE_SKETCH_K,
        DEFAULT_RESERVOIR_CAPACITY,
        DEFAULT_EXACT_CATEGORY_LIMIT,
        DEFAULT_FREQUENT_ITEMS_MAP_SIZE);
  }

  public ProfileSettings withQuantileSketchK(int k) {
    return new ProfileSettings(k, reservoirCapacity, exactCategoryLimit, frequentItemsMapSize);
  }

  public ProfileSettings withReservoirCapacity(int capacity) {
    return new ProfileSettings(quantileSketchK, capacity, exactCategoryLimit, frequentItemsMapSize);
  }

  public ProfileSettings withExactCategoryLimit(int limit) {
    return new ProfileSettings(quantileSketchK, reservoirCapacity, limit, frequentItemsMapSize);
  }

  public ProfileSettings withFrequentItemsMapSize(int mapSize) {
    return new ProfileSettings(quantileSketchK, reservoirCapacity, exactCategoryLimit, mapSize);
  }

  /**
   * The KLL sketch's normalized rank error for one rank at 99% confidence (DataSketches' a-priori
   * bound, {@code KllSketch.getNormalizedRankError(k, false)}).
   */
  public double rankError() {
    return KllSketch.getNormalizedRankError(quantileSketchK, false);
  }

  /** Whether profiles built under {@code other} can be combined with profiles built under this. */
  boolean combinableWith(ProfileSettings other) {
    return equals(other);
  }
}
