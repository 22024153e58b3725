package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.web.PlatformRefusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Compares the webapps' CSRF token in constant time, in front of the webapps' own CSRF filter
 * (which compares with {@code String.equals}): a state-changing request whose token differs from
 * the session's is refused here, so the webapps' filter only ever compares equal tokens and its
 * comparison time tells an attacker nothing. Missing tokens are left to the webapps' filter.
 */
public class CsrfTokenCheckFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    Object expected =
        session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    if (!SAFE_METHODS.contains(request.getMethod())
        && given != null
        && expected instanceof String
        && !sameToken(expected, given)) {
      ErrorJson.write(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "Forbidden",
          PlatformRefusal.PAGE_EXPIRED.at(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * The session's token and the one given, compared in constant time (false if either is missing).
   */
  static boolean sameToken(Object expected, String given) {
    return expected instanceof String token
        && given != null
        && MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
