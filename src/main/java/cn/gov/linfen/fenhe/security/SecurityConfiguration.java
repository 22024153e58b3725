package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.config.EngineRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters in front of the APIs, outermost first: security headers and the caller's address (5),
 * the webapps' CSRF token in constant time (6), database outage as 503 (7), authentication (10),
 * the request guard (20), input limits (22), administrators-only operations (25), the engine's
 * errors in Fenhe's format (30).
 *
 * <p>Security is on by default: the engine REST API and the platform API need a user; the request
 * guard runs in front of the engine REST API, the webapps' API and the platform API.
 */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class SecurityConfiguration {

  public static final String ENGINE_REST = "/engine-rest/*";
  public static final String WEBAPP_API = "/camunda/api/*";
  public static final String PLATFORM_API = "/api/*";

  /** Verified Basic credentials, trusted for a few seconds (issue 20; docs/security.md). */
  @Bean
  static VerifiedCredentials verifiedCredentials(CredentialsCacheProperties properties) {
    return new VerifiedCredentials(properties);
  }

  /** Empties the verified credentials when the engine changes users, groups or memberships. */
  @Bean
  static ProcessEnginePlugin credentialsInvalidation(VerifiedCredentials credentials) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
          interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new IdentityChangeInterceptor(credentials));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
      }
    };
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
      VerifiedCredentials credentials, ProcessEngine engine) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new CachingEngineAuthenticationFilter(credentials, engine));
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns(ENGINE_REST);
    registration.setInitParameters(
        Map.of(
            ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            HttpBasicAuthenticationProvider.class.getName()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> platformApiAuthentication(
      ProcessEngine engine, VerifiedCredentials credentials) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine, credentials));
    registration.setName("platform-api-authentication");
    registration.addUrlPatterns(PLATFORM_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineErrorFilter> engineErrors(ProcessEngine engine) {
    FilterRegistrationBean<EngineErrorFilter> registration =
        new FilterRegistrationBean<>(new EngineErrorFilter(engine.getIdentityService()));
    registration.setName("engine-errors");
    registration.addUrlPatterns(ENGINE_REST, WEBAPP_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  /** Operations only administrators need, that the engine does not restrict itself. */
  @Bean
  FilterRegistrationBean<AdministratorsOnlyFilter> administratorsOnly(ProcessEngine engine) {
    FilterRegistrationBean<AdministratorsOnlyFilter> registration =
        new FilterRegistrationBean<>(new AdministratorsOnlyFilter(engine, FenheGroup.ADMINS.id()));
    registration.setName("administrators-only");
    registration.addUrlPatterns(ENGINE_REST, WEBAPP_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
    return registration;
  }

  /** The webapps' CSRF token compared in constant time, before the webapps' own filter. */
  @Bean
  FilterRegistrationBean<CsrfTokenCheckFilter> csrfTokenCheck() {
    FilterRegistrationBean<CsrfTokenCheckFilter> registration =
        new FilterRegistrationBean<>(new CsrfTokenCheckFilter());
    registration.setName("csrf-token-check");
    registration.addUrlPatterns(WEBAPP_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
    return registration;
  }

  /** Security headers on every answer (pages, API, webapps). */
  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
    FilterRegistrationBean<SecurityHeadersFilter> registration =
        new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestGuardFilter> requestGuard() {
    FilterRegistrationBean<RequestGuardFilter> registration =
        new FilterRegistrationBean<>(new RequestGuardFilter());
    registration.setName("request-guard");
    registration.addUrlPatterns(ENGINE_REST, WEBAPP_API, PLATFORM_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /**
   * The database's limits, checked before the engine or the platform sees the input (InputLimits).
   */
  @Bean
  FilterRegistrationBean<InputLimitsFilter> inputLimits() {
    FilterRegistrationBean<InputLimitsFilter> registration =
        new FilterRegistrationBean<>(new InputLimitsFilter(PLATFORM_API.replace("*", "")));
    registration.setName("input-limits");
    registration.addUrlPatterns(ENGINE_REST, WEBAPP_API, PLATFORM_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 22);
    return registration;
  }

  /** A database that cannot be reached answers 503 in Chinese, before and behind authentication. */
  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutage() {
    FilterRegistrationBean<DatabaseOutageFilter> registration =
        new FilterRegistrationBean<>(new DatabaseOutageFilter());
    registration.setName("database-outage");
    registration.addUrlPatterns(ENGINE_REST, WEBAPP_API, PLATFORM_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
    return registration;
  }
}
