package io.vigil.agent.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficSplitTest {

  @Test
  void parse_readsSharesInOrder() {
    TrafficSplit split = TrafficSplit.parse(" v1 = 0.7, v2=0.2 ,v3=0.1");

    assertThat(split.shares())
        .containsExactly(Map.entry("v1", 0.7), Map.entry("v2", 0.2), Map.entry("v3", 0.1));
    assertThat(split).hasToString("v1=0.7,v2=0.2,v3=0.1");
  }

  @Test
  void parse_malformedText_namesThePart() {
    assertThatThrownBy(() -> TrafficSplit.parse("v1=0.9,v2"))
        .hasMessageContaining("'v2' in 'v1=0.9,v2' is not");
    assertThatThrownBy(() -> TrafficSplit.parse("v1=half,v2=0.5"))
        .hasMessageContaining("share of version v1 must be a number in (0, 1], was 'half'");
    assertThatThrownBy(() -> TrafficSplit.parse("v1=0.5,v1=0.5"))
        .hasMessageContaining("names version v1 twice");
    assertThatThrownBy(() -> TrafficSplit.parse("v1=1.5,v2=-0.5"))
        .hasMessageContaining("share of version v1 must be in (0, 1], was 1.5");
    assertThatThrownBy(() -> TrafficSplit.parse("v1=0.5,v2=0.4"))
        .hasMessageContaining("must sum to 1");
    assertThatThrownBy(() -> TrafficSplit.parse("")).isInstanceOf(IllegalArgumentException.class);
  }
}
