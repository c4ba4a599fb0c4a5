package io.vigil.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The records and labels a load run sends, as NDJSON request bodies: batch {@code b} holds the
 * records {@code b<b>-0} to {@code b<b>-<size-1>}, 20 features each (16 numeric, 4 categorical),
 * timestamped one {@code spacing} apart from {@code origin}. Every value is a function of the seed,
 * the batch and the record's index, so a batch's labels are made without remembering the batch, and
 * the audit can tell from a request id alone which batch stored it.
 */
final class Traffic {

  static final String MODEL = "load";
  static final String VERSION = "v1";
  static final int FEATURES = 20;

  private static final int NUMERIC_FEATURES = 16;
  private static final int CATEGORIES = 8;

  /** Distinct feature vectors, rendered once: the generator stays cheap beside the server. */
  private static final int POOL = 4096;

  /** One label in five disagrees with its prediction: an accuracy near 0.8. */
  private static final int WRONG_ONE_IN = 5;

  /** Labels become known an hour after the prediction. */
  private static final Duration LABEL_DELAY = Duration.ofHours(1);

  /** Room per record in a body, so the builder does not grow while it is filled. */
  private static final int RECORD_CHARS = 720;

  private final long seed;
  private final int batchSize;
  private final int labelsPerBatch;
  private final Instant origin;
  private final Duration spacing;
  private final String[] features = new String[POOL];

  /**
   * @param shift added to the first four numeric features, so that traffic can drift from the
   *     baseline
   */
  Traffic(
      long seed,
      int batchSize,
      int labelsPerBatch,
      Instant origin,
      Duration spacing,
      double shift) {
    this.seed = seed;
    this.batchSize = batchSize;
    this.labelsPerBatch = labelsPerBatch;
    this.origin = origin;
    this.spacing = spacing;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < POOL; i++) {
      features[i] = featureJson(random, shift);
    }
  }

  int batchSize() {
    return batchSize;
  }

  int labelsPerBatch() {
    return labelsPerBatch;
  }

  /** The timestamp of the batch's last record: where a query window ending "now" would end. */
  Instant lastTimestamp(long batch) {
    return timestamp(batch, batchSize - 1);
  }

  /** The records of batch {@code batch}, one JSON object per line. */
  String inferences(long batch) {
    StringBuilder body = new StringBuilder(batchSize * RECORD_CHARS);
    for (int i = 0; i < batchSize; i++) {
      long h = hash(batch, i);
      body.append("{\"request_id\":\"")
          .append(requestId(batch, i))
          .append("\",\"model\":\"" + MODEL + "\",\"version\":\"" + VERSION + "\",\"timestamp\":\"")
          .append(timestamp(batch, i))
          .append("\",\"features\":")
          .append(features[(int) ((h >>> 40) % POOL)])
          .append(",\"prediction\":\"")
          .append(prediction(h))
          .append("\",\"confidence\":")
          .append(0.5 + 0.5 * ((h >>> 11) & 0xFFFF) / 65_536.0)
          .append(",\"latency_ms\":")
          .append(5 + ((h >>> 27) & 0xFF) / 10.0)
          .append(",\"segment\":{\"region\":\"")
          .append(((h >>> 35) & 1) == 0 ? "eu" : "us")
          .append("\"}}\n");
    }
    return body.toString();
  }

  /** Labels for {@code labelsPerBatch} records of batch {@code batch}, spread evenly over it. */
  String labels(long batch) {
    StringBuilder body = new StringBuilder(labelsPerBatch * RECORD_CHARS / 4);
    for (int i : labelledIndexes()) {
      long h = hash(batch, i);
      String prediction = prediction(h);
      String label =
          (h >>> 56) % WRONG_ONE_IN == 0 ? ("yes".equals(prediction) ? "no" : "yes") : prediction;
      body.append("{\"request_id\":\"")
          .append(requestId(batch, i))
          .append("\",\"model\":\"" + MODEL + "\",\"label\":\"")
          .append(label)
          .append("\",\"timestamp\":\"")
          .append(timestamp(batch, i).plus(LABEL_DELAY))
          .append("\"}\n");
    }
    return body.toString();
  }

  /** The indexes within a batch that {@link #labels(long)} labels. */
  int[] labelledIndexes() {
    int[] indexes = new int[labelsPerBatch];
    for (int k = 0; k < labelsPerBatch; k++) {
      indexes[k] = (int) ((long) k * batchSize / labelsPerBatch);
    }
    return indexes;
  }

  static String requestId(long batch, int index) {
    return "b" + batch + "-" + index;
  }

  /**
   * The batch a request id of this run belongs to.
   *
   * @return the batch, or -1 when the id is not one this run makes
   */
  static long batchOf(String requestId) {
    int dash = requestId.indexOf('-');
    if (!requestId.startsWith("b") || dash < 2) {
      return -1;
    }
    try {
      return Long.parseLong(requestId, 1, dash, 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private Instant timestamp(long batch, int index) {
    return origin.plus(spacing.multipliedBy(batch * batchSize + index));
  }

  private static String prediction(long h) {
    return (h & 1) == 0 ? "yes" : "no";
  }

  /** A well-mixed 64-bit value of (seed, batch, index): MurmurHash3's finalizer. */
  private long hash(long batch, int index) {
    long h = seed ^ (batch * 0x9E3779B97F4A7C15L) ^ (index * 0xC2B2AE3D27D4EB4FL);
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }

  private static String featureJson(SplittableRandom random, double shift) {
    StringBuilder json = new StringBuilder("{");
    for (int f = 0; f < FEATURES; f++) {
      json.append(f == 0 ? "" : ",").append("\"f").append(f).append("\":");
      if (f < NUMERIC_FEATURES) {
        json.append(random.nextGaussian() + (f < 4 ? shift : 0));
      } else {
        json.append("\"c").append(random.nextInt(CATEGORIES)).append('"');
      }
    }
    return json.append('}').toString();
  }
}
