package cn.gov.linfen.fenhe.workbench.actions;

import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.security.ErrorJson;
import cn.gov.linfen.fenhe.security.FenheUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approval actions of the workbench on a task (docs/workbench-actions.md): {@code POST
 * /api/tasks/{taskId}/claim|unclaim|transfer|delegate|resolve|add-signer|remove-signer|cc|urge|
 * return|withdraw|complete}, {@code GET /api/tasks/{taskId}/return-targets}, {@code GET
 * /api/tasks/{taskId}/case} and {@code POST /api/workbench/cases/{businessKey}/withdraw}. Refusals:
 * 400 (bad input, naming the field), 403 (not the holder, a supervisor, a copied reader), 404 (no
 * such task, or not a participant of its case), 409 (the task's state forbids it), 429 (urged
 * within 24 hours).
 */
@RestController
@EngineRole
@Tag(name = "审批动作", description = "签收、转办、委派、加签、减签、抄送、催办、退回、撤回和办理")
public class TaskActionsController {

  /** {@code {userId, reason}} of 转办 and 委派. */
  public record HandOver(String userId, String reason) {}

  /** {@code {opinion}} of 委派's resolve. */
  public record Resolution(String opinion) {}

  /** {@code {userId, position, reason}} of 加签. */
  public record Signer(String userId, String position, String reason) {}

  /** {@code {userId}} of 减签. */
  public record SignerRemoval(String userId) {}

  /** {@code {userIds, groupIds, note}} of 抄送. */
  public record Copy(List<String> userIds, List<String> groupIds, String note) {}

  /** {@code {message}} of 催办. */
  public record Urge(String message) {}

  /** {@code {targetActivityId, reason}} of 退回. */
  public record Return(String targetActivityId, String reason) {}

  /** {@code {reason}} of 撤回. */
  public record Withdrawal(String reason) {}

  /** {@code {approved, opinion, variables}} of 通过/不通过. */
  public record Completion(Boolean approved, String opinion, Map<String, Object> variables) {}

  private final TaskActions actions;

  public TaskActionsController(TaskActions actions) {
    this.actions = actions;
  }

  @Operation(summary = "签收任务（候选人）")
  @PostMapping("/api/tasks/{taskId}/claim")
  Map<String, Object> claim(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user, @PathVariable String taskId) {
    return actions.claim(user, taskId);
  }

  @Operation(summary = "取消签收（办理人）")
  @PostMapping("/api/tasks/{taskId}/unclaim")
  Map<String, Object> unclaim(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user, @PathVariable String taskId) {
    return actions.unclaim(user, taskId);
  }

  @Operation(summary = "转办给本组其他办理人（须填写转办原因）")
  @PostMapping("/api/tasks/{taskId}/transfer")
  Map<String, Object> transfer(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String taskId,
      @RequestBody(required = false) HandOver body) {
    HandOver in = body == null ? new HandOver(null, null) : body;
    return actions.transfer(user, taskId, in.userId(), in.reason());
  }

  @Operation(summary = "委派给本组同事办理，办理后交回（须填写委派原因）")
  @PostMapping("/api/tasks/{taskId}/delegate")
  Map<String, Object> delegate(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String taskId,
      @RequestBody(required = false) HandOver body) {
    HandOver in = body == null ? new HandOver(null, null) : body;
    return actions.delegate(user, taskId, in.userId(), in.reason());
  }

  @Operation(summary = "被委派人办理后交回委派人（须填写意见）")
  @PostMapping("/api/tasks/{taskId}/resolve")
  Map<String, Object> resolve(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String taskId,
      @RequestBody(required = false) Resolution body) {
    return actions.resolve(user, taskId, body == null ? null : body.opinion());
  }

  @Operation(summary = "加签：他先办（before）或我办完再给他（after）")
  @PostMapping("/api/tasks/{taskId}/add-signer")
  Map<String, Object> addSigner(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String taskId,
      @RequestBody(required = false) Signer body) {
    Signer in = body == null ? new Signer(null, null, null) : body;
    return actions.addSigner(user, taskId, in.userId(), in.position(), in.reason());
  }

  @Operation(summary = "减签：移除尚未办理的加签人")
  @PostMapping("/api/tasks/{taskId}/remove-signer")
  Map<String, Object> removeSigner(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String taskId,
      @RequestBody(required = false) SignerRemoval body) {
    return actions.removeSigner(user, taskId, body == null ? null : body.userId());
  }

  @Operation(summary = "抄送案件给用户或组（只读，不能办理）")
  @PostMapping("/api/tasks/{taskId}/cc")
  Map<String, Object> cc(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String taskId,
      @RequestBody(required = false) Copy body) {
    Copy in = body == null ? new Copy(null, null, null) : body;
    return actions.cc(user, taskId, in.userIds(), in.groupIds(), in.note());
  }

  @Operation(summary = "催办当前办理人（同一任务每人 24 小时一次）")
  @PostMapping("/api/tasks/{taskId}/urge")
  Map<String, Object> urge(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String taskId,
      @RequestBody(required = false) Urge body) {
    return actions.urge(user, taskId, body == null ? null : body.message());
  }

  @Operation(summary = "任务所属的案件（业务编号、事项）")
  @GetMapping("/api/tasks/{taskId}/case")
  Map<String, Object> caseOf(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user, @PathVariable String taskId) {
    return actions.caseOf(user, taskId);
  }

  @Operation(summary = "可退回的步骤（本案已办理且通向本步骤）")
  @GetMapping("/api/tasks/{taskId}/return-targets")
  List<Map<String, Object>> returnTargets(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user, @PathVariable String taskId) {
    return actions.returnTargets(user, taskId);
  }

  @Operation(summary = "退回到此前已办理的步骤（须填写退回原因）")
  @PostMapping("/api/tasks/{taskId}/return")
  Map<String, Object> returnTo(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String taskId,
      @RequestBody(required = false) Return body) {
    Return in = body == null ? new Return(null, null) : body;
    return actions.returnTo(user, taskId, in.targetActivityId(), in.reason());
  }

  @Operation(summary = "申请人撤回申请（经本案任一任务）")
  @PostMapping("/api/tasks/{taskId}/withdraw")
  Map<String, Object> withdrawByTask(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String taskId,
      @RequestBody(required = false) Withdrawal body) {
    return actions.withdrawByTask(user, taskId, body == null ? null : body.reason());
  }

  @Operation(summary = "申请人撤回申请（事项允许撤回时）")
  @PostMapping("/api/workbench/cases/{businessKey}/withdraw")
  Map<String, Object> withdraw(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String businessKey,
      @RequestBody(required = false) Withdrawal body) {
    return actions.withdrawByBusinessKey(user, businessKey, body == null ? null : body.reason());
  }

  @Operation(summary = "办理：通过或不通过，并填写意见")
  @PostMapping("/api/tasks/{taskId}/complete")
  Map<String, Object> complete(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String taskId,
      @RequestBody(required = false) Completion body) {
    Completion in = body == null ? new Completion(null, null, null) : body;
    return actions.complete(user, taskId, in.approved(), in.opinion(), in.variables());
  }

  @ExceptionHandler(ActionRefused.class)
  ResponseEntity<ErrorJson.Body> refused(ActionRefused e) {
    String type =
        switch (e.status()) {
          case 403 -> "AuthorizationException";
          case 404 -> "NotFoundException";
          case 409, 429 -> "ConflictException";
          default -> "InvalidRequestException";
        };
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
    if (e.retryAfterSeconds() != null) {
      answer.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
    }
    return answer.body(ErrorJson.body(type, e.error()));
  }
}
