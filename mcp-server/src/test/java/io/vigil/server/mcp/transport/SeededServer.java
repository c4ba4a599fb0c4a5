package io.vigil.server.mcp.transport;

import io.vigil.server.serve.VigilApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code vigil serve} on a random port over a {@link SeededStore}. The test classes extending it
 * share one server (one Spring context: same configuration, same property source).
 */
@SpringBootTest(
    classes = VigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SeededServer {

  static final SeededStore HTTP_STORE = SeededStore.create("http");

  @DynamicPropertySource
  static void seededStore(DynamicPropertyRegistry properties) {
    properties.add("vigil.data-dir", () -> HTTP_STORE.dataDir().toString());
  }

  @LocalServerPort int port;
}
