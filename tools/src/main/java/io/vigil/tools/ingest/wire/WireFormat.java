package io.vigil.tools.ingest.wire;

/** How records are framed in a JSON payload. */
public enum WireFormat {
  /** One JSON array whose elements are the records ({@code application/json}). */
  JSON_ARRAY,
  /** One JSON object per line; blank lines are skipped ({@code application/x-ndjson}). */
  NDJSON
}
