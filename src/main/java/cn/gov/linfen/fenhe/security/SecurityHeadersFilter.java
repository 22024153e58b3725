package cn.gov.linfen.fenhe.security;

import cn.gov.linfen.fenhe.engine.guard.CallerAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer of the platform: {@code X-Content-Type-Options: nosniff}, {@code
 * Referrer-Policy: same-origin}, HSTS when the request came over HTTPS (directly or through an
 * Ingress that says so in {@code X-Forwarded-Proto}, see deployment/README.md), and for the
 * platform's own pages ({@code /fenhe/…}) and API a Content-Security-Policy that allows only the
 * platform's own scripts: the inline scripts of each page by their SHA-256 hash, computed from the
 * page itself. The webapps ({@code /camunda/app/…}) keep the policy of their own header filter.
 *
 * <p>Being the first filter of every request, it also tells the engine's login throttle who is
 * calling ({@link CallerAddress}).
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String PAGES = "/fenhe/";
  private static final String POLICY =
      "default-src 'self'; script-src 'self'%s; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";
  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

  private final Map<String, String> pagePolicies = new ConcurrentHashMap<>();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith(PAGES) || path.startsWith("/api/")) {
      response.setHeader("Content-Security-Policy", policyOf(path));
      response.setHeader("X-Frame-Options", "DENY");
    }
    CallerAddress.set(request.getRemoteAddr());
    try {
      chain.doFilter(request, response);
    } finally {
      CallerAddress.clear();
    }
  }

  /** The policy of a page: its inline scripts allowed by hash; of anything else: none inline. */
  String policyOf(String path) {
    if (!path.endsWith(".html")) {
      return POLICY.formatted("");
    }
    return pagePolicies.computeIfAbsent(path, p -> POLICY.formatted(hashesOf("static" + p)));
  }

  static String hashesOf(String resource) {
    ClassPathResource page = new ClassPathResource(resource);
    if (!page.exists()) {
      return "";
    }
    try (InputStream in = page.getInputStream()) {
      String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> hashes = new ArrayList<>();
      Matcher matcher = INLINE_SCRIPT.matcher(html);
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      while (matcher.find()) {
        byte[] digest = sha256.digest(matcher.group(1).getBytes(StandardCharsets.UTF_8));
        hashes.add(" 'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
      }
      return String.join("", hashes);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot read the page " + resource, e);
    }
  }
}
