package cn.gov.linfen.fenhe.workers.failures;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.client.spring.impl.subscription.SpringTopicSubscriptionImpl;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Every subscription's worker runs inside {@link FailureHandling}: the workers stay thin, and none
 * can forget its failure path. Configured by {@code fenhe.workers.failures.retries} (tries in all,
 * default 3), {@code first-delay} (PT10S, doubling) and {@code max-delay} (PT5M). The workers of
 * the topics {@code fenhe.workers.pool.topics} run on a {@link WorkerPool} ({@code threads}, {@code
 * queue}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SpringTopicSubscriptionImpl.class)
public class FailuresConfiguration {

  public static final String PREFIX = "fenhe.workers.failures";

  /**
   * The policy, read from the environment (a bean post-processor is created before properties
   * beans).
   */
  static FailurePolicy policy(Environment environment) {
    Binder binder = Binder.get(environment);
    FailurePolicy stock = FailurePolicy.DEFAULT;
    return new FailurePolicy(
        binder.bind(PREFIX + ".retries", Integer.class).orElse(stock.retries()),
        binder.bind(PREFIX + ".first-delay", Duration.class).orElse(stock.firstDelay()),
        binder.bind(PREFIX + ".max-delay", Duration.class).orElse(stock.maxDelay()));
  }

  @Bean
  FailurePolicy workersFailurePolicy(Environment environment) {
    return policy(environment);
  }

  /** The pool of the high-volume topics (none configured: no pool). */
  static WorkerPool pool(Environment environment) {
    Binder binder = Binder.get(environment);
    List<String> topics =
        binder.bind(WorkerPool.PREFIX + ".topics", String[].class).map(List::of).orElse(List.of());
    if (topics.isEmpty()) {
      return null;
    }
    return new WorkerPool(
        topics,
        binder.bind(WorkerPool.PREFIX + ".threads", Integer.class).orElse(4),
        binder.bind(WorkerPool.PREFIX + ".queue", Integer.class).orElse(40));
  }

  /** Wraps the handler of each subscription before the subscription is opened. */
  @Bean
  static BeanPostProcessor workersFailureHandling(Environment environment) {
    return new Wrapping(environment);
  }

  private static final class Wrapping implements BeanPostProcessor, DisposableBean {
    private final Environment environment;
    private FailurePolicy policy;
    private WorkerPool pool;

    Wrapping(Environment environment) {
      this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
      if (bean instanceof SpringTopicSubscriptionImpl subscription
          && subscription.getExternalTaskHandler() != null) {
        if (policy == null) {
          policy = policy(environment);
          pool = pool(environment);
        }
        subscription.setExternalTaskHandler(
            FailureHandling.around(
                subscription.getExternalTaskHandler(),
                policy,
                pool != null && pool.serves(subscription.getTopicName()) ? pool : null));
      }
      return bean;
    }

    @Override
    public void destroy() {
      if (pool != null) {
        pool.close();
      }
    }
  }
}
