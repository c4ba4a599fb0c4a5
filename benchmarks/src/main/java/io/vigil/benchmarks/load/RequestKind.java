package io.vigil.benchmarks.load;

/** What a request of the load run does; figures are reported per kind. */
enum RequestKind {
  INFERENCES("POST /inferences", true),
  LABELS("POST /labels", true),
  DRIFT("GET drift", false),
  ACCURACY("GET accuracy", false),
  DISTRIBUTION("GET feature distribution", false),
  LOGS("GET logs", false),
  HEALTH("GET health", false),
  MCP_TOOL("MCP tools/call", false);

  private final String label;
  private final boolean ingest;

  RequestKind(String label, boolean ingest) {
    this.label = label;
    this.ingest = ingest;
  }

  String label() {
    return label;
  }

  /** Ingest requests are the ones the server may refuse when it is full (429, Retry-After). */
  boolean ingest() {
    return ingest;
  }
}
