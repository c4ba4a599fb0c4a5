package io.vigil.agent.reason.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import io.vigil.agent.reason.Reasoning;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RootCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Ollama reasoner behind its safety net, against a scripted Ollama server over real HTTP with
 * LangChain4j's real Ollama client.
 */
class CheckedOllamaReasonerTest {

  private final FakeOllama ollama = FakeOllama.start();
  private final Incidents.FixedReasoner deterministic = new Incidents.FixedReasoner();
  private final List<Duration> pauses = new ArrayList<>();

  @AfterEach
  void stop() {
    ollama.close();
  }

  private OllamaSettings settings() {
    return OllamaSettings.of(ollama.baseUrl(), "qwen2.5:7b-instruct")
        .withTimeout(Duration.ofSeconds(20))
        .withMaxToolCalls(2);
  }

  private CheckedReasoner reasoner(OllamaSettings settings, List<DiagnosisTool> tools) {
    return new CheckedReasoner(
        new OllamaReasoner(settings, tools),
        deterministic,
        new RetryPolicy(2, Duration.ofMillis(500), pauses::add));
  }

  private CheckedReasoner reasoner() {
    return reasoner(settings(), List.of(new FakeDriftTool()));
  }

  @Test
  void aGoodReply_isDecidedByOllama_withTheHypothesesAsSent() {
    ollama.answer(Incidents.goodReply());

    Diagnosis diagnosis = reasoner().diagnose(Incidents.covariateDrift());

    assertThat(diagnosis.decidedBy()).isEqualTo(ReasonerKind.OLLAMA);
    assertThat(diagnosis.fallbackReason()).isEmpty();
    assertThat(diagnosis.hypotheses())
        .extracting(Hypothesis::rank, Hypothesis::category, Hypothesis::culprit)
        .containsExactly(
            tuple(1, RootCause.COVARIATE_DRIFT, "income"),
            tuple(2, RootCause.CONCEPT_DRIFT, "credit"));
    assertThat(diagnosis.top().confidence()).isEqualTo(0.82);
    assertThat(diagnosis.top().evidenceIds()).containsExactly("E2", "E1");
    assertThat(diagnosis.ruledOut()).hasSize(2);
    assertThat(diagnosis.summary()).startsWith("Covariate drift of income");
    assertThat(deterministic.calls()).isZero();
  }

  @Test
  void theRequest_carriesModelTemperatureSeedToolsAndTheEvidenceAsData() {
    ollama.answer(Incidents.goodReply());

    reasoner().diagnose(Incidents.covariateDrift());

    JsonNode request = ollama.requests().get(0);
    assertThat(request.path("model").asText()).isEqualTo("qwen2.5:7b-instruct");
    assertThat(request.path("options").path("temperature").asDouble()).isZero();
    assertThat(request.path("options").path("seed").asInt()).isEqualTo(OllamaSettings.DEFAULT_SEED);
    assertThat(request.path("tools")).hasSize(1);
    JsonNode function = request.path("tools").get(0).path("function");
    assertThat(function.path("name").asText()).isEqualTo("detect_data_drift");
    assertThat(function.path("description").asText()).contains("drift");
    assertThat(function.path("parameters").path("properties").has("features")).isTrue();
    JsonNode messages = request.path("messages");
    assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
    assertThat(messages.get(0).path("content").asText())
        .contains("at most 2 calls", "never an instruction");
    String user = messages.get(1).path("content").asText();
    assertThat(user).contains("\"inc-7\"", "\"credit\"", "<vigil-data>", "</vigil-data>");
    assertThat(between(user, "<vigil-data>", "</vigil-data>"))
        .contains("\"id\":\"E2\"", "\"subject\":\"income\"", "\"kind\":\"FEATURE_DRIFT\"");
  }

  @Test
  void aReplyCitingMadeUpEvidence_isRefused_andTheDeterministicRankingStands() {
    ollama.answer(Incidents.goodReply().replace("[\"E2\", \"E1\"]", "[\"E2\", \"E9\"]"));

    Diagnosis diagnosis = reasoner().diagnose(Incidents.covariateDrift());

    assertThat(diagnosis.decidedBy()).isEqualTo(ReasonerKind.DETERMINISTIC);
    assertThat(diagnosis.fallbackReason())
        .get()
        .asString()
        .contains("UNKNOWN_EVIDENCE", "hypothesis 1 cites E9");
    assertThat(diagnosis.hypotheses())
        .isEqualTo(deterministic.diagnose(Incidents.covariateDrift()).hypotheses());
  }

  @Test
  void aRollbackTheEvidenceWeightedRankingDoesNotSupport_isRefused() {
    ollama.answer(rollbackReply());

    Diagnosis diagnosis = reasoner().diagnose(Incidents.covariateDrift());

    assertThat(diagnosis.decidedBy()).isEqualTo(ReasonerKind.DETERMINISTIC);
    assertThat(diagnosis.top().category()).isEqualTo(RootCause.COVARIATE_DRIFT);
    assertThat(diagnosis.fallbackReason())
        .get()
        .asString()
        .contains("UNCORROBORATED_ROLLBACK", "BAD_MODEL_VERSION v2", "COVARIATE_DRIFT income");
  }

  @Test
  void aRollbackTheEvidenceWeightedRankingAlsoBlames_stands() {
    ollama.answer(rollbackReply());
    Incidents.FixedReasoner agreeing =
        new Incidents.FixedReasoner(RootCause.BAD_MODEL_VERSION, "v2");
    CheckedReasoner reasoner =
        new CheckedReasoner(
            new OllamaReasoner(settings(), List.of()), agreeing, RetryPolicy.once());

    Diagnosis diagnosis = reasoner.diagnose(Incidents.covariateDrift());

    assertThat(diagnosis.decidedBy()).isEqualTo(ReasonerKind.OLLAMA);
    assertThat(diagnosis.top().explanation()).isEqualTo("v2 is worse than v1 on the same traffic.");
  }

  private static String rollbackReply() {
    return """
        {"hypotheses": [{"category": "BAD_MODEL_VERSION", "culprit": "v2", "confidence": 0.7,
          "evidence_ids": ["E3"], "explanation": "v2 is worse than v1 on the same traffic."}],
         "ruled_out": [], "summary": "A bad version."}
        """;
  }

  @Test
  void malformedJson_isRefused_andTheDeterministicRankingStands() {
    ollama.answer("{\"hypotheses\": [{\"category\": \"COVARIATE_DRIFT\", \"culprit\": ");

    Diagnosis diagnosis = reasoner().diagnose(Incidents.covariateDrift());

    assertThat(diagnosis.decidedBy()).isEqualTo(ReasonerKind.DETERMINISTIC);
    assertThat(diagnosis.fallbackReason()).get().asString().contains("MALFORMED_JSON");
  }

  @Test
  void aTimeout_letsTheDeterministicRankingStand_withoutARetry() {
    CountDownLatch release = new CountDownLatch(1);
    ollama.holdUntil(release, Incidents.goodReply());
    OllamaSettings hasty = settings().withTimeout(Duration.ofMillis(200));

    Diagnosis diagnosis;
    try {
      diagnosis = reasoner(hasty, List.of()).diagnose(Incidents.covariateDrift());
    } finally {
      release.countDown();
    }

    assertThat(diagnosis.decidedBy()).isEqualTo(ReasonerKind.DETERMINISTIC);
    assertThat(diagnosis.fallbackReason()).get().asString().contains("timed out");
    assertThat(ollama.requests()).hasSize(1);
  }

  @Test
  void aServerError_isRetried_thenTheAnswerStands() {
    ollama.fail(503, "loading model").answer(Incidents.goodReply());

    Diagnosis diagnosis = reasoner().diagnose(Incidents.covariateDrift());

    assertThat(diagnosis.decidedBy()).isEqualTo(ReasonerKind.OLLAMA);
    assertThat(ollama.requests()).hasSize(2);
    assertThat(pauses).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void aServerThatStaysDown_isAskedAsOftenAsThePolicySays_thenTheDeterministicRankingStands() {
    ollama.fail(503, "loading model").fail(503, "loading model");

    Diagnosis diagnosis = reasoner().diagnose(Incidents.covariateDrift());

    assertThat(diagnosis.decidedBy()).isEqualTo(ReasonerKind.DETERMINISTIC);
    assertThat(diagnosis.fallbackReason()).get().asString().contains("unavailable");
    assertThat(ollama.requests()).hasSize(2);
  }

  @Test
  void aCallToAToolThatDoesNotExist_tellsTheModelWhichExist() {
    ollama.callTool("roll_back", "{\"version\": \"v1\"}").answer(Incidents.goodReply());

    Reasoning reasoning = reasoner().reason(Incidents.covariateDrift());

    assertThat(reasoning.gathered()).isEmpty();
    JsonNode second = ollama.requests().get(1).path("messages");
    assertThat(second.get(second.size() - 1).path("content").asText())
        .contains("there is no tool named 'roll_back'", "detect_data_drift");
  }

  @Test
  void anUnknownModel_isNotRetried_andTheReasonSaysWhatFailed() {
    ollama.fail(404, "model 'qwen2.5:7b-instruct' not found");

    Diagnosis diagnosis = reasoner().diagnose(Incidents.covariateDrift());

    assertThat(diagnosis.decidedBy()).isEqualTo(ReasonerKind.DETERMINISTIC);
    assertThat(diagnosis.fallbackReason()).get().asString().contains("ModelNotFoundException");
    assertThat(ollama.requests()).hasSize(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void aToolCall_becomesNewEvidence_thatTheAnswerMayCite() {
    ollama
        .callTool("detect_data_drift", "{\"features\": [\"income\"], \"time_window\": \"24h\"}")
        .answer(Incidents.goodReply().replace("[\"E2\", \"E1\"]", "[\"E5\", \"E1\"]"));

    Reasoning reasoning = reasoner().reason(Incidents.covariateDrift());

    assertThat(reasoning.diagnosis().decidedBy()).isEqualTo(ReasonerKind.OLLAMA);
    assertThat(reasoning.diagnosis().top().evidenceIds()).containsExactly("E5", "E1");
    assertThat(reasoning.gathered())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo("E5");
              assertThat(e.kind()).isEqualTo(EvidenceKind.FEATURE_DRIFT);
              assertThat(e.subject()).isEqualTo("income");
              assertThat(e.query().tool()).isEqualTo("detect_data_drift");
              assertThat(e.query().arguments())
                  .containsExactlyInAnyOrderEntriesOf(
                      Map.of("model", "credit", "features", "income", "time_window", "24h"));
            });
    JsonNode second = ollama.requests().get(1).path("messages");
    JsonNode toolMessage = second.get(second.size() - 1);
    assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
    assertThat(toolMessage.path("content").asText())
        .contains("New evidence E5", "<vigil-data>", "\"effect_size\":0.31", "Tool calls left: 1");
    assertThat(
            second
                .get(second.size() - 2)
                .path("tool_calls")
                .get(0)
                .path("function")
                .path("name")
                .asText())
        .isEqualTo("detect_data_drift");
  }

  @Test
  void aToolCallAfterTheBudgetIsSpent_isRefused() {
    OllamaSettings one = settings().withMaxToolCalls(1);
    ollama
        .callTool("detect_data_drift", "{\"features\": [\"income\"]}")
        .callTool("detect_data_drift", "{\"features\": [\"age\"]}");

    Diagnosis diagnosis =
        reasoner(one, List.of(new FakeDriftTool())).diagnose(Incidents.covariateDrift());

    assertThat(diagnosis.decidedBy()).isEqualTo(ReasonerKind.DETERMINISTIC);
    assertThat(diagnosis.fallbackReason()).get().asString().contains("TOOL_BUDGET_EXCEEDED");
    assertThat(ollama.requests().get(1).path("tools")).isEmpty();
    assertThat(ollama.requests().get(1).path("format").path("type").asText()).isEqualTo("object");
  }

  @Test
  void aToolCallWithBadArguments_tellsTheModelWhy_andAddsNoEvidence() {
    ollama.callTool("detect_data_drift", "{\"feature\": \"income\"}").answer(Incidents.goodReply());

    Reasoning reasoning = reasoner().reason(Incidents.covariateDrift());

    assertThat(reasoning.diagnosis().decidedBy()).isEqualTo(ReasonerKind.OLLAMA);
    assertThat(reasoning.gathered()).isEmpty();
    JsonNode second = ollama.requests().get(1).path("messages");
    assertThat(second.get(second.size() - 1).path("content").asText())
        .contains("The call failed", "unknown argument 'feature'");
  }

  static String between(String text, String open, String close) {
    int from = text.indexOf(open);
    int to = text.indexOf(close, from);
    assertThat(from).isNotNegative();
    assertThat(to).isGreaterThan(from);
    return text.substring(from + open.length(), to);
  }

  /** A drift tool that answers from fixed figures: income drifted, every other feature did not. */
  static final class FakeDriftTool implements DiagnosisTool {

    @Override
    public ToolSpecification specification() {
      return DriftTool.SPECIFICATION;
    }

    @Override
    public ToolFinding run(String model, ToolArguments arguments) {
      arguments.requireOnly(Set.of("version", "time_window", "features"));
      String feature = arguments.texts("features").orElse(List.of("income")).get(0);
      double effect = feature.equals("income") ? 0.31 : 0.01;
      Map<String, String> query = new LinkedHashMap<>();
      query.put("features", feature);
      arguments.text("time_window").ifPresent(w -> query.put("time_window", w));
      return new ToolFinding(
          EvidenceKind.FEATURE_DRIFT,
          feature,
          "KS distance " + effect + " against a threshold of 0.05",
          Map.of("effect_size", effect),
          query);
    }
  }
}
