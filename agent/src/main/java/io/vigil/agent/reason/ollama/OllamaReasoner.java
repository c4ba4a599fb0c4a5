package io.vigil.agent.reason.ollama;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.ollama.OllamaChatModel;
import io.vigil.agent.investigate.Investigation;
import io.vigil.agent.reason.Reasoner;
import io.vigil.agent.reason.Reasoning;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Asks a model served by Ollama to rank root-cause hypotheses over an investigation's evidence,
 * letting it call read-only tools (each result a new evidence item) up to its budget, and returns
 * its answer only if it passes the schema and the checks ({@link ReplyCheck}). It never falls back
 * itself: a refused answer is a {@link ReplyRejectedException}, a transport failure or timeout is
 * LangChain4j's exception; {@link CheckedReasoner} turns them into the deterministic ranking.
 */
public final class OllamaReasoner implements Reasoner {

  private final ChatModel chat;
  private final OllamaSettings settings;
  private final List<DiagnosisTool> tools;

  public OllamaReasoner(OllamaSettings settings, List<DiagnosisTool> tools) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.tools = List.copyOf(tools);
    this.chat =
        OllamaChatModel.builder()
            .baseUrl(settings.baseUrl().toString())
            .modelName(settings.model())
            .temperature(settings.temperature())
            .seed(settings.seed())
            .timeout(settings.timeout())
            // CheckedReasoner decides about retries, by exception type
            .maxRetries(0)
            .build();
  }

  public OllamaSettings settings() {
    return settings;
  }

  /**
   * @throws ReplyRejectedException if the answer fails the schema or the checks
   * @throws dev.langchain4j.exception.LangChain4jException if Ollama cannot be reached, answers
   *     with an error, or times out
   */
  @Override
  public Diagnosis diagnose(Investigation investigation) {
    return reason(investigation).diagnosis();
  }

  /**
   * The checked diagnosis with the evidence the model's tool calls gathered.
   *
   * @throws ReplyRejectedException if the answer fails the schema or the checks, with the evidence
   *     the model's tool calls gathered before it
   * @throws dev.langchain4j.exception.LangChain4jException if Ollama cannot be reached, answers
   *     with an error, or times out
   */
  @Override
  public Reasoning reason(Investigation investigation) {
    String model = investigation.incident().model();
    ToolBox box = new ToolBox(tools, model, settings.maxToolCalls(), investigation.evidence());
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(DiagnosisPrompt.system(box.callsLeft()));
    messages.add(DiagnosisPrompt.request(investigation));
    try {
      AiMessage answer = converse(messages, box);
      List<Evidence> known = new ArrayList<>(investigation.evidence());
      known.addAll(box.gathered());
      ParsedReply reply = ReplyParser.parse(answer.text());
      Diagnosis diagnosis = new ReplyCheck(known, model).check(reply);
      return new Reasoning(diagnosis, box.gathered());
    } catch (ReplyRejectedException refused) {
      // the model read its tool results before the refused reply: they go with the refusal
      throw refused.after(box.gathered());
    }
  }

  /**
   * Chats until the model answers without calling a tool. Each round with tool calls spends at
   * least one call of the budget, so there are at most budget + 1 rounds.
   */
  private AiMessage converse(List<ChatMessage> messages, ToolBox box) {
    while (true) {
      List<ToolSpecification> offered = box.offered();
      ChatRequest.Builder request = ChatRequest.builder().messages(messages);
      if (offered.isEmpty()) {
        request.responseFormat(ReplySchema.FORMAT);
      } else {
        request.toolSpecifications(offered);
      }
      AiMessage answer = chat.chat(request.build()).aiMessage();
      if (!answer.hasToolExecutionRequests()) {
        return answer;
      }
      if (offered.isEmpty()) {
        throw new ReplyRejectedException(
            Rejection.TOOL_BUDGET_EXCEEDED,
            "the model called "
                + answer.toolExecutionRequests().get(0).name()
                + " when no tool calls were left (budget "
                + settings.maxToolCalls()
                + ")");
      }
      messages.add(answer);
      for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
        messages.add(ToolExecutionResultMessage.from(call, box.call(call)));
      }
    }
  }
}
