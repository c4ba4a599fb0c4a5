package io.vigil.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.agent.graph.AgentRound;
import io.vigil.agent.graph.IncidentAgent;
import io.vigil.agent.monitor.MonitorOutcome;
import io.vigil.server.serve.VigilApplication;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.StoreUnavailableException;
import io.vigil.tools.testing.ThrowawayPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The agent while PostgreSQL is down and after it is back. A scheduled round during the outage is
 * skipped with a log line (the agent cannot read the data it would decide on, so it opens, proposes
 * and executes nothing), and the rounds after it carry on by themselves; the records the outage
 * kept out of the store leave a gap in a healthy model's traffic that opens no incident.
 *
 * <p>The schedule is on (tests default it off) with its timer a day away; the test runs its rounds,
 * on a clock it moves.
 */
@SpringBootTest(
    classes = {VigilApplication.class, AgentStoreOutageTest.Clock.class},
    properties = {
      "vigil.agent.enabled=true",
      "vigil.agent.interval=1d",
      "vigil.retention.raw-records=36500d"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AgentStoreOutageTest {

  private static final String MODEL = "steady";
  private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

  /** Dense enough that the monitor's hour holds its 200-record minimum around the gap. */
  private static final Duration SPACING = Duration.ofSeconds(5);

  private static final Duration BEFORE_OUTAGE = Duration.ofMinutes(90);
  private static final Duration OUTAGE = Duration.ofMinutes(30);
  private static final Duration AFTER_OUTAGE = Duration.ofMinutes(20);
  private static final String SKIPPED = "agent round skipped, the store is unavailable";
  private static final AtomicReference<Instant> NOW = new AtomicReference<>(START);

  private static ThrowawayPostgres postgres;

  @DynamicPropertySource
  static void ownPostgres(DynamicPropertyRegistry properties) {
    postgres = ThrowawayPostgres.start();
    ThrowawayPostgres server = postgres;
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "agent-outage-postgres-stop"));
    String url = postgres.newDatabase();
    properties.add("vigil.store.url", () -> url);
    properties.add("vigil.store.username", () -> ThrowawayPostgres.USER);
  }

  /** The server's clock, moved by the test. */
  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource testClock() {
      return NOW::get;
    }
  }

  @Autowired AgentSchedule schedule;
  @Autowired IncidentAgent agent;
  @Autowired InferenceWriter writer;
  @Autowired ModelRegistry registry;
  @Autowired IncidentStore incidents;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void storeDown_roundSkippedWithALogLine_andTheGapOpensNoIncidentOnceItIsBack(
      CapturedOutput output) {
    registry.createModel(
        MODEL,
        ModelTask.CLASSIFICATION,
        "healthy throughout",
        Map.of(),
        OptionalDouble.of(0.8),
        Map.of("amount", FeatureKind.NUMERIC, "city", FeatureKind.CATEGORICAL));
    registry.addVersion(MODEL, "v1", Map.of());
    registry.deploy(MODEL, Map.of("v1", 1.0), START, "test", "first version");
    Instant outageStart = START.plus(BEFORE_OUTAGE);
    Instant outageEnd = outageStart.plus(OUTAGE);
    ingest(START, outageStart, 1);
    AgentRound beforeOutage = agent.round();

    postgres.pause();
    NOW.set(outageStart.plus(OUTAGE.dividedBy(2)));
    int logBefore = output.getOut().length();
    schedule.round();
    String skippedRound = output.getOut().substring(logBefore);
    Throwable directRound = catchRound();
    postgres.resume();
    ingest(outageEnd, outageEnd.plus(AFTER_OUTAGE), 2);
    int logAfter = output.getOut().length();
    schedule.round();
    String resumedRound = output.getOut().substring(logAfter);
    AgentRound afterOutage = agent.round();

    assertThat(beforeOutage.checked())
        .extracting(MonitorOutcome::note)
        .containsExactly("every signal is clear");
    assertThat(skippedRound).contains(SKIPPED);
    assertThat(directRound).isInstanceOf(StoreUnavailableException.class);
    assertThat(resumedRound).doesNotContain(SKIPPED);
    assertThat(afterOutage.checked())
        .singleElement()
        .satisfies(
            outcome -> {
              assertThat(outcome.opened()).isEmpty();
              assertThat(outcome.note()).isEqualTo("every signal is clear");
            });
    assertThat(incidents.unfinished()).isEmpty();
  }

  private Throwable catchRound() {
    try {
      agent.round();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** Healthy traffic from {@code from} to {@code to}, labelled, with the clock moved to its end. */
  private void ingest(Instant from, Instant to, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<InferenceRecord> records = new ArrayList<>();
    List<LabelRecord> labels = new ArrayList<>();
    List<String> cities = List.of("paris", "rome", "oslo");
    for (Instant at = from; at.isBefore(to); at = at.plus(SPACING)) {
      String id = "r-" + at.getEpochSecond();
      boolean yes = random.nextBoolean();
      boolean right = random.nextDouble() < 0.9;
      records.add(
          new InferenceRecord(
              id,
              MODEL,
              "v1",
              at,
              Map.of(
                  "amount", new FeatureValue.Numeric(100 + 20 * random.nextGaussian()),
                  "city", new FeatureValue.Text(cities.get(random.nextInt(cities.size())))),
              Optional.empty(),
              Optional.of(new Outcome.Category(yes ? "yes" : "no")),
              OptionalDouble.of(0.5 + 0.5 * random.nextDouble()),
              Map.of(),
              OptionalDouble.of(40 + 20 * random.nextDouble()),
              Map.of(),
              Optional.empty()));
      labels.add(
          new LabelRecord(
              MODEL, id, new Outcome.Category(yes == right ? "yes" : "no"), at.plusSeconds(60)));
    }
    NOW.set(to);
    writer.writeInferences(records);
    writer.writeLabels(labels);
    writer.flushProfiles();
  }
}
