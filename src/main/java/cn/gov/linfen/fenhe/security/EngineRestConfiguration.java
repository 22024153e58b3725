package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.web.EngineProviderLookupFilter;
import cn.gov.linfen.fenhe.web.SharedRestObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The engine REST API with Fenhe's answer to bodies of the wrong shape ({@link
 * JsonFieldErrorMapper}), its object mapper made once ({@link SharedRestObjectMapper}), and its
 * engine look-up without reading the jar at every request ({@link EngineProviderLookupFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class EngineRestConfiguration {

  @Bean
  CamundaJerseyResourceConfig engineRestResources() {
    return new CamundaJerseyResourceConfig() {
      /** Camunda's resources and configuration, with its object mapper made once. */
      @Override
      protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        Set<Class<?>> configuration =
            new LinkedHashSet<>(CamundaRestResources.getConfigurationClasses());
        configuration.remove(JacksonConfigurator.class);
        registerClasses(configuration);
        register(SharedRestObjectMapper.class);
        register(JacksonFeature.class);
      }

      @Override
      protected void registerAdditionalResources() {
        register(JsonFieldErrorMapper.class);
      }
    };
  }

  /** Before every other filter of the engine's REST API: the authentication filter looks up too. */
  @Bean
  FilterRegistrationBean<EngineProviderLookupFilter> engineProviderLookup() {
    FilterRegistrationBean<EngineProviderLookupFilter> registration =
        new FilterRegistrationBean<>(new EngineProviderLookupFilter());
    registration.setName("engine-provider-lookup");
    registration.addUrlPatterns(
        SecurityConfiguration.ENGINE_REST, SecurityConfiguration.WEBAPP_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
    return registration;
  }
}
