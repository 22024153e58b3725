package cn.gov.linfen.fenhe.web;

import cn.gov.linfen.fenhe.identity.FenheGroup;
import cn.gov.linfen.fenhe.security.FenheUser;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the caller's id and groups with their Chinese names. */
@RestController
public class MeController {

  @GetMapping("/api/me")
  Map<String, Object> me(@RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user) {
    List<Map<String, String>> groups = user.groupIds().stream()
        .map(id -> Map.of("id", id, "name", FenheGroup.byId(id).map(FenheGroup::chineseName).orElse(id)))
        .toList();
    return Map.of("id", user.id(), "groups", groups);
  }
}
