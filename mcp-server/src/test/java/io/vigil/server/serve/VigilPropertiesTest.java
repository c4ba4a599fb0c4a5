package io.vigil.server.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.access.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class VigilPropertiesTest {

  static VigilProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("vigil", VigilProperties.class);
  }

  @Test
  void defaults_embeddedStoreInVigilDataWithFiveMinuteWindows() {
    VigilProperties properties = bind(Map.of());

    assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("vigil-data"));
    assertThat(properties.storeSettings().url())
        .startsWith("jdbc:h2:file:" + properties.dataDir().toAbsolutePath())
        .endsWith(";DB_CLOSE_ON_EXIT=FALSE")
        .doesNotContain("AUTO_SERVER");
    assertThat(properties.ingest().settings().window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(properties.ingest().maxBodyBytes().toMegabytes()).isEqualTo(16);
    assertThat(properties.ingest().maxInFlightBytes().toMegabytes()).isEqualTo(256);
    assertThat(properties.ingest().settings().maxQueueDelay()).isEqualTo(Duration.ofSeconds(10));
    assertThat(properties.retention().rawRecords()).isEqualTo(Duration.ofDays(30));
    assertThat(properties.security().anonymous()).isEmpty();
  }

  @Test
  void anonymousRole_readOrIngestOnly_inAnyCase() {
    assertThat(bind(Map.of("vigil.security.anonymous-role", "Read")).security().anonymous())
        .contains(Role.READ);
    assertThat(bind(Map.of("vigil.security.anonymous-role", "ingest")).security().anonymous())
        .contains(Role.INGEST);
    assertThat(bind(Map.of("vigil.security.anonymous-role", "none")).security().anonymous())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"approve", "admin", "root", ""})
  void anonymousRole_thatCouldActOrIsUnknown_stopsTheServerNamingTheProperty(String role) {
    assertThatThrownBy(() -> bind(Map.of("vigil.security.anonymous-role", role)))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("vigil.security.anonymous-role must be none, read or ingest");
  }

  @Test
  void maxQueueDelay_reachesTheWriter_andMustBePositive() {
    VigilProperties properties = bind(Map.of("vigil.ingest.max-queue-delay", "3s"));

    assertThat(properties.ingest().settings().maxQueueDelay()).isEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(() -> bind(Map.of("vigil.ingest.max-queue-delay", "0s")))
        .rootCause()
        .hasMessageContaining("max-queue-delay");
  }

  @Test
  void storeUrl_opensThatStoreWithTheGivenPool() {
    VigilProperties properties =
        bind(
            Map.of(
                "vigil.store.url", "jdbc:postgresql://db:5432/vigil",
                "vigil.store.username", "vigil",
                "vigil.store.password", "secret",
                "vigil.store.pool-size", "20"));

    assertThat(properties.storeSettings().url()).isEqualTo("jdbc:postgresql://db:5432/vigil");
    assertThat(properties.storeSettings().maximumPoolSize()).isEqualTo(20);
    assertThat(properties.store().toString()).doesNotContain("secret");
  }

  @Test
  void windowNotDividingAnHour_failsNamingTheProperty() {
    assertThatThrownBy(() -> bind(Map.of("vigil.ingest.window", "7m")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("vigil.ingest.window");
  }

  @Test
  void inFlightBudgetBelowOneBody_fails() {
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "vigil.ingest.max-body-bytes", "16MB",
                        "vigil.ingest.max-in-flight-bytes", "8MB")))
        .rootCause()
        .hasMessageContaining("max-in-flight-bytes");
  }

  @Test
  void storeUrlOfAnotherDatabase_fails() {
    assertThatThrownBy(() -> bind(Map.of("vigil.store.url", "jdbc:mysql://db/vigil")))
        .rootCause()
        .hasMessageContaining("PostgreSQL");
  }
}
