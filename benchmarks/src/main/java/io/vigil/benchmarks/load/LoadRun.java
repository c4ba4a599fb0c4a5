package io.vigil.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One load run, start to end: the server and its store, seeding, the closed-loop ramp to the
 * sustainable rate, then open-loop phases at 1×, {@code factor}× and 1× again, then the server's
 * graceful stop and the audit of its store.
 */
final class LoadRun {

  /**
   * The heap the server retains (after a full collection) may take at most this share of {@code
   * -Xmx}: past it, collections free too little for the requests arriving and the server thrashes
   * towards an OutOfMemoryError.
   */
  static final double RETAINED_SHARE = 0.75;

  /** Load traffic starts the day after the baseline hour. */
  private static final Duration LOAD_OFFSET = Duration.ofDays(1);

  /** Records of load traffic are this far apart in time: hours of traffic over a run. */
  private static final Duration LOAD_SPACING = Duration.ofMillis(20);

  /** Shift of four features in load traffic, so drift queries find and rank real drift. */
  private static final double LOAD_SHIFT = 0.3;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(100);

  private LoadRun() {}

  static LoadResult run(LoadOptions options)
      throws IOException, InterruptedException, SQLException {
    String loadBefore = loadAverage();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    Ledger ledger = new Ledger();
    Traffic traffic =
        new Traffic(
            options.seed(),
            options.batchSize(),
            options.labelsPerBatch(),
            Seeding.BASELINE_START.plus(LOAD_OFFSET),
            LOAD_SPACING,
            LOAD_SHIFT);
    try (VigilProcess server = VigilProcess.start(options, http)) {
      System.err.println("load: server ready at " + server.base() + ", log " + server.log());
      Phases phases = drive(options, http, server, ledger, traffic);
      int exit = server.stop();
      boolean outOfMemory = server.logMentions("OutOfMemoryError");
      StoreAudit audit = StoreAudit.of(server.store(), ledger, traffic);
      long retainedBound = (long) (RETAINED_SHARE * bytes(options.heap()));
      List<PhaseFigures> all = new ArrayList<>(phases.ramp().steps());
      all.addAll(phases.open());
      List<String> failures =
          Invariants.check(
              all,
              phases.open().get(1),
              phases.recovery(),
              audit,
              retainedBound,
              phases.serverSurvived(),
              outOfMemory);
      return new LoadResult(
          options,
          phases.ramp(),
          phases.sustainable(),
          phases.open(),
          phases.recovery(),
          audit,
          retainedBound,
          loadBefore,
          loadAverage(),
          exit,
          server.log(),
          failures);
    }
  }

  /** What the phases produced while the server ran. */
  private record Phases(
      ClosedLoopRamp.Result ramp,
      double sustainable,
      List<PhaseFigures> open,
      Recovery recovery,
      boolean serverSurvived) {}

  private static Phases drive(
      LoadOptions options, HttpClient http, VigilProcess server, Ledger ledger, Traffic traffic)
      throws IOException, InterruptedException {
    QueryMix queries = new QueryMix(options.mcpShare());
    Optional<McpToolClient> mcp =
        options.mcpShare() > 0
            ? Optional.of(McpToolClient.connect(server.base(), server.token(), options.timeout()))
            : Optional.empty();
    try (LoadClient client = new LoadClient(http, server, options, ledger, mcp);
        ServerGauges gauges = ServerGauges.start(http, server);
        Progress progress = new Progress(client, gauges, options.batchSize())) {
      Workload baseline = new Workload(Seeding.baselineTraffic(options), ledger, queries);
      Seeding.seed(client, baseline, new PhaseLog("seeding", 0));
      Workload workload = new Workload(traffic, ledger, queries);
      ClosedLoopRamp.Result ramp =
          new ClosedLoopRamp(client, workload, options, progress, gauges).run();
      double sustainable = ramp.peakRecordsPerSecond() * options.baseFraction();
      System.err.printf(
          Locale.ROOT,
          "load: peak %.0f records/s with %d closed-loop clients; 1x = %.0f records/s%n",
          ramp.peakRecordsPerSecond(),
          ramp.peakClients(),
          sustainable);
      OpenLoop open = new OpenLoop(client, workload, options, progress, gauges);
      List<PhaseLog> logs = new ArrayList<>();
      logs.add(open.run("steady (1x)", sustainable, options.steady()));
      logs.add(
          open.run(
              String.format(Locale.ROOT, "overload (%.0fx)", options.factor()),
              sustainable * options.factor(),
              options.overload()));
      logs.add(open.run("recovery (1x)", sustainable, options.recovery()));
      awaitAnswers(client, options.timeout());
      boolean survived = server.isAlive();
      List<PhaseFigures> figures =
          logs.stream().map(log -> PhaseFigures.of(log, traffic, gauges)).toList();
      Recovery recovery =
          Recovery.of(logs.get(2), figures.get(0).kind(RequestKind.INFERENCES).p95());
      return new Phases(ramp, sustainable, figures, recovery, survived);
    }
  }

  /** Waits (bounded by the request timeout) for the answers still outstanding. */
  private static void awaitAnswers(LoadClient client, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.plus(CONNECT_TIMEOUT).toNanos();
    while (client.outstanding() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(POLL.toMillis());
    }
  }

  /** {@code 512m} as bytes. */
  static long bytes(String size) {
    long amount = Long.parseLong(size.substring(0, size.length() - 1));
    return switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
      case 'k' -> amount << 10;
      case 'm' -> amount << 20;
      case 'g' -> amount << 30;
      default -> throw new IllegalArgumentException("expected a size such as 512m, was " + size);
    };
  }

  /** The machine's 1, 5 and 15-minute load averages, where Linux tells them. */
  private static String loadAverage() {
    Path loadavg = Path.of("/proc/loadavg");
    try {
      String[] fields = Files.readString(loadavg).strip().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }
}
