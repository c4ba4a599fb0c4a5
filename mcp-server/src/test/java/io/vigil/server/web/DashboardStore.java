package io.vigil.server.web;

import io.vigil.server.security.ApiTokens;
import io.vigil.simulation.fault.FaultKind;
import io.vigil.simulation.fault.Shape;
import io.vigil.simulation.run.IncidentRecord;
import io.vigil.simulation.run.Onset;
import io.vigil.simulation.run.RankedCause;
import io.vigil.simulation.run.RunEvent;
import io.vigil.simulation.run.RunEventKind;
import io.vigil.simulation.run.RunResult;
import io.vigil.simulation.run.WindowOutcome;
import io.vigil.simulation.scenario.Expectation;
import io.vigil.simulation.score.RunReport;
import io.vigil.tools.access.ApiTokenStore;
import io.vigil.tools.access.Role;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.EvidenceQuery;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.RuledOut;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An embedded store for the dashboard's browser test, seeded the same way every time: model {@code
 * credit} served by v1 for twelve hours, then by v2, which is worse and sees {@code amount} drift
 * upwards; an incident on it diagnosed as v2's fault with a rollback to v1 awaiting approval; a
 * token each for a reader and an approver; and one simulation run's report kept in the data
 * directory.
 *
 * @param dataDir the data directory ({@code vigil.data-dir})
 * @param readToken a token with the read role
 * @param approveToken a token with the approve role
 * @param incidentId the incident awaiting approval
 */
record DashboardStore(Path dataDir, String readToken, String approveToken, String incidentId) {

  static final String MODEL = "credit";
  static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
  private static final Instant RELEASE = START.plus(Duration.ofHours(12));
  private static final int RECORDS_PER_VERSION = 720;

  static DashboardStore seed() {
    try {
      Path dataDir = Files.createTempDirectory("vigil-dashboard-");
      try (Database database = Database.open(StoreSettings.embedded(dataDir))) {
        writeTraffic(database);
        String incident = recordIncident(new IncidentStore(database, InstantSource.system()));
        ApiTokens tokens = new ApiTokens(new ApiTokenStore(database, InstantSource.system()));
        String reader = tokens.create(Role.READ, Optional.of("reader")).secret();
        String approver = tokens.create(Role.APPROVE, Optional.of("approver")).secret();
        new SimulationRuns(dataDir)
            .save("short-bad-version", 7, START, RunReport.of(simulationRun()).json());
        return new DashboardStore(dataDir, reader, approver, incident);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeTraffic(Database database) {
    try (TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.setClock(START);
      fixture.classifier(MODEL, OptionalDouble.of(0.85), "v1", "v2");
      fixture.write(
          Traffic.of(MODEL, "v1", START, RECORDS_PER_VERSION).withCalibratedConfidence(0.6));
      new BaselineService(database, fixture.registry(), fixture.clock(), IngestSettings.defaults())
          .fromWindow(MODEL, "v1", new TimeRange(START, RELEASE));
      fixture.registry().deploy(MODEL, Map.of("v2", 1.0), RELEASE, "ci", "release v2");
      fixture.write(
          Traffic.of(MODEL, "v2", RELEASE, RECORDS_PER_VERSION)
              .withSeed(2)
              .withAccuracy(0.62)
              .withRamp("amount", 8, RELEASE)
              .withLatency(80)
              .withFailureRate(0.02));
    }
  }

  /** As the agent records one: opened, investigated, diagnosed, a rollback proposed. */
  private static String recordIncident(IncidentStore incidents) {
    TimeRange window = new TimeRange(RELEASE, RELEASE.plus(Duration.ofHours(12)));
    String span = window.from() + "/" + window.to();
    Trigger trigger =
        new Trigger(
            SignalKind.ACCURACY_SLO, window, 0.62, 0.85, "accuracy 0.62 below the 0.85 target");
    String id =
        incidents.open(MODEL, trigger, "credit: accuracy below target", "vigil-monitor").id();
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        new Evidence(
            "E1",
            EvidenceKind.ACCURACY,
            "v2",
            "version v2 was 0.62 accurate after it went live, against 0.80 for v1 before",
            Map.of("accuracy", 0.62, "reference_accuracy", 0.80, "labeled", 720.0),
            new EvidenceQuery("get_model_accuracy", Map.of("model", MODEL, "time_window", span))));
    evidence.add(
        new Evidence(
            "E2",
            EvidenceKind.FEATURE_DRIFT,
            "amount",
            "amount drifted upwards after the release",
            Map.of("effect_size", 0.4),
            new EvidenceQuery("detect_data_drift", Map.of("model", MODEL, "time_window", span))));
    evidence.add(
        new Evidence(
            "E3",
            EvidenceKind.LATENCY_ERRORS,
            "v2",
            "errors rose to 2% with v2",
            Map.of("error_rate", 0.02),
            new EvidenceQuery("get_latency_metrics", Map.of("model", MODEL, "time_window", span))));
    incidents.recordEvidence(id, window, evidence);
    incidents.recordDiagnosis(
        id,
        new Diagnosis(
            List.of(
                new Hypothesis(
                    1,
                    RootCause.BAD_MODEL_VERSION,
                    "v2",
                    0.78,
                    List.of("E1", "E3"),
                    "accuracy fell when v2 went live; v1 held on the same inputs"),
                new Hypothesis(
                    2,
                    RootCause.COVARIATE_DRIFT,
                    "amount",
                    0.18,
                    List.of("E2"),
                    "amount drifted, but only after the accuracy fell")),
            List.of(new RuledOut(RootCause.DATA_QUALITY, "no missing values", List.of("E2"))),
            ReasonerKind.DETERMINISTIC,
            Optional.empty(),
            "v2 is the likely cause"));
    incidents.recordProposal(
        id,
        IncidentState.DIAGNOSED,
        new RemediationAction(ActionType.ROLLBACK, MODEL, Map.of("version", "v1")),
        "v2 lost 18 points of accuracy; v1 held 0.80",
        IncidentStore.AGENT,
        Duration.ofDays(1));
    return id;
  }

  /** A short run's timeline: a bad version at window 6, caught, rolled back, recovered. */
  private static RunResult simulationRun() {
    Duration window = Duration.ofMinutes(5);
    List<WindowOutcome> windows = new ArrayList<>();
    int[] correct = {88, 90, 87, 89, 91, 88, 60, 58, 62, 85, 89, 90};
    for (int i = 0; i < correct.length; i++) {
      windows.add(
          new WindowOutcome(
              i,
              START.plus(window.multipliedBy(i)),
              START.plus(window.multipliedBy(i + 1)),
              100,
              0,
              100,
              correct[i],
              true,
              i == 7 ? List.of(SignalKind.ACCURACY_SLO) : List.of()));
    }
    Instant opened = START.plus(window.multipliedBy(8));
    return new RunResult(
        "short-bad-version",
        7,
        new Expectation(RootCause.BAD_MODEL_VERSION, Optional.of("v2"), ActionType.ROLLBACK),
        START,
        window,
        correct.length,
        0.85,
        List.of(
            new Onset(FaultKind.BAD_VERSION, Shape.SUDDEN, START.plus(window.multipliedBy(6)), 6)),
        windows,
        List.of(
            new IncidentRecord(
                "inc-1",
                opened,
                7,
                SignalKind.ACCURACY_SLO,
                "accuracy below target",
                List.of(new RankedCause(1, RootCause.BAD_MODEL_VERSION, "v2", 0.8)),
                List.of("E1"),
                Optional.of("v2 is the likely cause"),
                Optional.of(ActionType.ROLLBACK),
                List.of(ActionType.ROLLBACK),
                IncidentState.RESOLVED)),
        List.of(
            RunEvent.ofIncident(
                RunEventKind.INCIDENT_OPENED, opened, 7, "inc-1 opened by the monitor", "inc-1"),
            RunEvent.of(RunEventKind.EXECUTED, opened, 7, "rollback to v1 executed"),
            RunEvent.of(
                RunEventKind.RESOLVED, START.plus(window.multipliedBy(10)), 9, "inc-1 resolved")));
  }
}
