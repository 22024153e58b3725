package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.cases.CaseAccess;
import cn.gov.linfen.fenhe.cases.CaseRef;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.security.FenheUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case (案件) for the people who take part in it; everyone else is answered 404, as for a
 * business key that does not exist (CaseAccess).
 */
@RestController
@EngineRole
@Tag(name = "案件", description = "案件的概要、审批记录、当前环节、流程图和表单数据（只读）")
public class CaseController {

  private final CaseAccess access;
  private final CaseView view;

  public CaseController(CaseAccess access, CaseView view) {
    this.access = access;
    this.view = view;
  }

  @GetMapping("/api/cases/{businessKey}")
  @Operation(summary = "查看案件：概要、审批记录、当前环节（本人可否办理）、已走路径和表单数据")
  Map<String, Object> show(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String businessKey) {
    CaseRef ref = access.require(user, businessKey);
    return view.view(user, ref);
  }

  @GetMapping("/api/cases/{businessKey}/diagram")
  @Operation(summary = "案件流程图：BPMN 模型及已完成环节、当前环节和已走连线")
  Map<String, Object> diagram(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String businessKey) {
    return view.diagram(access.require(user, businessKey));
  }
}
