package io.vigil.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dashboard in a real browser against a real server: Playwright ({@code playwright-core}, from
 * npm) drives Debian's Chromium through {@code src/test/browser/dashboard.mjs} over {@code vigil
 * serve} on a {@link DashboardStore}. Signed out it sees no data, only a request for a token; it
 * then signs in as a reader, loads every page, checks that each chart drew data (no approve button
 * for a reader), signs in as an approver, approves the proposed rollback and sees the incident move
 * on to execution and verification. Screenshots go to {@code target/dashboard-screenshots}.
 *
 * <p>Needs {@code node}, {@code npm} (which installs {@code playwright-core} into {@code
 * target/browser-test} from the registry or its cache) and Chromium at {@code /usr/bin/chromium}
 * (or {@code CHROMIUM}). Any of them missing fails the test, never skips it; leave it out on
 * purpose with {@code -DexcludedGroups=browser}.
 */
@Tag("browser")
class DashboardBrowserTest extends DashboardServer {

  static final Path SCRIPTS = Path.of("src/test/browser");
  static final Path WORK = Path.of("target/browser-test");
  static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots");
  private static final List<String> SCRIPT_FILES =
      List.of("package.json", "package-lock.json", "dashboard.mjs");
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void requireNodeAndChromium() throws IOException, InterruptedException {
    Path chromium = chromium();
    if (!Files.isExecutable(chromium)) {
      fail(
          "Chromium is not at "
              + chromium
              + ": install Debian's chromium (apt-get install chromium) or set CHROMIUM (or leave"
              + " the browser test out with -DexcludedGroups=browser)");
    }
    for (String tool : List.of("node", "npm")) {
      if (run(List.of(tool, "--version"), Path.of("."), Map.of(), 60).exitCode() != 0) {
        fail(tool + " is not available: the browser test needs Node 20+ and npm");
      }
    }
    Files.createDirectories(WORK);
    for (String file : SCRIPT_FILES) {
      Files.copy(SCRIPTS.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(WORK.resolve("node_modules/playwright-core"))) {
      Outcome install =
          run(List.of("npm", "ci", "--no-audit", "--no-fund"), WORK, Map.of(), 5 * 60);
      assertThat(install.exitCode()).as("npm ci of playwright-core: %s", install.output()).isZero();
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void dashboard_inChromium_showsEveryPageAndTakesAnApproval() throws Exception {
    Files.createDirectories(SCREENSHOTS);

    Outcome browser =
        run(
            List.of("node", "dashboard.mjs"),
            WORK,
            Map.of(
                "VIGIL_URL", "http://127.0.0.1:" + port,
                "VIGIL_READ_TOKEN", STORE.readToken(),
                "VIGIL_APPROVE_TOKEN", STORE.approveToken(),
                "VIGIL_MODEL", DashboardStore.MODEL,
                "VIGIL_INCIDENT", STORE.incidentId(),
                "VIGIL_SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString(),
                "CHROMIUM", chromium().toString()),
            4 * 60);

    String output = browser.output();
    JsonNode report = JSON.readTree(output.substring(Math.max(0, output.indexOf("{\n"))));
    List<String> failed = new ArrayList<>();
    report
        .get("checks")
        .forEach(
            check -> {
              if (!check.get("ok").asBoolean()) {
                failed.add(check.get("name").asText() + ": " + check.get("detail").asText());
              }
            });
    assertThat(failed).as("failed checks; the script printed:%n%s", output).isEmpty();
    assertThat(report.get("checks").size()).as(output).isGreaterThanOrEqualTo(20);
    assertThat(browser.exitCode()).as(output).isZero();
    assertThat(SCREENSHOTS.resolve("model.png")).isNotEmptyFile();
    assertThat(SCREENSHOTS.resolve("incident.png")).isNotEmptyFile();
    System.out.println("dashboard page loads (ms, in Chromium): " + report.get("loads_ms"));
  }

  private static Path chromium() {
    String configured = System.getenv("CHROMIUM");
    return Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
  }

  private record Outcome(int exitCode, String output) {}

  private static Outcome run(
      List<String> command, Path directory, Map<String, String> environment, int timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Path log = Files.createTempFile("vigil-browser-", ".log");
    Process process = builder.redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(command + " did not finish in " + timeoutSeconds + " s:%n" + Files.readString(log));
    }
    return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
