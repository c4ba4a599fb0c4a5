package io.vigil.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's endpoints over real HTTP: its pages and their security headers, who a token is,
 * and the kept simulation runs, with every refusal an RFC 9457 problem.
 */
class DashboardEndpointsTest extends DashboardServer {

  private static final String PROBLEM = "application/problem+json";
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  @Test
  void root_redirectsToTheDashboard() throws Exception {
    HttpResponse<String> response = get("/", Optional.empty());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/dashboard/"));
  }

  @Test
  void dashboard_isServedFromTheJarWithAStrictContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = get("/dashboard/", Optional.empty());
    HttpResponse<String> script = get("/dashboard/js/app.js", Optional.empty());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\">");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            policy -> assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'"));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
  }

  @Test
  void me_withoutAToken_is401WithABearerChallenge() throws Exception {
    HttpResponse<String> response = get("/api/v1/me", Optional.empty());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM));
  }

  @Test
  void me_ofAReader_namesItsRoleWithoutTheApprovePermission() throws Exception {
    HttpResponse<String> reader = get("/api/v1/me", Optional.of(STORE.readToken()));
    HttpResponse<String> approver = get("/api/v1/me", Optional.of(STORE.approveToken()));

    assertThat(reader.statusCode()).isEqualTo(200);
    assertThat(reader.body())
        .isEqualTo("{\"name\":\"reader\",\"role\":\"read\",\"permissions\":[\"read\",\"route\"]}");
    assertThat(approver.body()).contains("\"role\":\"approve\"", "\"approve\"");
  }

  @Test
  void simulations_listTheKeptRunWithItsScorecard() throws Exception {
    HttpResponse<String> list = get("/api/v1/simulations", Optional.of(STORE.readToken()));

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains(
            "\"id\":\"20261102T000000Z-short-bad-version-7\"",
            "\"scenario\":\"short-bad-version\"",
            "\"top1_correct\":true");
  }

  @Test
  void simulation_keptRun_isItsReportAsSaved() throws Exception {
    HttpResponse<String> run =
        get(
            "/api/v1/simulations/20261102T000000Z-short-bad-version-7",
            Optional.of(STORE.readToken()));

    assertThat(run.statusCode()).isEqualTo(200);
    assertThat(run.body()).contains("\"window_outcomes\"", "\"scorecard\"");
  }

  @Test
  void simulation_withoutAToken_is401() throws Exception {
    HttpResponse<String> response = get("/api/v1/simulations", Optional.empty());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void simulation_anIdThatIsNoRunId_is400NamingTheParameter() throws Exception {
    HttpResponse<String> response =
        get("/api/v1/simulations/vigil.mv.db", Optional.of(STORE.readToken()));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM));
    assertThat(response.body()).contains("\"field\":\"id\"");
  }

  @Test
  void simulation_unknownRun_is404Problem() throws Exception {
    HttpResponse<String> response =
        get("/api/v1/simulations/20200101T000000Z-nothing-1", Optional.of(STORE.readToken()));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM));
    assertThat(response.body()).contains("no simulation run '20200101T000000Z-nothing-1'");
  }

  private HttpResponse<String> get(String path, Optional<String> token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
    token.ifPresent(secret -> request.header("Authorization", "Bearer " + secret));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
