package io.vigil.agent.reason.ollama;

/** Why an LLM's diagnosis was refused. */
public enum Rejection {
  /** The reply is not one JSON object. */
  MALFORMED_JSON,
  /** A field is missing, has the wrong type, or is not in the schema (e.g. an "action"). */
  SCHEMA_VIOLATION,
  /** A category is not one of the root-cause taxonomy's. */
  UNKNOWN_CATEGORY,
  /** A confidence lies outside [0, 1]. */
  CONFIDENCE_OUT_OF_RANGE,
  /** An evidence id that neither the investigation nor the model's own tool calls produced. */
  UNKNOWN_EVIDENCE,
  /** A culprit that the cited evidence does not name. */
  UNKNOWN_CULPRIT,
  /** A category that none of the cited evidence is of a kind to support. */
  UNSUPPORTED_CATEGORY,
  /** The reply proposes a remediation; the reasoner only ranks causes. */
  PROPOSES_ACTION,
  /** The model kept calling tools after its budget was spent. */
  TOOL_BUDGET_EXCEEDED,
  /**
   * The evidence carries instruction-like text and the model's ranking departs from the
   * evidence-weighted one.
   */
  SUSPECTED_INJECTION,
  /**
   * The model blames a version (which would propose a rollback) and the evidence-weighted ranking
   * does not.
   */
  UNCORROBORATED_ROLLBACK
}
