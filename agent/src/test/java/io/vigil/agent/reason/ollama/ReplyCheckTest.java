package io.vigil.agent.reason.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.prompts.PromptTemplate;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RootCause;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schema and the checks, without a server. */
class ReplyCheckTest {

  private static Diagnosis check(String reply) {
    return new ReplyCheck(Incidents.covariateDrift().evidence(), "credit")
        .check(ReplyParser.parse(reply));
  }

  private static String one(String category, String culprit, String confidence, String ids) {
    return """
        {"hypotheses": [{"category": "%s", "culprit": "%s", "confidence": %s,
          "evidence_ids": %s, "explanation": "why"}], "ruled_out": [], "summary": "what"}
        """
        .formatted(category, culprit, confidence, ids);
  }

  @Test
  void aGoodReply_becomesAnOllamaDiagnosis() {
    Diagnosis diagnosis = check(Incidents.goodReply());

    assertThat(diagnosis.decidedBy()).isEqualTo(ReasonerKind.OLLAMA);
    assertThat(diagnosis.hypotheses()).hasSize(2);
    assertThat(diagnosis.ruledOut()).hasSize(2);
  }

  @Test
  void aReplyInACodeFence_isRead() {
    Diagnosis diagnosis = check("```json\n" + Incidents.goodReply() + "\n```");

    assertThat(diagnosis.top().culprit()).isEqualTo("income");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not JSON | Sure! The cause is drift. | MALFORMED_JSON",
        "an array | [] | MALFORMED_JSON",
        "empty | '' | MALFORMED_JSON",
        "no hypotheses | {\"hypotheses\": [], \"ruled_out\": [], \"summary\": \"s\"} | SCHEMA_VIOLATION",
        "no summary | {\"hypotheses\": [], \"ruled_out\": []} | SCHEMA_VIOLATION",
        "extra field | {\"hypotheses\": [], \"ruled_out\": [], \"summary\": \"s\", \"next\": 1} |"
            + " SCHEMA_VIOLATION",
        "a key twice | {\"summary\": \"s\", \"summary\": \"t\"} | MALFORMED_JSON",
      })
  void aBrokenReply_isRefused(String what, String reply, Rejection rejection) {
    assertThatThrownBy(() -> check(reply))
        .isInstanceOfSatisfying(
            ReplyRejectedException.class, e -> assertThat(e.rejection()).isEqualTo(rejection));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown category | GREMLINS | income | 0.5 | [\"E2\"] | UNKNOWN_CATEGORY",
        "confidence above 1 | COVARIATE_DRIFT | income | 1.5 | [\"E2\"] | CONFIDENCE_OUT_OF_RANGE",
        "negative confidence | COVARIATE_DRIFT | income | -0.1 | [\"E2\"] |"
            + " CONFIDENCE_OUT_OF_RANGE",
        "confidence as text | COVARIATE_DRIFT | income | \"high\" | [\"E2\"] | SCHEMA_VIOLATION",
        "made-up evidence | COVARIATE_DRIFT | income | 0.5 | [\"E2\", \"E42\"] | UNKNOWN_EVIDENCE",
        "no evidence | COVARIATE_DRIFT | income | 0.5 | [] | SCHEMA_VIOLATION",
        "culprit not in evidence | COVARIATE_DRIFT | age | 0.5 | [\"E2\"] | UNKNOWN_CULPRIT",
        "culprit named elsewhere | COVARIATE_DRIFT | v2 | 0.5 | [\"E2\"] | UNKNOWN_CULPRIT",
        "wrong kind of evidence | SEGMENT_LOCAL | income | 0.5 | [\"E2\"] | UNSUPPORTED_CATEGORY",
        "none that blames | NONE | income | 0.5 | [\"E1\"] | UNKNOWN_CULPRIT",
        "an action as culprit | BAD_MODEL_VERSION | rollback | 0.5 | [\"E3\"] | UNKNOWN_CULPRIT",
      })
  void aHypothesisThatFailsACheck_isRefused(
      String what,
      String category,
      String culprit,
      String confidence,
      String ids,
      Rejection rejection) {
    String reply = one(category, culprit, confidence, ids);

    assertThatThrownBy(() -> check(reply))
        .isInstanceOfSatisfying(
            ReplyRejectedException.class, e -> assertThat(e.rejection()).isEqualTo(rejection));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "serving for infrastructure | INFRASTRUCTURE | serving | [\"E4\"]",
        "the model for concept drift | CONCEPT_DRIFT | credit | [\"E1\"]",
        "the serving version for concept drift | CONCEPT_DRIFT | v2 | [\"E1\"]",
        "a version the comparison names | BAD_MODEL_VERSION | v1 | [\"E3\"]",
        "nothing for none | NONE | '' | [\"E4\"]",
        "lower-case category | covariate_drift | income | [\"E2\"]",
      })
  void aHypothesisThatPassesEveryCheck_stands(
      String what, String category, String culprit, String ids) {
    Diagnosis diagnosis = check(one(category, culprit, "0.6", ids));

    assertThat(diagnosis.top().culprit()).isEqualTo(culprit);
  }

  @Test
  void thePriorShiftOfTheLabels_isBlamedOnTheLabels() {
    List<Evidence> evidence = new ArrayList<>(Incidents.covariateDrift().evidence());
    evidence.add(
        Incidents.evidence(
            "E5",
            EvidenceKind.CLASS_BALANCE,
            "@label",
            "the share of class yes rose from 0.10 to 0.25",
            Map.of("share_before", 0.10, "share_after", 0.25),
            "get_feature_distribution",
            Map.of("feature", "@label")));

    Diagnosis diagnosis =
        new ReplyCheck(evidence, "credit")
            .check(ReplyParser.parse(one("PRIOR_SHIFT", "@label", "0.7", "[\"E5\"]")));

    assertThat(diagnosis.top().culprit()).isEqualTo("@label");
  }

  @Test
  void aRuledOutCitingMadeUpEvidence_isRefused() {
    String reply = Incidents.goodReply().replace("[\"E3\"]", "[\"E30\"]");

    assertThatThrownBy(() -> check(reply))
        .isInstanceOfSatisfying(
            ReplyRejectedException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(Rejection.UNKNOWN_EVIDENCE);
              assertThat(e).hasMessageContaining("ruled_out 1 cites E30");
            });
  }

  @ParameterizedTest
  @CsvSource({
    "v2 should be rolled back to v1",
    "We recommend retraining on the last week",
    "Shift traffic to v1",
    "approve the rollback",
    "revert the deployment",
  })
  void anExplanationThatProposesAnAction_isRefused(String explanation) {
    String reply = Incidents.goodReply().replace("income drifted (KS 0.31)", explanation);

    assertThatThrownBy(() -> check(reply))
        .isInstanceOfSatisfying(
            ReplyRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.PROPOSES_ACTION));
  }

  @Test
  void theSystemPrompt_listsTheEvidenceKindsTheCheckAccepts_forEachCategory() {
    String system = PromptTemplate.DIAGNOSIS_SYSTEM.render(Map.of("max_tool_calls", "3"));

    for (RootCause category : RootCause.values()) {
      if (category == RootCause.NONE) {
        continue;
      }
      String line =
          system
              .lines()
              .filter(l -> l.startsWith("- " + category.name() + ":"))
              .findFirst()
              .orElseThrow();
      String listed = line.substring(line.indexOf("Evidence:"));
      assertThat(ReplyCheck.supportFor(category))
          .as(category.name())
          .allMatch(kind -> listed.contains(kind.name()));
      assertThat(EnumSet.complementOf(EnumSet.copyOf(ReplyCheck.supportFor(category))))
          .as(category.name())
          .noneMatch(kind -> listed.matches(".*\\b" + kind.name() + "\\b.*"));
    }
  }

  @Test
  void theSystemPrompt_namesEveryCategory_andTheSchemaFields() {
    String system = PromptTemplate.DIAGNOSIS_SYSTEM.render(Map.of("max_tool_calls", "3"));

    assertThat(system).contains(Arrays.stream(RootCause.values()).map(Enum::name).toList());
    assertThat(system).contains(ReplyParser.HYPOTHESIS_FIELDS).contains(ReplyParser.ROOT_FIELDS);
    assertThat(system).contains(ReplyParser.RULED_OUT_FIELDS).contains(ReplyCheck.SERVING);
    assertThat(system).contains(ReplyCheck.LABELS, ReplyCheck.PREDICTIONS);
  }
}
