package io.vigil.tools.ingest;

/**
 * How large a batch and its records may be. A batch past a limit is refused with a violation naming
 * the limit; the HTTP layer separately caps the body size.
 *
 * @param maxRecordsPerBatch records in one batch
 * @param maxFeaturesPerRecord features in one record
 * @param maxFeaturesPerModel distinct features a model may accumulate
 * @param maxTextLength characters in a categorical value, class, segment value or error type
 * @param maxEmbeddingDimension entries in an embedding
 * @param maxSegmentEntries key/values in a record's segment
 * @param maxProbabilities classes in a record's probabilities
 */
public record IngestLimits(
    int maxRecordsPerBatch,
    int maxFeaturesPerRecord,
    int maxFeaturesPerModel,
    int maxTextLength,
    int maxEmbeddingDimension,
    int maxSegmentEntries,
    int maxProbabilities) {

  public IngestLimits {
    requirePositive("maxRecordsPerBatch", maxRecordsPerBatch);
    requirePositive("maxFeaturesPerRecord", maxFeaturesPerRecord);
    requirePositive("maxFeaturesPerModel", maxFeaturesPerModel);
    requirePositive("maxTextLength", maxTextLength);
    requirePositive("maxEmbeddingDimension", maxEmbeddingDimension);
    requirePositive("maxSegmentEntries", maxSegmentEntries);
    requirePositive("maxProbabilities", maxProbabilities);
  }

  /**
   * 10,000 records per batch, 500 features per record and 2,000 per model, 200-character values
   * (the store's column width), 4,096-dimensional embeddings, 20 segment keys, 1,000 classes.
   */
  public static IngestLimits defaults() {
    return new IngestLimits(10_000, 500, 2_000, 200, 4_096, 20, 1_000);
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }
}
