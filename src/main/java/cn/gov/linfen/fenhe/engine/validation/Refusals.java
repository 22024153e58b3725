package cn.gov.linfen.fenhe.engine.validation;

/**
 * Hands a refusal from the engine to the HTTP layer of the same request thread, so that the answer
 * has the refusal's status and names its fields (the engine REST API itself answers any engine
 * exception with 500, or 400 without the fields).
 */
public final class Refusals {

  private static final ThreadLocal<EngineRefusal> LAST = new ThreadLocal<>();

  private Refusals() {}

  static void record(EngineRefusal refusal) {
    if (LAST.get() == null) {
      LAST.set(refusal); // the first refusal of a request is its cause
    }
  }

  /** The refusal of this thread's request, if any, and forget it. */
  public static EngineRefusal take() {
    EngineRefusal refusal = LAST.get();
    LAST.remove();
    return refusal;
  }
}
