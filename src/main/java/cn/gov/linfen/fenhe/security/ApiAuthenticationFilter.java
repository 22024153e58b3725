package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.web.PlatformRefusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the platform's own API ({@code /api/*}): the session of a user logged in to the
 * Camunda webapps (state-changing requests then need the webapps' CSRF token in {@code
 * X-XSRF-TOKEN}), or HTTP Basic with the engine's users (login throttling applies). During the
 * request the engine sees the caller as authenticated, so authorizations apply.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final ProcessEngine engine;
  private final VerifiedCredentials credentials;

  public ApiAuthenticationFilter(ProcessEngine engine, VerifiedCredentials credentials) {
    this.engine = engine;
    this.credentials = credentials;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    FenheUser user = fromBasic(request);
    if (user == null) {
      user = fromSession(request);
      if (user != null
          && !SAFE_METHODS.contains(request.getMethod())
          && !csrfTokenMatches(request)) {
        ErrorJson.write(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            "Forbidden",
            PlatformRefusal.CSRF_TOKEN_MISSING.at(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
        return;
      }
    }
    if (user == null) {
      // a script of the platform's own pages (X-Requested-With) shows its own message: a Basic
      // challenge would make the browser open its login dialog (or hang, headless) instead
      if (request.getHeader("X-Requested-With") == null) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"fenhe\", charset=\"UTF-8\"");
      }
      ErrorJson.write(
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          "Unauthorized",
          PlatformRefusal.AUTHENTICATION_REQUIRED.at("Authorization"));
      return;
    }
    IdentityService identityService = engine.getIdentityService();
    request.setAttribute(FenheUser.REQUEST_ATTRIBUTE, user);
    identityService.setAuthentication(user.id(), user.groupIds());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private FenheUser fromBasic(HttpServletRequest request) {
    String[] userAndPassword =
        CachingBasicAuthenticationProvider.userAndPassword(request.getHeader("Authorization"));
    if (userAndPassword == null) {
      return null;
    }
    return credentials
        .verify(engine.getIdentityService(), userAndPassword[0], userAndPassword[1])
        .map(verified -> new FenheUser(verified.userId(), verified.groupIds()))
        .orElse(null);
  }

  private FenheUser fromSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    Authentication authentication =
        authentications.getAuthenticationForProcessEngine(engine.getName());
    if (authentication instanceof UserAuthentication userAuthentication) {
      return new FenheUser(userAuthentication.getName(), userAuthentication.getGroupIds());
    }
    return null;
  }

  private static boolean csrfTokenMatches(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return CsrfTokenCheckFilter.sameToken(
        session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME),
        request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
  }
}
