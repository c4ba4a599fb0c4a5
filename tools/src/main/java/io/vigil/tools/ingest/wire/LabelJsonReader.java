package io.vigil.tools.ingest.wire;

import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.IngestLimits;
import io.vigil.tools.ingest.LabelRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads labels from JSON: an array of objects, or NDJSON (one object per line). Fields: {@code
 * request_id} (string or integer), {@code label} (a string or boolean becomes a class, a number
 * stays a number), {@code timestamp} (when the outcome became known: ISO-8601 with an offset, or
 * epoch milliseconds) and {@code model} (optional when the reader has a default, such as the model
 * in the URL path). Batches are accepted whole or refused with every problem, as {@link
 * InferenceJsonReader} does. Immutable and thread-safe.
 */
public final class LabelJsonReader {

  private final IngestLimits limits;
  private final JsonBatchReader<LabelRecord> reader;

  public LabelJsonReader(IngestLimits limits) {
    this(limits, null);
  }

  private LabelJsonReader(IngestLimits limits, String defaultModel) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.reader =
        new JsonBatchReader<>(
            new LabelObjectParser(limits.maxTextLength(), defaultModel),
            LabelRecord::requestId,
            limits.maxRecordsPerBatch());
  }

  /**
   * A reader that gives labels without a {@code model} field this model.
   *
   * @throws IllegalArgumentException if {@code model} is not a valid model name
   */
  public LabelJsonReader withDefaultModel(String model) {
    return new LabelJsonReader(limits, DefaultNames.require("model", model));
  }

  /**
   * Reads a whole batch of at most {@link IngestLimits#maxRecordsPerBatch()} labels.
   *
   * @throws BatchRejectedException naming every problem, indexed by position in the batch (from 0)
   * @throws IOException only if the stream itself fails
   */
  public List<LabelRecord> read(InputStream in, WireFormat format) throws IOException {
    return reader.read(in, Objects.requireNonNull(format, "format"));
  }

  /**
   * Reads NDJSON labels in chunks, as {@link InferenceJsonReader#readChunks} does; the chunks carry
   * the labels in {@link Chunk#labels()}.
   *
   * @return the number of labels read
   * @throws BatchRejectedException for the first chunk with a problem (indexed by line number)
   * @throws IllegalArgumentException if {@code chunkSize} is not in [1, maxRecordsPerBatch]
   * @throws IOException only if the stream itself fails
   */
  public long readChunks(InputStream ndjson, int chunkSize, Consumer<Chunk> consumer)
      throws IOException {
    DefaultNames.requireChunkSize(chunkSize, limits);
    Objects.requireNonNull(consumer, "consumer");
    return reader.readChunks(
        ndjson,
        chunkSize,
        (firstLine, labels) -> consumer.accept(new Chunk(firstLine, List.of(), labels)));
  }
}
