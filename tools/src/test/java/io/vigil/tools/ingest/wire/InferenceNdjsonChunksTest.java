package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.IngestLimits;
import io.vigil.tools.ingest.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InferenceNdjsonChunksTest {

  private static final int LINES = 10_000;
  private static final int CHUNK = 500;

  private final InferenceJsonReader reader = new InferenceJsonReader(IngestLimits.defaults());

  /** A generated NDJSON file: one record per line, with seeded features. */
  private static String generate(int lines, int badLine) {
    Random random = new Random(42);
    StringBuilder text = new StringBuilder();
    for (int line = 1; line <= lines; line++) {
      double confidence = line == badLine ? 1.5 : random.nextDouble();
      text.append(
          String.format(
              "{\"request_id\":\"req-%d\",\"model\":\"fraud\",\"version\":\"v4\","
                  + "\"timestamp\":%d,\"features\":{\"amount\":%.3f,\"country\":\"c%d\"},"
                  + "\"prediction\":\"%s\",\"confidence\":%s}\n",
              line,
              1_762_077_600_000L + line * 1_000L,
              random.nextGaussian() * 100,
              random.nextInt(20),
              random.nextBoolean() ? "fraud" : "ok",
              confidence));
    }
    return text.toString();
  }

  private static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readChunks_badLine7777_deliversTheChunksBeforeItAndReportsLine7777() {
    List<Chunk> delivered = new ArrayList<>();

    BatchRejectedException refused =
        catchThrowableOfType(
            BatchRejectedException.class,
            () -> reader.readChunks(utf8(generate(LINES, 7_777)), CHUNK, delivered::add));

    assertThat(delivered).hasSize(15);
    assertThat(delivered).extracting(Chunk::firstLine).startsWith(1L, 501L).endsWith(7_001L);
    assertThat(delivered.get(14).records()).hasSize(CHUNK);
    assertThat(delivered.get(14).records().get(CHUNK - 1).requestId()).isEqualTo("req-7500");
    assertThat(refused.violations())
        .containsExactly(
            new Violation(7_777, "req-7777", "confidence", "must be in [0, 1], was 1.5"));
  }

  @Test
  void readChunks_goodFile_deliversEveryRecordInOrderInFullChunks() throws IOException {
    List<Chunk> delivered = new ArrayList<>();

    long read = reader.readChunks(utf8(generate(LINES, -1)), CHUNK, delivered::add);

    assertThat(read).isEqualTo(LINES);
    assertThat(delivered)
        .hasSize(LINES / CHUNK)
        .allSatisfy(c -> assertThat(c.size()).isEqualTo(CHUNK));
    List<String> ids = new ArrayList<>();
    delivered.forEach(c -> c.records().forEach(r -> ids.add(r.requestId())));
    assertThat(ids).hasSize(LINES).startsWith("req-1", "req-2").endsWith("req-10000");
    assertThat(delivered).allSatisfy(c -> assertThat(c.labels()).isEmpty());
  }

  @Test
  void readChunks_blankLinesAndAShortLastChunk_countLinesOfTheFile() throws IOException {
    String text = "\n" + generate(5, -1).replace("\n", "\n\n");
    List<Chunk> delivered = new ArrayList<>();

    long read = reader.readChunks(utf8(text), 2, delivered::add);

    assertThat(read).isEqualTo(5);
    assertThat(delivered).extracting(Chunk::firstLine).containsExactly(2L, 6L, 10L);
    assertThat(delivered).extracting(Chunk::size).containsExactly(2, 2, 1);
  }

  @Test
  void readChunks_severalProblemsInOneChunk_reportsEachByLine() {
    String text =
        generate(6, -1)
            .replace("\"req-2\"", "\"req-1\"")
            .replace(
                "\"version\":\"v4\",\"timestamp\":1762077604000", "\"timestamp\":1762077604000");
    List<Chunk> delivered = new ArrayList<>();

    BatchRejectedException refused =
        catchThrowableOfType(
            BatchRejectedException.class, () -> reader.readChunks(utf8(text), 4, delivered::add));

    assertThat(delivered).isEmpty();
    assertThat(refused.violations())
        .extracting(Violation::index, Violation::field)
        .containsExactly(tuple(2, "request_id"), tuple(4, "version"));
  }

  @Test
  void readChunks_emptyInput_isRefused() {
    assertThatThrownBy(() -> reader.readChunks(utf8("\n\n"), CHUNK, chunk -> {}))
        .isInstanceOf(BatchRejectedException.class)
        .hasMessageContaining("the input holds no records");
  }

  @Test
  void readChunks_chunkLargerThanTheBatchLimit_isAnArgumentError() {
    assertThatThrownBy(() -> reader.readChunks(utf8(generate(1, -1)), 10_001, chunk -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chunkSize must be in [1, 10000]");
  }

  @Test
  void readChunks_recordsEqualThoseOfAWholeBatchRead() throws IOException {
    String text = generate(50, -1);
    List<InferenceRecord> chunked = new ArrayList<>();

    reader.readChunks(utf8(text), 7, chunk -> chunked.addAll(chunk.records()));

    assertThat(chunked).isEqualTo(reader.read(utf8(text), WireFormat.NDJSON));
  }
}
