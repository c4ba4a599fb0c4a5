package io.vigil.server.api.simulations;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A scenario run in the server, as {@code GET /api/v1/simulations/jobs/{id}} shows it.
 *
 * @param id the job's id
 * @param scenario the scenario's name
 * @param model the model the run serves, named for this run so the store holds it beside others
 * @param seed the run's seed
 * @param approvals {@code auto} or {@code none}
 * @param requestedBy the token that started it
 * @param state {@code running}, {@code finished} or {@code failed}
 * @param window the windows served so far
 * @param windows the run's windows
 * @param step what the run is doing ({@code training}, {@code warmup}, {@code serving}...)
 * @param startedAt when the job started
 * @param finishedAt when it finished or failed; null while running
 * @param events the latest events (incidents, diagnoses, actions), newest last
 * @param runId the kept run's id ({@code GET /api/v1/simulations/{run_id}}, the dashboard's
 *     Simulations page) once finished
 * @param report the run's report (timeline, scorecard, windows) once finished
 * @param text the same report as text, as {@code vigil simulate} prints it
 * @param error why the run failed; null otherwise
 */
@Schema(description = "A scenario run in the server and, once finished, its report.")
record SimulationJobView(
    String id,
    String scenario,
    String model,
    long seed,
    String approvals,
    String requestedBy,
    String state,
    int window,
    int windows,
    String step,
    Instant startedAt,
    Instant finishedAt,
    List<String> events,
    String runId,
    @JsonRawValue @Schema(type = "object") String report,
    String text,
    String error) {}
