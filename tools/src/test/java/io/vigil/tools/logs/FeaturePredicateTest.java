package io.vigil.tools.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.registry.FeatureKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeaturePredicateTest {

  @Test
  void parse_numericComparison_readsFeatureOperatorAndNumber() {
    FeaturePredicate predicate = FeaturePredicate.parse("age > 60");

    assertThat(predicate.feature()).isEqualTo("age");
    assertThat(predicate.operator()).isEqualTo(PredicateOperator.GREATER_THAN);
    assertThat(predicate.operands()).containsExactly(new FeatureValue.Numeric(60));
  }

  @Test
  void parse_inList_readsEveryValueIncludingQuotedOnes() {
    FeaturePredicate predicate = FeaturePredicate.parse("city in (paris, lyon, 'new york')");

    assertThat(predicate.operator()).isEqualTo(PredicateOperator.IN);
    assertThat(predicate.operands())
        .containsExactly(
            new FeatureValue.Text("paris"),
            new FeatureValue.Text("lyon"),
            new FeatureValue.Text("new york"));
  }

  @Test
  void parse_withoutSpacesAndWithEveryOperator_readsTheOperator() {
    assertThat(FeaturePredicate.parse("x<=1").operator())
        .isEqualTo(PredicateOperator.LESS_OR_EQUAL);
    assertThat(FeaturePredicate.parse("x>=1").operator())
        .isEqualTo(PredicateOperator.GREATER_OR_EQUAL);
    assertThat(FeaturePredicate.parse("x<1").operator()).isEqualTo(PredicateOperator.LESS_THAN);
    assertThat(FeaturePredicate.parse("x!=a").operator()).isEqualTo(PredicateOperator.NOT_EQUALS);
    assertThat(FeaturePredicate.parse("x == a").operator()).isEqualTo(PredicateOperator.EQUALS);
    assertThat(FeaturePredicate.parse("x IN (1)").operator()).isEqualTo(PredicateOperator.IN);
  }

  @Test
  void parse_isMissingInBothSpellings_takesNoValue() {
    FeaturePredicate underscore = FeaturePredicate.parse("income is_missing");
    FeaturePredicate words = FeaturePredicate.parse("income is missing");

    assertThat(underscore).isEqualTo(words);
    assertThat(underscore.operator()).isEqualTo(PredicateOperator.IS_MISSING);
    assertThat(underscore.operands()).isEmpty();
  }

  @Test
  void parse_booleansAndQuotedFeatureNames_areTyped() {
    FeaturePredicate predicate = FeaturePredicate.parse("`is new` = TRUE");

    assertThat(predicate.feature()).isEqualTo("is new");
    assertThat(predicate.operands()).containsExactly(new FeatureValue.Bool(true));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "age > 60",
        "city in (paris, lyon, 'new york')",
        "`is new` = true",
        "income is_missing",
        "zip = '75001'",
        "amount <= 1000.5"
      })
  void toString_readsBackToTheSamePredicate(String text) {
    FeaturePredicate predicate = FeaturePredicate.parse(text);

    assertThat(FeaturePredicate.parse(predicate.toString())).isEqualTo(predicate);
  }

  @Test
  void parse_unknownOperator_namesItAndListsTheOperators() {
    assertThatThrownBy(() -> FeaturePredicate.parse("age ~ 60"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("age ~ 60")
        .hasMessageContaining("expected an operator after 'age'")
        .hasMessageContaining("=, !=, <, <=, >, >=, in, is_missing");
  }

  @Test
  void parse_orderingWithText_saysItComparesNumbers() {
    assertThatThrownBy(() -> FeaturePredicate.parse("age > old"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'>' compares numbers")
        .hasMessageContaining("old");
  }

  @Test
  void parse_malformedInputs_sayWhatWentWrong() {
    assertThatThrownBy(() -> FeaturePredicate.parse(""))
        .hasMessageContaining("the predicate is empty");
    assertThatThrownBy(() -> FeaturePredicate.parse("age >"))
        .hasMessageContaining("expected a value after the operator on 'age'");
    assertThatThrownBy(() -> FeaturePredicate.parse("city in paris"))
        .hasMessageContaining("'in' takes a list in parentheses");
    assertThatThrownBy(() -> FeaturePredicate.parse("city in (paris, lyon"))
        .hasMessageContaining("not closed with ')'");
    assertThatThrownBy(() -> FeaturePredicate.parse("city = 'paris"))
        .hasMessageContaining("is not closed");
    assertThatThrownBy(() -> FeaturePredicate.parse("age > 60 60"))
        .hasMessageContaining("unexpected '60' after the value");
    assertThatThrownBy(() -> FeaturePredicate.parse("age = null"))
        .hasMessageContaining("age is_missing");
    assertThatThrownBy(() -> FeaturePredicate.parse("age is present"))
        .hasMessageContaining("unknown operator 'is present'");
  }

  @Test
  void typedFor_categoricalFeature_turnsNumbersIntoTheirText() {
    FeaturePredicate predicate = FeaturePredicate.parse("zip in (75001, 69002.0)");

    FeaturePredicate typed = predicate.typedFor(FeatureKind.CATEGORICAL);

    assertThat(typed.operands())
        .containsExactly(new FeatureValue.Text("75001"), new FeatureValue.Text("69002"));
  }

  @Test
  void typedFor_mismatchedKinds_explainsTheFix() {
    assertThatThrownBy(() -> FeaturePredicate.parse("city > 3").typedFor(FeatureKind.CATEGORICAL))
        .hasMessageContaining("feature 'city' is categorical, so '>' does not apply");
    assertThatThrownBy(() -> FeaturePredicate.parse("age = old").typedFor(FeatureKind.NUMERIC))
        .hasMessageContaining("feature 'age' is numeric; compare it with a number");
    assertThatThrownBy(() -> FeaturePredicate.parse("flag = yes").typedFor(FeatureKind.BOOLEAN))
        .hasMessageContaining("compare it with true or false");
  }

  @Test
  void matches_missingValue_matchesOnlyIsMissing() {
    FeatureValue missing = FeatureValue.Missing.INSTANCE;

    assertThat(FeaturePredicate.parse("x is_missing").matches(missing)).isTrue();
    assertThat(FeaturePredicate.parse("x != 3").matches(missing)).isFalse();
    assertThat(FeaturePredicate.parse("x < 3").matches(missing)).isFalse();
    assertThat(FeaturePredicate.parse("x is_missing").matches(new FeatureValue.Numeric(1)))
        .isFalse();
  }

  @Test
  void matches_comparesNumbersNumericallyAndTextExactly() {
    assertThat(FeaturePredicate.parse("x > 1000").matches(new FeatureValue.Numeric(1000.01)))
        .isTrue();
    assertThat(FeaturePredicate.parse("x > 1000").matches(new FeatureValue.Numeric(1000)))
        .isFalse();
    assertThat(FeaturePredicate.parse("x >= 1000").matches(new FeatureValue.Numeric(1000)))
        .isTrue();
    assertThat(FeaturePredicate.parse("x = 3").matches(new FeatureValue.Numeric(3.0))).isTrue();
    assertThat(FeaturePredicate.parse("c in (a, b)").matches(new FeatureValue.Text("b"))).isTrue();
    assertThat(FeaturePredicate.parse("c != a").matches(new FeatureValue.Text("A"))).isTrue();
    assertThat(FeaturePredicate.parse("f = false").matches(new FeatureValue.Bool(false))).isTrue();
  }

  @Test
  void constructor_wrongOperandCount_isRefused() {
    assertThatThrownBy(
            () ->
                new FeaturePredicate(
                    "x",
                    PredicateOperator.EQUALS,
                    List.of(new FeatureValue.Numeric(1), new FeatureValue.Numeric(2))))
        .hasMessageContaining("'=' takes one value");
    assertThatThrownBy(() -> new FeaturePredicate("x", PredicateOperator.IN, List.of()))
        .hasMessageContaining("'in' needs at least one value");
  }
}
