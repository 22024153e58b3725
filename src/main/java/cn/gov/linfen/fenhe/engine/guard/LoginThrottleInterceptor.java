package cn.gov.linfen.fenhe.engine.guard;

import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Every password check of the engine (engine REST Basic, the webapps' login, the platform API)
 * passes through the {@link LoginThrottle}, keyed by the user name and the caller's address.
 */
final class LoginThrottleInterceptor extends CommandInterceptor {

  private final LoginThrottle throttle;

  LoginThrottleInterceptor(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T execute(Command<T> command) {
    if (!(command instanceof CheckPassword)) {
      return next.execute(command);
    }
    String userId = CommandFields.read(command, "userId");
    String address = CallerAddress.current();
    if (userId == null || throttle.blocked(userId, address)) {
      return (T) Boolean.FALSE;
    }
    T result = next.execute(command);
    if (Boolean.TRUE.equals(result)) {
      throttle.succeeded(userId, address);
    } else {
      throttle.failed(userId, address);
    }
    return result;
  }
}
