package cn.gov.linfen.fenhe.workers.failures;

import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.spring.impl.client.ClientConfiguration;
import org.camunda.bpm.client.spring.impl.client.ClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The workers poll only once every subscription is open. The stock client starts polling as it is
 * built and each topic is subscribed while the first long poll (for one topic) is already waiting:
 * after a restart 13 of 14 topics waited up to a whole poll (20 s). Here the client is built with
 * fetching off and started when the application is ready, i.e. after all subscriptions opened (on
 * {@code ApplicationStartedEvent}). {@code camunda.bpm.client.disable-auto-fetching=true} still
 * means: never poll (the tests drive the workers themselves).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ClientFactory.class)
public class PollingStart {

  private static final Logger LOG = LoggerFactory.getLogger(PollingStart.class);

  /** Whether the configuration asked for polling (before it was deferred). */
  static final class Wanted {
    final AtomicBoolean polling = new AtomicBoolean(false);
  }

  @Bean
  static Wanted workersPollingWanted() {
    return new Wanted();
  }

  @Bean
  static BeanPostProcessor workersPollingDeferred(ObjectProvider<Wanted> wanted) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ClientFactory factory && factory.getClientConfiguration() != null) {
          ClientConfiguration configuration = factory.getClientConfiguration();
          boolean polling = !Boolean.TRUE.equals(configuration.getDisableAutoFetching());
          wanted.getObject().polling.set(polling);
          configuration.setDisableAutoFetching(true);
        }
        return bean;
      }
    };
  }

  @Bean
  ApplicationListener<ApplicationReadyEvent> workersPollingStart(
      Wanted wanted, ObjectProvider<ExternalTaskClient> client) {
    return event -> {
      ExternalTaskClient workers = client.getIfAvailable();
      if (workers != null && wanted.polling.get()) {
        workers.start();
        LOG.info("Workers polling: every subscription is open");
      }
    };
  }
}
