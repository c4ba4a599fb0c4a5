package io.vigil.agent.reason.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OllamaSettingsTest {

  private static final URI LOCAL = URI.create("http://localhost:11434");

  @Test
  void of_isRepeatable_temperatureZeroAndAFixedSeed() {
    OllamaSettings settings = OllamaSettings.of(LOCAL, "qwen2.5:7b-instruct");

    assertThat(settings.temperature()).isZero();
    assertThat(settings.seed()).isEqualTo(OllamaSettings.DEFAULT_SEED);
    assertThat(settings.maxToolCalls()).isEqualTo(OllamaSettings.DEFAULT_MAX_TOOL_CALLS);
    assertThat(settings.timeout()).isEqualTo(OllamaSettings.DEFAULT_TIMEOUT);
  }

  @Test
  void badSettings_sayWhatIsWrong() {
    assertThatThrownBy(() -> OllamaSettings.of(URI.create("ftp://x"), "m"))
        .hasMessageContaining("http or https");
    assertThatThrownBy(() -> OllamaSettings.of(LOCAL, " ")).hasMessageContaining("name the");
    assertThatThrownBy(() -> OllamaSettings.of(LOCAL, "m").withTimeout(Duration.ZERO))
        .hasMessageContaining("longer than zero");
    assertThatThrownBy(() -> OllamaSettings.of(LOCAL, "m").withMaxToolCalls(-1))
        .hasMessageContaining("maxToolCalls");
    assertThatThrownBy(() -> new OllamaSettings(LOCAL, "m", Duration.ofSeconds(1), 1, 3.0, 1))
        .hasMessageContaining("temperature");
  }

  @Test
  void retryPolicy_doublesItsPause_andNeedsOneAttempt() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), length -> {});

    assertThat(policy.pauseAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.pauseAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, length -> {}))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new CheckedReasoner(i -> null, i -> null, 0))
        .hasMessageContaining("at least 1");
  }
}
