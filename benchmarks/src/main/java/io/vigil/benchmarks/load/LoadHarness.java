package io.vigil.benchmarks.load;

/**
 * Load and overload of {@code vigil serve}, as one command: ingestion (20-feature records in NDJSON
 * batches, then their labels) and tool queries (REST drift, accuracy, feature distribution, logs
 * and health, and MCP tool calls) together, first at the highest rate the machine sustains, then at
 * three times it, then back. It reports throughput, latency percentiles and heap per phase, and
 * checks that the excess was refused with 429/503 and {@code Retry-After}, that nothing else
 * failed, that the heap stayed bounded, that the store holds every acknowledged record exactly
 * once, and that the server recovered. Exit code 1 when any of that fails.
 *
 * <p>It starts the built jar ({@code bin/vigil --help} builds it) on loopback with a fixed {@code
 * -Xmx}, over a throwaway PostgreSQL server (or {@code --store embedded}); nothing else is touched.
 * Every phase is bounded in time, and the run in requests ({@code --max-requests}). With the
 * defaults it takes 6 to 8 minutes and prints a line every 5 seconds.
 *
 * <p>Usage: {@code LoadHarness [--jar mcp-server/target/vigil.jar] [--store postgresql|embedded]
 * [--heap 512m] [--ramp-step 15s] [--steady 3m] [--overload 60s] [--recovery 60s] [--factor 3]
 * [--base-fraction 0.7] [--batch 500] [--labels-per-batch 100] [--queries-per-batch 1] [--mcp-share
 * 5] [--max-requests 200000] [--max-in-flight 256] [--timeout 30s] [--seed 42] [--server-property
 * NAME=VALUE]...}
 */
public final class LoadHarness {

  private LoadHarness() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    LoadResult result = LoadRun.run(options);
    LoadReport.print(result, System.out);
    System.exit(result.failures().isEmpty() ? 0 : 1);
  }
}
