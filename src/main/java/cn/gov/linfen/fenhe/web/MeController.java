package cn.gov.linfen.fenhe.web;

import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.security.FenheUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who am I: the caller's id and groups with their Chinese names, and the webapps' CSRF token of the
 * session (null without a session), which pages send as {@code X-XSRF-TOKEN} on changes.
 */
@RestController
@Tag(name = "当前用户")
public class MeController {

  @Operation(summary = "当前登录用户及其所在组")
  @GetMapping("/api/me")
  Map<String, Object> me(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user, HttpServletRequest request) {
    List<Map<String, String>> groups =
        user.groupIds().stream()
            .map(
                id ->
                    Map.of(
                        "id",
                        id,
                        "name",
                        FenheGroup.byId(id).map(FenheGroup::chineseName).orElse(id)))
            .toList();
    HttpSession session = request.getSession(false);
    Object csrfToken =
        session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", user.id());
    body.put("groups", groups);
    body.put("csrfToken", csrfToken);
    return body;
  }
}
