package io.vigil.agent.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RemediationAction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutorRegistryTest {

  private static final FakeExecutor ROUTER =
      new FakeExecutor("router", Set.of(ActionType.ROLLBACK, ActionType.SHIFT_TRAFFIC));
  private static final FakeExecutor HOOK =
      new FakeExecutor("hook", Set.of(ActionType.RETRAIN, ActionType.ROLLBACK));

  @Test
  void unassignedTypes_goToTheFirstExecutorThatSupportsThem() {
    ExecutorRegistry registry = new ExecutorRegistry(List.of(ROUTER, HOOK), Map.of());

    assertThat(registry.executorFor(ActionType.ROLLBACK)).isSameAs(ROUTER);
    assertThat(registry.executorFor(ActionType.SHIFT_TRAFFIC)).isSameAs(ROUTER);
    assertThat(registry.executorFor(ActionType.RETRAIN)).isSameAs(HOOK);
    assertThat(registry.find(ActionType.RECALIBRATE)).isEmpty();
  }

  @Test
  void anAssignment_winsOverConfigurationOrder() {
    ExecutorRegistry registry =
        new ExecutorRegistry(List.of(ROUTER, HOOK), Map.of(ActionType.ROLLBACK, "hook"));

    assertThat(registry.executorFor(ActionType.ROLLBACK)).isSameAs(HOOK);
  }

  @Test
  void aTypeNothingSupports_failsNamingWhatIsConfigured() {
    ExecutorRegistry registry = new ExecutorRegistry(List.of(ROUTER), Map.of());

    assertThatThrownBy(() -> registry.executorFor(ActionType.RETRAIN))
        .isInstanceOf(NoExecutorException.class)
        .hasMessage(
            "no executor is configured for action retrain; configured: router (rollback,"
                + " shift_traffic)");
    assertThatThrownBy(() -> registry.executorFor(ActionType.ESCALATE))
        .hasMessageContaining("a person handles it");
  }

  @Test
  void badConfiguration_isRefusedWithTheReason() {
    assertThatThrownBy(() -> new ExecutorRegistry(List.of(ROUTER, ROUTER), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two executors are named 'router'");
    assertThatThrownBy(
            () -> new ExecutorRegistry(List.of(ROUTER), Map.of(ActionType.RETRAIN, "webhook")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'webhook', which is not configured; configured: router");
    assertThatThrownBy(
            () -> new ExecutorRegistry(List.of(ROUTER), Map.of(ActionType.RETRAIN, "router")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'router', which does not support it");
  }

  private record FakeExecutor(String name, Set<ActionType> types) implements RemediationExecutor {

    @Override
    public boolean supports(ActionType type) {
      return types.contains(type);
    }

    @Override
    public ExecutionResult execute(
        RemediationAction action, String idempotencyKey, ExecutionContext context) {
      return ExecutionResult.succeeded("done");
    }
  }
}
