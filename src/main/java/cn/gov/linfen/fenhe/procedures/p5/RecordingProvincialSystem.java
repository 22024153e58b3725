package cn.gov.linfen.fenhe.procedures.p5;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recording stand-in for the provincial system (no connection to the province exists here):
 * keeps each act by its idempotency key, once; a repeated key answers the first receipt. Replace it
 * by an HTTP adapter with the same contract when the province's interface is opened to Linfen. A
 * failure can be switched on for tests and drills ({@link #failNext(int)}).
 */
public class RecordingProvincialSystem implements ProvincialSupervisionSystem {

  private final Map<String, String> receipts = new ConcurrentHashMap<>();
  private final Map<String, String> acts = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  @Override
  public Receipt submit(Submission submission) {
    calls.incrementAndGet();
    if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw new IllegalStateException("provincial system unavailable (recorded failure)");
    }
    String[] created = new String[1];
    String receipt =
        receipts.computeIfAbsent(
            submission.idempotencyKey(),
            key -> {
              acts.put(key, submission.actJson());
              created[0] = "SX-JG-" + sequence.incrementAndGet();
              return created[0];
            });
    return new Receipt(receipt, created[0] == null);
  }

  /** The next {@code n} calls fail (as the province being unavailable). */
  public void failNext(int n) {
    failures.set(n);
  }

  /** The act recorded under the key, or {@code null}. */
  public String recorded(String idempotencyKey) {
    return acts.get(idempotencyKey);
  }

  /** Distinct acts recorded. */
  public int recordedCount() {
    return acts.size();
  }

  /** Calls received, duplicates and failures included. */
  public long calls() {
    return calls.get();
  }
}
