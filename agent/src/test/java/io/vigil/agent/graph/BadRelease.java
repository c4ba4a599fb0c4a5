package io.vigil.agent.graph;

import io.vigil.tools.registry.Deployment;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A small seeded store on which the agent finds a bad release: classifier {@code fraud} (accuracy
 * SLO 0.85) served an hour of good {@code v1} traffic, then {@code v2} was released and served an
 * hour at accuracy 0.6. Records come every ten seconds (360 an hour), every one labelled.
 */
final class BadRelease {

  static final String MODEL = "fraud";
  static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant RELEASE = START.plus(Duration.ofHours(1));
  static final Duration SPACING = Duration.ofSeconds(10);
  static final int HOUR = 360;

  private BadRelease() {}

  /** Registers the model and writes both hours; the clock ends at the last record. */
  static void seed(TrafficFixture traffic) {
    seed(traffic, Traffic.of(MODEL, "v1", START, HOUR), Traffic.of(MODEL, "v2", RELEASE, HOUR));
  }

  /** Like {@link #seed(TrafficFixture)}, from the given shapes of the two hours. */
  static void seed(TrafficFixture traffic, Traffic good, Traffic bad) {
    traffic.classifier(MODEL, OptionalDouble.of(0.85), "v1", "v2");
    traffic.write(good.withSpacing(SPACING).withAccuracy(0.93));
    traffic.registry().deploy(MODEL, Map.of("v2", 1.0), RELEASE, "ci", "release v2");
    traffic.write(bad.withSpacing(SPACING).withAccuracy(0.6).withSeed(2));
  }

  /** Writes 20 minutes of traffic of {@code version} from the clock's time at {@code accuracy}. */
  static void serve(TrafficFixture traffic, String version, double accuracy, long seed) {
    traffic.write(
        Traffic.of(MODEL, version, traffic.clock().instant(), HOUR / 3)
            .withSpacing(SPACING)
            .withAccuracy(accuracy)
            .withSeed(seed));
  }

  /** The deployments the router made under an idempotency key, read afresh from the store. */
  static List<Deployment> keyedDeployments(Database database, TrafficFixture traffic) {
    return new ModelRegistry(database, traffic.clock())
        .snapshot().deployments(MODEL).stream()
            .filter(deployment -> deployment.reason().contains("[key="))
            .toList();
  }

  /** Every deployment of the model, read afresh from the store. */
  static List<Deployment> deployments(Database database, TrafficFixture traffic) {
    return new ModelRegistry(database, traffic.clock()).snapshot().deployments(MODEL);
  }
}
