package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.web.PlatformRefusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Operations of the engine REST API that the engine itself does not restrict, but that only an
 * administrator needs: {@code POST /identity/verify} checks any user's password (an oracle for
 * guessing other people's passwords). The engine-side guards cover the rest (telemetry, metrics:
 * see {@code engine.guard.EngineGuardInterceptor}).
 */
public class AdministratorsOnlyFilter extends OncePerRequestFilter {

  private static final List<Pattern> ADMIN_ONLY = List.of(Pattern.compile(".*/identity/verify$"));

  private final ProcessEngine engine;
  private final String adminGroup;

  public AdministratorsOnlyFilter(ProcessEngine engine, String adminGroup) {
    this.engine = engine;
    this.adminGroup = adminGroup;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return ADMIN_ONLY.stream().noneMatch(p -> p.matcher(uri).matches());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isAdministrator()) {
      ErrorJson.write(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "AuthorizationException",
          PlatformRefusal.ADMINISTRATORS_ONLY.at("user"));
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean isAdministrator() {
    Authentication engineUser = engine.getIdentityService().getCurrentAuthentication();
    if (engineUser != null && engineUser.getGroupIds() != null) {
      return engineUser.getGroupIds().contains(adminGroup);
    }
    Authentications webapp = Authentications.getCurrent();
    if (webapp != null
        && webapp.getAuthenticationForProcessEngine(engine.getName())
            instanceof UserAuthentication user) {
      return user.getGroupIds() != null && user.getGroupIds().contains(adminGroup);
    }
    return false;
  }
}
