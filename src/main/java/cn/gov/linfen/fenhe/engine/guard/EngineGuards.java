package cn.gov.linfen.fenhe.engine.guard;

import cn.gov.linfen.fenhe.time.ElapsedTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Installs Fenhe's guards in an engine configuration (see {@link EngineGuardInterceptor}). */
public final class EngineGuards {

  private EngineGuards() {}

  /** Longest wait of a user name and address after wrong passwords. */
  public static final Duration LOGIN_MAX_DELAY = Duration.ofSeconds(60);

  public static void install(ProcessEngineConfigurationImpl configuration) {
    install(configuration, new LoginThrottle(ElapsedTime.clock(), LOGIN_MAX_DELAY));
  }

  public static void install(ProcessEngineConfigurationImpl configuration, LoginThrottle throttle) {
    // the engine's own delay locked the user everywhere after one typo: the throttle waits per
    // user and address instead; the engine still locks a user after login-max-attempts failures
    configuration.setLoginDelayBase(0);
    configuration.setCustomPreCommandInterceptorsTxRequired(
        with(
            with(
                configuration.getCustomPreCommandInterceptorsTxRequired(),
                new ConflictInterceptor()),
            new LoginThrottleInterceptor(throttle)));
    EngineGuardInterceptor guard = new EngineGuardInterceptor();
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), guard));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(
            configuration.getCustomPostCommandInterceptorsTxRequiresNew(),
            new EngineGuardInterceptor()));
    ExpressionFreeTaskQueryConverter.install();
  }

  /** The interceptors with one more at the end (a configuration's list may be null). */
  public static List<CommandInterceptor> with(
      List<CommandInterceptor> interceptors, CommandInterceptor guard) {
    List<CommandInterceptor> all =
        interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(guard);
    return all;
  }
}
