package io.vigil.tools.ingest.wire;

import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.IngestLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads inference records from JSON: an array of objects, or NDJSON (one object per line).
 *
 * <p>Fields (snake_case): {@code request_id} (string, or an integer taken as its decimal text; at
 * most 200 characters, no control characters), {@code model}, {@code version}, {@code timestamp}
 * (ISO-8601 with an offset, like {@code 2026-11-02T10:00:00Z}, or epoch milliseconds as an
 * integer), {@code features} (name to number, string, boolean or null), {@code embedding} (array of
 * numbers), {@code prediction} (a string or boolean becomes a class, a number stays a number),
 * {@code confidence} (in [0, 1]), {@code probabilities} (class to a number in [0, 1]), {@code
 * latency_ms} (&gt;= 0), {@code segment} (key to string, number or boolean, kept as text; a null
 * value leaves the key out) and {@code error} (the error type of a failed request). A null field is
 * an absent one. Required: request id, model, version, timestamp, and a prediction unless the
 * record names an error. Unknown fields and keys given twice are refused.
 *
 * <p>A batch is accepted whole or not at all: every problem of every record is collected and
 * reported in one {@link BatchRejectedException}, whose violations name the record's position, its
 * request id when readable, and the field ({@code features.age}, {@code embedding[3]}). Immutable
 * and thread-safe.
 */
public final class InferenceJsonReader {

  private final IngestLimits limits;
  private final String defaultModel;
  private final JsonBatchReader<InferenceRecord> reader;

  public InferenceJsonReader(IngestLimits limits) {
    this(limits, null);
  }

  private InferenceJsonReader(IngestLimits limits, String defaultModel) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.defaultModel = defaultModel;
    this.reader =
        new JsonBatchReader<>(
            new InferenceObjectParser(limits, defaultModel),
            InferenceRecord::requestId,
            limits.maxRecordsPerBatch());
  }

  /**
   * A reader that gives records without a {@code model} field this model (the CLI's {@code
   * --model}); a record naming its own model keeps it.
   *
   * @throws IllegalArgumentException if {@code model} is not a valid model name
   */
  public InferenceJsonReader withDefaultModel(String model) {
    return new InferenceJsonReader(limits, DefaultNames.require("model", model));
  }

  /**
   * Reads a whole batch of at most {@link IngestLimits#maxRecordsPerBatch()} records.
   *
   * @return the records in payload order
   * @throws BatchRejectedException naming every problem, indexed by position in the batch (from 0)
   * @throws IOException only if the stream itself fails
   */
  public List<InferenceRecord> read(InputStream in, WireFormat format) throws IOException {
    return reader.read(in, Objects.requireNonNull(format, "format"));
  }

  /**
   * Reads NDJSON of any length in chunks of {@code chunkSize} records, handing each chunk over
   * before reading the next. A chunk with a problem is not handed over: the exception's violations
   * name every problem of that chunk, indexed by line number (from 1). Duplicate request ids are
   * found within a chunk; across chunks the store's idempotence makes a repeat harmless.
   *
   * @return the number of records read
   * @throws BatchRejectedException for the first chunk with a problem, or an input with no record
   * @throws IllegalArgumentException if {@code chunkSize} is not in [1, maxRecordsPerBatch]
   * @throws IOException only if the stream itself fails
   */
  public long readChunks(InputStream ndjson, int chunkSize, Consumer<Chunk> consumer)
      throws IOException {
    DefaultNames.requireChunkSize(chunkSize, limits);
    Objects.requireNonNull(consumer, "consumer");
    return reader.readChunks(
        ndjson, chunkSize, (firstLine, records) -> consumer.accept(new Chunk(firstLine, records)));
  }
}
