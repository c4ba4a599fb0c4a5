package io.vigil.tools.incident;

/** Which reasoner decided a diagnosis. */
public enum ReasonerKind {
  /** The evidence-weighted rules: always available, same evidence gives the same diagnosis. */
  DETERMINISTIC,
  /** An LLM served by Ollama, through LangChain4j, whose reply passed the schema and checks. */
  OLLAMA
}
