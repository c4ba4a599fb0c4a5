package io.vigil.tools.drift;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A map of at most {@code capacity} entries that forgets the least recently used first; safe for
 * concurrent callers. Values must be immutable, since callers share them.
 */
final class RecentlyUsed<K, V> {

  private final LinkedHashMap<K, V> entries;

  RecentlyUsed(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Optional<V> get(K key) {
    return Optional.ofNullable(entries.get(key));
  }

  synchronized void put(K key, V value) {
    entries.put(key, value);
  }

  synchronized int size() {
    return entries.size();
  }
}
