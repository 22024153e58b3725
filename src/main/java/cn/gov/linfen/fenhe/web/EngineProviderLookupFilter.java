package cn.gov.linfen.fenhe.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs each request of the engine's REST API with {@link EngineProviderClassLoader} as the thread's
 * context class loader, so that Camunda's engine look-up does not read its services file from the
 * jar at every request, and puts the thread's own loader back afterwards, also when the request
 * fails. A request that arrives with another context class loader than the first one is left as it
 * is.
 */
public class EngineProviderLookupFilter extends OncePerRequestFilter {

  private volatile EngineProviderClassLoader loader;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Thread thread = Thread.currentThread();
    ClassLoader own = thread.getContextClassLoader();
    EngineProviderClassLoader lookup = loaderFor(own);
    if (lookup == null) {
      chain.doFilter(request, response);
      return;
    }
    thread.setContextClassLoader(lookup);
    try {
      chain.doFilter(request, response);
    } finally {
      thread.setContextClassLoader(own);
    }
  }

  private EngineProviderClassLoader loaderFor(ClassLoader own) {
    if (own == null || own instanceof EngineProviderClassLoader) {
      return null;
    }
    EngineProviderClassLoader current = loader;
    if (current == null) {
      synchronized (this) {
        if (loader == null) {
          loader = new EngineProviderClassLoader(own);
        }
        current = loader;
      }
    }
    return current.getParent() == own ? current : null;
  }
}
