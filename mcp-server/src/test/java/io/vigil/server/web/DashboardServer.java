package io.vigil.server.web;

import io.vigil.server.serve.VigilApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code vigil serve} on a random port over a {@link DashboardStore}, its agent schedule off (an
 * approval still executes and starts verification at once). The test classes extending it share one
 * server.
 */
@SpringBootTest(
    classes = VigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DashboardServer {

  static final DashboardStore STORE = DashboardStore.seed();

  @DynamicPropertySource
  static void seededStore(DynamicPropertyRegistry properties) {
    properties.add("vigil.data-dir", () -> STORE.dataDir().toString());
    properties.add("vigil.agent.enabled", () -> "false");
  }

  @LocalServerPort int port;
}
