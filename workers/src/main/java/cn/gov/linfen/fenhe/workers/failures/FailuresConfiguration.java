package cn.gov.linfen.fenhe.workers.failures;

import java.net.URI;
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

  /** The pool of the configured topics (none configured: no pool). */
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

  /**
   * The completions of the pool's workers, sent in batches to the platform beside the engine REST
   * API ({@code fenhe.workers.pool.batch-completion}, default on; {@link CompletionBatches}); null
   * without a pool, when switched off, or when the client's base URL is not {@code …/engine-rest}.
   */
  static CompletionBatches batches(Environment environment) {
    Binder binder = Binder.get(environment);
    if (!binder.bind(WorkerPool.PREFIX + ".batch-completion", Boolean.class).orElse(true)) {
      return null;
    }
    URI endpoint =
        CompletionBatches.endpointBeside(
            binder.bind("camunda.bpm.client.base-url", String.class).orElse(null));
    String user = binder.bind("camunda.bpm.client.basic-auth.username", String.class).orElse(null);
    if (endpoint == null || user == null) {
      return null;
    }
    return new CompletionBatches(
        endpoint,
        user,
        binder.bind("camunda.bpm.client.basic-auth.password", String.class).orElse(""),
        binder.bind("camunda.bpm.client.max-tasks", Integer.class).orElse(40),
        binder
            .bind(WorkerPool.PREFIX + ".batch-linger", Duration.class)
            .orElse(Duration.ofMillis(20)),
        2);
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
    private CompletionBatches batches;

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
          batches = pool == null ? null : batches(environment);
        }
        boolean pooled = pool != null && pool.serves(subscription.getTopicName());
        subscription.setExternalTaskHandler(
            FailureHandling.around(
                subscription.getExternalTaskHandler(),
                policy,
                pooled ? pool : null,
                pooled ? batches : null));
      }
      return bean;
    }

    @Override
    public void destroy() {
      if (pool != null) {
        pool.close();
      }
      if (batches != null) {
        batches.close();
      }
    }
  }
}
