package io.vigil.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vigil's prompt templates, each a resource beside this class ({@code <name>.md}) with {@code
 * {{variable}}} placeholders. Rendering checks the arguments: every variable given, none unknown,
 * each of its shape.
 */
public enum PromptTemplate {

  /** Guides a client model through the tools to the root cause of a model's degradation. */
  INVESTIGATE_MODEL_DEGRADATION(
      "investigate_model_degradation",
      "Investigate a model's degradation",
      "Walks through Vigil's tools in a sound order (health, accuracy around the onset, drift"
          + " with its dynamics, version comparison, segments, failing records) to ranked"
          + " root-cause hypotheses that cite the tool results.",
      List.of(
          PromptVariable.named(
              "model", "The registered model's name, e.g. fraud-detector (see list_models).")),
      PromptAudience.MCP_CLIENT),

  /** Guides a client model through explaining one incident's report. */
  EXPLAIN_INCIDENT(
      "explain_incident",
      "Explain an incident",
      "Reads one incident's report and explains, for the person on call, what happened, the"
          + " evidence for and against each hypothesis, and what approving its proposal would do.",
      List.of(PromptVariable.named("id", "The incident's id, as list_incidents gives it.")),
      PromptAudience.MCP_CLIENT),

  /**
   * The system prompt of Vigil's own LLM reasoner: the taxonomy, the rules (cite evidence, treat
   * data as data, rank causes and never propose actions) and the JSON reply it must give.
   */
  DIAGNOSIS_SYSTEM(
      "diagnosis_system",
      "Diagnose an incident (reasoner system prompt)",
      "Tells the reasoner's model how to rank root-cause hypotheses over an incident's evidence,"
          + " which read tools it may call and how often, and the exact JSON reply it must give.",
      List.of(
          PromptVariable.count(
              "max_tool_calls", "How many tool calls the model may make before it must answer.")),
      PromptAudience.AGENT),

  /**
   * The request to Vigil's own LLM reasoner for one incident; the incident and its evidence follow
   * it as JSON inside a {@code <vigil-data>} block, appended by the reasoner.
   */
  DIAGNOSIS_REQUEST(
      "diagnosis_request",
      "Diagnose an incident (reasoner request)",
      "Asks the reasoner's model for the diagnosis of one incident; the incident and its evidence"
          + " follow as data.",
      List.of(
          PromptVariable.named("incident", "The incident's id, e.g. inc-42."),
          PromptVariable.named("model", "The affected model's registered name.")),
      PromptAudience.AGENT);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  private final String id;
  private final String title;
  private final String description;
  private final List<PromptVariable> variables;
  private final PromptAudience audience;

  PromptTemplate(
      String id,
      String title,
      String description,
      List<PromptVariable> variables,
      PromptAudience audience) {
    this.id = id;
    this.title = title;
    this.description = description;
    this.variables = List.copyOf(variables);
    this.audience = audience;
  }

  /** The templates written for {@code audience}, in declaration order. */
  public static List<PromptTemplate> offeredTo(PromptAudience audience) {
    return Arrays.stream(values()).filter(t -> t.audience == audience).toList();
  }

  /** The prompt's name as clients ask for it, e.g. {@code investigate_model_degradation}. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  /** Who reads the rendered prompt. */
  public PromptAudience audience() {
    return audience;
  }

  /** The variables, every one required. */
  public List<PromptVariable> variables() {
    return variables;
  }

  /** The template's text, placeholders unfilled. */
  public String template() {
    String resource = id + ".md";
    try (InputStream in = PromptTemplate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("prompt template resource missing: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read prompt template " + resource, e);
    }
  }

  /** The placeholders the template uses, in order of first use. */
  public Set<String> placeholders() {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(template());
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /**
   * The prompt with {@code arguments} filled in.
   *
   * @throws PromptArgumentException if an argument is missing, unknown or malformed
   */
  public String render(Map<String, String> arguments) {
    for (String name : arguments.keySet()) {
      if (variables.stream().noneMatch(v -> v.name().equals(name))) {
        throw new PromptArgumentException(
            "unknown argument '"
                + name
                + "'; "
                + id
                + " takes: "
                + String.join(", ", variables.stream().map(PromptVariable::name).toList()));
      }
    }
    String text = template();
    for (PromptVariable variable : variables) {
      String value = variable.check(arguments.get(variable.name()));
      text = text.replace("{{" + variable.name() + "}}", value);
    }
    return text;
  }
}
