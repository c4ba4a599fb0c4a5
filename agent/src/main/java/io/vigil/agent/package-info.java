/**
 * The incident graph: monitor, investigate, reason, act, verify. Filled by the agent issue; it may
 * depend on {@code io.vigil.tools} and {@code io.vigil.prompts}, never on the application.
 */
package io.vigil.agent;
