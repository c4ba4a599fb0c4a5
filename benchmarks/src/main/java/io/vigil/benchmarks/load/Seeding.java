package io.vigil.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Gives the queries something to work on before the load starts: the model {@code load} with its
 * version {@code v1} deployed, an hour of traffic with labels, and that hour stored as the
 * version's baseline, so that drift compares every later window against it.
 */
final class Seeding {

  /** The baseline hour; load traffic starts a day later. */
  static final Instant BASELINE_START = Instant.parse("2026-11-01T00:00:00Z");

  static final Duration BASELINE_LENGTH = Duration.ofHours(1);

  /** Batches of traffic in the baseline hour. */
  private static final int BATCHES = 20;

  /** The writer flushes profiles every 5 seconds; a minute is plenty on a busy machine. */
  private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration POLL = Duration.ofMillis(250);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Seeding() {}

  /** The baseline hour's traffic: the same features, unshifted, spread evenly over the hour. */
  static Traffic baselineTraffic(LoadOptions options) {
    Duration spacing = BASELINE_LENGTH.dividedBy((long) BATCHES * options.batchSize());
    return new Traffic(
        options.seed(), options.batchSize(), options.labelsPerBatch(), BASELINE_START, spacing, 0);
  }

  static void seed(LoadClient client, Workload baseline, PhaseLog log)
      throws IOException, InterruptedException {
    created(
        client.postJson(
            "/api/v1/models",
            "{\"name\":\""
                + Traffic.MODEL
                + "\",\"task\":\"classification\",\"accuracy_target\":0.75}"));
    created(
        client.postJson(
            "/api/v1/models/" + Traffic.MODEL + "/versions",
            "{\"version\":\"" + Traffic.VERSION + "\"}"));
    created(
        client.postJson(
            "/api/v1/models/" + Traffic.MODEL + "/deployments",
            "{\"traffic\":{\"" + Traffic.VERSION + "\":1},\"actor\":\"load-harness\"}"));
    for (int i = 0; i < BATCHES; i++) {
      acknowledged(client.send(baseline.inferences(), log));
      OptionalLong labelled = baseline.ledger().nextToLabel();
      if (labelled.isPresent() && baseline.traffic().labelsPerBatch() > 0) {
        acknowledged(client.send(baseline.labels(labelled.getAsLong()), log));
      }
    }
    awaitProfiles(client);
    created(
        client.postJson(
            "/api/v1/models/" + Traffic.MODEL + "/versions/" + Traffic.VERSION + "/baselines",
            "{\"from\":\""
                + BASELINE_START
                + "\",\"to\":\""
                + BASELINE_START.plus(BASELINE_LENGTH)
                + "\"}"));
  }

  /** Waits until the writer has committed everything and written its profiles. */
  private static void awaitProfiles(LoadClient client) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + FLUSH_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode writer =
          JSON.readTree(client.get("/actuator/health").body()).at("/components/writer/details");
      if (writer.path("queued_records").asLong(-1) == 0
          && writer.path("dirty_profiles").asLong(-1) == 0) {
        return;
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException(
        "the writer did not flush the baseline's profiles in " + FLUSH_TIMEOUT);
  }

  private static void created(HttpResponse<String> response) {
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "seeding " + response.uri() + ": " + response.statusCode() + " " + response.body());
    }
  }

  private static void acknowledged(Answer answer) {
    if (!answer.ok()) {
      throw new IllegalStateException(
          "seeding: "
              + answer.kind().label()
              + " answered "
              + answer.status()
              + " "
              + answer.detail());
    }
  }
}
