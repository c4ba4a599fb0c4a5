package io.vigil.benchmarks.load;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tool queries a run interleaves with ingestion, in turn: drift against the baseline, accuracy,
 * one feature's distribution, a log search and the model's health over REST, and every {@code
 * mcpShare}-th query an MCP tool call (drift or accuracy) instead, the questions an agent or a
 * dashboard asks while traffic arrives.
 */
final class QueryMix {

  private static final String MODEL_PATH = "/api/v1/models/" + Traffic.MODEL;
  private static final List<RequestKind> REST =
      List.of(
          RequestKind.DRIFT,
          RequestKind.ACCURACY,
          RequestKind.DISTRIBUTION,
          RequestKind.LOGS,
          RequestKind.HEALTH);
  private static final List<String> TOOLS = List.of("detect_data_drift", "get_model_accuracy");

  private final int mcpShare;
  private final AtomicLong queries = new AtomicLong();
  private final AtomicLong restQueries = new AtomicLong();
  private final AtomicLong toolQueries = new AtomicLong();

  /**
   * @param mcpShare every {@code mcpShare}-th query is an MCP tool call; 0 for none
   */
  QueryMix(int mcpShare) {
    this.mcpShare = mcpShare;
  }

  Call next() {
    long n = queries.getAndIncrement();
    if (mcpShare > 0 && n % mcpShare == mcpShare - 1) {
      String tool = TOOLS.get((int) (toolQueries.getAndIncrement() % TOOLS.size()));
      return new Call.Tool(tool, Map.of("model", Traffic.MODEL));
    }
    long r = restQueries.getAndIncrement();
    RequestKind kind = REST.get((int) (r % REST.size()));
    return Call.Http.get(kind, path(kind, r));
  }

  private static String path(RequestKind kind, long r) {
    return switch (kind) {
      case DRIFT -> MODEL_PATH + "/drift";
      case ACCURACY -> MODEL_PATH + "/accuracy?window=24h";
      case DISTRIBUTION ->
          MODEL_PATH + "/features/f" + (r / REST.size() % Traffic.FEATURES) + "/distribution";
      case LOGS -> MODEL_PATH + "/logs?limit=50";
      case HEALTH -> MODEL_PATH + "/health";
      default -> throw new IllegalArgumentException(kind + " is not a REST query");
    };
  }
}
