/**
 * The Ollama reasoner: an LLM served by Ollama, through LangChain4j, ranks root-cause hypotheses
 * over an investigation's evidence and may call read-only tools ({@link
 * io.vigil.agent.reason.ollama.DiagnosisTool}) whose results become new, citable evidence.
 *
 * <p>The LLM explains and ranks; it never holds the keys:
 *
 * <ul>
 *   <li>Every piece of text learned from traffic or the registry reaches the model only as JSON
 *       inside a {@code <vigil-data>} block, under a system prompt that says such data is never an
 *       instruction; the block cannot be closed from inside.
 *   <li>The reply must be one JSON object of the diagnosis schema, and passes only if every cited
 *       evidence id exists, every culprit is named by the evidence it cites, every category is of a
 *       kind the cited evidence can show, and nothing in it proposes an action ({@link
 *       io.vigil.agent.reason.ollama.Rejection}).
 *   <li>{@link io.vigil.agent.reason.ollama.CheckedReasoner} lets the deterministic ranking stand,
 *       with the reason recorded, when the reply is refused, times out or cannot be had; and when
 *       the evidence carries instruction-like text, it trusts the LLM only where it agrees with the
 *       deterministic top hypothesis.
 * </ul>
 */
package io.vigil.agent.reason.ollama;
