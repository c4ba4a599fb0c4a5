package io.vigil.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.security.ApiTokens;
import io.vigil.tools.access.ApiTokenStore;
import io.vigil.tools.access.Role;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreSettings;
import io.vigil.tools.testing.ThrowawayPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code vigil serve} killed with SIGKILL at seeded random moments while clients post batches of
 * records and labels (JSON and NDJSON, with an ingest token), restarted on the same store each
 * time, 20 times on each store: afterwards every acknowledged request id is stored exactly once,
 * every acknowledged label is stored and joined, and the counters and profiles kept on the way in
 * agree with the stored records.
 *
 * <p>A kill comes right after a seeded number of acknowledgements since the start, while the other
 * clients' batches are in flight: the moment when an acknowledged commit that is not yet durable
 * would be lost. {@code -Dvigil.crash.seed} and {@code -Dvigil.crash.kills} change the run.
 */
class ServerCrashTest {

  private static final long SEED = Long.getLong("vigil.crash.seed", 20_261_102L);
  private static final int KILLS = Integer.getInteger("vigil.crash.kills", 20);
  private static final int CLIENTS = 3;

  /** A life ends after 1 to this many acknowledged batches (of 25 records or 20 labels). */
  private static final int MOST_BATCHES_PER_LIFE = 30;

  private static final Duration BATCHES_TIMEOUT = Duration.ofMinutes(2);

  @TempDir Path temporary;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void killedDuringIngestion_everyAcknowledgedRecordIsStoredOnce(String store) throws Exception {
    Store target = store.equals("h2") ? embedded() : postgres();
    String token = prepare(target.open());
    List<Duration> starts = new ArrayList<>();
    long started = System.nanoTime();
    IngestClients clients;
    String log;
    try (ServeProcess server =
        ServeProcess.on(target.arguments(), temporary.resolve("serve.log"))) {
      ServerLives lives = new ServerLives();
      clients = new IngestClients(server.base(), token, lives);
      killRepeatedlyWhileIngesting(server, clients, lives, starts);
      log = server.log();
    }
    List<String> problems;
    try (Database database = target.open().get()) {
      problems = StoreAudit.problems(database, clients);
    }

    report(store, starts, clients, Duration.ofNanos(System.nanoTime() - started));
    assertThat(clients.failures()).as("client failures (seed %d)", SEED).isEmpty();
    assertThat(clients.acknowledgedInferences()).isNotEmpty();
    assertThat(clients.acknowledgedLabels()).isNotEmpty();
    assertThat(problems)
        .as("the store after %d kills (seed %d); the server's log ends:%n%s", KILLS, SEED, log)
        .isEmpty();
  }

  /**
   * Starts the server and the clients, then {@link #KILLS} times kills the server after a seeded
   * number of acknowledgements and starts it again; lets the clients finish and stops it cleanly.
   */
  private static void killRepeatedlyWhileIngesting(
      ServeProcess server, IngestClients clients, ServerLives lives, List<Duration> starts)
      throws InterruptedException {
    SplittableRandom random = new SplittableRandom(SEED);
    starts.add(server.start());
    lives.up();
    clients.start(CLIENTS, SEED);
    for (int kill = 0; kill < KILLS; kill++) {
      clients.awaitAcknowledgements(random.nextInt(1, MOST_BATCHES_PER_LIFE + 1), BATCHES_TIMEOUT);
      lives.goingDown();
      server.kill();
      starts.add(server.start());
      lives.up();
    }
    clients.awaitAcknowledgements(MOST_BATCHES_PER_LIFE, BATCHES_TIMEOUT);
    clients.finish(BATCHES_TIMEOUT);
    lives.goingDown();
    server.stop();
  }

  /** Where the server keeps its data, as its options and as a store the test opens. */
  private record Store(List<String> arguments, Supplier<Database> open) {}

  private Store embedded() throws Exception {
    Path dataDir = Files.createDirectories(temporary.resolve("data"));
    return new Store(
        List.of("--data-dir", dataDir.toString()),
        () -> Database.open(StoreSettings.embedded(dataDir)));
  }

  private static Store postgres() {
    String url = ThrowawayPostgres.shared().newDatabase();
    return new Store(
        List.of("--store-url", url, "--vigil.store.username=" + ThrowawayPostgres.USER),
        () -> Database.open(StoreSettings.at(url, ThrowawayPostgres.USER, "")));
  }

  /** Registers the model and its versions and returns a new ingest token. */
  private static String prepare(Supplier<Database> open) {
    try (Database database = open.get()) {
      ModelRegistry registry = new ModelRegistry(database, InstantSource.system());
      registry.createModel(
          CrashTraffic.MODEL,
          ModelTask.CLASSIFICATION,
          "killed and restarted",
          Map.of(),
          OptionalDouble.empty());
      CrashTraffic.VERSIONS.forEach(
          version -> registry.addVersion(CrashTraffic.MODEL, version, Map.of()));
      return new ApiTokens(new ApiTokenStore(database, InstantSource.system()))
          .create(Role.INGEST, Optional.of("crash-clients"))
          .secret();
    }
  }

  private static void report(
      String store, List<Duration> starts, IngestClients clients, Duration elapsed) {
    List<Duration> sorted = starts.stream().sorted(Comparator.naturalOrder()).toList();
    System.out.printf(
        "%s: %d kills in %d s; %d starts, median %.1f s, slowest %.1f s; %d batches,"
            + " %d records and %d labels acknowledged%n",
        store,
        KILLS,
        elapsed.toSeconds(),
        starts.size(),
        sorted.get(sorted.size() / 2).toMillis() / 1000.0,
        sorted.get(sorted.size() - 1).toMillis() / 1000.0,
        clients.acknowledgements(),
        clients.acknowledgedInferences().size(),
        clients.acknowledgedLabels().size());
  }
}
