package io.vigil.server.agent;

import io.vigil.agent.graph.AgentRound;
import io.vigil.agent.graph.IncidentAgent;
import io.vigil.tools.store.StoreUnavailableException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the agent every {@code vigil.agent.interval} in {@code vigil serve}: the monitor checks
 * every model and unfinished incidents advance, starting with those a previous run left anywhere in
 * the graph. A store outage pauses the agent for the round (it never acts on data it cannot read);
 * a bug in one round is logged and the next round runs.
 */
@Component
@ConditionalOnProperty(name = "vigil.agent.enabled", havingValue = "true", matchIfMissing = true)
class AgentSchedule implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(AgentSchedule.class);

  private final IncidentAgent agent;
  private final AgentProperties properties;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "vigil-agent");
            thread.setDaemon(true);
            return thread;
          });

  AgentSchedule(IncidentAgent agent, AgentProperties properties) {
    this.agent = agent;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    long every = properties.interval().toMillis();
    timer.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    log.info("incident agent: a round every {}", properties.interval());
  }

  void round() {
    try {
      AgentRound round = agent.round();
      round.checked().stream()
          .filter(outcome -> outcome.opened().isPresent())
          .forEach(outcome -> log.info("monitor: {}: {}", outcome.model(), outcome.note()));
    } catch (StoreUnavailableException e) {
      log.warn("agent round skipped, the store is unavailable: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.error("agent round failed; the next round runs as scheduled", e);
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    timer.shutdown();
    if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
      timer.shutdownNow();
    }
  }
}
