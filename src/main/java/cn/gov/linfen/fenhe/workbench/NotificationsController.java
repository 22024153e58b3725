package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.security.ErrorJson;
import cn.gov.linfen.fenhe.security.FenheUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A user's own messages (消息); another user's notification does not exist for him (404). */
@RestController
@EngineRole
@Tag(name = "消息", description = "新待办、转办、委派、退回、抄送、催办、即将到期和已超期的消息")
public class NotificationsController {

  private final Notifications notifications;

  public NotificationsController(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/api/notifications")
  @Operation(summary = "我的消息（最新在前），可只看未读")
  Map<String, Object> list(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @Parameter(description = "只看未读") @RequestParam(defaultValue = "false") boolean unread,
      @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "每页条数，1–100") @RequestParam(defaultValue = "20") int size) {
    ListQuery query = new ListQuery(page, size, null, null);
    List<Map<String, Object>> items =
        notifications.list(user.id(), unread, query.page(), query.size()).stream()
            .map(NotificationsController::json)
            .toList();
    Map<String, Object> answer = query.answer(items, notifications.count(user.id(), unread));
    answer.put("unread", notifications.count(user.id(), true));
    return answer;
  }

  @GetMapping("/api/notifications/unread-count")
  @Operation(summary = "未读消息数（页面每 20 秒查询一次）")
  Map<String, Object> unreadCount(@RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user) {
    return Map.of("unread", notifications.count(user.id(), true));
  }

  @PostMapping("/api/notifications/{id}/read")
  @Operation(summary = "把一条消息标为已读（只能是本人的消息）")
  ResponseEntity<Object> read(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user, @PathVariable long id) {
    if (!notifications.markRead(user.id(), id)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(
              ErrorJson.body(
                  "NotFoundException", WorkbenchRefusal.NOTIFICATION_NOT_FOUND.at("id")));
    }
    return ResponseEntity.ok(json(notifications.find(user.id(), id).orElseThrow()));
  }

  @PostMapping("/api/notifications/read-all")
  @Operation(summary = "把本人的全部消息标为已读")
  Map<String, Object> readAll(@RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user) {
    int marked = notifications.markAllRead(user.id());
    return Map.of("marked", marked, "unread", notifications.count(user.id(), true));
  }

  static Map<String, Object> json(Notification n) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", n.id());
    item.put("kind", n.kind().code());
    item.put("kindLabel", n.kind().label());
    item.put("title", n.title());
    item.put("body", n.body());
    item.put("businessKey", n.businessKey());
    item.put("processInstanceId", n.processInstanceId());
    item.put("taskId", n.taskId());
    item.put("created", n.createdAt().toString());
    item.put("read", !n.unread());
    item.put("readAt", n.readAt() == null ? null : n.readAt().toString());
    return item;
  }
}
