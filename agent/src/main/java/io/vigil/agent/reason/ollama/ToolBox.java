package io.vigil.agent.reason.ollama;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceQuery;
import io.vigil.tools.registry.UnknownModelException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools the model may call in one diagnosis, with its budget: each call that succeeds becomes
 * the next evidence item ({@code E<n+1>}), each call counts against the budget whether it succeeds
 * or not.
 */
final class ToolBox {

  private final Map<String, DiagnosisTool> tools = new LinkedHashMap<>();
  private final String model;
  private final int budget;
  private final List<Evidence> gathered = new ArrayList<>();
  private int nextId;
  private int calls;

  /**
   * @param known the investigation's evidence, whose highest id the new ids follow
   */
  ToolBox(List<DiagnosisTool> tools, String model, int budget, List<Evidence> known) {
    for (DiagnosisTool tool : tools) {
      if (this.tools.put(tool.name(), tool) != null) {
        throw new IllegalArgumentException("two tools are named " + tool.name());
      }
    }
    this.model = model;
    this.budget = budget;
    this.nextId =
        known.stream().mapToInt(e -> Integer.parseInt(e.id().substring(1))).max().orElse(0) + 1;
  }

  /** The tools to offer, none once the budget is spent. */
  List<ToolSpecification> offered() {
    return callsLeft() > 0
        ? tools.values().stream().map(DiagnosisTool::specification).toList()
        : List.of();
  }

  int callsLeft() {
    return tools.isEmpty() ? 0 : budget - calls;
  }

  /** The evidence the calls so far produced. */
  List<Evidence> gathered() {
    return List.copyOf(gathered);
  }

  /**
   * Runs {@code request}, if the budget allows, and says what came of it, in words for the model.
   */
  String call(ToolExecutionRequest request) {
    if (callsLeft() <= 0) {
      return DiagnosisPrompt.toolError(
          "not run: all " + budget + " tool calls are spent", callsLeft());
    }
    calls++;
    DiagnosisTool tool = tools.get(request.name());
    if (tool == null) {
      return DiagnosisPrompt.toolError(
          "there is no tool named '" + request.name() + "'; the tools are " + tools.keySet(),
          callsLeft());
    }
    try {
      ToolFinding finding = tool.run(model, ToolArguments.parse(request.arguments()));
      Evidence evidence = evidence(tool.name(), finding);
      gathered.add(evidence);
      return DiagnosisPrompt.toolResult(evidence, callsLeft());
    } catch (IllegalArgumentException | UnknownModelException e) {
      return DiagnosisPrompt.toolError(String.valueOf(e.getMessage()), callsLeft());
    }
  }

  private Evidence evidence(String tool, ToolFinding finding) {
    Map<String, String> arguments = new LinkedHashMap<>(finding.arguments());
    arguments.put("model", model);
    return new Evidence(
        "E" + nextId++,
        finding.kind(),
        finding.subject(),
        finding.finding(),
        finding.figures(),
        new EvidenceQuery(tool, arguments));
  }
}
