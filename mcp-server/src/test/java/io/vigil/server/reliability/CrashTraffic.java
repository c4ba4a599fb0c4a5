package io.vigil.server.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * One client's traffic, from a seed: batches of inference records (a JSON array or NDJSON, two
 * versions, records a few seconds apart so they fill many profile windows), and label batches for
 * the client's acknowledged records, now and then with a label that arrives before its inference.
 * Each request id is sent in one batch only, so a batch resent after a kill is the same batch.
 */
final class CrashTraffic {

  static final String MODEL = "crash";
  static final List<String> VERSIONS = List.of("v1", "v2");
  static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

  private static final int RECORDS_PER_BATCH = 25;
  private static final int LABELS_PER_BATCH = 20;
  private static final Duration BETWEEN_RECORDS = Duration.ofSeconds(3);
  private static final List<String> CLASSES = List.of("fraud", "legit");
  private static final List<String> COUNTRIES = List.of("de", "fr", "us", "br");

  private final int client;
  private final SplittableRandom random;
  private final Deque<String> unlabelled = new ArrayDeque<>();
  private int next;

  CrashTraffic(int client, long seed) {
    this.client = client;
    this.random = new SplittableRandom(seed * 31 + client);
  }

  /** The next batch: labels for what was acknowledged one time in three, else records. */
  Sent next() {
    if (unlabelled.size() >= LABELS_PER_BATCH && random.nextInt(3) == 0) {
      return labels();
    }
    return inferences();
  }

  /** After a batch of records was acknowledged: its records can be labelled. */
  void acknowledged(Sent sent) {
    unlabelled.addAll(sent.inferenceIds());
  }

  /** What a client posts (where, how), and what the server's 200 for it acknowledges. */
  record Sent(
      String path, String contentType, String body, List<String> inferenceIds, Labels labels) {}

  /** Labels by request id, in the order sent. */
  record Labels(Map<String, String> byRequestId) {
    static final Labels NONE = new Labels(Map.of());
  }

  private Sent inferences() {
    List<String> ids = new ArrayList<>();
    List<String> records = new ArrayList<>();
    for (int i = 0; i < RECORDS_PER_BATCH; i++) {
      String id = requestId(next);
      ids.add(id);
      records.add(record(id, START.plus(BETWEEN_RECORDS.multipliedBy(next))));
      next++;
    }
    boolean ndjson = random.nextBoolean();
    return new Sent(
        "/api/v1/inferences",
        ndjson ? "application/x-ndjson" : "application/json",
        body(records, ndjson),
        ids,
        Labels.NONE);
  }

  private Sent labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < LABELS_PER_BATCH; i++) {
      labels.put(unlabelled.poll(), CLASSES.get(random.nextInt(CLASSES.size())));
    }
    if (random.nextInt(4) == 0) {
      // A label ahead of its inference: it waits in the store and joins when the record comes.
      labels.put(requestId(next + random.nextInt(1, 2 * RECORDS_PER_BATCH)), "fraud");
    }
    boolean perModel = random.nextBoolean();
    List<String> objects = new ArrayList<>();
    labels.forEach(
        (id, label) ->
            objects.add(
                "{\"request_id\":\"%s\",%s\"label\":\"%s\",\"timestamp\":\"%s\"}"
                    .formatted(id, perModel ? "" : "\"model\":\"" + MODEL + "\",", label, START)));
    boolean ndjson = random.nextBoolean();
    return new Sent(
        perModel ? "/api/v1/models/" + MODEL + "/labels" : "/api/v1/labels",
        ndjson ? "application/x-ndjson" : "application/json",
        body(objects, ndjson),
        List.of(),
        new Labels(labels));
  }

  private String requestId(int n) {
    return "c" + client + "-" + n;
  }

  private String record(String id, Instant at) {
    String version = VERSIONS.get(random.nextInt(VERSIONS.size()));
    String prediction = CLASSES.get(random.nextInt(CLASSES.size()));
    return ("{\"request_id\":\"%s\",\"model\":\"%s\",\"version\":\"%s\",\"timestamp\":\"%s\","
            + "\"features\":{\"amount\":%s,\"country\":\"%s\",\"new_user\":%s},"
            + "\"prediction\":\"%s\",\"confidence\":%s,\"latency_ms\":%s,"
            + "\"segment\":{\"region\":\"%s\"}}")
        .formatted(
            id,
            MODEL,
            version,
            at,
            100 + 30 * random.nextGaussian(),
            COUNTRIES.get(random.nextInt(COUNTRIES.size())),
            random.nextBoolean(),
            prediction,
            0.5 + 0.5 * random.nextDouble(),
            5 + 20 * random.nextDouble(),
            random.nextBoolean() ? "eu" : "us");
  }

  private static String body(List<String> objects, boolean ndjson) {
    if (ndjson) {
      return String.join("\n", objects) + "\n";
    }
    StringJoiner array = new StringJoiner(",", "[", "]");
    objects.forEach(array::add);
    return array.toString();
  }
}
