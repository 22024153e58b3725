package cn.gov.linfen.fenhe.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values computed once per key and kept, for keys that name something that never changes (a
 * deployed form, the text of a decision's expression). The keys come from deployed models, so the
 * bound only guards against a runaway: when it is reached, everything is forgotten and computed
 * again when asked. A key whose computation gives {@code null} is not kept. Safe for concurrent
 * use; two threads may compute the same key once each.
 */
public final class BoundedMemo<K, V> {

  private final Map<K, V> values = new ConcurrentHashMap<>();
  private final int bound;

  public BoundedMemo(int bound) {
    this.bound = bound;
  }

  /** The kept value of the key, else the computed one (kept unless it is {@code null}). */
  public V get(K key, Function<? super K, ? extends V> compute) {
    V value = values.get(key);
    if (value == null) {
      value = compute.apply(key);
      if (value != null) {
        if (values.size() >= bound) {
          values.clear();
        }
        values.put(key, value);
      }
    }
    return value;
  }

  /** How many values are kept. */
  public int size() {
    return values.size();
  }
}
