package io.vigil.agent.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.agent.investigate.InvestigationServices;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.TimelineEventType;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monitor opens an incident for the signal that fires, with its kind, and only one: not on
 * healthy traffic, not while one is open, not within the cooldown after one closed. Each model gets
 * an hour of normal traffic (360 records, one every ten seconds) followed by the hour under test.
 */
class MonitorTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant ONSET = START.plus(Duration.ofHours(1));
  private static final Duration SPACING = Duration.ofSeconds(10);
  private static final int HOUR = 360;

  private Database database;
  private TrafficFixture traffic;
  private IncidentStore incidents;
  private Monitor monitor;

  @BeforeEach
  void open() {
    database = TestStores.h2();
    traffic = TrafficFixture.open(database);
    incidents = new IncidentStore(database, traffic.clock());
    InvestigationServices services =
        InvestigationServices.over(
            database, traffic.registry(), traffic.clock(), traffic.settings());
    monitor =
        new Monitor(
            database,
            traffic.registry(),
            services.accuracy(),
            services.drift(),
            services.latency(),
            incidents,
            MonitorPolicy.defaults(),
            traffic.clock());
  }

  @AfterEach
  void close() {
    traffic.close();
    database.close();
  }

  @Test
  void healthyTraffic_opensNothing() {
    serve("fraud", OptionalDouble.of(0.85), t -> t.withAccuracy(0.93));

    MonitorOutcome outcome = monitor.check("fraud");

    assertThat(outcome.raised()).isEmpty();
    assertThat(outcome.opened()).isEmpty();
    assertThat(outcome.note()).isEqualTo("every signal is clear");
    assertThat(incidents.list(Optional.empty(), Optional.empty(), 10)).isEmpty();
  }

  @Test
  void accuracyBelowItsSlo_opensAnAccuracyIncident() {
    serve("fraud", OptionalDouble.of(0.85), t -> t.withAccuracy(0.6));

    MonitorOutcome outcome = monitor.check("fraud");

    Incident opened = outcome.opened().orElseThrow();
    assertThat(opened.state()).isEqualTo(IncidentState.OPEN);
    assertThat(opened.model()).isEqualTo("fraud");
    assertThat(opened.trigger().signal()).isEqualTo(SignalKind.ACCURACY_SLO);
    assertThat(opened.trigger().threshold()).isEqualTo(0.85);
    assertThat(opened.trigger().observed()).isBetween(0.55, 0.75);
    assertThat(incidents.timeline(opened.id()))
        .extracting(event -> event.type())
        .containsExactly(TimelineEventType.OPENED);
  }

  @Test
  void estimatedAccuracyBelowItsSloWhileLabelsLag_opensAnEstimatedAccuracyIncident() {
    traffic.classifier("fraud", OptionalDouble.of(0.85), "v1");
    traffic.write(
        Traffic.of("fraud", "v1", START, HOUR).withSpacing(SPACING).withCalibratedConfidence(0.8));
    traffic.write(
        Traffic.of("fraud", "v1", ONSET, HOUR)
            .withSpacing(SPACING)
            .withCalibratedConfidence(0.5)
            .withLabels(0, Optional.empty())
            .withSeed(2));

    MonitorOutcome outcome = monitor.check("fraud");

    Incident opened = outcome.opened().orElseThrow();
    assertThat(opened.trigger().signal()).isEqualTo(SignalKind.ESTIMATED_ACCURACY_SLO);
    assertThat(opened.trigger().observed()).isBetween(0.65, 0.85);
  }

  @Test
  void errorSpike_opensAnErrorRateIncident() {
    serve("scorer", OptionalDouble.empty(), t -> t.withFailureRate(0.2));

    MonitorOutcome outcome = monitor.check("scorer");

    assertThat(outcome.opened().orElseThrow().trigger().signal()).isEqualTo(SignalKind.ERROR_RATE);
    assertThat(outcome.opened().orElseThrow().trigger().observed()).isBetween(0.1, 0.3);
  }

  @Test
  void latencySpike_opensALatencyIncident() {
    serve("scorer", OptionalDouble.empty(), t -> t.withLatency(500));

    MonitorOutcome outcome = monitor.check("scorer");

    assertThat(outcome.raised()).extracting(RaisedSignal::kind).contains(SignalKind.LATENCY);
    assertThat(outcome.opened().orElseThrow().trigger().signal()).isEqualTo(SignalKind.LATENCY);
  }

  @Test
  void breachCoveredByAnOpenIncident_opensNoSecond() {
    serve("fraud", OptionalDouble.of(0.85), t -> t.withAccuracy(0.6));
    Incident first = monitor.check("fraud").opened().orElseThrow();

    MonitorOutcome again = monitor.check("fraud");

    assertThat(again.raised()).isNotEmpty();
    assertThat(again.opened()).isEmpty();
    assertThat(again.note()).isEqualTo("already covered by " + first.id());
    assertThat(incidents.list(Optional.of("fraud"), Optional.empty(), 10)).hasSize(1);
  }

  @Test
  void breachAfterAnIncidentClosed_waitsForTheCooldown() {
    serve("fraud", OptionalDouble.of(0.85), t -> t.withAccuracy(0.6));
    Incident first = monitor.check("fraud").opened().orElseThrow();
    Instant closed = traffic.clock().instant();
    incidents.transition(
        first.id(),
        IncidentState.OPEN,
        IncidentState.ESCALATED,
        TimelineEventType.ESCALATED,
        "alice",
        "taken over by a person");
    Duration cooldown = MonitorPolicy.defaults().cooldown();

    traffic.setClock(closed.plus(cooldown).minusSeconds(1));
    MonitorOutcome cooling = monitor.check("fraud");
    traffic.setClock(closed.plus(cooldown));
    MonitorOutcome after = monitor.check("fraud");

    assertThat(cooling.opened()).isEmpty();
    assertThat(cooling.note()).isEqualTo("cooling down until " + closed.plus(cooldown));
    assertThat(after.opened()).isPresent();
    assertThat(after.opened().orElseThrow().id()).isNotEqualTo(first.id());
    assertThat(incidents.list(Optional.of("fraud"), Optional.empty(), 10)).hasSize(2);
  }

  @Test
  void breachAfterADriftIncidentClosed_opensDespiteTheCooldown() {
    serve("fraud", OptionalDouble.of(0.85), t -> t.withAccuracy(0.6));
    Instant now = traffic.clock().instant();
    Incident drift =
        incidents.open(
            "fraud",
            new Trigger(
                SignalKind.DRIFT_ACCELERATION,
                new TimeRange(now.minus(Duration.ofHours(1)), now),
                0.1,
                0.2,
                "the drift of feature \"amount\" is warning"),
            "fraud: feature drift accelerating",
            Monitor.ACTOR);
    incidents.transition(
        drift.id(),
        IncidentState.OPEN,
        IncidentState.RESOLVED,
        TimelineEventType.RESOLVED,
        "vigil-agent",
        "no action needed: nothing beyond noise");

    MonitorOutcome outcome = monitor.check("fraud");

    assertThat(outcome.opened()).isPresent();
    assertThat(outcome.opened().orElseThrow().trigger().signal())
        .isEqualTo(SignalKind.ACCURACY_SLO);
  }

  @Test
  void aFeatureShiftedInTheNewestWindows_opensASuddenDriftIncidentOverTheWindowItFills() {
    Instant split =
        withBaselineThenHour(Duration.ofMinutes(50), t -> t.withNumeric("amount", 160, 20));

    MonitorOutcome outcome = monitor.check("fraud");

    Incident opened = outcome.opened().orElseThrow();
    assertThat(opened.trigger().signal()).isEqualTo(SignalKind.SUDDEN_DRIFT);
    assertThat(opened.trigger().detail()).contains("\"amount\"").contains("shifted abruptly");
    Duration window = traffic.settings().window();
    assertThat(opened.trigger().window())
        .isEqualTo(
            new TimeRange(
                split.plus(MonitorPolicy.DEFAULT_RECENT).minus(window),
                split.plus(MonitorPolicy.DEFAULT_RECENT)));
    assertThat(opened.trigger().observed()).isGreaterThan(0.5);
  }

  @Test
  void aShiftOlderThanTheRecentStretch_raisesNoSuddenDrift() {
    withBaselineThenHour(Duration.ZERO, t -> t.withNumeric("amount", 160, 20));

    MonitorOutcome outcome = monitor.check("fraud");

    assertThat(outcome.raised()).extracting(RaisedSignal::kind).contains(SignalKind.DRIFT);
    assertThat(outcome.raised())
        .extracting(RaisedSignal::kind)
        .doesNotContain(SignalKind.SUDDEN_DRIFT);
  }

  @Test
  void healthyTrafficAgainstItsBaseline_raisesNoSuddenSignal() {
    withBaselineThenHour(Duration.ofMinutes(50), UnaryOperator.identity());

    MonitorOutcome outcome = monitor.check("fraud");

    assertThat(outcome.raised()).isEmpty();
  }

  @Test
  void aMilderSignalWithinTheCooldownOfAMoreSevereOne_opensNothing() {
    withBaselineThenHour(Duration.ofMinutes(50), t -> t.withNumeric("amount", 160, 20));
    Instant now = traffic.clock().instant();
    Incident breach =
        incidents.open(
            "fraud",
            new Trigger(
                SignalKind.ACCURACY_SLO,
                new TimeRange(now.minus(Duration.ofHours(1)), now),
                0.7,
                0.85,
                "realized accuracy 0.700 is below the 0.850 target"),
            "fraud: accuracy below its SLO",
            Monitor.ACTOR);
    incidents.transition(
        breach.id(),
        IncidentState.OPEN,
        IncidentState.ESCALATED,
        TimelineEventType.ESCALATED,
        "alice",
        "taken over by a person");

    MonitorOutcome outcome = monitor.check("fraud");

    assertThat(outcome.raised()).extracting(RaisedSignal::kind).contains(SignalKind.SUDDEN_DRIFT);
    assertThat(outcome.opened()).isEmpty();
    assertThat(outcome.note()).startsWith("cooling down until ");
  }

  /**
   * An hour of normal traffic (one record every two seconds) stored as the baseline of {@code
   * fraud} v1, then an hour whose records from {@code unchanged} on are shaped by {@code change};
   * returns the time the change began. The clock ends at the last record.
   */
  private Instant withBaselineThenHour(Duration unchanged, UnaryOperator<Traffic> change) {
    Duration spacing = Duration.ofSeconds(2);
    int perMinute = 30;
    traffic.setClock(START);
    traffic.classifier("fraud", OptionalDouble.empty(), "v1");
    Traffic day = Traffic.of("fraud", "v1", START, 60 * perMinute).withSpacing(spacing);
    traffic.write(day);
    new BaselineService(database, traffic.registry(), traffic.clock(), traffic.settings())
        .fromWindow("fraud", "v1", new TimeRange(START, ONSET));
    Instant split = ONSET.plus(unchanged);
    if (!unchanged.isZero()) {
      traffic.write(
          Traffic.of("fraud", "v1", ONSET, (int) unchanged.toMinutes() * perMinute)
              .withSpacing(spacing)
              .withSeed(2));
    }
    int changed = (int) Duration.between(split, ONSET.plus(Duration.ofHours(1))).toMinutes();
    traffic.write(
        change.apply(
            Traffic.of("fraud", "v1", split, changed * perMinute)
                .withSpacing(spacing)
                .withSeed(3)));
    return split;
  }

  /**
   * Registers {@code model} with versions v1 and writes an hour of normal traffic, then an hour
   * shaped by {@code onset}; the clock ends at the last record.
   */
  private void serve(String model, OptionalDouble target, UnaryOperator<Traffic> onset) {
    traffic.setClock(START);
    traffic.classifier(model, target, "v1");
    traffic.write(Traffic.of(model, "v1", START, HOUR).withSpacing(SPACING).withAccuracy(0.93));
    Traffic normal =
        Traffic.of(model, "v1", ONSET, HOUR).withSpacing(SPACING).withAccuracy(0.93).withSeed(2);
    traffic.write(onset.apply(normal));
  }
}
