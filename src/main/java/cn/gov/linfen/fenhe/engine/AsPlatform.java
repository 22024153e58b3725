package cn.gov.linfen.fenhe.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as the platform (without the caller's authentication, so without the engine's
 * authorization checks) and restores the caller afterwards. Only for calls whose access the
 * platform API has already decided (e.g. a supervisor reads everything, a county officer the cases
 * of his county).
 */
public final class AsPlatform {

  private AsPlatform() {}

  public static <T> T call(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  public static void run(IdentityService identity, Runnable work) {
    call(
        identity,
        () -> {
          work.run();
          return null;
        });
  }
}
