package io.vigil.agent.reason.ollama;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Ollama reasoner reaches its model and how much it may do.
 *
 * @param baseUrl the Ollama server, e.g. {@code http://localhost:11434}
 * @param model the Ollama model's name, e.g. {@code qwen2.5:7b-instruct}
 * @param timeout the longest one chat request may take; past it the deterministic ranking stands
 * @param maxToolCalls how many tool calls the model may make in one diagnosis, 0 for none
 * @param temperature the sampling temperature, 0 for the most repeatable answers
 * @param seed the sampling seed, so that the same evidence gives the same answer
 */
public record OllamaSettings(
    URI baseUrl, String model, Duration timeout, int maxToolCalls, double temperature, int seed) {

  /** Enough for a few drill-downs; each call costs a round trip to the model. */
  public static final int DEFAULT_MAX_TOOL_CALLS = 4;

  /** A local 7B model answers a diagnosis in well under this on a CPU. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  /** The seed used unless one is given: any fixed value makes runs repeatable. */
  public static final int DEFAULT_SEED = 42;

  /** The most tool calls allowed: the prompt states the budget as at most three digits. */
  static final int MAX_TOOL_CALLS_LIMIT = 999;

  public OllamaSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException(
          "the Ollama base URL must be http or https, e.g. http://localhost:11434, was " + baseUrl);
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("name the Ollama model, e.g. qwen2.5:7b-instruct");
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be longer than zero, was " + timeout);
    }
    if (maxToolCalls < 0 || maxToolCalls > MAX_TOOL_CALLS_LIMIT) {
      throw new IllegalArgumentException(
          "maxToolCalls must be in [0, " + MAX_TOOL_CALLS_LIMIT + "], was " + maxToolCalls);
    }
    if (!(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException("temperature must be in [0, 2], was " + temperature);
    }
  }

  /** Temperature 0, the default seed, timeout and tool budget. */
  public static OllamaSettings of(URI baseUrl, String model) {
    return new OllamaSettings(
        baseUrl, model, DEFAULT_TIMEOUT, DEFAULT_MAX_TOOL_CALLS, 0.0, DEFAULT_SEED);
  }

  public OllamaSettings withTimeout(Duration newTimeout) {
    return new OllamaSettings(baseUrl, model, newTimeout, maxToolCalls, temperature, seed);
  }

  public OllamaSettings withMaxToolCalls(int calls) {
    return new OllamaSettings(baseUrl, model, timeout, calls, temperature, seed);
  }
}
