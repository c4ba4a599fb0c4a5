package io.vigil.server.api.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Seeded traffic of the model {@code credit} with known answers: six hours of records alternating
 * between v1 and v2, whose {@code age} is shifted far above the baseline's while {@code income}
 * keeps the baseline's distribution; every fourth labelled prediction is wrong; one record in 25
 * fails with a timeout.
 */
final class PlantedTraffic {

  static final String MODEL = "credit";
  static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
  static final int RECORDS = 300;
  static final Duration SPACING = Duration.ofSeconds(72);

  final List<Row> rows = new ArrayList<>();

  /** One planted record, and whether its label says the prediction was right. */
  record Row(
      String requestId,
      String version,
      Instant timestamp,
      double age,
      double income,
      String region,
      boolean failed,
      String prediction,
      double confidence,
      boolean correct) {}

  PlantedTraffic() {
    Random random = new Random(7);
    for (int i = 0; i < RECORDS; i++) {
      rows.add(
          new Row(
              "req-" + i,
              i % 2 == 0 ? "v1" : "v2",
              START.plus(SPACING.multipliedBy(i)),
              thousandths(55 + 20 * random.nextDouble()),
              thousandths(1000 + 1000 * random.nextDouble()),
              (i / 2) % 2 == 0 ? "eu" : "us",
              i % 25 == 3,
              i % 3 == 0 ? "yes" : "no",
              0.6 + (i % 4) * 0.1,
              i % 4 != 0));
    }
  }

  /** The records, as POST /api/v1/inferences takes them (NDJSON). */
  String inferences() {
    return rows.stream().map(PlantedTraffic::inference).collect(Collectors.joining("\n"));
  }

  /** A label for every record that did not fail, an hour after it. */
  String labels() {
    return rows.stream()
        .filter(row -> !row.failed())
        .map(
            row ->
                "{\"request_id\": \"%s\", \"model\": \"%s\", \"label\": \"%s\", \"timestamp\": \"%s\"}"
                    .formatted(
                        row.requestId(),
                        MODEL,
                        row.correct() ? row.prediction() : other(row.prediction()),
                        row.timestamp().plus(Duration.ofHours(1))))
        .collect(Collectors.joining("\n"));
  }

  /** Training data: age between 30 and 50, income as in traffic. */
  static String baselineCsv() {
    Random random = new Random(11);
    StringBuilder csv = new StringBuilder("age,income,label,prediction,confidence\n");
    for (int i = 0; i < 300; i++) {
      String prediction = i % 3 == 0 ? "yes" : "no";
      csv.append(
          String.format(
              Locale.ROOT,
              "%.3f,%.2f,%s,%s,%.2f\n",
              30 + 20 * random.nextDouble(),
              1000 + 1000 * random.nextDouble(),
              i % 5 == 0 ? other(prediction) : prediction,
              prediction,
              0.6 + (i % 4) * 0.1));
    }
    return csv.toString();
  }

  /** The share of version's labelled records whose prediction was right. */
  double accuracy(String version) {
    List<Row> labelled =
        rows.stream().filter(row -> row.version().equals(version) && !row.failed()).toList();
    return labelled.stream().filter(Row::correct).count() / (double) labelled.size();
  }

  private static String inference(Row row) {
    String outcome =
        row.failed()
            ? "\"error\": \"timeout\""
            : String.format(
                Locale.ROOT,
                "\"prediction\": \"%s\", \"confidence\": %.2f",
                row.prediction(),
                row.confidence());
    return String.format(
        Locale.ROOT,
        "{\"request_id\": \"%s\", \"model\": \"%s\", \"version\": \"%s\", \"timestamp\":"
            + " \"%s\", \"features\": {\"age\": %.3f, \"income\": %.2f}, \"segment\":"
            + " {\"region\": \"%s\"}, \"latency_ms\": %d, %s}",
        row.requestId(),
        MODEL,
        row.version(),
        row.timestamp(),
        row.age(),
        row.income(),
        row.region(),
        10 + row.requestId().length() % 5,
        outcome);
  }

  private static double thousandths(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static String other(String prediction) {
    return prediction.equals("yes") ? "no" : "yes";
  }
}
