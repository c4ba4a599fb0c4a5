package io.vigil.server.serve;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Starts the application for {@code vigil serve} and holds the calling thread until it shuts down
 * (Ctrl-C or SIGTERM close the context through Boot's shutdown hook). The command line reaches
 * Spring only through this class, so the other commands never load it.
 */
public final class VigilServer {

  private VigilServer() {}

  /**
   * Runs the server until it is shut down.
   *
   * @param arguments Spring arguments, {@code --name=value} each
   * @throws RuntimeException when the application fails to start (Boot has logged why)
   */
  public static void run(List<String> arguments) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    SpringApplication application = new SpringApplication(VigilApplication.class);
    application.addListeners(
        (ApplicationListener<ApplicationEvent>)
            event -> {
              if (event instanceof ContextClosedEvent) {
                closed.countDown();
              }
            });
    application.run(arguments.toArray(String[]::new));
    closed.await();
  }

  /**
   * Starts the server and returns once it serves; the caller closes the context (or Ctrl-C and
   * SIGTERM do, through Boot's shutdown hook).
   *
   * @param arguments Spring arguments, {@code --name=value} each
   * @throws RuntimeException when the application fails to start (Boot has logged why)
   */
  public static ConfigurableApplicationContext start(List<String> arguments) {
    return new SpringApplication(VigilApplication.class).run(arguments.toArray(String[]::new));
  }
}
