package io.vigil.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a load run is shaped. Every phase is bounded by its duration, and the whole run by {@link
 * #maxRequests()}: a run that reaches the cap ends its phase early and says so.
 *
 * @param jar the built server jar ({@code mcp-server/target/vigil.jar})
 * @param store which store the server runs on
 * @param heap the server's {@code -Xmx}, so that "the heap stays bounded" has a bound
 * @param rampStep how long each step of the closed-loop ramp lasts
 * @param steady the open-loop run at the sustainable rate
 * @param overload the open-loop run at {@code factor} times that rate
 * @param recovery the open-loop run back at the sustainable rate, after the overload
 * @param factor how many times the sustainable rate the overload offers
 * @param baseFraction the share of the ramp's peak throughput taken as the sustainable rate: an
 *     open loop at the peak itself has no headroom left, so its queues never drain; at 90% the
 *     steady phase already refused requests on the two-core machine (the closed loop's clients wait
 *     out each slow query, an open loop's arrivals do not), at 70% it ran clean
 * @param batchSize inference records per ingest request
 * @param labelsPerBatch labels sent for each acknowledged batch (a later request)
 * @param queriesPerBatch tool queries per inference batch, at every rate
 * @param mcpShare every {@code mcpShare}-th query is an MCP tool call over {@code /mcp}; 0 for none
 * @param maxRequests the most requests the whole run sends
 * @param maxInFlight the most requests outstanding at once; an arrival past it is counted as not
 *     sent (the client, not the server, was the limit)
 * @param timeout how long a request may take before it counts as unanswered
 * @param seed the seed of every generated value
 * @param serverProperties extra {@code name=value} Spring properties for the server, e.g. a small
 *     {@code vigil.ingest.queue-capacity}
 */
record LoadOptions(
    Path jar,
    StoreKind store,
    String heap,
    Duration rampStep,
    Duration steady,
    Duration overload,
    Duration recovery,
    double factor,
    double baseFraction,
    int batchSize,
    int labelsPerBatch,
    double queriesPerBatch,
    int mcpShare,
    long maxRequests,
    int maxInFlight,
    Duration timeout,
    long seed,
    List<String> serverProperties) {

  static final String USAGE =
      "LoadHarness [--jar mcp-server/target/vigil.jar] [--store postgresql|embedded]"
          + " [--heap 512m] [--ramp-step 15s] [--steady 3m] [--overload 60s] [--recovery 60s]"
          + " [--factor 3] [--base-fraction 0.7] [--batch 500] [--labels-per-batch 100]"
          + " [--queries-per-batch 1] [--mcp-share 5] [--max-requests 200000]"
          + " [--max-in-flight 256] [--timeout 30s] [--seed 42]"
          + " [--server-property NAME=VALUE]...";

  LoadOptions {
    Objects.requireNonNull(jar, "jar");
    Objects.requireNonNull(store, "store");
    if (!heap.matches("[0-9]+[kKmMgG]")) {
      throw new IllegalArgumentException("--heap takes a size such as 512m, was " + heap);
    }
    for (Duration phase : List.of(rampStep, steady, overload, recovery, timeout)) {
      if (phase.isNegative() || phase.isZero()) {
        throw new IllegalArgumentException("phase durations must be positive, was " + phase);
      }
    }
    if (factor <= 1 || baseFraction <= 0 || baseFraction > 1) {
      throw new IllegalArgumentException(
          "--factor must be above 1 and --base-fraction in (0, 1], were "
              + factor
              + " and "
              + baseFraction);
    }
    if (batchSize < 1 || labelsPerBatch < 0 || labelsPerBatch > batchSize) {
      throw new IllegalArgumentException(
          "--batch must be positive and --labels-per-batch between 0 and the batch size");
    }
    if (queriesPerBatch < 0 || mcpShare < 0 || maxRequests < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException(
          "--queries-per-batch and --mcp-share must not be negative; --max-requests and"
              + " --max-in-flight must be positive");
    }
    serverProperties = List.copyOf(serverProperties);
  }

  /** The figures the harness is documented with: PostgreSQL, 512 MB, three minutes steady. */
  static LoadOptions defaults() {
    return new LoadOptions(
        Path.of("mcp-server/target/vigil.jar"),
        StoreKind.POSTGRESQL,
        "512m",
        Duration.ofSeconds(15),
        Duration.ofMinutes(3),
        Duration.ofSeconds(60),
        Duration.ofSeconds(60),
        3,
        0.7,
        500,
        100,
        1,
        5,
        200_000,
        256,
        Duration.ofSeconds(30),
        42,
        List.of());
  }

  /**
   * Reads {@code --name value} pairs over {@link #defaults()}.
   *
   * @throws IllegalArgumentException naming the option that cannot be read
   */
  static LoadOptions parse(String... args) {
    Builder options = new Builder(defaults());
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value; usage: " + USAGE);
      }
      try {
        options.set(name, args[i + 1]);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            name + " " + args[i + 1] + ": " + e.getMessage() + "; usage: " + USAGE, e);
      }
    }
    return options.build();
  }

  /** A length such as {@code 500ms}, {@code 15s}, {@code 3m} or {@code 1h}. */
  static Duration duration(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
    }
    long amount = Long.parseLong(value.substring(0, value.length() - 1));
    return switch (value.charAt(value.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      default -> throw new IllegalArgumentException("expected a length such as 15s or 3m");
    };
  }

  /** The options as a command line would give them, one by one. */
  private static final class Builder {

    private Path jar;
    private StoreKind store;
    private String heap;
    private Duration rampStep;
    private Duration steady;
    private Duration overload;
    private Duration recovery;
    private double factor;
    private double baseFraction;
    private int batchSize;
    private int labelsPerBatch;
    private double queriesPerBatch;
    private int mcpShare;
    private long maxRequests;
    private int maxInFlight;
    private Duration timeout;
    private long seed;
    private final List<String> serverProperties;

    Builder(LoadOptions from) {
      jar = from.jar();
      store = from.store();
      heap = from.heap();
      rampStep = from.rampStep();
      steady = from.steady();
      overload = from.overload();
      recovery = from.recovery();
      factor = from.factor();
      baseFraction = from.baseFraction();
      batchSize = from.batchSize();
      labelsPerBatch = from.labelsPerBatch();
      queriesPerBatch = from.queriesPerBatch();
      mcpShare = from.mcpShare();
      maxRequests = from.maxRequests();
      maxInFlight = from.maxInFlight();
      timeout = from.timeout();
      seed = from.seed();
      serverProperties = new ArrayList<>(from.serverProperties());
    }

    void set(String name, String value) {
      switch (name) {
        case "--jar" -> jar = Path.of(value);
        case "--store" -> store = StoreKind.named(value);
        case "--heap" -> heap = value;
        case "--ramp-step" -> rampStep = duration(value);
        case "--steady" -> steady = duration(value);
        case "--overload" -> overload = duration(value);
        case "--recovery" -> recovery = duration(value);
        case "--factor" -> factor = Double.parseDouble(value);
        case "--base-fraction" -> baseFraction = Double.parseDouble(value);
        case "--batch" -> batchSize = Integer.parseInt(value);
        case "--labels-per-batch" -> labelsPerBatch = Integer.parseInt(value);
        case "--queries-per-batch" -> queriesPerBatch = Double.parseDouble(value);
        case "--mcp-share" -> mcpShare = Integer.parseInt(value);
        case "--max-requests" -> maxRequests = Long.parseLong(value);
        case "--max-in-flight" -> maxInFlight = Integer.parseInt(value);
        case "--timeout" -> timeout = duration(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--server-property" -> serverProperties.add(property(value));
        default -> throw new IllegalArgumentException("unknown option");
      }
    }

    private static String property(String value) {
      if (!value.matches("[a-z][a-z0-9.-]*=.*")) {
        throw new IllegalArgumentException(
            "expected name=value, e.g. vigil.ingest.queue-capacity=2000");
      }
      return value;
    }

    LoadOptions build() {
      return new LoadOptions(
          jar,
          store,
          heap,
          rampStep,
          steady,
          overload,
          recovery,
          factor,
          baseFraction,
          batchSize,
          labelsPerBatch,
          queriesPerBatch,
          mcpShare,
          maxRequests,
          maxInFlight,
          timeout,
          seed,
          serverProperties);
    }
  }
}
