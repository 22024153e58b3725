package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.security.FenheUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.function.BiFunction;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workbench's four lists (docs/workbench.md): {@code {items, total, page, size}}, each with the
 * parameters of {@link ListParameters}.
 */
@RestController
@EngineRole
@Tag(name = "工作台列表", description = "待办、已办、我发起的、抄送我的，服务端分页，可按业务编号、企业名称和事项检索")
public class WorkbenchController {

  private final WorkbenchLists lists;

  public WorkbenchController(WorkbenchLists lists) {
    this.lists = lists;
  }

  @GetMapping("/api/workbench/todo")
  @Operation(summary = "我的待办：本人办理和本人所在组可签收的任务，按办理期限排序")
  Map<String, Object> todo(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @ParameterObject ListParameters parameters) {
    return answer(lists::todo, user, parameters);
  }

  @GetMapping("/api/workbench/done")
  @Operation(summary = "我的已办：本人办理完成的任务及本人的意见")
  Map<String, Object> done(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @ParameterObject ListParameters parameters) {
    return answer(lists::done, user, parameters);
  }

  @GetMapping("/api/workbench/started")
  @Operation(summary = "我发起的：本人提出的申请及其办理状态和当前环节")
  Map<String, Object> started(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @ParameterObject ListParameters parameters) {
    return answer(lists::started, user, parameters);
  }

  @GetMapping("/api/workbench/cc")
  @Operation(summary = "抄送我的：抄送给本人的案件，已读或未读")
  Map<String, Object> copied(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @ParameterObject ListParameters parameters) {
    return answer(lists::copied, user, parameters);
  }

  private static Map<String, Object> answer(
      BiFunction<FenheUser, ListQuery, WorkbenchLists.Page> list,
      FenheUser user,
      ListParameters parameters) {
    ListQuery query = parameters.query();
    WorkbenchLists.Page found = list.apply(user, query);
    Map<String, Object> answer = query.answer(found.items(), found.total());
    answer.put("totalAtLeast", found.totalAtLeast());
    return answer;
  }
}
