package cn.gov.linfen.fenhe.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/** The engine's REST authentication filter with the caching Basic provider. */
final class CachingEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final VerifiedCredentials credentials;

  CachingEngineAuthenticationFilter(VerifiedCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    authenticationProvider = new CachingBasicAuthenticationProvider(credentials);
  }
}
