package io.vigil.simulation.serving;

import io.vigil.simulation.clock.SimulatedClock;
import io.vigil.simulation.model.Breakage;
import io.vigil.simulation.model.Example;
import io.vigil.simulation.model.LogisticModel;
import io.vigil.simulation.model.LogisticRegressionTrainer;
import io.vigil.simulation.model.TrainedModel;
import io.vigil.simulation.model.TrainingOptions;
import io.vigil.simulation.world.RowTransform;
import io.vigil.simulation.world.SampleWorld;
import io.vigil.simulation.world.World;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * A serving loop over the sample fraud world on a given store: {@code v1} trained on the world's
 * rows, {@code v2} the same model with its top coefficient flipped. Rows for training are drawn far
 * beyond any index a test serves, so training and serving never share a row.
 */
public final class SimulatedRun implements AutoCloseable {

  public static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final long TRAINING_OFFSET = 1_000_000_000L;
  private static final int TRAINING_ROWS = 3_000;

  public final Database database;
  public final SimulatedClock clock;
  public final ModelRegistry registry;
  public final ServingLoop loop;
  public final LogisticModel good;

  public SimulatedRun(Database database, ServingSettings settings) {
    this(database, settings, RowTransform.IDENTITY);
  }

  /** A run whose world is changed by {@code transform} (a fault). */
  public SimulatedRun(Database database, ServingSettings settings, RowTransform transform) {
    this(database, settings, transform, ServingTransform.IDENTITY);
  }

  /** A run changed by a world fault and a serving fault. */
  public SimulatedRun(
      Database database,
      ServingSettings settings,
      RowTransform transform,
      ServingTransform serving) {
    this.database = database;
    this.clock = new SimulatedClock(START);
    this.registry = new ModelRegistry(database, clock);
    World world = new World(SampleWorld.fraud(), settings.seed());
    this.good = train(world, settings.seed());
    world = world.withTransform(transform);
    Map<String, TrainedModel> versions = new LinkedHashMap<>();
    versions.put("v1", good);
    versions.put("v2", Breakage.FLIP_TOP_COEFFICIENT.apply(good));
    this.loop = ServingLoop.start(database, registry, clock, world, settings, versions, serving);
  }

  static LogisticModel train(World world, long seed) {
    Instant trainedOn = START.minus(7, ChronoUnit.DAYS);
    List<Example> examples =
        LongStream.range(TRAINING_OFFSET, TRAINING_OFFSET + TRAINING_ROWS)
            .mapToObj(i -> world.row(i, trainedOn))
            .map(row -> new Example(row.inputs(), row.label()))
            .toList();
    return new LogisticRegressionTrainer(TrainingOptions.defaults(seed))
        .train(examples, "fraud", "ok");
  }

  @Override
  public void close() {
    loop.close();
    database.close();
  }
}
