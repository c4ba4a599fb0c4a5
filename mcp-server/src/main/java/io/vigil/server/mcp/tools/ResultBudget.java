package io.vigil.server.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a tool's answer within {@value #MAX_RESULT_CHARS} characters of JSON (structured content
 * and text together), so that no answer floods a model's context. Long texts are cut first, then
 * the largest list is halved until the answer fits: ranked lists keep their head (the most
 * relevant), time series their tail (the newest). Every cut is listed in the answer's {@value
 * Truncation#PROPERTY} property.
 */
final class ResultBudget {

  /** The cap on one answer, stated in every tool's description. */
  static final int MAX_RESULT_CHARS = 20_000;

  /** Room left for the result's envelope (content type, isError) around the two parts. */
  private static final int ENVELOPE_CHARS = 200;

  /** The longest single text value kept whole: longer ones are ingested data, not figures. */
  static final int MAX_TEXT_CHARS = 500;

  private final String hint;
  private final Map<String, Long> removed = new LinkedHashMap<>();
  private final Map<String, String> messages = new LinkedHashMap<>();

  private ResultBudget(String hint) {
    this.hint = hint;
  }

  /**
   * {@code answer} cut to fit beside a text of {@code textChars} JSON characters.
   *
   * @param hint how to ask for what was cut, e.g. "ask for fewer features"
   * @return the answer, with a {@code truncated} list when something was cut; empty when even the
   *     smallest form does not fit
   */
  static Optional<ObjectNode> fit(
      ObjectNode answer, int textChars, String hint, List<Truncation> earlierCuts) {
    ResultBudget budget = new ResultBudget(hint);
    for (Truncation cut : earlierCuts) {
      budget.removed.merge(cut.path(), cut.removed(), Long::sum);
      budget.messages.put(cut.path(), cut.message());
    }
    return budget.cut(answer, MAX_RESULT_CHARS - ENVELOPE_CHARS - textChars);
  }

  private Optional<ObjectNode> cut(ObjectNode answer, int budget) {
    shortenTexts(answer, "");
    while (size(answer) > budget) {
      Optional<Located> largest = largestList(answer, "", null);
      if (largest.isEmpty()) {
        return Optional.empty();
      }
      halve(largest.get());
      answer.set(Truncation.PROPERTY, notes());
    }
    if (!removed.isEmpty()) {
      answer.set(Truncation.PROPERTY, notes());
    }
    return size(answer) > budget ? Optional.empty() : Optional.of(answer);
  }

  private void shortenTexts(JsonNode node, String path) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        String at = path + "/" + field.getKey();
        if (field.getValue().isTextual() && field.getValue().asText().length() > MAX_TEXT_CHARS) {
          String text = field.getValue().asText();
          field.setValue(TextNode.valueOf(text.substring(0, MAX_TEXT_CHARS) + "…"));
          record(
              at,
              text.length() - MAX_TEXT_CHARS,
              "long text cut to " + MAX_TEXT_CHARS + " characters");
        } else {
          shortenTexts(field.getValue(), at);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode item = array.get(i);
        if (item.isTextual() && item.asText().length() > MAX_TEXT_CHARS) {
          String text = item.asText();
          array.set(i, TextNode.valueOf(text.substring(0, MAX_TEXT_CHARS) + "…"));
          record(
              path + "/*",
              text.length() - MAX_TEXT_CHARS,
              "long text cut to " + MAX_TEXT_CHARS + " characters");
        } else {
          shortenTexts(item, path + "/*");
        }
      }
    }
  }

  /** An array, where it is, its name and its serialized size. */
  private record Located(ArrayNode array, String path, String name, int size) {

    /**
     * Which list to halve first: a long list of large items. Weighing by the item count as well as
     * the size cuts a version's 48 buckets before the list of two versions, and a hundred ranked
     * features before each feature's dozen scores.
     */
    double weight() {
      return (double) size * array.size();
    }
  }

  private Optional<Located> largestList(JsonNode node, String path, String name) {
    Optional<Located> best = Optional.empty();
    if (node instanceof ArrayNode array && array.size() > 0) {
      best = Optional.of(new Located(array, path, name, size(array)));
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (!field.getKey().equals(Truncation.PROPERTY)) {
          best =
              larger(
                  best, largestList(field.getValue(), path + "/" + field.getKey(), field.getKey()));
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode item : array) {
        best = larger(best, largestList(item, path + "/*", name));
      }
    }
    return best;
  }

  private static Optional<Located> larger(Optional<Located> a, Optional<Located> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return b.get().weight() > a.get().weight() ? b : a;
  }

  private void halve(Located list) {
    ArrayNode array = list.array();
    int before = array.size();
    int keep = before / 2;
    boolean newestLast = Truncation.chronologicalLists().contains(list.name());
    List<JsonNode> kept = new ArrayList<>();
    for (int i = newestLast ? before - keep : 0; kept.size() < keep; i++) {
      kept.add(array.get(i));
    }
    array.removeAll();
    array.addAll(kept);
    record(
        list.path(),
        before - keep,
        newestLast
            ? "the oldest entries were removed, the newest kept"
            : "the first entries (ranked most relevant first) were kept, the rest removed");
  }

  private void record(String path, long count, String what) {
    removed.merge(path, count, Long::sum);
    messages.put(path, what + "; " + hint);
  }

  private ArrayNode notes() {
    ArrayNode notes = ToolJson.MAPPER.createArrayNode();
    removed.forEach(
        (path, count) -> notes.add(ToolJson.tree(new Truncation(path, count, messages.get(path)))));
    return notes;
  }

  private static int size(JsonNode node) {
    return ToolJson.write(node).length();
  }
}
