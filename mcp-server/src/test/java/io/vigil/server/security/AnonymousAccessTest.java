package io.vigil.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.serve.VigilApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Authentication relaxed on purpose ({@code vigil.security.anonymous-role=read}): requests without
 * a token read, with a warning at startup that says what anyone can now do; a write still needs a
 * token, and a bad token is refused rather than read as none.
 */
@SpringBootTest(
    classes = VigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "vigil.security.anonymous-role=read")
@ExtendWith(OutputCaptureExtension.class)
class AnonymousAccessTest {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void temporaryDataDir(DynamicPropertyRegistry properties) {
    properties.add("vigil.data-dir", () -> dataDir.toString());
  }

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void aReadWithoutAToken_isServed() throws Exception {
    assertThat(send("GET", "/api/v1/models", Optional.empty()).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/me", Optional.empty()).body())
        .contains("\"name\":\"(anonymous)\"", "\"role\":\"read\"");
  }

  @Test
  void aWriteWithoutAToken_isStill401_sayingWhatTheAnonymousRoleAllows() throws Exception {
    HttpResponse<String> answer = send("POST", "/api/v1/models", Optional.empty());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(answer.body())
        .contains("requests without a token have the read role (vigil.security.anonymous-role)")
        .contains("that needs the admin role");
  }

  @Test
  void aBadToken_isRefused_notServedAsAnonymous() throws Exception {
    assertThat(send("GET", "/api/v1/models", Optional.of("vgl_forged")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void theServerWarnsThatAuthenticationIsRelaxed(CapturedOutput output) {
    assertThat(output.getAll())
        .contains("WARN")
        .contains("Authentication is relaxed: requests without a token are served with the read")
        .contains("Anyone who reaches this server can read every model's traffic");
  }

  private HttpResponse<String> send(String method, String path, Optional<String> token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
