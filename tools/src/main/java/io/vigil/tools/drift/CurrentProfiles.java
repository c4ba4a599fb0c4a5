package io.vigil.tools.drift;

import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.ProfileKind;
import io.vigil.tools.store.ProfileRepository;
import io.vigil.tools.store.ProfileRepository.Piece;
import io.vigil.tools.store.ProfileRepository.VersionedProfile;
import io.vigil.tools.store.ProfileVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A version's profiles merged over a range, as {@link ProfileRepository#merged} merges them, built
 * on what earlier calls already merged.
 *
 * <p>A range is read as runs of windows of one span ({@link ProfileRepository#pieces}: five-minute
 * windows up to the first whole hour, hours, five-minute windows after the last whole hour, or a
 * day where one fits). Each run's profiles are folded in window order, and the runs' folds are
 * combined in order. For every feature this remembers each run's fold with the {@link
 * ProfileVersion} of every window it took in: the whole run, except for the range's last run, whose
 * newest window is the one traffic is still filling. A later call reuses a remembered fold when the
 * run starts where it started and its windows begin with those same versions, and reads and folds
 * only the windows after it. A relative window moves on by five minutes at a time: the hours in the
 * middle stay the same run for an hour, so only the short runs at the ends are read again. A late
 * record changes its window's version and so sends that run back to a full fold.
 *
 * <p>Profiles merge as mergeable summaries: counts, minimum and maximum exactly, mean and variance
 * up to rounding, and the reservoir and quantile sketch as a uniform sample and a sketch of the
 * union, whatever the grouping. The answer is thus what {@link ProfileRepository#merged} would
 * give, whose left fold groups the same profiles differently (its sketches draw random bits as they
 * merge, so not even two of its own answers agree to the last bit).
 */
final class CurrentProfiles {

  /** Folds remembered, one per (model, version, run, feature): each some 15 KB. */
  static final int CACHED_FOLDS = 1_024;

  private record FoldKey(
      long modelId, long versionId, int spanSeconds, Instant runStart, String feature) {}

  /** One window a fold took in. */
  private record Step(Instant windowStart, ProfileVersion version) {}

  /**
   * A feature's profiles folded over its first {@code steps}, serialized: each use reads a copy.
   */
  private record Fold(List<Step> steps, ProfileKind kind, byte[] bytes) {
    Fold {
      steps = List.copyOf(steps);
    }

    boolean begins(List<Step> all) {
      return all.size() >= steps.size() && all.subList(0, steps.size()).equals(steps);
    }
  }

  /** Whether a run's fold is remembered whole, or without its newest window. */
  private enum Remember {
    WHOLE_RUN,
    ALL_BUT_NEWEST
  }

  private final ProfileRepository profiles;
  private final RecentlyUsed<FoldKey, Fold> remembered = new RecentlyUsed<>(CACHED_FOLDS);

  CurrentProfiles(ProfileRepository profiles) {
    this.profiles = profiles;
  }

  /** As {@link ProfileRepository#merged}. */
  Map<String, FeatureProfile> merged(
      long modelId, long versionId, TimeRange range, Collection<String> features) {
    List<Piece> pieces = profiles.pieces(range);
    Map<String, FeatureProfile> merged = new LinkedHashMap<>();
    for (int i = 0; i < pieces.size(); i++) {
      Remember remember = i == pieces.size() - 1 ? Remember.ALL_BUT_NEWEST : Remember.WHOLE_RUN;
      run(modelId, versionId, pieces.get(i), features, remember)
          .forEach(
              (feature, profile) -> {
                FeatureProfile existing = merged.get(feature);
                if (existing == null) {
                  merged.put(feature, profile);
                } else {
                  ProfileKind.combine(existing, profile);
                }
              });
    }
    return merged;
  }

  /** One run's profiles, folded feature by feature. */
  private Map<String, FeatureProfile> run(
      long modelId, long versionId, Piece piece, Collection<String> features, Remember remember) {
    Map<String, List<Step>> steps = new LinkedHashMap<>();
    profiles
        .versions(modelId, versionId, piece.spanSeconds(), piece.range(), features)
        .forEach(
            (start, byFeature) ->
                byFeature.forEach(
                    (feature, version) ->
                        steps
                            .computeIfAbsent(feature, k -> new ArrayList<>())
                            .add(new Step(start, version))));
    Map<String, Optional<Fold>> folds = new HashMap<>();
    steps.forEach(
        (feature, all) ->
            folds.put(
                feature,
                remembered
                    .get(key(modelId, versionId, piece, feature))
                    .filter(f -> f.begins(all))));
    NavigableMap<Instant, Map<String, VersionedProfile>> read =
        readRest(modelId, versionId, piece, steps, folds);
    Map<String, FeatureProfile> folded = new LinkedHashMap<>();
    steps.forEach(
        (feature, all) ->
            fold(key(modelId, versionId, piece, feature), all, folds.get(feature), read, remember)
                .ifPresent(profile -> folded.put(feature, profile)));
    return folded;
  }

  private static FoldKey key(long modelId, long versionId, Piece piece, String feature) {
    return new FoldKey(modelId, versionId, piece.spanSeconds(), piece.from(), feature);
  }

  /** Reads the run's windows from the first one some feature's remembered fold does not cover. */
  private NavigableMap<Instant, Map<String, VersionedProfile>> readRest(
      long modelId,
      long versionId,
      Piece piece,
      Map<String, List<Step>> steps,
      Map<String, Optional<Fold>> folds) {
    Instant earliest = null;
    List<String> wanted = new ArrayList<>();
    for (Map.Entry<String, List<Step>> feature : steps.entrySet()) {
      List<Step> all = feature.getValue();
      int done = folds.get(feature.getKey()).map(fold -> fold.steps().size()).orElse(0);
      if (done < all.size()) {
        wanted.add(feature.getKey());
        Instant first = all.get(done).windowStart();
        earliest = earliest == null || first.isBefore(earliest) ? first : earliest;
      }
    }
    if (earliest == null) {
      return new TreeMap<>();
    }
    return profiles.versionedSeries(
        modelId, versionId, piece.spanSeconds(), new TimeRange(earliest, piece.to()), wanted);
  }

  /** Folds one feature's windows on from what is remembered, and remembers what it should. */
  private Optional<FeatureProfile> fold(
      FoldKey key,
      List<Step> all,
      Optional<Fold> start,
      NavigableMap<Instant, Map<String, VersionedProfile>> read,
      Remember remember) {
    FeatureProfile merged = start.map(fold -> fold.kind().read(fold.bytes())).orElse(null);
    List<Step> taken = new ArrayList<>(start.map(Fold::steps).orElse(List.of()));
    int remembered = taken.size();
    for (int i = remembered; i < all.size(); i++) {
      Step step = all.get(i);
      VersionedProfile stored = read.getOrDefault(step.windowStart(), Map.of()).get(key.feature());
      if (stored == null) {
        continue; // deleted since its version was read: no longer part of the range
      }
      boolean newest = i == all.size() - 1;
      if (newest && remember == Remember.ALL_BUT_NEWEST && taken.size() > remembered) {
        this.remembered.put(key, new Fold(taken, ProfileKind.of(merged), merged.toBytes()));
      }
      if (merged == null) {
        merged = stored.profile();
      } else {
        ProfileKind.combine(merged, stored.profile());
      }
      taken.add(new Step(step.windowStart(), stored.version()));
    }
    if (remember == Remember.WHOLE_RUN && merged != null && taken.size() > remembered) {
      this.remembered.put(key, new Fold(taken, ProfileKind.of(merged), merged.toBytes()));
    }
    return Optional.ofNullable(merged);
  }
}
