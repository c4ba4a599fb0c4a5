package io.vigil.simulation.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.ingest.FeatureValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void stream_samePurposeAndIndex_drawsTheSame() {
    RandomStreams streams = new RandomStreams(42);

    long first = streams.stream("route", 9).nextLong();
    long second = streams.stream("route", 9).nextLong();

    assertThat(second).isEqualTo(first);
    assertThat(streams.stream("route", 10).nextLong()).isNotEqualTo(first);
    assertThat(streams.stream("latency", 9).nextLong()).isNotEqualTo(first);
  }

  @Test
  void row_aFeatureAddedToTheSpec_leavesEveryOtherDrawAsItWas() {
    WorldSpec base = SampleWorld.fraud();
    List<NumericFeature> numeric = new ArrayList<>(base.numeric());
    numeric.add(new NumericFeature("unused", 0, 1, 0));
    WorldSpec wider =
        new WorldSpec(base.name(), numeric, base.categorical(), base.segment(), base.label());

    Row before = new World(base, 5).row(77, AT);
    Row after = new World(wider, 5).row(77, AT);

    Map<String, FeatureValue> shared = new LinkedHashMap<>(after.population());
    shared.remove("unused");
    assertThat(shared).isEqualTo(before.population());
    assertThat(after.segment()).isEqualTo(before.segment());
    assertThat(after.label()).isEqualTo(before.label());
  }

  @Test
  void chain_appliesItsTransformsInOrder() {
    List<String> calls = new ArrayList<>();
    RowTransform first = new Recording("first", calls);
    RowTransform second = new Recording("second", calls);
    World world = new World(SampleWorld.fraud(), 1, RowTransform.chain(List.of(first, second)));

    world.row(0, AT);

    assertThat(calls)
        .containsExactly(
            "first:population",
            "second:population",
            "first:logOdds",
            "second:logOdds",
            "first:inputs",
            "second:inputs");
  }

  private record Recording(String name, List<String> calls) implements RowTransform {
    @Override
    public Draw population(Draw draw, SplittableRandom random) {
      calls.add(name + ":population");
      return draw;
    }

    @Override
    public double logOdds(Draw draw, double logOdds, SplittableRandom random) {
      calls.add(name + ":logOdds");
      return logOdds;
    }

    @Override
    public Map<String, FeatureValue> inputs(
        Draw draw, Map<String, FeatureValue> inputs, SplittableRandom random) {
      calls.add(name + ":inputs");
      return inputs;
    }
  }
}
