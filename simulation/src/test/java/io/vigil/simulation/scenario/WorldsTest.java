package io.vigil.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.simulation.world.WorldSpec;
import org.junit.jupiter.api.Test;

class WorldsTest {

  @Test
  void names_listTheShippedWorlds() {
    assertThat(Worlds.names()).containsExactly("credit");
  }

  @Test
  void named_credit_hasTheFeaturesTheScenariosUse() {
    WorldSpec credit = Worlds.named("credit");

    assertThat(credit.featureNames())
        .containsExactly(
            "income", "debt_ratio", "age", "tenure_months", "session_count", "channel", "product");
    assertThat(credit.numericFeature("session_count").orElseThrow().weight()).isZero();
    assertThat(credit.segment().attribute()).isEqualTo("region");
    assertThat(credit.segment().weights()).containsOnlyKeys("eu", "us", "apac");
    assertThat(credit.label().positiveClass()).isEqualTo("default");
    assertThat(credit.label().negativeClass()).isEqualTo("repaid");
  }

  @Test
  void named_unknown_listsTheShippedWorlds() {
    assertThatThrownBy(() -> Worlds.named("fraud"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no shipped world 'fraud'; shipped worlds: credit");
  }

  @Test
  void find_unknown_isEmpty() {
    assertThat(Worlds.find("fraud")).isEmpty();
  }
}
