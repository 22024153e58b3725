package cn.gov.linfen.fenhe.procedures.p5;

/**
 * The provincial 互联网+监管 system's data centre (山西省“互联网+监管”系统), out of reach here: the submission
 * worker sends each act through this interface. An implementation must be idempotent on {@link
 * Submission#idempotencyKey()}: a second call with the same key records nothing new and answers the
 * first receipt (a worker retried after a lost answer never sends an act twice). A failure throws;
 * the worker's failure policy retries and ends in an incident, the act waits and is never lost.
 */
public interface ProvincialSupervisionSystem {

  /** One act to submit: its key (the case's business key) and its fields as JSON. */
  record Submission(String idempotencyKey, String actJson) {}

  /** The data centre's receipt. */
  record Receipt(String receiptNo, boolean duplicate) {}

  Receipt submit(Submission submission);
}
