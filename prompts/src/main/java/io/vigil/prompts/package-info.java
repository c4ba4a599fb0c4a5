/**
 * Prompt templates, kept as resources behind a typed holder ({@link
 * io.vigil.prompts.PromptTemplate}) and tested like code: rendering, required variables, length.
 * The MCP server offers them as MCP prompts; the agent will use its own from here too.
 */
package io.vigil.prompts;
