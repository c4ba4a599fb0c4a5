package io.vigil.tools.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.store.JsonColumn;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON the writer stores reads back as the maps it was written from. */
class JsonTextTest {

  @Test
  void everyCharacterBelow128AndBeyond_readsBack() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 128; c++) {
      all.append(c);
    }
    all.append("é ☃ 𝄞 \u2028\u2029");
    Map<String, String> strings = new LinkedHashMap<>();
    strings.put(all.toString(), all.reverse().toString());
    strings.put("", "");

    assertThat(JsonColumn.readStrings(JsonText.strings(strings))).isEqualTo(strings);
    assertThat(JsonText.strings(Map.of("a\"b", "c\\d\u0001")))
        .isEqualTo("{\"a\\\"b\":\"c\\\\d\\u0001\"}");
  }

  @Test
  void numbers_readBackAsTheSameDoubles() {
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("zero", 0.0);
    numbers.put("negative zero", -0.0);
    numbers.put("tiny", Double.MIN_VALUE);
    numbers.put("huge", Double.MAX_VALUE);
    numbers.put("third", 1.0 / 3);
    numbers.put("whole", 42.0);

    assertThat(JsonColumn.readNumbers(JsonText.numbers(numbers))).isEqualTo(numbers);
  }

  @Test
  void featureMap_writesEachKindAndRefusesARepeatedName() {
    FeatureMap.Builder builder = new FeatureMap.Builder();
    assertThat(builder.add("amount", new FeatureValue.Numeric(-0.0))).isTrue();
    assertThat(builder.add("note", new FeatureValue.Text("say \"hi\"\n"))).isTrue();
    assertThat(builder.add("flag", new FeatureValue.Bool(true))).isTrue();
    assertThat(builder.add("gone", FeatureValue.Missing.INSTANCE)).isTrue();
    char[] literal = "x1E2x".toCharArray();
    assertThat(builder.addNumber("rooms", 100, literal, 1, 3)).isTrue();
    char[] longLiteral = "0.1000000000000000000000000000001".toCharArray();
    assertThat(builder.addNumber("ratio", 0.1, longLiteral, 0, longLiteral.length)).isTrue();
    assertThat(builder.add("note", new FeatureValue.Text("again"))).isFalse();

    FeatureMap features = builder.build();

    assertThat(features.json())
        .isEqualTo(
            "{\"amount\":-0.0,\"note\":\"say \\\"hi\\\"\\n\",\"flag\":true,\"gone\":null,"
                + "\"rooms\":1E2,\"ratio\":0.1}");
    assertThat(FeatureJson.read(features.json())).isEqualTo(features);
    assertThat(FeatureMap.of(new LinkedHashMap<>(features)).json())
        .as("a plain map is encoded the same way, its numbers in shortest form")
        .isEqualTo(features.json().replace("1E2", "100.0"));
  }
}
