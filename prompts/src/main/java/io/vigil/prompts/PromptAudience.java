package io.vigil.prompts;

/** Who a prompt template is written for. */
public enum PromptAudience {
  /** A client model talking to Vigil over MCP: offered as an MCP prompt. */
  MCP_CLIENT,
  /** Vigil's own incident agent (its LLM reasoner): never offered over MCP. */
  AGENT
}
