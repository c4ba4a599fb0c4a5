/**
 * Prompt templates, kept as resources behind a typed holder and tested like code. The agent and MCP
 * prompt issues fill this module; until then it holds no templates.
 */
package io.vigil.prompts;
