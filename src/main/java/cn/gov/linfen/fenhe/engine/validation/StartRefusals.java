package cn.gov.linfen.fenhe.engine.validation;

/**
 * Hands a start refused by a {@link StartValidator} from the engine to the HTTP layer of the
 * same request thread, so that the answer is HTTP 400 naming the fields (the engine REST API
 * itself answers any engine exception during a start with 500).
 */
public final class StartRefusals {

  private static final ThreadLocal<InvalidStartException> LAST = new ThreadLocal<>();

  private StartRefusals() {}

  static void record(InvalidStartException refusal) {
    LAST.set(refusal);
  }

  /** The refusal of this thread's request, if any, and forget it. */
  public static InvalidStartException take() {
    InvalidStartException refusal = LAST.get();
    LAST.remove();
    return refusal;
  }
}
