package io.vigil.tools.ingest.wire;

import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.LabelRecord;
import java.util.List;

/**
 * A run of consecutive records read from a large file, small enough to write as one batch.
 *
 * @param firstLine the 1-based line of the file where the chunk's first record starts
 * @param records the inference records, in file order (empty when reading labels)
 * @param labels the labels, in file order: read from a label file, or from the {@code label} column
 *     of an inference CSV file (write them after {@code records})
 */
public record Chunk(long firstLine, List<InferenceRecord> records, List<LabelRecord> labels) {

  public Chunk {
    if (firstLine < 1) {
      throw new IllegalArgumentException("firstLine must be >= 1, was " + firstLine);
    }
    records = List.copyOf(records);
    labels = List.copyOf(labels);
  }

  /** A chunk of inference records without labels. */
  public Chunk(long firstLine, List<InferenceRecord> records) {
    this(firstLine, records, List.of());
  }

  /** How many records and labels the chunk holds. */
  public int size() {
    return records.size() + labels.size();
  }
}
