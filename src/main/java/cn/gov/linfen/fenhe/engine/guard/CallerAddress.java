package cn.gov.linfen.fenhe.engine.guard;

/**
 * The network address of the person whose request the current thread serves (after an Ingress's
 * X-Forwarded-For), for the login throttle; null outside a request.
 */
public final class CallerAddress {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private CallerAddress() {}

  public static void set(String address) {
    CURRENT.set(address);
  }

  public static void clear() {
    CURRENT.remove();
  }

  static String current() {
    return CURRENT.get();
  }
}
