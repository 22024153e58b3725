package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.web.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that fails because the database cannot be reached — in the authentication filters,
 * which ask the engine for the user, as well as behind them — is answered 503 with a Chinese reason
 * instead of a server error. Anything else passes on unchanged.
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException | IOException e) {
      if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn(
          "{} {}: the database cannot be reached ({})",
          request.getMethod(),
          request.getRequestURI(),
          e.toString());
      response.resetBuffer();
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", "5");
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write(DatabaseUnavailable.json());
    }
  }
}
