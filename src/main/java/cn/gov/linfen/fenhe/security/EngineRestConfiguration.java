package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.config.EngineRole;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API with Fenhe's answer to bodies of the wrong shape ({@link
 * JsonFieldErrorMapper}).
 */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class EngineRestConfiguration {

  @Bean
  CamundaJerseyResourceConfig engineRestResources() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        register(JsonFieldErrorMapper.class);
      }
    };
  }
}
