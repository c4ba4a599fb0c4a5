package io.vigil.server.hostile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the hostile corpus: every {@code *.json} file under {@code src/test/resources/hostile},
 * each an array of cases. A case names what it is aimed at and carries the request as a client
 * would send it:
 *
 * <ul>
 *   <li>REST: {@code route} ({@code "POST /api/v1/models/{model}/labels"}, as in the route table),
 *       optionally {@code method} (another than the route's), {@code vars} (path variables,
 *       percent-encoded here; those left out get a valid value) or {@code raw_path} (sent as
 *       written), {@code query} (name to value, or to a list of values) or {@code raw_query},
 *       {@code content_type}, {@code accept}, and a body: {@code body} (text), {@code body_json} (a
 *       JSON value, written compactly), {@code body_ndjson} (lines: a JSON value is written
 *       compactly, a string as its text), {@code body_base64} (bytes that are not text) or {@code
 *       body_repeat}.
 *   <li>MCP: {@code tool} and {@code arguments}, optionally {@code repeat_argument} (an argument
 *       whose value is generated); or {@code mcp_raw} / {@code mcp_raw_repeat}, a JSON-RPC message
 *       posted as is.
 * </ul>
 *
 * <p>{@code body_repeat} and its kin generate large inputs when the case is sent, so that they are
 * never committed: {@code {"head": "[", "unit": "{}, ", "bytes": 10485760, "tail": "{}]"}} repeats
 * the unit until the body reaches that many bytes (or {@code times} units). Text may refer to the
 * seeded store's {@code {{incident}}} and {@code {{proposal}}}, and write {@code
 * {{repeat:10000:m}}} for a long run of one unit. {@code names} is a substring the answer must
 * contain (the field or parameter at fault).
 */
final class HostileCorpus {

  static final String DIRECTORY = "hostile";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  /** {@code {{repeat:N:unit}}}: the unit N times, for long names and values. */
  private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(\\d+):([^}]*)}}");

  private static final Set<String> REST_FIELDS =
      Set.of(
          "name",
          "route",
          "method",
          "vars",
          "raw_path",
          "query",
          "raw_query",
          "content_type",
          "accept",
          "body",
          "body_json",
          "body_ndjson",
          "body_base64",
          "body_repeat",
          "names");
  private static final Set<String> MCP_FIELDS =
      Set.of("name", "tool", "arguments", "repeat_argument", "names");
  private static final Set<String> RAW_FIELDS =
      Set.of("name", "mcp_raw", "mcp_raw_repeat", "names");

  private final Map<String, String> substitutions;
  private final Map<String, String> defaultVariables;

  /**
   * @param substitutions {@code {{key}}} to its value in the seeded store
   * @param defaultVariables a valid value for each path variable a case leaves out
   */
  HostileCorpus(Map<String, String> substitutions, Map<String, String> defaultVariables) {
    this.substitutions = Map.copyOf(substitutions);
    this.defaultVariables = Map.copyOf(defaultVariables);
  }

  /** Every case of every corpus file, in file then array order. */
  List<HostileCase> load() {
    List<HostileCase> cases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Path file : files()) {
      JsonNode entries = read(file);
      if (!entries.isArray()) {
        throw new IllegalStateException(file + ": expected a JSON array of cases");
      }
      for (JsonNode entry : entries) {
        HostileCase parsed = parse(file, entry);
        if (!names.add(parsed.name())) {
          throw new IllegalStateException(file + ": a second case is named " + parsed.name());
        }
        cases.add(parsed);
      }
    }
    return cases;
  }

  private static List<Path> files() {
    URL directory = HostileCorpus.class.getClassLoader().getResource(DIRECTORY);
    if (directory == null) {
      throw new IllegalStateException("no " + DIRECTORY + "/ on the test class path");
    }
    try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus file " + file, e);
    }
  }

  private HostileCase parse(Path file, JsonNode entry) {
    String name = text(entry, "name").orElseThrow(() -> invalid(file, entry, "no name"));
    String where = file.getFileName() + " / " + name;
    if (entry.has("tool")) {
      requireOnly(where, entry, MCP_FIELDS);
      return mcpTool(name, entry);
    }
    if (entry.has("mcp_raw") || entry.has("mcp_raw_repeat")) {
      requireOnly(where, entry, RAW_FIELDS);
      Supplier<byte[]> body =
          entry.has("mcp_raw")
              ? bytes(substitute(entry.get("mcp_raw").asText()))
              : repeat(entry.get("mcp_raw_repeat"));
      return new HostileCase.McpRaw(name, body, text(entry, "names"));
    }
    requireOnly(where, entry, REST_FIELDS);
    return rest(where, name, entry);
  }

  private HostileCase.Rest rest(String where, String name, JsonNode entry) {
    String route = text(entry, "route").orElseThrow(() -> new IllegalStateException(where));
    String[] parts = route.split(" ", 2);
    if (parts.length != 2 || !parts[1].startsWith("/")) {
      throw new IllegalStateException(where + ": route must read 'METHOD /path', was " + route);
    }
    String path =
        text(entry, "raw_path").map(this::substitute).orElseGet(() -> fill(where, parts[1], entry));
    String query = query(entry);
    Map<String, String> headers = new LinkedHashMap<>();
    text(entry, "content_type").ifPresent(type -> headers.put("Content-Type", type));
    headers.put("Accept", text(entry, "accept").orElse("application/json"));
    return new HostileCase.Rest(
        name,
        route,
        text(entry, "method").orElse(parts[0]),
        query.isEmpty() ? path : path + "?" + query,
        headers,
        body(entry),
        text(entry, "names"));
  }

  /** The route's pattern with each variable replaced, percent-encoded. */
  private String fill(String where, String pattern, JsonNode entry) {
    JsonNode vars = entry.path("vars");
    Matcher matcher = VARIABLE.matcher(pattern);
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String variable = matcher.group(1);
      String value =
          vars.has(variable)
              ? substitute(vars.get(variable).asText())
              : substitute(defaultVariables.getOrDefault(variable, "x"));
      matcher.appendReplacement(path, Matcher.quoteReplacement(PercentEncoding.encode(value)));
    }
    matcher.appendTail(path);
    Iterator<String> given = vars.fieldNames();
    while (given.hasNext()) {
      String variable = given.next();
      if (!pattern.contains("{" + variable + "}")) {
        throw new IllegalStateException(where + ": the route has no variable " + variable);
      }
    }
    return path.toString();
  }

  private String query(JsonNode entry) {
    if (entry.has("raw_query")) {
      return substitute(entry.get("raw_query").asText());
    }
    List<String> pairs = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = entry.path("query").properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      List<JsonNode> values = new ArrayList<>();
      if (field.getValue().isArray()) {
        field.getValue().forEach(values::add);
      } else {
        values.add(field.getValue());
      }
      for (JsonNode value : values) {
        pairs.add(
            PercentEncoding.encode(field.getKey())
                + "="
                + PercentEncoding.encode(substitute(value.asText())));
      }
    }
    return String.join("&", pairs);
  }

  private Optional<Supplier<byte[]>> body(JsonNode entry) {
    if (entry.has("body")) {
      return Optional.of(bytes(substitute(entry.get("body").asText())));
    }
    if (entry.has("body_json")) {
      return Optional.of(bytes(substitute(entry.get("body_json").toString())));
    }
    if (entry.has("body_ndjson")) {
      StringBuilder lines = new StringBuilder();
      entry
          .get("body_ndjson")
          .forEach(line -> lines.append(line.isTextual() ? line.asText() : line).append('\n'));
      return Optional.of(bytes(substitute(lines.toString())));
    }
    if (entry.has("body_base64")) {
      byte[] decoded = Base64.getDecoder().decode(entry.get("body_base64").asText());
      return Optional.of(decoded::clone);
    }
    if (entry.has("body_repeat")) {
      return Optional.of(repeat(entry.get("body_repeat")));
    }
    return Optional.empty();
  }

  private HostileCase.McpTool mcpTool(String name, JsonNode entry) {
    Map<String, Object> arguments =
        entry.has("arguments")
            ? JSON.convertValue(entry.get("arguments"), new TypeReference<Map<String, Object>>() {})
            : Map.of();
    JsonNode repeated = entry.get("repeat_argument");
    Supplier<Map<String, Object>> supplier =
        () -> {
          Map<String, Object> call = new LinkedHashMap<>(substituted(arguments));
          if (repeated != null) {
            byte[] value = repeat(repeated).get();
            call.put(repeated.get("argument").asText(), new String(value, StandardCharsets.UTF_8));
          }
          return call;
        };
    return new HostileCase.McpTool(
        name, entry.get("tool").asText(), supplier, text(entry, "names"));
  }

  private Map<String, Object> substituted(Map<String, Object> arguments) {
    Map<String, Object> copy = new LinkedHashMap<>();
    arguments.forEach(
        (key, value) -> copy.put(key, value instanceof String text ? substitute(text) : value));
    return copy;
  }

  /** {@code {"head", "unit", "tail"}} with {@code bytes} (total size) or {@code times}. */
  private Supplier<byte[]> repeat(JsonNode spec) {
    String head = substitute(spec.path("head").asText(""));
    String unit = spec.path("unit").asText();
    String tail = substitute(spec.path("tail").asText(""));
    if (unit.isEmpty()) {
      throw new IllegalStateException("a repeat needs a non-empty unit: " + spec);
    }
    long times =
        spec.has("times")
            ? spec.get("times").asLong()
            : Math.max(
                1, spec.get("bytes").asLong() / unit.getBytes(StandardCharsets.UTF_8).length);
    return () -> {
      StringBuilder text = new StringBuilder(head);
      for (long i = 0; i < times; i++) {
        text.append(unit);
      }
      return text.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    };
  }

  private String substitute(String text) {
    String result = text;
    for (Map.Entry<String, String> substitution : substitutions.entrySet()) {
      result = result.replace("{{" + substitution.getKey() + "}}", substitution.getValue());
    }
    Matcher repeat = REPEAT.matcher(result);
    StringBuilder expanded = new StringBuilder();
    while (repeat.find()) {
      String unit = repeat.group(2);
      repeat.appendReplacement(
          expanded, Matcher.quoteReplacement(unit.repeat(Integer.parseInt(repeat.group(1)))));
    }
    return repeat.appendTail(expanded).toString();
  }

  private static Supplier<byte[]> bytes(String text) {
    byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
    return encoded::clone;
  }

  private static Optional<String> text(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static void requireOnly(String where, JsonNode entry, Set<String> fields) {
    entry
        .fieldNames()
        .forEachRemaining(
            field -> {
              if (!fields.contains(field)) {
                throw new IllegalStateException(where + ": unknown field " + field);
              }
            });
  }

  private static IllegalStateException invalid(Path file, JsonNode entry, String problem) {
    return new IllegalStateException(file + ": " + problem + " in " + entry);
  }
}
