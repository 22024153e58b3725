package cn.gov.linfen.fenhe.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic for the engine's REST API, as the engine's own provider does it, with the user's
 * groups and tenants from the {@link VerifiedCredentials} (the engine's filter then asks the
 * database nothing more).
 */
final class CachingBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  private final VerifiedCredentials credentials;

  CachingBasicAuthenticationProvider(VerifiedCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    String[] userAndPassword = userAndPassword(request.getHeader("Authorization"));
    if (userAndPassword == null) {
      return AuthenticationResult.unsuccessful();
    }
    return credentials
        .verify(engine.getIdentityService(), userAndPassword[0], userAndPassword[1])
        .map(
            verified -> {
              AuthenticationResult result = AuthenticationResult.successful(verified.userId());
              result.setGroups(verified.groupIds());
              result.setTenants(verified.tenantIds());
              return result;
            })
        .orElseGet(() -> AuthenticationResult.unsuccessful(userAndPassword[0]));
  }

  /** User name and password of a Basic header, or null when there is none or it is malformed. */
  static String[] userAndPassword(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }
}
