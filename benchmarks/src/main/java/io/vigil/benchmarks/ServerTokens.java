package io.vigil.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * API tokens for the {@code vigil serve} a benchmark starts, made as a person would: {@code vigil
 * token create} from the built jar, against the store the server will open (before it holds an
 * embedded store).
 */
public final class ServerTokens {

  private ServerTokens() {}

  /**
   * A new token's secret.
   *
   * @param store the store options, e.g. {@code --data-dir D} or {@code --store-url U
   *     --store-username N}
   */
  public static String create(Path jar, String role, String name, List<String> store)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", jar.toString(), "token"));
    command.addAll(List.of("create", "--role", role, "--name", name));
    command.addAll(store);
    Process create =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String output = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // The secret is the last line: a JVM option (JAVA_TOOL_OPTIONS, a flight recording) may print
    // before it.
    String token = output.strip().lines().reduce((first, last) -> last).orElse("").strip();
    if (create.waitFor() != 0 || token.isEmpty()) {
      throw new IllegalStateException(
          "vigil token create failed (exit " + create.exitValue() + "): " + command);
    }
    return token;
  }
}
