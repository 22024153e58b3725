package cn.gov.linfen.fenhe.supervision;

import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.identity.FenheGroup;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.web.AccessDeniedException;
import cn.gov.linfen.fenhe.web.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The escalations (督办) recorded on cases by the shared escalation step (docs/escalation.md),
 * newest first: supervisors see all, every other officer those addressed to one of his groups.
 * Running and finished cases alike (the record is the case's history).
 */
@RestController
@ConditionalOnProperty(name = "fenhe.role.engine", havingValue = "true", matchIfMissing = true)
public class EscalationsController {

  static final String VARIABLE = "escalations";
  static final int MAX_PAGE_SIZE = 200;
  private static final Logger LOG = LoggerFactory.getLogger(EscalationsController.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;

  public EscalationsController(ProcessEngine engine) {
    this.engine = engine;
  }

  @GetMapping("/api/escalations")
  Map<String, Object> escalations(@RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @RequestParam(required = false) String procedure,
      @RequestParam(required = false) String businessKey,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0) {
      throw new InvalidInputException("page", "页码不能为负数", "page must not be negative");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException("size", "每页条数应在 1 到 " + MAX_PAGE_SIZE + " 之间",
          "size must be between 1 and " + MAX_PAGE_SIZE);
    }
    boolean seesEverything = user.seesEverything();
    boolean worksCases = user.groupIds().stream().map(FenheGroup::byId)
        .anyMatch(g -> g.isPresent() && g.get().isCaseOfficerGroup());
    if (!seesEverything && !worksCases) {
      throw new AccessDeniedException("只有督查人员和办理案件的部门可以查看督办记录",
          "only supervisors and case officers see escalations");
    }

    List<Map<String, Object>> all = new ArrayList<>();
    asPlatform(() -> collect(procedure, businessKey, seesEverything ? null : Set.copyOf(user.groupIds()), all));
    all.sort(Comparator.comparing((Map<String, Object> e) -> String.valueOf(e.get("escalatedAt"))).reversed());

    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("page", page);
    answer.put("size", size);
    answer.put("total", all.size());
    answer.put("items", all.subList(Math.min(all.size(), page * size), Math.min(all.size(), page * size + size)));
    return answer;
  }

  private void collect(String procedure, String businessKey, Set<String> groups, List<Map<String, Object>> into) {
    HistoricVariableInstanceQuery query = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName(VARIABLE);
    if (businessKey != null && !businessKey.isBlank()) {
      List<HistoricProcessInstance> cases = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(businessKey).list();
      if (cases.isEmpty()) {
        return;
      }
      query.processInstanceIdIn(cases.stream().map(HistoricProcessInstance::getId).toArray(String[]::new));
    }
    if (procedure != null && !procedure.isBlank()) {
      query.processDefinitionKey(procedure);
    }
    List<HistoricVariableInstance> variables = query.list();
    Set<String> instanceIds = variables.stream().map(HistoricVariableInstance::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, HistoricProcessInstance> cases = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceIds(instanceIds).list()
          .forEach(c -> cases.put(c.getId(), c));
    }
    Map<String, ProcessDefinition> definitions = new HashMap<>();
    for (HistoricVariableInstance variable : variables) {
      if (variable.getValue() == null) {
        continue;
      }
      JsonNode list;
      try {
        list = JSON.readTree(variable.getValue().toString());
      } catch (IOException e) {
        LOG.warn("escalations of case {} are not a JSON list: {}", variable.getProcessInstanceId(), e.getMessage());
        continue;
      }
      HistoricProcessInstance instance = cases.get(variable.getProcessInstanceId());
      ProcessDefinition definition = instance == null ? null : definitions.computeIfAbsent(instance.getProcessDefinitionId(),
          id -> engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id).singleResult());
      for (JsonNode entry : list) {
        List<String> to = Arrays.stream(entry.path("to").asText("").split(",")).map(String::trim).toList();
        if (groups != null && to.stream().noneMatch(groups::contains)) {
          continue;
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("procedureKey", definition == null ? null : definition.getKey());
        item.put("procedure", definition == null ? null : definition.getName());
        item.put("businessKey", instance == null ? null : instance.getBusinessKey());
        item.put("processInstanceId", variable.getProcessInstanceId());
        item.put("caseState", instance == null ? null : instance.getState());
        item.put("stepId", text(entry, "step"));
        item.put("to", to);
        item.put("toNames", text(entry, "toNames"));
        item.put("reason", text(entry, "reason"));
        item.put("deadline", text(entry, "deadline"));
        item.put("escalatedAt", text(entry, "escalatedAt"));
        item.put("message", text(entry, "message"));
        item.put("cockpitUrl", "/camunda/app/cockpit/default/#/process-instance/" + variable.getProcessInstanceId()
            + (instance != null && instance.getEndTime() == null ? "/runtime" : "/history"));
        into.add(item);
      }
    }
  }

  private static String text(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Who may see an entry is decided above (by its groups), not by the engine's per-definition grants. */
  private void asPlatform(Runnable work) {
    AsPlatform.run(engine.getIdentityService(), work);
  }
}
