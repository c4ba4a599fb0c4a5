package io.vigil.server.mcp.transport;

import io.vigil.server.mcp.McpCatalog;
import io.vigil.tools.store.StoreSettings;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs {@code vigil mcp}: starts {@link McpStdioApplication} over the given store and serves its
 * catalogue on the streams until the input ends, then closes the store. The command line reaches
 * Spring only through this class.
 */
public final class McpStdio {

  private McpStdio() {}

  /**
   * Serves MCP on {@code in}/{@code out} until {@code in} ends.
   *
   * @param store the store to open (as the command's options name it)
   * @param arguments Spring arguments, {@code --name=value} each
   * @throws RuntimeException if the application fails to start (the store is unavailable...)
   */
  public static void run(
      StoreSettings store, List<String> arguments, InputStream in, OutputStream out)
      throws InterruptedException {
    SpringApplication application = new SpringApplication(McpStdioApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setRegisterShutdownHook(true);
    application.addInitializers(
        context -> context.getBeanFactory().registerSingleton("storeSettings", store));
    try (ConfigurableApplicationContext context =
        application.run(arguments.toArray(String[]::new))) {
      StdioMcpServer.serve(context.getBean(McpCatalog.class), in, out);
    }
  }
}
