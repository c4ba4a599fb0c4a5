package io.vigil.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Every kind of mistake in a scenario file is reported with the file, the field and the fix. */
class ScenarioReaderErrorTest {

  private static final String HEAD =
      """
      name: broken
      description: a scenario with a mistake
      """;
  private static final String EXPECTED =
      "expected: {category: covariate_drift, culprit: income, remediation: retrain}\n";

  @Test
  void unknownTopLevelKey_isNamedWithTheAllowedOnes() {
    assertError(HEAD + "world: credit\nfualts: []\n" + EXPECTED)
        .hasMessage(
            "broken.yaml: fualts: unknown key 'fualts'; allowed here: description, expected,"
                + " faults, name, traffic, world");
  }

  @Test
  void unknownFaultKey_isNamedAtItsPath() {
    assertError(
            HEAD
                + "world: credit\nfaults:\n"
                + "  - {kind: covariate_shift, feature: income, onset: 3h, magnitude: 1}\n"
                + "  - {kind: covariate_shift, feature: income, onset: 3h, magnitud: 1}\n"
                + EXPECTED)
        .hasMessageStartingWith("broken.yaml: faults[1].magnitud: unknown key 'magnitud'")
        .hasMessageContaining("magnitude");
  }

  @Test
  void badDuration_saysHowToWriteOne() {
    assertError(HEAD + "world: credit\ntraffic: {window: 5 minutes}\n" + EXPECTED)
        .hasMessage(
            "broken.yaml: traffic.window: '5 minutes' is not a duration; write a whole number"
                + " and a unit, e.g. 90s, 30m, 6h, 2d or 1h30m");
  }

  @Test
  void durationWithoutUnit_isRefused() {
    assertError(
            HEAD
                + "world: credit\nfaults:\n"
                + "  - {kind: covariate_shift, feature: income, onset: 4, magnitude: 1}\n"
                + EXPECTED)
        .hasMessageStartingWith("broken.yaml: faults[0].onset: expected a duration with a unit");
  }

  @Test
  void unknownEnumValue_listsTheAllowedValues() {
    assertError(
            HEAD
                + "world: credit\nfaults:\n"
                + "  - {kind: covariate_drift, feature: income, onset: 3h, magnitude: 1}\n"
                + EXPECTED)
        .hasMessageStartingWith("broken.yaml: faults[0].kind: unknown value 'covariate_drift';")
        .hasMessageContaining("one of: covariate_shift, concept_drift, prior_shift");
  }

  @Test
  void badMagnitude_isNamedAtItsPath() {
    assertError(
            HEAD
                + "world: credit\nfaults:\n"
                + "  - {kind: covariate_shift, feature: income, onset: 3h, magnitude: big}\n"
                + EXPECTED)
        .hasMessage("broken.yaml: faults[0].magnitude: expected a number, was 'big'");
  }

  @Test
  void unknownWorld_listsTheShippedWorlds() {
    assertError(HEAD + "world: credt\n" + EXPECTED)
        .hasMessageStartingWith(
            "broken.yaml: world: no shipped world 'credt'; shipped worlds: credit");
  }

  @Test
  void faultOnAFeatureTheWorldLacks_namesItAndListsTheWorldsFeatures() {
    assertError(
            HEAD
                + "world: credit\nfaults:\n"
                + "  - {kind: covariate_shift, feature: salary, onset: 3h, magnitude: 1}\n"
                + EXPECTED)
        .hasMessage(
            "broken.yaml: faults[0].feature: world 'credit' has no feature 'salary'; its"
                + " features: income, debt_ratio, age, tenure_months, session_count, channel,"
                + " product");
  }

  @Test
  void numericFaultOnACategoricalFeature_isRefused() {
    assertError(
            HEAD
                + "world: credit\nfaults:\n"
                + "  - {kind: unit_change, feature: channel, onset: 3h, magnitude: 1000}\n"
                + EXPECTED)
        .hasMessage(
            "broken.yaml: faults[0].feature: unit_change acts on a numeric feature; 'channel'"
                + " is not one");
  }

  @Test
  void fieldTheKindDoesNotUse_isRefused() {
    assertError(
            HEAD
                + "world: credit\nfaults:\n"
                + "  - {kind: prior_shift, feature: income, onset: 3h, magnitude: 1}\n"
                + EXPECTED)
        .hasMessage("broken.yaml: faults[0].feature: prior_shift takes no feature; remove it");
  }

  @Test
  void segmentTheWorldNeverDraws_listsItsSlices() {
    assertError(
            HEAD
                + "world: credit\nfaults:\n"
                + "  - {kind: segment_shift, segment: region=mars, feature: income, onset: 3h,"
                + " magnitude: 1}\n"
                + EXPECTED)
        .hasMessage(
            "broken.yaml: faults[0].segment: 'region=mars' is not a slice of world 'credit';"
                + " write region=VALUE with VALUE one of: apac, eu, us");
  }

  @Test
  void culpritTheWorldLacks_isRefused() {
    assertError(
            HEAD
                + "world: credit\n"
                + "expected: {category: covariate_drift, culprit: salary, remediation: retrain}\n")
        .hasMessageStartingWith(
            "broken.yaml: expected.culprit: 'salary' cannot be the culprit of covariate_drift;"
                + " name a feature of world 'credit': income,");
  }

  @Test
  void missingRequiredField_isNamed() {
    assertError(
            HEAD
                + "world: credit\nfaults:\n"
                + "  - {kind: covariate_shift, feature: income, magnitude: 1}\n"
                + EXPECTED)
        .hasMessage("broken.yaml: faults[0].onset: missing required field 'onset'");
  }

  @Test
  void missingExpectation_isNamed() {
    assertError(HEAD + "world: credit\n")
        .hasMessage("broken.yaml: expected: missing required field 'expected'");
  }

  @Test
  void invalidYamlSyntax_givesTheLine() {
    assertError(HEAD + "world: credit\nfaults: [\n  {kind: prior_shift\n" + EXPECTED)
        .hasMessageStartingWith("broken.yaml: line ")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void duplicateKey_isRefused() {
    assertError(HEAD + "world: credit\nworld: credit\n" + EXPECTED)
        .hasMessageStartingWith("broken.yaml: line 4")
        .hasMessageContaining("Duplicate field 'world'");
  }

  @Test
  void recordValidation_isReportedAtTheSection() {
    assertError(HEAD + "world: credit\ntraffic: {label_share: 1.5}\n" + EXPECTED)
        .hasMessage("broken.yaml: traffic: the label share must be in [0, 1], was 1.5");
  }

  @Test
  void rampOnASuddenFault_isRefusedByTheRecord() {
    assertError(
            HEAD
                + "world: credit\nfaults:\n"
                + "  - {kind: covariate_shift, feature: income, onset: 3h, ramp: 2h,"
                + " magnitude: 1}\n"
                + EXPECTED)
        .hasMessage("broken.yaml: faults[0]: COVARIATE_SHIFT: a SUDDEN fault's ramp must be 0");
  }

  @Test
  void onsetAfterTheRunEnds_isRefused() {
    assertError(
            HEAD
                + "world: credit\ntraffic: {duration: 6h}\nfaults:\n"
                + "  - {kind: covariate_shift, feature: income, onset: 7h, magnitude: 1}\n"
                + EXPECTED)
        .hasMessage(
            "broken.yaml: faults[0].onset: the onset 7h is not before the run's end"
                + " (traffic.duration 6h)");
  }

  @Test
  void badScenarioName_isReportedByTheRecord() {
    assertError("name: Broken Name\ndescription: x\nworld: credit\n" + EXPECTED)
        .hasMessageStartingWith("broken.yaml: a scenario name is 1-64 lower-case letters");
  }

  @Test
  void emptyFile_isRefused() {
    assertError("").hasMessage("broken.yaml: the file is empty");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertError(String yaml) {
    return assertThatThrownBy(
            () ->
                ScenarioReader.read(
                    "broken.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ScenarioException.class);
  }
}
