package io.vigil.simulation.serving;

import io.vigil.tools.registry.Deployment;
import io.vigil.tools.registry.RegistrySnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Routes a request as the registry's deployments say: the deployment in force at the request's time
 * (the latest recorded one on a tie, so a rollback at the same instant wins), a version drawn by
 * its share, the shares walked in version-name order so the draw does not depend on map order.
 */
final class Router {

  private Router() {}

  static String route(
      RegistrySnapshot snapshot, String model, Instant at, SplittableRandom random) {
    Deployment inForce = null;
    List<Deployment> history = snapshot.deployments(model);
    for (Deployment deployment : history) {
      if (!deployment.effectiveAt().isAfter(at)) {
        inForce = deployment;
      }
    }
    if (inForce == null) {
      throw new IllegalStateException(
          "model '" + model + "' has no deployment in force at " + at + "; deploy a version first");
    }
    Map<String, Double> shares = new TreeMap<>(inForce.traffic());
    double draw = random.nextDouble();
    String last = null;
    for (Map.Entry<String, Double> share : shares.entrySet()) {
      last = share.getKey();
      draw -= share.getValue();
      if (draw < 0) {
        return last;
      }
    }
    return last; // the shares sum to 1 within rounding; the last version takes the remainder
  }
}
