package io.vigil.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedOriginsTest {

  private final TrustedOrigins defaults = new TrustedOrigins(List.of(), List.of());
  private final TrustedOrigins configured =
      new TrustedOrigins(List.of("Vigil.Internal"), List.of("https://dash.example.com/"));

  @Test
  void loopbackHostsOnAnyPort_areTrustedByDefault() {
    assertThat(defaults.refuseHost("localhost:8080")).isEmpty();
    assertThat(defaults.refuseHost("127.0.0.1")).isEmpty();
    assertThat(defaults.refuseHost("[::1]:9000")).isEmpty();
    assertThat(defaults.refuseHost("vigil.internal:8080")).isPresent();
    assertThat(defaults.refuseHost("127.0.0.1.attacker.example")).isPresent();
    assertThat(defaults.refuseHost(null)).contains("the request has no Host header");
  }

  @Test
  void configuredHosts_areTrustedInAnyCase() {
    assertThat(configured.refuseHost("vigil.internal:8080")).isEmpty();
    assertThat(configured.refuseHost("VIGIL.INTERNAL")).isEmpty();
    assertThat(configured.refuseHost("other.internal")).isPresent();
  }

  @Test
  void noOriginOrALoopbackOne_isTrusted_andOthersOnlyWhenConfigured() {
    assertThat(defaults.refuseOrigin(null)).isEmpty();
    assertThat(defaults.refuseOrigin("http://localhost:6274")).isEmpty();
    assertThat(defaults.refuseOrigin("http://[::1]:3000")).isEmpty();
    assertThat(defaults.refuseOrigin("null")).isPresent();
    assertThat(defaults.refuseOrigin("https://dash.example.com")).isPresent();
    assertThat(configured.refuseOrigin("https://DASH.example.com")).isEmpty();
    assertThat(configured.refuseOrigin("https://dash.example.com:8443")).isPresent();
    assertThat(configured.refuseOrigin("http://dash.example.com")).isPresent();
  }

  @Test
  void aConfiguredOriginThatIsNotOne_isRefusedWithHowToWriteIt() {
    assertThatThrownBy(() -> new TrustedOrigins(List.of(), List.of("dash.example.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write scheme://host[:port]");
  }
}
