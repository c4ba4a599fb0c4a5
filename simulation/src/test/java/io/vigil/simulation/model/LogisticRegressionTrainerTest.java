package io.vigil.simulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.simulation.world.SampleWorld;
import io.vigil.simulation.world.World;
import io.vigil.tools.ingest.FeatureValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LogisticRegressionTrainerTest {

  private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
  private static final World WORLD = new World(SampleWorld.fraud(), 2026);
  private static final List<Example> TRAINING = examples(0, 4_000);
  private static final List<Example> HELD_OUT = examples(4_000, 8_000);

  @Test
  void train_wellSeparatedWorld_beatsTheFloorOnHeldOutRows() {
    LogisticModel model = train(1);

    Evaluation evaluation = Evaluation.of(model, HELD_OUT);

    assertThat(evaluation.examples()).isEqualTo(4_000);
    assertThat(evaluation.accuracy()).isGreaterThan(0.85);
  }

  @Test
  void train_recoversTheSignsOfTheLabelRule() {
    LogisticModel model = train(1);

    Map<String, Double> coefficients = model.coefficients();

    assertThat(coefficients)
        .containsOnlyKeys("amount", "age", "tenure", "channel=app", "channel=store", "channel=web");
    assertThat(coefficients.get("amount")).isGreaterThan(2.5);
    assertThat(coefficients.get("age")).isLessThan(-1.2);
    assertThat(Math.abs(coefficients.get("tenure"))).isLessThan(0.3);
    assertThat(coefficients.get("channel=web")).isGreaterThan(coefficients.get("channel=store"));
    assertThat(model.mostImportantTerm()).isEqualTo("amount");
  }

  @Test
  void train_sameSeed_givesIdenticalCoefficients() {
    LogisticModel first = train(7);

    LogisticModel second = train(7);

    assertThat(second.coefficients()).isEqualTo(first.coefficients());
    assertThat(second.intercept()).isEqualTo(first.intercept());
  }

  @Test
  void train_otherSeed_shufflesDifferentlyButLearnsTheSameRule() {
    LogisticModel first = train(7);

    LogisticModel second = train(8);

    assertThat(second.coefficients()).isNotEqualTo(first.coefficients());
    assertThat(Evaluation.of(second, HELD_OUT).accuracy())
        .isCloseTo(Evaluation.of(first, HELD_OUT).accuracy(), within(0.02));
  }

  @Test
  void brokenVersions_areClearlyWorse() {
    LogisticModel good = train(1);
    double goodAccuracy = Evaluation.of(good, HELD_OUT).accuracy();

    double flipped = Evaluation.of(Breakage.FLIP_TOP_COEFFICIENT.apply(good), HELD_OUT).accuracy();
    double constant = Evaluation.of(Breakage.CONSTANT_CLASS.apply(good), HELD_OUT).accuracy();

    assertThat(flipped).isLessThan(goodAccuracy - 0.2);
    assertThat(constant).isLessThan(goodAccuracy - 0.2);
    double negatives = HELD_OUT.stream().filter(e -> e.label().equals("ok")).count() / 4_000.0;
    assertThat(constant).isEqualTo(negatives);
  }

  @Test
  void predict_missingAndUnseenValues_countAsTheMeanAndNoCategory() {
    LogisticModel model = train(1);
    Map<String, FeatureValue> odd = new LinkedHashMap<>();
    odd.put("amount", FeatureValue.Missing.INSTANCE);
    odd.put("channel", new FeatureValue.Text("fax"));

    Prediction prediction = model.predict(odd);

    double expected = 1 / (1 + Math.exp(-model.intercept()));
    assertThat(prediction.probabilities().get("fraud")).isCloseTo(expected, within(1e-12));
  }

  @Test
  void train_exampleWithAnotherLabel_isRefusedNamingIt() {
    List<Example> examples = List.of(new Example(Map.of(), "maybe"));
    LogisticRegressionTrainer trainer = new LogisticRegressionTrainer(TrainingOptions.defaults(1));

    assertThatThrownBy(() -> trainer.train(examples, "fraud", "ok"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("labelled 'maybe' is neither class");
  }

  private static LogisticModel train(long seed) {
    return new LogisticRegressionTrainer(TrainingOptions.defaults(seed))
        .train(TRAINING, "fraud", "ok");
  }

  private static List<Example> examples(long from, long to) {
    return LongStream.range(from, to)
        .mapToObj(i -> WORLD.row(i, AT))
        .map(row -> new Example(row.inputs(), row.label()))
        .toList();
  }
}
