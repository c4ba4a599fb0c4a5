package io.vigil.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.serve.VigilApplication;
import io.vigil.tools.access.Role;
import io.vigil.tools.registry.ModelRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write of the REST API needs a token whose role allows it, walked over the whole route table
 * so that a write endpoint added later without a guard fails here; reads stay open, and a refused
 * write changes nothing.
 */
@SpringBootTest(
    classes = VigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WriteAccessTest {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void temporaryDataDir(DynamicPropertyRegistry properties) {
    properties.add("vigil.data-dir", () -> dataDir.toString());
  }

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<RequestMethod> WRITES =
      Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);
  private static final String MODEL = "{\"name\": \"guarded\", \"task\": \"classification\"}";

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired ApiTokens tokens;
  @Autowired ModelRegistry registry;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyWriteRoute_withoutAToken_is401() throws Exception {
    List<String> writes = writeRoutes();

    assertThat(writes)
        .contains(
            "POST /api/v1/inferences",
            "POST /api/v1/labels",
            "POST /api/v1/models",
            "POST /api/v1/models/x/versions",
            "POST /api/v1/models/x/deployments",
            "POST /api/v1/models/x/versions/x/baselines");
    for (String route : writes) {
      String[] parts = route.split(" ", 2);
      HttpResponse<String> answer = send(parts[0], parts[1], Optional.empty(), "{}");
      assertThat(answer.statusCode()).as(route).isEqualTo(401);
      assertThat(answer.headers().firstValue("Content-Type"))
          .as(route)
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
  }

  @Test
  void aReadToken_mayNotWrite_andTheRefusalChangesNothing() throws Exception {
    String read = tokens.create(Role.READ, Optional.of("reader")).secret();

    HttpResponse<String> register =
        send(
            "POST",
            "/api/v1/models",
            Optional.of(read),
            "{\"name\": \"refused\", \"task\": \"classification\"}");
    HttpResponse<String> ingest = send("POST", "/api/v1/inferences", Optional.of(read), "[]");

    assertThat(register.statusCode()).isEqualTo(403);
    assertThat(register.body()).contains("reader", "read role", "admin role");
    assertThat(ingest.statusCode()).isEqualTo(403);
    assertThat(ingest.body()).contains("ingest or admin role");
    registry.refresh();
    assertThat(registry.snapshot().find("refused")).isEmpty();
  }

  @Test
  void anIngestToken_sendsRecordsButMayNotChangeModels_andAnAdminMay() throws Exception {
    String ingest = tokens.create(Role.INGEST, Optional.of("pipeline")).secret();
    String admin = tokens.create(Role.ADMIN, Optional.of("operator")).secret();

    HttpResponse<String> byPipeline = send("POST", "/api/v1/models", Optional.of(ingest), MODEL);
    HttpResponse<String> byOperator = send("POST", "/api/v1/models", Optional.of(admin), MODEL);
    HttpResponse<String> records = send("POST", "/api/v1/inferences", Optional.of(ingest), "[]");

    assertThat(byPipeline.statusCode()).isEqualTo(403);
    assertThat(byOperator.statusCode()).isEqualTo(201);
    assertThat(records.statusCode()).as(records.body()).isNotIn(401, 403);
  }

  @Test
  void reads_needNoToken() throws Exception {
    assertThat(send("GET", "/api/v1/models", Optional.empty(), null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/health", Optional.empty(), null).statusCode()).isEqualTo(200);
  }

  /**
   * Every write under {@code /api/v1} in the route table, path variables filled with {@code x},
   * apart from incidents and reviews, which need a token for reads too (their own filter).
   */
  private List<String> writeRoutes() {
    List<String> routes = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (RequestMethod method : info.getMethodsCondition().getMethods()) {
        if (!WRITES.contains(method)) {
          continue;
        }
        for (String pattern : info.getPatternValues()) {
          if (pattern.startsWith("/api/v1/")
              && !pattern.startsWith("/api/v1/incidents")
              && !pattern.startsWith("/api/v1/reviews")) {
            routes.add(method.name() + " " + pattern.replaceAll("\\{[^}]+}", "x"));
          }
        }
      }
    }
    return routes;
  }

  private HttpResponse<String> send(String method, String path, Optional<String> token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
