package io.vigil.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrafficTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant ORIGIN = Instant.parse("2026-11-02T00:00:00Z");

  private final Traffic traffic = new Traffic(42, 10, 4, ORIGIN, Duration.ofMillis(20), 0);

  @Test
  void inferences_holdTheBatchsRecords_eachNamedForItsBatch() throws Exception {
    List<JsonNode> records = lines(traffic.inferences(7));

    assertThat(records).hasSize(10);
    assertThat(records)
        .allSatisfy(
            record -> assertThat(Traffic.batchOf(record.get("request_id").asText())).isEqualTo(7));
    assertThat(records.get(0).get("timestamp").asText())
        .isEqualTo(ORIGIN.plus(Duration.ofMillis(20 * 70)).toString());
    assertThat(records.get(0).get("features").size()).isEqualTo(Traffic.FEATURES);
  }

  @Test
  void labels_nameRecordsOfTheirBatch_spreadOverIt() throws Exception {
    Set<String> ids =
        lines(traffic.inferences(3)).stream()
            .map(record -> record.get("request_id").asText())
            .collect(Collectors.toSet());

    List<JsonNode> labels = lines(traffic.labels(3));

    assertThat(labels).hasSize(4);
    assertThat(labels)
        .allSatisfy(label -> assertThat(ids).contains(label.get("request_id").asText()));
    assertThat(traffic.labelledIndexes()).containsExactly(0, 2, 5, 7);
  }

  @Test
  void sameSeedAndBatch_sameBody() {
    Traffic again = new Traffic(42, 10, 4, ORIGIN, Duration.ofMillis(20), 0);

    assertThat(again.inferences(5)).isEqualTo(traffic.inferences(5));
    assertThat(again.labels(5)).isEqualTo(traffic.labels(5));
  }

  @Test
  void batchOf_idsNotMadeByTheRun_areMinusOne() {
    assertThat(Traffic.batchOf(Traffic.requestId(123, 45))).isEqualTo(123);
    assertThat(Traffic.batchOf("r-1")).isEqualTo(-1);
    assertThat(Traffic.batchOf("bx-1")).isEqualTo(-1);
    assertThat(Traffic.batchOf("b-1")).isEqualTo(-1);
  }

  private static List<JsonNode> lines(String ndjson) throws Exception {
    return Arrays.stream(ndjson.split("\n")).map(TrafficTest::parse).toList();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(line, e);
    }
  }
}
