package cn.gov.linfen.fenhe.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * The engine's REST authentication filter with the caching Basic provider, and this application's
 * engine answered by its name without the service look-up Camunda makes at every request (issue 20:
 * a new service loader, provider and services-file reader each time, 3 % of the application's
 * allocations in the benchmark). Any other name is looked up as before (an unknown engine: 404).
 */
final class CachingEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final VerifiedCredentials credentials;
  private final ProcessEngine engine;

  CachingEngineAuthenticationFilter(VerifiedCredentials credentials, ProcessEngine engine) {
    this.credentials = credentials;
    this.engine = engine;
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    authenticationProvider = new CachingBasicAuthenticationProvider(credentials);
  }

  @Override
  protected ProcessEngine getAddressedEngine(String engineName) {
    return engine.getName().equals(engineName) ? engine : super.getAddressedEngine(engineName);
  }
}
