package io.vigil.server.hostile;

import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.EvidenceQuery;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import io.vigil.tools.testing.ThrowawayPostgres;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The store the hostile corpus runs against, seeded before the server starts so that every kind of
 * thing a request can name exists: model {@code credit} (v1 then v2 deployed, a day of labelled
 * traffic, a baseline of v1's morning), model {@code fraud} (v7), and an incident on {@code credit}
 * with a rollback awaiting approval. A hostile request naming a real model, version or proposal
 * gets past the lookups that an invented name fails at.
 *
 * @param properties the Spring properties that point {@code vigil serve} at the store
 * @param incidentId the incident awaiting approval
 * @param proposalId its proposal
 */
record HostileStore(Map<String, String> properties, String incidentId, String proposalId) {

  static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
  private static final Instant RELEASE = START.plus(Duration.ofHours(12));
  private static final int RECORDS_PER_VERSION = 720;

  /** A new embedded store in a temporary directory. */
  static HostileStore embedded() {
    Path dataDir = temporaryDirectory();
    try (Database database = Database.open(StoreSettings.embedded(dataDir))) {
      Proposal proposal = seed(database);
      return new HostileStore(
          Map.of("vigil.data-dir", dataDir.toString()), proposal.incidentId(), proposal.id());
    }
  }

  /** A new database on the JVM's throwaway PostgreSQL server. */
  static HostileStore postgres() {
    ThrowawayPostgres server = ThrowawayPostgres.shared();
    String url = server.newDatabase();
    try (Database database = Database.open(StoreSettings.at(url, ThrowawayPostgres.USER, ""))) {
      Proposal proposal = seed(database);
      return new HostileStore(
          Map.of(
              "vigil.store.url",
              url,
              "vigil.store.username",
              ThrowawayPostgres.USER,
              "vigil.data-dir",
              temporaryDirectory().toString()),
          proposal.incidentId(),
          proposal.id());
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("vigil-hostile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Seeds {@code database} (embedded or PostgreSQL) and returns the proposal awaiting approval. */
  static Proposal seed(Database database) {
    try (TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.setClock(START);
      fixture.classifier("credit", OptionalDouble.of(0.85), "v1", "v2");
      fixture.write(Traffic.of("credit", "v1", START, RECORDS_PER_VERSION));
      new BaselineService(database, fixture.registry(), fixture.clock(), IngestSettings.defaults())
          .fromWindow("credit", "v1", new TimeRange(START, RELEASE));
      fixture.registry().deploy("credit", Map.of("v2", 1.0), RELEASE, "ci", "release v2");
      fixture.write(
          Traffic.of("credit", "v2", RELEASE, RECORDS_PER_VERSION).withSeed(2).withAccuracy(0.6));
      fixture.setClock(START);
      fixture.classifier("fraud", OptionalDouble.empty(), "v7");
      fixture.write(Traffic.of("fraud", "v7", START, 240).withSeed(3));
    }
    return proposeRollback(new IncidentStore(database, InstantSource.system()));
  }

  private static Proposal proposeRollback(IncidentStore incidents) {
    TimeRange window = new TimeRange(RELEASE, RELEASE.plus(Duration.ofHours(12)));
    Trigger trigger =
        new Trigger(SignalKind.ACCURACY_SLO, window, 0.6, 0.85, "accuracy 0.60 below 0.85");
    String id = incidents.open("credit", trigger, "credit: accuracy below target", "monitor").id();
    incidents.recordEvidence(
        id,
        window,
        List.of(
            new Evidence(
                "E1",
                EvidenceKind.ACCURACY,
                "v2",
                "version v2 was 0.60 accurate after it went live",
                Map.of("accuracy", 0.6),
                new EvidenceQuery("get_model_accuracy", Map.of("model", "credit")))));
    incidents.recordDiagnosis(
        id,
        new Diagnosis(
            List.of(
                new Hypothesis(
                    1,
                    RootCause.BAD_MODEL_VERSION,
                    "v2",
                    0.8,
                    List.of("E1"),
                    "accuracy fell when v2 went live")),
            List.of(),
            ReasonerKind.DETERMINISTIC,
            Optional.empty(),
            "v2 is the likely cause"));
    return incidents.recordProposal(
        id,
        IncidentState.DIAGNOSED,
        new RemediationAction(ActionType.ROLLBACK, "credit", Map.of("version", "v1")),
        "v2 lost 30 points of accuracy",
        IncidentStore.AGENT,
        Duration.ofDays(1));
  }
}
